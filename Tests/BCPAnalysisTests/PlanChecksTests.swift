import BCPInput
import BCPModel
import BCPTestSupport
import XCTest

@testable import BCPAnalysis

/// Plans that cannot work as written (Sources/BCPAnalysis/PlanChecks.swift), on the minimal
/// fixture: Chiyoda (131016) with two patients, clinic C1 (institutional, 1 delivery team, its
/// generator G1), hospital H1 in Chuo (regional), the municipal battery U1 in Chiyoda, one zone
/// over 区中央部. No municipalities.csv: every municipality has 0 delivery teams.
final class PlanChecksTests: XCTestCase {
    func minimal() throws -> Scenario {
        guard case .success(let loaded) = ScenarioLoader.load(folder: Repository.path("Tests/Fixtures/valid/minimal")) else {
            throw XCTSkip("fixture does not load")
        }
        return loaded.scenario
    }

    /// Chiyoda's one battery has no team to bring it (0 teams): the issue's "20 generators for
    /// Setagaya that change nothing". With a team, no warning.
    func testStockWithoutADeliveryTeam() throws {
        var s = try minimal()
        XCTAssertEqual(PlanChecks.warnings(s).map(\.file), ["municipalities.csv"])
        XCTAssertTrue(PlanChecks.warnings(s)[0].message.hasPrefix("Chiyoda"), PlanChecks.warnings(s)[0].message)
        XCTAssertTrue(PlanChecks.warnings(s)[0].message.contains("holds 1 unit in stock but has no delivery team"))
        let i = s.municipalities.firstIndex { $0.code.description == "131016" }!
        s.municipalities[i].deliveryTeams = 1
        XCTAssertEqual(PlanChecks.warnings(s), [])
        // A provider's lending unit with no team: C1 keeps G1 but loses its team.
        let c = s.providers.firstIndex { $0.id == "C1" }!
        s.providers[c].deliveryTeams = 0
        XCTAssertEqual(PlanChecks.warnings(s).map(\.message), [
            "provider C1 holds 1 lending unit but has no delivery team: they change no result "
                + "(give it delivery_teams, or place the units at patients' homes in units.csv)",
        ])
    }

    /// A linked group with one member at linked or above has no partner; two members do.
    func testALinkedBCPWithoutAPartner() throws {
        var s = try minimal()
        let i = s.municipalities.firstIndex { $0.code.description == "131016" }!
        s.municipalities[i].deliveryTeams = 1
        let c = s.providers.firstIndex { $0.id == "C1" }!, h = s.providers.firstIndex { $0.id == "H1" }!
        s.providers[c].tier = .linked
        s.providers[c].linkedGroup = "g"
        XCTAssertEqual(PlanChecks.warnings(s).count, 1)
        XCTAssertTrue(PlanChecks.warnings(s)[0].message.hasPrefix("provider C1 is the only provider at the linked tier or above in linked group 'g'"))
        s.providers[h].linkedGroup = "g"  // H1 is regional: a partner
        XCTAssertEqual(PlanChecks.warnings(s), [])
    }

    /// A zone over an area with no patient.
    func testAZoneThatReachesNoPatient() throws {
        var s = try minimal()
        let i = s.municipalities.firstIndex { $0.code.description == "131016" }!
        s.municipalities[i].deliveryTeams = 1
        var z = s.zones[0]
        z.id = "islands"
        z.targets = [.area("島しょ")]
        s.zones.append(z)
        XCTAssertEqual(PlanChecks.warnings(s), [PlanChecks.Warning(file: "scenario.json", message: "outage zone 'islands' covers no patient's municipality: it changes no result")])
    }
}
