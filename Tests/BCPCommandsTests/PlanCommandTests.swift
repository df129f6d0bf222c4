import BCPCommands
import BCPTestSupport
import Foundation
import XCTest

/// `bcpsim plan` and `bcpsim sensitivity` as a user runs them: files written, errors located.
final class PlanCommandTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "plan-cmd-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        XCTAssertEqual(CLI.run(["generate", "--out", dir + "/s", "--patients", "40", "--seed", "3"]).code, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testPlanWritesFourFiles() throws {
        let r = CLI.run(["plan", dir + "/s", "--budget", "5,000,000", "--out", dir + "/p", "--replicas", "2", "--lang", "en", "--objective", "gap"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("Before any change"), r.out)
        for f in ["plan.md", "plan.html", "plan.csv", "plan.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/p/" + f), f)
        }
        let html = try String(contentsOfFile: dir + "/p/plan.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<html"))
        XCTAssertFalse(html.contains("⟦"))
    }

    func testUsageErrors() {
        XCTAssertEqual(CLI.run(["plan", dir + "/s", "--out", dir + "/p"]).code, 64, "--budget is required")
        XCTAssertEqual(CLI.run(["plan", dir + "/s", "--out", dir + "/p", "--budget", "ten"]).code, 64)
        XCTAssertEqual(CLI.run(["plan", dir + "/s", "--out", dir + "/p", "--budget", "1000", "--objective", "joy"]).code, 64)
        let r = CLI.run(["plan", dir + "/s", "--out", dir + "/p", "--budget", "1000", "--municipality", "999999"])
        XCTAssertEqual(r.code, 64, r.err)
    }

    /// A ward writes budgets in 万 and 億: 5万 is 50,000 yen (the answer says so).
    func testBudgetInManAndOku() {
        let r = CLI.run(["plan", dir + "/s", "--budget", "5万", "--out", dir + "/p", "--replicas", "1", "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.err)
        let json = (try? String(contentsOfFile: dir + "/p/plan.json", encoding: .utf8)) ?? ""
        XCTAssertTrue(json.contains("\"budgetYen\": 50000"), json)
        XCTAssertEqual(CLI.run(["plan", dir + "/s", "--budget", "5万x", "--out", dir + "/p"]).code, 64)
    }

    /// A real-data plan goes to DIR/restricted/ and removes an older synthetic plan from DIR, so
    /// that DIR never shows a stale plan beside the new one.
    func testRealDataPlanReplacesTheSyntheticOne() throws {
        XCTAssertEqual(CLI.run(["plan", dir + "/s", "--budget", "1000000", "--out", dir + "/p", "--replicas", "1"]).code, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/p/plan.md"))
        let json = dir + "/s/scenario.json"
        let text = try String(contentsOfFile: json, encoding: .utf8)
        XCTAssertTrue(text.contains("\"synthetic\": true"))
        try text.replacingOccurrences(of: "\"synthetic\": true", with: "\"synthetic\": false").write(toFile: json, atomically: true, encoding: .utf8)
        let r = CLI.run(["plan", dir + "/s", "--budget", "1000000", "--out", dir + "/p", "--replicas", "1"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/p/restricted/plan.md"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/p/plan.md"), "the older synthetic plan is gone")
        let csv = try String(contentsOfFile: dir + "/p/restricted/plan.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("取扱注意"), csv)
    }

    /// A bad prices file names the file, line and column, and exits 65.
    func testBadPricesFileIsLocated() throws {
        let path = dir + "/prices.csv"
        try "item,yen\nteam,800000\nbed,lots\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = CLI.run(["plan", dir + "/s", "--out", dir + "/p", "--budget", "1000000", "--prices", path, "--replicas", "1"])
        XCTAssertEqual(r.code, 65, r.err)
        XCTAssertTrue(r.err.contains("prices.csv:3:"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/p/plan.md"), "nothing written")
    }

    func testSensitivityWritesTheTornado() throws {
        let r = CLI.run(["sensitivity", dir + "/s", "--out", dir + "/x", "--replicas", "1", "--samples", "4", "--objective", "gap"])
        XCTAssertEqual(r.code, 0, r.err)
        let html = try String(contentsOfFile: dir + "/x/sensitivity.html", encoding: .utf8)
        XCTAssertTrue(html.contains("トルネード図"), "Japanese by default")
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(html.contains("⟦"))
    }
}
