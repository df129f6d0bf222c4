import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The side-by-side table of the four tier runs, as a printed table and as tiers.csv, under the
/// disclosure policy. Each column is one run's Tokyo totals. The figures that a run's own reports
/// publish (`bcpsim run --tier T`: the outcomes, harm, admissions, patients found, units, beds)
/// are read from that run's PublicTables, so they show here as there. The workshop's own figures
/// (found in time by others, the detection channels, where the units came from) are banded when
/// small, with the published sums they add up to (patients found = the five channels; units = the
/// four sources) protected around the run's shown totals.
public struct TierTable: Sendable {
    public let figures: [TierFigures]
    public let policy: DisclosurePolicy
    /// shown[run][metric], in the order of `metrics`.
    let shown: [[Shown]]

    /// Row key, whether it is a duration in minutes (printed as hours), and the value.
    struct Metric: Sendable {
        var key: String
        var minutes: Bool
        var value: @Sendable (TierFigures) -> Int?
        var strong = false
        /// The run reports' column of this figure (nil: the workshop's own).
        var published: PublicTables.Col? = nil
    }

    static let metrics: [Metric] = [
        Metric(key: "affected", minutes: false, value: { $0.totals.affected }, published: .affected),
        Metric(key: "coveredOwnMeans", minutes: false, value: { $0.totals.coveredOwnMeans }, published: .ownMeans),
        Metric(key: "coveredBySelfHelp", minutes: false, value: { $0.totals.coveredBySelfHelp }, published: .selfHelp),
        Metric(key: "atRisk", minutes: false, value: { $0.totals.atRisk }, published: .atRisk),
        Metric(key: "coveredByUnit", minutes: false, value: { $0.totals.coveredByUnit }, published: .byUnit),
        Metric(key: "evacuated", minutes: false, value: { $0.totals.evacuated }, published: .evacuated),
        Metric(key: "uncovered", minutes: false, value: { $0.totals.uncovered }, strong: true, published: .uncovered),
        Metric(key: "gap", minutes: true, value: { $0.totals.gapMinutes }, strong: true, published: .gap),
        Metric(key: "maxGap", minutes: true) { $0.totals.maxGapMinutes },
        Metric(key: "harmed", minutes: false, value: { $0.totals.harmed }, strong: true, published: .harmed),
        Metric(key: "beyondTolerance", minutes: true, value: { $0.totals.beyondToleranceMinutes }, published: .beyondTolerance),
        Metric(key: "admitted", minutes: false, value: { $0.totals.admitted }, published: .admitted),
        Metric(key: "emergency", minutes: false, value: { $0.totals.admissions[.emergency] }, published: .emergency),
        Metric(key: "detected", minutes: false, value: { $0.totals.detected }, published: .detected),
        Metric(key: "foundBySystem", minutes: false) { $0.foundBySystem },
        Metric(key: "delayMean", minutes: true) { $0.meanDelay },
        Metric(key: "delayMax", minutes: true) { $0.totals.detected > 0 ? $0.totals.detectionDelayMax : nil },
        Metric(key: "byProviderCall", minutes: false) { $0.channel(.providerCall) },
        Metric(key: "byLinkedPartner", minutes: false) { $0.channel(.linkedPartner) },
        Metric(key: "byMunicipality", minutes: false) { $0.channel(.municipalConfirmation) },
        Metric(key: "bySupplierCall", minutes: false) { $0.channel(.supplierCall) },
        Metric(key: "bySelfCall", minutes: false) { $0.channel(.selfCall) },
        Metric(key: "units", minutes: false, value: { $0.totals.unitsDelivered }, published: .unitsDelivered),
        Metric(key: "unitsOwnProvider", minutes: false) { $0.unitsOwnProvider },
        Metric(key: "unitsPartner", minutes: false) { $0.unitsPartner },
        Metric(key: "unitsOwnMunicipality", minutes: false) { $0.unitsOwnMunicipality },
        Metric(key: "unitsNeighbour", minutes: false) { $0.unitsNeighbour },
        Metric(key: "beds", minutes: false, value: { $0.totals.bedsUsed }, published: .bedsUsed),
    ]

    static func index(_ key: String) -> Int { metrics.firstIndex { $0.key == key }! }

    /// `tables`: each run's published figures, in the order of `figures`.
    public init(_ figures: [TierFigures], tables: [PublicTables], policy: DisclosurePolicy) {
        precondition(figures.count == tables.count, "one table per run")
        self.figures = figures
        self.policy = policy
        shown = zip(figures, tables).map { TierTable.protect($0, $1, policy) }
    }

    /// The runs' figures, each run's published ones as PublicTables under `policy` shows them.
    public init(_ figures: [TierFigures], results: [SimulationResult], policy: DisclosurePolicy) {
        self.init(figures, tables: results.map { PublicTables(ResultDocument(result: $0), policy: policy) }, policy: policy)
    }

    /// The run's figures under the policy: its published ones as its reports show them; the
    /// others banded when small, around the published totals they add up to.
    static func protect(_ f: TierFigures, _ tables: PublicTables, _ policy: DisclosurePolicy) -> [Shown] {
        var g = DisclosureGrid(policy: policy)
        let t = f.totals
        var cell: [Int?] = []
        var direct: [Shown?] = []
        for m in metrics {
            guard let v = m.value(f) else {
                cell.append(nil)
                direct.append(nil)
                continue
            }
            if let col = m.published {
                cell.append(g.fixed(v, shown: tables.shown(.total, col)))
                direct.append(nil)
                continue
            }
            // One person's time, or a mean: shown by the rules the run's reports follow.
            switch m.key {
            case "maxGap": direct.append(tables.longestGap())
            case "delayMean": direct.append(tables.meanDelay(t))
            case "delayMax": direct.append(policy.extreme(v, group: t.detected))
            default:
                cell.append(g.count(v, tokyo: true))
                direct.append(nil)
                continue
            }
            cell.append(nil)
        }
        func c(_ k: String) -> Int { cell[index(k)]! }
        g.sum(total: c("detected"), of: ["byProviderCall", "byLinkedPartner", "byMunicipality", "bySupplierCall", "bySelfCall"].map(c))
        g.sum(total: c("units"), of: ["unitsOwnProvider", "unitsPartner", "unitsOwnMunicipality", "unitsNeighbour"].map(c))
        g.protect()
        return metrics.indices.map { k in direct[k] ?? cell[k].map(g.shown) ?? .withheld }
    }

    /// A figure of a run as shown (nil: not applicable, e.g. no patient found).
    public func shown(_ run: Int, _ key: String) -> Shown? {
        let k = TierTable.index(key)
        return TierTable.metrics[k].value(figures[run]) == nil ? nil : shown[run][k]
    }

    /// A figure of the run with this tier, as text ("-" when not applicable).
    public func text(_ run: Int, _ key: String, _ lang: Language) -> String {
        guard let s = shown(run, key) else { return "-" }
        return TierTable.metrics[TierTable.index(key)].minutes ? DisclosureText.hours(s) : DisclosureText.count(s, lang)
    }

    /// Metrics down, tiers across (prints on one page).
    public func table(_ lang: Language) -> TextTable {
        var t = TextTable(
            headers: [Labels.text("workshop.col.metric", lang)] + figures.map { TierText.name($0.tier, lang) },
            alignments: [.left] + figures.map { _ in .right })
        for m in TierTable.metrics {
            let label = Labels.text("workshop.metric." + m.key, lang) + (m.minutes ? Labels.text("workshop.unit.hours", lang) : "")
            t.add([label] + figures.indices.map { text($0, m.key, lang) }, strong: m.strong)
        }
        return t
    }

    /// One row per tier; durations in whole minutes so that a spreadsheet can add them up; a
    /// banded or withheld figure leaves its number empty and is written in its flag column.
    public func csv(_ lang: Language, bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        let names = TierTable.metrics.map { Labels.text("workshop.metric." + $0.key, lang) + ($0.minutes ? Labels.text("workshop.unit.minutes", lang) : "") }
        w.row(texts: [Labels.text("workshop.col.tierKey", lang), Labels.text("workshop.col.tier", lang)] + names
            + names.map { Labels.text("csv.flag", lang, $0) })
        for (run, f) in figures.enumerated() {
            var values: [CSVCell] = [], flags: [CSVCell] = []
            for m in TierTable.metrics {
                guard let s = shown(run, m.key) else {
                    values.append(.empty)
                    flags.append(.empty)
                    continue
                }
                let c = DisclosureText.csv(s, lang)
                values.append(c.value)
                flags.append(c.flag)
            }
            w.row([.text(f.tier.rawValue), .text(TierText.name(f.tier, lang))] + values + flags)
        }
        return w.text
    }
}

/// Uncovered patients and hours without power per secondary area and tier run (areas with
/// patients who lost power), as each run's reports publish them (its PublicTables).
public struct AreaTierTable: Sendable {
    public let results: [SimulationResult]
    public let policy: DisclosurePolicy
    /// shown[run][area] = (uncovered, gap); the last entry is Tokyo.
    let shown: [[(uncovered: Shown, gap: Shown)]]

    public init(_ results: [SimulationResult], tables: [PublicTables], policy: DisclosurePolicy) {
        precondition(results.count == tables.count, "one table per run")
        self.results = results
        self.policy = policy
        shown = zip(results, tables).map { r, t in
            r.areas.indices.map { (t.shown(.area($0), .uncovered), t.shown(.area($0), .gap)) } + [(t.shown(.total, .uncovered), t.shown(.total, .gap))]
        }
    }

    /// Area `i` of run `run` (i == areas.count: Tokyo).
    public func figures(_ run: Int, _ i: Int) -> (uncovered: Shown, gap: Shown) { shown[run][i] }

    public func table(_ lang: Language) -> TextTable {
        var headers = [Labels.text("common.col.area", lang)]
        for r in results {
            let n = TierText.name(r.tier, lang)
            headers += [Labels.text("workshop.col.areaUncovered", lang, n), Labels.text("workshop.col.areaGap", lang, n)]
        }
        var t = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: 2 * results.count))
        guard let first = results.first else { return t }
        for (i, a) in first.areas.enumerated() where results.contains(where: { $0.areas[i].tally.affected > 0 }) {
            t.add([lang.pick(ja: a.nameJa, en: a.nameEn)] + results.indices.flatMap { run in
                [DisclosureText.count(shown[run][i].uncovered, lang), DisclosureText.hours(shown[run][i].gap)]
            })
        }
        t.add([Labels.text("common.tokyoTotal", lang)] + results.indices.flatMap { run in
            [DisclosureText.count(shown[run][first.areas.count].uncovered, lang), DisclosureText.hours(shown[run][first.areas.count].gap)]
        }, strong: true)
        return t
    }
}
