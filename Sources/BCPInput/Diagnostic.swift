import BCPText

/// A problem found in an input file, located as `path:line:column: error: message`
/// (the format compilers and swift-format use, so editors can jump to it). Path and message are
/// kept as found; `description` shows their control characters as escapes, so that a file name,
/// id, key or area name read from a file cannot forge a line or drive the terminal.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }
    public var path: String
    /// 1-based; 0 when the problem is with the file as a whole.
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// One line, whatever the path and message hold (`TextEscaping.terminalSafe`).
    public var description: String {
        let path = TextEscaping.terminalSafe(path), message = TextEscaping.terminalSafe(message)
        return line > 0 ? "\(path):\(line):\(column): \(severity.rawValue): \(message)" : "\(path): \(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics up to a cap, so that one bad file yields a readable list, not thousands.
public struct Diagnostics: Sendable {
    public static let defaultCap = 200
    public private(set) var items: [Diagnostic] = []
    public private(set) var dropped = 0
    public let cap: Int

    public init(cap: Int = Diagnostics.defaultCap) { self.cap = cap }

    public var hasErrors: Bool { items.contains { $0.severity == .error } || dropped > 0 }
    public var errorCount: Int { items.filter { $0.severity == .error }.count + dropped }

    public mutating func add(_ d: Diagnostic) {
        if items.count < cap { items.append(d) } else { dropped += 1 }
    }

    public mutating func error(_ path: String, _ line: Int, _ column: Int, _ message: String) {
        add(Diagnostic(path: path, line: line, column: column, message: message))
    }

    public mutating func note(_ path: String, _ message: String) {
        add(Diagnostic(path: path, line: 0, column: 0, severity: .note, message: message))
    }

    /// The list as printed by `bcpsim validate`, with a closing line when the cap cut it short.
    public var rendered: String { lines.joined(separator: "\n") }

    /// The lines of `rendered`: one per diagnostic, each a single line (`Diagnostic.description`).
    public var lines: [String] {
        var lines = items.map(\.description)
        if dropped > 0 {
            lines.append("... and \(dropped) more error\(dropped == 1 ? "" : "s") (only the first \(cap == 1 ? "is" : "\(cap) are") shown)")
        }
        return lines
    }
}

/// Thrown when a scenario cannot be loaded; carries every problem found.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: Diagnostics
    public init(_ diagnostics: Diagnostics) { self.diagnostics = diagnostics }
    public init(path: String, line: Int = 0, column: Int = 0, _ message: String) {
        var d = Diagnostics()
        d.error(path, line, column, message)
        diagnostics = d
    }
    public var description: String { diagnostics.rendered }
}
