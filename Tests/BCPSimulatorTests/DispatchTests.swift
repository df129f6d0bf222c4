import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// Hand-computed micro-scenarios: units, teams, travel, beds, mutual aid.
/// Unless said otherwise the provider C1 is institutional with backup power and 60 contacts/hour,
/// so its first patient is reached at 61 (calls start at 60, one contact takes a minute).
/// Patients here call for help only when their reserve is empty (threshold 0): they call at
/// depletion + 30, after the provider's calls, so the provider's call is what detects them.
final class DispatchTests: XCTestCase {
    let caller = Fx.provider("C1", tier: .institutional)

    func run(_ s: Scenario, tier: TierOverride = .asConfigured) -> SimulationResult {
        var s = s
        s.parameters.selfCallThresholdMinutes = 0
        return Fx.run(s, tier: tier)
    }

    func testUnitOneMinuteTooLate() {
        // Reserve 120, reached at 61, unit from 千代田区's stock travels 60: arrives 121, one minute
        // after depletion at 120. Gap 1; then 1000 min of battery lasts past restoration at 1000.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 120)], providers: [caller],
            units: [Fx.battery("U1", wh: 1000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], edit: { m in m[0].deliveryTeams = 1 })
        let p = run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 61)
        XCTAssertEqual(p.firstHelpMinute, 121)
        XCTAssertEqual(p.gapMinutes, 1)
        XCTAssertEqual(p.outcome, .uncovered)
        XCTAssertEqual(p.unitIds, ["U1"])
        // 61 + 60 > 120: the contact came too late for a unit from the same municipality.
        XCTAssertEqual(p.shortfall, [.noContact, .noBackupBed, .noRegionalBCP])
    }

    func testUnitJustInTime() {
        // Same with reserve 121: the unit arrives at 121 = depletion, no gap.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 121)], providers: [caller],
            units: [Fx.battery("U1", wh: 1000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], edit: { m in m[0].deliveryTeams = 1 })
        let r = run(s)
        XCTAssertEqual(r.patient("P1").outcome, .coveredByUnit)
        XCTAssertEqual(r.totals.unitsDelivered, 1)
        XCTAssertEqual(r.municipalities[0].resources.unitsLent, 1)
        XCTAssertEqual(r.municipalities[0].resources.unitsLeft, 0)
        XCTAssertEqual(r.municipalities[0].resources.teamTrips, 1)
    }

    func testEarliestDepletionFirstWithOneTeam() {
        // One team, two 1000-Wh units (1000 min each). Reserves P1 400, P2 200, P3 200.
        // Calls: P2 61, P3 62, P1 63.
        // 61: P2 gets U1, arrives 121 <= 200; team back at 61 + 2x60 = 181.
        // 62: P3 (depletes 200) would get the team at 181 -> 241 > 200; no bed: waits.
        // 181: P3 first (200 < 400): U2 leaves, arrives 241: gap 41. P1: no unit left, gap 1000-400 = 600.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 400), Fx.waiting("P2", reserve: 200), Fx.waiting("P3", reserve: 200)],
            providers: [caller],
            units: [Fx.battery("U1", wh: 1000, owner: .municipality(Fx.chiyoda)),
                    Fx.battery("U2", wh: 1000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], edit: { m in m[0].deliveryTeams = 1 })
        let r = run(s)
        XCTAssertEqual(r.patient("P2").outcome, .coveredByUnit)
        XCTAssertEqual(r.patient("P2").unitIds, ["U1"])
        XCTAssertEqual(r.patient("P3").firstHelpMinute, 241)
        XCTAssertEqual(r.patient("P3").gapMinutes, 41)
        XCTAssertEqual(r.patient("P3").unitIds, ["U2"])
        XCTAssertEqual(r.patient("P3").shortfall, [.noDeliveryTeam, .noBackupBed, .noRegionalBCP])
        XCTAssertEqual(r.patient("P1").gapMinutes, 600)
        XCTAssertTrue(r.patient("P1").shortfall.contains(.noPowerUnit))
        XCTAssertEqual(r.totals.gapMinutes, 641)
        XCTAssertEqual(r.municipalities[0].resources.teamTrips, 2)
    }

    func testEvacuationWhenNoUnit() {
        // No unit; hospital H1 in 千代田区 has one backup bed. Reached at 61, moved by 61 + 120 = 181
        // <= 300: evacuated without a gap.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 300)],
            providers: [caller, Fx.provider("H1", beds: 1, kind: .hospital)], zones: [Fx.step(restore: 1000)])
        let r = run(s)
        let p = r.patient("P1")
        XCTAssertEqual(p.outcome, .evacuated)
        XCTAssertEqual(p.bedProviderId, "H1")
        XCTAssertEqual(p.firstHelpMinute, 181)
        XCTAssertEqual(r.municipalities[0].resources.bedsUsed, 1)
        XCTAssertEqual(r.municipalities[0].resources.bedsLeft, 0)
    }

    func testEvacuationBeatsALateUnitAndViceVersa() {
        // Travel in the municipality set to 200: the unit would arrive 61 + 200 = 261 > 100 (depletion).
        // A bed is reached at 61 + 120 = 181 < 261: evacuated, gap 181 - 100 = 81.
        var params = PolicyParameters()
        params.travelSameMunicipalityMinutes = 200
        func scenario(_ p: PolicyParameters) -> Scenario {
            Fx.scenario(
                patients: [Fx.waiting("P1", reserve: 100)],
                providers: [caller, Fx.provider("H1", beds: 1, kind: .hospital)],
                units: [Fx.battery("U1", wh: 2000, owner: .municipality(Fx.chiyoda))],
                zones: [Fx.step(restore: 1000)], params: p, edit: { m in m[0].deliveryTeams = 1 })
        }
        let a = run(scenario(params)).patient("P1")
        XCTAssertEqual(a.bedProviderId, "H1")
        XCTAssertEqual(a.gapMinutes, 81)
        XCTAssertEqual(a.outcome, .uncovered)
        // Transfer 250: the bed (61 + 250 = 311) is later than the unit (261): the unit goes, gap 161.
        params.transferMinutes = 250
        let b = run(scenario(params)).patient("P1")
        XCTAssertNil(b.bedProviderId)
        XCTAssertEqual(b.unitIds, ["U1"])
        XCTAssertEqual(b.gapMinutes, 161)
    }

    func testBedsAreLimited() {
        // One bed, no unit. P2 (depletes 200) is reached first (61) and takes it, arriving 181.
        // P1 (reached 62, depletes 300) finds none: gap 1000 - 300 = 700.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 300), Fx.waiting("P2", reserve: 200)],
            providers: [caller, Fx.provider("H1", beds: 1, kind: .hospital)], zones: [Fx.step(restore: 1000)])
        let r = run(s)
        XCTAssertEqual(r.patient("P2").outcome, .evacuated)
        XCTAssertEqual(r.patient("P1").gapMinutes, 700)
        XCTAssertTrue(r.patient("P1").shortfall.contains(.noBackupBed))
    }

    func testMutualAidOnlyUnderRegionalTier() {
        // No unit in 千代田区; 中央区 (same area) has a 3000-Wh unit and a team. Reserve 600, reached 61.
        // Without a regional BCP: gap 3000 - 600 = 2400.
        // With one: 中央区 lends from 0 + 360; travel in the area 90: arrives 450 <= 600, lasts to 3600.
        let base = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 600)], providers: [caller],
            units: [Fx.battery("U1", wh: 3000, owner: .municipality(Fx.chuo))],
            zones: [Fx.step(restore: 3000)], edit: { m in m[1].deliveryTeams = 1 })
        let without = run(base).patient("P1")
        XCTAssertEqual(without.gapMinutes, 2400)
        XCTAssertEqual(without.shortfall, [.noPowerUnit, .noBackupBed, .noRegionalBCP])
        var regional = base
        regional.municipalities[0].hasRegionalBCP = true
        let with = run(regional).patient("P1")
        XCTAssertEqual(with.outcome, .coveredByUnit)
        XCTAssertEqual(with.firstHelpMinute, 450)
        // The same through the tier override.
        XCTAssertEqual(run(base, tier: .regional).patient("P1").firstHelpMinute, 450)
        XCTAssertEqual(run(base, tier: .linked).patient("P1").gapMinutes, 2400)
    }

    func testTravelSlowedByDisruption() {
        // Travel 60 at 150% = 90: reached 61, arrives 151 > 150: gap 1. Unslowed it would be 121.
        let slow = Disruption.travelSlowed(targets: [.municipality(Fx.chiyoda)], percent: 150, fromMinute: 0, untilMinute: nil)
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 150)], providers: [caller],
            units: [Fx.battery("U1", wh: 2000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], disruptions: [slow], edit: { m in m[0].deliveryTeams = 1 })
        XCTAssertEqual(run(s).patient("P1").firstHelpMinute, 151)
        XCTAssertEqual(run(s).patient("P1").gapMinutes, 1)
    }

    func testIslandTravelFromProviderUnits() {
        // Patient on 大島町 (island), provider C2 in 千代田区 (institutional, one team, one unit).
        // Reached at 61; island travel 720: arrives 781 <= 1000. Unit 2000 min lasts past 2000.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 1000, in: Fx.oshima, provider: "C2")],
            providers: [Fx.provider("C2", tier: .institutional, teams: 1)],
            units: [Fx.battery("U1", wh: 2000, owner: .provider("C2"))],
            zones: [Fx.step(restore: 2000, targets: [.municipality(Fx.oshima)])])
        let p = run(s).patient("P1")
        XCTAssertEqual(p.firstHelpMinute, 781)
        XCTAssertEqual(p.outcome, .coveredByUnit)
        // A provider without a BCP neither calls nor lends: the patient calls at 1000-180+30 = 850,
        // no unit is open to them: gap 2000 - 1000 = 1000.
        let none = Fx.run(s, tier: .none).patient("P1")  // default self-call threshold here
        XCTAssertEqual(none.detectionMinute, 850)
        XCTAssertEqual(none.gapMinutes, 1000)
        XCTAssertEqual(none.shortfall, [.noPowerUnit, .noBackupBed, .providerWithoutBCP, .noRegionalBCP])
    }

    func testLinkedGroupPool() {
        // C2, a linked partner of C1 in the same municipality, holds a unit and a team. P1 (C1's
        // patient, reserve 300) is reached at 61 and served from C2's pool: 61 + 60 = 121 <= 300.
        // With C1 only institutional the pool is closed: gap 1000 - 300 = 700.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 300)],
            providers: [Fx.provider("C1", tier: .linked, group: "G"), Fx.provider("C2", tier: .linked, group: "G", teams: 1)],
            units: [Fx.battery("U1", wh: 2000, owner: .provider("C2"))], zones: [Fx.step(restore: 1000)])
        XCTAssertEqual(run(s).patient("P1").outcome, .coveredByUnit)
        XCTAssertEqual(run(s, tier: .institutional).patient("P1").gapMinutes, 700)
    }

    func testGeneratorTooSmallIsNoUnit() {
        // A 50 W generator cannot run a 60 W device: no usable unit.
        let gen = PowerUnit(id: "G1", kind: .generator, capacityWh: 0, ratedW: 50, runtimePerTankMinutes: 240,
                            tanks: 2, owner: .municipality(Fx.chiyoda), subsidized: true)
        let s = Fx.scenario(patients: [Fx.waiting("P1", reserve: 300)], providers: [caller], units: [gen],
                            zones: [Fx.step(restore: 1000)], edit: { m in m[0].deliveryTeams = 1 })
        let p = run(s).patient("P1")
        XCTAssertEqual(p.gapMinutes, 700)
        XCTAssertTrue(p.shortfall.contains(.noPowerUnit))
    }

    func testBiggestUnitFirstAndRepeatDeliveries() {
        // Units 500 Wh (U1) and 300 Wh (U2); the 500 goes first. Reserve 200, reached 61, U1 arrives
        // 121 -> power to 200 + 500 = 700 < 1000: needs more. The team is back at 181, sends U2
        // (arrives 241) -> 700 + 300 = 1000 = restoration: covered by two units.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 200)], providers: [caller],
            units: [Fx.battery("U2", wh: 300, owner: .municipality(Fx.chiyoda)),
                    Fx.battery("U1", wh: 500, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], edit: { m in m[0].deliveryTeams = 1 })
        let p = run(s).patient("P1")
        XCTAssertEqual(p.unitIds, ["U1", "U2"])
        XCTAssertEqual(p.outcome, .coveredByUnit)
    }

    func testUnitUntilHorizon() {
        // Never restored, horizon 600, no provider calls. Reserve 100: the patient calls at 100 + 30 = 130,
        // the unit arrives 190 (gap 90)... so give the patient a default threshold: call at 0 + 30 = 30,
        // unit arrives 90 <= 100, power to 100 + 500 = 600 = horizon: covered.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 100)],
            units: [Fx.battery("U1", wh: 500, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.never()], horizon: 600, edit: { m in m[0].deliveryTeams = 1 })
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.outcome, .coveredByUnit)
        XCTAssertNil(p.restorationMinute)
    }

    /// Never a unit that would arrive after the power is back: reached at 61, a unit would arrive
    /// at 121, but 千代田区's grid returns at 110. Nothing is sent; the gap is 100-110.
    func testNoUnitArrivingAfterRestoration() {
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 100)], providers: [caller],
            units: [Fx.battery("U1", wh: 1000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 110)], edit: { m in m[0].deliveryTeams = 1 })
        let r = run(s)
        XCTAssertEqual(r.patient("P1").unitIds, [])
        XCTAssertEqual(r.patient("P1").gapMinutes, 10)
        XCTAssertEqual(r.municipalities[0].resources.unitsLent, 0)
    }

    /// Triage: both TPPV users (tolerance 5) are found at 61 by their providers. The only unit
    /// would reach P1 at 121, after its deadline 100 + 5 = 105; it can still save P2 (deadline 205),
    /// so P2 gets it first. P1 runs out at 100 and goes to the emergency department (60): gap 60,
    /// 55 beyond tolerance. (Most urgent first would give P1 16 and P2 55 beyond tolerance.)
    func testSalvageablePatientsFirst() {
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 100), Fx.patient("P2", reserve: 200, provider: "C2")],
            providers: [caller, Fx.provider("C2", tier: .institutional)],
            units: [Fx.battery("U1", wh: 1000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)], params: Fx.households(), edit: { m in m[0].deliveryTeams = 1 })
        let r = run(s)
        XCTAssertEqual(r.patient("P1").detectionMinute, 61)
        XCTAssertEqual(r.patient("P2").detectionMinute, 61)
        XCTAssertEqual(r.patient("P2").unitIds, ["U1"])
        XCTAssertEqual(r.patient("P2").outcome, .coveredByUnit)
        XCTAssertEqual(r.patient("P1").admission, .emergency)
        XCTAssertEqual(r.patient("P1").beyondToleranceMinutes, 55)
        XCTAssertEqual(r.totals.beyondToleranceMinutes, 55)
    }

    /// A unit comes back and is lent again. C1 (千代田区, backup power) holds U1 (3,000 min). P1
    /// (千代田区, out 0-300) is reached at 61 and gets U1 at 121. P2 (中央区, out 0-3,000, 900
    /// minutes of battery) is reached at 62 and waits. P1's power is back at 300: U1 travels home
    /// (60) by 360, is recharged (360) by 720 and goes to P2 (same area, 90): 810 <= 900, and lasts
    /// to 900 + 3,000 > 3,000: covered.
    func testUnitComesBackAndIsLentAgain() {
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 100), Fx.waiting("P2", reserve: 900, in: Fx.chuo)],
            providers: [Fx.provider("C1", tier: .institutional, teams: 1)],
            units: [Fx.battery("U1", wh: 3000, owner: .provider("C1"))],
            zones: [Fx.step("Z1", restore: 300, targets: [.municipality(Fx.chiyoda)]),
                    Fx.step("Z2", restore: 3000, targets: [.municipality(Fx.chuo)])])
        let r = run(s)
        XCTAssertEqual(r.patient("P1").unitIds, ["U1"])
        XCTAssertEqual(r.patient("P2").unitIds, ["U1"])
        XCTAssertEqual(r.patient("P2").firstHelpMinute, 810)
        XCTAssertEqual(r.patient("P2").outcome, .coveredByUnit)
        XCTAssertEqual(r.municipalities[0].resources.unitsLent, 2)
    }

    /// A returned battery is recharged only where there is power. The same with C1 in 新宿区 (out
    /// 0-1,000), without backup power: U1 reaches P1 at 61 + 150 = 211, goes back at 300 and is at
    /// the dark clinic at 450; it waits for the grid (1,000), is recharged by 1,360 and reaches P2
    /// at 1,510: P2 is without power 1,500-1,510. With backup power: ready at 810, at P2 by 960.
    func testReturnedBatteryWaitsForTheSitesPower() {
        func scenario(backup: Bool) -> Scenario {
            Fx.scenario(
                patients: [Fx.waiting("P1", reserve: 100), Fx.waiting("P2", reserve: 1500, in: Fx.chuo)],
                providers: [Fx.provider("C1", in: Fx.shinjuku, tier: .institutional, backup: backup, teams: 1)],
                units: [Fx.battery("U1", wh: 2000, owner: .provider("C1"))],
                zones: [Fx.step("Z1", restore: 300, targets: [.municipality(Fx.chiyoda)]),
                        Fx.step("Z2", restore: 3000, targets: [.municipality(Fx.chuo)]),
                        Fx.step("Z3", restore: 1000, targets: [.municipality(Fx.shinjuku)])])
        }
        let dark = run(scenario(backup: false))
        XCTAssertEqual(dark.patient("P1").firstHelpMinute, 211)
        XCTAssertEqual(dark.patient("P2").firstHelpMinute, 1510)
        XCTAssertEqual(dark.patient("P2").gapMinutes, 10)
        let lit = run(scenario(backup: true))
        XCTAssertEqual(lit.patient("P2").firstHelpMinute, 960)
        XCTAssertEqual(lit.patient("P2").gapMinutes, 0)
    }
}
