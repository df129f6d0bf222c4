import BCPModel
import BCPSimulator
import BCPText

/// Two runs side by side: "before and after we bought 10 generators", or one scenario at two
/// tiers. Differences are B - A. Patient counts at Tokyo and secondary-area level; per
/// municipality only resources (units, teams, beds), until small-count suppression is available.
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
        Metric(key: "workshop.metric.atRisk", minutes: false) { $0.atRisk },
        Metric(key: "workshop.metric.coveredOwnMeans", minutes: false) { $0.coveredOwnMeans },
        Metric(key: "workshop.metric.coveredBySelfHelp", minutes: false) { $0.coveredBySelfHelp },
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
        Metric(key: "workshop.metric.delayMean", minutes: true) { NumberFormat.mean($0.detectionDelayTotal, $0.detected) },
        Metric(key: "workshop.metric.delayMax", minutes: true) { $0.detected > 0 ? $0.detectionDelayMax : nil },
        Metric(key: "workshop.metric.units", minutes: false) { $0.unitsDelivered },
        Metric(key: "workshop.metric.beds", minutes: false) { $0.bedsUsed },
    ]

    static let resourceMetrics: [Metric<ResourceUse>] = [
        Metric(key: "compare.metric.unitsHeld", minutes: false) { $0.unitsHeld },
        Metric(key: "compare.metric.unitsLent", minutes: false) { $0.unitsLent },
        Metric(key: "compare.metric.teams", minutes: false) { $0.teams },
        Metric(key: "compare.metric.teamTrips", minutes: false) { $0.teamTrips },
        Metric(key: "compare.metric.bedsHeld", minutes: false) { $0.bedsHeld },
    ]

    static let municipalMetrics: [Metric<ResourceUse>] = resourceMetrics + [
        Metric(key: "compare.metric.bedsUsedHere", minutes: false) { $0.bedsUsed },
    ]

    static let areaMetrics: [Metric<Tally>] = [
        Metric(key: "workshop.metric.affected", minutes: false) { $0.affected },
        Metric(key: "workshop.metric.uncovered", minutes: false) { $0.uncovered },
        Metric(key: "workshop.metric.gap", minutes: true) { $0.gapMinutes },
        Metric(key: "workshop.metric.units", minutes: false) { $0.unitsDelivered },
        Metric(key: "workshop.metric.beds", minutes: false) { $0.bedsUsed },
    ]

    /// Tokyo totals: patient figures, then resources.
    public var headline: [Row] {
        Comparison.headlineTally.map { m in
            Row(level: "total", code: "", nameJa: "東京都", nameEn: "Tokyo", metric: m.key, minutes: m.minutes, a: m.value(a.totals), b: m.value(b.totals))
        } + Comparison.resourceMetrics.map { m in
            Row(level: "total", code: "", nameJa: "東京都", nameEn: "Tokyo", metric: m.key, minutes: m.minutes, a: m.value(a.resources), b: m.value(b.resources))
        }
    }

    /// Secondary areas present in either run (by Japanese name), patient figures and resources.
    public var areas: [Row] {
        var names: [String] = []
        for x in a.areas + b.areas where !names.contains(x.nameJa) { names.append(x.nameJa) }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names.flatMap { n -> [Row] in
            let x = a.areas.first { $0.nameJa == n }, y = b.areas.first { $0.nameJa == n }
            let en = x?.nameEn ?? y?.nameEn ?? n
            return Comparison.areaMetrics.map { m in
                Row(level: "area", code: "", nameJa: n, nameEn: en, metric: m.key, minutes: m.minutes,
                    a: x.flatMap { m.value($0.tally) }, b: y.flatMap { m.value($0.tally) })
            } + Comparison.resourceMetrics.map { m in
                Row(level: "area", code: "", nameJa: n, nameEn: en, metric: m.key, minutes: m.minutes,
                    a: x.flatMap { m.value($0.resources) }, b: y.flatMap { m.value($0.resources) })
            }
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

    /// Municipalities present in either run (by code): resources only. Municipalities holding
    /// nothing in both runs are left out.
    public var municipalities: [Row] {
        var codes: [MunicipalityCode] = []
        for x in a.municipalities + b.municipalities where !codes.contains(x.code) { codes.append(x.code) }
        codes.sort()
        return codes.flatMap { c -> [Row] in
            let x = a.municipalities.first { $0.code == c }, y = b.municipalities.first { $0.code == c }
            let empty = ResourceUse()
            if (x?.resources ?? empty) == empty && (y?.resources ?? empty) == empty { return [] }
            let ja = x?.nameJa ?? y!.nameJa, en = x?.nameEn ?? y!.nameEn
            return Comparison.municipalMetrics.map { m in
                Row(level: "municipality", code: c.description, nameJa: ja, nameEn: en, metric: m.key, minutes: m.minutes,
                    a: x.flatMap { m.value($0.resources) }, b: y.flatMap { m.value($0.resources) })
            }
        }
    }
}
