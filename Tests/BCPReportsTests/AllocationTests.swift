import BCPAnalysis
import BCPInput
import BCPModel
import XCTest
import BCPText

@testable import BCPReports

/// Hand-worked examples of the allocation check. Every expected number is derived in the comment
/// above it from the inputs, so that a reader can check it with pencil and paper.
final class AllocationTests: XCTestCase {
    // MARK: Rounding

    func testRoundingRulesOnHandWorkedPopulations() {
        // 67,549 / 25,000 = 2.70: floor 2, ceil 3, nearest 3 (0.70 >= 0.5), floor-min1 2.
        XCTAssertEqual(RoundingRule.floor.units(population: 67_549), 2)
        XCTAssertEqual(RoundingRule.ceil.units(population: 67_549), 3)
        XCTAssertEqual(RoundingRule.nearest.units(population: 67_549), 3)
        XCTAssertEqual(RoundingRule.floorMin1.units(population: 67_549), 2)
        // 2,000 / 25,000 = 0.08: floor 0 (the village gets nothing), ceil 1, nearest 0, floor-min1 1.
        XCTAssertEqual(RoundingRule.floor.units(population: 2_000), 0)
        XCTAssertEqual(RoundingRule.ceil.units(population: 2_000), 1)
        XCTAssertEqual(RoundingRule.nearest.units(population: 2_000), 0)
        XCTAssertEqual(RoundingRule.floorMin1.units(population: 2_000), 1)
        // Exact half: 37,500 / 25,000 = 1.5 rounds up to 2 under nearest; 37,499 = 1.49996 -> 1.
        XCTAssertEqual(RoundingRule.nearest.units(population: 37_500), 2)
        XCTAssertEqual(RoundingRule.nearest.units(population: 37_499), 1)
        // Exact multiple: 50,000 = 2 units under every rule (ceil adds nothing).
        for r in RoundingRule.allCases { XCTAssertEqual(r.units(population: 50_000), 2, r.rawValue) }
        // No residents, no units, under every rule (floor-min1 included).
        for r in RoundingRule.allCases { XCTAssertEqual(r.units(population: 0), 0, r.rawValue) }
        XCTAssertEqual(RoundingRule.standard, .floorMin1)
    }

    // MARK: A small roster worked by hand

    static let chiyoda = MunicipalityCode("131016")!
    static let hinohara = MunicipalityCode("133078")!

    static func patient(_ id: String, _ device: DeviceKind, w: Int, h: Int, inner: Int, external: Int, generator: OwnGenerator? = nil,
                        in code: MunicipalityCode = chiyoda) -> Patient {
        Patient(id: id, municipality: code, device: device, drawW: w, hoursPerDay: h, internalBatteryWh: inner, externalBatteryWh: external,
                generator: generator, providerId: "C1", registeredSupportPlan: true)
    }

    /// Municipality A: Chiyoda, 67,549 residents. Municipality B: a village of 2,000 (Hinohara's
    /// code; its real population is 1,918). A holds 1 generator and 1 battery; a provider's
    /// battery in A is not the municipality's and does not count.
    static func scenario(hostileName: String? = nil) -> Scenario {
        let central = SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu (Central Wards)")
        let west = SecondaryArea(nameJa: "西多摩", nameEn: "Nishitama (West Tama)")
        let a = Municipality(code: chiyoda, nameJa: hostileName ?? "千代田区", nameEn: hostileName ?? "Chiyoda", kind: .ward, island: false,
                             population: 67_549, populationDate: "2023-01-01", area: central)
        let b = Municipality(code: hinohara, nameJa: "檜原村", nameEn: "Hinohara", kind: .village, island: false,
                             population: 2_000, populationDate: "2024-01-01", area: west)
        let patients = [
            // P1 TPPV 25 W, 24 h/day, 200 Wh: reserve 200 x 1440 / (25 x 24) = 480 min (8 h).
            //   Deficit 4,320 - 480 = 3,840 min; 3,840 x 25 x 24 / 1,440 = 1,600 Wh -> 2 batteries of 1,000 Wh.
            patient("P1", .tppv, w: 25, h: 24, inner: 200, external: 0),
            // P2 NPPV 30 W, 12 h/day, 360 Wh: reserve 360 x 1440 / (30 x 12) = 1,440 min (24 h).
            //   Deficit 2,880 min; 2,880 x 30 x 12 / 1,440 = 720 Wh -> 1 battery.
            patient("P2", .nppv, w: 30, h: 12, inner: 0, external: 360),
            // P3 TPPV 20 W, 24 h/day, 1,500 Wh: reserve 1,500 x 1440 / 480 = 4,500 min (75 h) >= 72 h: no need.
            patient("P3", .tppv, w: 20, h: 24, inner: 1_000, external: 500),
            // P4 TPPV 25 W, no battery, own generator 900 W, 3 tanks of 120 min: reserve 360 min (6 h).
            //   Deficit 3,960 min; 3,960 x 600 / 1,440 = 1,650 Wh -> 2 batteries.
            patient("P4", .tppv, w: 25, h: 24, inner: 0, external: 0, generator: OwnGenerator(ratedW: 900, runtimePerTankMinutes: 120, tanks: 3)),
            // P6 NPPV 31 W, 12 h/day, 100 Wh: reserve floor(100 x 1440 / 372) = floor(387.1) = 387 min.
            //   Deficit 3,933 min; 3,933 x 31 x 12 / 1,440 = 1,463,076 / 1,440 = 1,016.03 -> 1,017 Wh -> 2 batteries.
            patient("P6", .nppv, w: 31, h: 12, inner: 100, external: 0),
            // P5 oxygen 120 W, 24 h/day, nothing: not a ventilator user, so not counted by default.
            //   With --devices all: 4,320 x 120 x 24 / 1,440 = 8,640 Wh -> 9 batteries.
            patient("P5", .oxygenConcentrator, w: 120, h: 24, inner: 0, external: 0),
        ]
        let units = [
            PowerUnit(id: "MG", kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 4, owner: .municipality(chiyoda), subsidized: true),
            PowerUnit(id: "MB", kind: .battery, capacityWh: 1_000, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0, owner: .municipality(chiyoda), subsidized: true),
            PowerUnit(id: "PB", kind: .battery, capacityWh: 1_000, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0, owner: .provider("C1"), subsidized: false),
        ]
        return Scenario(nameJa: "手計算の例", nameEn: "Hand-worked example", horizonMinutes: 4_320, seed: 1, municipalities: [b, a],
                        patients: patients, providers: [], units: units, zones: [])
    }

    /// `privacy` nil: the default (suppressed, threshold 10). The hand-worked numbers below are
    /// checked on the rows, which are always exact; tests of printed numbers pass `.exact`.
    static func report(_ rule: RoundingRule, devices: DeviceScope = .ventilator, prices: UnitPrices = UnitPrices(),
                       privacy: AllocationPrivacy? = nil) -> AllocationReport {
        var o = AllocationOptions()
        o.rounding = rule
        o.privacy = privacy
        o.devices = devices
        o.prices = prices
        return AllocationCheck.run(scenario: scenario(), options: o)
    }

    func testPerPatientNeed() {
        let s = Self.scenario()
        let needs = s.patients.map { AllocationCheck.need(of: $0, targetHours: 72, batteryWh: 1_000) }
        XCTAssertEqual(needs.map(\.reserveMinutes), [480, 1_440, 4_500, 360, 387, 0])
        XCTAssertEqual(needs.map(\.deficitMinutes), [3_840, 2_880, 0, 3_960, 3_933, 4_320])
        XCTAssertEqual(needs.map(\.deficitWh), [1_600, 720, 0, 1_650, 1_017, 8_640])
        XCTAssertEqual(needs.map(\.batteries), [2, 1, 0, 2, 2, 9])
    }

    func testNeedStandardAndCostUnderFloor() {
        let r = Self.report(.floor)
        XCTAssertEqual(r.municipalities.map(\.code), [Self.chiyoda, Self.hinohara], "sorted by code")
        let a = r.municipalities[0]
        // Standard: floor(67,549 / 25,000) = 2 of each item. Held: 1 generator, 1 battery, 0 UPS.
        XCTAssertEqual(a.standard, .each(2))
        XCTAssertEqual(a.held, ItemCounts(generator: 1, battery: 1, ups: 0))
        XCTAssertEqual(a.shortOfStandard, ItemCounts(generator: 1, battery: 1, ups: 2))
        XCTAssertEqual(a.excessOverStandard, .zero)
        let n = try! XCTUnwrap(a.need)
        // Ventilator users P1 P2 P3 P4 P6 = 5; below 72 h: P1 P2 P4 P6 = 4; batteries 2+1+2+2 = 7.
        XCTAssertEqual(n.patients, 5)
        XCTAssertEqual(n.belowTarget, 4)
        XCTAssertEqual(n.batteriesNeeded, 7)
        // By need, then id: P1(2) P4(2) P6(2) P2(1). The one held generator goes to P1 (2 batteries).
        XCTAssertEqual(n.patientsOnHeldGenerators, 1)
        XCTAssertEqual(n.coveredByHeldGenerators, 2)
        // Need gap: 7 - 2 (generator) - 1 (held battery) = 4.
        XCTAssertEqual(n.gap, 4)
        // Standard: 2 generators to P1, P4 (4 batteries' worth); rest 7 - 4 = 3 against 2 batteries: 1 short.
        XCTAssertEqual(n.standardShort, 1)
        XCTAssertEqual(n.standardSpare, 0)
        XCTAssertEqual(n.verdict, .under)
        // Cost to the standard: 1 generator 212,000 + 1 battery 104,000 + 2 UPS 82,000 = 398,000.
        // Tokyo: 106,000 + 52,000 + 2 x 20,500 = 199,000; municipal 398,000 - 199,000 = 199,000.
        XCTAssertEqual(a.costStandard.all, CostSplit(units: 4, subsidizedUnits: 4, total: 398_000, tokyo: 199_000, municipal: 199_000))
        XCTAssertEqual(a.costStandard.ups, CostSplit(units: 2, subsidizedUnits: 2, total: 82_000, tokyo: 41_000, municipal: 41_000))
        // Need gap: 4 batteries x 104,000 = 416,000. Subsidy capped at the standard: room for
        // 2 - 1 = 1 battery, so Tokyo pays 1 x 52,000 = 52,000 and the municipality 364,000.
        XCTAssertEqual(a.costNeed, CostSplit(units: 4, subsidizedUnits: 1, total: 416_000, tokyo: 52_000, municipal: 364_000))

        let b = r.municipalities[1]
        // Village of 2,000 under floor: 0 units; no patients: need 0, nothing spare -> matches.
        XCTAssertEqual(b.standard, .each(0))
        XCTAssertEqual(b.need?.patients, 0)
        XCTAssertEqual(b.need?.verdict, .matches)
        XCTAssertEqual(b.costStandard.all.total, 0)
    }

    /// The page leads with the answer, every figure from the hand-worked rows above (floor): the
    /// standard is 2 (Chiyoda) + 0 (the village) = 2 of each item; held 1 generator, 1 battery, 0
    /// UPS; the cost to the standard 398,000 + 0, Tokyo's half 199,000; patients 5, below target
    /// 4, batteries 7, need gap 4; Chiyoda under-provides, the village matches.
    func testThePageLeadsWithTheAnswer() {
        let r = Self.report(.floor, privacy: .exact)
        XCTAssertEqual(r.answer(lang: .en), [
            "The standard for the 2 municipalities is 2 of each item in all (one per 25,000 residents). Units held: generators 1, batteries 1, UPS 0. Bringing every municipality up to the standard costs ¥398,000 (¥199,000 of it from Tokyo's subsidy).",
            "The need, from the patients' own reserves: of 5 patients, 4 have less than the 72-hour target; they need 7 batteries, of which 4 are not covered by the units held.",
            "In 1 of 2 municipalities even the standard would not meet the need: Chiyoda.",
        ])
        let md = r.markdown(lang: .ja)
        XCTAssertLessThan(md.range(of: "## 要点")!.lowerBound, md.range(of: "端数処理")!.lowerBound, "the answer comes before the parameters")
        XCTAssertTrue(md.contains("基準台数をそろえても必要に足りない区市町村は1（2のうち）：千代田区。"), md)
        // Under ceil nobody is under (Chiyoda over-provides, the village over-provides).
        XCTAssertEqual(Self.report(.ceil, privacy: .exact).answer(lang: .en).last, "In every municipality the standard, once held, would meet the need.")
    }

    func testVillageUnderFloorMin1AndChiyodaUnderCeil() {
        let b = Self.report(.floorMin1).municipalities[1]
        // floor-min1: max(1, floor(0.08)) = 1 of each item; nothing held, so 1 of each short.
        // Cost: 212,000 + 104,000 + 41,000 = 357,000; Tokyo 106,000 + 52,000 + 20,500 = 178,500.
        XCTAssertEqual(b.standard, .each(1))
        XCTAssertEqual(b.costStandard.all, CostSplit(units: 3, subsidizedUnits: 3, total: 357_000, tokyo: 178_500, municipal: 178_500))
        // No patients: the standard's 1 generator and 1 battery are spare -> over-provides.
        XCTAssertEqual(b.need?.standardSpare, 2)
        XCTAssertEqual(b.need?.verdict, .over)

        let a = Self.report(.ceil).municipalities[0]
        // ceil: 3 of each. Generators to P1, P4, P6 (6 batteries' worth); rest 7 - 6 = 1 battery
        // against 3: nothing short, 2 spare -> over-provides.
        XCTAssertEqual(a.standard, .each(3))
        XCTAssertEqual(a.need?.standardShort, 0)
        XCTAssertEqual(a.need?.standardSpare, 2)
        XCTAssertEqual(a.need?.verdict, .over)
        // The need gap does not depend on the rule (held units only): still 4.
        XCTAssertEqual(a.need?.gap, 4)
    }

    func testAllDevicesAddsTheOxygenPatient() {
        let n = Self.report(.floor, devices: .all).municipalities[0].need!
        // P5 adds 9 batteries: 7 + 9 = 16 needed. By need: P5(9) P1(2) P4(2) P6(2) P2(1); the
        // generator goes to P5 (9). Gap: 16 - 9 - 1 = 6.
        XCTAssertEqual(n.patients, 6)
        XCTAssertEqual(n.belowTarget, 5)
        XCTAssertEqual(n.batteriesNeeded, 16)
        XCTAssertEqual(n.coveredByHeldGenerators, 9)
        XCTAssertEqual(n.gap, 6)
    }

    func testOddPriceLeavesTheHalfYenWithTheMunicipality() {
        // UPS at 41,001 yen: Tokyo pays floor(41,001 / 2) = 20,500 a unit, the municipality 20,501.
        // Chiyoda under floor is 2 UPS short: 82,002 total, Tokyo 41,000, municipal 41,002.
        let a = Self.report(.floor, prices: UnitPrices(ups: 41_001)).municipalities[0]
        XCTAssertEqual(a.costStandard.ups, CostSplit(units: 2, subsidizedUnits: 2, total: 82_002, tokyo: 41_000, municipal: 41_002))
    }

    func testAreasAndTotalAreSumsOfRows() {
        let r = Self.report(.floorMin1)
        XCTAssertEqual(r.areas.map(\.nameJa), ["区中央部", "西多摩"], "areas in order of their first code")
        XCTAssertEqual(r.total.population, 67_549 + 2_000)
        // Chiyoda 2 + village 1 = 3 of each item; dates differ, so the total shows their range.
        XCTAssertEqual(r.total.standard, .each(3))
        XCTAssertEqual(r.total.populationDate, "2023-01-01 – 2024-01-01")
        XCTAssertEqual(r.total.need?.gap, 4 + 0)
        XCTAssertEqual(r.total.need?.municipalitiesUnder, 1)
        XCTAssertEqual(r.total.costStandard.all.total, 398_000 + 357_000)
        // Ranking: Chiyoda's gap 4 before the village's 0.
        XCTAssertEqual(r.ranking.map(\.code), [Self.chiyoda, Self.hinohara])
    }

    func testTokyoBuiltInTableTotals() throws {
        let tokyo = try TokyoMunicipalities.load()
        let r = AllocationCheck.run(municipalities: tokyo, patients: nil, held: [:], options: AllocationOptions())
        XCTAssertEqual(r.municipalities.count, 62)
        XCTAssertEqual(r.total.population, 14_034_861)
        XCTAssertEqual(r.areas.count, 13)
        XCTAssertNil(r.total.need)
        XCTAssertFalse(r.hasPatientData)
        XCTAssertEqual(r.ranking, [])
        XCTAssertEqual(r.heldSource, HeldSource.none)
        assertSums(r)
        // Chiyoda (131016), 67,549 residents, first by code: 2 under the default floor-min1.
        XCTAssertEqual(r.municipalities[0].population, 67_549)
        XCTAssertEqual(r.municipalities[0].standard.generator, 2)
        // Every municipality has residents, so floor-min1 gives each at least 1; floor leaves some at 0.
        XCTAssertTrue(r.municipalities.allSatisfy { $0.standard.generator >= 1 })
        var o = AllocationOptions()
        o.rounding = .floor
        let floor = AllocationCheck.run(municipalities: tokyo, patients: nil, held: [:], options: o)
        XCTAssertTrue(floor.municipalities.contains { $0.standard.generator == 0 })
        XCTAssertLessThan(floor.total.standard.generator, r.total.standard.generator)
    }

    /// Areas sum their municipalities and Tokyo sums everything, field by field.
    func assertSums(_ r: AllocationReport, file: StaticString = #filePath, line: UInt = #line) {
        func check(_ parts: [AllocationRow], _ whole: AllocationRow) {
            XCTAssertEqual(parts.reduce(0) { $0 + $1.population }, whole.population, file: file, line: line)
            XCTAssertEqual(parts.reduce(ItemCounts.zero) { $0 + $1.standard }, whole.standard, file: file, line: line)
            XCTAssertEqual(parts.reduce(ItemCounts.zero) { $0 + $1.held }, whole.held, file: file, line: line)
            XCTAssertEqual(parts.reduce(ItemCounts.zero) { $0 + $1.shortOfStandard }, whole.shortOfStandard, file: file, line: line)
            XCTAssertEqual(parts.reduce(ItemCounts.zero) { $0 + $1.excessOverStandard }, whole.excessOverStandard, file: file, line: line)
            XCTAssertEqual(parts.reduce(CostSplit.zero) { $0 + $1.costStandard.all }, whole.costStandard.all, file: file, line: line)
            if whole.need != nil {
                XCTAssertEqual(parts.reduce(0) { $0 + $1.need!.gap }, whole.need!.gap, file: file, line: line)
                XCTAssertEqual(parts.reduce(0) { $0 + $1.need!.batteriesNeeded }, whole.need!.batteriesNeeded, file: file, line: line)
                XCTAssertEqual(parts.reduce(CostSplit.zero) { $0 + $1.costNeed! }, whole.costNeed!, file: file, line: line)
            }
            XCTAssertEqual(parts.reduce(0) { $0 + $1.municipalityCount }, whole.municipalityCount, file: file, line: line)
        }
        check(r.municipalities, r.total)
        check(r.areas, r.total)
        for a in r.areas { check(r.municipalities.filter { $0.areaJa == a.nameJa }, a) }
    }

    func testShippedScenarioSumsRankingAndDeterminism() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/tokyo-synthetic").path
        guard FileManager.default.fileExists(atPath: folder + "/scenario.json") else { throw XCTSkip("shipped scenario not present") }
        guard case .success(let loaded) = ScenarioLoader.load(folder: folder) else { return XCTFail("shipped scenario does not load") }
        let r = AllocationCheck.run(scenario: loaded.scenario, options: AllocationOptions())
        XCTAssertEqual(r.municipalities.count, 62)
        XCTAssertEqual(r.total.population, 14_034_861)
        assertSums(r)
        // Ranking: need gap never increases; equal gaps in code order; all 62 present.
        XCTAssertEqual(r.ranking.count, 62)
        for (x, y) in zip(r.ranking, r.ranking.dropFirst()) {
            XCTAssertTrue(x.need!.gap > y.need!.gap || (x.need!.gap == y.need!.gap && x.code! < y.code!))
        }
        // Same input, same bytes, in every format and language.
        let again = AllocationCheck.run(scenario: loaded.scenario, options: AllocationOptions())
        for f in AllocationFormat.allCases {
            for l in Language.allCases { XCTAssertEqual(r.rendered(f, lang: l), again.rendered(f, lang: l)) }
        }
    }

    // MARK: Output

    func testRuleIsEchoedInEveryFormatAndNoLabelIsMissing() {
        for rule in RoundingRule.allCases {
            let r = Self.report(rule)
            for f in AllocationFormat.allCases {
                for l in Language.allCases {
                    let text = r.rendered(f, lang: l)
                    XCTAssertTrue(text.contains(rule.rawValue), "\(rule.rawValue) not echoed in \(f) \(l)")
                    XCTAssertFalse(text.contains("⟦"), "missing label in \(f) \(l)")
                }
                // The rule's description sits in the header, before the first table.
                let md = r.rendered(.md, lang: .ja)
                let description = Labels.text("allocation.rounding.\(rule.rawValue)", .ja, "25,000", "12,500")
                XCTAssertLessThan(md.range(of: TextTable.escapeText(description))!.lowerBound, md.range(of: "| ")!.lowerBound)
            }
        }
        // Without patient data the need columns say so, in each format.
        let tokyo = AllocationCheck.run(municipalities: Self.scenario().municipalities, patients: nil, held: [:], options: AllocationOptions())
        XCTAssertTrue(tokyo.rendered(.md, lang: .ja).contains("患者データなし"))
        XCTAssertTrue(tokyo.rendered(.html, lang: .en).contains("no patient data"))
        XCTAssertTrue(tokyo.rendered(.csv, lang: .en).contains("no patient data"))
        XCTAssertTrue(tokyo.rendered(.json, lang: .en).contains("\"need\": null"))
    }

    func testMarkdownShowsSeparatorsAndJapaneseHeadings() {
        // Exact mode: Chiyoda's 4 patients below target would be suppressed by default.
        let md = Self.report(.floor, privacy: .exact).rendered(.md, lang: .ja)
        for s in ["区市町村", "人口", "基準台数", "保有台数", "不足", "必要台数", "都補助（1/2）", "区市町村負担", "67,549", "416,000円", "364,000円"] {
            XCTAssertTrue(md.contains(s), s)
        }
        let en = Self.report(.floor, privacy: .exact).rendered(.md, lang: .en)
        XCTAssertTrue(en.contains("¥416,000"))
        XCTAssertTrue(en.contains("under-provides"))
    }

    func testCSVIsOneTableWithPlainNumbers() {
        let csv = Self.report(.floor, privacy: .exact).rendered(.csv, lang: .en, bom: true)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Level,Code,Municipality,"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Header + 2 municipalities + 2 areas + Tokyo.
        XCTAssertEqual(lines.count, 6)
        let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        for l in lines { XCTAssertEqual(l.split(separator: ",", omittingEmptySubsequences: false).count, width, l) }
        XCTAssertTrue(lines[1].hasPrefix("municipality,131016,Chiyoda,Ku-chubu (Central Wards),67549,2023-01-01,2,1,1,0,1,1,2,0,0,0,5,4,7,1,2,4,1,0,under-provides,1,"))
        XCTAssertTrue(lines[1].contains(",212000,104000,82000,398000,199000,199000,4,1,416000,52000,364000,1,floor,72,1000,ventilator,212000,104000,41000"))
        XCTAssertTrue(lines[5].hasPrefix("Tokyo total,,Tokyo total,,69549,2023-01-01 – 2024-01-01,"))
    }

    func testHostileNameIsEscapedInHTMLAndDefusedInCSV() {
        let hostile = "<script>alert('x')</script>"
        let r = AllocationCheck.run(scenario: Self.scenario(hostileName: hostile), options: AllocationOptions())
        let html = r.rendered(.html, lang: .ja)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        let formula = "=HYPERLINK(\"http://example.invalid\",\"x\")"
        let csv = AllocationCheck.run(scenario: Self.scenario(hostileName: formula), options: AllocationOptions()).rendered(.csv, lang: .en)
        // Guarded with an apostrophe and quoted (it holds commas and quotes).
        XCTAssertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\","))
    }

    func testJSONKeyOrderIsStable() {
        let json = Self.report(.floor, privacy: .exact).rendered(.json, lang: .en)
        let keys = ["\"report\"", "\"schema\"", "\"lang\"", "\"title\"", "\"scenario\"", "\"parameters\"", "\"municipalities\"", "\"areas\"", "\"total\"", "\"ranking\""]
        let positions = keys.map { json.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(json.contains("\"rounding\": \"floor\""))
        XCTAssertTrue(json.contains("\"cost_to_close_need_gap\": {\n        \"units\": 4,\n        \"subsidized_units\": 1,\n        \"total_yen\": 416000,\n        \"tokyo_yen\": 52000,\n        \"municipal_yen\": 364000\n      }"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    // MARK: Stock file

    func testStockFileReadsAndLocatesErrors() {
        let tokyo = Self.scenario().municipalities
        var d = Diagnostics()
        let ok = StockFile.parse(path: "stock.csv", text: "code,item,units\n131016,generator,3\n131016,battery,\"1,200\"\n133078,ups,1\n", municipalities: tokyo, into: &d)
        XCTAssertFalse(d.hasErrors)
        XCTAssertEqual(ok[Self.chiyoda], ItemCounts(generator: 3, battery: 1_200, ups: 0))
        XCTAssertEqual(ok[Self.hinohara], ItemCounts(ups: 1))

        var e = Diagnostics()
        _ = StockFile.parse(
            path: "stock.csv",
            text: "code,item,units\n131016,drone,1\n131017,battery,1\n131024,battery,1\n131016,battery,-1\n131016,generator,1\n131016,generator,2\n",
            municipalities: tokyo, into: &e)
        let messages = e.items.map(\.description)
        XCTAssertEqual(messages.count, 5, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasPrefix("stock.csv:2:8: error: item: expected one of generator, battery, ups"))
        XCTAssertTrue(messages[1].hasPrefix("stock.csv:3:1: error: code: invalid municipality code 131017: check digit should make it 131016"))
        XCTAssertTrue(messages[2].hasPrefix("stock.csv:4:1: error: code: municipality 131024 is not in the municipality table"))
        XCTAssertTrue(messages[3].hasPrefix("stock.csv:5:16: error: units: -1 units is outside"))
        XCTAssertTrue(messages[4].hasPrefix("stock.csv:7:8: error: item: generator for 131016 is listed twice (first at line 6)"))
    }

    func testStockReplacesScenarioUnits() {
        let r = AllocationCheck.run(scenario: Self.scenario(), stock: [Self.chiyoda: ItemCounts(generator: 0, battery: 5)], stockPath: "s.csv", options: AllocationOptions())
        // No generator; 5 batteries against 7 needed: gap 2.
        XCTAssertEqual(r.municipalities[0].held, ItemCounts(battery: 5))
        XCTAssertEqual(r.municipalities[0].need?.gap, 2)
        XCTAssertEqual(r.heldSource, .stockFile("s.csv"))
    }
}
