import BCPTestSupport
import Foundation
import XCTest

@testable import BCPCommands

/// Issue 16, item 8: every line bcpsim prints is one line, its control characters shown as
/// escapes, whatever the user typed or a file held: usage errors with the user's words, failures
/// naming a path, "wrote ... to DIR", scenario names in summaries. Ordinary output is unchanged.
final class TerminalLineTests: XCTestCase {
    func temp() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-terminal-\(UUID().uuidString)").path
    }

    func testUsageErrorsShowTheUsersWordsEscaped() {
        let r = CLI.run(["frobnicate\u{1B}]0;pwned\u{07}"])
        XCTAssertEqual(r.code, ExitCode.usage)
        XCTAssertEqual(r.err, "error: unknown command 'frobnicate\\u{1B}]0;pwned\\u{07}'\nsee 'bcpsim --help'\n")
        let o = CLI.run(["validate", "--max-errors", "3\nerror: forged"])
        XCTAssertEqual(o.err, "error: '--max-errors' expects a whole number in 1...100000, found '3\\nerror: forged'\nsee 'bcpsim validate --help'\n")
    }

    func testFailuresNamingAPathStayOneLine() {
        let r = CLI.run(["report", "/nonexistent/x\n\u{1B}[2Jerror: forged", "--out", temp()])
        XCTAssertEqual(r.code, ExitCode.dataError)
        XCTAssertEqual(r.err.filter { $0 == "\n" }.count, 1, r.err)
        XCTAssertTrue(r.err.contains("/nonexistent/x\\n\\u{1B}[2Jerror: forged"), r.err)
    }

    func testWroteLinesShowTheFolderEscaped() throws {
        let base = temp()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let out = base + "/a\nerror: forged\u{202E}"
        let r = CLI.run(["generate", "--out", out, "--patients", "3"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "wrote 5 files to \(base)/a\\nerror: forged\\u{202E}: 3 patients, 198 providers, 136 units (synthetic)\n")
    }

    func testNamesFromAScenarioAreShownEscaped() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repository.path("Tests/Fixtures/valid/minimal"), toPath: dir)
        let path = dir + "/scenario.json"
        let json = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"Minimal scenario\"", with: "\"Minimal\\u001b[31m\\nscenario.json:1:1: error: forged\"")
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let v = CLI.run(["validate", dir])
        XCTAssertEqual(v.code, 0, v.err)
        XCTAssertTrue(v.out.hasPrefix("Minimal\\u{1B}[31m\\nscenario.json:1:1: error: forged (最小シナリオ) [synthetic data]: valid."), v.out)
        // run's headline names the scenario in the report's language: the English name here.
        let r = CLI.run(["run", dir, "--out", dir + "/out", "--what-if", "0", "--lang", "en"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("Minimal\\u{1B}[31m\\nscenario.json:1:1: error: forged | seed 42 | "), r.out)
        XCTAssertFalse(r.out.unicodeScalars.contains("\u{1B}"))
        XCTAssertFalse(r.out.contains("\nscenario.json:1:1: error: forged"), "the line break in the name starts no line")
    }

    func testOrdinaryOutputIsUnchanged() throws {
        // Japanese, tables and help pages pass byte for byte.
        let help = CLI.run(["run", "--help"])
        XCTAssertEqual(help.out, RunCommand.info.help.hasSuffix("\n") ? RunCommand.info.help : RunCommand.info.help + "\n")
        let v = CLI.run(["validate", Repository.path("Scenarios/island-typhoon")])
        XCTAssertEqual(v.code, 0)
        XCTAssertFalse(v.out.contains("\\u{"))
        XCTAssertTrue(v.out.contains("（") || v.out.contains("("))
        let t = CLI.run(["registry", "--format", "csv"])
        XCTAssertTrue(t.out.contains("\r\n"), "CSV keeps its CRLF line ends")
    }

    func testDocumentsAreEscapedOnlyOnATerminal() {
        final class Box: @unchecked Sendable { var text = "" }
        for tty in [false, true] {
            let box = Box()
            let t = Terminal(writer: { _, s in box.text += s; return nil }, outIsTerminal: tty)
            t.document("a,b\r\n\u{1B}[2J,x\n")
            XCTAssertEqual(box.text, tty ? "a,b\r\n\\u{1B}[2J,x\n" : "a,b\r\n\u{1B}[2J,x\n")
        }
    }

    func testOneCallIsOneLine() {
        XCTAssertEqual(Terminal.line("a\nb"), "a\\nb\n")
        XCTAssertEqual(Terminal.line("区中央部"), "区中央部\n")
        XCTAssertEqual(Terminal.split("a\nb\n"), ["a", "b"])
    }
}
