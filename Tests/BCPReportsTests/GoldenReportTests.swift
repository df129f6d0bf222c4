import BCPAnalysis
import Foundation
import BCPTestSupport
import XCTest

/// The golden reports in Reports/: one folder per shipped scenario, public files only, and no
/// patient id of the scenario anywhere in them. Their bytes are compared with a fresh run by
/// scripts/check-reports.sh (release build, all five; .ci/run calls it) and, for the smallest
/// scenario, in-process by ReportCommandTests.testGoldenIslandTyphoon.
final class GoldenReportTests: XCTestCase {
    static let scenarios = ["tokyo-synthetic", "chiba2019", "rolling2011", "island-typhoon", "inland-quake"]
    /// The golden folders: one per scenario, and the Tokyo run rendered with --suppress 10.
    static let folders = scenarios.map { ($0, $0) } + [("tokyo-synthetic-suppressed", "tokyo-synthetic")]
    static let publicFiles = [
        "areas.csv", "devices.csv", "manifest.json", "municipalities.csv", "registry.csv", "registry.html", "registry.json", "registry.md",
        "shortfalls.csv", "summary.html", "summary.md", "tiers.csv", "timeline.csv", "whatif.csv",
    ]

    func path(_ p: String) -> String { Repository.root.appendingPathComponent(p).path }

    /// Tokens that could be ids: runs of letters, digits, '-', '_' and '.'.
    static func tokens(_ text: String) -> Set<Substring> {
        var out = Set<Substring>()
        var start: String.Index? = nil
        for i in text.indices {
            let c = text[i]
            let idChar = c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
            if idChar { if start == nil { start = i } } else if let s = start {
                out.insert(text[s..<i])
                start = nil
            }
        }
        if let s = start { out.insert(text[s...]) }
        return out
    }

    func testEveryShippedScenarioHasPublicReportsOnly() throws {
        for (s, _) in Self.folders {
            let dir = path("Reports/\(s)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            XCTAssertEqual(files, Self.publicFiles, s)
            XCTAssertFalse(files.contains("restricted"), "\(s): restricted files never go into Reports/")
        }
    }

    func testNoPatientIdInAnyGoldenFile() throws {
        for (s, scenario) in Self.folders {
            let roster = try String(contentsOfFile: path("Scenarios/\(scenario)/patients.csv"), encoding: .utf8)
            let ids = Set(roster.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
            XCTAssertGreaterThan(ids.count, 1000)
            for f in Self.publicFiles {
                let text = try String(contentsOfFile: path("Reports/\(s)/\(f)"), encoding: .utf8)
                let found = Self.tokens(text).filter { ids.contains(String($0)) }
                XCTAssertTrue(found.isEmpty, "Reports/\(s)/\(f) holds patient ids: \(found.prefix(3))")
            }
        }
    }

    /// Ids are found even inside other text (the token scan does not miss them).
    func testTokenScanFindsIds() {
        XCTAssertTrue(Self.tokens("a,P131016-0001,\"x P131016-0002\"").contains("P131016-0002"))
    }
}
