import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// Hand-computed micro-scenarios: who learns of a patient's need, and when.
final class DetectionTests: XCTestCase {
    func testProviderCallsLeastReserveFirstTiesById() {
        // Institutional provider, 2 contacts/hour = 30 min each, starting 60 min after the outage.
        // Reserves: P1 600, P2 300, P3 300 -> order P2, P3 (tie by id), P1:
        // P2 60-90, P3 90-120, P1 120-150. Self-calls would come later (P2: 300-180+30 = 150).
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600), Fx.patient("P2", reserve: 300), Fx.patient("P3", reserve: 300)],
            providers: [Fx.provider("C1", tier: .institutional, perHour: 2)], zones: [Fx.step(restore: 5000)])
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P2").detectionMinute, 90)
        XCTAssertEqual(r.patient("P3").detectionMinute, 120)
        XCTAssertEqual(r.patient("P1").detectionMinute, 150)
        XCTAssertEqual(r.patients.map(\.detectionChannel), [.providerCall, .providerCall, .providerCall])
        // Delays from outage start: 150 + 90 + 120 = 360 in total, at most 150.
        XCTAssertEqual(r.totals.detectionDelayTotal, 360)
        XCTAssertEqual(r.totals.detectionDelayMax, 150)
    }

    func testFractionalCapacityKeepsItsRate() {
        // 7 contacts/hour: each takes 60/7 = 8.571 min. From 60: ends 68.57, 77.14, 85.71,
        // credited at the whole minute: 68, 77, 85 (not 69, 78, 87 as per-contact rounding up would give).
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 900), Fx.patient("P2", reserve: 900), Fx.patient("P3", reserve: 900)],
            providers: [Fx.provider("C1", tier: .institutional, perHour: 7)], zones: [Fx.step(restore: 5000)])
        let r = Fx.run(s)
        XCTAssertEqual(r.patients.map(\.detectionMinute), [68, 77, 85])
    }

    func testProviderWithoutPowerCannotCall() {
        // The provider has no backup power and its own site is in the outage (the step curve restores
        // it at 5000 too): no calls. The patient calls at 300-180+30 = 150.
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 300)],
            providers: [Fx.provider("C1", tier: .institutional, backup: false)], zones: [Fx.step(restore: 5000)])
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 150)
        XCTAssertEqual(p.detectionChannel, .selfCall)
    }

    func testLinkedPartnerTakesOverWhenProviderOut() {
        // C1 (linked, group G, no backup, site in the outage) cannot work; C2 in 新宿区 (outside the
        // outage, same group) takes over after 180 min: one contact at 60/hour, 180 -> 181.
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600)],
            providers: [
                Fx.provider("C1", tier: .linked, group: "G", backup: false),
                Fx.provider("C2", in: Fx.shinjuku, tier: .linked, group: "G"),
            ], zones: [Fx.step(restore: 5000)])
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 181)
        XCTAssertEqual(p.detectionChannel, .linkedPartner)
    }

    func testNoPartnerMeansSelfCall() {
        // Same, but C1 is alone in its group (or only institutional): the patient calls at 600-180+30 = 450.
        for tier in [BCPTier.linked, .institutional] {
            let s = Fx.scenario(
                patients: [Fx.patient("P1", reserve: 600)],
                providers: [Fx.provider("C1", tier: tier, group: "G", backup: false),
                            Fx.provider("C2", in: Fx.shinjuku, tier: .institutional, group: "G")],
                zones: [Fx.step(restore: 5000)])
            let p = Fx.run(s).patient("P1")
            XCTAssertEqual(p.detectionMinute, 450)
            XCTAssertEqual(p.detectionChannel, .selfCall)
        }
    }

    func testDisruptedProviderWithAndWithoutPartner() {
        // C1 has backup power but is out of action from minute 0 (e.g. staff cannot reach it).
        // Without a linked partner: self-call at 450. With one (C2, working): 180 -> 181.
        let out = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
        let alone = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600)], providers: [Fx.provider("C1", tier: .linked, group: "G")],
            zones: [Fx.step(restore: 5000)], disruptions: [out])
        XCTAssertEqual(Fx.run(alone).patient("P1").detectionMinute, 450)
        let linked = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600)],
            providers: [Fx.provider("C1", tier: .linked, group: "G"), Fx.provider("C2", tier: .linked, group: "G")],
            zones: [Fx.step(restore: 5000)], disruptions: [out])
        let p = Fx.run(linked).patient("P1")
        XCTAssertEqual(p.detectionMinute, 181)
        XCTAssertEqual(p.detectionChannel, .linkedPartner)
    }

    func testMunicipalConfirmationOnlyForRegisteredUnderRegionalBCP() {
        // 千代田区 runs a regional BCP with 60 contacts/hour, starting 120 min in: registered P1 is
        // reached at 121. Unregistered P2 calls at 600-180+30 = 450.
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600, registered: true), Fx.patient("P2", reserve: 600)],
            zones: [Fx.step(restore: 5000)],
            edit: { m in m[0].hasRegionalBCP = true; m[0].contactsPerHour = 60 })
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P1").detectionMinute, 121)
        XCTAssertEqual(r.patient("P1").detectionChannel, .municipalConfirmation)
        XCTAssertEqual(r.patient("P2").detectionChannel, .selfCall)
        // Without the regional BCP (everyone at tier none), P1 calls too.
        let none = Fx.run(s, tier: .none)
        XCTAssertEqual(none.patient("P1").detectionChannel, .selfCall)
    }

    func testSelfCallAtOnceWhenReserveAlreadyLow() {
        // 100 min of reserve < 180: the call gets through at 0 + 30 = 30. 千代田区's stock sends a
        // unit with its one team: 30 + 60 = 90 <= 100: covered by the unit.
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 100)],
            units: [Fx.battery("U1", wh: 2000, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 1000)],
            edit: { m in m[0].deliveryTeams = 1 })
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 30)
        XCTAssertEqual(p.firstHelpMinute, 90)
        XCTAssertEqual(p.outcome, .coveredByUnit)
        XCTAssertEqual(p.unitIds, ["U1"])
    }
}
