import BCPEngine
import BCPModel
import BCPSimulator
import BCPText

/// The distribution of one count over the replicas.
public struct CountSummary: Sendable, Equatable {
    /// One value per replica, in replica order.
    public var values: [Int]
    /// Mean x 1000, rounded half away from zero.
    public var meanMilli: Int
    /// Nearest-rank percentiles: the value at rank ceil(p x N / 100) of the sorted values.
    public var p5: Int
    public var p50: Int
    public var p95: Int
    public var min: Int
    public var max: Int

    public init(values: [Int]) {
        self.values = values
        let sorted = values.sorted()
        let n = sorted.count
        func rank(_ p: Int) -> Int { n == 0 ? 0 : sorted[Swift.max(1, (p * n + 99) / 100) - 1] }
        p5 = rank(5)
        p50 = rank(50)
        p95 = rank(95)
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        let sum = values.reduce(0, +)
        if n == 0 {
            meanMilli = 0
        } else {
            let num = sum * 1000
            meanMilli = num >= 0 ? (num + n / 2) / n : -((-num + n / 2) / n)
        }
    }

    /// The mean as fixed-point text with three decimals, e.g. "12.345".
    public var meanText: String { NumberFormat.milli(meanMilli) }
}

/// Uncovered patients and gap minutes of one municipality over the replicas.
public struct MunicipalityCounts: Sendable, Equatable {
    public var code: MunicipalityCode
    public var uncovered: CountSummary
    public var gapMinutes: CountSummary

    public init(code: MunicipalityCode, uncovered: CountSummary, gapMinutes: CountSummary) {
        self.code = code
        self.uncovered = uncovered
        self.gapMinutes = gapMinutes
    }
}

/// What an ensemble adds to replica 0's full result: the seeds and the distributions.
public struct EnsembleStatistics: Sendable, Equatable {
    /// Replica seeds; seeds[0] is the scenario's (or given) seed.
    public var seeds: [UInt64]
    public var totals: PerCase<EnsembleMeasure, CountSummary>
    /// Sorted by code.
    public var municipalities: [MunicipalityCounts]

    public var replicas: Int { seeds.count }

    /// The distributions of `replicas` (summaries in replica order); `codes` are the
    /// municipalities' codes in result order (sorted by code).
    public init(seeds: [UInt64], replicas: [ReplicaSummary], codes: [MunicipalityCode]) {
        self.seeds = seeds
        totals = PerCase { m in CountSummary(values: replicas.map { $0.totals[m] }) }
        municipalities = codes.indices.map { k in
            MunicipalityCounts(
                code: codes[k], uncovered: CountSummary(values: replicas.map { $0.muniUncovered[k] }),
                gapMinutes: CountSummary(values: replicas.map { $0.muniGap[k] }))
        }
    }

    public init(seeds: [UInt64], totals: PerCase<EnsembleMeasure, CountSummary>, municipalities: [MunicipalityCounts]) {
        self.seeds = seeds
        self.totals = totals
        self.municipalities = municipalities
    }
}

/// An ensemble's outcome: replica 0 in full, and the statistics over every replica.
public struct EnsembleResult: Sendable, Equatable {
    public var replica0: SimulationResult
    public var statistics: EnsembleStatistics

    public var replicas: Int { statistics.replicas }
}

public enum Ensemble {
    /// Replica seeds: replica 0 uses `seed`; replica k >= 1 uses the k-th output of SplitMix64(seed).
    public static func seeds(from seed: UInt64, count: Int) -> [UInt64] {
        var g = SplitMix64(seed: seed)
        var out: [UInt64] = []
        for k in 0..<Swift.max(0, count) { out.append(k == 0 ? seed : g.next()) }
        return out
    }

    /// Runs `replicas` (>= 1) seeds on up to `threads` threads (>= 1). The result does not depend
    /// on `threads` (parallelMap). `progress` counts finished replicas.
    public static func run(
        _ scenario: Scenario, replicas: Int, threads: Int, tier: TierOverride = .asConfigured, seed: UInt64? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> EnsembleResult {
        let n = Swift.max(1, replicas)
        let seedList = seeds(from: seed ?? scenario.seed, count: n)
        let share = runShare(scenario, seeds: seedList, range: 0..<n, threads: threads, tier: tier, progress: progress)
        let r0 = share.replica0!
        return EnsembleResult(
            replica0: r0,
            statistics: EnsembleStatistics(seeds: seedList, replicas: share.summaries, codes: r0.municipalities.map(\.code)))
    }

    /// Runs the replicas in `range` of `seeds`: the full result of replica 0 if it is in the range,
    /// and every replica's summary in range order. The building block of sharded runs.
    public static func runShare(
        _ scenario: Scenario, seeds: [UInt64], range: Range<Int>, threads: Int, tier: TierOverride = .asConfigured,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> (replica0: SimulationResult?, summaries: [ReplicaSummary]) {
        // The seed-independent work (sorting, indexing) is done once for all replicas.
        let plan = Simulator.Plan(scenario, tier: tier)
        let runs = parallelMap(range.count, threads: threads, progress: progress) { j -> (ReplicaSummary, SimulationResult?) in
            let k = range.lowerBound + j
            if k == 0 {
                let r = plan.run(seed: seeds[k])
                return (ReplicaSummary(r), r)
            }
            return (plan.summary(seed: seeds[k]), nil)
        }
        return (runs.first { $0.1 != nil }?.1, runs.map(\.0))
    }
}
