import BCPEngine
import BCPModel
import BCPTestSupport
import XCTest
@testable import BCPSimulator

/// Coupling.swift: a component of the scenario run alone gives its patients the outcomes of the
/// whole run, and a change's unaffected patients keep their outcomes. This is what lets what-if,
/// plan and sensitivity simulate only the part a change can reach (issue 18).
final class CouplingTests: XCTestCase {
    func outcomes(_ r: SimulationResult) -> [String: PatientOutcome] {
        var d: [String: PatientOutcome] = [:]
        for p in r.patients { d[p.id] = p }
        return d
    }

    func testEachComponentRunAloneGivesTheWholeRunsOutcomes() {
        var split = 0
        for seed in UInt64(1)...150 {
            let s = RandomScenario.splittable(seed)
            let whole = outcomes(Simulator.run(s))
            let coupling = Coupling(s)
            let labels = coupling.components()
            var distinct: [Int] = []
            for l in labels where !distinct.contains(l) { distinct.append(l) }
            if distinct.count > 1 { split += 1 }
            for l in distinct {
                let part = Simulator.run(coupling.restriction(of: s, keep: labels.map { $0 == l }).apply(to: s))
                for p in part.patients { XCTAssertEqual(p, whole[p.id], "seed \(seed) patient \(p.id)") }
            }
        }
        // The check means something only if scenarios do come apart.
        XCTAssertGreaterThan(split, 30)
    }

    /// One random change of the kinds the levers make (units, teams, calls, beds, tier, site power,
    /// cylinders at home).
    static func change(_ s: Scenario, _ g: inout Xoshiro256StarStar) -> Scenario {
        var c = s
        switch g.next(below: 7) {
        case 0:
            let m = c.municipalities[Int(g.next(below: UInt64(c.municipalities.count)))].code
            c.units.append(PowerUnit(id: "X1", kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 4,
                                     owner: .municipality(m), subsidized: true))
        case 1:
            let m = Int(g.next(below: UInt64(c.municipalities.count)))
            c.municipalities[m].deliveryTeams += 1
        case 2:
            let p = Int(g.next(below: UInt64(c.providers.count)))
            c.providers[p].contactsPerHour += 4
        case 3:
            let p = Int(g.next(below: UInt64(c.providers.count)))
            c.providers[p].backupBeds += 2
        case 4:
            let p = Int(g.next(below: UInt64(c.providers.count)))
            c.providers[p].tier = .regional
        case 5:
            let p = Int(g.next(below: UInt64(c.providers.count)))
            c.providers[p].hasBackupPower = true
        default:
            let i = Int(g.next(below: UInt64(c.patients.count)))
            c.patients[i].cylinderMinutes += 600
            c.units.append(PowerUnit(id: "X2", kind: .battery, capacityWh: 1000, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0,
                                     owner: .patient(c.patients[i].id), subsidized: true))
        }
        return c
    }

    func testAChangeLeavesEveryUnaffectedPatientAsBefore() {
        var unaffected = 0
        for seed in UInt64(1)...150 {
            let s = RandomScenario.splittable(seed)
            var g = Xoshiro256StarStar(seed: seed &* 7)
            let c = Self.change(s, &g)
            guard let change = Coupling(s).change(from: s, to: c) else { return XCTFail("seed \(seed): a lever's change is local") }
            let before = outcomes(Simulator.run(s)), after = outcomes(Simulator.run(c))
            let hit = change.patients
            for (i, p) in c.patients.enumerated() where !hit[i] {
                unaffected += 1
                XCTAssertEqual(after[p.id], before[p.id], "seed \(seed) patient \(p.id)")
            }
            let part = Simulator.run(change.apply(to: c))
            for p in part.patients { XCTAssertEqual(p, after[p.id], "seed \(seed) patient \(p.id)") }
        }
        XCTAssertGreaterThan(unaffected, 300)
    }

    func testAChangeToWhatEveryoneSharesAffectsEveryone() {
        let s = RandomScenario.splittable(3)
        var c = s
        c.parameters.transferMinutes += 10
        XCTAssertNil(Coupling(s).change(from: s, to: c))
        XCTAssertEqual(Coupling(s).change(from: s, to: s)?.patients, [Bool](repeating: false, count: s.patients.count))
    }
}
