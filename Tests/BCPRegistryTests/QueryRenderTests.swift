import Foundation
import XCTest
@testable import BCPRegistry

final class QueryRenderTests: XCTestCase {
    let registry = try! Registry.load()

    func ids(_ q: RegistryQuery) -> [String] { registry.query(q).map(\.id) }

    func testFilters() {
        // New programs (002:28, 002:85) and continuing ones with a new menu: 在宅療養患者家族支援事業 (002:18, 128),
        // 防犯機器等導入支援 (002:246); FY2018 病院内理解促進研修 (004:66).
        XCTAssertEqual(ids(RegistryQuery(fiscalYear: 2025, newOnly: true)),
                       ["municipal-home-care-promotion-fy2025", "disaster-home-care-bcp-fy2025", "acp-practice-capacity-fy2025", "home-care-harassment-fy2025"])
        XCTAssertTrue(ids(RegistryQuery(fiscalYear: 2018, newOnly: true)).contains("home-care-training-fy2018"))
        XCTAssertEqual(registry.program(id: "home-care-harassment-fy2025")?.newMenus.map(\.nameJa.value), ["防犯機器等導入支援"])
        XCTAssertEqual(ids(RegistryQuery(search: "VENTILATOR")), ["ventilator-support-fy2024", "ventilator-support-fy2025"])
        XCTAssertEqual(ids(RegistryQuery(search: "人工呼吸器")), ["ventilator-support-fy2024", "ventilator-support-fy2025"])
        XCTAssertEqual(ids(RegistryQuery(search: "acp推進事業")), ["acp-promotion-fy2024", "acp-promotion-fy2025"]) // ＡＣＰ (000) and ACP (002)
        XCTAssertEqual(ids(RegistryQuery(fiscalYear: 2024, effort: 3)), ["home-care-training-fy2024", "admission-discharge-coordination-fy2024"])
        XCTAssertTrue(ids(RegistryQuery(search: "no such program")).isEmpty)
        XCTAssertEqual(registry.query(RegistryQuery()).count, registry.programs.count)
    }

    func testHistory() {
        let years = { (s: String) in self.registry.history(nameOrId: s).map(\.fiscalYear.value) }
        // FY2018 has two records: 在宅療養研修事業 (004:62, 10,115) and the liaison council budgeted on its own
        // (004:24, 12,083), a menu of 在宅療養研修事業 in FY2025 (002:34, 11,209 for both).
        XCTAssertEqual(years("home-care-training-fy2025"), [2011, 2018, 2018, 2024, 2025])
        XCTAssertEqual(years("在宅療養研修事業"), [2011, 2018, 2018, 2024, 2025])
        XCTAssertEqual(years("home-care-training"), [2011, 2018, 2018, 2024, 2025])
        XCTAssertEqual(years("多職種連携連絡会"), [2011, 2018, 2018, 2024, 2025])
        let fy2018 = registry.history(nameOrId: "home-care-training").filter { $0.fiscalYear.value == 2018 }
        XCTAssertEqual(fy2018.compactMap(\.budgetThousandYen?.value).reduce(0, +), 22_198) // 10,115 + 12,083
        XCTAssertTrue(registry.program(id: "home-care-training-fy2025")?.notes.contains { $0.contains("22,198") } ?? false)
        // Pediatric menu and subcommittee: FY2024 from 000:181 (8区市町村) and 000:153-154 (2回).
        XCTAssertEqual(years("小児等在宅医療推進事業"), [2018, 2024, 2025])
        XCTAssertEqual(years("小児等在宅医療推進部会"), [2024, 2025])
        XCTAssertEqual(registry.program(id: "pediatric-home-care-promotion-fy2024")?.fy2024Result.first?.quantity?.value, "8区市町村")
        XCTAssertEqual(registry.program(id: "pediatric-home-care-council-fy2024")?.fy2024Plan.first?.quantity?.value, "2回")
        XCTAssertEqual(registry.program(id: "pediatric-home-care-council-fy2024")?.fy2024Result, [])
        // The FY2011 在宅療養環境整備支援事業 shares the name only; its note names the successor by content.
        XCTAssertEqual(years("在宅療養環境整備支援事業"), [2011, 2018, 2024, 2025])
        XCTAssertTrue(registry.program(id: "home-care-environment-support-fy2011")?.notes.contains { $0.contains("区市町村在宅療養推進事業") } ?? false)
        XCTAssertEqual(years("Admission and discharge coordination"), [2018, 2024, 2025])
        XCTAssertTrue(years("zzz").isEmpty)
        let text = RegistryRenderer.history(registry.history(nameOrId: "home-care-training"), lang: .en)
        XCTAssertTrue(text.contains("| FY2011 | home-care-training-fy2011 |"))
        XCTAssertTrue(text.contains("| 7240 |"))
    }

    func testEnglishRenderings() {
        // 002:59 〈補助率：1/2または3/4〉 renders in English in list and history.
        let ad = registry.history(nameOrId: "admission-discharge-coordination")
        let en = RegistryRenderer.markdown(ad, lang: .en) + RegistryRenderer.history(ad, lang: .en)
        XCTAssertFalse(en.contains("または"), en)
        XCTAssertTrue(en.contains("Admission/discharge support staff (personnel cost subsidy): 1/2 or 3/4"), en)
        XCTAssertTrue(RegistryRenderer.markdown(ad, lang: .ja).contains("入退院時連携支援事業: 1/2または3/4"))
        // Names and summaries (000:207-208 在宅介護, 000:310-312 訪問看護, 002:72 中小病院, 003:66 医療連携強化研修事業,
        // 普及 in 003:16 and 000:102, 004:83, 001:233, 003:196-198 医療と介護).
        let name = { (id: String) in self.registry.program(id: id)?.nameEn ?? "" }
        let summary = { (id: String) in self.registry.program(id: id)?.summaryEn ?? "" }
        XCTAssertTrue(name("home-care-collaboration-subcommittee-fy2024").contains("long-term care at home"))
        XCTAssertTrue(summary("certified-visiting-nurse-fy2024").contains("visiting nursing"))
        XCTAssertFalse(summary("certified-visiting-nurse-fy2024").contains("home visiting"))
        XCTAssertTrue(summary("home-care-entry-promotion-fy2025").contains("small and medium-sized hospitals"))
        XCTAssertTrue(name("medical-cooperation-training-fy2011").localizedCaseInsensitiveContains("strengthen"))
        XCTAssertTrue(name("home-care-council-fy2011").contains("dissemination"))
        XCTAssertTrue(name("home-care-council-fy2024").contains("dissemination"))
        XCTAssertEqual(name("end-of-life-care-support-fy2018"), "Support for end-of-life care where people live")
        XCTAssertTrue(summary("home-care-environment-support-fy2011").contains("long-term care"))
        XCTAssertTrue(registry.data.indicators[9].nameEn.contains("only certified the death"))
    }

    /// A small RFC 4180 reader, to check the writer round-trips.
    func parseCSV(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" { if it.first == "\"" { field.unicodeScalars.append(it.removeFirst()) } else { quoted = false } }
                else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r", it.first == "\n" { it.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    func testCSV() {
        let ps = registry.programs
        let plain = RegistryRenderer.csv(ps, lang: .ja)
        let bom = RegistryRenderer.csv(ps, lang: .ja, bom: true)
        XCTAssertFalse(plain.hasPrefix("\u{FEFF}"))
        XCTAssertEqual(bom, "\u{FEFF}" + plain)
        XCTAssertEqual(Array(bom.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(plain.hasSuffix("\r\n"))
        XCTAssertEqual(plain.components(separatedBy: "\r\n").count, ps.count + 2)
        let rows = parseCSV(RegistryRenderer.csv(ps, lang: .en))
        XCTAssertEqual(rows.count, ps.count + 1)
        XCTAssertTrue(rows.allSatisfy { $0.count == 8 })
        XCTAssertEqual(rows[0][2], "Program")
        let d = rows.first { $0[0] == "disaster-home-care-bcp-fy2025" }
        XCTAssertEqual(d?[3], "18729")
        XCTAssertEqual(d?[5], "new")
        XCTAssertEqual(rows.first { $0[0] == "municipal-home-care-promotion-fy2025" }?[5], "new menu: Support for families of home-care patients")
        XCTAssertEqual(d?[7], "002_0f0e66cbedaeb88e.txt:28")
        // A name with a comma survives quoting.
        XCTAssertTrue(rows.contains { $0[2] == "Building medical and care workers' ACP practice capacity (university proposal)" })
    }

    func testMarkdownAndJSON() {
        let ps = registry.query(RegistryQuery(fiscalYear: 2025))
        let md = RegistryRenderer.markdown(ps, lang: .ja)
        XCTAssertEqual(md.split(separator: "\n").count, ps.count + 2)
        XCTAssertTrue(md.hasPrefix("| ID | 年度 | 事業名 |"))
        XCTAssertTrue(md.contains("| disaster-home-care-bcp-fy2025 | 令和7年度 | 災害時在宅医療提供体制強化事業 | 18729 |"))
        XCTAssertTrue(md.contains("| 新規メニュー：防犯機器等導入支援 |"), md)
        let json = RegistryRenderer.json(ps)
        XCTAssertEqual(json, RegistryRenderer.json(ps))
        let back = try? JSONDecoder().decode([Program].self, from: Data(json.utf8))
        XCTAssertEqual(back, ps)
        guard let b = json.range(of: "\"budgetThousandYen\""), let n = json.range(of: "\"nameJa\"") else { return XCTFail() }
        XCTAssertLessThan(b.lowerBound, n.lowerBound, "keys sorted")
    }

    /// `show` lists every source line the record cites, each after a labelled, readable value.
    func testShowListsEveryCitedLine() throws {
        for id in ["disaster-home-care-bcp-fy2025", "home-care-environment-support-fy2011", "home-care-training-fy2024"] {
            guard let p = registry.program(id: id) else { return XCTFail(id) }
            let text = RegistryRenderer.show(p, lang: .en)
            for (file, line, end) in try citedRanges(p) {
                let label = end == line ? "\(file):\(line)" : "\(file):\(line)-\(end)"
                XCTAssertTrue(text.contains("[" + label + "]"), "\(id): \(label) not shown")
            }
            XCTAssertEqual(text, RegistryRenderer.show(p, lang: .en))
            XCTAssertFalse(text.contains("subsidyRates[") || text.contains("nameJa:"), "no raw JSON path")
        }
        let d = RegistryRenderer.show(registry.program(id: "disaster-home-care-bcp-fy2025")!, lang: .ja)
        // 18,729 thousand yen as printed on 002 line 28; the period ends in FY2027 (line 169).
        XCTAssertTrue(d.contains("予算額: 18,729千円  [002_0f0e66cbedaeb88e.txt:28]"), d)
        XCTAssertTrue(d.contains("期間（まで）: 2027年度  [002_0f0e66cbedaeb88e.txt:169]"), d)
        XCTAssertTrue(d.hasPrefix("# 災害時在宅医療提供体制強化事業 (disaster-home-care-bcp-fy2025)"))
    }

    /// Every cited range (file, first line, last line) of a record.
    func citedRanges(_ p: Program) throws -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = []
        func walk(_ n: Node) {
            switch n {
            case .array(let a): a.forEach(walk)
            case .object(let o):
                if case .object(let s)? = o["source"], let f = s["file"]?.string, let l = s["line"]?.string.flatMap({ Int($0) }) {
                    out.append((f, l, s["endLine"]?.string.flatMap { Int($0) } ?? l))
                }
                o.values.forEach(walk)
            default: break
            }
        }
        walk(try JSONDecoder().decode(Node.self, from: JSONEncoder().encode(p)))
        return out
    }

    func testRemedyLinks() throws {
        // Every kind has funding programs or the statement that none funds it, never both.
        for kind in ShortfallKind.allCases {
            let f = RemedyLinks.funding(for: kind)
            XCTAssertNotEqual(f.links.isEmpty, f.unfunded == nil, kind.rawValue)
            XCTAssertEqual(f.links, RemedyLinks.links(for: kind))
        }
        for link in RemedyLinks.all + RemedyLinks.historical {
            guard let p = registry.program(id: link.programId) else { XCTFail("\(link.programId) missing"); continue }
            var rates = p.subsidyRates, amounts = p.baseAmounts.map(\.value)
            if let m = link.menuJa {
                guard let menu = p.menus.first(where: { $0.nameJa.value == m }) else { XCTFail("\(link.programId): no menu \(m)"); continue }
                rates += menu.subsidyRates; amounts += menu.baseAmounts.map(\.value)
            }
            XCTAssertEqual(Set(link.rates).subtracting(rates.map(\.value)), [], "\(link.kind) → \(link.programId) rates")
            if link.rates.count == 2 { // phased: 10/10 in years 1-3, then 1/2, as the record has them
                XCTAssertEqual(link.rates, ["first3Years", "fromYear4"].compactMap { ph in rates.first { $0.phase == ph }?.value }, link.programId)
            }
            if let a = link.baseAmountThousandYen { XCTAssertTrue(amounts.contains(a), "\(link.programId) amount") }
            // A link rests on the program's own printed text: each evidence line is a line its record cites.
            XCTAssertFalse(link.evidence.isEmpty, "\(link.kind) → \(link.programId) has no evidence")
            let ranges = try citedRanges(p)
            for e in link.evidence {
                let (l, end) = (e.source.line, e.source.endLine ?? e.source.line)
                XCTAssertTrue(ranges.contains { $0.0 == e.source.file && $0.1 <= end && l <= $0.2 },
                              "\(link.kind) → \(link.programId): \(e.source.label) is not text of that record")
            }
        }
        func programs(_ k: ShortfallKind) -> [String] { RemedyLinks.links(for: k).map { $0.programId + ($0.menuJa.map { " / " + $0 } ?? "") } }
        XCTAssertEqual(programs(.noPowerUnit), ["ventilator-support-fy2025"]) // 002:26
        XCTAssertEqual(programs(.noBackupBed), ["municipal-home-care-promotion-fy2025 / 切れ目のない在宅医療提供体制の構築や医療・介護関係者等への情報共有に対する支援"]) // 002:16
        XCTAssertEqual(programs(.providerWithoutBCP), ["disaster-home-care-bcp-fy2025 / 訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催"]) // 002:158, 163
        XCTAssertEqual(programs(.noRegionalBCP), ["disaster-home-care-bcp-fy2025 / 連携型BCP・地域BCP策定に向けたモデル事業実施"]) // 002:164
        // 在宅療養研修事業 (002:33-35: liaison council, leaders, hospital and mutual training, symposium) has no
        // disaster content, so only the disaster seminars (002:163) are linked.
        XCTAssertEqual(programs(.staffNotTrained), ["disaster-home-care-bcp-fy2025 / 訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催"])
        // 002:13 病院救急車等を活用した搬送体制の確保 moves patients: the transport lever, not delivery of power units.
        XCTAssertEqual(programs(.noTransport), ["municipal-home-care-promotion-fy2025 / 在宅医療と介護の提供体制の充実に向けた先駆的な取組への支援"])
        XCTAssertEqual(RemedyLinks.links(for: .noTransport).first?.evidence.first?.source.label, "002_0f0e66cbedaeb88e.txt:13")
        // No document funds contacting patients or delivery teams: a statement, no link. The closest text is the
        // skeleton's individual disaster plans for ventilator users (001:71-74), not a budget line.
        XCTAssertEqual(RemedyLinks.unfunded.map(\.kind), [.noContact, .noDeliveryTeam])
        XCTAssertTrue(programs(.noContact).isEmpty)
        XCTAssertTrue(programs(.noDeliveryTeam).isEmpty)
        XCTAssertEqual(RemedyLinks.unfunded(for: .noContact)?.closest.map(\.source.label), ["001_34d4023f9fa2167b.txt:71-74"])
        XCTAssertEqual(RemedyLinks.unfunded(for: .noDeliveryTeam)?.text(.en).hasSuffix("(source: 001_34d4023f9fa2167b.txt:71-74; 002_0f0e66cbedaeb88e.txt:26)"), true)
        XCTAssertEqual(RemedyLinks.unfunded(for: .noContact)?.text(.ja).hasSuffix("（出典: 001_34d4023f9fa2167b.txt:71-74）"), true)
        XCTAssertFalse(RemedyLinks.all.contains { $0.reasonJa.contains("安否確認の経路") }, "no document says so")
        // Current links are FY2025 programs; the FY2011 backup-bed menu is history only, with the FY2011 reading
        // of 003:220 and 003:138: 10/10 for the first three years, then 1/2, base 5,580 (003:134).
        XCTAssertTrue(RemedyLinks.all.allSatisfy { registry.program(id: $0.programId)?.fiscalYear.value == 2025 })
        XCTAssertEqual(RemedyLinks.historical.map(\.programId), ["home-care-environment-support-fy2011"])
        XCTAssertEqual(RemedyLinks.historical.first?.rates, ["10/10", "1/2"])
        XCTAssertEqual(RemedyLinks.historical.first?.baseAmountThousandYen, 5_580)
    }

    func testBadDataThrows() {
        XCTAssertThrowsError(try Registry.decode(Data("{}".utf8)))
        XCTAssertThrowsError(try Registry.decode(Data("not json".utf8)))
        XCTAssertThrowsError(try Registry.load(from: URL(fileURLWithPath: "/nonexistent/registry.json"))) { e in
            guard case RegistryError.unreadable? = e as? RegistryError else { return XCTFail("\(e)") }
        }
        // The real file with one id duplicated must be refused.
        guard var text = try? String(contentsOf: CitationTests.registryURL, encoding: .utf8) else { return XCTFail() }
        text = text.replacingOccurrences(of: "\"id\": \"ventilator-support-fy2024\"", with: "\"id\": \"ventilator-support-fy2025\"")
        XCTAssertThrowsError(try Registry.decode(Data(text.utf8))) { e in
            XCTAssertEqual(e as? RegistryError, .invalid("duplicate id ventilator-support-fy2025"))
        }
    }
}
