import XCTest
@testable import BCPRegistry

/// Hand-picked values, each read from the document line named in the comment.
final class SpotCheckTests: XCTestCase {
    let registry = try! Registry.load()

    func p(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> Program {
        guard let p = registry.program(id: id) else { XCTFail("missing \(id)", file: file, line: line); fatalError() }
        return p
    }

    func testRecordCounts() {
        XCTAssertEqual(registry.programs.count, 58)
        let byYear = Dictionary(grouping: registry.programs, by: \.fiscalYear.value).mapValues(\.count)
        // FY2024: 21 program rows of 000, plus the pediatric menu (000:181) and subcommittee (000:153) on their own.
        XCTAssertEqual(byYear, [2011: 6, 2018: 12, 2024: 23, 2025: 17])
        XCTAssertEqual(registry.fiscalYears, [2011, 2018, 2024, 2025])
        XCTAssertEqual(registry.data.efforts.count, 5)
        XCTAssertEqual(registry.data.indicators.map(\.effortMarkCount), [3, 3, 3, 3, 3, 3, 1, 1, 1, 1]) // 001:213-233
        XCTAssertTrue(registry.data.indicators.allSatisfy { $0.baseline == nil && $0.target == nil }) // 001:241 targets not yet set
    }

    func testDisasterBCPProgramFY2025() {
        let d = p("disaster-home-care-bcp-fy2025")
        XCTAssertEqual(d.budgetThousandYen?.value, 18_729)          // 002:28 【18,729千円】
        XCTAssertEqual(d.isNew?.value, true)                         // 002:28 <新規>
        XCTAssertEqual(d.period?.from.value, 2025)                   // 002:169 令和7年度～令和9年度
        XCTAssertEqual(d.period?.to.value, 2027)
        XCTAssertEqual(d.implementation?.value, "委託により実施")      // 002:174
        XCTAssertEqual(d.details.filter { $0.value.contains("BCP：") }.count, 3) // 002:178-180 three tiers
    }

    func testVentilatorProgram() {
        let v = p("ventilator-support-fy2025")
        XCTAssertEqual(v.benefitStandard?.residentsPerUnit.value, 25_000) // 002:26 人口25,000人当たり
        XCTAssertEqual(v.benefitStandard?.unitsPerItem.value, 1)          // 002:26 各補助対象品目1台
        XCTAssertEqual(v.benefitStandard?.items.value, "自家発電装置等")
        XCTAssertEqual(v.subsidyRates.map(\.value), ["1/2"])             // 002:25 〈補助率：1/2〉
        XCTAssertEqual(p("ventilator-support-fy2024").fy2024Result.first?.quantity?.value, "18区市") // 000:134
    }

    func testMunicipalPromotionRatesAndFamilyMenu() {
        let m = p("municipal-home-care-promotion-fy2025")
        XCTAssertEqual(m.budgetThousandYen?.value, 252_777)                       // 002:9
        XCTAssertEqual(m.subsidyRates.map { "\($0.value)@\($0.phase ?? "")" }, ["10/10@first3Years", "1/2@fromYear4"]) // 002:10
        let family = m.menus.first { $0.nameJa.value == "在宅療養患者家族支援事業" }
        XCTAssertEqual(family?.isNew?.value, true)                                 // 002:128 【新規】
        XCTAssertEqual(family?.baseAmounts.map(\.value), [10_000])                 // 002:139 1事業あたり 10,000千円
        XCTAssertEqual(p("municipal-home-care-promotion-fy2018").budgetThousandYen?.value, 620_000) // 004:7
        XCTAssertEqual(p("municipal-home-care-promotion-fy2024").fy2024Plan.first?.quantity?.value, "62区市町村") // 000:187
    }

    func testFY2024MunicipalResultsDoNotClaimTheEnvironmentSupportResult() {
        // 000:171 ３８区市町村（重複を除く） heads the result cell that lists both programs: 000:173-174
        // 区市町村在宅療養推進事業 ３４区市町村 and 000:184-185 在宅療養環境整備支援事業 ２３区市.
        let m = p("municipal-home-care-promotion-fy2024").fy2024Result
        XCTAssertEqual(m.map { $0.quantity?.value ?? "" }, ["34区市町村", "12区市町村", "26区市町村", "8区市町村", "38区市町村（重複を除く）"])
        XCTAssertFalse(m.contains { $0.item.value == "在宅療養環境整備支援事業" }, "38 is the total of both programs, not environment support's result")
        XCTAssertEqual(m.last?.item.inferred, true)
        let env = p("home-care-environment-support-fy2024").fy2024Result
        XCTAssertEqual(env.map { $0.quantity?.value ?? "" }, ["23区市"]) // 000:185
        // Union 38 = 34 + 23 - overlap, so 19 municipalities do both (the note says so).
        XCTAssertEqual(34 + 23 - 38, 19)
        XCTAssertTrue(m.last?.note?.contains("19 do both") ?? false)
    }

    func testFY2011Amounts() {
        XCTAssertEqual(p("home-care-council-fy2011").budgetThousandYen?.value, 5_458)            // 003:16 ５，４５８千円
        XCTAssertEqual(p("municipal-comprehensive-subsidy-fy2011").budgetThousandYen?.value, 2_500_000) // 003:26 ２５億円
        XCTAssertEqual(p("home-care-training-fy2011").budgetThousandYen?.value, 7_240)           // 003:60
        XCTAssertEqual(p("medical-cooperation-training-fy2011").budgetThousandYen?.value, 9_828) // 003:66
        XCTAssertEqual(p("home-care-support-staff-training-fy2011").budgetThousandYen?.value, 24_228) // 003:78
        let env = p("home-care-environment-support-fy2011")
        XCTAssertEqual(env.menus.map { $0.baseAmounts.first?.value ?? 0 }, [10_000, 5_580, 3_600, 10_000]) // 003:114,134,154,216
        XCTAssertEqual(env.subsidyRates.map(\.value), ["10/10", "1/2"]) // 003:220 先駆, 003:118 選択
    }

    func testLaterBudgetsAndFY2024Figures() {
        XCTAssertEqual(p("admission-discharge-coordination-fy2018").budgetThousandYen?.value, 210_089) // 004:51
        let ad = p("admission-discharge-coordination-fy2025")
        XCTAssertEqual(ad.budgetThousandYen?.value, 144_948)                                     // 002:54
        XCTAssertEqual(ad.allSubsidyRates.map(\.value), ["1/2または3/4"])                         // 002:59
        XCTAssertEqual(ad.menus.last?.recipients.map(\.value), ["200床未満の病院"])                // 002:61
        let h = p("home-care-harassment-fy2025")
        XCTAssertEqual(h.allBaseAmounts.map { "\($0.kind):\($0.value)" }, ["ceiling:100"])         // 002:253
        XCTAssertEqual(p("home-care-enhancement-fy2024").fy2024Plan.first?.quantity?.value, "31地区医師会")   // 000:49
        XCTAssertEqual(p("home-care-enhancement-fy2024").fy2024Result.first?.quantity?.value, "32地区医師会") // 000:60
        XCTAssertEqual(p("visiting-nurse-recruitment-fy2024").fy2024Result.first?.attendance?.value, 103)     // 000:28
        XCTAssertEqual(p("admission-discharge-coordination-fy2024").fy2024Result.map { $0.attendance?.value ?? 0 }, [559, 42, 56, 0]) // 000:549-558
    }

    func testInferredYearOf004() {
        guard let doc = registry.data.documents.first(where: { $0.file.hasPrefix("004") }) else { return XCTFail() }
        XCTAssertEqual(doc.fiscalYear.value, 2018)
        XCTAssertEqual(doc.fiscalYear.inferred, true)
        XCTAssertFalse(doc.fiscalYear.note?.isEmpty ?? true)
        XCTAssertTrue(registry.programs.filter { $0.file.hasPrefix("004") }.allSatisfy { $0.fiscalYear.inferred == true })
    }

    func testInferredYearOf001IsWhenTheSkeletonWasDrafted() {
        // 001 prints no year: 001:239 names 福祉局 (created July 2023) and the 9th elderly plan (FY2024-26) still
        // to be drawn up; 000:106 the plan it is the skeleton of was revised in March 2024. 令和11年度 (001:241) is
        // the plan's horizon, not the document's year.
        guard let doc = registry.data.documents.first(where: { $0.file.hasPrefix("001") }) else { return XCTFail() }
        XCTAssertEqual(doc.fiscalYear.value, 2023)
        XCTAssertEqual(doc.fiscalYear.era, "令和5年度")
        XCTAssertEqual(doc.fiscalYear.inferred, true)
        XCTAssertEqual(doc.fiscalYear.source.line, 239)
        XCTAssertEqual(Set(doc.yearEvidence.map(\.source.label)),
                       ["001_34d4023f9fa2167b.txt:239", "001_34d4023f9fa2167b.txt:241", "000_5141937cf89c2df9.txt:106"])
    }

    func testSharedLineReadingsAreByContent() {
        // 000:134 １８区市 医療保健政策包括補助事業: the plan names the funding scheme (as 000:122 for 在宅療養環境整備支援事業),
        // so the left figure is the result here; 000:275/302/314 the larger, round left figure is the plan.
        let v = p("ventilator-support-fy2024")
        XCTAssertEqual(v.fy2024Plan.map(\.item.value), ["医療保健政策包括補助事業"])
        XCTAssertEqual(v.fy2024Result.map { $0.quantity?.value ?? "" }, ["18区市"])
        XCTAssertTrue(v.notes.contains { $0.contains("content, not by position") })
        for (id, plan, result) in [("visiting-nurse-clerk-employment-fy2024", "35事業所", "26事業所"),   // 000:275
                                   ("visiting-nurse-substitute-staff-fy2024", "25人", "15人"),           // 000:302
                                   ("certified-visiting-nurse-fy2024", "25事業所", "15事業所")] {         // 000:314
            let r = p(id)
            XCTAssertEqual(r.fy2024Plan.first?.quantity?.value, plan, id)
            XCTAssertEqual(r.fy2024Result.first?.quantity?.value, result, id)
            XCTAssertTrue(r.notes.contains { $0.contains("content, not by position") }, id)
            XCTAssertFalse(r.notes.contains { $0.contains("plan column left of result column") }, id)
        }
    }

    func testSurveyMarkIsImplementedOnly() {
        // 004:94 ※は実施数のみ記載: the ※ rows (004:105-107, 109-111) print percentages too, so ※ marks
        // "implemented only" (the FY2018 column otherwise includes work planned within FY2018, 004:92).
        let legend = registry.data.surveyFrame.markLegend
        XCTAssertEqual(legend.value, "※は実施数のみ記載")
        XCTAssertEqual(legend.source.line, 94)
        let marked = registry.data.coordinationSurvey.filter { $0.countOnly != nil }
        XCTAssertEqual(marked.map(\.fy2018Count.source.line), [105, 106, 107, 109, 110, 111])
        XCTAssertTrue(marked.allSatisfy { !$0.fy2018Percent.value.isEmpty })
        XCTAssertTrue(marked.allSatisfy { $0.countOnly?.note?.contains("implemented") == true })
        XCTAssertFalse(marked.contains { $0.countOnly?.note == "※: only the number of municipalities is given." })
    }

    func testACPScheduleYears() {
        // 002:216 区分 + three year columns; 002:217-219 keep empty cells as tabs: filled cells in R7 and R8.
        let a = p("acp-practice-capacity-fy2025")
        XCTAssertTrue(a.details.contains { $0.value == "区分\t令和7年度\t令和8年度\t令和9年度" && $0.source.line == 216 })
        let rows = SourceText.lines("002_0f0e66cbedaeb88e.txt")[216...218].map { $0.components(separatedBy: "\t") }
        XCTAssertEqual(rows.map(\.count), [4, 4, 4])
        XCTAssertEqual(rows.map { $0[3] }, ["", "", ""]) // 令和9年度 empty
        XCTAssertEqual(rows.map { $0[1] }, ["実施・分析", "内容の検討", "試作版の作成"]) // 令和7年度
        XCTAssertTrue(a.notes.contains { $0.contains("令和7年度 (実施・分析, 内容の検討, 試作版の作成)") })
    }

    func testNationalShareMarksOf000() {
        // 国庫負担 header at 000:114-117, 223-226, 391-394. Marks apart from names: 000:6-18 (7) and 000:199
        // 【再掲】 ○ on page 1, 000:228-240 (7) on page 2, 000:396-404 (5) and 426, 428 on page 3; glued: 000:20, 242.
        let c = registry.data.nationalShareColumn
        XCTAssertEqual(c.headers.map(\.source.label), ["000_5141937cf89c2df9.txt:114-117", "000_5141937cf89c2df9.txt:223-226",
                                                        "000_5141937cf89c2df9.txt:391-394"])
        let lines = c.marks.map(\.source.line)
        XCTAssertEqual(lines.count, 22)
        XCTAssertEqual([lines.filter { $0 <= 208 }.count, lines.filter { (209...378).contains($0) }.count, lines.filter { $0 >= 379 }.count], [8, 7, 7])
        XCTAssertTrue(lines.contains(199))
        XCTAssertEqual(c.marksWithNames.map(\.source.line), [20, 242])
        // Every line of 000 that is a lone mark is recorded.
        let lone = SourceText.lines("000_5141937cf89c2df9.txt").enumerated().filter { ["○", "〇"].contains($0.element.trimmed) }.map { $0.offset + 1 }
        XCTAssertEqual(lone.count, 21)
        XCTAssertEqual(Set(lone).subtracting(lines), [])
    }

    func testEffortsInFull() {
        let e = registry.data.efforts
        // 000 names efforts 2 and 5 differently from 001: (取組２) 000:190-191 (again 317-318), (取組５) 000:421-422.
        XCTAssertEqual(e.map(\.planNameJa.value), ["地域包括ケアシステムにおける在宅療養体制の構築", "在宅療養患者を支える地域の取組を促進",
                                                   "在宅療養生活への円滑な移行の促進", "在宅療養に関わる人材育成・確保", "在宅療養に関する都民への普及啓発"])
        XCTAssertEqual(e.map { $0.planNameJa.value == $0.nameJa.value }, [true, false, true, true, false])
        // Bullets (U+F06E) of 001 per column: これまでの取組 / 課題 (ending in 必要) / 今後の方向性.
        XCTAssertEqual(e.map { [$0.progress.count, $0.challenges.count, $0.directions.count] },
                       [[4, 2, 2], [8, 3, 5], [4, 1, 1], [4, 1, 1], [2, 2, 1]])
        XCTAssertTrue(e.allSatisfy { $0.challenges.allSatisfy { $0.textJa.value.hasSuffix("必要") } })
        let lines = { (n: Int) in Set(e[n - 1].progress.map(\.textJa.source.line) + e[n - 1].directions.map(\.textJa.source.line)) }
        XCTAssertTrue(lines(2).isSuperset(of: [71, 82, 116])) // ventilator users' disaster plans, safety survey and symposium, infection
        XCTAssertTrue(lines(3).contains(133))                  // 退院支援マニュアルの作成
        // Goals in full: 001:46-47 and 001:202-204 (they were cut to their first sentence part).
        XCTAssertTrue(e[0].goalJa.value.hasSuffix("自分らしい暮らしを続けることができるようにする"))
        XCTAssertEqual(e[0].goalJa.source.label, "001_34d4023f9fa2167b.txt:46-47")
        XCTAssertTrue(e[4].goalJa.value.hasPrefix("看取りを含む在宅療養についての都民の理解が深まり"))
        XCTAssertEqual(e[4].goalJa.source.label, "001_34d4023f9fa2167b.txt:202-204")
        XCTAssertTrue(e.allSatisfy { !$0.goalEn.isEmpty && !$0.planNameEn.isEmpty })
        // 訪問診療必要量の見直し (001:234, 238-239) and the mid-term review of July 2021 (001:243).
        let r = registry.data.visitDemandReview
        XCTAssertEqual(r.title.value, "訪問診療必要量の見直し")
        XCTAssertEqual(r.points.map(\.textJa.source.line), [238, 239])
        XCTAssertEqual(r.midTermReview.textJa.value, "保健医療計画中間見直し（令和3年7月）")
        XCTAssertEqual(r.midTermReview.textJa.source.line, 243)
    }

    func testDetailPagesOf002() {
        // Family support page (002:94-143): 現状・課題 100-101, the R5 public opinion survey 105-111, 事業概要 115, 117.
        let fam = p("municipal-home-care-promotion-fy2025").menus.first { $0.nameJa.value == "在宅療養患者家族支援事業" }
        XCTAssertEqual(fam?.background?.map(\.source.line), [100, 101, 105, 107, 108, 110, 111])
        XCTAssertTrue(fam?.background?.contains { $0.value == "70.7% 家族に負担をかける" } ?? false) // 002:107
        XCTAssertTrue(fam?.background?.contains { $0.value == "46.5% 急変時の対応が不安" } ?? false) // 002:108
        XCTAssertEqual(fam?.overview?.map(\.source.line), [115, 117])
        // Disaster page: 現状・課題 151-152, 事業概要 156, 158.
        let ds = p("disaster-home-care-bcp-fy2025")
        XCTAssertEqual(ds.background?.map(\.source.line), [151, 152])
        XCTAssertEqual(ds.overview?.map(\.source.line), [156, 158])
        // ACP practice page: 現状・課題 190-191, 事業概要 195, 事業内容 200-204.
        let acp = p("acp-practice-capacity-fy2025")
        XCTAssertEqual(acp.background?.map(\.source.line), [190, 191])
        XCTAssertEqual(acp.overview?.map(\.source.line), [195, 200, 201, 202, 203, 204])
        // Harassment page: 目的 227-228 (the new menu), the desk's three services 236, 240, 244.
        let h = p("home-care-harassment-fy2025")
        XCTAssertEqual(h.menus.map { $0.overview?.map(\.source.line) ?? [] }, [[236, 240, 244], [228]])
        XCTAssertEqual(h.menus[1].background?.map(\.source.line), [227])
        XCTAssertNil(p("ventilator-support-fy2025").background)
    }

    func testProvenanceAndDirections() {
        // 003:4 （平成 23 年 1月 18 日「第２回東京都在宅療養推進会議」資料）, 003:222 （平成 23 年度東京都予算案抜粋）.
        guard let d3 = registry.data.documents.first(where: { $0.file.hasPrefix("003") }) else { return XCTFail() }
        XCTAssertEqual(d3.provenance.map(\.source.line), [4, 222])
        XCTAssertTrue(d3.provenance[0].value.contains("第２回東京都在宅療養推進会議"))
        // 004:117 今後の都の取組の方向性 with two ● points (119/121, 123/125).
        let f = registry.data.surveyFrame
        XCTAssertEqual(f.directionsHeading.value, "今後の都の取組の方向性")
        XCTAssertEqual(f.directions.map { $0.heading?.source.line ?? 0 }, [119, 123])
        XCTAssertEqual(f.directions.map(\.textJa.source.line), [121, 125])
        XCTAssertTrue(f.directions[1].textJa.value.hasPrefix("区市町村在宅療養推進事業、在宅療養環境整備支援事業等を活用し"))
    }

    func testFY2025EffortsFollowThePlanTable() {
        // A FY2025 program in the FY2024 evaluation keeps 000's efforts (e.g. ventilator: 000:98 取組１ and 000:189
        // 取組２; ACP: 000:316 取組２ only); the two programs not in 000 are read from 001 (disaster: 001:112-114,
        // ACP practice: 001:197-199).
        let key = Dictionary(grouping: registry.programs, by: { "\($0.programKey)@\($0.fiscalYear.value)" })
        var carried = 0
        for p in registry.programs where p.fiscalYear.value == 2025 {
            let v = p.efforts.map(\.value)
            XCTAssertTrue(p.efforts.allSatisfy { $0.inferred == true }, p.id)
            if let prev = key["\(p.programKey)@2024"]?.first {
                carried += 1
                XCTAssertEqual(v, prev.efforts.map(\.value), p.id)
                XCTAssertTrue(p.efforts.allSatisfy { $0.source.file.hasPrefix("000") }, p.id)
            } else {
                XCTAssertTrue(p.efforts.allSatisfy { $0.source.file.hasPrefix("001") }, p.id)
            }
        }
        XCTAssertEqual(carried, 15)
        XCTAssertEqual(p("ventilator-support-fy2025").efforts.map(\.value), [1, 2])
        XCTAssertEqual(p("acp-promotion-fy2025").efforts.map(\.value), [2])
        XCTAssertEqual(p("disaster-home-care-bcp-fy2025").efforts.map(\.source.label), ["001_34d4023f9fa2167b.txt:112-114"])
        XCTAssertEqual(p("acp-practice-capacity-fy2025").efforts.map(\.value), [5])
    }

    func testSurveyPercentagesAgainstCounts() {
        // 004:98 n=53. FY2018 percentages all equal count/53; six FY2017 ones do not (a quirk of the source).
        let rows = registry.data.coordinationSurvey
        XCTAssertEqual(rows.count, 14) // 004:102-115
        func consistent(_ count: Int, _ pct: String) -> Bool {
            let tenths = Int(pct.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ".", with: "")) ?? -1
            return (count * 1000 + 26) / 53 == tenths
        }
        XCTAssertTrue(rows.allSatisfy { consistent($0.fy2018Count.value, $0.fy2018Percent.value) })
        let off = rows.filter { !consistent($0.fy2017Count.value, $0.fy2017Percent.value) }.map(\.fy2017Count.source.line)
        XCTAssertEqual(off, [103, 104, 108, 112, 113, 114])
    }
}
