import BCPAnalysis
import BCPModel
import BCPText

/// The patient figures of the allocation check after small-count suppression. Every renderer
/// reads need figures from here (never from the rows directly), so all formats hide the same cells.
///
/// Cells, per row (municipality, area, Tokyo): patients in scope, patients below target and
/// patients on held generators are counts; batteries needed, batteries covered by held
/// generators, need gap, subsidized gap units, the standard's shortfall and spare, and the number
/// of municipalities where the standard under-provides are magnitudes of their contributing
/// patients. Equations: each column's municipalities sum to their area, areas to Tokyo.
///
/// Within a row the figures are tied to one another and to public numbers by arithmetic (gap =
/// needed - covered - batteries held when positive; the gap's cost and subsidy follow from the
/// gap; the verdict from the needed batteries and the standard's units), so cells are hidden in
/// blocks: "need" (patients, below target (at most the patients), on held generators, batteries needed), "gap" (covered by held
/// generators, gap, subsidized gap units, the gap's yen) and "verdict" (standard short, spare,
/// municipalities under, the verdict). Hiding the need hides the other two; hiding the gap or
/// the verdict hides the need too where the need would give it away. `Suppression.pinned` and
/// `Suppression.nextToHide` (the shortfall reports' suppression) decide every cell; the only
/// addition is that block closure, run to a fixed point with the sum checks.
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

    public let privacy: AllocationPrivacy
    /// 1 in exact mode (nothing is small).
    public let threshold: Int
    var values: [Int] = []
    var kinds: [Suppression.Kind] = []
    var primary: [Bool] = []
    var constraints: [Suppression.Constraint] = []
    var groups: [(trigger: [Int], dependents: [Int])] = []
    var marks: [Suppression.Mark] = []
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

    public init(_ report: AllocationReport) {
        privacy = report.privacy
        switch report.privacy {
        case .exact: threshold = 1
        case .suppressed(let t): threshold = max(1, t)
        }
        guard report.hasPatientData, !privacy.isExact else { return }

        for r in report.municipalities + report.areas + [report.total] { addRow(r) }
        for m in report.municipalities where m.standard.battery > m.held.battery { roomForSubsidy.insert(m.areaJa) }
        // Column equations; a cell whose value follows from public numbers alone (0: no held
        // generator, no room for subsidy, no standard) is known to every reader and left out.
        for c in Col.allCases {
            for a in report.areas {
                let ms = report.municipalities.filter { $0.areaJa == a.areaJa && $0.areaEn == a.areaEn }
                constrain(c, total: a, members: ms)
            }
            constrain(c, total: report.total, members: report.areas)
        }
        marks = AllocationPublic.protect(
            values: values, kinds: kinds, primary: primary, constraints: constraints, groups: groups, threshold: threshold)
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
        let t = cells[AllocationPublic.key(total)]![c.rawValue]
        guard values[t] == ms.reduce(0, { $0 + values[$1] }) else { return }
        constraints.append(Suppression.Constraint(total: t, members: ms))
    }

    mutating func addRow(_ r: AllocationRow) {
        guard let n = r.need, let cost = r.costNeed else { return }
        func small(_ v: Int) -> Bool { Suppression.isSmall(v, threshold: threshold) }
        func add(_ c: Col, _ v: Int, _ kind: Suppression.Kind, small: Bool) {
            values.append(v)
            kinds.append(kind)
            // A primary magnitude is positive (the reader's model of "x" from few patients); a
            // zero in a hidden block is hidden by closure, as a secondary cell.
            primary.append(small && (kind == .count || v > 0))
            idx[c.rawValue] = values.count - 1
        }
        var idx = [Int](repeating: -1, count: Col.allCases.count)
        let fewBelow = small(n.belowTarget)
        // Patients whose batteries decide the standard's verdict: those the standard's generators
        // go to (the largest needs), summed over municipalities for an area or Tokyo.
        let fewOnStandard = small(n.patientsOnStandardGenerators)
        add(.patients, n.patients, .count, small: small(n.patients))
        add(.belowTarget, n.belowTarget, .count, small: fewBelow)
        // min(held generators, below target): public generators and the count below target tell it.
        add(.onGenerators, n.patientsOnHeldGenerators, .count, small: fewBelow && small(n.patientsOnHeldGenerators))
        add(.batteriesNeeded, n.batteriesNeeded, .magnitude, small: fewBelow)
        // The batteries of the patients on held generators: a magnitude of those few patients.
        add(.covered, n.coveredByHeldGenerators, .magnitude, small: fewBelow || small(n.patientsOnHeldGenerators))
        add(.gap, n.gap, .magnitude, small: fewBelow || small(n.patientsOnHeldGenerators))
        add(.subsidized, cost.subsidizedUnits, .magnitude, small: fewBelow || small(n.patientsOnHeldGenerators))
        add(.standardShort, n.standardShort, .magnitude, small: fewBelow || fewOnStandard)
        add(.standardSpare, n.standardSpare, .magnitude, small: fewBelow || fewOnStandard)
        add(.municipalitiesUnder, n.municipalitiesUnder, .magnitude, small: fewBelow || fewOnStandard)
        cells[AllocationPublic.key(r)] = idx

        let need = AllocationPublic.needBlock.map { idx[$0.rawValue] }
        let gap = AllocationPublic.gapBlock.map { idx[$0.rawValue] }
        let verdict = AllocationPublic.verdictBlock.map { idx[$0.rawValue] }
        // Gap and verdict follow from the need and numbers the reader does not have (the
        // batteries of the patients on held / standard generators): hiding the need hides them.
        groups.append((need, need + gap + verdict))
        // Nobody on a held generator (covered 0, gap = needed - batteries held) or everybody
        // below target on one (covered = needed, gap 0): the gap follows from the need.
        let gapFollows = n.patientsOnHeldGenerators == 0 || n.patientsOnHeldGenerators == n.belowTarget
        groups.append((gap, gapFollows ? gap + need : gap))
        // Without a standard (0 units) the verdict is the need itself (short = batteries needed).
        groups.append((verdict, r.standard.generator == 0 ? verdict + need : verdict))
    }

    /// `Suppression.protect` with block closure: until nothing changes, every sum equation that
    /// pins a hidden cell hides one more cell (`Suppression.nextToHide`), and a block with a
    /// hidden trigger cell hides its dependents. A cell hidden by closure is a secondary cell:
    /// 0 or at least the threshold for a count (a smaller count is already primary), any
    /// magnitude.
    static func protect(
        values: [Int], kinds: [Suppression.Kind], primary: [Bool], constraints: [Suppression.Constraint],
        groups: [(trigger: [Int], dependents: [Int])], threshold: Int
    ) -> [Suppression.Mark] {
        var marks = primary.map { $0 ? Suppression.Mark.primary : .shown }
        var changed = true
        while changed {
            changed = false
            for c in constraints {
                while Suppression.pinned(c, values: values, kinds: kinds, marks: marks, threshold: threshold) != nil {
                    guard let pick = Suppression.nextToHide(c, values: values, marks: marks) else { break }
                    marks[pick] = .secondary
                    changed = true
                }
            }
            for g in groups where g.trigger.contains(where: { marks[$0].hidden }) {
                for d in g.dependents where !marks[d].hidden {
                    marks[d] = .secondary
                    changed = true
                }
            }
        }
        return marks
    }

    // MARK: Reading cells

    public func mark(_ r: AllocationRow, _ c: Col) -> Suppression.Mark {
        guard !marks.isEmpty, let idx = cells[AllocationPublic.key(r)]?[c.rawValue], idx >= 0 else { return .shown }
        return marks[idx]
    }

    /// Whether the row's need figures (patients, below target, on held generators, batteries needed) are hidden.
    public func needHidden(_ r: AllocationRow) -> Bool { mark(r, .belowTarget).hidden }
    /// Whether the row's gap figures (covered by held generators, gap, its cost) are hidden.
    public func gapHidden(_ r: AllocationRow) -> Bool { mark(r, .gap).hidden }
    /// Whether the row's verdict and its difference are hidden.
    public func verdictHidden(_ r: AllocationRow) -> Bool { mark(r, .standardShort).hidden }

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

    static func isCount(_ c: Col) -> Bool { c == .patients || c == .belowTarget || c == .onGenerators }

    /// The text a hidden cell shows: the range ("1-9") for a small count, else "x".
    public func hiddenText(_ r: AllocationRow, _ c: Col) -> String? {
        switch mark(r, c) {
        case .shown: return nil
        case .primary: return AllocationPublic.isCount(c) ? Suppression.rangeText(threshold) : "x"
        case .secondary: return "x"
        }
    }

    /// A figure as Markdown/HTML text: grouped digits, or the range / "x".
    public func text(_ r: AllocationRow, _ c: Col) -> String {
        hiddenText(r, c) ?? NumberFormat.grouped(AllocationPublic.value(r, c))
    }

    /// A figure as a CSV cell: a number, or the range / "x" as text in the same column.
    public func csv(_ r: AllocationRow, _ c: Col) -> CSVCell {
        hiddenText(r, c).map { .text($0) } ?? .number(AllocationPublic.value(r, c))
    }

    /// A figure as JSON: an integer, or the range / "x" as a string.
    public func json(_ r: AllocationRow, _ c: Col) -> OrderedJSON {
        hiddenText(r, c).map { .string($0) } ?? .int(AllocationPublic.value(r, c))
    }

    /// Yen that follow from the gap block (gap x price, subsidized units x half price): shown
    /// with it, "x" without it.
    public func gapDerived(_ r: AllocationRow, _ shown: @autoclosure () -> String) -> String { gapHidden(r) ? "x" : shown() }
    public func gapDerivedCSV(_ r: AllocationRow, _ v: Int) -> CSVCell { gapHidden(r) ? .text("x") : .number(v) }
    public func gapDerivedJSON(_ r: AllocationRow, _ v: Int) -> OrderedJSON { gapHidden(r) ? .string("x") : .int(v) }

    /// The ranking view. Exact mode: every municipality by need gap, largest first, ties by code.
    /// Suppressed: only municipalities whose need gap is published are ranked (by that gap, ties by
    /// code); the others follow unranked, in code order, so that the order says nothing about a
    /// hidden gap. Rank is nil for an unranked row.
    public func ranking(_ report: AllocationReport) -> [(rank: Int?, row: AllocationRow)] {
        guard report.hasPatientData else { return [] }
        if privacy.isExact { return report.ranking.enumerated().map { ($0 + 1, $1) } }
        let shown = report.ranking.filter { !gapHidden($0) }
        let hidden = report.municipalities.filter { gapHidden($0) }
        return shown.enumerated().map { ($0 + 1, $1) } + hidden.map { (nil, $0) }
    }
}
