import BCPAnalysis
import BCPModel
import BCPText

/// The patient figures of the allocation check under the disclosure policy (DisclosureGrid, the
/// same component as every other output). Every renderer reads need figures from here, never
/// from the rows directly, so all formats show the same figure.
///
/// Cells, per row (municipality, area, Tokyo): patients in scope, patients below target and
/// patients on held generators are counts; batteries needed, batteries covered by held
/// generators, need gap, subsidized gap units, the standard's shortfall and spare, and the number
/// of municipalities where the standard under-provides are magnitudes of their contributing
/// patients. Sums: each column's municipalities sum to their area, areas to Tokyo.
///
/// Within a row the figures are tied to one another and to public numbers by arithmetic (gap =
/// needed - covered - batteries held when positive; the gap's cost and subsidy follow from the
/// gap; the verdict from the needed batteries and the standard's units), so cells are widened in
/// blocks (`DisclosureGrid.group`): "need" (patients, below target, on held generators,
/// batteries needed), "gap" (covered by held generators, gap, subsidized gap units, the gap's yen)
/// and "verdict" (standard short, spare, municipalities under, the verdict). Widening the need
/// widens the other two; widening the gap or the verdict widens the need too where the need would
/// give it away. Area cells are widened before municipality cells (a planner reads the
/// municipalities), Tokyo's last.
public struct AllocationPublic: Sendable {
    public enum Col: Int, Sendable, CaseIterable {
        case patients, belowTarget, onGenerators, batteriesNeeded, covered, gap, subsidized, standardShort, standardSpare, municipalitiesUnder
    }

    static let needBlock: [Col] = [.patients, .belowTarget, .onGenerators, .batteriesNeeded]
    static let gapBlock: [Col] = [.covered, .gap, .subsidized]
    static let verdictBlock: [Col] = [.standardShort, .standardSpare, .municipalitiesUnder]

    public enum Key: Hashable, Sendable {
        case municipality(MunicipalityCode), area(String), total
    }

    public let policy: DisclosurePolicy
    var grid: DisclosureGrid
    var cells: [Key: [Int]] = [:]
    /// Areas with a municipality that holds fewer batteries than the standard (others' subsidized
    /// gap units are 0 by public numbers).
    var roomForSubsidy: Set<String> = []

    public static func key(_ r: AllocationRow) -> Key {
        switch r.level {
        case .municipality: return .municipality(r.code!)
        case .area: return .area(r.areaJa)
        case .total: return .total
        }
    }

    /// The disclosure policy of a report's privacy mode.
    public static func policy(_ p: AllocationPrivacy) -> DisclosurePolicy {
        switch p {
        case .exact: return DisclosurePolicy(basis: .restricted, threshold: 1)
        case .syntheticData: return .open
        case .suppressed(let t): return .protected(t)
        }
    }

    /// The threshold in force: 1 when nothing is small.
    public var threshold: Int { policy.threshold }

    public init(_ report: AllocationReport) {
        policy = AllocationPublic.policy(report.privacy)
        grid = DisclosureGrid(policy: policy)
        guard report.hasPatientData, policy.protects else { return }

        for m in report.municipalities where m.standard.battery > m.held.battery { roomForSubsidy.insert(m.areaJa) }
        for r in report.municipalities + report.areas + [report.total] { addRow(r) }
        // Column sums; a cell whose value follows from public numbers alone (0: no held
        // generator, no room for subsidy, no standard) is known to every reader and left out.
        for c in Col.allCases {
            for a in report.areas {
                let ms = report.municipalities.filter { $0.areaJa == a.areaJa && $0.areaEn == a.areaEn }
                constrain(c, total: a, members: ms)
            }
            constrain(c, total: report.total, members: report.areas)
        }
        grid.protect()
    }

    /// Whether `c` of `r` is 0 by public numbers alone: no held generator (nobody on one), no
    /// room under the standard for a subsidized battery, no standard (nothing spare).
    func publicZero(_ r: AllocationRow, _ c: Col) -> Bool {
        switch c {
        case .onGenerators, .covered: return r.held.generator == 0
        case .subsidized:
            switch r.level {
            case .municipality: return r.standard.battery <= r.held.battery
            case .area: return !roomForSubsidy.contains(r.areaJa)
            case .total: return roomForSubsidy.isEmpty
            }
        case .standardSpare: return r.standard.generator == 0
        default: return false
        }
    }

    mutating func constrain(_ c: Col, total: AllocationRow, members: [AllocationRow]) {
        let ms = members.filter { !publicZero($0, c) }.map { cells[AllocationPublic.key($0)]![c.rawValue] }
        grid.sum(total: cells[AllocationPublic.key(total)]![c.rawValue], of: ms)
    }

    mutating func addRow(_ r: AllocationRow) {
        guard let n = r.need, let cost = r.costNeed else { return }
        let isTokyo = r.level == .total
        // Municipalities are read first: their cells are widened after the areas'.
        let weight = r.level == .municipality ? 1 : 0
        var idx = [Int](repeating: -1, count: Col.allCases.count)
        func small(_ v: Int) -> Bool { policy.isSmall(v) }
        func count(_ c: Col, _ v: Int, small s: Bool) {
            idx[c.rawValue] = grid.count(v, small: s, importance: weight, tokyo: isTokyo)
        }
        func magnitude(_ c: Col, _ v: Int, small s: Bool) {
            // A primary magnitude is positive (the reader's model of "x" from few patients); a
            // zero in a hidden block is widened by the block, as a secondary cell. Tokyo's need and
            // gap are never withheld; the size of its verdict (short, spare) may be, when a sum of
            // zeros would otherwise pin an area's.
            let tokyoFixed = isTokyo && c != .standardShort && c != .standardSpare
            idx[c.rawValue] = grid.magnitude(v, small: s && v > 0, importance: weight + (isTokyo ? 2 : 0), tokyo: tokyoFixed)
        }
        let fewBelow = small(n.belowTarget)
        // Patients whose batteries decide the standard's verdict: those the standard's generators
        // go to (the largest needs), summed over municipalities for an area or Tokyo.
        let fewOnStandard = small(n.patientsOnStandardGenerators)
        count(.patients, n.patients, small: small(n.patients))
        count(.belowTarget, n.belowTarget, small: fewBelow)
        // min(held generators, below target): public when the count below target is shown, so
        // small only with it.
        count(.onGenerators, n.patientsOnHeldGenerators, small: fewBelow && small(n.patientsOnHeldGenerators))
        magnitude(.batteriesNeeded, n.batteriesNeeded, small: fewBelow)
        // The batteries of the patients on held generators: a magnitude of those few patients.
        magnitude(.covered, n.coveredByHeldGenerators, small: fewBelow || small(n.patientsOnHeldGenerators))
        magnitude(.gap, n.gap, small: fewBelow || small(n.patientsOnHeldGenerators))
        magnitude(.subsidized, cost.subsidizedUnits, small: fewBelow || small(n.patientsOnHeldGenerators))
        magnitude(.standardShort, n.standardShort, small: fewBelow || fewOnStandard)
        magnitude(.standardSpare, n.standardSpare, small: fewBelow || fewOnStandard)
        // Whether the standard falls short (the verdict's word) is a statement about the
        // municipality's standard, not a count of people: shown for every municipality (it was
        // "x" for all 62 of a real-data roster, Setagaya's 38 against 37 included: a ward
        // official's trial). It bounds the need only loosely (more, or not more, than the
        // standard's units); its size (short, spare), which would tell the need, follows the need.
        idx[Col.municipalitiesUnder.rawValue] = grid.count(n.municipalitiesUnder, small: false, importance: weight + 2, tokyo: isTokyo)
        cells[AllocationPublic.key(r)] = idx

        // A cell that public numbers fix (publicZero) is never widened with its block.
        func block(_ cs: [Col]) -> [Int] { cs.filter { !publicZero(r, $0) }.map { idx[$0.rawValue] } }
        let need = block(AllocationPublic.needBlock)
        let gap = block(AllocationPublic.gapBlock)
        let verdict = block([.standardShort, .standardSpare])
        let under = idx[Col.municipalitiesUnder.rawValue]
        // Gap and verdict follow from the need and numbers the reader does not have (the
        // batteries of the patients on held / standard generators): widening the need widens them.
        grid.group(trigger: need, dependents: gap + verdict)
        // The verdict's word follows from its size: withholding the word withholds the size.
        grid.group(trigger: [under], dependents: verdict)
        // Nobody on a held generator (covered 0, gap = needed - batteries held) or everybody
        // below target on one (covered = needed, gap 0): the gap follows from the need.
        let gapFollows = n.patientsOnHeldGenerators == 0 || n.patientsOnHeldGenerators == n.belowTarget
        grid.group(trigger: gap, dependents: gapFollows ? gap + need : gap)
        // Without a standard (0 units) the verdict is the need itself (short = batteries needed).
        grid.group(trigger: verdict, dependents: r.standard.generator == 0 ? verdict + need : verdict)
        grid.group(trigger: need, dependents: need)
    }

    // MARK: Reading cells

    /// What the cell shows.
    public func shown(_ r: AllocationRow, _ c: Col) -> Shown {
        guard let idx = cells[AllocationPublic.key(r)]?[c.rawValue], idx >= 0 else { return .exact(AllocationPublic.value(r, c)) }
        return grid.shown(idx)
    }

    /// Whether the row's need figures (patients, below target, on held generators, batteries needed) are widened.
    public func needHidden(_ r: AllocationRow) -> Bool { !shown(r, .batteriesNeeded).isExact || !shown(r, .belowTarget).isExact }
    /// Whether the row's gap figures (covered by held generators, gap, its cost) are widened.
    public func gapHidden(_ r: AllocationRow) -> Bool { !shown(r, .gap).isExact }
    /// Whether the row's verdict (under- or over-provides) is withheld.
    public func verdictHidden(_ r: AllocationRow) -> Bool { !shown(r, .municipalitiesUnder).isExact }
    /// The verdict's key as it may be shown: "under", "over", "matches"; with its difference
    /// withheld, "over" and "matches" are both "suffices" (telling them apart would tell that the
    /// spare is 0); nil when withheld or for a sum row.
    public func verdictKey(_ r: AllocationRow) -> String? {
        guard !verdictHidden(r), let v = r.need?.verdict else { return nil }
        return differenceHidden(r) && v != .under ? "suffices" : v.rawValue
    }

    /// Whether the verdict's difference (standard short or spare) is withheld.
    public func differenceHidden(_ r: AllocationRow) -> Bool { !shown(r, .standardShort).isExact || !shown(r, .standardSpare).isExact }

    static func value(_ r: AllocationRow, _ c: Col) -> Int {
        let n = r.need ?? NeedFigures()
        switch c {
        case .patients: return n.patients
        case .belowTarget: return n.belowTarget
        case .onGenerators: return n.patientsOnHeldGenerators
        case .batteriesNeeded: return n.batteriesNeeded
        case .covered: return n.coveredByHeldGenerators
        case .gap: return n.gap
        case .subsidized: return r.costNeed?.subsidizedUnits ?? 0
        case .standardShort: return n.standardShort
        case .standardSpare: return n.standardSpare
        case .municipalitiesUnder: return n.municipalitiesUnder
        }
    }

    /// A figure as Markdown/HTML text: grouped digits, a band, or "x".
    public func text(_ r: AllocationRow, _ c: Col, _ lang: Language) -> String { DisclosureText.count(shown(r, c), lang) }

    /// A figure as CSV cells: the number (empty unless exact) and its flag.
    public func csv(_ r: AllocationRow, _ c: Col, _ lang: Language) -> (value: CSVCell, flag: CSVCell) { DisclosureText.csv(shown(r, c), lang) }

    /// A figure as JSON: an integer, {"min", "max"} for a band, or "x".
    public func json(_ r: AllocationRow, _ c: Col) -> OrderedJSON { DisclosureText.json(shown(r, c)) }

    /// Yen that follow from the gap block (gap x price, subsidized units x half price): shown
    /// with it, "x" without it.
    public func gapDerived(_ r: AllocationRow, _ v: Int) -> Shown { gapHidden(r) ? .withheld : .exact(v) }

    /// The ranking view. Without suppression: every municipality by need gap, largest first, ties
    /// by code. Suppressed: only municipalities whose need gap is shown are ranked (by that gap,
    /// ties by code); the others follow unranked, in code order, so that the order says nothing
    /// about a hidden gap. Rank is nil for an unranked row.
    public func ranking(_ report: AllocationReport) -> [(rank: Int?, row: AllocationRow)] {
        guard report.hasPatientData else { return [] }
        if !policy.protects { return report.ranking.enumerated().map { ($0 + 1, $1) } }
        let shownRows = report.ranking.filter { !gapHidden($0) }
        let hidden = report.municipalities.filter { gapHidden($0) }
        return shownRows.enumerated().map { ($0 + 1, $1) } + hidden.map { (nil, $0) }
    }
}
