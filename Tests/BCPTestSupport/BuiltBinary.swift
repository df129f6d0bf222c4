import Foundation
import XCTest

/// The `bcpsim` executable that SwiftPM built next to this test bundle, run as a separate
/// process: for what only a real process shows (signals, pipes, environment, exit status).
public enum BuiltBinary {
    public struct Outcome {
        public var status: Int32
        /// `.exit`, or `.uncaughtSignal` when the process died of a signal (status is the signal).
        public var reason: Process.TerminationReason
        public var out: Data
        public var err: Data
        public var errText: String { String(decoding: err, as: UTF8.self) }
        public var outText: String { String(decoding: out, as: UTF8.self) }

        public init(status: Int32, reason: Process.TerminationReason, out: Data, err: Data) {
            self.status = status
            self.reason = reason
            self.out = out
            self.err = err
        }
    }

    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Looks where SwiftPM puts products: the folder of the test bundle (on Linux the bundle is
    /// the test executable, .build/<triple>/debug/bcpsimPackageTests.xctest; on macOS a folder
    /// inside it) and up to three folders above it, nearest first, then the repository's
    /// .build/debug and .build/release. Only an executable regular file counts: walking up
    /// passes the checkout itself, which a plain `git clone` names `bcpsim`, and a folder has
    /// its x bit set too (issue 16: seven tests ran the checkout folder as the binary).
    public static let url: URL? = {
        let bases = [Bundle.main.executableURL, Bundle.main.bundleURL].compactMap { $0?.deletingLastPathComponent() }
        var candidates: [URL] = []
        for depth in 0..<4 {
            for base in bases {
                var dir = base
                for _ in 0..<depth { dir = dir.deletingLastPathComponent() }
                candidates.append(dir.appendingPathComponent("bcpsim"))
            }
        }
        for c in ["debug", "release"] { candidates.append(repository.appendingPathComponent(".build/\(c)/bcpsim")) }
        return candidates.first { isExecutableRegularFile($0.path) }
    }()

    /// Whether `path` is, after following symbolic links, a regular file this process may execute.
    public static func isExecutableRegularFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    public static func require(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard let u = url else {
            XCTFail("the bcpsim executable was not found next to the test bundle (\(Bundle.main.bundleURL.path)); build it with 'swift build'", file: file, line: line)
            throw XCTSkip("no bcpsim executable")
        }
        return u
    }

    /// Runs bcpsim with `arguments`; `environment` replaces the whole environment when given.
    /// Output goes to temporary files, so that neither stream can fill a pipe and block.
    public static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> Outcome {
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
