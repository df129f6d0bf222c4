import Foundation
import BCPTestSupport
import XCTest

@testable import BCPCommands

/// `bcpsim allocation` end to end. Expected numbers are worked out by hand in the comments.
final class AllocationCommandTests: XCTestCase {
    static let minimal = Repository.root.appendingPathComponent("Tests/Fixtures/valid/minimal").path

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(["allocation"] + args) }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-alloc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testListedInHelp() {
        let term = CapturedTerminal()
        XCTAssertEqual(BCPSim.main(["--help"], terminal: term.terminal), 0)
        XCTAssertTrue(term.out.contains("allocation"))
        XCTAssertEqual(BCPSim.commands.first?.name, "validate")
    }

    func testBuiltInTokyoTableWithoutScenario() throws {
        let (code, out, err) = run(["--format", "json"])
        XCTAssertEqual(code, 0, err)
        let doc = try json(out)
        let rows = try XCTUnwrap(doc["municipalities"] as? [[String: Any]])
        let total = try XCTUnwrap(doc["total"] as? [String: Any])
        // Tokyo's 62 municipalities, 14,034,861 residents (2023-01-01), no patient data.
        XCTAssertEqual(rows.count, 62)
        XCTAssertEqual(total["population"] as? Int, 14_034_861)
        XCTAssertEqual(rows.reduce(0) { $0 + ($1["population"] as! Int) }, 14_034_861)
        XCTAssertTrue(total["need"] is NSNull)
        let params = try XCTUnwrap(doc["parameters"] as? [String: Any])
        XCTAssertEqual(params["rounding"] as? String, "floor-min1")
        XCTAssertEqual(params["target_hours"] as? Int, 72)
        XCTAssertEqual(params["held_source"] as? String, "none")
        // Sorted by code: 131016 Chiyoda first; 67,549 residents -> 2 under floor-min1.
        XCTAssertEqual(rows[0]["code"] as? String, "131016")
        XCTAssertEqual((rows[0]["standard"] as? [String: Int])?["generator"], 2)
        let codes = rows.map { $0["code"] as! String }
        XCTAssertEqual(codes, codes.sorted())
        let (_, md, _) = run([])
        XCTAssertTrue(md.contains("患者データなし"))
        XCTAssertTrue(md.contains("14,034,861"))
    }

    func testMinimalFixtureByHand() throws {
        // Chiyoda, 67,549 residents: floor-min1 -> 2 of each item. Held: U1, a 1,000 Wh battery
        // owned by 131016 (G1 belongs to provider C1 and does not count).
        // P001 TPPV 60 W 24 h, 100 + 200 Wh: reserve 300 x 1440 / (60 x 24) = 300 min (5 h).
        //   Deficit 4,320 - 300 = 4,020 min; 4,020 x 60 x 24 / 1,440 = 4,020 Wh -> 5 batteries.
        // P002 NPPV (default 30 W, 12 h/day), 50 Wh: reserve 50 x 1440 / 360 = 200 min.
        //   Deficit 4,120 min; 4,120 x 360 / 1,440 = 1,030 Wh -> 2 batteries.
        // Need 7 batteries; no held generator; held battery 1 -> gap 6.
        // Standard: 2 generators to P001 and P002 cover everything; 2 batteries left -> over-provides (+2).
        // Gap cost: 6 x 104,000 = 624,000; subsidized 2 - 1 = 1 battery: Tokyo 52,000, municipal 572,000.
        // --exact: Chiyoda's 2 patients would be shown as "1-9" by default.
        let (code, out, err) = run([Self.minimal, "--format", "json", "--lang", "en", "--exact"])
        XCTAssertEqual(code, 0, err)
        let doc = try json(out)
        let rows = try XCTUnwrap(doc["municipalities"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 62)
        let chiyoda = rows[0]
        XCTAssertEqual(chiyoda["held"] as? [String: Int], ["generator": 0, "battery": 1, "ups": 0])
        let need = try XCTUnwrap(chiyoda["need"] as? [String: Any])
        XCTAssertEqual(need["patients"] as? Int, 2)
        XCTAssertEqual(need["below_target"] as? Int, 2)
        XCTAssertEqual(need["batteries_needed"] as? Int, 7)
        XCTAssertEqual(need["gap"] as? Int, 6)
        XCTAssertEqual(need["standard_spare"] as? Int, 2)
        XCTAssertEqual(need["verdict"] as? String, "over")
        XCTAssertEqual(
            chiyoda["cost_to_close_need_gap"] as? [String: Int],
            ["units": 6, "subsidized_units": 1, "total_yen": 624_000, "tokyo_yen": 52_000, "municipal_yen": 572_000])
        // Ranking: Chiyoda's gap of 6 is the only non-zero one, so it comes first.
        let ranking = try XCTUnwrap(doc["ranking"] as? [[String: Any]])
        XCTAssertEqual(ranking.first?["code"] as? String, "131016")
        XCTAssertEqual(ranking.first?["need_gap"] as? Int, 6)
        XCTAssertEqual(ranking[1]["code"] as? String, "131024", "ties (gap 0) in code order")
    }

    func testTargetHoursAndRoundingOptions() throws {
        // --target-hours 24: P001 deficit 1,440 - 300 = 1,140 min -> 1,140 Wh -> 2 batteries;
        // P002 deficit 1,240 min -> 1,240 x 360 / 1,440 = 310 Wh -> 1. Need 3, held 1 -> gap 2.
        // --rounding ceil: 67,549 -> 3 of each item.
        let (code, out, err) = run([Self.minimal, "--format", "json", "--target-hours", "24", "--rounding", "ceil", "--exact"])
        XCTAssertEqual(code, 0, err)
        let chiyoda = try XCTUnwrap((try json(out)["municipalities"] as? [[String: Any]])?.first)
        XCTAssertEqual((chiyoda["need"] as? [String: Any])?["batteries_needed"] as? Int, 3)
        XCTAssertEqual((chiyoda["need"] as? [String: Any])?["gap"] as? Int, 2)
        XCTAssertEqual((chiyoda["standard"] as? [String: Int])?["battery"], 3)
        // The rule is echoed in each format's header.
        for f in ["md", "csv", "json", "html"] {
            let (c, text, _) = run([Self.minimal, "--format", f, "--rounding", "nearest"])
            XCTAssertEqual(c, 0)
            XCTAssertTrue(text.contains("nearest"), f)
        }
    }

    func testOutWritesAllFormatsAtomically() throws {
        let dir = try tempDir() + "/new/folder"
        let (code, out, err) = run([Self.minimal, "--out", dir, "--lang", "en"])
        XCTAssertEqual(code, 0, err)
        XCTAssertTrue(out.contains("allocation.md"))
        XCTAssertFalse(out.contains("⟦"), "every label found: \(out)")
        XCTAssertTrue(out.contains("(rounding floor-min1, target 72 h, "), out)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        // bcpsim's folder marker, the four files, and no temporary files left.
        XCTAssertEqual(files, [OutputFolder.markerName, "allocation.csv", "allocation.html", "allocation.json", "allocation.md"], "no temporary files left")
        // A byte order mark by default (Excel), none with --no-bom (pipelines).
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/allocation.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        let (_, plain, _) = run([Self.minimal, "--format", "csv", "--no-bom"])
        XCTAssertFalse(plain.hasPrefix("\u{FEFF}"))
        // Each file is what --format prints.
        for f in ["md", "json", "html"] {
            let (_, printed, _) = run([Self.minimal, "--format", f, "--lang", "en"])
            XCTAssertEqual(try String(contentsOfFile: dir + "/allocation.\(f)", encoding: .utf8), printed, f)
        }
    }

    func testStockFileAndItsErrors() throws {
        let dir = try tempDir()
        let good = dir + "/stock.csv"
        try "code,item,units\n131016,generator,1\n133078,battery,2\n".write(toFile: good, atomically: true, encoding: .utf8)
        let (code, out, err) = run(["--stock", good, "--format", "json"])
        XCTAssertEqual(code, 0, err)
        let doc = try json(out)
        XCTAssertEqual((doc["parameters"] as? [String: Any])?["held_source"] as? String, "stock-file")
        XCTAssertEqual(((doc["total"] as? [String: Any])?["held"] as? [String: Int]), ["generator": 1, "battery": 2, "ups": 0])

        let bad = dir + "/bad.csv"
        try "code,item,units\n131016,generater,1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let (c2, _, e2) = run([Self.minimal, "--stock", bad])
        XCTAssertEqual(c2, 65)
        XCTAssertTrue(e2.contains("bad.csv:2:8: error: item: expected one of generator, battery, ups"), e2)
    }

    func testUsageAndDataErrors() {
        XCTAssertEqual(run(["--rounding", "round"]).0, 64)
        XCTAssertEqual(run(["--target-hours", "0"]).0, 64)
        XCTAssertEqual(run(["--price-battery", "-1"]).0, 64)
        XCTAssertEqual(run(["a", "b"]).0, 64)
        XCTAssertEqual(run(["--format", "pdf"]).0, 64)
        let (code, _, err) = run(["/no/such/scenario"])
        XCTAssertEqual(code, 65)
        XCTAssertTrue(err.contains("no such scenario folder"), err)
    }

    func testHostileMunicipalityOverrideIsEscapedInHTML() throws {
        let dir = try tempDir()
        for f in ["scenario.json", "patients.csv", "providers.csv", "units.csv"] {
            try FileManager.default.copyItem(atPath: Self.minimal + "/" + f, toPath: dir + "/" + f)
        }
        try "code,name_ja,name_en\n131016,<script>alert(1)</script>,\"=1+1,x\"\n".write(toFile: dir + "/municipalities.csv", atomically: true, encoding: .utf8)
        let (code, html, err) = run([dir, "--format", "html"])
        XCTAssertEqual(code, 0, err)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let (_, csv, _) = run([dir, "--format", "csv", "--lang", "en"])
        XCTAssertTrue(csv.contains(",131016,\"'=1+1,x\","), csv)
    }

    func testSuppressedByDefaultExactOnRequest() throws {
        // The fixture is marked synthetic: by default nothing is suppressed, and the header says so.
        let (c0, open, e0) = run([Self.minimal, "--format", "json", "--lang", "en"])
        XCTAssertEqual(c0, 0, e0)
        let openDoc = try json(open)
        XCTAssertEqual((openDoc["privacy"] as? [String: Any])?["mode"] as? String, "synthetic")
        XCTAssertEqual(((openDoc["municipalities"] as? [[String: Any]])?.first?["need"] as? [String: Any])?["patients"] as? Int, 2)
        // --suppress 10 (the threshold of real data): Chiyoda's 2 patients are the band 1-9, its need "x".
        let (code, out, err) = run([Self.minimal, "--format", "json", "--lang", "en", "--suppress", "10"])
        XCTAssertEqual(code, 0, err)
        let doc = try json(out)
        let need = try XCTUnwrap((doc["municipalities"] as? [[String: Any]])?.first?["need"] as? [String: Any])
        XCTAssertEqual(need["patients"] as? [String: Int], ["min": 1, "max": 9])
        XCTAssertEqual(need["gap"] as? String, "x")
        XCTAssertEqual((doc["privacy"] as? [String: Any])?["mode"] as? String, "suppressed")
        // --suppress 2: only 1 would be small; Chiyoda's 2 and 2 below target are shown.
        let (_, two, _) = run([Self.minimal, "--format", "json", "--suppress", "2"])
        let need2 = try XCTUnwrap((try json(two)["municipalities"] as? [[String: Any]])?.first?["need"] as? [String: Any])
        XCTAssertEqual(need2["patients"] as? Int, 2)
        // Markdown header states the mode.
        let (_, md, _) = run([Self.minimal, "--lang", "en", "--suppress", "10"])
        XCTAssertTrue(md.contains("**Privacy**: small counts suppressed"), md)
        let (_, synthetic, _) = run([Self.minimal, "--lang", "en"])
        XCTAssertTrue(synthetic.contains("**Privacy**: not suppressed (synthetic data"), synthetic)
        let (_, exact, _) = run([Self.minimal, "--lang", "en", "--exact"])
        XCTAssertTrue(exact.hasPrefix("# RESTRICTED, unsuppressed: "))
        XCTAssertTrue(exact.contains("**Privacy**: exact (--exact), RESTRICTED"))
        // Both at once is a usage error; a threshold out of range too.
        XCTAssertEqual(run([Self.minimal, "--exact", "--suppress", "5"]).0, 64)
        XCTAssertEqual(run([Self.minimal, "--suppress", "0"]).0, 64)
    }

    func testExactOutGoesToRestrictedFolder() throws {
        let dir = try tempDir()
        let (code, out, err) = run([Self.minimal, "--out", dir, "--exact"])
        XCTAssertEqual(code, 0, err)
        XCTAssertTrue(out.contains("restricted"), out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["restricted"])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/restricted").sorted()
        XCTAssertEqual(files, [OutputFolder.markerName, "allocation.csv", "allocation.html", "allocation.json", "allocation.md"])
        let csv = try String(contentsOfFile: dir + "/restricted/allocation.csv", encoding: .utf8)
        // The mode on every row, in its column (the flag columns, empty here, follow it).
        XCTAssertTrue(csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.allSatisfy { $0.contains(",秘匿なし（取扱注意）,") })
    }
}
