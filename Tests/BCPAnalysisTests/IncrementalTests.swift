@testable import BCPAnalysis
import BCPEngine
import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest

/// Incremental.swift: a change simulated only where it can reach gives the same figures as the
/// changed scenario run in full, for random scenarios and every lever (issue 18: byte-identical
/// to a full rerun).
final class IncrementalTests: XCTestCase {
    func testEveryLeverGivesTheFullRerunsFigures() {
        var partial = 0, cases = 0
        for seed in UInt64(1)...80 {
            let s = RandomScenario.splittable(seed)
            let seeds: [UInt64] = [seed, seed &* 977]
            let base = IncrementalBase(scenario: s, seeds: seeds, threads: 1)
            let first = Simulator.run(s, seed: seeds[0])
            let spec = Counterfactual.unitSpec(s)
            var g = Xoshiro256StarStar(seed: seed &+ 5)
            for _ in 0..<3 {
                let code = s.municipalities[Int(g.next(below: UInt64(s.municipalities.count)))].code
                let lever = Lever.allCases[Int(g.next(below: UInt64(Lever.allCases.count)))]
                let amount = 1 + Int(g.next(below: 3))
                guard let changed = Counterfactual.apply(lever, amount: amount, to: s, code: code, unit: spec,
                                                         homes: Counterfactual.homes(s, base: first, code: code)) else { continue }
                cases += 1
                let rerun = base.prepare(changed)
                if rerun.patients < s.patients.count { partial += 1 }
                let full = Simulator.Plan(changed)
                for k in seeds.indices {
                    XCTAssertEqual(base.summary(rerun, seed: k), full.summary(seed: seeds[k]), "seed \(seed) \(lever) x\(amount) in \(code)")
                }
            }
        }
        // The comparison covers changes rerun in part, not only full reruns.
        XCTAssertGreaterThan(cases, 120)
        XCTAssertGreaterThan(partial, 20)
    }

    /// A base advanced step by step (as a plan grows) equals the final scenario's full runs.
    func testAdvancedBaseEqualsTheFullRunOfTheWholePlan() {
        for seed in UInt64(1)...20 {
            let s = RandomScenario.splittable(seed)
            let seeds: [UInt64] = [seed]
            var base = IncrementalBase(scenario: s, seeds: seeds, threads: 1)
            var current = s
            let spec = Counterfactual.unitSpec(s)
            for (lever, k) in [(Lever.unit, 0), (.bed, 1), (.contact, 2), (.tier, 3)] {
                guard let next = Counterfactual.apply(lever, amount: 1, to: current, code: s.municipalities[k].code, unit: spec) else { continue }
                base = base.advanced(to: next, threads: 2)
                current = next
            }
            XCTAssertEqual(base.tallies[0], Simulator.Plan(current).municipalityTallies(seed: seed), "seed \(seed)")
        }
    }

    /// The totals of a summary made from municipality tallies are the full run's (sums and maxima).
    func testTotalsFromMunicipalitiesEqualTheFullTotals() {
        for seed in UInt64(1)...20 {
            let r = Simulator.run(RandomScenario.make(seed))
            XCTAssertEqual(ReplicaSummary(municipalities: r.municipalities.map(\.tally)), ReplicaSummary(r))
        }
    }
}
