import BCPModel
import BCPSimulator
import BCPText

/// Two runs side by side: "before and after we bought 10 generators", or one scenario at two
/// tiers. Differences are B - A. The same figures as the run reports show, at the same places:
/// Tokyo, each secondary medical area and each municipality (patients counted where they live),
/// with the resources held there (units, teams, beds: where they are kept).
public struct Comparison: Sendable {
    public let a: SimulationResult
    public let b: SimulationResult
    public let labelA: String
    public let labelB: String

    public init(a: SimulationResult, b: SimulationResult, labelA: String, labelB: String) {
        self.a = a
        self.b = b
        self.labelA = labelA
        self.labelB = labelB
    }

    /// A figure of both runs; `minutes` ones are shown as hours.
    public struct Row: Sendable, Equatable {
        public var level: String
        public var code: String
        public var nameJa: String
        public var nameEn: String
        public var metric: String
        public var minutes: Bool
        public var a: Int?
        public var b: Int?
        /// Where the place is in each run's areas or municipalities (nil for Tokyo, or when the
        /// run has no such place), so that a renderer can read the run's own published cell.
        public var indexA: Int?
        public var indexB: Int?
        /// B - A when both exist.
        public var difference: Int? { a.flatMap { x in b.map { $0 - x } } }
    }

    struct Metric<T>: Sendable {
        var key: String
        var minutes: Bool
        var value: @Sendable (T) -> Int?
    }

    static let headlineTally: [Metric<Tally>] = [
        Metric(key: "compare.metric.patients", minutes: false) { $0.patients },
        Metric(key: "workshop.metric.affected", minutes: false) { $0.affected },
        Metric(key: "workshop.metric.coveredOwnMeans", minutes: false) { $0.coveredOwnMeans },
        Metric(key: "workshop.metric.coveredBySelfHelp", minutes: false) { $0.coveredBySelfHelp },
        Metric(key: "workshop.metric.atRisk", minutes: false) { $0.atRisk },
        Metric(key: "workshop.metric.coveredByUnit", minutes: false) { $0.coveredByUnit },
        Metric(key: "workshop.metric.evacuated", minutes: false) { $0.evacuated },
        Metric(key: "workshop.metric.uncovered", minutes: false) { $0.uncovered },
        Metric(key: "workshop.metric.gap", minutes: true) { $0.gapMinutes },
        Metric(key: "workshop.metric.maxGap", minutes: true) { $0.maxGapMinutes },
        Metric(key: "workshop.metric.harmed", minutes: false) { $0.harmed },
        Metric(key: "workshop.metric.beyondTolerance", minutes: true) { $0.beyondToleranceMinutes },
        Metric(key: "workshop.metric.admitted", minutes: false) { $0.admitted },
        Metric(key: "workshop.metric.emergency", minutes: false) { $0.admissions[.emergency] },
        Metric(key: "workshop.metric.detected", minutes: false) { $0.detected },
        // In minutes, as the run's summary gives it.
        Metric(key: "csv.col.meanDelay", minutes: false) { NumberFormat.mean($0.detectionDelayTotal, $0.detected) },
        Metric(key: "csv.col.unitsDelivered", minutes: false) { $0.unitsDelivered },
        Metric(key: "csv.col.bedsUsed", minutes: false) { $0.bedsUsed },
    ]

    /// Figures of an area or a municipality, by where the patients live.
    static let placeTally: [Metric<Tally>] = [
        Metric(key: "workshop.metric.affected", minutes: false) { $0.affected },
        Metric(key: "workshop.metric.uncovered", minutes: false) { $0.uncovered },
        Metric(key: "workshop.metric.gap", minutes: true) { $0.gapMinutes },
        Metric(key: "workshop.metric.harmed", minutes: false) { $0.harmed },
        Metric(key: "workshop.metric.beyondTolerance", minutes: true) { $0.beyondToleranceMinutes },
        Metric(key: "csv.col.unitsDelivered", minutes: false) { $0.unitsDelivered },
        Metric(key: "csv.col.bedsUsed", minutes: false) { $0.bedsUsed },
    ]

    /// What a place holds (public, exact: the inputs of the scenario).
    static let holdings: [Metric<ResourceUse>] = [
        Metric(key: "csv.col.unitsHeld", minutes: false) { $0.unitsHeld },
        Metric(key: "csv.col.deliveryTeams", minutes: false) { $0.teams },
        Metric(key: "csv.col.backupBeds", minutes: false) { $0.bedsHeld },
    ]

    /// The metrics that are holdings (shown exactly).
    public static let holdingKeys = holdings.map(\.key)

    /// Tokyo totals: patient figures, then resources.
    public var headline: [Row] {
        Comparison.headlineTally.map { m in
            Row(level: "total", code: "", nameJa: "東京都", nameEn: "Tokyo", metric: m.key, minutes: m.minutes, a: m.value(a.totals), b: m.value(b.totals))
        } + Comparison.holdings.map { m in
            Row(level: "total", code: "", nameJa: "東京都", nameEn: "Tokyo", metric: m.key, minutes: m.minutes, a: m.value(a.resources), b: m.value(b.resources))
        }
    }

    /// Rows of one place present in either run: its patient figures, then what it holds.
    static func placeRows(level: String, code: String, nameJa: String, nameEn: String, _ x: (Int, Tally, ResourceUse)?,
                          _ y: (Int, Tally, ResourceUse)?) -> [Row] {
        Comparison.placeTally.map { m in
            Row(level: level, code: code, nameJa: nameJa, nameEn: nameEn, metric: m.key, minutes: m.minutes,
                a: x.flatMap { m.value($0.1) }, b: y.flatMap { m.value($0.1) }, indexA: x?.0, indexB: y?.0)
        } + Comparison.holdings.map { m in
            Row(level: level, code: code, nameJa: nameJa, nameEn: nameEn, metric: m.key, minutes: m.minutes,
                a: x.flatMap { m.value($0.2) }, b: y.flatMap { m.value($0.2) }, indexA: x?.0, indexB: y?.0)
        }
    }

    /// Secondary areas present in either run (by Japanese name).
    public var areas: [Row] {
        var names: [String] = []
        for x in a.areas + b.areas where !names.contains(x.nameJa) { names.append(x.nameJa) }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names.flatMap { n -> [Row] in
            let i = a.areas.firstIndex { $0.nameJa == n }, j = b.areas.firstIndex { $0.nameJa == n }
            let en = i.map { a.areas[$0].nameEn } ?? j.map { b.areas[$0].nameEn } ?? n
            return Comparison.placeRows(level: "area", code: "", nameJa: n, nameEn: en, i.map { ($0, a.areas[$0].tally, a.areas[$0].resources) },
                                        j.map { ($0, b.areas[$0].tally, b.areas[$0].resources) })
        }
    }

    /// Rows of the places (same level, name) where some figure differs or some patient lost power,
    /// for the printed tables; the CSV keeps every row.
    public static func changedPlaces(_ rows: [Row]) -> [Row] {
        var keep = Set<String>()
        for r in rows where r.a != r.b || (r.metric == "workshop.metric.affected" && (r.a ?? 0) + (r.b ?? 0) > 0) {
            keep.insert(r.nameJa)
        }
        return rows.filter { keep.contains($0.nameJa) }
    }

    /// Municipalities present in either run (by code).
    public var municipalities: [Row] {
        var codes: [MunicipalityCode] = []
        for x in a.municipalities + b.municipalities where !codes.contains(x.code) { codes.append(x.code) }
        codes.sort()
        return codes.flatMap { c -> [Row] in
            let i = a.municipalities.firstIndex { $0.code == c }, j = b.municipalities.firstIndex { $0.code == c }
            let m = i.map { a.municipalities[$0] } ?? b.municipalities[j!]
            return Comparison.placeRows(level: "municipality", code: c.description, nameJa: m.nameJa, nameEn: m.nameEn,
                                        i.map { ($0, a.municipalities[$0].tally, a.municipalities[$0].resources) },
                                        j.map { ($0, b.municipalities[$0].tally, b.municipalities[$0].resources) })
        }
    }
}
