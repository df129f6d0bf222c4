import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// Hand-computed micro-scenarios: own means, restoration draws, rolling blocks.
/// Defaults used below: provider calls after 60 min, linked takeover 180, municipal confirmation 120,
/// self-call below 180 min of reserve plus 30 min, travel 60 / 90 / 150 / 720, mutual aid 360,
/// transfer 120.
final class EnergyRestorationTests: XCTestCase {
    func testBatteryOutlastsOutage() {
        // 300 Wh at 60 W = 300 min; power back at 240 < 300: covered by own means.
        // Nobody calls (tier none); the patient calls at max(0, 300-180)+30 = 150, while still without grid.
        let r = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 300)], zones: [Fx.step(restore: 240)]))
        let p = r.patient("P1")
        XCTAssertEqual(p.outcome, .coveredOwnMeans)
        XCTAssertEqual(p.gapMinutes, 0)
        XCTAssertNil(p.depletionMinute)
        XCTAssertEqual(p.detectionMinute, 150)
        XCTAssertEqual(p.detectionChannel, .selfCall)
        XCTAssertEqual(p.restorationMinute, 240)
        XCTAssertEqual(r.totals.coveredOwnMeans, 1)
    }

    func testPartTimeDeviceRunsInItsNightWindow() {
        // NPPV 45 W for 12 h/day from 21:00, 100 Wh: 100 x 60 / 45 = 133 minutes of running.
        // Start clock 00:00: minute 0 is 3 h into the night window, which ends at 09:00 (540).
        // Runs out at 133; the grid is back at 267: 134 minutes without power while needed.
        // Self-call at max(0, 133 - 180) + 30 = 30. No unit anywhere, no bed; tolerance 720 (one
        // night, part-time NPPV): not beyond it, no emergency.
        var p = Fx.patient("P1", reserve: 0, device: .nppv, hours: 12)
        p.drawW = 45
        p.internalBatteryWh = 100
        let r = Fx.run(Fx.scenario(patients: [p], zones: [Fx.step(restore: 267)]))
        let o = r.patient("P1")
        XCTAssertEqual(o.ownReserveMinutes, 133)
        XCTAssertEqual(o.depletionMinute, 133)
        XCTAssertEqual(o.gapMinutes, 134)
        XCTAssertEqual(o.beyondToleranceMinutes, 0)
        XCTAssertNil(o.admission)
        XCTAssertEqual(o.outcome, .uncovered)
        XCTAssertEqual(o.detectionMinute, 30)
        // Detected in time (30 + 60 <= 133), so not noContact; tier none and no regional BCP matter
        // because no unit could be found.
        XCTAssertEqual(o.shortfall, [.noPowerUnit, .noBackupBed, .providerWithoutBCP, .noRegionalBCP])
        XCTAssertEqual(r.devices[.nppv].uncovered, 1)
        // The same outage at noon (start clock 12:00): the window opens at 21:00 = minute 540, after
        // the grid is back: nothing is needed, covered by own means.
        var noon = Fx.scenario(patients: [p], zones: [Fx.step(restore: 267)])
        noon.startClockMinute = 12 * 60
        XCTAssertEqual(Fx.run(noon).patient("P1").outcome, .coveredOwnMeans)
    }

    func testSpreadDeviceUsesItsHoursAcrossTheDay() {
        // Suction 60 W for 2 h a day, spread: 60 Wh = 60 minutes of running = 60 x 24 / 2 = 720
        // minutes on the clock. The grid is back at 800: 80 minutes without it, all counted as need
        // (suction may be needed at any time). Tolerance 120: not beyond it.
        let p = Fx.patient("P1", reserve: 60, device: .suction, hours: 2)
        let o = Fx.run(Fx.scenario(patients: [p], zones: [Fx.step(restore: 800)])).patient("P1")
        XCTAssertEqual(o.depletionMinute, 720)
        XCTAssertEqual(o.gapMinutes, 80)
        XCTAssertEqual(o.beyondToleranceMinutes, 0)
    }

    func testOwnGeneratorOnlyWhenUsable() {
        // 60 Wh = 60 min, then 3 tanks x 100 min = 300: 360 min. Restored at 360: covered (360 is not < 360).
        var p = Fx.waiting("P1", reserve: 60)
        p.generator = OwnGenerator(ratedW: 900, runtimePerTankMinutes: 100, tanks: 3)
        let s = Fx.scenario(patients: [p], zones: [Fx.step(restore: 360)])
        XCTAssertEqual(Fx.run(s).patient("P1").outcome, .coveredOwnMeans)
        // Households that cannot run generators: 60 min only, gap 360 - 60 = 300.
        var params = PolicyParameters()
        params.ownGeneratorsUsable = false
        let s2 = Fx.scenario(patients: [p], zones: [Fx.step(restore: 360)], params: params)
        XCTAssertEqual(Fx.run(s2).patient("P1").gapMinutes, 300)
    }

    func testRestorationDrawAtKnownUniform() {
        // Linear curve 0 -> 100% over 1000 min. u = 499,999: need 10^6 x t / 1000 >= 500,000 -> t = 500.
        // u = 0: first minute with fraction > 0 -> 1. No battery: the gap is the whole outage.
        let zone = OutageZone(id: "L", targets: [.municipality(Fx.chiyoda)], startMinute: 0,
                              shape: .restoration(RestorationCurve(points: [CurvePoint(minute: 1000, restoredPPM: 1_000_000)])))
        let s = Fx.scenario(patients: [Fx.waiting("P1", reserve: 0), Fx.waiting("P2", reserve: 0)], zones: [zone])
        let r = Fx.run(s, uniform: { _, key in key == ["P1"] ? 499_999 : 0 })
        XCTAssertEqual(r.patient("P1").restorationMinute, 500)
        XCTAssertEqual(r.patient("P1").gapMinutes, 500)
        XCTAssertEqual(r.patient("P2").restorationMinute, 1)
        XCTAssertEqual(r.patient("P2").gridOffMinutes, 1)
    }

    func testZoneStartOffset() {
        // Outage 100..300; 120 min of battery runs out at 220; gap 300 - 220 = 80.
        let r = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 120)], zones: [Fx.step(start: 100, restore: 200)]))
        let p = r.patient("P1")
        XCTAssertEqual(p.firstOutageMinute, 100)
        XCTAssertEqual(p.restorationMinute, 300)
        XCTAssertEqual(p.depletionMinute, 220)
        XCTAssertEqual(p.gapMinutes, 80)
    }

    func testNeverRestoredRunsToHorizon() {
        // Horizon 600, no battery: gap 600, no restoration minute. A patient elsewhere is unaffected.
        let s = Fx.scenario(patients: [Fx.waiting("P1", reserve: 0), Fx.waiting("P2", reserve: 0, in: Fx.shinjuku)],
                            zones: [Fx.never()], horizon: 600)
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P1").gapMinutes, 600)
        XCTAssertNil(r.patient("P1").restorationMinute)
        XCTAssertEqual(r.patient("P2").outcome, .unaffected)
        XCTAssertEqual(r.totals.affected, 1)
        // Timeline: 10 hours, one patient without power at every hour mark.
        XCTAssertEqual(r.timeline.count, 10)
        XCTAssertEqual(r.timeline.map(\.withoutPower), [Int](repeating: 1, count: 10))
        XCTAssertEqual(r.timeline.map(\.gapMinutes), [Int](repeating: 60, count: 10))
    }

    func testRollingBlocksByGroup() {
        // Two groups; group 1 off 0-180 and 720-900, group 2 off 180-360. Draw 0 -> group 1,
        // draw 500,000 -> floor(500000 x 2 / 10^6) + 1 = 2. 120 min of battery each:
        // P1 gap (180-120) + (900-840) = 120; P2 gap 360 - 300 = 60.
        let rolling = OutageZone(id: "R", targets: [.municipality(Fx.chiyoda)], startMinute: 0, shape: .rolling(
            RollingSchedule(groups: 2, blocks: [
                RollingBlock(group: 1, startMinute: 0, durationMinutes: 180),
                RollingBlock(group: 2, startMinute: 180, durationMinutes: 180),
                RollingBlock(group: 1, startMinute: 720, durationMinutes: 180),
            ])))
        let s = Fx.scenario(patients: [Fx.waiting("P1", reserve: 120), Fx.waiting("P2", reserve: 120)],
                            zones: [rolling], horizon: 1440)
        let r = Fx.run(s, uniform: { _, key in key == ["P1"] ? 0 : 500_000 })
        XCTAssertEqual(r.patient("P1").gapMinutes, 120)
        XCTAssertEqual(r.patient("P1").gridOffMinutes, 360)
        XCTAssertEqual(r.patient("P1").restorationMinute, 900)
        XCTAssertEqual(r.patient("P2").gapMinutes, 60)
        XCTAssertEqual(r.patient("P2").firstOutageMinute, 180)
        // Hour marks: 120 (h2): P1 grid off and without power; 180 (h3): P2 grid off, still on battery;
        // 300 (h5): P2 without power. Gap minutes: h2 60 (P1), h5 60 (P2), h14 60 (P1 840-900).
        XCTAssertEqual(r.timeline[2].gridOff, 1)
        XCTAssertEqual(r.timeline[2].withoutPower, 1)
        XCTAssertEqual(r.timeline[3].gridOff, 1)
        XCTAssertEqual(r.timeline[3].withoutPower, 0)
        XCTAssertEqual(r.timeline[5].withoutPower, 1)
        XCTAssertEqual(r.timeline.map(\.gapMinutes).enumerated().filter { $0.element > 0 }.map(\.offset), [2, 5, 14])
    }

    func testRollingBatteriesRechargeBetweenBlocksButTouchingBlocksJoin() {
        // 150 min of battery. Blocks 0-180 and 200-380 are separate: 30 + 30 = 60 min of gap.
        // Blocks 0-180 and 180-360 touch and form one 360-min outage: gap 360 - 150 = 210.
        func zone(_ second: Int) -> OutageZone {
            OutageZone(id: "R", targets: [.municipality(Fx.chiyoda)], startMinute: 0, shape: .rolling(
                RollingSchedule(groups: 1, blocks: [
                    RollingBlock(group: 1, startMinute: 0, durationMinutes: 180),
                    RollingBlock(group: 1, startMinute: second, durationMinutes: 180),
                ])))
        }
        let apart = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 150)], zones: [zone(200)], horizon: 1440))
        XCTAssertEqual(apart.patient("P1").gapMinutes, 60)
        let touching = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 150)], zones: [zone(180)], horizon: 1440))
        XCTAssertEqual(touching.patient("P1").gapMinutes, 210)
    }

    func testHashDrawDependsOnSeedZoneAndPatientOnly() {
        // Restoration of P1 is the same with or without P2, and follows the documented hash.
        let zone = OutageZone(id: "L", targets: [.municipality(Fx.chiyoda)], startMinute: 0,
                              shape: .restoration(RestorationCurve(points: [CurvePoint(minute: 1000, restoredPPM: 1_000_000)])))
        let alone = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 0)], zones: [zone]))
        let both = Fx.run(Fx.scenario(patients: [Fx.waiting("P1", reserve: 0), Fx.waiting("P0", reserve: 0)], zones: [zone]))
        XCTAssertEqual(alone.patient("P1").restorationMinute, both.patient("P1").restorationMinute)
        let u = Restoration.uniformPPM(seed: 1, zoneId: "L", key: ["P1"])
        let curve = RestorationCurve(points: [CurvePoint(minute: 1000, restoredPPM: 1_000_000)])
        XCTAssertEqual(alone.patient("P1").restorationMinute, curve.restorationMinute(uniformPPM: u))
    }
}
