import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// Output folders: atomic files, re-running into a folder bcpsim wrote, refusing someone else's
/// folder, never writing outside --out, and a run killed while writing leaves whole files.
final class OutputFolderTests: XCTestCase {
    func temp() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-outfolder-\(UUID().uuidString)").path
    }

    func testAFolderBcpsimWroteCanBeWrittenAgainWithoutForce() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OutputFolder.write([("a.txt", "one")], to: dir, force: false)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/" + OutputFolder.markerName))
        try OutputFolder.write([("a.txt", "two"), ("sub/b.txt", "three")], to: dir, force: false)
        XCTAssertEqual(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8), "two")
        XCTAssertEqual(try String(contentsOfFile: dir + "/sub/b.txt", encoding: .utf8), "three")
        // No temporary files are left behind by successful writes.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), [OutputFolder.markerName, "a.txt", "sub"])
    }

    func testSomeoneElsesFolderIsRefusedUnlessForced() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        XCTAssertThrowsError(try OutputFolder.write([("a.txt", "x")], to: dir, force: false)) { e in
            XCTAssertEqual((e as? CommandFailure)?.code, ExitCode.cannotCreate)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/a.txt"))
        try OutputFolder.write([("a.txt", "x")], to: dir, force: true)
        XCTAssertEqual(try String(contentsOfFile: dir + "/notes.txt", encoding: .utf8), "mine")
    }

    func testNamesCannotLeaveTheFolder() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for bad in ["../escape.txt", "/tmp/escape.txt", "sub/../../escape.txt"] {
            XCTAssertThrowsError(try OutputFolder.write([(bad, "x")], to: dir, force: true), bad)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: (dir as NSString).deletingLastPathComponent + "/escape.txt"))
    }

    func testReRunningTheReadmeCommandWorks() throws {
        // The README's first command, run twice into the same folder: the second run must not
        // need --force, since bcpsim made the folder.
        let out = temp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let scenario = BuiltBinary.repository.appendingPathComponent("Scenarios/island-typhoon").path
        for _ in 0..<2 {
            let r = try BuiltBinary.run(["run", scenario, "--out", out, "--what-if", "0"])
            XCTAssertEqual(r.status, 0, r.errText)
        }
    }

    /// Runs `bcpsim run` into a folder holding a finished report, kills it with SIGKILL as soon
    /// as it starts replacing files, and checks that every file is whole: byte-equal to either
    /// the old report (Japanese) or the new one (English), never a mix or a truncation.
    func testARunKilledWhileWritingLeavesEveryFileWhole() throws {
        let scenario = BuiltBinary.repository.appendingPathComponent("Scenarios/chiba2019").path
        let old = temp(), new = temp(), target = temp()
        defer { for d in [old, new, target] { try? FileManager.default.removeItem(atPath: d) } }
        XCTAssertEqual(try BuiltBinary.run(["run", scenario, "--out", old, "--what-if", "0"]).status, 0)
        XCTAssertEqual(try BuiltBinary.run(["run", scenario, "--out", new, "--what-if", "0", "--lang", "en"]).status, 0)
        let names = try files(in: old)
        XCTAssertEqual(names, try files(in: new))

        var killedMidWay = false
        for attempt in 0..<5 where !killedMidWay {
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: old, toPath: target)
            let p = Process()
            p.executableURL = try BuiltBinary.require()
            p.arguments = ["run", scenario, "--out", target, "--what-if", "0", "--lang", "en"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Wait until the first file has been replaced (its bytes differ from the old report),
            // then kill at once; later attempts wait a little longer into the writing.
            let summary = target + "/summary.md"
            let oldSummary = try Data(contentsOf: URL(fileURLWithPath: old + "/summary.md"))
            var waited = 0
            while p.isRunning && waited < 60_000 {
                if let d = try? Data(contentsOf: URL(fileURLWithPath: summary)), d != oldSummary { break }
                usleep(200)
                waited += 1
            }
            if attempt > 0 { usleep(UInt32(attempt) * 300) }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            var sawOld = false, sawNew = false
            for name in names {
                let got = try Data(contentsOf: URL(fileURLWithPath: target + "/" + name))
                let o = try Data(contentsOf: URL(fileURLWithPath: old + "/" + name))
                let n = try Data(contentsOf: URL(fileURLWithPath: new + "/" + name))
                XCTAssertTrue(got == o || got == n, "attempt \(attempt): \(name) is neither the old nor the new file")
                if got == n && o != n { sawNew = true }
                if got == o && o != n { sawOld = true }
            }
            killedMidWay = sawOld && sawNew
        }
        // Not asserted: whether a kill landed between two files depends on timing. The whole-file
        // property above is asserted on every attempt.
        if !killedMidWay { print("note: no attempt was killed between two files; whole-file checks still ran") }
    }

    func files(in dir: String) throws -> [String] {
        let e = FileManager.default.enumerator(atPath: dir)
        var out: [String] = []
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue,
                !(f as NSString).lastPathComponent.hasPrefix(".")
            {
                out.append(f)
            }
        }
        return out.sorted()
    }
}
