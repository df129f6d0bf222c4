import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// What households do on their own, and harm (docs/MODEL.md, "Households" and "Harm"). Every
/// patient draws 60 W, so Wh = minutes; 千代田区 is out 0-1000 unless said otherwise; the
/// household acts when 180 minutes of reserve are left (selfHelpThresholdMinutes).
final class HouseholdTests: XCTestCase {
    /// A ventilator run from a car's 12 V socket (150 W through an inverter): at 300 - 180 = 120 the
    /// family sets it up, at 120 + 30 = 150 the car runs the device for 1,440 minutes: the reserve
    /// now lasts to 300 + 1,440 = 1,740, past the restoration. No gap.
    func testCarSocketRunsAVentilator() {
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 300, car: .socket)], zones: [Fx.step(restore: 1000)],
                            params: Fx.households(car: 1000))
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.outcome, .coveredBySelfHelp)
        XCTAssertTrue(p.usedCar)
        XCTAssertTrue(p.otherPower)
        XCTAssertEqual(p.gapMinutes, 0)
        XCTAssertNil(p.admission)
    }

    /// A 200 W concentrator (60 minutes of battery, tolerance 360) cannot run from a 150 W socket: at
    /// 60 the power runs out; not life-critical, the patient waits at home until the gap reaches the
    /// tolerance, 60 + 360 = 420, is then unwell and taken to the emergency department (60
    /// minutes): arrives at 480, gap 420, 60 beyond tolerance. A hybrid's 1,500 W outlet runs it:
    /// set up at 0 + 30 = 30 (reserve already under 180), lasting to 60 + 1,440 = 1,500 > 1,000.
    func testSocketTooWeakOutletStrongEnough() {
        func patient(_ car: CarPower) -> Patient {
            Patient(id: "P1", municipality: Fx.chiyoda, device: .oxygenConcentrator, drawW: 200, hoursPerDay: 24,
                    internalBatteryWh: 200, externalBatteryWh: 0, generator: nil, providerId: "C1",
                    registeredSupportPlan: false, car: car)
        }
        let params = Fx.households(car: 1000, outlet: 1000)
        let socket = Fx.run(Fx.scenario(patients: [patient(.socket)], zones: [Fx.step(restore: 1000)], params: params)).patient("P1")
        XCTAssertFalse(socket.usedCar)
        XCTAssertEqual(socket.admission, .emergency)
        XCTAssertEqual(socket.admissionMinute, 480)
        XCTAssertEqual(socket.gapMinutes, 420)
        XCTAssertEqual(socket.beyondToleranceMinutes, 60)
        let outlet = Fx.run(Fx.scenario(patients: [patient(.outlet)], zones: [Fx.step(restore: 1000)], params: params)).patient("P1")
        XCTAssertTrue(outlet.usedCar)
        XCTAssertEqual(outlet.outcome, .coveredBySelfHelp)
    }

    /// Recharge trips (180 minutes there and back) with a 120-minute external battery, internal 180,
    /// outage 0-700, a charging point in the ward. Low at 120, back at 300 (+120: lasts to 420), out
    /// again at once (only 120 left), back at 480: without power 420-480; lasts to 600, out again,
    /// back at 660: without power 600-660; lasts to 780 > 700. Gap 120 in two spans.
    func testRechargeTripsAtAChargingPoint() {
        let p = Fx.patient("P1", reserve: 180, tolerance: 1_000_000, external: 120)
        let s = Fx.scenario(patients: [p], zones: [Fx.step(restore: 700)], params: Fx.households(recharge: 1000),
                            edit: { m in m[0].chargingPoints = 1 })
        let r = Fx.run(s).patient("P1")
        XCTAssertTrue(r.recharged)
        XCTAssertEqual(r.gapMinutes, 120)
        XCTAssertEqual(r.depletionMinute, 300, "the home reserve as it was at the start runs out at 300")
        XCTAssertEqual(r.outcome, .uncovered)
    }

    /// Without a powered place in the ward (no charging point; the only provider has no backup
    /// power and is dark) the battery cannot be charged: without power 300-700.
    func testNoPlaceToCharge() {
        let p = Fx.patient("P1", reserve: 180, tolerance: 1_000_000, external: 120)
        let s = Fx.scenario(patients: [p], providers: [Fx.provider("C1", backup: false)], zones: [Fx.step(restore: 700)],
                            params: Fx.households(recharge: 1000))
        let r = Fx.run(s).patient("P1")
        XCTAssertFalse(r.recharged)
        XCTAssertEqual(r.gapMinutes, 400)
    }

    /// The family takes a round-the-clock TPPV user to hospital when 180 minutes are left (at 120):
    /// by welfare taxi (no car) in 120 minutes, arriving at 240 before the battery runs out at 300;
    /// a bed at H1 (中央区, same area). With the family car it takes 60: arrival 180.
    func testFamilyTakesThePatientToHospital() {
        let hospital = Fx.provider("H1", in: Fx.chuo, perHour: 0, beds: 1, kind: .hospital)
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 300), Fx.patient("P2", reserve: 300, in: Fx.shinjuku, car: .socket)],
                            providers: [Fx.provider("C1"), hospital], zones: [Fx.step(restore: 1000, targets: [.area("区中央部"), .area("区西部")])],
                            params: Fx.households(hospital: 1000))
        let r = Fx.run(s)
        let p1 = r.patient("P1")
        XCTAssertEqual(p1.admission, .family)
        XCTAssertEqual(p1.admissionMinute, 240)
        XCTAssertEqual(p1.bedProviderId, "H1")
        XCTAssertEqual(p1.gapMinutes, 0)
        XCTAssertEqual(p1.outcome, .evacuated)
        // P2 (新宿区, 区西部) has no hospital in its area: admitted beyond the beds set aside.
        let p2 = r.patient("P2")
        XCTAssertEqual(p2.admission, .family)
        XCTAssertEqual(p2.admissionMinute, 180)
        XCTAssertNil(p2.bedProviderId)
    }

    /// Harm: a TPPV user (tolerance 5) whose battery runs out at 300 is taken to the emergency
    /// department, arriving at 360: gap 60, of which 60 - 5 = 55 beyond tolerance. A family that
    /// can bag by hand bridges the 60 minutes: nothing beyond tolerance.
    func testEmergencyPresentationAndTheManualBridge() {
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 300), Fx.patient("P2", reserve: 300, bridge: true)],
                            zones: [Fx.step(restore: 1000)], params: Fx.households())
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P1").admission, .emergency)
        XCTAssertEqual(r.patient("P1").gapMinutes, 60)
        XCTAssertEqual(r.patient("P1").beyondToleranceMinutes, 55)
        XCTAssertEqual(r.patient("P1").bridgeMinutes, 0)
        XCTAssertEqual(r.patient("P2").gapMinutes, 60)
        XCTAssertEqual(r.patient("P2").bridgeMinutes, 60)
        XCTAssertEqual(r.patient("P2").beyondToleranceMinutes, 0)
        XCTAssertEqual(r.totals.harmed, 1)
        XCTAssertEqual(r.totals.admissions[.emergency], 2)
    }

    /// A feeding pump (tolerance 1,440) is not life-critical: the patient stays home through a
    /// 700-minute gap (300-1000) with no harm. In a longer outage (restore 2,300) the gap reaches
    /// the tolerance at 300 + 1,440 = 1,740: the patient is unwell and taken to the emergency
    /// department, arriving at 1,800: gap 1,500, 60 beyond tolerance.
    func testNotLifeCriticalWaitsAtHomeUntilUnwell() {
        let short = Fx.run(Fx.scenario(patients: [Fx.patient("P1", reserve: 300, device: .feedingPump)],
                                       zones: [Fx.step(restore: 1000)], params: Fx.households())).patient("P1")
        XCTAssertNil(short.admission)
        XCTAssertEqual(short.gapMinutes, 700)
        XCTAssertEqual(short.beyondToleranceMinutes, 0)
        let long = Fx.run(Fx.scenario(patients: [Fx.patient("P1", reserve: 300, device: .feedingPump)],
                                      zones: [Fx.step(restore: 2300)], params: Fx.households())).patient("P1")
        XCTAssertEqual(long.admission, .emergency)
        XCTAssertEqual(long.admissionMinute, 1800)
        XCTAssertEqual(long.gapMinutes, 1500)
        XCTAssertEqual(long.beyondToleranceMinutes, 60)
        // Gravity feeding (the bridge, up to 720 minutes) puts the visit off to 300 + 1,440 + 720 =
        // 2,460, after the power is back: gap 2,000, of which 720 bridged; beyond 2,000 - 720 - 1,440 = 0.
        var gravity = Fx.patient("P1", reserve: 300, bridge: true, device: .feedingPump)
        gravity.manualBridge = true
        let bridged = Fx.run(Fx.scenario(patients: [gravity], zones: [Fx.step(restore: 2300)], params: Fx.households())).patient("P1")
        XCTAssertNil(bridged.admission)
        XCTAssertEqual(bridged.gapMinutes, 2000)
        XCTAssertEqual(bridged.bridgeMinutes, 720)
        XCTAssertEqual(bridged.beyondToleranceMinutes, 0)
    }

    /// Other power: an own generator (900 W, 1 tank of 120 minutes) after 60 minutes of battery.
    /// The battery alone is not other power.
    func testOwnGeneratorIsOtherPower() {
        var withGen = Fx.patient("P1", reserve: 60, tolerance: 1_000_000)
        withGen.generator = OwnGenerator(ratedW: 900, runtimePerTankMinutes: 120, tanks: 1)
        let s = Fx.scenario(patients: [withGen, Fx.patient("P2", reserve: 60, tolerance: 1_000_000)],
                            zones: [Fx.step(restore: 1000)], params: Fx.households())
        let r = Fx.run(s)
        XCTAssertTrue(r.patient("P1").otherPower)
        XCTAssertEqual(r.patient("P1").gapMinutes, 1000 - 180)
        XCTAssertFalse(r.patient("P2").otherPower)
        XCTAssertEqual(r.patient("P2").gapMinutes, 1000 - 60)
    }
}
