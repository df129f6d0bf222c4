import BCPModel
import Foundation
import XCTest
@testable import BCPInput

/// The corpus of broken scenarios in Tests/Fixtures/invalid: each folder is a scenario broken in
/// one way (its README says how) with expected.txt, the exact diagnostics `bcpsim validate`
/// prints, paths relative to the folder. Every one must be rejected with exactly those lines;
/// none may trap. Inputs too large to commit (a 1 MB field, files past the size limits) are made
/// here at test time.
final class InvalidCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/invalid")

    static func fixtureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The diagnostics for `folder` as `bcpsim validate` renders them, with the folder's path
    /// taken off the front of each line.
    static func renderedDiagnostics(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) -> [String]? {
        switch ScenarioLoader.load(folder: folder.path) {
        case .success:
            XCTFail("\(folder.lastPathComponent): the scenario loaded, but it should have been rejected", file: file, line: line)
            return nil
        case .failure(let e):
            let prefix = folder.path + "/"
            return e.diagnostics.rendered.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : String($0)
            }
        }
    }

    static func expected(_ folder: URL) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    func testTheCorpusCoversAtLeastSixtyWaysToBeWrong() throws {
        let names = try Self.fixtureNames()
        XCTAssertGreaterThanOrEqual(names.count, 60)
        for name in names {
            let dir = Self.corpus.appendingPathComponent(name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("expected.txt").path), "\(name): no expected.txt")
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("README").path), "\(name): no README")
        }
    }

    func testEveryBrokenScenarioGetsExactlyItsExpectedDiagnostics() throws {
        for name in try Self.fixtureNames() {
            let dir = Self.corpus.appendingPathComponent(name)
            let want = try Self.expected(dir)
            XCTAssertFalse(want.isEmpty, "\(name): expected.txt is empty")
            guard let got = Self.renderedDiagnostics(dir) else { continue }
            XCTAssertEqual(got, want, "\(name): diagnostics differ from expected.txt")
            // Every line is located: PATH:LINE:COLUMN: error: ..., or PATH: error: ... for a whole
            // file, or the closing "... and N more" line.
            for l in got where !l.hasPrefix("... and ") {
                XCTAssertNotNil(l.range(of: #"^[A-Za-z0-9_.-]+(:\d+:\d+)?: error: "#, options: .regularExpression), "\(name): unlocated line \(l)")
            }
        }
    }

    // MARK: Made at test time

    /// A copy of the valid fixture in a temporary folder.
    private func scratch() throws -> ScenarioFixture { try ScenarioFixture() }

    func testAOneMegabyteFieldStopsAtTheFieldLimit() throws {
        let f = try scratch()
        let big = String(repeating: "x", count: 1 << 20)
        try f.replace(in: "patients.csv", "P002,", with: "\"\(big)\",")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):3:1: error: quoted field not closed within 4096 characters: check for a missing closing quote (a quoted field holds at most 4096 characters)"])
        // Unquoted, and in a JSON string (100 KB: a 1 MB scenario.json is past its file limit).
        let g = try scratch()
        try g.write("providers.csv", "id,kind\n" + big + "\n")
        XCTAssertEqual(g.errors(), ["\(g.path("providers.csv")):2:1: error: field longer than 4096 characters"])
        let h = try scratch()
        try h.replace(in: "scenario.json", "Two patients in Chiyoda", with: String(repeating: "x", count: 100_000))
        // The 4,097th byte of the string is where it passes the limit: the string starts at
        // column 19 (`  "description": "` is 18 characters), so that byte is column 19 + 4096.
        XCTAssertEqual(h.errors(), ["\(h.path("scenario.json")):4:4115: error: string longer than 4096 bytes"])
    }
}
