import Foundation
import BCPTestSupport
import XCTest

@testable import BCPCommands

/// `bcpsim run` writing the reports, and `bcpsim report` rendering them again, end to end.
final class ReportCommandTests: XCTestCase {
    static let minimal = Repository.root.appendingPathComponent("Tests/Fixtures/valid/minimal").path

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) { CLI.run(args) }

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Relative paths of every file under `dir`, sorted.
    static func listing(_ dir: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            // The report's files; bcpsim's own folder marker is not one of them.
            if FileManager.default.fileExists(atPath: dir + "/" + p, isDirectory: &isDir), !isDir.boolValue, p != OutputFolder.markerName {
                out.append(p)
            }
        }
        return out.sorted()
    }

    static func read(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func testListedInHelp() {
        let (code, out, _) = run(["--help"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.contains("report"))
        let (c2, help, _) = run(["report", "--help"])
        XCTAssertEqual(c2, 0)
        XCTAssertTrue(help.contains("--lang"))
    }

    func testRunWritesReportsAndReportRendersTheSameBytes() throws {
        let tmp = try tempDir()
        let a = tmp + "/a", b = tmp + "/b"
        let (code, out, err) = run(["run", Self.minimal, "--out", a, "--threads", "1"])
        XCTAssertEqual(code, 0, err)
        XCTAssertTrue(out.contains("17ファイル"), out)
        // The fixture's municipal battery has no team to carry it: run says so where its result is
        // read, as validate does (a trial bought units that changed nothing and only validate said why).
        XCTAssertTrue(err.contains("/municipalities.csv: warning: Chiyoda City (131016) holds 1 unit in stock but has no delivery team"), err)
        let files = Self.listing(a)
        XCTAssertEqual(files, [
            "areas.csv", "devices.csv", "manifest.json", "municipalities.csv", "registry.csv", "registry.html", "registry.json", "registry.md",
            "restricted/README.txt", "restricted/patients.csv", "restricted/result.json", "shortfalls.csv", "summary.html",
            "summary.md", "tiers.csv", "timeline.csv", "whatif.csv",
        ].sorted())
        let (c2, out2, e2) = run(["report", a + "/restricted/result.json", "--out", b])
        XCTAssertEqual(c2, 0, e2)
        // 'report' prints the headline 'run' printed (the same lines, then where the files went).
        let headline = out.split(separator: "\n").filter { !$0.contains("ファイル") }
        XCTAssertGreaterThan(headline.count, 5, out)
        XCTAssertEqual(out2.split(separator: "\n").filter { !$0.contains("ファイル") }, headline)
        XCTAssertEqual(Self.listing(b), files)
        for f in files { XCTAssertEqual(Self.read(a + "/" + f), Self.read(b + "/" + f), f) }

        // No patient id outside restricted/.
        for f in files where !f.hasPrefix("restricted/") {
            let text = String(decoding: Self.read(a + "/" + f), as: UTF8.self)
            for id in ["P001", "P002"] { XCTAssertFalse(text.contains(id), "\(f) holds \(id)") }
        }
        let manifest = String(decoding: Self.read(a + "/manifest.json"), as: UTF8.self)
        XCTAssertTrue(manifest.contains("\"id\": \"minimal\""))
        XCTAssertTrue(manifest.contains("\"seed\": \"42\""))
        XCTAssertTrue(manifest.contains("\"file\": \"patients.csv\""))
        XCTAssertTrue(manifest.contains("\"version\": \"\(BCPSim.version)\""))
    }

    func testEnglishAndSuppressOptions() throws {
        let tmp = try tempDir()
        // --bom is still accepted (CSV files start with a byte order mark anyway); --no-bom leaves it out.
        let (code, out, err) = run(["run", Self.minimal, "--out", tmp + "/en", "--lang", "en", "--suppress", "3", "--bom", "--what-if", "0"])
        XCTAssertEqual(code, 0, err)
        let md = String(decoding: Self.read(tmp + "/en/summary.md"), as: UTF8.self)
        XCTAssertTrue(md.contains("## Headline"))
        XCTAssertTrue(md.contains("counts under 3 are shown as the band \"1–2\""), md)
        XCTAssertTrue(md.contains("No reruns were made") || md.contains("No patient was uncovered"))
        XCTAssertEqual(Self.read(tmp + "/en/areas.csv").prefix(3), Data([0xEF, 0xBB, 0xBF]))
        // The terminal headline is in the report's language.
        XCTAssertTrue(out.contains("  Patients: "), out)
        let (c2, ja, e2) = run(["run", Self.minimal, "--out", tmp + "/ja", "--no-bom", "--what-if", "0"])
        XCTAssertEqual(c2, 0, e2)
        XCTAssertTrue(ja.contains("  対象患者: 2"), ja)
        XCTAssertTrue(ja.contains("合成データ"), "a synthetic scenario says it is shown exactly")
        XCTAssertNotEqual(Self.read(tmp + "/ja/areas.csv").prefix(3), Data([0xEF, 0xBB, 0xBF]))
    }

    func testReportRejectsWhatIsNotAResult() throws {
        let tmp = try tempDir()
        let bad = tmp + "/x.json"
        try "{\"schema\": \"bcpsim.allocation/1\"}".write(toFile: bad, atomically: true, encoding: .utf8)
        let (code, _, err) = run(["report", bad, "--out", tmp + "/o"])
        XCTAssertEqual(code, ExitCode.dataError)
        XCTAssertTrue(err.contains("not a bcpsim result"), err)
        let (c2, _, e2) = run(["report", tmp + "/missing.json", "--out", tmp + "/o"])
        XCTAssertEqual(c2, ExitCode.dataError)
        XCTAssertTrue(e2.contains("cannot read"), e2)
        let (c3, _, _) = run(["report", bad])
        XCTAssertEqual(c3, ExitCode.usage)
    }

    /// The golden report of the smallest shipped scenario, regenerated in-process and compared byte
    /// for byte (scripts/check-reports.sh compares all five with the release build).
    func testGoldenIslandTyphoon() throws {
        let golden = Repository.root.appendingPathComponent("Reports/island-typhoon").path
        guard FileManager.default.fileExists(atPath: golden) else { throw XCTSkip("Reports/island-typhoon not generated yet") }
        let tmp = try tempDir()
        let out = tmp + "/island-typhoon"
        let (code, _, err) = run(["run", Repository.root.appendingPathComponent("Scenarios/island-typhoon").path, "--out", out])
        XCTAssertEqual(code, 0, err)
        let public_ = Self.listing(out).filter { !$0.hasPrefix("restricted/") }
        XCTAssertEqual(Self.listing(golden), public_)
        for f in public_ {
            XCTAssertEqual(Self.read(golden + "/" + f), Self.read(out + "/" + f), "\(f) differs from Reports/island-typhoon; run scripts/regenerate-reports.sh and review the diff")
        }
    }
}
