import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The side-by-side table of the four tier runs, as a printed table and as tiers.csv, under the
/// disclosure policy. Each column is one run's Tokyo totals, so nothing is ever withheld beyond a
/// band, but small counts are banded and the run's published sums (affected = the five outcomes,
/// self-help among them; affected = own means + needed help and needed help = unit + bed +
/// uncovered where they still add up under model v2; patients found = the five channels, the
/// oxygen supplier's among them; units = the four sources) are protected like any other table's.
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
    }

    static let metrics: [Metric] = [
        Metric(key: "affected", minutes: false) { $0.totals.affected },
        Metric(key: "atRisk", minutes: false) { $0.totals.atRisk },
        Metric(key: "foundInTime", minutes: false) { $0.foundInTime },
        Metric(key: "coveredOwnMeans", minutes: false) { $0.totals.coveredOwnMeans },
        Metric(key: "coveredBySelfHelp", minutes: false) { $0.totals.coveredBySelfHelp },
        Metric(key: "coveredByUnit", minutes: false) { $0.totals.coveredByUnit },
        Metric(key: "evacuated", minutes: false) { $0.totals.evacuated },
        Metric(key: "uncovered", minutes: false, value: { $0.totals.uncovered }, strong: true),
        Metric(key: "gap", minutes: true, value: { $0.totals.gapMinutes }, strong: true),
        Metric(key: "maxGap", minutes: true) { $0.totals.maxGapMinutes },
        Metric(key: "harmed", minutes: false, value: { $0.totals.harmed }, strong: true),
        Metric(key: "beyondTolerance", minutes: true) { $0.totals.beyondToleranceMinutes },
        Metric(key: "admitted", minutes: false) { $0.totals.admitted },
        Metric(key: "emergency", minutes: false) { $0.totals.admissions[.emergency] },
        Metric(key: "detected", minutes: false) { $0.totals.detected },
        Metric(key: "delayMean", minutes: true) { $0.meanDelay },
        Metric(key: "delayMax", minutes: true) { $0.totals.detected > 0 ? $0.totals.detectionDelayMax : nil },
        Metric(key: "byProviderCall", minutes: false) { $0.channel(.providerCall) },
        Metric(key: "byLinkedPartner", minutes: false) { $0.channel(.linkedPartner) },
        Metric(key: "byMunicipality", minutes: false) { $0.channel(.municipalConfirmation) },
        Metric(key: "bySupplierCall", minutes: false) { $0.channel(.supplierCall) },
        Metric(key: "bySelfCall", minutes: false) { $0.channel(.selfCall) },
        Metric(key: "units", minutes: false) { $0.totals.unitsDelivered },
        Metric(key: "unitsOwnProvider", minutes: false) { $0.unitsOwnProvider },
        Metric(key: "unitsPartner", minutes: false) { $0.unitsPartner },
        Metric(key: "unitsOwnMunicipality", minutes: false) { $0.unitsOwnMunicipality },
        Metric(key: "unitsNeighbour", minutes: false) { $0.unitsNeighbour },
        Metric(key: "beds", minutes: false) { $0.totals.bedsUsed },
    ]

    static func index(_ key: String) -> Int { metrics.firstIndex { $0.key == key }! }

    public init(_ figures: [TierFigures], policy: DisclosurePolicy) {
        self.figures = figures
        self.policy = policy
        shown = figures.map { TierTable.protect($0, policy) }
    }

    /// The run's figures under the policy: counts banded when small, minutes withheld when their
    /// patients are few, the run's sums protected.
    static func protect(_ f: TierFigures, _ policy: DisclosurePolicy) -> [Shown] {
        var g = DisclosureGrid(policy: policy)
        let t = f.totals
        var cell: [Int?] = []
        for m in metrics {
            guard let v = m.value(f) else {
                cell.append(nil)
                continue
            }
            switch m.key {
            case "gap": cell.append(g.magnitude(v, contributors: t.uncovered, tokyo: true))
            case "beyondTolerance": cell.append(g.magnitude(v, contributors: t.harmed, tokyo: true))
            case "maxGap": cell.append(g.magnitude(v, small: t.uncovered == 0 || policy.isSmall(t.uncovered), tokyo: true))
            case "delayMean", "delayMax": cell.append(g.magnitude(v, contributors: t.detected, tokyo: true))
            default: cell.append(g.count(v, importance: m.strong ? 2 : 0, tokyo: true))
            }
        }
        func c(_ k: String) -> Int { cell[index(k)]! }
        g.sum(total: c("affected"), of: [c("coveredOwnMeans"), c("coveredBySelfHelp"), c("atRisk")])
        g.sum(total: c("atRisk"), of: [c("coveredByUnit"), c("evacuated"), c("uncovered")])
        g.sum(total: c("affected"), of: ["coveredOwnMeans", "coveredBySelfHelp", "coveredByUnit", "evacuated", "uncovered"].map(c))
        g.sum(total: c("detected"), of: ["byProviderCall", "byLinkedPartner", "byMunicipality", "bySupplierCall", "bySelfCall"].map(c))
        g.sum(total: c("units"), of: ["unitsOwnProvider", "unitsPartner", "unitsOwnMunicipality", "unitsNeighbour"].map(c))
        g.protect()
        return cell.map { $0.map(g.shown) ?? .withheld }
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
/// patients who lost power), under the disclosure policy: each run's areas sum to its Tokyo total.
public struct AreaTierTable: Sendable {
    public let results: [SimulationResult]
    public let policy: DisclosurePolicy
    /// shown[run][area] = (uncovered, gap); the last entry is Tokyo.
    let shown: [[(uncovered: Shown, gap: Shown)]]

    public init(_ results: [SimulationResult], policy: DisclosurePolicy) {
        self.results = results
        self.policy = policy
        shown = results.map { r in
            var g = DisclosureGrid(policy: policy)
            var u: [Int] = [], m: [Int] = []
            for a in r.areas {
                u.append(g.count(a.tally.uncovered, importance: 1))
                m.append(g.magnitude(a.tally.gapMinutes, contributors: a.tally.uncovered))
            }
            let tu = g.count(r.totals.uncovered, tokyo: true), tm = g.magnitude(r.totals.gapMinutes, contributors: r.totals.uncovered, tokyo: true)
            g.sum(total: tu, of: u)
            g.sum(total: tm, of: m)
            g.protect()
            return zip(u, m).map { (g.shown($0), g.shown($1)) } + [(g.shown(tu), g.shown(tm))]
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
