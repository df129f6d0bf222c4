import BCPTestSupport
import Foundation
import XCTest

@testable import BCPCommands

/// The built executable stopped, raced and starved while it writes a folder (issue 16, items 6
/// and 7): the folder is always the old one or the new one, whole; a second writer is refused;
/// a full disk or a full standard output is exit 73 with the reason.
final class OutputTransactionTests: XCTestCase {
    var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-transaction-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Every file of a folder by relative path, the marker included.
    func snapshot(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue {
                out[f] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + f))
            }
        }
        return out
    }

    func run(_ args: [String], environment: [String: String] = [:]) throws -> BuiltBinary.Outcome {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        return try BuiltBinary.run(args, environment: env)
    }

    /// Stops `generate` with SIGKILL after each step of writing the folder (the test hook
    /// BCPSIM_TEST_KILL_AT_STEP), from making the temporary folder to removing the old one. Before
    /// issue 16 a kill between two renames left new and old files side by side, with a manifest
    /// whose hashes did not match.
    func testAKillAtAnyStepLeavesTheOldFolderOrTheNewOneWhole() throws {
        let out = scratch + "/g"
        XCTAssertEqual(try run(["generate", "--out", out, "--patients", "6", "--seed", "2"]).status, 0)
        let new = try snapshot(out)
        XCTAssertEqual(try run(["generate", "--out", out, "--patients", "6", "--seed", "1"]).status, 0)
        let old = try snapshot(out)
        XCTAssertNotEqual(old, new)
        // 1 temporary folder + 5 files + marker + swap + removal of the old folder = 9 steps.
        var sawOld = false, sawNew = false
        for step in 1...9 {
            let killed = try run(["generate", "--out", out, "--patients", "6", "--seed", "2"], environment: ["BCPSIM_TEST_KILL_AT_STEP": "\(step)"])
            XCTAssertEqual(killed.reason, .uncaughtSignal, "step \(step)")
            XCTAssertEqual(killed.status, SIGKILL, "step \(step)")
            let now = try snapshot(out)
            XCTAssertTrue(now == old || now == new, "step \(step): the folder is neither the old one nor the new one")
            if now == old { sawOld = true } else { sawNew = true }
            // Beside it: at most the lock file and one temporary folder.
            let beside = try FileManager.default.contentsOfDirectory(atPath: scratch).filter { $0 != "g" }.sorted()
            XCTAssertLessThanOrEqual(beside.count, 2, "step \(step): \(beside)")
            XCTAssertTrue(beside.allSatisfy { $0 == ".g.bcpsim-lock" || $0.hasPrefix(".g.bcpsim-new-") }, "step \(step): \(beside)")
            // The next run removes and names what was left, and writes the folder.
            let next = try run(["generate", "--out", out, "--patients", "6", "--seed", "1"])
            XCTAssertEqual(next.status, 0, "step \(step): \(next.errText)")
            let temporary = beside.filter { $0.hasPrefix(".g.bcpsim-new-") }
            XCTAssertEqual(
                next.errText, temporary.map { "note: removed \(scratch)/\($0), left by a bcpsim that was stopped while writing \(out)\n" }.joined(),
                "step \(step)")
            XCTAssertEqual(try snapshot(out), old)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), ["g"], "step \(step)")
        }
        XCTAssertTrue(sawOld && sawNew, "the steps cover both sides of the swap")
    }

    /// A kill from outside at random moments of a real run (not at a chosen step): the folder is
    /// the old report or the new one, whole, and its manifest matches it.
    func testARunKilledFromOutsideLeavesAWholeFolder() throws {
        let scenario = Repository.path("Scenarios/chiba2019")
        let target = scratch + "/out", english = scratch + "/en"
        XCTAssertEqual(try run(["run", scenario, "--out", english, "--what-if", "0", "--lang", "en"]).status, 0)
        let new = try snapshot(english)
        XCTAssertEqual(try run(["run", scenario, "--out", target, "--what-if", "0"]).status, 0)
        let old = try snapshot(target)
        XCTAssertNotEqual(old, new)
        for attempt in 0..<6 {
            let p = Process()
            p.executableURL = try BuiltBinary.require()
            p.arguments = ["run", scenario, "--out", target, "--what-if", "0", "--lang", "en"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(150_000 + attempt * 120_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try snapshot(target)
            XCTAssertTrue(now == old || now == new, "attempt \(attempt): the folder is neither the old report nor the new one")
            try ManifestCheck.assertMatches(target)
        }
    }

    /// `--out` spelt with a trailing slash, or as `.` from inside the folder: the same folder, and
    /// bcpsim does not replace the folder its user is in (the shell would be left in a removed one).
    func testSpellingsOfTheSameFolder() throws {
        let out = scratch + "/g"
        XCTAssertEqual(try run(["generate", "--out", out + "/", "--patients", "6"]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), ["g"])
        let inside = try BuiltBinary.run(["generate", "--out", ".", "--patients", "6"], in: URL(fileURLWithPath: out))
        XCTAssertEqual(inside.status, ExitCode.cannotCreate)
        XCTAssertEqual(inside.errText, "error: bcpsim would replace ., which holds the current folder; run bcpsim from another folder\n")
        let beside = try BuiltBinary.run(["generate", "--out", "g", "--patients", "6", "--seed", "3"], in: URL(fileURLWithPath: scratch))
        XCTAssertEqual(beside.status, 0, beside.errText)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), ["g"])
    }

    /// Issue 16, item 6: two runs into one folder both exited 0 and mixed their files. A process
    /// holding the folder's lock (as a running bcpsim does) makes the second refuse, naming it.
    func testASecondProcessIsRefusedWhileTheFolderIsLocked() throws {
        let out = scratch + "/g"
        XCTAssertEqual(try run(["generate", "--out", out, "--patients", "6"]).status, 0)
        let before = try snapshot(out)
        let lockPath = scratch + "/.g.bcpsim-lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        _ = "4242\n".withCString { write(fd, $0, 5) }
        let second = try run(["generate", "--out", out, "--patients", "6", "--seed", "9"])
        XCTAssertEqual(second.status, ExitCode.cannotCreate)
        XCTAssertEqual(second.errText, "error: \(out) is being written by another bcpsim (process 4242); wait until it has finished, or choose another folder\n")
        XCTAssertEqual(try snapshot(out), before)
        flock(fd, LOCK_UN)
        XCTAssertEqual(try run(["generate", "--out", out, "--patients", "6", "--seed", "9"]).status, 0)
    }

    /// Issue 16, item 6: a full disk gave "missing folder or no permission?" and a manifest listing
    /// missing files. Needs a small tmpfs (root); skipped where it cannot be mounted.
    func testAFullDiskSaysSoAndLeavesNothing() throws {
        let mount = scratch + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let m = Process()
        m.executableURL = URL(fileURLWithPath: "/bin/mount")
        m.arguments = ["-t", "tmpfs", "-o", "size=96k", "tmpfs", mount]
        m.standardError = FileHandle.nullDevice
        m.standardOutput = FileHandle.nullDevice
        do { try m.run() } catch { throw XCTSkip("cannot run mount") }
        m.waitUntilExit()
        try XCTSkipIf(m.terminationStatus != 0, "cannot mount a tmpfs here (not root?)")
        defer {
            let u = Process()
            u.executableURL = URL(fileURLWithPath: "/bin/umount")
            u.arguments = [mount]
            try? u.run()
            u.waitUntilExit()
        }
        let out = mount + "/g"
        XCTAssertEqual(try run(["generate", "--out", out, "--patients", "5"]).status, 0)
        let before = try snapshot(out)
        let r = try run(["generate", "--out", out, "--patients", "3000"])
        XCTAssertEqual(r.status, ExitCode.cannotCreate)
        XCTAssertTrue(r.errText.hasPrefix("error: cannot write \(out)/"), r.errText)
        XCTAssertTrue(r.errText.hasSuffix(": no space left on device\n"), r.errText)
        XCTAssertEqual(try snapshot(out), before, "the old folder is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mount), ["g"], "no temporary folder or lock left")
    }

    /// Issue 16, item 7: output lost silently; `registry`, `allocation`, `compare` into a full
    /// device exited 0.
    func testAFullStandardOutputIsAnError() throws {
        let bin = try BuiltBinary.require()
        let scenario = Repository.path("Scenarios/island-typhoon")
        for args in ["registry", "registry --format json", "allocation", "allocation --format csv", "compare '\(scenario)' '\(scenario)'", "--help",
                     "validate '\(scenario)'"] {
            let err = scratch + "/err"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", "'\(bin.path)' \(args) >/dev/full 2>'\(err)'"]
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, ExitCode.cannotCreate, args)
            XCTAssertEqual(try String(contentsOfFile: err, encoding: .utf8), "error: cannot write to standard output: no space left on device\n", args)
        }
    }

    /// The same in process: a terminal on /dev/full.
    func testATerminalThatCannotWriteFailsTheCommand() throws {
        let full = open("/dev/full", O_WRONLY)
        try XCTSkipIf(full < 0, "no /dev/full")
        defer { close(full) }
        let errPath = scratch + "/err"
        let errFD = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(errFD) }
        let t = Terminal.fileDescriptors(out: full, err: errFD)
        XCTAssertEqual(BCPSim.main(["registry"], terminal: t), ExitCode.cannotCreate)
        XCTAssertEqual(t.outputFailure, "no space left on device")
        XCTAssertEqual(try String(contentsOfFile: errPath, encoding: .utf8), "error: cannot write to standard output: no space left on device\n")
        // A closed pipe is not a failure (the reader went away: `| head`).
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        close(fds[0])
        defer { close(fds[1]) }
        // Ignored here as the executable ignores it; put back, since children inherit it (PipeTests).
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let piped = Terminal.fileDescriptors(out: fds[1], err: errFD)
        XCTAssertEqual(BCPSim.main(["registry"], terminal: piped), ExitCode.success)
        XCTAssertNil(piped.outputFailure)
    }
}
