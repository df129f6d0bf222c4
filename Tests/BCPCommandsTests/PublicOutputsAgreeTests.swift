import BCPTestSupport
import Foundation
import XCTest

@testable import BCPCommands

/// Every public output of one run follows the one disclosure policy (docs/DISCLOSURE.md): on a
/// copy of the shipped Tokyo scenario marked as real data, the summary (Markdown and HTML), every
/// CSV table and the terminal agree on every figure they share, and none prints a count from 1 to
/// 9 exactly.
final class PublicOutputsAgreeTests: XCTestCase {
    /// Runs `bcpsim run` (in process) on the copy; the folder is removed after the test.
    func realRun(_ extra: [String] = []) throws -> (out: String, dir: String) {
        let (tmp, scenario) = try realCopy()
        let out = tmp + "/out"
        let r = CLI.run(["run", scenario, "--out", out, "--what-if", "2"] + extra)
        XCTAssertEqual(r.code, 0, r.err)
        return (r.out, out)
    }

    /// A copy of the shipped Tokyo scenario marked as real data: (temporary folder, scenario).
    func realCopy() throws -> (String, String) {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-agree-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tmp) }
        let scenario = tmp + "/tokyo-real"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Scenarios/tokyo-synthetic"), toPath: scenario)
        let json = try String(contentsOfFile: scenario + "/scenario.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\"synthetic\": true"))
        try json.replacingOccurrences(of: "\"synthetic\": true", with: "\"synthetic\": false")
            .write(toFile: scenario + "/scenario.json", atomically: true, encoding: .utf8)
        return (tmp, scenario)
    }

    /// The workshop's tier table shows each tier run's figures as `bcpsim run --tier T` publishes
    /// them (both read that run's PublicTables), and no count from 1 to 9 exactly.
    func testWorkshopTiersAreTheRunsPublishedFigures() throws {
        let (tmp, scenario) = try realCopy()
        let w = CLI.run(["workshop", scenario, "--out", tmp + "/ws"])
        XCTAssertEqual(w.code, 0, w.err)
        let tiers = Self.csv(try text(tmp + "/ws", "tiers.csv"))
        let h = tiers[0]
        // The workshop's label, then the run's CSV header, of figures both publish.
        let shared = [("停電した患者", "停電"), ("電源が途絶えた患者（未充足）", "未充足"), ("許容時間を超えて電源が途絶えた患者", "許容時間を超えた患者"),
                      ("入院（後方支援病床を含む）で乗り切った", "入院で充足"), ("把握された患者", "把握された患者")]
        for row in tiers.dropFirst() where row.count == h.count {
            let r = CLI.run(["run", scenario, "--out", tmp + "/run-" + row[0], "--tier", row[0], "--what-if", "0", "--replicas", "1"])
            XCTAssertEqual(r.code, 0, r.err)
            let areas = Self.csv(try text(tmp + "/run-" + row[0], "areas.csv"))
            let total = try XCTUnwrap(areas.first { $0.first?.replacingOccurrences(of: " ", with: "") == "東京都計" })
            for (ws, run) in shared {
                let i = try XCTUnwrap(h.firstIndex(of: ws), ws), f = try XCTUnwrap(h.firstIndex(of: ws + "：範囲・秘匿"), ws)
                let j = try XCTUnwrap(areas[0].firstIndex(of: run), run), g = try XCTUnwrap(areas[0].firstIndex(of: run + "：範囲・秘匿"), run)
                XCTAssertEqual(Self.shown(row[i], row[f]), Self.shown(total[j], total[g]), "\(row[0]) \(ws)")
            }
            for (k, name) in h.enumerated() where !name.contains("（分）") && !name.contains("範囲・秘匿") && k >= 2 {
                XCTAssertFalse(Self.smallExact(row[k]), "tiers.csv \(row[0]) \(name) = \(row[k])")
            }
        }
        XCTAssertEqual(tiers.count - 1, 4, "one row per tier")
        let md = try text(tmp + "/ws", "facilitator.md")
        XCTAssertFalse(md.contains("実行の実行"))
    }

    /// `compare` shows each run's figures as that run's own reports publish them: the copy as
    /// configured (A) against the copy at the regional tier (B), cell by cell against
    /// municipalities.csv and areas.csv of `run` and of `run --tier regional` (a compare of its
    /// own once showed a "0～9" of the run as "0"), and no count from 1 to 9 exactly.
    func testCompareShowsEachRunsPublishedFigures() throws {
        let (tmp, scenario) = try realCopy()
        var runs: [[String: [String: String]]] = []
        for (k, extra) in [[], ["--tier", "regional"]].enumerated() {
            let out = tmp + "/run\(k)"
            let r = CLI.run(["run", scenario, "--out", out, "--what-if", "0", "--replicas", "1"] + extra)
            XCTAssertEqual(r.code, 0, r.err)
            // (level, name, figure) -> shown text, from the run's own CSV files.
            var shown: [String: [String: String]] = [:]
            for (file, level) in [("municipalities.csv", "区市町村"), ("areas.csv", "二次保健医療圏")] {
                let c = Self.csv(try text(out, file))
                let nameCol = file == "areas.csv" ? 0 : 1
                for row in c.dropFirst() where row.count == c[0].count {
                    let place = row[nameCol].replacingOccurrences(of: " ", with: "") == "東京都計" ? "東京都計" : level + "/" + row[nameCol]
                    for (j, h) in c[0].enumerated() where !h.hasSuffix("：範囲・秘匿") {
                        guard let f = c[0].firstIndex(of: h + "：範囲・秘匿") else { continue }
                        shown[place, default: [:]][h] = Self.shown(row[j], row[f], minutes: h.hasSuffix("（分）"))
                    }
                }
            }
            runs.append(shown)
        }
        let out = tmp + "/cmp"
        let r = CLI.run(["compare", scenario, scenario, "--tier-b", "regional", "--out", out])
        XCTAssertEqual(r.code, 0, r.err)
        let c = Self.csv(try text(out, "compare.csv"))
        let h = c[0]
        XCTAssertEqual(Array(h.prefix(4)), ["区分", "コード", "名称", "項目"])
        // compare names a minutes figure "... （分）" after its label; the runs' CSV headers differ
        // in wording for the tally, so the shared figures are matched by the runs' headers.
        let figures = ["停電した患者": "停電", "電源が途絶えた患者（未充足）": "未充足", "電源のない時間の合計（分）": "電源なし（分）",
                       "許容時間を超えて電源が途絶えた患者": "許容時間を超えた患者",
                       "この地域に住む患者に届いた電源（台）": "この地域に住む患者に届いた電源（台）",
                       "この地域に住む患者が使った後方支援病床": "この地域に住む患者が使った後方支援病床"]
        var checked = 0
        for row in c.dropFirst() where row.count == h.count {
            let place = row[0].replacingOccurrences(of: " ", with: "") == "東京都計" ? "東京都計" : row[0] + "/" + row[2]
            for (k, side) in [(0, 4), (1, 5)] {
                let text = Self.shown(row[side], row[side + 3], minutes: row[3].hasSuffix("（分）"))
                XCTAssertFalse(Self.smallExact(row[side]) && !row[3].contains("地域内"), "compare \(place) \(row[3]) = \(row[side])")
                guard let name = figures[row[3]], let expected = runs[k][place]?[name] else { continue }
                XCTAssertEqual(text, expected, "run \(k == 0 ? "A" : "B") \(place) \(row[3])")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 62 * 6 * 2, "every municipality's shared figures were compared")
    }

    func text(_ dir: String, _ name: String) throws -> String {
        var s = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        return s
    }

    /// RFC 4180 rows (quotes doubled inside quoted fields).
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text)
        var i = 0
        while i < it.count {
            let c = it[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < it.count && it[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        it = []
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// A Markdown table after `heading`: header cells and rows of cells (bold marks removed).
    static func table(_ md: String, after heading: String) -> (header: [String], rows: [[String]]) {
        guard let start = md.range(of: heading) else { return ([], []) }
        let lines = md[start.upperBound...].components(separatedBy: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        func cells(_ l: String) -> [String] {
            l.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\\", with: "") }
        }
        let all = Array(lines)
        guard all.count >= 2 else { return ([], []) }
        return (cells(all[0]), all.dropFirst(2).map(cells))
    }

    /// A CSV figure as the pages write it: the number grouped (minutes as hours), or the flag's text.
    static func shown(_ value: String, _ flag: String, minutes: Bool = false) -> String {
        guard !value.isEmpty, let n = Int(value) else { return flag }
        // Minutes as hours with one decimal, half up (by hand: 1,889,847 min -> 31,497.45 h -> "31,497.5").
        if minutes { let t = (n * 10 + 30) / 60; return (t / 10).grouped + "." + String(t % 10) }
        return n.grouped
    }

    /// True when `s` is a count from 1 to 9 written exactly.
    static func smallExact(_ s: String) -> Bool { Int(s).map { (1...9).contains($0) } ?? false }

    static let countHeaders = ["患者", "停電", "外部の支援", "自前で充足", "自力で充足", "配送で充足", "入院で充足", "未充足", "把握された患者",
                               "この地域に住む患者に届いた電源（台）", "この地域に住む患者が使った後方支援病床", "許容時間を超えた患者", "入院", "うち計画入院", "うち家族が搬送",
                               "うち救急受診"]

    /// The counts the summary's tables share with the CSV files (model v2's self-help and harmed
    /// among them).
    static let tableCounts = ["患者", "停電", "外部の支援", "自前で充足", "自力で充足", "配送で充足", "入院で充足", "未充足", "許容時間を超えた患者"]

    func testEveryPublicOutputOfARealDataRunAgreesAndShowsNoSmallCount() throws {
        let (terminal, dir) = try realRun()
        let md = try text(dir, "summary.md"), html = try text(dir, "summary.html")
        XCTAssertTrue(md.contains("個人が特定されないよう、10人未満の数は「1～9」"), "the page states the policy")
        // The Tokyo totals of the headline are never widened to protect a smaller group (issue
        // 15: "never the Tokyo totals and headline"; a Tokyo count of 1-9 may be a band), and its
        // outcome rows add up: lost power = own means + self-help + outside help, outside help =
        // delivered + admission + uncovered.
        func headline(_ label: String) -> Int? {
            guard let line = md.split(separator: "\n").first(where: { $0.hasPrefix("| \(label) |") || $0.hasPrefix("| **\(label)** |") })
            else { return nil }
            return Int(line.split(separator: "|")[1].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "*", with: "")
                .trimmingCharacters(in: .whitespaces))
        }
        let labels = ["対象患者", "停電した患者", "自前の備えで乗り切った", "家族の工夫（車・充電）で乗り切った", "外部の支援を受けた・必要だった患者",
                      "うち電源・酸素ボンベの配送で乗り切った", "うち入院（後方支援病床を含む）で乗り切った", "うち電源が途絶えた患者（未充足）"]
        let v = labels.map(headline)
        XCTAssertFalse(v.contains(nil), "every Tokyo outcome count of this run is exact: \(v)")
        if !v.contains(nil) {
            let n = v.map { $0! }
            XCTAssertEqual(n[1], n[2] + n[3] + n[4], "lost power = own means + self-help + outside help")
            XCTAssertEqual(n[4], n[5] + n[6] + n[7], "outside help = delivered + admission + uncovered")
        }

        // municipalities.csv against the summary's municipality table, cell by cell.
        let mcsv = Self.csv(try text(dir, "municipalities.csv"))
        let h = mcsv[0]
        func col(_ name: String) -> Int { h.firstIndex(of: name)! }
        func flag(_ name: String) -> Int { h.firstIndex(of: name + "：範囲・秘匿")! }
        let mt = Self.table(md, after: "## 区市町村別")
        XCTAssertEqual(mt.rows.count, 62 + 1)
        XCTAssertTrue(mt.header.contains("自力で充足"), "model v2's self-help outcome is a column of the table")
        var banded = 0
        for (k, row) in mcsv.dropFirst().enumerated() where row.count == h.count {
            let page = mt.rows[k]
            XCTAssertEqual(page[0], row[col("コード")])
            for name in Self.tableCounts {
                XCTAssertTrue(mt.header.contains(name), "the municipality table shows \(name)")
                let a = Self.shown(row[col(name)], row[flag(name)])
                XCTAssertEqual(page[mt.header.firstIndex(of: name)!], a, "\(row[1]) \(name)")
                if !row[flag(name)].isEmpty { banded += 1 }
            }
            XCTAssertEqual(page[mt.header.firstIndex(of: "電源なし（時間）")!],
                           Self.shown(row[col("電源なし（分）")], row[flag("電源なし（分）")], minutes: true), "\(row[1]) hours")
            // The map's hover text and the chart's bar say the same number of uncovered patients.
            let uncovered = Self.shown(row[col("未充足")], row[flag("未充足")])
            if row[col("停電")] != "0" || !row[flag("停電")].isEmpty {
                XCTAssertTrue(html.contains("<title>\(row[1])：未充足 \(uncovered)人"), "map: \(row[1]) \(uncovered)")
            }
            // The reader who knows that a patient covered by admission was admitted, and that every
            // other admission was an uncovered patient's: with 0 uncovered, delivered = outside
            // help - admitted. A small delivered count (1-9) must not be so recoverable (a band of
            // ten around a larger count may be: it protects a small count elsewhere, and what it
            // hides is not small).
            func exact(_ name: String) -> Int? { row[flag(name)].isEmpty ? Int(row[col(name)]) : nil }
            if !row[flag("配送で充足")].isEmpty, exact("未充足") == 0, let help = exact("外部の支援"), let admitted = exact("入院"),
               (1...9).contains(help - admitted) {
                XCTFail("\(row[1]): delivered = \(help) - \(admitted) = \(help - admitted), though shown as a band")
            }
            // Minutes shown as 0 tell that nobody was uncovered: then the count is shown as 0 too
            // (a second trial read a "0～9" uncovered as 0 from its "0" minutes).
            if exact("電源なし（分）") == 0 { XCTAssertEqual(exact("未充足"), 0, "\(row[1]): 0 minutes beside uncovered \(row[col("未充足")]) \(row[flag("未充足")])") }
            // No count of 1 to 9 written exactly, in the CSV or on the page.
            for name in Self.countHeaders { XCTAssertFalse(Self.smallExact(row[col(name)]), "\(row[1]) \(name) = \(row[col(name)])") }
            for (j, name) in mt.header.enumerated() where Self.countHeaders.contains(name) {
                XCTAssertFalse(Self.smallExact(page[j]), "page: \(row[1]) \(name) = \(page[j])")
            }
        }
        XCTAssertGreaterThan(banded, 0, "a real data set of this size has small counts")

        // The what-if amounts: the search tries 1, then the uncovered count n, then amounts
        // between, so an exact amount of 2 to 9 (other than tiers) would tell a small count.
        let w = Self.csv(try text(dir, "whatif.csv"))
        let amountCol = w[0].firstIndex(of: "変更の量")!, leverCol = w[0].firstIndex(of: "変更")!
        for row in w.dropFirst() where row.count == w[0].count && row[leverCol] != "担当事業者のBCPの引き上げ（段階）" {
            if let a = Int(row[amountCol]) { XCTAssertFalse((2...9).contains(a), "whatif.csv: \(row[1]) \(row[leverCol]) amount \(a)") }
        }

        // areas.csv, tiers.csv, devices.csv against their tables.
        for (file, heading, key) in [("areas.csv", "## 二次保健医療圏別", 0), ("tiers.csv", "## BCPの区分別", 1), ("devices.csv", "## 医療機器別", 1)] {
            let c = Self.csv(try text(dir, file)), t = Self.table(md, after: heading)
            XCTAssertEqual(c.count - 1, t.rows.count, file)
            for (k, row) in c.dropFirst().enumerated() where row.count == c[0].count {
                XCTAssertEqual(t.rows[k][0], row[key], file)
                for name in Self.tableCounts {
                    let v = row[c[0].firstIndex(of: name)!], f = row[c[0].firstIndex(of: name + "：範囲・秘匿")!]
                    XCTAssertEqual(t.rows[k][t.header.firstIndex(of: name)!], Self.shown(v, f), "\(file) \(row[key]) \(name)")
                    XCTAssertFalse(Self.smallExact(v), "\(file) \(row[key]) \(name) = \(v)")
                }
                for name in Self.countHeaders where c[0].contains(name) {
                    XCTAssertFalse(Self.smallExact(row[c[0].firstIndex(of: name)!]), "\(file) \(row[key]) \(name)")
                }
            }
        }

        // timeline.csv against the summary's timeline rows (every 6 hours, zero rows left out).
        let tl = Self.csv(try text(dir, "timeline.csv")), tt = Self.table(md, after: "## 電源のない患者の推移")
        for row in tt.rows {
            let csvRow = tl.first { $0.first == row[0] }!
            XCTAssertEqual(row[1], Self.shown(csvRow[2], csvRow[4]), "hour \(row[0]) grid off")
            XCTAssertEqual(row[2], Self.shown(csvRow[3], csvRow[5]), "hour \(row[0]) without power")
            XCTAssertFalse(row[1] == "0" && row[2] == "0", "zero rows are left out")
        }
        for row in tl.dropFirst() where row.count > 3 { XCTAssertFalse(Self.smallExact(row[2]) || Self.smallExact(row[3]), "hour \(row[0])") }

        // shortfalls.csv and whatif.csv: uncovered as in municipalities.csv.
        let sf = Self.csv(try text(dir, "shortfalls.csv"))
        // Excel-ready: no cell a spreadsheet turns into a date ("1/2") or shows with the formula
        // guard's quote ("'-"), and the change is named in words with its unit.
        for file in ["shortfalls.csv", "whatif.csv"] {
            for row in Self.csv(try text(dir, file)).dropFirst() {
                for cell in row {
                    XCTAssertFalse(cell.hasPrefix("'"), "\(file): \(cell)")
                    XCTAssertNil(cell.range(of: #"^\d{1,2}/\d{1,2}$"#, options: .regularExpression), "\(file): \(cell) reads as a date")
                }
            }
        }
        for row in sf.dropFirst() where row.count == sf[0].count {
            let m = mcsv.first { $0.first == row[0] }!
            XCTAssertEqual(Self.shown(row[2], row[sf[0].firstIndex(of: "未充足：範囲・秘匿")!]), Self.shown(m[col("未充足")], m[flag("未充足")]))
            for v in row[2..<10] { XCTAssertFalse(Self.smallExact(v), "shortfalls \(row[1])") }
        }

        // The terminal: the headline table's figures, line by line, and no small count.
        let headline = Self.table(md, after: "## 要約")
        for r in headline.rows where r[0] != "最初に備えが尽きる時刻" {
            XCTAssertTrue(terminal.contains("  \(r[0]): \(r[1])"), "terminal: \(r[0]) \(r[1])")
            XCTAssertFalse(Self.smallExact(r[1]), "headline \(r[0])")
        }
        for line in terminal.split(separator: "\n") where line.hasPrefix("  ") {
            let value = line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(Self.smallExact(value), "terminal: \(line)")
        }
        XCTAssertTrue(terminal.contains("個人が特定されないよう"), "the terminal is in the report's language and states the policy")
    }
}

extension Int {
    /// 1234 -> "1,234" (as NumberFormat.grouped).
    var grouped: String {
        let d = String(magnitude)
        var out = ""
        for (i, ch) in d.enumerated() {
            if i > 0 && (d.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (self < 0 ? "-" : "") + out
    }
}
