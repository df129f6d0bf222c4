import BCPInput
import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// Issue 16, input side, through the command line: what only a real process (or a command's
/// own checks) shows.
final class RoundTwoInputCLITests: XCTestCase {
    private func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-round2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: u) }
        return u
    }

    /// `bash -c SCRIPT` with the built bcpsim as $0.
    private func bash(_ script: String, _ args: [String] = []) throws -> BuiltBinary.Outcome {
        let binary = try BuiltBinary.require()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, binary.path] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Small outputs only: read both to the end, then wait.
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return BuiltBinary.Outcome(status: p.terminationStatus, reason: p.terminationReason, out: o, err: e)
    }

    // MARK: --stock is read bounded (item 9)

    /// A 512 MiB stock file (sparse) is refused from its size, before it is read: with the
    /// process's address space capped at 400 MB (bash's ulimit -v, in KiB), reading it first is
    /// impossible, and used to end in "cannot read the stock file".
    func testAHugeStockFileIsRefusedWithoutReadingIt() throws {
        let dir = try tempDir()
        let big = dir.appendingPathComponent("stock.csv")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big)
        try h.truncate(atOffset: 512 * 1024 * 1024)
        try h.close()
        // The command runs at all under the cap (else the cap says nothing here).
        let plain = try bash("ulimit -v 400000 && exec \"$0\" allocation --format csv")
        guard plain.status == 0 else { throw XCTSkip("bcpsim does not run under ulimit -v 400000 here: \(plain.errText)") }
        let r = try bash("ulimit -v 400000 && exec \"$0\" allocation --stock \"$1\"", [big.path])
        XCTAssertEqual(r.reason, .exit)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.errText, "\(big.path): error: file is 536870912 bytes; the limit is 134217728 bytes\n")
    }

    /// An endless stream as the stock file is read up to the limit, then refused.
    func testAnEndlessStockStreamIsRefusedAtTheLimit() throws {
        let r = try bash("ulimit -v 1000000 && exec \"$0\" allocation --stock /dev/zero")
        XCTAssertEqual(r.reason, .exit)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.errText, "/dev/zero: error: file is more than 134217728 bytes (it grew while being read, or is a pipe or device); the limit is 134217728 bytes\n")
    }
}

/// `generate` refuses up front what the loader would refuse (item 11).
final class GenerateLimitTests: XCTestCase {
    func testTwoMillionPatientsAreAUsageErrorAndNothingIsWritten() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-gen-limit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let term = CapturedTerminal()
        let started = Date()
        XCTAssertEqual(BCPSim.main(["generate", "--out", out, "--patients", "2000000"], terminal: term.terminal), ExitCode.usage)
        XCTAssertEqual(
            term.err,
            "error: --patients 2000000 is more than a scenario can hold: patients.csv is read up to 1999999 patients "
                + "(2000000 rows, the header included) and 128 MiB, which a generated roster reaches at about 1.6 million patients\n"
                + "see 'bcpsim generate --help'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        // Up front: not after making two million patients (about 17 s in a debug build).
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let japan = CapturedTerminal()
        XCTAssertEqual(BCPSim.main(["generate", "--out", out, "--patients", "10000000", "--region", "japan"], terminal: japan.terminal), ExitCode.usage)
        XCTAssertTrue(japan.err.hasPrefix("error: --patients 10000000 is more than a scenario can hold"), japan.err)
    }
}

/// A name that is not UTF-8 (item 12): refused as a usage error, not written as U+FFFD.
final class NonUTF8ArgumentTests: XCTestCase {
    func testANonUTF8OutNameIsRefusedAndNothingIsWritten() throws {
        let binary = try BuiltBinary.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-argv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // bash's $'\xff' passes the raw byte, which Process (String arguments) cannot.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "cd \"$1\" && exec \"$0\" generate --patients 10 --out $'out\\xff'", binary.path, dir.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit)
        XCTAssertEqual(p.terminationStatus, 64)
        XCTAssertEqual(
            text,
            "error: the value of --out (\"out\\x{FF}\") is not valid UTF-8; bcpsim reads file and folder names as UTF-8 text, "
                + "so it cannot use this name as it is: rename the file or folder, or choose a UTF-8 name\nsee 'bcpsim --help'\n")
        // Before: a folder "out\u{FFFD}" was written and the command exited 0.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
