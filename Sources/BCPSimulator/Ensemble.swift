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

public enum Ensemble {
    /// Replica seeds: replica 0 uses `seed`; replica k >= 1 uses the k-th output of SplitMix64(seed).
    public static func seeds(from seed: UInt64, count: Int) -> [UInt64] {
        var g = SplitMix64(seed: seed)
        var out: [UInt64] = []
        for k in 0..<Swift.max(0, count) { out.append(k == 0 ? seed : g.next()) }
        return out
    }

    /// Runs `replicas` (>= 1) seeds on up to `threads` threads (>= 1). The result does not depend
    /// on `threads`: each replica is a pure function of its seed and results are combined in
    /// replica order.
    public static func run(
        _ scenario: Scenario, replicas: Int, threads: Int, tier: TierOverride = .asConfigured, seed: UInt64? = nil
    ) -> EnsembleResult {
        let n = Swift.max(1, replicas)
        let seedList = seeds(from: seed ?? scenario.seed, count: n)
        let slots = Slots(count: n)
        let workers = Swift.min(Swift.max(1, threads), n)
        if workers == 1 {
            for k in 0..<n { slots.set(k, Simulator.run(scenario, seed: seedList[k], tier: tier)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var k = w
                while k < n {
                    slots.set(k, Simulator.run(scenario, seed: seedList[k], tier: tier))
                    k += workers
                }
            }
        }
        let results = slots.all()
        return summarize(results, seeds: seedList)
    }

    static func summarize(_ results: [SimulationResult], seeds: [UInt64]) -> EnsembleResult {
        let keys: [(String, (Tally) -> Int)] = [
            ("affected", { $0.affected }), ("atRisk", { $0.atRisk }), ("covered", { $0.covered }),
            ("coveredOwnMeans", { $0.coveredOwnMeans }), ("coveredByUnit", { $0.coveredByUnit }),
            ("evacuated", { $0.evacuated }), ("uncovered", { $0.uncovered }), ("gapMinutes", { $0.gapMinutes }),
            ("maxGapMinutes", { $0.maxGapMinutes }), ("unitsDelivered", { $0.unitsDelivered }),
            ("bedsUsed", { $0.bedsUsed }), ("detected", { $0.detected }),
        ]
        let totals = keys.map { k in CountSummary(name: k.0, values: results.map { k.1($0.totals) }) }
        let first = results[0]
        let munis = first.municipalities.indices.map { m in
            MunicipalityCounts(
                code: first.municipalities[m].code,
                counts: [
                    CountSummary(name: "uncovered", values: results.map { $0.municipalities[m].tally.uncovered }),
                    CountSummary(name: "gapMinutes", values: results.map { $0.municipalities[m].tally.gapMinutes }),
                ])
        }
        return EnsembleResult(replicas: results.count, seeds: seeds, replica0: first, totals: totals, municipalities: munis)
    }
}

/// Result slots written by worker threads, each index exactly once, under a lock.
final class Slots: @unchecked Sendable {
    private var items: [SimulationResult?]
    private let lock = NSLock()
    init(count: Int) { items = .init(repeating: nil, count: count) }
    func set(_ k: Int, _ r: SimulationResult) {
        lock.lock()
        items[k] = r
        lock.unlock()
    }
    func all() -> [SimulationResult] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}
