import BCPEngine
import BCPModel
import Foundation
import XCTest
@testable import BCPSimulator

final class ResultJSONEnsembleTests: XCTestCase {
    func testJSONShapeAndEscaping() {
        var s = Fx.scenario(patients: [Fx.patient("P\"1", reserve: 300)], zones: [Fx.step(restore: 240)], horizon: 600)
        s.nameEn = "line\nbreak"
        let json = ResultJSON.encode(Fx.run(s))
        XCTAssertTrue(json.hasPrefix("{\n  \"schema\": \"bcpsim.result/1\",\n  \"scenario\": {"))
        XCTAssertTrue(json.contains("\"nameEn\": \"line\\nbreak\""))
        XCTAssertTrue(json.contains("\"id\": \"P\\\"1\""))
        XCTAssertTrue(json.contains("\"outcome\": \"coveredOwnMeans\""))
        XCTAssertTrue(json.contains("\"depletionMinute\": null"))
        XCTAssertTrue(json.contains("\"withoutPower\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"))
        XCTAssertNil(json.range(of: "[0-9]\\.[0-9]", options: .regularExpression), "integers only")
        XCTAssertTrue(json.hasSuffix("}\n"))
        // Valid JSON by Foundation's parser.
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    func testNearestRankPercentilesAndMean() {
        // 1...20: p5 = rank ceil(5x20/100) = 1 -> 1; p50 = rank 10 -> 10; p95 = rank 19 -> 19; mean 10.5.
        let c = CountSummary(name: "x", values: Array((1...20).reversed()))
        XCTAssertEqual([c.p5, c.p50, c.p95, c.min, c.max], [1, 10, 19, 1, 20])
        XCTAssertEqual(c.meanMilli, 10_500)
        XCTAssertEqual(c.meanText, "10.500")
        // Three values 0, 0, 1: mean 0.333; p50 = rank ceil(1.5) = 2 -> 0; p95 = rank 3 -> 1.
        let d = CountSummary(name: "y", values: [1, 0, 0])
        XCTAssertEqual(d.meanText, "0.333")
        XCTAssertEqual([d.p5, d.p50, d.p95], [0, 0, 1])
        XCTAssertEqual(CountSummary(name: "z", values: [2, 3]).meanText, "2.500")
    }

    func testReplicaSeedsAndReplicaZero() {
        // Replica 0 keeps the seed; replica k is the k-th SplitMix64 output (seed 0: 0xE220A8397B1DCDAF...).
        XCTAssertEqual(Ensemble.seeds(from: 0, count: 3), [0, 0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        let s = RandomScenario.make(5)
        let e = Ensemble.run(s, replicas: 4, threads: 2, tier: .asConfigured)
        XCTAssertEqual(e.replica0, Simulator.run(s))
        XCTAssertEqual(e.totals.first { $0.name == "uncovered" }?.values.count, 4)
        XCTAssertEqual(e.totals.first { $0.name == "uncovered" }?.values.first, Simulator.run(s).totals.uncovered)
        XCTAssertEqual(e.totals.first { $0.name == "uncovered" }?.values.last,
                       Simulator.run(s, seed: e.seeds[3]).totals.uncovered)
        XCTAssertTrue(ResultJSON.encode(e).contains("\"ensemble\": {"))
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
