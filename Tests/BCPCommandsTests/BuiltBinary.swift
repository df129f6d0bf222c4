import Foundation
import XCTest

/// The `bcpsim` executable that SwiftPM built next to this test bundle, run as a separate
/// process: for what only a real process shows (signals, pipes, environment, exit status).
enum BuiltBinary {
    struct Outcome {
        var status: Int32
        /// `.exit`, or `.uncaughtSignal` when the process died of a signal (status is the signal).
        var reason: Process.TerminationReason
        var out: Data
        var err: Data
        var errText: String { String(decoding: err, as: UTF8.self) }
        var outText: String { String(decoding: out, as: UTF8.self) }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Looks where SwiftPM puts products: the folder of the test bundle (on Linux the bundle is
    /// the test executable, .build/<triple>/debug/bcpsimPackageTests.xctest; on macOS a folder
    /// inside it), then the repository's .build/debug and .build/release.
    static let url: URL? = {
        var candidates: [URL] = []
        for base in [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
            var dir = base.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("bcpsim"))
                dir = dir.deletingLastPathComponent()
            }
        }
        for c in ["debug", "release"] { candidates.append(repository.appendingPathComponent(".build/\(c)/bcpsim")) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard let u = url else {
            XCTFail("the bcpsim executable was not found next to the test bundle (\(Bundle.main.bundleURL.path)); build it with 'swift build'", file: file, line: line)
            throw XCTSkip("no bcpsim executable")
        }
        return u
    }

    /// Runs bcpsim with `arguments`; `environment` replaces the whole environment when given.
    /// Output goes to temporary files, so that neither stream can fill a pipe and block.
    static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> Outcome {
        let p = Process()
        p.executableURL = try require()
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = directory }
        let tmp = FileManager.default.temporaryDirectory
        let outURL = tmp.appendingPathComponent("bcpsim-out-\(UUID().uuidString)")
        let errURL = tmp.appendingPathComponent("bcpsim-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: p.terminationStatus, reason: p.terminationReason, out: try Data(contentsOf: outURL), err: try Data(contentsOf: errURL))
    }
}
