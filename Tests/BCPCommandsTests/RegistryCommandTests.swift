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

    func testShowPrintsSources() {
        let (code, out, _) = run(["show", "ventilator-support-fy2025", "--lang", "en"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.contains("002_0f0e66cbedaeb88e.txt:"), out)
    }

    func testCSVWithBOMForExcel() {
        let (code, out, _) = run(["--format", "csv", "--bom", "--search", "人工呼吸器"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.hasPrefix("\u{FEFF}"))
        XCTAssertTrue(out.contains("\r\n"))
    }

    func testUnknownIdAndBadVerbAreUsageErrors() {
        XCTAssertEqual(run(["show", "no-such-program"]).0, ExitCode.usage)
        XCTAssertEqual(run(["frobnicate"]).0, ExitCode.usage)
        XCTAssertEqual(run(["--effort", "9"]).0, ExitCode.usage)
        XCTAssertEqual(run(["--format", "xml"]).0, ExitCode.usage)
    }
}
