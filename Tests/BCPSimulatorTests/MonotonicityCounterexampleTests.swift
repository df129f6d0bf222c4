import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// Genuine counterexamples to "a higher tier never reduces coverage", kept on purpose, and one
/// counterexample to "more units never reduce coverage" that a rule change fixed.
/// docs/MODEL.md, "Monotonicity", explains them.
final class MonotonicityCounterexampleTests: XCTestCase {
    /// A linked pool sends a unit that arrives late to the first patient known, and so is not there
    /// for a later patient it would have saved. Fewer covered, but fewer minutes without power.
    func testLinkedPoolSpentOnALateDelivery() {
        // C1 in 新宿区 (outside the outage, 区西部) holds U1 (2000 Wh) and a team; C2 in 千代田区 has
        // nothing and does not call. Outage of 区中央部 0-1000.
        // PA (C2's, reserve 100) calls at 0+30 = 30. PB (C1's, reserve 300) is called by C1 at 61.
        // Institutional: C1's units are for its own patients. PA: nothing open, gap 1000-100 = 900.
        //   PB: U1 leaves 61, travel to another area 150, arrives 211 <= 300: covered. 1 covered, gap 900.
        // Linked: at 30 PA may use partner C1's pool: arrives 30+150 = 180 > 100 (late, no bed: sent
        //   anyway), gap 80. PB at 61: pool empty, gap 700. 0 covered, gap 780.
        let s = Fx.scenario(
            patients: [Fx.waiting("PA", reserve: 100, provider: "C2"), Fx.waiting("PB", reserve: 300, provider: "C1")],
            providers: [Fx.provider("C1", in: Fx.shinjuku, tier: .linked, group: "G", teams: 1),
                        Fx.provider("C2", tier: .linked, group: "G", perHour: 0)],
            units: [Fx.battery("U1", wh: 2000, owner: .provider("C1"))], zones: [Fx.step(restore: 1000)])
        let inst = Fx.run(s, tier: .institutional), linked = Fx.run(s, tier: .linked)
        XCTAssertEqual(inst.patient("PB").outcome, .coveredByUnit)
        XCTAssertEqual(inst.patient("PA").gapMinutes, 900)
        XCTAssertEqual(linked.patient("PA").gapMinutes, 80)
        XCTAssertEqual(linked.patient("PB").gapMinutes, 700)
        XCTAssertEqual(inst.totals.covered, 1)
        XCTAssertEqual(linked.totals.covered, 0)
        XCTAssertLessThan(linked.totals.gapMinutes, inst.totals.gapMinutes)
    }

    /// The regional tier finds a patient earlier; the greedy dispatcher gives them the best unit,
    /// which cannot save them, and the patient it could have saved gets a small one. Units come
    /// back (v2), which softens the loss but does not undo it: fewer covered and more minutes
    /// without power.
    func testEarlierDetectionTakesTheBigUnit() {
        // 千代田区 stock: U1 2000 Wh (2000 min), U2 150 Wh (150 min), 2 teams. The curve restores half the
        // customers by 1000 and the rest never: PX (draw 499,999) at 1000, PY (draw 900,000) never
        // (horizon 3000). PX reserve 300, calls at 150; PY reserve 400, registered, calls at 250.
        // A unit goes back when its patient's power returns (travel 60) and is recharged in 360.
        // Linked: PX at 150 gets U1 (arrives 210 <= 300, lasts to 2300 >= 1000): covered. PY at 250 gets U2
        //   (arrives 310, lasts to 550). PX's power is back at 1000: U1 home 1060, ready 1420, sent to PY,
        //   arrives 1480: PY's gap 1480 - 550 = 930, then U1 lasts beyond 3000. 1 covered, gap 930.
        // Regional: 千代田区 confirms PY at 120+1 = 121: U1 (arrives 181, lasts to 2400).
        //   PX at 150 gets U2 (arrives 210, lasts to 450): gap 1000 - 450 = 550. U2 back: home 1060,
        //   ready 1420, sent to PY (still needs help: 2400 < 3000), arrives 1480, PY lasts to 2550:
        //   gap 3000 - 2550 = 450. 0 covered, gap 1000.
        let curve = RestorationCurve(points: [CurvePoint(minute: 1000, restoredPPM: 500_000)])
        let zone = OutageZone(id: "Z", targets: [.municipality(Fx.chiyoda)], startMinute: 0, shape: .restoration(curve))
        let s = Fx.scenario(
            patients: [Fx.waiting("PX", reserve: 300), Fx.waiting("PY", reserve: 400, registered: true)],
            providers: [Fx.provider("C1", perHour: 0)],
            units: [Fx.battery("U1", wh: 2000, owner: .municipality(Fx.chiyoda)),
                    Fx.battery("U2", wh: 150, owner: .municipality(Fx.chiyoda))],
            zones: [zone], horizon: 3000, edit: { m in m[0].deliveryTeams = 2; m[0].contactsPerHour = 60 })
        let draw: (String, [String]) -> Int = { _, k in k == ["PX"] ? 499_999 : 900_000 }
        let linked = Fx.run(s, tier: .linked, uniform: draw), regional = Fx.run(s, tier: .regional, uniform: draw)
        XCTAssertEqual(linked.patient("PX").outcome, .coveredByUnit)
        XCTAssertEqual(linked.patient("PY").gapMinutes, 930)
        XCTAssertEqual(linked.patient("PY").unitIds, ["U2", "U1"])
        XCTAssertEqual(regional.patient("PY").detectionMinute, 121)
        XCTAssertEqual(regional.patient("PY").gapMinutes, 450)
        XCTAssertEqual(regional.patient("PY").unitIds, ["U1", "U2"])
        XCTAssertEqual(regional.patient("PX").gapMinutes, 550)
        XCTAssertEqual(linked.totals.covered, 1)
        XCTAssertEqual(regional.totals.covered, 0)
        XCTAssertGreaterThan(regional.totals.gapMinutes, linked.totals.gapMinutes)
    }

    /// Fixed: a unit that arrives in time but will not last until restoration used to be preferred
    /// to a free bed; when the hospital then lost power, an extra unit left the patient worse off.
    /// Now the bed is taken when it is reachable in time and the unit would not bridge the outage.
    func testBedPreferredToAUnitThatWouldNotLast() {
        // 千代田区 out 0-1000; 中央区 out 100-600, where hospital H1 (no backup power) has a bed.
        // P1 (reserve 300) is called at 61. U1 (100 min) could arrive 121 but lasts only to 400 < 1000;
        // H1 works at 61, the bed is reached at 181 <= 300: evacuated, covered, U1 stays in stock.
        // (Before the fix: U1 at 121, at 121 H1 is down until 600, bed reached 720: gap 320.)
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 300)],
            providers: [Fx.provider("C1", tier: .institutional),
                        Fx.provider("H1", in: Fx.chuo, backup: false, beds: 1, kind: .hospital)],
            units: [Fx.battery("U1", wh: 100, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step("Z1", restore: 1000, targets: [.municipality(Fx.chiyoda)]),
                    Fx.step("Z2", start: 100, restore: 500, targets: [.municipality(Fx.chuo)])],
            edit: { m in m[0].deliveryTeams = 1 })
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.outcome, .evacuated)
        XCTAssertEqual(p.firstHelpMinute, 181)
        XCTAssertEqual(p.unitIds, [])
        var without = s
        without.units = []
        XCTAssertEqual(Fx.run(without).patient("P1").outcome, .evacuated)
    }
}
