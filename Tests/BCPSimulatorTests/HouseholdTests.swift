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

    /// A 200 W concentrator (60 minutes of battery; oxygen's tolerance 360, not life-critical)
    /// cannot run from a 150 W socket. Its own call at max(0, 60 - 180) + 30 = 30 makes it known;
    /// no unit can come and H1 (中央区, same area) has a bed set aside free, so the dispatcher moves
    /// the patient at once: by welfare taxi (120), arriving at 150: gap 60-150 = 90, within the
    /// tolerance. A hybrid's 1,500 W outlet runs it: set up at 0 + 30 = 30 (reserve already under
    /// 180), lasting to 60 + 1,440 = 1,500 > 1,000.
    func testSocketTooWeakOutletStrongEnough() {
        func patient(_ car: CarPower) -> Patient {
            Patient(id: "P1", municipality: Fx.chiyoda, device: .oxygenConcentrator, drawW: 200, hoursPerDay: 24,
                    internalBatteryWh: 200, externalBatteryWh: 0, generator: nil, providerId: "C1",
                    registeredSupportPlan: false, car: car)
        }
        let params = Fx.households(car: 1000, outlet: 1000)
        let socket = Fx.run(Fx.scenario(patients: [patient(.socket)], providers: [Fx.provider("C1"), Self.hospital],
                                        zones: [Fx.step(restore: 1000)], params: params)).patient("P1")
        XCTAssertFalse(socket.usedCar)
        XCTAssertEqual(socket.admission, .planned)
        XCTAssertEqual(socket.admissionMinute, 150)
        XCTAssertEqual(socket.bedProviderId, "H1")
        XCTAssertEqual(socket.gapMinutes, 90)
        XCTAssertEqual(socket.beyondToleranceMinutes, 0)
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

    /// Harm: a TPPV user (tolerance 5) whose battery runs out at 300, whose provider is out of
    /// action (so nobody arranges an admission) and whose area's hospital has no bed set aside
    /// free (so the dispatcher moves nobody), is taken to the emergency department, arriving at
    /// 360: gap 60, of which 60 - 5 = 55 beyond tolerance. A family that can bag by hand bridges the
    /// 60 minutes: nothing beyond tolerance.
    func testEmergencyPresentationAndTheManualBridge() {
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 300), Fx.patient("P2", reserve: 300, bridge: true)],
                            providers: [Fx.provider("C1"), Self.fullHospital], zones: [Fx.step(restore: 1000)],
                            disruptions: [Self.providerOut], params: Fx.households())
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

    static let providerOut = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
    /// A working hospital with backup power in 中央区, the same secondary area as 千代田区, with one
    /// bed set aside; and the same hospital with none free.
    static let hospital = Fx.provider("H1", in: Fx.chuo, perHour: 0, beds: 1, kind: .hospital)
    static let fullHospital = Fx.provider("H1", in: Fx.chuo, perHour: 0, beds: 0, kind: .hospital)

    /// Admission arranged for known patients (H1 in the same area is working and has power, with
    /// one bed set aside). P2's provider is institutional and calls it at 60 + 1 = 61; no unit can
    /// come and the bed is free, so the dispatcher moves P2 to it at once: 61 + 120 = 181, no gap.
    /// P1's provider (tier none) does not call: P1 is known by its own call at 300 - 180 + 30 =
    /// 150, after its low-reserve moment (120), with no bed left; the minute after (151), its
    /// provider arranges an admission beyond the beds set aside: arrival 151 + 60 to arrange + 120
    /// by welfare taxi = 331, gap 31, 26 beyond the tolerance of 5.
    func testProviderArrangesAdmission() {
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 300), Fx.patient("P2", reserve: 300, provider: "C2")],
                            providers: [Fx.provider("C1"), Fx.provider("C2", tier: .institutional), Self.hospital],
                            zones: [Fx.step(restore: 1000)], params: Fx.households())
        let r = Fx.run(s)
        let p1 = r.patient("P1"), p2 = r.patient("P2")
        XCTAssertEqual(p1.admission, .planned)
        XCTAssertEqual(p1.admissionMinute, 331)
        XCTAssertEqual(p1.gapMinutes, 31)
        XCTAssertEqual(p1.beyondToleranceMinutes, 26)
        XCTAssertEqual(p2.admission, .planned)
        XCTAssertEqual(p2.admissionMinute, 181)
        XCTAssertEqual(p2.bedProviderId, "H1")
        XCTAssertNil(p1.bedProviderId)
        XCTAssertEqual(p2.gapMinutes, 0)
        XCTAssertEqual(p2.outcome, .evacuated)
    }

    /// A feeding pump (tolerance 1,440) is not life-critical: the patient stays home through a
    /// 700-minute gap (300-1000) with no harm. In a longer outage (restore 2,300), with H1 working
    /// but no bed set aside free and the provider out of action, the gap reaches the tolerance at
    /// 300 + 1,440 = 1,740: the patient is unwell and taken to the emergency department, arriving
    /// at 1,800: gap 1,500, 60 beyond tolerance. With the provider working (the patient is known by
    /// its own call at 150), the provider arranges an admission beyond the beds so as to arrive
    /// as the gap reaches the tolerance: at 1,740 - (60 + 120) = 1,560, arriving at 1,740. Gap
    /// 1,440, nothing beyond.
    func testNotLifeCriticalWaitsAtHomeUntilUnwell() {
        let short = Fx.run(Fx.scenario(patients: [Fx.patient("P1", reserve: 300, device: .feedingPump)],
                                       zones: [Fx.step(restore: 1000)], params: Fx.households())).patient("P1")
        XCTAssertNil(short.admission)
        XCTAssertEqual(short.gapMinutes, 700)
        XCTAssertEqual(short.beyondToleranceMinutes, 0)
        let long = Fx.run(Fx.scenario(patients: [Fx.patient("P1", reserve: 300, device: .feedingPump)],
                                      providers: [Fx.provider("C1"), Self.fullHospital], zones: [Fx.step(restore: 2300)],
                                      disruptions: [Self.providerOut], params: Fx.households())).patient("P1")
        XCTAssertEqual(long.admission, .emergency)
        XCTAssertEqual(long.admissionMinute, 1800)
        XCTAssertEqual(long.gapMinutes, 1500)
        XCTAssertEqual(long.beyondToleranceMinutes, 60)
        let arranged = Fx.run(Fx.scenario(patients: [Fx.patient("P1", reserve: 300, device: .feedingPump)],
                                          providers: [Fx.provider("C1"), Self.fullHospital], zones: [Fx.step(restore: 2300)],
                                          params: Fx.households())).patient("P1")
        XCTAssertEqual(arranged.admission, .planned)
        XCTAssertEqual(arranged.admissionMinute, 1740)
        XCTAssertEqual(arranged.gapMinutes, 1440)
        XCTAssertEqual(arranged.beyondToleranceMinutes, 0)
        // Gravity feeding (the bridge, up to 720 minutes), provider out: the visit is put off to
        // 300 + 1,440 + 720 = 2,460, after the power is back: gap 2,000, of which 720 bridged;
        // beyond 2,000 - 720 - 1,440 = 0.
        var gravity = Fx.patient("P1", reserve: 300, bridge: true, device: .feedingPump)
        gravity.manualBridge = true
        let bridged = Fx.run(Fx.scenario(patients: [gravity], providers: [Fx.provider("C1"), Self.fullHospital],
                                         zones: [Fx.step(restore: 2300)], disruptions: [Self.providerOut],
                                         params: Fx.households())).patient("P1")
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
