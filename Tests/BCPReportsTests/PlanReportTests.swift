@testable import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPText
import XCTest

@testable import BCPReports

/// plan.md/.html/.csv/.json from a hand-made result: the figures of PlanSearchTests'
/// two-home-units plan (700 minutes fewer per step under each of 2 seeds, 106,000 yen net each).
final class PlanReportTests: XCTestCase {
    func testEveryLabelHasBothLanguages() {
        for (key, v) in PlanLabels.table {
            XCTAssertNotNil(v[.ja], key)
            XCTAssertNotNil(v[.en], key)
        }
    }

    /// Every uncertain parameter has its name and the basis of its range in both languages.
    func testEveryUncertainParameterIsNamed() {
        for p in UncertainParameter.all {
            for key in ["sensitivity.param.\(p.name)", "sensitivity.basis.\(p.name)"] {
                XCTAssertNotNil(PlanLabels.table[key]?[.ja], key)
                XCTAssertNotNil(PlanLabels.table[key]?[.en], key)
            }
            XCTAssertEqual(PlanLabels.table["sensitivity.basis.\(p.name)"]?[.en], p.basis, "the English basis is the one in result files")
        }
    }

    func report(_ lang: Language) throws -> PlanReport {
        let s = PlanSearchFixture.scenario()
        let r = PlanSearch(s, options: PlanOptions(budgetYen: 212_000, objective: .gap, replicas: 2)).run()
        return PlanReport(result: r, scenario: s, registry: try Registry.load(), lang: lang)
    }

    /// 700 minutes = 11.7 hours per step; per million yen: 700 / 106,000 x 1,000,000 = 6,603.8
    /// minutes = 110.1 hours. Costs: 212,000 total, 106,000 Tokyo, 106,000 net per step.
    func testFiguresInWords() throws {
        let md = try report(.en).markdown()
        XCTAssertTrue(md.contains("| 1 | Chiyoda | 1 unit placed at patients' homes in advance"), md)
        // Cost, Tokyo, municipal, running total, the step's reduction, the reduction so far, per million yen.
        XCTAssertTrue(md.contains("| ¥212,000 | ¥106,000 | ¥106,000 | ¥106,000 | 11.7 (5-95%: 11.7 to 11.7) | 11.7 | 110.1 |"), md)
        XCTAssertTrue(md.contains("| ¥212,000 | ¥106,000 | ¥106,000 | ¥212,000 | 11.7 (5-95%: 11.7 to 11.7) | 23.3 | 110.1 |"), md)
        // The fixture is not marked synthetic: real data, restricted in the title and the answer.
        XCTAssertTrue(md.hasPrefix("# RESTRICTED, unsuppressed: Plan for a budget of ¥212,000: Tiny outage"), md)
        XCTAssertTrue(md.contains("RESTRICTED: a scenario with real data."), md)
        XCTAssertTrue(md.contains("Reduction in time without power (summed over patients): 23.3 (5-95%: 23.3 to 23.3) hours"), md)
        XCTAssertTrue(md.contains("the ¥0 left") == false)
        XCTAssertFalse(md.contains("⟦"), "no label is missing")
        let ja = try report(.ja).markdown()
        XCTAssertTrue(ja.contains("最初の一手：千代田区で電源1台を患者宅に事前配置"), ja)
        XCTAssertFalse(ja.contains("⟦"))
    }

    func testCSVAndJSON() throws {
        let r = try report(.en)
        let csv = r.csv(bom: false)
        let rows = csv.split(separator: "\r\n")
        XCTAssertEqual(rows.count, 3, csv)
        // Lever in words, what it buys, yen, then the reduction in minutes (700 per seed).
        XCTAssertTrue(rows[1].hasPrefix("1,131016,Chiyoda,units placed at homes,1,1 unit,212000,106000,106000,700.000,700,700,700,700.000,"), String(rows[1]))
        let json = r.json()
        XCTAssertTrue(json.contains("\"schema\": \"bcpsim.plan/1\""), json)
        XCTAssertTrue(json.contains("\"net\": 212000"), json)
    }
}

/// The scenario of PlanSearchTests (a test target cannot see another's types).
enum PlanSearchFixture {
    static func scenario() -> Scenario {
        let code = MunicipalityCode("131016")!
        let m = Municipality(code: code, nameJa: "千代田区", nameEn: "Chiyoda", kind: .ward, island: false, population: 67_549,
                             populationDate: "2023-01-01", area: SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu"), deliveryTeams: 1)
        let patients = ["P1", "P2"].map {
            Patient(id: $0, municipality: code, device: .tppv, drawW: 60, hoursPerDay: 24, internalBatteryWh: 300, externalBatteryWh: 0,
                    generator: nil, providerId: "C1", registeredSupportPlan: false, toleranceMinutes: 1_440)
        }
        let c1 = Provider(id: "C1", kind: .clinic, municipality: code, tier: .institutional, linkedGroup: nil, hasBackupPower: true,
                          contactsPerHour: 60, deliveryTeams: 0, backupBeds: 0)
        let zone = OutageZone(id: "Z", targets: [.area("区中央部")], startMinute: 0, shape: .restoration(RestorationCurve(points: [
            CurvePoint(minute: 999, restoredPPM: 0), CurvePoint(minute: 1_000, restoredPPM: 1_000_000),
        ])))
        var s = Scenario(nameJa: "小さな停電", nameEn: "Tiny outage", horizonMinutes: 1_440, seed: 1, municipalities: [m],
                         patients: patients, providers: [c1], units: [], zones: [zone])
        s.parameters.hospitalSharePerMille = 0
        s.parameters.carPowerSharePerMille = 0
        s.parameters.rechargeSharePerMille = 0
        return s
    }
}
