import BCPAnalysis
import BCPText
import Foundation

/// Where a command writes. The CLI passes the real streams; tests capture text.
///
/// Two kinds of output (issue 16, item 8):
/// - `out` and `err` print lines for people: messages, notes, summaries, usage errors. Text in
///   them can come from the user or from a file (a path, a scenario name, an id), so each call
///   prints exactly one line, its control characters shown as escapes
///   (`TextEscaping.terminalSafe`): a line break in a value cannot start a forged line, ESC and
///   OSC sequences cannot drive the terminal. Several lines are passed as a list (`lines:`).
///   Ordinary text, Japanese included, is printed byte for byte.
/// - `document` prints the text of a file format (`--format md|csv|html|json`), the same bytes
///   the file would hold; only when standard output is a terminal are its control characters
///   other than line ends and tabs escaped (`TextEscaping.terminalSafeText`).
///
/// Every write to standard output is checked (item 7): a closed pipe (`bcpsim ... | head`) ends
/// output quietly, as before; any other failure (a full disk, `> /dev/full`, an I/O error) is
/// kept in `outputFailure`, and `BCPSim.main` turns it into exit status 73 with a message.
public final class Terminal: @unchecked Sendable {
    public enum Stream: Sendable { case out, err }

    /// Writes text to a stream; returns nil when every byte was written, else the error number.
    public typealias Writer = @Sendable (Stream, String) -> Int32?

    private let writer: Writer
    private let outIsTerminal: Bool
    private let lock = NSLock()
    /// Standard output's reader went away (EPIPE): nothing more is written, quietly.
    private var outClosed = false
    private var outError: Int32?

    /// A terminal whose writer reports errors. `outIsTerminal`: whether documents are printed on a
    /// terminal (their control characters are then escaped).
    public init(writer: @escaping Writer, outIsTerminal: Bool = false) {
        self.writer = writer
        self.outIsTerminal = outIsTerminal
    }

    /// A terminal that hands text to two closures (tests); writing never fails.
    public convenience init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.init(writer: { stream, s in
            switch stream {
            case .out: out(s)
            case .err: err(s)
            }
            return nil
        })
    }

    /// Writes to two file descriptors with write(2), checking every call.
    public static func fileDescriptors(out: Int32, err: Int32) -> Terminal {
        Terminal(writer: { stream, s in writeAll(stream == .out ? out : err, s) }, outIsTerminal: isatty(out) == 1)
    }

    /// Standard output and error. The executable ignores SIGPIPE, so a closed pipe is EPIPE here.
    public static let standard = Terminal.fileDescriptors(out: STDOUT_FILENO, err: STDERR_FILENO)

    /// One line for people on standard output, shown terminal-safe (a line break in it is `\n`).
    public func out(_ line: String) { write(.out, Terminal.line(line)) }

    /// Lines for people on standard output, each shown terminal-safe.
    public func out(lines: [String]) { write(.out, lines.map(Terminal.line).joined()) }

    /// One line for people on standard error, shown terminal-safe.
    public func err(_ line: String) { write(.err, Terminal.line(line)) }

    /// Lines for people on standard error, each shown terminal-safe.
    public func err(lines: [String]) { write(.err, lines.map(Terminal.line).joined()) }

    /// The text of a document on standard output, as its file would hold it.
    public func document(_ s: String) {
        let text = outIsTerminal ? TextEscaping.terminalSafeText(s) : s
        write(.out, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Why standard output could not be written ("no space left on device"), nil if it could or
    /// if its reader only went away.
    public var outputFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return outError.map(SystemError.reason)
    }

    /// `s` as one terminal-safe line ending in a newline.
    static func line(_ s: String) -> String { TextEscaping.terminalSafe(s) + "\n" }

    /// The lines of a text of our own (help pages), for `out(lines:)`.
    static func split(_ text: String) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func write(_ stream: Stream, _ s: String) {
        lock.lock()
        defer { lock.unlock() }
        if stream == .out && (outClosed || outError != nil) { return }
        guard let e = writer(stream, s), stream == .out else { return }
        if e == EPIPE { outClosed = true } else { outError = e }
    }

    /// Writes every byte of `s` to `fd`, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ s: String) -> Int32? {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBytes { SystemError.writeAll(fd, UnsafeRawBufferPointer($0)) }
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
