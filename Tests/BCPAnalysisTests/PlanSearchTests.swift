@testable import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest

/// `bcpsim plan`'s search on scenarios small enough to follow by hand.
///
/// The tiny scenario (as CounterfactualTests): 千代田区 without power from minute 0 to 1,000;
/// P1 and P2 (60 W, 24 h, 300 Wh: 300 minutes of battery, tolerance a day, no household plan)
/// of clinic C1 (institutional, backup power, 60 calls an hour); the municipality has one
/// delivery team and no stock; no hospital. Both run out at 300: 2 x 700 = 1,400 minutes
/// without power under every seed (the restoration is a step, no draw changes anything).
///
/// Candidates (the most uncovered over the seeds is 2): units in stock 4 (ladder 4 and 4 x
/// ceil(2/4) = 4), home units 1 and 2, calls +1, tier +1; teams and beds do not apply (no stock,
/// no hospital). Effects, as CounterfactualTests works them out: 4 units in stock cover both
/// (the one team: P1's unit arrives 121, P2's 241 < 300), 1,400 fewer minutes for 4 x 106,000 =
/// 424,000 yen net; a home unit covers its patient (300 + 960 >= 1,000), 700 fewer for 106,000;
/// calls and tier change nothing (no unit to send); backup power for sites and oxygen at homes do
/// not apply (C1 has backup power; nobody is on oxygen).
final class PlanSearchTests: XCTestCase {
    static let chiyoda = MunicipalityCode("131016")!

    static func scenario() -> Scenario {
        let m = Municipality(code: chiyoda, nameJa: "千代田区", nameEn: "Chiyoda", kind: .ward, island: false, population: 67_549,
                             populationDate: "2023-01-01", area: SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu"), deliveryTeams: 1)
        let patients = ["P1", "P2"].map {
            Patient(id: $0, municipality: chiyoda, device: .tppv, drawW: 60, hoursPerDay: 24, internalBatteryWh: 300, externalBatteryWh: 0,
                    generator: nil, providerId: "C1", registeredSupportPlan: false, toleranceMinutes: 1_440)
        }
        let c1 = Provider(id: "C1", kind: .clinic, municipality: chiyoda, tier: .institutional, linkedGroup: nil, hasBackupPower: true,
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

    func testCandidatesAndBase() {
        let p = PlanSearch(Self.scenario(), options: PlanOptions(budgetYen: 1_000_000, objective: .gap, replicas: 3))
        XCTAssertEqual(p.base.values, [1_400, 1_400, 1_400])
        XCTAssertEqual(p.candidates.map { "\($0.lever.rawValue) \($0.amount)" }, ["unit 4", "homeUnit 1", "homeUnit 2", "team 1", "contact 1", "tier 1"])
        XCTAssertEqual(p.notApplicable.map(\.lever), [.bed, .siteBackup, .oxygen])
    }

    /// Value per yen in exact integers: 700 minutes for 106,000 yen equals 1,400 for 212,000
    /// (700 x 212,000 = 1,400 x 106,000), beats 1,400 for 424,000 (700 x 424,000 > 1,400 x
    /// 106,000); anything that costs nothing beats anything that costs; between two free ones
    /// the larger reduction wins.
    func testValuePerYen() {
        XCTAssertEqual(PlanSearch.compareValue(700, 106_000, 1_400, 212_000), 0)
        XCTAssertEqual(PlanSearch.compareValue(700, 106_000, 1_400, 424_000), -1)
        XCTAssertEqual(PlanSearch.compareValue(1_400, 424_000, 700, 106_000), 1)
        XCTAssertEqual(PlanSearch.compareValue(1, 0, 1_000_000, 1), -1)
        XCTAssertEqual(PlanSearch.compareValue(5, 0, 7, 0), 1)
    }

    /// Budget 212,000 net: a home unit and two home units tie at 700 per 106,000 (1,400 per
    /// 212,000); the tie goes to the earlier candidate, one home unit (P1). With 106,000 left,
    /// a second home unit (P2) fits and takes the last 700 minutes. 4 units in stock (424,000)
    /// do not fit. Total: 212,000 net, Tokyo 212,000 of 424,000, 1,400 minutes fewer.
    func testTwoHomeUnitsForTheirPrice() {
        let r = PlanSearch(Self.scenario(), options: PlanOptions(budgetYen: 212_000, objective: .gap, replicas: 3)).run()
        XCTAssertEqual(r.steps.map { "\($0.choice.lever.rawValue) \($0.choice.amount)" }, ["homeUnit 1", "homeUnit 1"])
        XCTAssertEqual(r.steps.map(\.reduction.values), [[700, 700, 700], [700, 700, 700]])
        XCTAssertEqual(r.cost.total, 424_000)
        XCTAssertEqual(r.cost.tokyo, 212_000)
        XCTAssertEqual(r.cost.net, 212_000)
        XCTAssertEqual(r.final.values, [0, 0, 0])
        XCTAssertEqual(r.reduction.meanMilli, 1_400_000)
    }

    /// Budget 100,000: no unit fits (106,000 net each); calls (+1 at C1 and at the municipality,
    /// 2 x 50,000) fit but change nothing; the tier step (200,000) does not fit. Nothing is
    /// taken, and each lever says why.
    func testNothingFitsSaysWhy() {
        let r = PlanSearch(Self.scenario(), options: PlanOptions(budgetYen: 100_000, objective: .gap, replicas: 2)).run()
        XCTAssertTrue(r.steps.isEmpty)
        XCTAssertEqual(r.notTaken.map { "\($0.lever.rawValue) \($0.reason.rawValue)" },
                       ["unit overBudget", "homeUnit overBudget", "team notApplicable", "contact noGain", "bed notApplicable", "tier overBudget",
                        "siteBackup notApplicable", "oxygen notApplicable"])
    }

    /// A measure that is 0 under every seed (nobody goes beyond tolerance: the tolerance is a day
    /// and the outage 700 minutes without power): nothing is bought, and the reason says there is
    /// nothing to reduce, not that the levers do not apply.
    func testNothingToReduce() {
        let r = PlanSearch(Self.scenario(), options: PlanOptions(budgetYen: 1_000_000, objective: .beyondTolerance, replicas: 2)).run()
        XCTAssertEqual(r.base.values, [0, 0])
        XCTAssertTrue(r.steps.isEmpty)
        XCTAssertEqual(r.notTaken.map { "\($0.lever.rawValue) \($0.reason.rawValue)" },
                       ["unit nothingToReduce", "homeUnit nothingToReduce", "team nothingToReduce", "contact nothingToReduce", "bed notApplicable",
                        "tier nothingToReduce", "siteBackup notApplicable", "oxygen notApplicable"])
    }

    /// Units in stock bring the team to carry them where the municipality has none: with no
    /// team, 4 units need one (500,000 yen, no Tokyo share): 848,000 + 500,000 total, 424,000
    /// from Tokyo.
    func testUnitsAreCostedWithTheirTeam() throws {
        var s = Self.scenario()
        s.municipalities[0].deliveryTeams = 0
        let p = PlanSearch(s, options: PlanOptions(budgetYen: 10_000_000, objective: .gap, replicas: 1))
        let cost = try XCTUnwrap(p.cost(of: Portfolio().adding(PlanStepChoice(lever: .unit, code: Self.chiyoda, amount: 4))))
        XCTAssertEqual(cost.count(.unit), 4)
        XCTAssertEqual(cost.count(.team), 1)
        XCTAssertEqual(cost.total, 4 * 212_000 + 500_000)
        XCTAssertEqual(cost.tokyo, 4 * 106_000)
    }

    /// Oxygen at home: P1 on an oxygen concentrator (300 minutes of battery, as before) gets one
    /// delivery's worth of cylinders (1,560 minutes): 300 + 1,560 >= the 1,000-minute outage, so
    /// P1 is covered and only P2's 700 minutes remain. It costs 20,000 yen, no Tokyo share, and
    /// at 700 minutes per 20,000 yen it is the best value, taken first with a budget of 20,000.
    func testOxygenAtHome() throws {
        var s = Self.scenario()
        s.patients[0].device = .oxygenConcentrator
        let r = PlanSearch(s, options: PlanOptions(budgetYen: 20_000, objective: .gap, replicas: 2)).run()
        XCTAssertEqual(r.steps.map { "\($0.choice.lever.rawValue) \($0.choice.amount)" }, ["oxygen 1"])
        XCTAssertEqual(r.final.values, [700, 700])
        XCTAssertEqual(r.cost.count(.oxygen), 1)
        XCTAssertEqual(r.cost.total, 20_000)
        XCTAssertEqual(r.cost.net, 20_000)
    }

    /// Backup power goes to the municipality's sites without it, hospitals first, then by id.
    func testSiteBackupHospitalsFirst() throws {
        var s = Self.scenario()
        s.providers = [
            Provider(id: "A", kind: .clinic, municipality: Self.chiyoda, tier: .none, linkedGroup: nil, hasBackupPower: false, contactsPerHour: 1, deliveryTeams: 0, backupBeds: 0),
            Provider(id: "H", kind: .hospital, municipality: Self.chiyoda, tier: .none, linkedGroup: nil, hasBackupPower: false, contactsPerHour: 1, deliveryTeams: 0, backupBeds: 2),
            Provider(id: "B", kind: .clinic, municipality: Self.chiyoda, tier: .none, linkedGroup: nil, hasBackupPower: true, contactsPerHour: 1, deliveryTeams: 0, backupBeds: 0),
        ]
        let one = try XCTUnwrap(Counterfactual.apply(.siteBackup, amount: 1, to: s, code: Self.chiyoda, unit: Counterfactual.unitSpec(s)))
        XCTAssertEqual(one.providers.map(\.hasBackupPower), [false, true, true])
        XCTAssertNil(Counterfactual.apply(.siteBackup, amount: 3, to: s, code: Self.chiyoda, unit: Counterfactual.unitSpec(s)), "only two sites lack it")
        XCTAssertEqual(PlanCost.of(one, over: s, prices: PlanPrices(unitYen: 212_000)).total, 3_000_000)
    }

    /// The plan does not depend on the number of threads.
    func testSameOnAnyThreadCount() {
        let s = RandomScenario.make(7, patients: 30)
        let one = PlanSearch(s, options: PlanOptions(budgetYen: 3_000_000, objective: .gap, replicas: 4, threads: 1)).run()
        XCTAssertFalse(one.steps.isEmpty, "a plan with steps, so that the comparison means something")
        // The steps' costs (kept from earlier steps where nothing in their municipality changed)
        // add up to the cost of the whole plan, made at once.
        let made = PlanSearch(s, options: PlanOptions(budgetYen: 3_000_000, objective: .gap, replicas: 4, threads: 1))
        var whole = Portfolio()
        for step in one.steps { whole = whole.adding(step.choice) }
        XCTAssertEqual(one.steps.map(\.cost.net).reduce(0, +), made.cost(of: whole)?.net)
        XCTAssertEqual(one.steps.map(\.cost.total).reduce(0, +), one.cost.total)
        for t in [2, 4] {
            XCTAssertEqual(PlanSearch(s, options: PlanOptions(budgetYen: 3_000_000, objective: .gap, replicas: 4, threads: t)).run(), one)
        }
    }

    /// Greedy against exhaustive search on a small case (docs/PLAN.md "How far from the best"):
    /// the tiny scenario plus 中央区 with three patients of 200, 400 and 600 minutes (no team,
    /// no stock), budget 424,000 net. Exhaustive search tries every portfolio whose amount for
    /// each (lever, municipality) is 0, one candidate amount, or the sum of two, within the
    /// budget; the best it finds can be no worse than greedy's (greedy's portfolio is among
    /// them), and greedy must reach at least 90% of the best reduction here.
    func testGreedyAgainstExhaustive() throws {
        var s = Self.scenario()
        let chuo = MunicipalityCode("131024")!
        s.municipalities.append(Municipality(code: chuo, nameJa: "中央区", nameEn: "Chuo", kind: .ward, island: false, population: 173_130,
                                             populationDate: "2023-01-01", area: s.municipalities[0].area))
        for (i, wh) in [200, 400, 600].enumerated() {
            s.patients.append(Patient(id: "Q\(i + 1)", municipality: chuo, device: .tppv, drawW: 60, hoursPerDay: 24, internalBatteryWh: wh,
                                      externalBatteryWh: 0, generator: nil, providerId: "C1", registeredSupportPlan: false, toleranceMinutes: 1_440))
        }
        let options = PlanOptions(budgetYen: 424_000, objective: .gap, replicas: 2)
        let search = PlanSearch(s, options: options)
        let greedy = search.run()
        // Every (lever, municipality) with its possible totals.
        var keys: [(PlanStepChoice, [Int])] = []
        for c in search.candidates {
            let same = search.candidates.filter { $0.lever == c.lever && $0.code == c.code }.map(\.amount)
            guard !keys.contains(where: { $0.0.lever == c.lever && $0.0.code == c.code }) else { continue }
            var totals = Set([0])
            for a in same { totals.insert(a); for b in same { totals.insert(a + b) } }
            keys.append((c, totals.sorted()))
        }
        var portfolios: [Portfolio] = [Portfolio()]
        for (c, totals) in keys {
            portfolios = portfolios.flatMap { p in
                totals.compactMap { t -> Portfolio? in
                    let next = t == 0 ? p : p.adding(PlanStepChoice(lever: c.lever, code: c.code, amount: t))
                    guard let cost = search.cost(of: next), cost.net <= options.budgetYen else { return nil }
                    return next
                }
            }
        }
        let scenarios = portfolios.compactMap { search.scenario(with: $0) }
        let best = search.evaluate(scenarios).map(\.sum).min()!
        let greedyReduction = greedy.base.sum - greedy.final.sum
        let bestReduction = greedy.base.sum - best
        XCTAssertGreaterThan(portfolios.count, 20, "the search space is not trivial")
        XCTAssertLessThanOrEqual(best, greedy.final.sum)
        XCTAssertGreaterThanOrEqual(greedyReduction * 10, bestReduction * 9, "greedy \(greedyReduction) of best \(bestReduction) over \(portfolios.count) portfolios")
        print("greedy-vs-exhaustive: base \(greedy.base.sum), greedy \(greedy.final.sum), best \(best), portfolios \(portfolios.count)")
    }
}
