import Foundation
import BCPTestSupport
import XCTest

@testable import BCPCommands

/// `bcpsim workshop` and `bcpsim compare` end to end on a shipped scenario.
final class WorkshopCommandTests: XCTestCase {
    static let chiba = Repository.root.appendingPathComponent("Scenarios/chiba2019").path

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(args) }

    func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-workshop-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testListedInHelp() {
        let (_, out, _) = run(["--help"])
        XCTAssertTrue(out.contains("workshop"))
        XCTAssertTrue(out.contains("compare"))
    }

    /// Two runs write the same bytes; no patient id of the scenario appears in any file.
    func testWorkshopPackIsDeterministicAndHoldsNoPatientIds() throws {
        let d1 = tempDir(), d2 = tempDir()
        let (c1, out, err) = run(["workshop", Self.chiba, "--out", d1, "--lang", "en"])
        XCTAssertEqual(c1, 0, err)
        XCTAssertTrue(out.contains("wrote facilitator.md"))
        XCTAssertEqual(run(["workshop", Self.chiba, "--out", d2, "--lang", "en"]).0, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: d1).filter { $0 != OutputFolder.markerName }.sorted()
        XCTAssertEqual(names, ["facilitator.html", "facilitator.md", "msel.csv", "msel.html", "participant.html", "participant.md", "tiers.csv"])
        let ids = try String(contentsOfFile: Self.chiba + "/patients.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        XCTAssertGreaterThan(ids.count, 1000)
        for n in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: d1 + "/" + n))
            XCTAssertEqual(a, try Data(contentsOf: URL(fileURLWithPath: d2 + "/" + n)), n)
            let text = String(decoding: a, as: UTF8.self)
            XCTAssertNil(ids.first { text.contains($0) }, "patient id in \(n)")
            XCTAssertFalse(text.contains("⟦"), n)
        }
        // bcpsim may write again into a folder it wrote; someone else's folder needs --force. In
        // Japanese (the default) every line the command prints is Japanese.
        let ja = run(["workshop", Self.chiba, "--out", d1])
        XCTAssertEqual(ja.0, 0)
        XCTAssertTrue(ja.1.contains("に facilitator.md, facilitator.html, participant.md"), ja.1)
        XCTAssertFalse(ja.1.contains("wrote"), ja.1)
        let foreign = tempDir()
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        XCTAssertEqual(run(["workshop", Self.chiba, "--out", foreign]).0, ExitCode.cannotCreate)
        XCTAssertEqual(run(["workshop", Self.chiba, "--out", foreign, "--force"]).0, 0)
    }

    func testWorkshopNeedsOut() {
        XCTAssertEqual(run(["workshop", Self.chiba]).0, ExitCode.usage)
        XCTAssertEqual(run(["workshop", Self.chiba, "--out", tempDir(), "--msel-tier", "bogus"]).0, ExitCode.usage)
    }

    func testCompareTiersOfOneScenario() throws {
        let d = tempDir()
        let (code, out, err) = run(["compare", Self.chiba, Self.chiba, "--tier-a", "none", "--tier-b", "regional", "--out", d, "--lang", "en"])
        XCTAssertEqual(code, 0, err)
        XCTAssertTrue(out.contains("wrote compare.md"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d).filter { $0 != OutputFolder.markerName }.sorted(), ["compare.csv", "compare.html", "compare.md"])
        let md = try String(contentsOfFile: d + "/compare.md", encoding: .utf8)
        XCTAssertTrue(md.contains("chiba2019 (No BCP)"))
        XCTAssertTrue(md.contains("chiba2019 (Regional BCP)"))
        XCTAssertFalse(md.contains("Caution"), "same seed on both sides")
    }

    func testCompareRejectsResultFiles() {
        XCTAssertEqual(run(["compare", "a/result.json", Self.chiba]).0, ExitCode.usage)
        XCTAssertEqual(run(["compare", Self.chiba]).0, ExitCode.usage)
    }
}
