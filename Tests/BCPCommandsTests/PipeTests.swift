import Foundation
import BCPTestSupport
import XCTest

/// `bcpsim ... | head` must end quietly: no death by SIGPIPE, no crash report, nothing on stderr.
/// Run on the built executable, since only a real process has a pipe that can close.
final class PipeTests: XCTestCase {
    /// The shell's own pipeline, as a user types it; PIPESTATUS gives bcpsim's status.
    func testRegistryPipedIntoHeadEndsQuietly() throws {
        let bin = try BuiltBinary.require()
        for args in ["registry", "registry --format json", "registry --format csv --lang ja", "--help"] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-pipe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let script = "'\(bin.path)' \(args) 2>'\(dir.path)/err' | head -1 >'\(dir.path)/out'; echo \"${PIPESTATUS[0]}\" >'\(dir.path)/status'"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", script]
            try p.run()
            p.waitUntilExit()
            let status = try String(contentsOf: dir.appendingPathComponent("status"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            // 141 would be death by SIGPIPE (128 + 13); anything but 0 is a failure.
            XCTAssertEqual(status, "0", "bcpsim \(args) | head -1")
            XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("err"), encoding: .utf8), "", "bcpsim \(args) | head -1: stderr")
            let first = try String(contentsOf: dir.appendingPathComponent("out"), encoding: .utf8)
            XCTAssertEqual(first.utf8.filter { $0 == 0x0A }.count, 1, "bcpsim \(args) | head -1: one line")
        }
    }

    /// A pipe whose reader is gone before bcpsim writes a byte: every write fails with EPIPE
    /// (the output is far below a pipe's buffer, so `head` alone might not close it in time).
    func testOutputIntoAClosedPipeEndsQuietly() throws {
        let bin = try BuiltBinary.require()
        // The test is only worth something where SIGPIPE kills a program that does not guard
        // against it (an ignored SIGPIPE would be inherited): `yes` must die of it here.
        let control = Pipe()
        try control.fileHandleForReading.close()
        let yes = Process()
        yes.executableURL = URL(fileURLWithPath: "/usr/bin/yes")
        yes.standardOutput = control.fileHandleForWriting
        yes.standardError = FileHandle.nullDevice
        try yes.run()
        try control.fileHandleForWriting.close()
        yes.waitUntilExit()
        XCTAssertEqual(yes.terminationReason, .uncaughtSignal, "yes into a closed pipe was not killed by SIGPIPE")
        XCTAssertEqual(yes.terminationStatus, SIGPIPE)
        for args in [["registry"], ["registry", "--format", "json"], ["--help"], ["validate", BuiltBinary.repository.appendingPathComponent("Scenarios/island-typhoon").path]] {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-pipe-err-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: errURL) }
            let err = try FileHandle(forWritingTo: errURL)
            let p = Process()
            p.executableURL = bin
            p.arguments = args
            p.standardOutput = pipe.fileHandleForWriting
            p.standardError = err
            try p.run()
            try pipe.fileHandleForWriting.close()
            p.waitUntilExit()
            try err.close()
            XCTAssertEqual(p.terminationReason, .exit, "bcpsim \(args.joined(separator: " ")) died of signal \(p.terminationStatus)")
            XCTAssertEqual(p.terminationStatus, 0, "bcpsim \(args.joined(separator: " "))")
            XCTAssertEqual(try String(contentsOf: errURL, encoding: .utf8), "", "bcpsim \(args.joined(separator: " ")): stderr")
        }
    }
}
