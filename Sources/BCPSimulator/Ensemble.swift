import BCPEngine
import BCPModel
import Dispatch
import Foundation

/// The distribution of one count over the replicas.
public struct CountSummary: Sendable, Equatable {
    public var name: String
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

    public init(name: String, values: [Int]) {
        self.name = name
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
    public var meanText: String {
        let a = Swift.abs(meanMilli)
        let frac = String(a % 1000)
        return (meanMilli < 0 ? "-" : "") + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}

public struct MunicipalityCounts: Sendable, Equatable {
    public var code: MunicipalityCode
    public var counts: [CountSummary]
}

public struct EnsembleResult: Sendable, Equatable {
    public var replicas: Int
    /// Replica seeds; seeds[0] is the scenario's (or given) seed.
    public var seeds: [UInt64]
    /// The full result of replica 0 (the same as a single run with seeds[0]).
    public var replica0: SimulationResult
    /// Key counts over all patients.
    public var totals: [CountSummary]
    /// Uncovered patients and gap minutes per municipality, sorted by code.
    public var municipalities: [MunicipalityCounts]
}

/// What an ensemble keeps of one replica: the key counts of `Ensemble.keys` over all patients, and
/// uncovered patients and gap minutes per municipality (by code). Replicas after the first are
/// reduced to this as soon as they finish, so 1,000 replicas do not hold 1,000 full results.
public struct ReplicaSummary: Sendable, Equatable {
    public var totals: [Int]
    public var muniUncovered: [Int]
    public var muniGap: [Int]

    public init(totals: [Int], muniUncovered: [Int], muniGap: [Int]) {
        self.totals = totals
        self.muniUncovered = muniUncovered
        self.muniGap = muniGap
    }

    init(_ totals: Tally, municipalities: [Tally]) {
        self.totals = Ensemble.keys.map { $0.1(totals) }
        muniUncovered = municipalities.map(\.uncovered)
        muniGap = municipalities.map(\.gapMinutes)
    }

    init(_ r: SimulationResult) {
        self.init(r.totals, municipalities: r.municipalities.map(\.tally))
    }
}

public enum Ensemble {
    /// Replica seeds: replica 0 uses `seed`; replica k >= 1 uses the k-th output of SplitMix64(seed).
    public static func seeds(from seed: UInt64, count: Int) -> [UInt64] {
        var g = SplitMix64(seed: seed)
        var out: [UInt64] = []
        for k in 0..<Swift.max(0, count) { out.append(k == 0 ? seed : g.next()) }
        return out
    }

    /// The counts summarised over replicas, in result.json order.
    public static let keys: [(String, @Sendable (Tally) -> Int)] = [
        ("affected", { $0.affected }), ("atRisk", { $0.atRisk }), ("covered", { $0.covered }),
        ("coveredOwnMeans", { $0.coveredOwnMeans }), ("coveredByUnit", { $0.coveredByUnit }),
        ("evacuated", { $0.evacuated }), ("uncovered", { $0.uncovered }), ("gapMinutes", { $0.gapMinutes }),
        ("maxGapMinutes", { $0.maxGapMinutes }), ("unitsDelivered", { $0.unitsDelivered }),
        ("bedsUsed", { $0.bedsUsed }), ("detected", { $0.detected }),
    ]

    /// Runs `replicas` (>= 1) seeds on up to `threads` threads (>= 1). The result does not depend
    /// on `threads`: each replica is a pure function of its seed and results are combined in
    /// replica order. `progress`, if given, is called (from worker threads, one call at a time)
    /// with the number of replicas finished.
    public static func run(
        _ scenario: Scenario, replicas: Int, threads: Int, tier: TierOverride = .asConfigured, seed: UInt64? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> EnsembleResult {
        let n = Swift.max(1, replicas)
        let seedList = seeds(from: seed ?? scenario.seed, count: n)
        let part = runShare(scenario, seeds: seedList, range: 0..<n, threads: threads, tier: tier, progress: progress)
        return summarize(part.replica0!, part.summaries, seeds: seedList)
    }

    /// Runs the replicas in `range` of `seeds`: the full result of replica 0 if it is in the range,
    /// and every replica's summary in range order. The building block of sharded runs.
    public static func runShare(
        _ scenario: Scenario, seeds: [UInt64], range: Range<Int>, threads: Int, tier: TierOverride = .asConfigured,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> (replica0: SimulationResult?, summaries: [ReplicaSummary]) {
        // The seed-independent work (sorting, indexing) is done once for all replicas.
        let plan = Simulator.Plan(scenario, tier: tier)
        let count = range.count
        let slots = Slots(count: count, progress: progress)
        let workers = Swift.min(Swift.max(1, threads), Swift.max(1, count))
        let work: @Sendable (Int) -> Void = { w in
            var j = w
            while j < count {
                let k = range.lowerBound + j
                if k == 0 {
                    let r = plan.run(seed: seeds[k])
                    slots.set(j, ReplicaSummary(r), full: r)
                } else {
                    slots.set(j, plan.summary(seed: seeds[k]), full: nil)
                }
                j += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return (slots.replica0, slots.all())
    }

    static func summarize(_ results: [SimulationResult], seeds: [UInt64]) -> EnsembleResult {
        summarize(results[0], results.map(ReplicaSummary.init), seeds: seeds)
    }

    /// Combines replica summaries (in replica order) with replica 0's full result.
    public static func summarize(_ first: SimulationResult, _ replicas: [ReplicaSummary], seeds: [UInt64]) -> EnsembleResult {
        let c = counts(replicas, codes: first.municipalities.map(\.code))
        return EnsembleResult(replicas: replicas.count, seeds: seeds, replica0: first, totals: c.totals, municipalities: c.municipalities)
    }

    /// The distributions over replicas (in replica order); `codes` are the municipalities' codes in
    /// result order (sorted by code).
    public static func counts(_ replicas: [ReplicaSummary], codes: [MunicipalityCode])
        -> (totals: [CountSummary], municipalities: [MunicipalityCounts])
    {
        let totals = keys.indices.map { k in CountSummary(name: keys[k].0, values: replicas.map { $0.totals[k] }) }
        let munis = codes.indices.map { m in
            MunicipalityCounts(
                code: codes[m],
                counts: [
                    CountSummary(name: "uncovered", values: replicas.map { $0.muniUncovered[m] }),
                    CountSummary(name: "gapMinutes", values: replicas.map { $0.muniGap[m] }),
                ])
        }
        return (totals, munis)
    }
}

/// Result slots written by worker threads, each index exactly once, under a lock.
final class Slots: @unchecked Sendable {
    private var items: [ReplicaSummary?]
    private(set) var replica0: SimulationResult?
    private var done = 0
    private let progress: (@Sendable (Int) -> Void)?
    private let lock = NSLock()
    init(count: Int, progress: (@Sendable (Int) -> Void)?) {
        items = .init(repeating: nil, count: count)
        self.progress = progress
    }
    func set(_ k: Int, _ r: ReplicaSummary, full: SimulationResult?) {
        lock.lock()
        defer { lock.unlock() }
        items[k] = r
        if let full { replica0 = full }
        done += 1
        progress?(done)
    }
    func all() -> [ReplicaSummary] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}
