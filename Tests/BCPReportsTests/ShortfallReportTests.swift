import BCPAnalysis
import BCPModel
import Foundation
import BCPRegistry
import BCPSimulator
import XCTest
import BCPText

@testable import BCPReports

/// The shortfall renderers on small hand-built results. Numbers are chosen so that each expected
/// cell can be checked by hand.
final class ShortfallReportTests: XCTestCase {
    static func tally(_ patients: Int, affected: Int, own: Int, unit: Int = 0, evac: Int = 0, uncovered: Int = 0, gap: Int = 0,
                      detected: Int = 0, delay: Int = 0, noUnit: Int = 0) -> Tally {
        var t = Tally()
        t.patients = patients
        t.affected = affected
        t.coveredOwnMeans = own
        t.coveredByUnit = unit
        t.evacuated = evac
        t.uncovered = uncovered
        t.atRisk = unit + evac + uncovered
        t.gapMinutes = gap
        t.detected = detected
        t.detectionDelayTotal = delay
        t.shortfall[.noPowerUnit] = noUnit
        return t
    }

    static func sum(_ ts: [Tally]) -> Tally {
        var s = Tally()
        for t in ts {
            s.patients += t.patients; s.affected += t.affected; s.atRisk += t.atRisk; s.coveredOwnMeans += t.coveredOwnMeans
            s.coveredByUnit += t.coveredByUnit; s.evacuated += t.evacuated; s.uncovered += t.uncovered; s.gapMinutes += t.gapMinutes
            s.detected += t.detected; s.detectionDelayTotal += t.detectionDelayTotal
            s.shortfall += t.shortfall
        }
        return s
    }

    static let hostile = "<script>alert(\"x\")</script> O'Brien & \"ward\""

    /// Two municipalities in one area:
    /// - 131016 千代田区: 40 patients, 30 lost power, 12 own means, 6 by unit, 12 uncovered (gap 1,200 min)
    /// - 131024 (hostile name): 25 patients, 25 lost power, 20 own means, 2 evacuated, 3 uncovered (gap 300 min)
    /// Tokyo: 65 patients, 55 lost power, 32 own means, 6 by unit, 2 evacuated, 15 uncovered, gap 1,500 min = 25.0 h.
    static func data(name: String = "テスト停電", municipality2: String = hostile) -> ResultDocument {
        let a = tally(40, affected: 30, own: 12, unit: 6, uncovered: 12, gap: 1_200, detected: 18, delay: 1_800, noUnit: 12)
        let b = tally(25, affected: 25, own: 20, evac: 2, uncovered: 3, gap: 300, detected: 5, delay: 100, noUnit: 3)
        let total = sum([a, b])
        var tiers = PerCase<BCPTier, Tally>(repeating: Tally()), devices = PerCase<DeviceKind, Tally>(repeating: Tally())
        tiers[.none] = total
        devices[.tppv] = total
        let chiyoda = MunicipalityCode("131016")!, chuo = MunicipalityCode("131024")!
        var patients: [PatientOutcome] = []
        for k in 1...55 {
            let uncovered = k <= 15
            let id = "PX-" + String(repeating: "0", count: 3 - String(k).count) + String(k)
            let depletion: Int? = uncovered ? 60 * k : nil
            patients.append(PatientOutcome(
                id: id, municipality: k <= 30 ? chiyoda : chuo, area: "区中央部", providerId: "C1", tier: .none, device: .tppv,
                ownReserveMinutes: 60 * k, outcome: uncovered ? .uncovered : .coveredOwnMeans, gapMinutes: uncovered ? 100 : 0,
                firstOutageMinute: 0, restorationMinute: 600, gridOffMinutes: 600, depletionMinute: depletion, detectionMinute: 100,
                detectionChannel: .providerCall, firstHelpMinute: nil, unitIds: [], bedProviderId: nil,
                shortfall: uncovered ? [.noPowerUnit] : []))
        }
        let result = SimulationResult(
            scenarioNameJa: name, scenarioNameEn: name + " (en)", seed: 7, tier: .asConfigured, horizonMinutes: 1_440,
            parameters: PolicyParameters(), totals: total,
            municipalities: [
                MunicipalitySummary(code: chiyoda, nameJa: "千代田区", nameEn: "Chiyoda", areaJa: "区中央部", population: 67_549, regionalBCP: false, tally: a),
                MunicipalitySummary(code: chuo, nameJa: municipality2, nameEn: municipality2, areaJa: "区中央部", population: 173_130, regionalBCP: true, tally: b),
            ],
            areas: [AreaSummary(nameJa: "区中央部", nameEn: "Ku-chubu", tally: total)], tiers: tiers, devices: devices,
            timeline: [HourPoint(hour: 0, gridOff: 55, withoutPower: 0, gapMinutes: 0), HourPoint(hour: 1, gridOff: 40, withoutPower: 3, gapMinutes: 100),
                       HourPoint(hour: 2, gridOff: 20, withoutPower: 12, gapMinutes: 700)],
            resources: ResourceUse(), patients: patients)
        return ResultDocument(
            result: result, report: RunReport(scenarioId: "test", synthetic: true, suppressionThreshold: 10, inputs: [], counterfactual: nil))
    }

    func files(_ d: ResultDocument, lang: Language = .ja, suppress: Int? = nil) -> [OutputFile] {
        ShortfallReport.render(d, options: ShortfallOptions(lang: lang, suppress: suppress, toolVersion: "test"), registry: try? Registry.load())
    }

    func file(_ fs: [OutputFile], _ path: String) throws -> String { try XCTUnwrap(fs.first { $0.path == path }?.text, path) }

    /// Without suppression (threshold 1) the headline gives the hand-summed numbers.
    func testHeadlineNumbers() throws {
        let md = try file(files(Self.data(), suppress: 1), "summary.md")
        XCTAssertTrue(md.contains("| 対象患者 | 65 |"), md)
        XCTAssertTrue(md.contains("| 停電した患者 | 55 |"))
        XCTAssertTrue(md.contains("| 外部の支援を受けた・必要だった患者 | 23 |"))  // 6 + 2 + 15
        XCTAssertTrue(md.contains("| 自前の備えで乗り切った | 32 |"))
        XCTAssertTrue(md.contains("| **うち電源が途絶えた患者（未充足）** | **15** |"))
        XCTAssertTrue(md.contains("| **電源のない時間の合計（時間）** | **25.0** |"))   // 1,500 min
        XCTAssertTrue(md.contains("| 最初に備えが尽きる時刻 | 停電開始から1.0時間後 |"))  // PX-001 at minute 60
        // Mean minutes to detection, Chiyoda: 1,800 / 18 = 100; nobody beyond tolerance (0).
        XCTAssertTrue(md.contains("| 131016 | 千代田区 | 40 | 30 | 12 | 0 | 18 | 6 | 0 | 12 | 20.0 | 0 | 100 | なし |"), md)
    }

    /// With threshold 10: municipality 2 has 3 uncovered and 2 evacuated (1～9); its gap (300
    /// min from 3 patients) is "x". In the area's column the uncovered count 15 = 12 + 3 would give
    /// the 3 away; the area cannot help (it equals Tokyo's, one area), so Chiyoda's 12 is shown as
    /// 10～19 (15 - 10...19 leaves the 3 anywhere in 1...5). Likewise the area's minutes 1,500 =
    /// 1,200 + 300: Chiyoda's 1,200 is withheld. Tokyo's totals stay exact.
    func testSmallCountsBandedAndProtectedFromSubtraction() throws {
        let t = PublicTables(Self.data(), policy: .protected(10))
        XCTAssertEqual(t.text(.municipality(1), .uncovered, .ja), "1～9")
        XCTAssertEqual(t.text(.municipality(1), .evacuated, .ja), "1～9")
        XCTAssertEqual(t.text(.municipality(1), .gap, .ja), "x")
        XCTAssertEqual(t.text(.municipality(0), .uncovered, .ja), "10～19")
        XCTAssertEqual(t.text(.municipality(0), .gap, .ja), "x")
        XCTAssertEqual(t.text(.area(0), .uncovered, .ja), "15")
        XCTAssertEqual(t.text(.total, .uncovered, .en), "15")
        XCTAssertEqual(t.text(.total, .gap, .en), "25.0")
        XCTAssertEqual(t.pinnedSums, 0)
        let csv = try file(files(Self.data(), suppress: 10), "municipalities.csv")
        XCTAssertTrue(csv.contains(",1～9"), "bands are text in their flag column")
        let md = try file(files(Self.data(), suppress: 10), "summary.md")
        XCTAssertFalse(md.contains("| 12 | 20.0 |"), "Chiyoda's 12 uncovered would reveal the other municipality's 3")
    }

    /// Model v2's measures on a hand-built result of two municipalities in one area:
    /// - 131016 千代田区: 50 patients, all lost power: 20 own means, 4 self-help, 10 by unit,
    ///   16 uncovered (1,600 min); 12 beyond tolerance (600 min), 12 emergency presentations;
    /// - 131024 中央区: 30 patients, all lost power: 20 own means, 10 uncovered (500 min);
    ///   3 beyond tolerance (90 min), 3 emergency presentations.
    /// Tokyo: 80; 40 own means, 4 self-help, 10 by unit, 26 uncovered; 15 beyond tolerance
    /// (690 min = 11.5 h); 15 admitted, all emergency presentations. No count but the self-help
    /// is small in 千代田区's outcomes, so nothing but their sum can protect it.
    static func v2Data() -> ResultDocument {
        func tally(_ patients: Int, own: Int, selfHelp: Int, unit: Int, evac: Int, uncovered: Int, gap: Int, harmed: Int, beyond: Int,
                   planned: Int, emergency: Int) -> Tally {
            var t = Tally()
            t.patients = patients
            t.affected = patients
            t.coveredOwnMeans = own
            t.coveredBySelfHelp = selfHelp
            t.coveredByUnit = unit
            t.evacuated = evac
            t.uncovered = uncovered
            t.atRisk = unit + evac + uncovered
            t.gapMinutes = gap
            t.harmed = harmed
            t.beyondToleranceMinutes = beyond
            t.admissions[.planned] = planned
            t.admissions[.emergency] = emergency
            return t
        }
        let a = tally(50, own: 20, selfHelp: 4, unit: 10, evac: 0, uncovered: 16, gap: 1_600, harmed: 12, beyond: 600, planned: 0, emergency: 12)
        let b = tally(30, own: 20, selfHelp: 0, unit: 0, evac: 0, uncovered: 10, gap: 500, harmed: 3, beyond: 90, planned: 0, emergency: 3)
        var total = a
        total.merge(b)
        var tiers = PerCase<BCPTier, Tally>(repeating: Tally()), devices = PerCase<DeviceKind, Tally>(repeating: Tally())
        tiers[.none] = total
        devices[.tppv] = total
        let result = SimulationResult(
            scenarioNameJa: "v2", scenarioNameEn: "v2", seed: 7, tier: .asConfigured, horizonMinutes: 120,
            parameters: PolicyParameters(), totals: total,
            municipalities: [
                MunicipalitySummary(code: MunicipalityCode("131016")!, nameJa: "千代田区", nameEn: "Chiyoda", areaJa: "区中央部", population: 67_549, regionalBCP: false, tally: a),
                MunicipalitySummary(code: MunicipalityCode("131024")!, nameJa: "中央区", nameEn: "Chuo", areaJa: "区中央部", population: 173_130, regionalBCP: false, tally: b),
            ],
            areas: [AreaSummary(nameJa: "区中央部", nameEn: "Ku-chubu", tally: total)], tiers: tiers, devices: devices,
            timeline: [HourPoint(hour: 0, gridOff: 80, withoutPower: 0, gapMinutes: 0), HourPoint(hour: 1, gridOff: 80, withoutPower: 26, gapMinutes: 1_560)],
            resources: ResourceUse(), patients: [])
        return ResultDocument(
            result: result, report: RunReport(scenarioId: "v2", synthetic: false, suppressionThreshold: 10, inputs: [], counterfactual: nil))
    }

    /// The v2 measures go through the one disclosure policy like the other counts: small counts
    /// are bands, minutes of few patients are withheld, and the sums they are in are protected.
    /// Chiyoda's 4 self-help would be given away by its row (50 - 20 - 10 - 0 - 16 = 4), so
    /// another outcome of the row is widened; Chuo's 3 harmed and 3 emergency presentations would
    /// be given away by the column (Tokyo's 15 - Chiyoda's 12), so Chiyoda's 12s become 10～19 and
    /// its 600 minutes beyond tolerance (Tokyo's 690 - Chuo's withheld 90) are withheld.
    func testModelV2MeasuresFollowThePolicy() throws {
        let t = PublicTables(Self.v2Data(), policy: .protected(10))
        let chiyoda = PublicTables.Row.municipality(0), chuo = PublicTables.Row.municipality(1)
        XCTAssertEqual(t.text(chiyoda, .selfHelp, .ja), "1～9")
        // What a reader makes of the row: self-help = affected - the other four outcomes.
        func bounds(_ c: PublicTables.Col) -> ClosedRange<Int> { t.shown(chiyoda, c).bounds ?? 0...1_000 }
        let others: [PublicTables.Col] = [.ownMeans, .byUnit, .evacuated, .uncovered]
        let lo = bounds(.affected).lowerBound - others.reduce(0) { $0 + bounds($1).upperBound }
        let hi = bounds(.affected).upperBound - others.reduce(0) { $0 + bounds($1).lowerBound }
        XCTAssertGreaterThan(min(hi, 9), max(lo, 1), "the row's other outcomes pin the self-help count: \(lo)...\(hi)")
        // The other way: self-help = affected - own means - outside help (50 - 20 - 26 = 4).
        let lo2 = bounds(.affected).lowerBound - bounds(.ownMeans).upperBound - bounds(.atRisk).upperBound
        let hi2 = bounds(.affected).upperBound - bounds(.ownMeans).lowerBound - bounds(.atRisk).lowerBound
        XCTAssertGreaterThan(min(hi2, 9), max(lo2, 1), "own means and outside help pin the self-help count: \(lo2)...\(hi2)")
        XCTAssertEqual(t.text(chuo, .harmed, .ja), "1～9")
        XCTAssertEqual(t.text(chuo, .beyondTolerance, .ja), "x")
        XCTAssertEqual(t.text(chuo, .emergency, .ja), "1～9")
        XCTAssertEqual(t.text(chuo, .admitted, .ja), "1～9")
        XCTAssertEqual(t.text(chiyoda, .harmed, .ja), "10～19")
        XCTAssertEqual(t.text(chiyoda, .emergency, .ja), "10～19")
        XCTAssertEqual(t.text(chiyoda, .beyondTolerance, .ja), "x")
        XCTAssertEqual(t.text(.total, .harmed, .ja), "15")
        XCTAssertEqual(t.text(.total, .beyondTolerance, .ja), "11.5")
        XCTAssertEqual(t.text(.total, .emergency, .ja), "15")
        XCTAssertEqual(t.text(.total, .admitted, .ja), "15")
        XCTAssertEqual(t.pinnedSums, 0)
        // The summary, the CSV and the terminal show the same cells.
        let fs = ShortfallReport.render(Self.v2Data(), options: ShortfallOptions(toolVersion: "t"), registry: nil)
        let md = try file(fs, "summary.md")
        XCTAssertTrue(md.contains("| **許容時間を超えて電源が途絶えた患者** | **15** |"), md)
        XCTAssertTrue(md.contains("| **許容時間を超えた時間の合計（時間）** | **11.5** |"), md)
        XCTAssertTrue(md.contains("| うち救急受診（救急外来への搬送） | 15 |"), md)
        XCTAssertTrue(md.contains("| 家族の工夫（車・充電）で乗り切った | 1～9 |"), md)
        let csv = try file(fs, "municipalities.csv")
        // Chuo's flag columns: harmed (a band), then its minutes beyond tolerance (withheld).
        XCTAssertTrue(csv.contains(",1～9,x,"), csv)
        let terminal = ShortfallReport.terminalHeadline(Self.v2Data(), options: ShortfallOptions(toolVersion: "t"))
        XCTAssertTrue(terminal.contains("  許容時間を超えて電源が途絶えた患者: 15"), terminal)
        XCTAssertTrue(terminal.contains("  家族の工夫（車・充電）で乗り切った: 1～9"), terminal)
    }

    /// A synthetic scenario is shown exactly and says so; --suppress applies the rule anyway.
    func testSyntheticDataIsShownExactly() throws {
        let md = try file(files(Self.data()), "summary.md")
        XCTAssertTrue(md.contains("合成データ（実在の人物・事業所ではありません）のため、すべての数をそのまま示しています。"))
        XCTAssertTrue(md.contains("| 131016 | 千代田区 | 40 | 30 | 12 | 0 | 18 | 6 | 0 | 12 | 20.0 | 0 | 100 | なし |"), md)
    }

    func testHTMLEscapesHostileNames() throws {
        let d = Self.data(name: Self.hostile)
        for lang in Language.allCases {
            let fs = files(d, lang: lang)
            let html = try file(fs, "summary.html")
            XCTAssertFalse(html.contains("<script"), "no script element, and no unescaped name")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &quot;ward&quot;"))
            XCTAssertFalse(html.contains("O'Brien"))
            let md = try file(fs, "summary.md")
            XCTAssertTrue(md.contains("\\<script\\>"), "Markdown escapes < and >")
            // CSV: quoted, quotes doubled.
            let csv = try file(fs, "municipalities.csv")
            XCTAssertTrue(csv.contains("\"<script>alert(\"\"x\"\")</script> O'Brien & \"\"ward\"\"\""))
        }
    }

    func testNoPatientIdInPublicFiles() throws {
        let d = Self.data()
        for lang in Language.allCases {
            let fs = files(d, lang: lang)
            for f in fs where !f.restricted {
                for p in d.result.patients { XCTAssertFalse(f.text.contains(p.id), "\(f.path) contains \(p.id)") }
            }
            let list = try file(fs, "restricted/patients.csv")
            for p in d.result.patients { XCTAssertTrue(list.contains(p.id)) }
            XCTAssertTrue(fs.filter(\.restricted).allSatisfy { $0.path.hasPrefix("restricted/") })
        }
    }

    /// Priority order: earliest depletion first (PX-001 at 60 min), patients whose own means lasted last, by id.
    func testRestrictedPriorityList() throws {
        let lines = try file(files(Self.data()), "restricted/patients.csv").components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("\u{FEFF}優先順位,患者ID,区市町村コード,"), "a byte order mark for Excel; the header in the report's language")
        XCTAssertTrue(lines[1].hasPrefix("1,PX-001,131016,千代田区,"))
        XCTAssertTrue(lines[15].hasPrefix("15,PX-015,"))
        XCTAssertTrue(lines[16].hasPrefix("16,PX-016,"))
        XCTAssertEqual(lines.count, 55 + 2)  // header, 55 rows, empty after the last CRLF
    }

    func testEveryLabelResolvesInBothLanguages() {
        XCTAssertEqual(Labels.incompleteKeys, [])
        for lang in Language.allCases {
            for f in files(Self.data(), lang: lang) { XCTAssertFalse(f.text.contains("⟦"), "\(f.path) (\(lang)) prints a missing label") }
        }
        let en = files(Self.data(), lang: .en).first { $0.path == "summary.md" }!.text
        XCTAssertTrue(en.contains("## Headline"))
        XCTAssertFalse(en.contains("要約"))
    }

    /// CSV headers are in the report's language; every figure that may be banded or withheld has
    /// a flag column at the end; files start with a byte order mark unless asked not to.
    func testCSVColumnsForASpreadsheet() throws {
        let fs = files(Self.data(), suppress: 10)
        func header(_ p: String, _ f: [OutputFile] = []) throws -> String {
            try file(f.isEmpty ? fs : f, p).components(separatedBy: "\r\n")[0]
        }
        let tally = "患者,停電,外部の支援,自前で充足,自力で充足,配送で充足,入院で充足,未充足,電源なし（分）,"
            + "許容時間を超えた患者,許容時間超過（分）,入院,うち計画入院,うち家族が搬送,うち救急受診,把握された患者,把握までの平均（分）"
        let flags = tally.split(separator: ",").map { $0 + "：範囲・秘匿" }.joined(separator: ",")
        XCTAssertEqual(try header("municipalities.csv"),
                       "\u{FEFF}コード,区市町村,二次保健医療圏,人口,地域BCP," + tally + ",この地域に住む患者に届いた電源（台）,この地域に住む患者が使った後方支援病床,地域内の電源（区市町村の備蓄と事業所の貸出用、台）,地域内の配送班,地域内の病院の後方支援病床,"
                        + flags + ",この地域に住む患者に届いた電源（台）：範囲・秘匿,この地域に住む患者が使った後方支援病床：範囲・秘匿")
        XCTAssertEqual(try header("timeline.csv"), "\u{FEFF}経過時間（時間）,経過時間（分）,停電中の患者,電源のない患者,停電中の患者：範囲・秘匿,電源のない患者：範囲・秘匿")
        XCTAssertEqual(try header("tiers.csv"), "\u{FEFF}キー,BCPの区分," + tally + "," + flags)
        let en = files(Self.data(), lang: .en, suppress: 10)
        XCTAssertTrue(try header("shortfalls.csv", en).hasPrefix("\u{FEFF}Code,Municipality,Uncovered,Minutes without power,No power unit available,"))
        // Timeline: 3 at hour 1 is banded (number empty, flag 1～9); 12 at hour 2 is shown.
        XCTAssertTrue(try file(fs, "timeline.csv").contains("\r\n1,60,40,,,1～9\r\n2,120,20,12,,\r\n"))
        XCTAssertTrue(try file(en, "timeline.csv").contains("\r\n1,60,40,,,1 to 9\r\n"))
        let noBOM = ShortfallReport.render(Self.data(), options: ShortfallOptions(bom: false, toolVersion: "t"), registry: nil)
        XCTAssertTrue(noBOM.first { $0.path == "areas.csv" }!.text.hasPrefix("二次保健医療圏,"))
    }

    func testHTMLIsSelfContained() throws {
        let html = try file(files(Self.data()), "summary.html")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 4, "map, timeline, municipalities, tiers")
        XCTAssertTrue(html.contains("<svg class=\"map\""))
        XCTAssertTrue(html.contains("出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成"), "the credit the map data requires")
        for bad in ["<script", "src=\"http", "href=\"http", "@import", "url(http"] { XCTAssertFalse(html.contains(bad), bad) }
        XCTAssertTrue(html.contains("@page{size:A4"))
    }

    /// A simulated result with its report metadata renders twice to the same bytes; the files are
    /// sorted, and the manifest carries the input hashes. (decode(encode(d)) == d is
    /// ResultDocumentTests' property.)
    func testRenderingIsAFunctionOfTheDocument() throws {
        let s = CounterfactualTests.scenario()
        let r = Simulator.run(s)
        let meta = RunReport(scenarioId: "tiny", synthetic: true, suppressionThreshold: 10,
                             inputs: [InputFile(name: "scenario.json", fnv1a64: "0123456789abcdef")], counterfactual: nil)
        let doc = ResultDocument(result: r, report: meta)
        let once = ShortfallReport.files(doc, options: ShortfallOptions(toolVersion: "t"), registry: nil)
        let twice = ShortfallReport.files(try ResultDocument.decode(doc.encode()), options: ShortfallOptions(toolVersion: "t"), registry: nil)
        XCTAssertEqual(once, twice)
        XCTAssertEqual(once.map(\.path), once.map(\.path).sorted())
        XCTAssertTrue(once.contains { $0.path == "manifest.json" && $0.text.contains("\"fnv1a64\": \"0123456789abcdef\"") })
        XCTAssertEqual(once.first { $0.path == ShortfallReport.resultPath }?.text, doc.encode())
    }
}

/// Every headline row of model v2 has its interval over the replicas (a ward official's trial
/// found the harm measures, self-help and admissions with an empty p5/p95 cell).
final class HeadlineIntervalTests: XCTestCase {
    /// Five replicas of v2Data with harmed 15, 12, 18, 15, 20 and minutes beyond tolerance 690,
    /// 600, 800, 690, 900: p5 is the 1st smallest of five ((5 x 5 + 99) / 100 = 1), p95 the 5th
    /// ((95 x 5 + 99) / 100 = 5): "12 / 20" and 600 / 900 minutes = "10.0 / 15.0" hours.
    func testHarmMeasuresHaveAnInterval() {
        var data = ShortfallReportTests.v2Data()
        var totals = PerCase<EnsembleMeasure, CountSummary> { m in CountSummary(values: Array(repeating: m.value(in: data.result.totals), count: 5)) }
        totals[.harmed] = CountSummary(values: [15, 12, 18, 15, 20])
        totals[.beyondToleranceMinutes] = CountSummary(values: [690, 600, 800, 690, 900])
        data.ensemble = EnsembleStatistics(seeds: [7, 8, 9, 10, 11], totals: totals, municipalities: [])
        let t = PublicTables(data, policy: .open)
        func interval(_ key: String) -> String? { HeadlineMeasure.all.first { $0.key == key }?.interval(t, .en) }
        XCTAssertEqual(interval("harmed"), "12 / 20")
        XCTAssertEqual(interval("beyondToleranceHours"), "10.0 / 15.0")
        for key in ["selfHelp", "admitted", "emergency"] { XCTAssertNotNil(interval(key), key) }
        // Under the policy, 12 to 20 harmed are not few; 3 would be (its minutes withheld).
        totals[.harmed] = CountSummary(values: [3, 3, 4, 5, 3])
        data.ensemble = EnsembleStatistics(seeds: [7, 8, 9, 10, 11], totals: totals, municipalities: [])
        let p = PublicTables(data, policy: .protected(10))
        XCTAssertEqual(HeadlineMeasure.all.first { $0.key == "beyondToleranceHours" }?.interval(p, .en), "x")
        // Few in some replicas only: 0, 0, 1, 3, 2 harmed (p5 0, p50 1, p95 3): still withheld.
        totals[.harmed] = CountSummary(values: [0, 0, 1, 3, 2])
        data.ensemble = EnsembleStatistics(seeds: [7, 8, 9, 10, 11], totals: totals, municipalities: [])
        XCTAssertEqual(HeadlineMeasure.all.first { $0.key == "beyondToleranceHours" }?.interval(PublicTables(data, policy: .protected(10)), .en), "x")
    }
}
