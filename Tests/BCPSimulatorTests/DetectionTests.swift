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
            patients: [Fx.waiting("P1", reserve: 600), Fx.waiting("P2", reserve: 300), Fx.waiting("P3", reserve: 300)],
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
            patients: [Fx.waiting("P1", reserve: 900), Fx.waiting("P2", reserve: 900), Fx.waiting("P3", reserve: 900)],
            providers: [Fx.provider("C1", tier: .institutional, perHour: 7)], zones: [Fx.step(restore: 5000)])
        let r = Fx.run(s)
        XCTAssertEqual(r.patients.map(\.detectionMinute), [68, 77, 85])
    }

    func testProviderWithoutPowerStillCalls() {
        // The provider has no backup power and its own site is in the outage: its staff still phone
        // (model v2; Chiba 2019: a clinic without power phoned its patients). One contact at 60/hour
        // from 60: detected at 61.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 300)],
            providers: [Fx.provider("C1", tier: .institutional, backup: false)], zones: [Fx.step(restore: 5000)])
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 61)
        XCTAssertEqual(p.detectionChannel, .providerCall)
    }

    func testLinkedPartnerTakesOverWhenProviderOut() {
        // C1 (linked, group G) is out of action from minute 0; C2 in 新宿区 (same group) takes over
        // after 180 min: one contact at 60/hour, 180 -> 181.
        let out = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 600)],
            providers: [
                Fx.provider("C1", tier: .linked, group: "G"),
                Fx.provider("C2", in: Fx.shinjuku, tier: .linked, group: "G"),
            ], zones: [Fx.step(restore: 5000)], disruptions: [out])
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 181)
        XCTAssertEqual(p.detectionChannel, .linkedPartner)
    }

    func testNoPartnerMeansSelfCall() {
        // Same, but C1 is alone in its group (C2 only institutional), or only institutional itself:
        // the patient calls at 600-180+30 = 450.
        let out = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
        for tier in [BCPTier.linked, .institutional] {
            let s = Fx.scenario(
                patients: [Fx.waiting("P1", reserve: 600)],
                providers: [Fx.provider("C1", tier: tier, group: "G"),
                            Fx.provider("C2", in: Fx.shinjuku, tier: .institutional, group: "G")],
                zones: [Fx.step(restore: 5000)], disruptions: [out])
            let p = Fx.run(s).patient("P1")
            XCTAssertEqual(p.detectionMinute, 450)
            XCTAssertEqual(p.detectionChannel, .selfCall)
        }
    }

    func testTakeoverSpreadsOverPartnersBySpareCapacity() {
        // C1 is out; partners C2 and C3 each call 2 an hour (30 min a contact). Four patients of C1
        // are handed over at 180. Each goes to the partner whose list frees soonest, ties by id:
        // P1 -> C2 (free 180), P2 -> C3 (C2 now has 1 waiting: free 210), P3 -> C2, P4 -> C3.
        // Each partner then calls two: at 210 and 240. Order on each list by reserve (all equal) and id.
        let out = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
        let s = Fx.scenario(
            patients: (1...4).map { Fx.waiting("P\($0)", reserve: 3000) },
            providers: [Fx.provider("C1", tier: .linked, group: "G"),
                        Fx.provider("C2", in: Fx.shinjuku, tier: .linked, group: "G", perHour: 2),
                        Fx.provider("C3", in: Fx.shinjuku, tier: .linked, group: "G", perHour: 2)],
            zones: [Fx.step(restore: 5000)], disruptions: [out])
        let r = Fx.run(s)
        XCTAssertEqual(r.patients.map(\.detectionMinute), [210, 210, 240, 240])
        XCTAssertEqual(Set(r.patients.map(\.detectionChannel)), [.linkedPartner])
    }

    func testTakeoverWaitsForAPartnerToWorkAgain() {
        // C1 out all along; its only partner C2 is out until 400. At 180 nobody can take over; when
        // C2 is back at 400 it takes the patient at once: contact 400 -> 401.
        let s = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 3000)],
            providers: [Fx.provider("C1", tier: .linked, group: "G"), Fx.provider("C2", in: Fx.shinjuku, tier: .linked, group: "G")],
            zones: [Fx.step(restore: 5000)],
            disruptions: [.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil),
                          .providerOut(providerId: "C2", fromMinute: 0, untilMinute: 400)])
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.detectionMinute, 401)
        XCTAssertEqual(p.detectionChannel, .linkedPartner)
    }

    func testSupplierConfirmsOxygenPatientsAndDeliversCylinders() {
        // An oxygen user with 300 minutes of cylinders and supplier S1 (60 calls an hour, one team,
        // stock of deliveries), tolerance 100,000 (waits at home). S1's own round would start at
        // 360 (supplierCallDelayMinutes); the patient's own call comes first, at 300 - 180 + 30 =
        // 150, and reaches the supplier's line: contact at 150.
        var p = Fx.patient("P1", reserve: 0, tolerance: 100_000, device: .oxygenConcentrator)
        p.cylinderMinutes = 300
        p.supplierId = "S1"
        var supplier = Fx.provider("S1", in: Fx.shinjuku, perHour: 60, teams: 1, kind: .supplier)
        supplier.cylinders = 10
        let s = Fx.scenario(patients: [p], providers: [Fx.provider("C1"), supplier], zones: [Fx.step(restore: 5000)],
                            edit: { m in })
        let r = Fx.run(s).patient("P1")
        XCTAssertEqual(r.supplierContactMinute, 150)
        // Shinjuku (区西部) to Chiyoda (区中央部): different areas, 150 minutes: 150 + 150 = 300,
        // as the cylinders run out (arrivals come first): no gap.
        XCTAssertEqual(r.firstHelpMinute, 300)
        XCTAssertEqual(r.gapMinutes, 0)
        // The oxygen then lasts to 300 + 1,560 = 1,860 < 5,000, so the patient still needs help:
        // the team, back at 150 + 300 = 450, brings more at 600 (lasting to 3,420); back at 750,
        // at 900 (to 4,980); back at 1,050, at 1,200 (to 6,540 > 5,000). Four deliveries.
        XCTAssertEqual(r.cylinderDeliveries, 4)
        // Without the patient's call (tolerance and cylinders long enough that it comes after the
        // supplier's round), the supplier's own call at 360 -> 361 finds them first.
        var q = p
        q.cylinderMinutes = 1_000
        let late = Fx.run(Fx.scenario(patients: [q], providers: [Fx.provider("C1"), supplier], zones: [Fx.step(restore: 5000)])).patient("P1")
        XCTAssertEqual(late.supplierContactMinute, 361)
    }

    func testDisruptedProviderWithAndWithoutPartner() {
        // C1 has backup power but is out of action from minute 0 (e.g. staff cannot reach it).
        // Without a linked partner: self-call at 450. With one (C2, working): 180 -> 181.
        let out = Disruption.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)
        let alone = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 600)], providers: [Fx.provider("C1", tier: .linked, group: "G")],
            zones: [Fx.step(restore: 5000)], disruptions: [out])
        XCTAssertEqual(Fx.run(alone).patient("P1").detectionMinute, 450)
        let linked = Fx.scenario(
            patients: [Fx.waiting("P1", reserve: 600)],
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
            patients: [Fx.waiting("P1", reserve: 600, registered: true), Fx.waiting("P2", reserve: 600)],
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
            patients: [Fx.waiting("P1", reserve: 100)],
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
