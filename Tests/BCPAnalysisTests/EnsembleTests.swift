import BCPEngine
import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest
@testable import BCPAnalysis

final class EnsembleTests: XCTestCase {
    func testNearestRankPercentilesAndMean() {
        // 1...20: p5 = rank ceil(5x20/100) = 1 -> 1; p50 = rank 10 -> 10; p95 = rank 19 -> 19; mean 10.5.
        let c = CountSummary(values: Array((1...20).reversed()))
        XCTAssertEqual([c.p5, c.p50, c.p95, c.min, c.max], [1, 10, 19, 1, 20])
        XCTAssertEqual(c.meanMilli, 10_500)
        XCTAssertEqual(c.meanText, "10.500")
        // Three values 0, 0, 1: mean 0.333; p50 = rank ceil(1.5) = 2 -> 0; p95 = rank 3 -> 1.
        let d = CountSummary(values: [1, 0, 0])
        XCTAssertEqual(d.meanText, "0.333")
        XCTAssertEqual([d.p5, d.p50, d.p95], [0, 0, 1])
        XCTAssertEqual(CountSummary(values: [2, 3]).meanText, "2.500")
    }

    func testReplicaSeedsAndReplicaZero() {
        // Replica 0 keeps the seed; replica k is the k-th SplitMix64 output (seed 0: 0xE220A8397B1DCDAF...).
        XCTAssertEqual(Ensemble.seeds(from: 0, count: 3), [0, 0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        let s = RandomScenario.make(5)
        let e = Ensemble.run(s, replicas: 4, threads: 2, tier: .asConfigured)
        XCTAssertEqual(e.replica0, Simulator.run(s))
        let uncovered = e.statistics.totals[.uncovered].values
        XCTAssertEqual(uncovered.count, 4)
        XCTAssertEqual(uncovered.first, Simulator.run(s).totals.uncovered)
        XCTAssertEqual(uncovered.last, Simulator.run(s, seed: e.statistics.seeds[3]).totals.uncovered)
    }

    func testThreadCountDoesNotChangeBytes() {
        let s = RandomScenario.make(42, patients: 60)
        func text(_ threads: Int) -> String {
            let e = Ensemble.run(s, replicas: 7, threads: threads, tier: .asConfigured)
            return ResultDocument(result: e.replica0, ensemble: e.statistics).encode()
        }
        let one = text(1)
        XCTAssertEqual(one, text(2))
        XCTAssertEqual(one, text(4))
    }

    func testParallelMapKeepsIndexOrder() {
        for threads in [1, 2, 3, 8] {
            XCTAssertEqual(parallelMap(10, threads: threads) { $0 * $0 }, (0..<10).map { $0 * $0 })
        }
        XCTAssertEqual(parallelMap(0, threads: 4) { $0 }, [])
    }

    func testTierOverrideSetsEveryone() {
        let s = RandomScenario.make(9)
        let t = TierOverride.regional.apply(to: s)
        XCTAssertTrue(t.providers.allSatisfy { $0.tier == .regional })
        XCTAssertTrue(t.municipalities.allSatisfy(\.hasRegionalBCP))
        let n = TierOverride.linked.apply(to: s)
        XCTAssertTrue(n.municipalities.allSatisfy { !$0.hasRegionalBCP })
        XCTAssertEqual(TierOverride.asConfigured.apply(to: s), s)
        XCTAssertEqual(TierOverride(name: "as-configured"), .asConfigured)
    }
}
