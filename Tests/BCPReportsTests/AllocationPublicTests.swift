import BCPAnalysis
import BCPInput
import BCPModel
import XCTest
import BCPText

@testable import BCPReports

/// The allocation check under the disclosure policy (Sources/BCPReports/Allocation/AllocationPublic.swift;
/// docs/ALLOCATION.md, "Privacy"). The attacks read the published JSON, as a reader would, and
/// try every published sum.
final class AllocationPublicTests: XCTestCase {
    static let chiyoda = MunicipalityCode("131016")!
    static let chuo = MunicipalityCode("131024")!
    static let minato = MunicipalityCode("131032")!
    static let hinohara = MunicipalityCode("133078")!
    static let central = SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu (Central Wards)")
    static let west = SecondaryArea(nameJa: "西多摩", nameEn: "Nishitama (West Tama)")

    /// `n` TPPV users with no reserve: 25 W x 24 h, deficit 4,320 min -> 1,800 Wh -> 2 batteries each.
    static func patients(_ n: Int, in code: MunicipalityCode) -> [Patient] {
        (0..<n).map {
            Patient(id: "\(code)-\($0)", municipality: code, device: .tppv, drawW: 25, hoursPerDay: 24, internalBatteryWh: 0, externalBatteryWh: 0,
                    generator: nil, providerId: "C1", registeredSupportPlan: true)
        }
    }

    static func municipality(_ code: MunicipalityCode, _ ja: String, _ en: String, _ population: Int, _ area: SecondaryArea) -> Municipality {
        Municipality(code: code, nameJa: ja, nameEn: en, kind: .ward, island: false, population: population, populationDate: "2023-01-01", area: area)
    }

    /// Central wards: Chiyoda 3 patients below target, Chuo 12, Minato `minato`; Nishitama:
    /// Hinohara 15. Nobody holds units. Chiyoda is the one to protect.
    static func roster(minato: Int = 20, threshold: Int = 10) -> Scenario {
        let ms = [
            municipality(chiyoda, "千代田区", "Chiyoda", 67_549, central), municipality(chuo, "中央区", "Chuo", 174_074, central),
            municipality(Self.minato, "港区", "Minato", 260_379, central), municipality(hinohara, "檜原村", "Hinohara", 1_918, west),
        ]
        let ps = patients(3, in: chiyoda) + patients(12, in: chuo) + patients(minato, in: Self.minato) + patients(15, in: hinohara)
        var s = Scenario(nameJa: "秘匿の例", nameEn: "Suppression example", horizonMinutes: 4_320, seed: 1, municipalities: ms, patients: ps,
                         providers: [], units: [], zones: [])
        s.parameters.suppressionThreshold = threshold
        return s
    }

    /// The report of the roster; the roster is not marked synthetic, so it is suppressed by default.
    static func report(_ s: Scenario, _ privacy: AllocationPrivacy? = nil) -> AllocationReport {
        var o = AllocationOptions()
        o.privacy = privacy
        return AllocationCheck.run(scenario: s, options: o)
    }

    static func json(_ r: AllocationReport) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.rendered(.json, lang: .en).utf8)) as? [String: Any])
    }

    static func row(_ doc: [String: Any], _ code: MunicipalityCode) -> [String: Any] {
        (doc["municipalities"] as! [[String: Any]]).first { $0["code"] as? String == code.description }!
    }

    static func need(_ row: [String: Any]) -> [String: Any] { row["need"] as! [String: Any] }

    // MARK: The crafted roster

    func testThreeBelowTargetShownAsRangeAndAreaTotalDoesNotGiveItAway() throws {
        let doc = try Self.json(Self.report(Self.roster()))
        let chiyoda = Self.need(Self.row(doc, Self.chiyoda))
        // 3 patients, all below target: the band 1～9; their 6 batteries and the gap: "x".
        XCTAssertEqual(chiyoda["patients"] as? [String: Int], ["min": 1, "max": 9])
        XCTAssertEqual(chiyoda["below_target"] as? [String: Int], ["min": 1, "max": 9])
        XCTAssertEqual(chiyoda["batteries_needed"] as? String, "x")
        XCTAssertEqual(chiyoda["gap"] as? String, "x")
        // The verdict's word is shown (issue 15 trial: it was "x" for every municipality of a real
        // roster): the standard's 2 generators go to two of the three 2-battery patients, the
        // other 2 batteries meet the standard's 2 batteries: short 0, spare 0, "matches", shown
        // as "suffices" since its difference (short, spare) is withheld with the need.
        XCTAssertEqual(chiyoda["verdict"] as? String, "suffices")
        XCTAssertEqual((Self.row(doc, Self.chiyoda)["cost_to_close_need_gap"] as? [String: Any])?["total_yen"] as? String, "x")
        // The central area is 3 + 12 + 20 = 35 below target. Had Chuo (12) and Minato (20) been
        // shown, 35 - 12 - 20 = 3. Banding the area (30～39) would be undone by Tokyo's 50 - 15;
        // Chuo, the smaller municipality, is shown as its band of ten, 10～19.
        let area = Self.need((doc["areas"] as! [[String: Any]])[0])
        XCTAssertEqual(area["below_target"] as? Int, 35)
        XCTAssertEqual(Self.need(Self.row(doc, Self.chuo))["below_target"] as? [String: Int], ["min": 10, "max": 19])
        XCTAssertEqual(Self.need(Self.row(doc, Self.minato))["below_target"] as? Int, 20)
        // The reader's best: Chiyoda + Chuo = 35 - 20 = 15 with Chiyoda in 1...9 and Chuo in
        // 10...19: Chuo 10 to 14, Chiyoda 1 to 5.
        XCTAssertEqual(Self.feasible(doc, column: "below_target", code: Self.chiyoda), [1, 2, 3, 4, 5])
        // Population, standard and units stay exact: 67,549 -> 2 of each.
        XCTAssertEqual(Self.row(doc, Self.chiyoda)["population"] as? Int, 67_549)
        XCTAssertEqual((Self.row(doc, Self.chiyoda)["standard"] as? [String: Int])?["generator"], 2)
        XCTAssertEqual((Self.row(doc, Self.chiyoda)["cost_to_standard"] as? [String: Any]).flatMap { $0["all"] as? [String: Any] }?["total_yen"] as? Int,
                       2 * 212_000 + 2 * 104_000 + 2 * 41_000)
        // The same cells are hidden in Markdown, CSV and HTML.
        let r = Self.report(Self.roster())
        let md = r.rendered(.md, lang: .en)
        // Nobody holds a generator, so nobody is on one: 0, shown (public numbers give it).
        XCTAssertTrue(md.contains("| 131016 | Chiyoda | 1–9 | 1–9 | x | 0 | 0 | 0 | x | suffices (x) |"), md)
        let csv = r.rendered(.csv, lang: .en).components(separatedBy: "\r\n")
        // Number columns stay numbers: the banded and withheld cells are empty, their text is in
        // the flag columns at the end.
        XCTAssertTrue(csv[0].hasPrefix("\u{FEFF}"), "a byte order mark for Excel")
        XCTAssertTrue(csv[1].hasPrefix("municipality,131016,Chiyoda,Ku-chubu (Central Wards),67549,2023-01-01,2,0,0,0,2,2,2,0,0,0,,,,0,0,,,,suffices,0,"), csv[1])
        XCTAssertTrue(csv[1].hasSuffix(",1 to 9,1 to 9,x,,,x,x,x,,,x,x,x,x"), csv[1])
        XCTAssertTrue(r.rendered(.html, lang: .en).contains("<td class=\"num\">1–9</td>"))
    }

    /// Every published sum (municipalities to their area, areas to Tokyo), every need column,
    /// attacked by subtraction: no hidden cell may come out as one value.
    func testSubtractionAttackOnEveryPublishedSum() throws {
        for minato in [0, 7, 10, 20, 41] {
            for threshold in [3, 5, 10] {
                let s = Self.roster(minato: minato, threshold: threshold)
                try Self.assertNoHiddenCellPinned(Self.json(Self.report(s)), threshold: threshold, "minato \(minato), threshold \(threshold)")
            }
        }
        // A two-ward area, the attack of the issue: 3 and 12 below target, area 15.
        var two = Self.roster(minato: 0)
        two.municipalities.removeAll { $0.code == Self.minato }
        let doc = try Self.json(Self.report(two))
        try Self.assertNoHiddenCellPinned(doc, threshold: 10, "two wards")
        XCTAssertEqual(Self.feasible(doc, column: "below_target", code: Self.chiyoda), [1, 2, 3, 4, 5])
    }

    func testShippedScenarioHasNoCellPinnedBySubtractionAndBlocksAreWhole() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/tokyo-synthetic").path
        guard FileManager.default.fileExists(atPath: folder + "/scenario.json") else { throw XCTSkip("shipped scenario not present") }
        guard case .success(let loaded) = ScenarioLoader.load(folder: folder) else { return XCTFail("shipped scenario does not load") }
        let r = AllocationCheck.run(scenario: loaded.scenario, options: AllocationOptions())
        XCTAssertEqual(r.privacy, .suppressed(threshold: loaded.scenario.parameters.suppressionThreshold), "the library default suppresses")
        let doc = try Self.json(r)
        // Large sums: check the plain attack (one hidden cell in a shown sum) only.
        try Self.assertNoHiddenCellPinned(doc, threshold: 10, "shipped", bruteForce: false)
        let pub = AllocationPublic(r)
        XCTAssertTrue(r.municipalities.contains { pub.needHidden($0) }, "the shipped scenario has small municipalities")
        XCTAssertTrue(r.municipalities.contains { !pub.gapHidden($0) }, "and published gaps")
        for row in r.municipalities + r.areas + [r.total] {
            // Blocks are whole (but for cells public numbers fix); a hidden need hides the gap and
            // the verdict, a hidden verdict word hides its difference.
            func hidden(_ cs: [AllocationPublic.Col]) -> [Bool] { cs.filter { !pub.publicZero(row, $0) }.map { !pub.shown(row, $0).isExact } }
            let need = hidden(AllocationPublic.needBlock), gap = hidden(AllocationPublic.gapBlock)
            let verdict = hidden([.standardShort, .standardSpare]), under = hidden([.municipalitiesUnder])
            for block in [need, gap, verdict] { XCTAssertTrue(block.allSatisfy { $0 } || block.allSatisfy { !$0 }, row.nameEn) }
            if need.contains(true) { XCTAssertTrue(!gap.contains(false) && !verdict.contains(false), row.nameEn) }
            // The verdict's word is shown everywhere (issue 15).
            XCTAssertFalse(under[0], row.nameEn)
            if under[0] { XCTAssertFalse(verdict.contains(false), row.nameEn) }
            // Gap = needed - covered - held batteries when positive: with needed and gap shown and
            // a positive gap, covered follows, so it must be shown too (it is in the gap block).
        }
    }

    // MARK: Exact mode and headers

    func testExactReproducesTheRowsNumbers() throws {
        for s in [Self.roster(), AllocationTests.scenario()] {
            let r = Self.report(s, .exact)
            let doc = try Self.json(r)
            for (m, row) in zip(doc["municipalities"] as! [[String: Any]], r.municipalities) {
                let n = Self.need(m), f = row.need!
                XCTAssertEqual(n["patients"] as? Int, f.patients)
                XCTAssertEqual(n["below_target"] as? Int, f.belowTarget)
                XCTAssertEqual(n["batteries_needed"] as? Int, f.batteriesNeeded)
                XCTAssertEqual(n["patients_on_held_generators"] as? Int, f.patientsOnHeldGenerators)
                XCTAssertEqual(n["covered_by_held_generators"] as? Int, f.coveredByHeldGenerators)
                XCTAssertEqual(n["gap"] as? Int, f.gap)
                XCTAssertEqual(n["standard_short"] as? Int, f.standardShort)
                XCTAssertEqual(n["standard_spare"] as? Int, f.standardSpare)
                XCTAssertEqual(n["verdict"] as? String, f.verdict?.rawValue)
                XCTAssertEqual((m["cost_to_close_need_gap"] as? [String: Int])?["municipal_yen"], row.costNeed?.municipal)
            }
            // The ranking is the report's ranking: every municipality, numbered.
            let ranking = doc["ranking"] as! [[String: Any]]
            XCTAssertEqual(ranking.map { $0["code"] as? String }, r.ranking.map { $0.code?.description })
            XCTAssertEqual(ranking.map { $0["rank"] as? Int }, Array(1...r.ranking.count))
            // Nothing hidden in any format.
            XCTAssertFalse(r.rendered(.md, lang: .en).contains("1–9"))
            XCTAssertFalse(r.rendered(.csv, lang: .en).contains(",x,"))
        }
        // The hand-worked Chiyoda (4 below target, 7 batteries, gap 4) as in AllocationTests.
        let md = Self.report(AllocationTests.scenario(), .exact).rendered(.md, lang: .en)
        XCTAssertTrue(md.contains("| 131016 | Chiyoda | 5 | 4 | 7 | 1 | 2 | 1 | 4 |"), md)
    }

    func testEveryOutputStatesTheModeInItsHeader() throws {
        let cases: [(AllocationReport, Bool)] = [
            (Self.report(Self.roster()), false), (Self.report(Self.roster(), .exact), true),
            (AllocationCheck.run(municipalities: Self.roster().municipalities, patients: nil, held: [:], options: AllocationOptions()), false),
        ]
        for (r, exact) in cases {
            for lang in Language.allCases {
                let md = r.rendered(.md, lang: lang)
                let mode = AllocationTables.privacy(r, lang)
                // Markdown and HTML: a parameter line before the first table; exact: the title too.
                XCTAssertLessThan(md.range(of: TextTable.escapeText(mode))!.lowerBound, md.range(of: "| ")!.lowerBound)
                XCTAssertEqual(md.hasPrefix("# " + (lang == .ja ? "【取扱注意" : "RESTRICTED")), exact, md.prefix(80).description)
                XCTAssertTrue(r.rendered(.html, lang: lang).contains(lang == .ja ? "秘匿" : "Privacy"))
                XCTAssertEqual(r.rendered(.html, lang: lang).contains(lang == .ja ? "取扱注意" : "RESTRICTED"), exact)
                // CSV: the mode on every row, in the last column.
                let lines = r.rendered(.csv, lang: lang).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                let short = AllocationTables.privacyShort(r, lang)
                for l in lines.dropFirst() { XCTAssertTrue(l.contains("," + short + ","), l) }
                XCTAssertTrue(lines[0].contains(lang == .ja ? ",秘匿処理," : ",Privacy,"))
                // JSON: the privacy object right after the title.
                let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.rendered(.json, lang: lang).utf8)) as? [String: Any])
                let p = try XCTUnwrap(doc["privacy"] as? [String: Any])
                XCTAssertEqual(p["mode"] as? String, exact ? "exact" : "suppressed")
                XCTAssertEqual(p["restricted"] as? Bool, exact)
                XCTAssertEqual(p["threshold"] as? Int, exact ? nil : 10)
                XCTAssertEqual(doc["schema"] as? Int, 3)
            }
        }
        XCTAssertTrue(AllocationTables.privacy(cases[1].0, .en).contains("RESTRICTED"))
    }

    func testThresholdFromScenarioOrOption() throws {
        // Threshold 3: Chiyoda's 3 is not small; counts 1-2 would be "1–2".
        let three = try Self.json(Self.report(Self.roster(threshold: 3)))
        XCTAssertEqual(Self.need(Self.row(three, Self.chiyoda))["below_target"] as? Int, 3)
        XCTAssertEqual((three["privacy"] as? [String: Any])?["range_text"] as? String, "1–2")
        // Threshold 20 from the option (overrides the scenario's 10): Chuo's 12 and Hinohara's 15 are bands too.
        let twenty = try Self.json(Self.report(Self.roster(), .suppressed(threshold: 20)))
        XCTAssertEqual(Self.need(Self.row(twenty, Self.chuo))["below_target"] as? [String: Int], ["min": 1, "max": 19])
        XCTAssertEqual(Self.need(Self.row(twenty, Self.hinohara))["below_target"] as? [String: Int], ["min": 1, "max": 19])
        // A synthetic roster is not suppressed unless asked (the command resolves the default).
        let open = try Self.json(Self.report(Self.roster(), .syntheticData))
        XCTAssertEqual(Self.need(Self.row(open, Self.chiyoda))["below_target"] as? Int, 3)
        XCTAssertEqual((open["privacy"] as? [String: Any])?["mode"] as? String, "synthetic")
    }

    func testRankingDoesNotLeakHiddenGapsThroughOrder() throws {
        // Minato 41: gaps Chiyoda 6 (hidden), Chuo 24 (hidden with its banded need), Minato 82, Hinohara 30.
        let r = Self.report(Self.roster(minato: 41))
        let doc = try Self.json(r)
        let ranking = doc["ranking"] as! [[String: Any]]
        let ranked = ranking.filter { $0["rank"] is Int }
        let unranked = ranking.filter { $0["rank"] is NSNull }
        // Ranked: only published gaps, largest first; the rest follow in code order, gap "x".
        XCTAssertEqual(ranked.map { $0["need_gap"] as? Int }, ranked.map { $0["need_gap"] as? Int }.sorted { ($0 ?? 0) > ($1 ?? 0) })
        XCTAssertTrue(ranked.allSatisfy { $0["need_gap"] is Int })
        XCTAssertTrue(unranked.allSatisfy { $0["need_gap"] as? String == "x" })
        let codes = unranked.map { $0["code"] as! String }
        XCTAssertEqual(codes, codes.sorted())
        XCTAssertTrue(codes.contains(Self.chiyoda.description))
        XCTAssertEqual(ranking.count, 4)
        // The Markdown ranking shows "-" for the unranked.
        let md = r.rendered(.md, lang: .en)
        XCTAssertTrue(md.contains("| - | 131016 | Chiyoda | x | 1–9 | x | 2 | suffices | x |"), md)
    }

    func testPrivacyLabelsHaveBothLanguages() {
        for (k, v) in AllocationLabels.table { for l in Language.allCases { XCTAssertFalse((v[l] ?? "").isEmpty, k) } }
        for k in AllocationLabels.table.keys { XCTAssertNil(Labels.table[k], "\(k) shadows a shared label") }
    }

    // MARK: The attacker

    static let countColumns: Set<String> = ["patients", "below_target", "patients_on_held_generators"]
    static let columns = ["patients", "below_target", "batteries_needed", "patients_on_held_generators", "covered_by_held_generators", "gap",
                          "standard_short", "standard_spare", "municipalities_under"]

    /// A published cell as the reader sees it: a number, or the values it may hide.
    enum Seen { case value(Int), hidden(count: Bool, range: ClosedRange<Int>?) }

    static func seen(_ row: [String: Any], _ column: String) -> Seen? {
        guard let need = row["need"] as? [String: Any] else { return nil }
        var v: Any? = need[column]
        // A municipality row gives its verdict: under-provides is 1 municipality under.
        if column == "municipalities_under", row["level"] as? String == "municipality" {
            guard let verdict = need["verdict"] as? String else { return nil }
            v = verdict == "x" ? "x" : (verdict == "under" ? 1 : 0)
            if verdict == "x" { return .hidden(count: false, range: 0...1) }
        }
        if let band = v as? [String: Int], let lo = band["min"], let hi = band["max"] { return .hidden(count: true, range: lo...hi) }
        // No held generator: nobody is on one, by public numbers.
        if column == "patients_on_held_generators" || column == "covered_by_held_generators",
           (row["held"] as? [String: Int])?["generator"] == 0 { return .value(0) }
        if let n = v as? Int { return .value(n) }
        // "x": withheld, any value (counts are banded, never "x", in these rosters).
        return .hidden(count: false, range: nil)
    }

    /// Values a hidden cell may take, up to `cap`.
    static func domain(_ s: Seen, threshold: Int, cap: Int) -> [Int] {
        switch s {
        case .value(let v): return [v]
        case .hidden(_, let r?): return Array(r.clamped(to: 0...max(0, cap)))
        case .hidden(true, nil): return [0] + (threshold <= cap ? Array(threshold...cap) : [])
        case .hidden(false, nil): return Array(0...max(0, cap))
        }
    }

    /// The equations: each area and its municipalities, Tokyo and the areas.
    static func equations(_ doc: [String: Any]) -> [([String: Any], [[String: Any]])] {
        let ms = doc["municipalities"] as! [[String: Any]]
        let areas = doc["areas"] as! [[String: Any]]
        var out = areas.map { a in (a, ms.filter { $0["area_ja"] as? String == a["name_ja"] as? String }) }
        out.append((doc["total"] as! [String: Any], areas))
        return out
    }

    /// The values Chiyoda's `column` may take, from its area's equation.
    static func feasible(_ doc: [String: Any], column: String, code: MunicipalityCode) -> [Int] {
        for (total, members) in equations(doc) {
            guard let k = members.firstIndex(where: { $0["code"] as? String == code.description }) else { continue }
            return solve(total, members, column, threshold: 10)[k]
        }
        return []
    }

    /// For each member, the values it may take given the total and the other members.
    static func solve(_ total: [String: Any], _ members: [[String: Any]], _ column: String, threshold: Int) -> [[Int]] {
        guard case .value(let t)? = seen(total, column) else { return members.map { _ in [] } }
        let doms = members.map { domain(seen($0, column)!, threshold: threshold, cap: t) }
        return doms.indices.map { k in
            // Sums the others can make, up to t.
            var sums = Set([0])
            for (j, d) in doms.enumerated() where j != k {
                var next = Set<Int>()
                for s in sums { for v in d where s + v <= t { next.insert(s + v) } }
                sums = next
            }
            return doms[k].filter { sums.contains(t - $0) }
        }
    }

    static func assertNoHiddenCellPinned(_ doc: [String: Any], threshold: Int, _ label: String, bruteForce: Bool = true,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        for column in columns {
            for (total, members) in equations(doc) {
                guard let totalSeen = seen(total, column) else { continue }
                let seens = members.map { seen($0, column)! }
                let hiddenMembers = seens.indices.filter { if case .hidden = seens[$0] { return true }; return false }
                guard case .value = totalSeen else {
                    // A hidden total with every member shown is their sum.
                    XCTAssertFalse(hiddenMembers.isEmpty, "\(label): \(column) total of \(total["name_en"] ?? "") pinned", file: file, line: line)
                    continue
                }
                if hiddenMembers.count == 1 {
                    XCTFail("\(label): \(column) of \(members[hiddenMembers[0]]["name_en"] ?? "") is the total minus the rest", file: file, line: line)
                }
                guard bruteForce else { continue }
                let sol = solve(total, members, column, threshold: threshold)
                for k in hiddenMembers {
                    XCTAssertGreaterThan(sol[k].count, 1, "\(label): \(column) of \(members[k]["name_en"] ?? "") pinned to \(sol[k])", file: file, line: line)
                }
            }
        }
    }
}
