@testable import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest

final class SensitivityTests: XCTestCase {
    /// Every range lies within the parameter's accepted range and contains its default.
    func testRangesAreValidAndHoldTheDefault() {
        let defaults = PolicyParameters()
        for p in UncertainParameter.all {
            let spec = PolicyParameters.specs.first { $0.name == p.name }
            guard case .integer(_, let range, _) = spec?.value else { return XCTFail("\(p.name) is not an integer parameter") }
            XCTAssertTrue(range.contains(p.low) && range.contains(p.high), p.name)
            XCTAssertTrue((p.low...p.high).contains(p.value(in: defaults)), p.name)
        }
    }

    /// Latin hypercube points: the range 0...100 in 4 strata is [0, 25), [25, 50), [50, 75),
    /// [75, 100); u = 0 gives the stratum's start, u = 999,999 its end rounded down.
    func testHypercubePoints() {
        let p = UncertainParameter("transfer_minutes", 0, 100, "test")
        XCTAssertEqual((0..<4).map { Sensitivity.point(p, stratum: $0, of: 4, u: 0) }, [0, 25, 50, 75])
        XCTAssertEqual(Sensitivity.point(p, stratum: 3, of: 4, u: 999_999), 99)
    }

    /// Each parameter uses each of the n strata exactly once over the n samples.
    func testEachStratumOnce() {
        let s = RandomScenario.make(3, patients: 10)
        let r = Sensitivity.run(s, objective: .gap, replicas: 1, samples: 5, threads: 1)
        for (j, p) in UncertainParameter.all.enumerated() {
            let strata = r.samples.map { ($0.values[j] - p.low) * 5 / max(1, p.high - p.low) }.sorted()
            XCTAssertEqual(strata, [0, 1, 2, 3, 4], p.name)
        }
    }

    /// Mid-ranks x 2: [10, 20, 20, 5] ranks 2, 3.5, 3.5, 1. Correlations: a line up is 1, down
    /// is -1, a constant is 0.
    func testRanksAndCorrelation() {
        let r = SensitivityResult(objective: .gap, seeds: [1], base: [0], oneAtATime: [], samples: [])
        XCTAssertEqual(r.ranks2([10, 20, 20, 5]), [4, 7, 7, 2])
        XCTAssertEqual(SensitivityResult.correlationMilli([1, 2, 3, 4], [2, 4, 6, 8]), 1_000)
        XCTAssertEqual(SensitivityResult.correlationMilli([1, 2, 3, 4], [8, 6, 4, 2]), -1_000)
        XCTAssertEqual(SensitivityResult.correlationMilli([1, 2, 3, 4], [5, 5, 5, 5]), 0)
    }

    /// One-at-a-time figures are those of the scenario run with that one value changed, under
    /// each seed; the base is the scenario as given; threads change nothing.
    func testOneAtATimeIsThatRun() {
        let s = RandomScenario.make(11, patients: 30)
        let r = Sensitivity.run(s, objective: .gap, replicas: 2, samples: 3, threads: 1)
        XCTAssertEqual(r.base, r.seeds.map { Simulator.run(s, seed: $0).totals.gapMinutes })
        let k = UncertainParameter.all.firstIndex { $0.name == "travel_same_municipality_minutes" }!
        var high = s
        high.parameters.travelSameMunicipalityMinutes = 120
        XCTAssertEqual(r.oneAtATime[k].high, r.seeds.map { Simulator.run(high, seed: $0).totals.gapMinutes })
        XCTAssertEqual(Sensitivity.run(s, objective: .gap, replicas: 2, samples: 3, threads: 3), r)
    }
}
