import BCPTestSupport
import BCPModel
import XCTest
@testable import BCPSimulator

/// Hospital admission (docs/MODEL.md, "Admission"): planned, by the family, as an emergency;
/// beds, sites without power, discharge. Patients draw 60 W (Wh = minutes), households do nothing
/// of their own unless said; H1 is a hospital in 中央区 (区中央部, the same area as 千代田区).
final class AdmissionTests: XCTestCase {
    static func hospital(beds: Int = 1, backup: Bool = true) -> Provider {
        Fx.provider("H1", in: Fx.chuo, backup: backup, perHour: 0, beds: beds, kind: .hospital)
    }

    /// A registered ventilator user under 千代田区's admission system: the municipality confirms
    /// them at 120 + 1 = 121, arranges the admission (60) and the patient goes by welfare taxi (120):
    /// in hospital at 301, before the battery runs out at 600. The same under a regional BCP.
    func testPlannedAdmissionUnderAnAdmissionSystemOrRegionalBCP() {
        for system in [true, false] {
            let s = Fx.scenario(
                patients: [Fx.patient("P1", reserve: 600, registered: true)], providers: [Fx.provider("C1"), Self.hospital()],
                zones: [Fx.step(restore: 1000)], params: Fx.households(),
                edit: { m in
                    m[0].contactsPerHour = 60
                    if system { m[0].admissionSystem = true } else { m[0].hasRegionalBCP = true }
                })
            let p = Fx.run(s).patient("P1")
            XCTAssertEqual(p.detectionMinute, 121)
            XCTAssertEqual(p.admission, .planned)
            XCTAssertEqual(p.admissionMinute, 301)
            XCTAssertEqual(p.bedProviderId, "H1")
            XCTAssertEqual(p.gapMinutes, 0)
            XCTAssertEqual(p.outcome, .evacuated)
        }
    }

    /// One bed: P1 (least reserve, confirmed first at 121) takes it. P2, confirmed at 122, finds none
    /// and waits at home. At its low-reserve moment, 700 - 180 = 520, with no unit on the way, its
    /// provider arranges an admission beyond the beds set aside (H1 is working and powered):
    /// arriving 520 + 60 + 120 = 700, as the battery runs out (arrivals come first): no gap. With
    /// the provider out of action nobody arranges it: the battery runs out at 700 and P2 goes to
    /// the emergency department, arriving at 760: gap 60, 55 beyond tolerance, no bed.
    func testBedsAreLimited() {
        func scenario(_ disruptions: [Disruption]) -> Scenario {
            Fx.scenario(
                patients: [Fx.patient("P1", reserve: 600, registered: true), Fx.patient("P2", reserve: 700, registered: true)],
                providers: [Fx.provider("C1"), Self.hospital()], zones: [Fx.step(restore: 1000)], disruptions: disruptions,
                params: Fx.households(), edit: { m in m[0].contactsPerHour = 60; m[0].admissionSystem = true })
        }
        let r = Fx.run(scenario([]))
        XCTAssertEqual(r.patient("P1").admission, .planned)
        XCTAssertEqual(r.patient("P1").bedProviderId, "H1")
        XCTAssertEqual(r.patient("P2").detectionMinute, 122)
        XCTAssertEqual(r.patient("P2").admission, .planned)
        XCTAssertEqual(r.patient("P2").admissionMinute, 700)
        XCTAssertNil(r.patient("P2").bedProviderId)
        XCTAssertEqual(r.patient("P2").gapMinutes, 0)
        let out = Fx.run(scenario([.providerOut(providerId: "C1", fromMinute: 0, untilMinute: nil)]))
        XCTAssertEqual(out.patient("P2").admission, .emergency)
        XCTAssertEqual(out.patient("P2").admissionMinute, 760)
        XCTAssertNil(out.patient("P2").bedProviderId)
        XCTAssertEqual(out.patient("P2").beyondToleranceMinutes, 55)
        XCTAssertEqual(out.patient("P2").shortfall.contains(.noBackupBed), true)
    }

    /// A hospital whose site is dark (no backup power, in the outage) takes nobody into its beds set
    /// aside: P1 is confirmed at 121 and waits; at its low-reserve moment, 600 - 180 = 420, its
    /// provider arranges an admission beyond those beds: 420 + 60 + 120 = 600, no bed, no gap.
    func testDarkHospitalTakesNoPlannedAdmission() {
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600, registered: true)], providers: [Fx.provider("C1"), Self.hospital(backup: false)],
            zones: [Fx.step(restore: 1000)], params: Fx.households(),
            edit: { m in m[0].contactsPerHour = 60; m[0].admissionSystem = true })
        let p = Fx.run(s).patient("P1")
        XCTAssertEqual(p.admission, .planned)
        XCTAssertEqual(p.admissionMinute, 600)
        XCTAssertNil(p.bedProviderId)
        XCTAssertEqual(p.gapMinutes, 0)
    }

    /// The bed comes free 720 minutes after the patient's power is back. P1 (千代田区, out 0-1000)
    /// holds H1's only bed from 301 and goes home at 1,000 + 720 = 1,720. P3 (中央区, out
    /// 1,500-3,000, 900 minutes of battery) is confirmed at 1,621, finds no bed and waits; at 1,720
    /// the dispatcher moves them to the freed bed: by welfare taxi, in hospital at 1,840.
    func testDischargeFreesTheBedForTheNextPatient() {
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 600, registered: true), Fx.patient("P3", reserve: 900, in: Fx.chuo, registered: true)],
            providers: [Fx.provider("C1"), Self.hospital()],
            zones: [Fx.step("Z1", restore: 1000, targets: [.municipality(Fx.chiyoda)]),
                    Fx.step("Z2", start: 1500, restore: 1500, targets: [.municipality(Fx.chuo)])],
            params: Fx.households(),
            edit: { m in
                for k in 0...1 { m[k].contactsPerHour = 60; m[k].admissionSystem = true }
            })
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P1").admissionMinute, 301)
        XCTAssertEqual(r.patient("P3").detectionMinute, 1621)
        XCTAssertEqual(r.patient("P3").admission, .planned)
        XCTAssertEqual(r.patient("P3").admissionMinute, 1840)
        XCTAssertEqual(r.patient("P3").bedProviderId, "H1")
        XCTAssertEqual(r.patient("P3").gapMinutes, 0)
    }

    /// An announced rolling block (group 1, 600-780): the provider arranges an admission ahead of
    /// it for a patient whose 60 minutes of battery will not last the 180-minute block, at
    /// 600 - (60 + 120) = 420, arriving at the block's start. P2 (300 minutes) stays home.
    func testAdmissionAheadOfAnAnnouncedBlock() {
        let zone = OutageZone(id: "R", targets: [.area("区中央部")], startMinute: 0, shape: .rolling(RollingSchedule(
            groups: 1, blocks: [RollingBlock(group: 1, startMinute: 600, durationMinutes: 180)])))
        let s = Fx.scenario(
            patients: [Fx.patient("P1", reserve: 60), Fx.patient("P2", reserve: 300)],
            providers: [Fx.provider("C1"), Self.hospital()], zones: [zone], horizon: 1440, params: Fx.households())
        let r = Fx.run(s)
        XCTAssertEqual(r.patient("P1").admission, .planned)
        XCTAssertEqual(r.patient("P1").admissionMinute, 600)
        XCTAssertEqual(r.patient("P1").gapMinutes, 0)
        XCTAssertNil(r.patient("P2").admission)
        XCTAssertEqual(r.patient("P2").outcome, .coveredOwnMeans)
    }
}
