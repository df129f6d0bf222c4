import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The side-by-side table of the four tier runs, as a printed table and as tiers.csv.
public struct TierTable: Sendable {
    public let figures: [TierFigures]

    public init(_ figures: [TierFigures]) { self.figures = figures }

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
        Metric(key: "coveredByUnit", minutes: false) { $0.totals.coveredByUnit },
        Metric(key: "evacuated", minutes: false) { $0.totals.evacuated },
        Metric(key: "uncovered", minutes: false, value: { $0.totals.uncovered }, strong: true),
        Metric(key: "gap", minutes: true, value: { $0.totals.gapMinutes }, strong: true),
        Metric(key: "maxGap", minutes: true) { $0.totals.maxGapMinutes },
        Metric(key: "detected", minutes: false) { $0.totals.detected },
        Metric(key: "delayMean", minutes: true) { $0.meanDelay },
        Metric(key: "delayMax", minutes: true) { $0.totals.detected > 0 ? $0.totals.detectionDelayMax : nil },
        Metric(key: "byProviderCall", minutes: false) { $0.channel(.providerCall) },
        Metric(key: "byLinkedPartner", minutes: false) { $0.channel(.linkedPartner) },
        Metric(key: "byMunicipality", minutes: false) { $0.channel(.municipalConfirmation) },
        Metric(key: "bySelfCall", minutes: false) { $0.channel(.selfCall) },
        Metric(key: "units", minutes: false) { $0.totals.unitsDelivered },
        Metric(key: "unitsOwnProvider", minutes: false) { $0.unitsOwnProvider },
        Metric(key: "unitsPartner", minutes: false) { $0.unitsPartner },
        Metric(key: "unitsOwnMunicipality", minutes: false) { $0.unitsOwnMunicipality },
        Metric(key: "unitsNeighbour", minutes: false) { $0.unitsNeighbour },
        Metric(key: "beds", minutes: false) { $0.totals.bedsUsed },
    ]

    /// Metrics down, tiers across (prints on one page).
    public func table(_ lang: Language) -> TextTable {
        var t = TextTable(
            headers: [Labels.text("workshop.col.metric", lang)] + figures.map { TierText.name($0.tier, lang) },
            alignments: [.left] + figures.map { _ in .right })
        for m in TierTable.metrics {
            let label = Labels.text("workshop.metric." + m.key, lang) + (m.minutes ? Labels.text("workshop.unit.hours", lang) : "")
            t.add([label] + figures.map { f in
                guard let v = m.value(f) else { return "-" }
                return m.minutes ? NumberFormat.hours(v) : NumberFormat.grouped(v)
            }, strong: m.strong)
        }
        return t
    }

    /// One row per tier; durations in whole minutes so that a spreadsheet can add them up.
    public func csv(_ lang: Language, bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: [Labels.text("workshop.col.tierKey", lang), Labels.text("workshop.col.tier", lang)]
            + TierTable.metrics.map { Labels.text("workshop.metric." + $0.key, lang) + ($0.minutes ? Labels.text("workshop.unit.minutes", lang) : "") })
        for f in figures {
            w.row([.text(f.tier.rawValue), .text(TierText.name(f.tier, lang))] + TierTable.metrics.map { m in m.value(f).map { .number($0) } ?? .empty })
        }
        return w.text
    }

    /// Uncovered patients and hours without power per secondary area (areas with patients who lost
    /// power), tiers across. Area-level counts only.
    public static func areas(_ results: [SimulationResult], _ lang: Language) -> TextTable {
        var headers = [Labels.text("common.col.area", lang)]
        for r in results {
            let n = TierText.name(r.tier, lang)
            headers += [Labels.text("workshop.col.areaUncovered", lang, n), Labels.text("workshop.col.areaGap", lang, n)]
        }
        var t = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: 2 * results.count))
        guard let first = results.first else { return t }
        for (i, a) in first.areas.enumerated() where results.contains(where: { $0.areas[i].tally.affected > 0 }) {
            t.add([lang.pick(ja: a.nameJa, en: a.nameEn)] + results.flatMap { r in
                [NumberFormat.grouped(r.areas[i].tally.uncovered), NumberFormat.hours(r.areas[i].tally.gapMinutes)]
            })
        }
        t.add([Labels.text("common.tokyoTotal", lang)] + results.flatMap { r in
            [NumberFormat.grouped(r.totals.uncovered), NumberFormat.hours(r.totals.gapMinutes)]
        }, strong: true)
        return t
    }
}
