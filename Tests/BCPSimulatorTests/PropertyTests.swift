import BCPTestSupport
import BCPEngine
import BCPModel
import XCTest
@testable @_spi(Testing) import BCPSimulator

/// Properties over random scenarios. Coverage = patients with no gap (own means, unit, bed, or
/// never without grid).
///
/// Dispatch is greedy and online (most urgent deadline first, among the patients known at the
/// time), and such rules are not perfectly monotone: docs/MODEL.md ("Monotonicity") explains the
/// two mechanisms found here, and MonotonicityCounterexampleTests keeps one of each. So the
/// properties are checked in two strengths: in total over all random scenarios coverage does not
/// fall (by more than one patient: with 150 seeds, one scenario where earlier detection handed the
/// only unit to a feeding-pump patient before a ventilator user was known is not outweighed), and a
/// single scenario may lose at most `maxLoss` covered patients, in at most 3% of the cases.
/// (Measured with model v2 over 600 seeds x 2 changes: totals rose for every change; more units,
/// teams, contacts or beds lost one patient in 1-3 of 1,200 comparisons; raising the tier lost one
/// patient in 32 of 1,800 before the provider-arranged admission, 14 of 450 in these 150 seeds
/// after it, so the tier check allows 4%.)
final class PropertyTests: XCTestCase {
    let seeds: [UInt64] = Array(1...150)

    func measure(_ s: Scenario, tier: TierOverride = .asConfigured) -> (covered: Int, gap: Int) {
        let r = Simulator.run(s, tier: tier)
        return (r.totals.covered + r.patients.filter { $0.outcome == .unaffected }.count, r.totals.gapMinutes)
    }

    /// Compares pairs (before, after): coverage in total does not fall (by more than one); single
    /// losses are rare and small.
    func judge(_ name: String, _ pairs: [(seed: UInt64, a: Int, b: Int)], maxLoss: Int = 1, maxSharePercent: Int = 3,
               file: StaticString = #filePath, line: UInt = #line) {
        let before = pairs.reduce(0) { $0 + $1.a }, after = pairs.reduce(0) { $0 + $1.b }
        XCTAssertGreaterThanOrEqual(after + 1, before, "\(name): total coverage fell", file: file, line: line)
        let losses = pairs.filter { $0.b < $0.a }
        for l in losses {
            XCTAssertLessThanOrEqual(l.a - l.b, maxLoss, "\(name): seed \(l.seed) lost \(l.a - l.b)", file: file, line: line)
        }
        XCTAssertLessThanOrEqual(losses.count * 100, pairs.count * maxSharePercent,
                                 "\(name): \(losses.count) of \(pairs.count) lose coverage: \(losses.map(\.seed))", file: file, line: line)
    }

    func checkNeverWorse(_ name: String, _ change: (inout Scenario, inout Xoshiro256StarStar) -> Void,
                         file: StaticString = #filePath, line: UInt = #line) {
        var pairs: [(UInt64, Int, Int)] = []
        for seed in seeds {
            let s = RandomScenario.make(seed)
            let base = measure(s).covered
            var g = Xoshiro256StarStar(seed: seed &+ 1000)
            for _ in 0..<2 {
                var more = s
                change(&more, &g)
                pairs.append((seed, base, measure(more).covered))
            }
        }
        judge(name, pairs, file: file, line: line)
    }

    func testMoreUnitsNeverReduceCoverage() {
        checkNeverWorse("more units") { s, g in
            let codes = s.municipalities.map(\.code)
            let owner: UnitOwner = g.next(below: 2) == 0
                ? .municipality(codes[g.int(in: 0...codes.count - 1)]) : .provider("C\(g.int(in: 0...5))")
            s.units.append(RandomScenario.unit(&g, id: "X\(s.units.count)", owner: owner))
        }
    }

    func testMoreTeamsNeverReduceCoverage() {
        checkNeverWorse("more teams") { s, g in
            if g.next(below: 2) == 0 {
                s.municipalities[g.int(in: 0...s.municipalities.count - 1)].deliveryTeams += 1
            } else {
                s.providers[g.int(in: 0...s.providers.count - 1)].deliveryTeams += 1
            }
        }
    }

    func testMoreContactCapacityNeverReducesCoverage() {
        checkNeverWorse("more contacts") { s, g in
            if g.next(below: 2) == 0 {
                s.municipalities[g.int(in: 0...s.municipalities.count - 1)].contactsPerHour += g.int(in: 1...10)
            } else {
                s.providers[g.int(in: 0...s.providers.count - 1)].contactsPerHour += g.int(in: 1...10)
            }
        }
    }

    func testMoreBedsNeverReduceCoverage() {
        checkNeverWorse("more beds") { s, g in
            s.providers[g.int(in: 4...5)].backupBeds += 1
        }
    }

    func testHigherTierNeverReducesCoverage() {
        var pairs: [(UInt64, Int, Int)] = []
        for seed in seeds {
            let s = RandomScenario.make(seed)
            let counts = [TierOverride.none, .institutional, .linked, .regional].map { measure(s, tier: $0).covered }
            for k in 1..<counts.count { pairs.append((seed, counts[k - 1], counts[k])) }
        }
        // A higher tier finds patients sooner, and a patient found sooner is sent to a set-aside
        // bed sooner, which another patient may then lack: 14 of these 450 comparisons lose
        // coverage (3.1%) since the provider-arranged admission (issue 13), hence 4% here.
        judge("tier", pairs, maxLoss: 2, maxSharePercent: 4)
    }

    func testAddingAPatientChangesNoOneElsesOutage() {
        for seed in seeds.prefix(30) {
            let s = RandomScenario.make(seed)
            var more = s
            var g = Xoshiro256StarStar(seed: seed &+ 7)
            more.patients.append(RandomScenario.patient(&g, id: "P000-new", codes: s.municipalities.map(\.code)))
            let a = Simulator.run(s), b = Simulator.run(more)
            for p in a.patients {
                let q = b.patient(p.id)
                XCTAssertEqual(p.firstOutageMinute, q.firstOutageMinute)
                XCTAssertEqual(p.restorationMinute, q.restorationMinute)
                XCTAssertEqual(p.gridOffMinutes, q.gridOffMinutes)
            }
        }
    }

    /// The dispatcher's waiting (DispatchList.swift) is only less work: every result equals the run
    /// that looks at every needy patient in every round.
    func testWaitingPatientsChangeNoResult() {
        for seed in seeds {
            let s = RandomScenario.make(seed)
            for tier in TierOverride.allCases {
                let fast = Simulator.run(s, seed: nil, tier: tier, uniform: nil)
                let full = Simulator.run(s, seed: nil, tier: tier, uniform: nil, lookAtEveryone: true)
                XCTAssertEqual(fast, full, "seed \(seed) tier \(tier)")
            }
        }
    }

    func testSameInputsSameResult() {
        for seed in seeds.prefix(10) {
            let s = RandomScenario.make(seed)
            XCTAssertEqual(Simulator.run(s), Simulator.run(s))
        }
    }

    /// The two fast paths agree with the full rule: a replica summary computed from the run's
    /// state equals the summary of the full result (one counting rule, Tally.add), and the
    /// production restoration draw (the FNV state after seed and zone reused per patient) equals
    /// the hook that hashes each key from scratch.
    func testFastPathsAgreeWithTheFullResult() {
        for seed in seeds.prefix(60) {
            let s = RandomScenario.make(seed)
            for tier in TierOverride.allCases {
                let plan = Simulator.Plan(s, tier: tier)
                let full = plan.run(seed: seed &* 31)
                XCTAssertEqual(plan.summary(seed: seed &* 31), ReplicaSummary(full), "seed \(seed) tier \(tier)")
            }
            let hashed = Fx.run(s, uniform: { z, k in StableHash.uniformPPM(seed: s.seed, [z] + k) })
            XCTAssertEqual(Simulator.run(s), hashed, "seed \(seed)")
        }
    }
}

/// The counts every report prints side by side reconcile, in any scenario: the five outcomes
/// partition the affected, "outside help" is the three outcomes that needed it, and admissions
/// are those covered by admission plus uncovered patients admitted after a gap (docs/MODEL.md,
/// "Coverage and outcomes"). A reader adds the headline's rows and must get its totals.
final class TallyReconciliationTests: XCTestCase {
    func testHeadlineCountsAddUpInEveryGroup() {
        for seed in UInt64(1)...60 {
            let r = Simulator.run(RandomScenario.make(seed))
            let groups = [r.totals] + r.municipalities.map(\.tally) + r.areas.map(\.tally) + r.tiers.pairs.map(\.1)
                + r.devices.pairs.map(\.1)
            for t in groups {
                XCTAssertEqual(t.affected, t.coveredOwnMeans + t.coveredBySelfHelp + t.atRisk, "seed \(seed)")
                XCTAssertEqual(t.atRisk, t.coveredByUnit + t.evacuated + t.uncovered, "seed \(seed)")
            }
            // Per patient: every admission without a gap is "covered by admission", every other
            // admission is an uncovered patient's.
            let admittedAfterGap = r.patients.filter { $0.admission != nil && $0.outcome == .uncovered }.count
            XCTAssertEqual(r.patients.filter { $0.admission != nil && $0.outcome != .uncovered }.count, r.totals.evacuated, "seed \(seed)")
            XCTAssertEqual(r.totals.admitted, r.totals.evacuated + admittedAfterGap, "seed \(seed)")
            // An emergency presentation comes after the power ran out: always after a gap.
            XCTAssertTrue(r.patients.filter { $0.admission == .emergency }.allSatisfy { $0.outcome == .uncovered }, "seed \(seed)")
        }
    }
}
