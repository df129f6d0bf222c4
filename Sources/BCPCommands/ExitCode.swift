/// Exit codes from sysexits.h, which scripts and schedulers understand.
public enum ExitCode {
    public static let success: Int32 = 0
    /// The command line was wrong.
    public static let usage: Int32 = 64
    /// An input file was wrong.
    public static let dataError: Int32 = 65
    /// An output could not be written.
    public static let cannotCreate: Int32 = 73
    /// Something inside bcpsim failed (bench: a child process).
    public static let software: Int32 = 70
}

/// An error that already knows its exit code and message.
public struct CommandFailure: Error, Sendable {
    public var code: Int32
    public var message: String
    public init(code: Int32, _ message: String) {
        self.code = code
        self.message = message
    }
}
