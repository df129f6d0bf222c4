import BCPTestSupport
import XCTest
@testable import BCPCommands

final class RegistryCommandTests: XCTestCase {
    func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(["registry"] + args) }

    func testNewFY2025ProgramsIncludeTheDisasterBCPProgram() {
        // Source 002 line 28: 災害時在宅医療提供体制強化事業, new in FY2025, 18,729 thousand yen.
        let (code, out, _) = run(["--fy", "2025", "--new", "--lang", "en"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.contains("disaster-home-care-bcp-fy2025"), out)
        XCTAssertTrue(out.contains("18729") || out.contains("18,729"), out)
        XCTAssertFalse(out.contains("fy2024"), "a FY2024 record passed the --fy 2025 filter")
    }

    func testHistoryRunsFromFY2011ToFY2025() {
        let (code, out, _) = run(["history", "在宅療養研修事業"])
        XCTAssertEqual(code, 0)
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("home-care-training") }
        XCTAssertEqual(rows.count, 4, out)
        XCTAssertTrue(rows.first?.contains("平成23年度") ?? false, "oldest year should come first")
    }

    /// `show` reads as labelled lines, each with its source line; no raw JSON path.
    func testShowPrintsSources() {
        let (code, out, _) = run(["show", "ventilator-support-fy2025", "--lang", "en"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.contains("Subsidy rate: 1/2  [002_0f0e66cbedaeb88e.txt:25]"), out)
        XCTAssertTrue(out.contains("Benefit standard: 1 unit of each item per 25,000 residents"), out)
        XCTAssertFalse(out.contains("subsidyRates[0]"), "no raw JSON path")
    }

    func testCSVWithBOMForExcel() {
        let (code, out, _) = run(["--format", "csv", "--search", "人工呼吸器"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.hasPrefix("\u{FEFF}"), "a byte order mark by default")
        XCTAssertTrue(out.contains("\r\n"))
        XCTAssertFalse(run(["--format", "csv", "--no-bom"]).1.hasPrefix("\u{FEFF}"))
        XCTAssertTrue(run(["--format", "csv", "--bom"]).1.hasPrefix("\u{FEFF}"), "--bom is still accepted")
    }

    /// The registry as one page: every program by effort, amounts grouped, each value linked to
    /// the list of source lines at the end of the page.
    func testHTMLPage() {
        let (code, html, _) = run(["--format", "html", "--lang", "en"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<h2>Programs by effort and fiscal year</h2>"))
        XCTAssertTrue(html.contains("<h2>Programs across fiscal years</h2>"))
        // 18,729 thousand yen (002 line 28), linked to its source line.
        XCTAssertTrue(html.contains("18,729 <a class=\"src\" href=\"#src-002-28\">[002:28]</a>"), "budget with its source link")
        XCTAssertTrue(html.contains("<li id=\"src-002-28\">[002:28] 002_0f0e66cbedaeb88e.txt:28"))
        XCTAssertFalse(html.contains("<script"))
        // One language per page: the rate reads "1/2 or 3/4"; only the quoted source line is Japanese.
        XCTAssertTrue(html.contains("1/2 or 3/4"))
        XCTAssertEqual(html.components(separatedBy: "または").count - 1, 1)
        XCTAssertTrue(html.contains("<li id=\"src-002-59\">[002:59] 002_0f0e66cbedaeb88e.txt:59: \u{201C}〈補助率：1/2または3/4〉\u{201D}</li>"))
    }

    func testUnknownIdAndBadVerbAreUsageErrors() {
        XCTAssertEqual(run(["show", "no-such-program"]).0, ExitCode.usage)
        XCTAssertEqual(run(["frobnicate"]).0, ExitCode.usage)
        XCTAssertEqual(run(["--effort", "9"]).0, ExitCode.usage)
        XCTAssertEqual(run(["--format", "xml"]).0, ExitCode.usage)
    }
}
