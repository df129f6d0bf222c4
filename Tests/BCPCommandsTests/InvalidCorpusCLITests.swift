import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// Every broken scenario of Tests/Fixtures/invalid through the command line: `bcpsim validate`
/// exits 65 and prints exactly the fixture's expected.txt, then the count of errors; nothing on
/// stdout. Run in process for the messages, and as the built executable for the exit status
/// (a trap there would be a signal, not 65).
final class InvalidCorpusCLITests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/invalid")

    private func fixtures() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// expected.txt's lines with the path as the command line was given it.
    private func expectedStderr(_ name: String, prefix: String) throws -> [String] {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { l in l.hasPrefix("... and ") ? String(l) : prefix + l }
    }

    func testValidateExits65WithTheExpectedMessagesForEveryFixture() throws {
        let names = try fixtures()
        XCTAssertGreaterThanOrEqual(names.count, 60)
        for name in names {
            let path = Self.corpus.appendingPathComponent(name).path
            let captured = CapturedTerminal()
            let code = BCPSim.main(["validate", path], terminal: captured.terminal)
            XCTAssertEqual(code, 65, name)
            XCTAssertEqual(captured.out, "", name)
            var lines = captured.err.split(separator: "\n").map(String.init)
            let closing = lines.popLast() ?? ""
            XCTAssertNotNil(closing.range(of: #"^\d+ errors?; the scenario was not accepted$"#, options: .regularExpression), "\(name): \(closing)")
            XCTAssertEqual(lines, try expectedStderr(name, prefix: path + "/"), name)
        }
    }

    func testTheExecutableExits65OnEveryFixtureWithoutATrap() throws {
        for name in try fixtures() {
            // Relative to the corpus folder, as a user in it would type.
            let r = try BuiltBinary.run(["validate", name], in: Self.corpus)
            XCTAssertEqual(r.reason, .exit, "\(name): died of signal \(r.status)")
            XCTAssertEqual(r.status, 65, "\(name): \(r.errText)")
            XCTAssertEqual(r.out, Data(), name)
            var lines = r.errText.split(separator: "\n").map(String.init)
            _ = lines.popLast()
            XCTAssertEqual(lines, try expectedStderr(name, prefix: name + "/"), name)
        }
    }
}
