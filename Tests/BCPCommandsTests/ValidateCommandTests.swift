import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// `bcpsim validate` end to end: exit status, the summary of a valid scenario, located messages
/// for a broken one, and usage mistakes.
final class ValidateCommandTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/valid/minimal")

    private var folders: [URL] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(at: f) }
        folders = []
        super.tearDown()
    }

    /// A copy of the valid fixture with `changes` applied: (file, old text, new text), where the
    /// old text occurs exactly once.
    private func brokenCopy(_ changes: [(String, String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-validate-\(UUID().uuidString)")
        folders.append(dir)
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        for (name, old, new) in changes {
            let url = dir.appendingPathComponent(name)
            let parts = try String(contentsOf: url, encoding: .utf8).components(separatedBy: old)
            XCTAssertEqual(parts.count, 2, "\(name): \(old.debugDescription) must occur once", file: file, line: line)
            try parts.joined(separator: new).write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    private func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(args) }

    // MARK: Valid

    func testValidFixtureExitsZeroWithASummary() {
        let r = run(["validate", Self.fixture.path])
        XCTAssertEqual(r.code, 0, r.err)
        // The fixture's municipal battery U1 has no team to bring it (no municipalities.csv: 0
        // teams): a warning, not an error (PlanChecks).
        XCTAssertEqual(r.err, "\(Self.fixture.path)/municipalities.csv: warning: Chiyoda City (131016) holds 1 unit in "
            + "stock but has no delivery team: no one can bring them to a patient, so they change no result (give it delivery_teams, "
            + "or place the units at patients' homes in units.csv)\n")
        XCTAssertTrue(r.out.hasSuffix("\n1 warning: plans that cannot work as written (listed above)\n"), r.out)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The fixture: 2 patients, both in Chiyoda; clinic C1 (institutional) in Chiyoda and
        // hospital H1 (regional) in Chuo; units U1 and G1; one zone; 72 h; seed 42.
        XCTAssertEqual(lines.first,
            "Minimal scenario (最小シナリオ) [synthetic data]: valid. 2 patients in 1 municipality, 2 providers, "
                + "2 power units, 1 outage zone, horizon 72 h, seed 42.")
        // One row per municipality with patients or providers: code, name, patients, providers,
        // then providers per tier (none, institutional, linked, regional).
        // (The municipality's own English name, said once: the table gives "Chiyoda-ku / Chiyoda City".)
        let rows = lines.filter { $0.hasPrefix("13") }.map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows, [
            ["131016", "Chiyoda", "City", "2", "1", "0", "1", "0", "0"],
            ["131024", "Chuo", "City", "0", "1", "0", "0", "0", "1"],
        ])
    }

    func testOptionsAfterTheFolderAndDoubleDash() {
        XCTAssertEqual(run(["validate", Self.fixture.path, "--max-errors", "3"]).code, 0)
        XCTAssertEqual(run(["validate", "--max-errors=3", "--", Self.fixture.path]).code, 0)
    }

    func testShiftJISNoteGoesToStandardError() throws {
        let dir = try brokenCopy([])
        let patients = dir.appendingPathComponent("patients.csv")
        let text = try String(contentsOf: patients, encoding: .utf8).replacingOccurrences(of: "P001,131016,", with: "P001,131016\u{3000},")
        try XCTUnwrap(text.data(using: .shiftJIS)).write(to: patients)
        let r = run(["validate", dir.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.err.hasPrefix("note: patients.csv: read as Shift_JIS (detected)\n"), r.err)
        XCTAssertTrue(r.out.contains(": valid. 2 patients"))
    }

    // MARK: Invalid data: 65

    func testBrokenScenarioExits65WithLocatedMessages() throws {
        // patients.csv line 2 is P001,131016,tppv,60,...: the code is column 6 and draw_w column 18.
        let dir = try brokenCopy([("patients.csv", "P001,131016,tppv,60,", "P001,131017,tppv,-60,")])
        let r = run(["validate", dir.path])
        XCTAssertEqual(r.code, 65)
        XCTAssertEqual(r.out, "")
        let p = dir.path + "/patients.csv"
        XCTAssertEqual(r.err, """
            \(p):2:6: error: municipality: invalid municipality code 131017: check digit should make it 131016
            \(p):2:18: error: draw_w: -60 W is outside the accepted range 1...2000 W
            2 errors; the scenario was not accepted

            """)
    }

    func testOneErrorIsSingular() throws {
        // scenario.json line 7 is `  "horizon_hours": 72,`: the value is column 20.
        let dir = try brokenCopy([("scenario.json", "\"horizon_hours\": 72", "\"horizon_hours\": 0")])
        let r = run(["validate", dir.path])
        XCTAssertEqual(r.code, 65)
        XCTAssertEqual(r.err, "\(dir.path)/scenario.json:7:20: error: horizon_hours: horizon must be > 0 hours\n1 error; the scenario was not accepted\n")
    }

    func testMaxErrorsCapsTheList() throws {
        let dir = try brokenCopy([
            ("patients.csv", "P001,131016,", "P001,131017,"),
            ("patients.csv", "P002,131016,", "P002,131017,"),
        ])
        let r = run(["validate", "--max-errors", "1", dir.path])
        XCTAssertEqual(r.code, 65)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("\(dir.path)/patients.csv:2:6: error: "), lines[0])
        XCTAssertEqual(lines[1], "... and 1 more error (only the first is shown)")
        XCTAssertEqual(lines[2], "2 errors; the scenario was not accepted")
    }

    func testMissingFolderIs65NotACrash() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-none-\(UUID().uuidString)").path
        let r = run(["validate", path])
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.hasPrefix("\(path): error: no such scenario folder"), r.err)
    }

    func testDoubleDashMakesHelpAFolderName() {
        // After --, "--help" is the SCENARIO argument, not a request for help.
        let r = run(["validate", "--", "--help"])
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.hasPrefix("--help: error: no such scenario folder"), r.err)
    }

    // MARK: Usage: 64

    func testUnknownOption() {
        let r = run(["validate", Self.fixture.path, "--max-erors", "3"])
        XCTAssertEqual(r.code, 64)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "error: unknown option '--max-erors'\ndid you mean '--max-errors'? see 'bcpsim validate --help'\n")
    }

    func testMissingOptionValue() {
        let r = run(["validate", Self.fixture.path, "--max-errors"])
        XCTAssertEqual(r.code, 64)
        XCTAssertEqual(r.err, "error: option '--max-errors' needs a value (N)\nsee 'bcpsim validate --help'\n")
    }

    func testBadOptionValue() {
        let r = run(["validate", "--max-errors=0", Self.fixture.path])
        XCTAssertEqual(r.code, 64)
        XCTAssertEqual(r.err, "error: '--max-errors' expects a whole number in 1...100000, found '0'\nsee 'bcpsim validate --help'\n")
    }

    func testWrongNumberOfArguments() {
        let none = run(["validate"])
        XCTAssertEqual(none.code, 64)
        XCTAssertEqual(none.err, "error: 'validate' takes 1 argument, found 0\nusage: bcpsim validate SCENARIO [--max-errors N]\n")
        let two = run(["validate", Self.fixture.path, Self.fixture.path])
        XCTAssertEqual(two.code, 64)
        XCTAssertEqual(two.err, "error: 'validate' takes 1 argument, found 2\nusage: bcpsim validate SCENARIO [--max-errors N]\n")
    }

    // MARK: Help

    func testHelpIsAManPage() {
        let r = run(["validate", "--help"])
        XCTAssertEqual(r.code, 0)
        XCTAssertEqual(r.err, "")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The four sections, in order, each a line of its own.
        let sections = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"].map { lines.firstIndex(of: $0) }
        XCTAssertEqual(sections.compactMap { $0 }.count, 4, r.out)
        XCTAssertEqual(sections.compactMap { $0 }, sections.compactMap { $0 }.sorted())
        XCTAssertTrue(lines.contains("    bcpsim validate - check a scenario folder and report every problem with its location"))
        XCTAssertTrue(lines.contains("    bcpsim validate SCENARIO [--max-errors N]"))
        XCTAssertTrue(lines.contains("    --max-errors N"))
        XCTAssertTrue(lines.contains("    --help"))
        XCTAssertTrue(r.out.contains("PATH:LINE:COLUMN: error: MESSAGE"))
        // --help wins over everything else before --, even a missing argument or a bad option.
        XCTAssertEqual(run(["validate", "--bogus", "--help"]).code, 0)
        // "bcpsim help validate" prints the same page.
        XCTAssertEqual(run(["help", "validate"]).out, r.out)
    }
}
