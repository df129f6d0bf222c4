@testable import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPSimulator
import XCTest

@testable import BCPReports

/// "What would have closed the gap" on a hand-built scenario small enough to follow by hand.
///
/// 千代田区 loses power at minute 0 until minute 1,000. Two patients (60 W, 24 h a day, 300 Wh:
/// 300 minutes of battery; they can wait a day without harm and their households do nothing of
/// their own: tolerance 1,440 min, self-help shares 0) are cared for by clinic C1 (institutional BCP, own backup power, 60
/// calls an hour). The municipality has one delivery team and no stock; nobody has a hospital.
/// Without a unit both run out at minute 300 and stay without power until 1,000: 2 uncovered.
///
/// - one more unit (a 900 W generator, 4 tanks x 240 min, the default since the scenario holds
///   none): C1 calls at minute 60, so P1 is known at 61; the team leaves at 61 and arrives at
///   121 (60 min travel), back at 181. P1 is covered; nothing is left for P2: 1 uncovered.
/// - one unit placed at a home: both patients have 300 minutes of reserve, so the first by id, P1,
///   gets it: 300 + 4 x 240 = 1,260 minutes >= the 1,000 of the outage: covered; P2: 1 uncovered.
/// - more calls, a higher tier: no unit to send: 2 uncovered (no partner or neighbour exists;
///   patients have no registered plan).
/// - a team: the municipality holds no stock, so a team carries nothing: not applicable (the
///   unit lever brings units and, where there is none, a team).
/// - a bed: no hospital in the municipality or its area: not applicable.
/// So amount n = 2 is tried: two units: P2's leaves at 181 (team back), arrives 241 < 300:
/// both covered; two units at homes cover both too. Bisection between 1 and 2 has nothing to
/// try. Answer: 2 units (ties of amount go to the earlier lever), 424,000 yen.
final class CounterfactualTests: XCTestCase {
    static let chiyoda = MunicipalityCode("131016")!
    static let central = SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu")

    static func scenario(stock: Int = 0) -> Scenario {
        let m = Municipality(code: chiyoda, nameJa: "千代田区", nameEn: "Chiyoda", kind: .ward, island: false, population: 67_549,
                             populationDate: "2023-01-01", area: central, deliveryTeams: 1)
        let patients = ["P1", "P2"].map {
            Patient(id: $0, municipality: chiyoda, device: .tppv, drawW: 60, hoursPerDay: 24, internalBatteryWh: 300, externalBatteryWh: 0,
                    generator: nil, providerId: "C1", registeredSupportPlan: false, toleranceMinutes: 1_440)
        }
        let c1 = Provider(id: "C1", kind: .clinic, municipality: chiyoda, tier: .institutional, linkedGroup: nil, hasBackupPower: true,
                          contactsPerHour: 60, deliveryTeams: 0, backupBeds: 0)
        let units = (0..<stock).map {
            PowerUnit(id: "M\($0)", kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 4,
                      owner: .municipality(chiyoda), subsidized: true)
        }
        let zone = OutageZone(id: "Z", targets: [.area("区中央部")], startMinute: 0, shape: .restoration(RestorationCurve(points: [
            CurvePoint(minute: 999, restoredPPM: 0), CurvePoint(minute: 1_000, restoredPPM: 1_000_000),
        ])))
        var s = Scenario(nameJa: "小さな停電", nameEn: "Tiny outage", horizonMinutes: 1_440, seed: 1, municipalities: [m],
                         patients: patients, providers: [c1], units: units, zones: [zone])
        s.parameters.hospitalSharePerMille = 0
        s.parameters.carPowerSharePerMille = 0
        s.parameters.rechargeSharePerMille = 0
        return s
    }

    func testBaseline() {
        let r = Simulator.run(Self.scenario())
        XCTAssertEqual(r.totals.uncovered, 2)
        XCTAssertEqual(r.totals.gapMinutes, 2 * 700)
    }

    func testSmallestChangeFound() throws {
        let s = Self.scenario()
        let c = Counterfactual.run(s, base: Simulator.run(s))
        XCTAssertEqual(c.municipalitiesWithUncovered, 1)
        XCTAssertEqual(c.unit, UnitSpec(kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 4, priceYen: 212_000))
        let e = try XCTUnwrap(c.entries.first)
        XCTAssertEqual(e.code, MunicipalityCode("131016"))
        XCTAssertEqual(e.uncovered, 2)
        XCTAssertEqual(e.notApplicable, [.team, .bed])
        let tried = e.trials.map { "\($0.lever.rawValue) \($0.amount) -> \($0.uncoveredAfter)" }
        XCTAssertEqual(tried, ["unit 1 -> 1", "homeUnit 1 -> 1", "contact 1 -> 2", "tier 1 -> 2",
                               "unit 2 -> 0", "homeUnit 2 -> 0", "contact 2 -> 2", "tier 2 -> 2"])
        XCTAssertEqual(c.rerunsUsed, 8)
        XCTAssertEqual(e.bestTrial?.lever, .unit)
        XCTAssertEqual(e.bestTrial?.amount, 2)
        XCTAssertTrue(e.coversAll)
        XCTAssertFalse(e.budgetExhausted)
        // P1 covered: only P2's 700 minutes remain after one unit.
        XCTAssertEqual(e.trials[0].gapMinutesAfter, 700)
    }

    func testWithOneUnitInStockOneMoreCovers() throws {
        // One generator already in stock: P1 gets it; one more covers P2, found at amount 1.
        let s = Self.scenario(stock: 1)
        let c = Counterfactual.run(s, base: Simulator.run(s))
        let e = try XCTUnwrap(c.entries.first)
        XCTAssertEqual(e.uncovered, 1)
        XCTAssertEqual(e.bestTrial.map { "\($0.lever.rawValue) \($0.amount) -> \($0.uncoveredAfter)" }, "unit 1 -> 0")
        XCTAssertEqual(e.trials.count, 5, "amount 1 covers, so no larger amounts are tried (unit, home unit, team: there is stock now, calls, tier)")
    }

    /// With no delivery team at all, stock alone would change nothing (issue 14: "add 13 units"
    /// left 13 uncovered): the unit lever brings one team per 4 units held, so one unit (with one
    /// team) covers P1 as above (the team is the bundle's, at 61 -> 121), 3 units come with 1
    /// team, 5 with 2, and the report says the team came with them.
    func testUnitsComeWithATeamWhereThereIsNone() throws {
        var s = Self.scenario()
        s.municipalities[0].deliveryTeams = 0
        let base = Simulator.run(s)
        let c = Counterfactual.run(s, base: base)
        let e = try XCTUnwrap(c.entries.first)
        XCTAssertEqual(e.trials.first.map { "\($0.lever.rawValue) \($0.amount) -> \($0.uncoveredAfter)" }, "unit 1 -> 1")
        XCTAssertEqual(e.trials.first?.gapMinutesAfter, 700)
        let changed = try XCTUnwrap(Counterfactual.apply(.unit, amount: 3, to: s, code: Self.chiyoda, unit: c.unit))
        XCTAssertEqual(changed.municipalities[0].deliveryTeams, 1, "one team with the units")
        XCTAssertEqual(Counterfactual.apply(.unit, amount: 5, to: s, code: Self.chiyoda, unit: c.unit)?.municipalities[0].deliveryTeams, 2)
        XCTAssertEqual(e.trials.first?.teamsAdded, 1)
        XCTAssertEqual(Counterfactual.stock(changed, Self.chiyoda), 3)
        let meta = RunReport(scenarioId: "tiny", synthetic: true, suppressionThreshold: 1, inputs: [], counterfactual: c)
        let md = try XCTUnwrap(ShortfallReport.files(ResultDocument(result: base, report: meta), options: ShortfallOptions(lang: .ja, toolVersion: "t"),
                                                     registry: try Registry.load()).first { $0.path == "summary.md" }?.text)
        XCTAssertTrue(md.contains("区市町村の電源を1台追加（発電機 900W、240分×4タンク）と、運ぶ配送班1班（4台に1班まで）"), md)
        XCTAssertTrue(md.contains("配送班の追加：対象外（区市町村の備蓄がなく"), md)
    }

    /// Units at homes go to the patients with the least own reserve among those who lost power:
    /// P2 given 100 Wh less (200 Wh: 200 minutes) is first, then P1.
    func testHomeUnitsGoToTheLeastReserveFirst() {
        var s = Self.scenario()
        s.patients[1].internalBatteryWh = 200
        XCTAssertEqual(Counterfactual.homes(s, base: Simulator.run(s), code: Self.chiyoda), ["P2", "P1"])
        let changed = Counterfactual.apply(.homeUnit, amount: 1, to: s, code: Self.chiyoda, unit: Counterfactual.unitSpec(s), homes: ["P2", "P1"])
        XCTAssertEqual(changed?.units.map { $0.owner }, [UnitOwner.patient("P2")])
        XCTAssertNil(Counterfactual.apply(.homeUnit, amount: 3, to: s, code: Self.chiyoda, unit: Counterfactual.unitSpec(s), homes: ["P2", "P1"]),
                     "no more homes than patients who lost power")
    }

    func testBudgetIsABound() throws {
        let s = Self.scenario()
        let c = Counterfactual.run(s, base: Simulator.run(s), options: CounterfactualOptions(maxMunicipalities: 5, maxReruns: 3))
        XCTAssertEqual(c.rerunsUsed, 3)
        XCTAssertTrue(c.entries[0].budgetExhausted)
    }

    /// The report says what it costs and which program pays, at which rate.
    func testReportedWithCostAndProgram() throws {
        let s = Self.scenario()
        let r = Simulator.run(s)
        let meta = RunReport(scenarioId: "tiny", synthetic: false, suppressionThreshold: 1, inputs: [],
                             counterfactual: Counterfactual.run(s, base: r))
        let files = ShortfallReport.files(ResultDocument(result: r, report: meta),
                                          options: ShortfallOptions(lang: .ja, toolVersion: "t"), registry: try Registry.load())
        let md = try XCTUnwrap(files.first { $0.path == "summary.md" }?.text)
        XCTAssertTrue(md.contains("| 千代田区 | 2 | 区市町村の電源を2台追加（発電機 900W、240分×4タンク） | 0 | 0.0 | すべて解消 | 424,000円 | 212,000円 | 在宅人工呼吸器使用者療養支援事業 (1/2) |"), md)
        let csv = try XCTUnwrap(files.first { $0.path == "shortfalls.csv" }?.text)
        // The change (named with its unit), its amount, what it leaves, covers all, cost, Tokyo's
        // share, programs, rates (with the fraction slash U+2044, which no spreadsheet reads as
        // a date); then the flags (empty).
        XCTAssertTrue(csv.contains(",区市町村の電源の追加（台、運ぶ配送班を4台に1班まで含む）,2,0,あり,424000,212000,ventilator-support-fy2025,1\u{2044}2,"), csv)
    }
}
