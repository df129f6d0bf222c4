import BCPAnalysis
import Foundation

/// Where a command writes. The CLI passes the real streams; tests capture text.
public final class Terminal: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    private let lock = NSLock()

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// Standard output and error. A closed pipe (`bcpsim ... | head`) ends writing quietly:
    /// SIGPIPE is ignored by the executable and a failed write is dropped, not trapped.
    public static let standard = Terminal(
        out: { s in FileHandle.standardOutput.writeQuietly(s) },
        err: { s in FileHandle.standardError.writeQuietly(s) })

    public func out(_ s: String) {
        lock.lock()
        defer { lock.unlock() }
        writeOut(s.hasSuffix("\n") ? s : s + "\n")
    }

    public func err(_ s: String) {
        lock.lock()
        defer { lock.unlock() }
        writeErr(s.hasSuffix("\n") ? s : s + "\n")
    }
}

extension FileHandle {
    func writeQuietly(_ s: String) {
        try? write(contentsOf: Data(s.utf8))
    }
}

/// A buffer for tests: captures what a command prints.
public final class CapturedTerminal: @unchecked Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    private let lock = NSLock()
    public init() {}
    public var terminal: Terminal {
        Terminal(
            out: { [self] s in lock.lock(); out += s; lock.unlock() },
            err: { [self] s in lock.lock(); err += s; lock.unlock() })
    }
}
