/// A usage mistake: printed as one line plus a hint, exit 64 (EX_USAGE), like swift-argument-parser.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String
    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

/// An option a command accepts, untyped: what the parser and the help page need. Commands
/// declare typed `Option`s and list their `spec`s.
public struct OptionSpec: Sendable {
    public var name: String
    /// Nil for a flag; otherwise the value's placeholder for help, e.g. "DIR".
    public var value: String?
    /// Accepted values, if a closed set.
    public var choices: [String]
    public var help: String
    /// The message for a value the option does not accept, nil when it accepts it.
    public var check: (@Sendable (String) -> String?)?

    public init(_ name: String, value: String? = nil, choices: [String] = [], help: String,
                check: (@Sendable (String) -> String?)? = nil) {
        self.name = name
        self.value = value
        self.choices = choices
        self.help = help
        self.check = check
    }
}

/// Parsed command-line arguments of one subcommand: `--flag`, `--opt value`, `--opt=value`,
/// positionals, and `--` ending options. Later occurrences of an option win.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    private var values: [(String, String)] = []
    private var flags: [String] = []

    public func has(_ flag: String) -> Bool { flags.contains(flag) }
    public func value(_ option: String) -> String? { values.last { $0.0 == option }?.1 }

    /// Parses `args` against `options`; `command` names the subcommand in hints.
    public static func parse(_ args: [String], options: [OptionSpec], command: String) throws -> ParsedArguments {
        var out = ParsedArguments()
        var i = 0
        var optionsEnded = false
        let hint = "see 'bcpsim \(command) --help'"
        while i < args.count {
            let a = args[i]
            i += 1
            if optionsEnded || !a.hasPrefix("-") || a == "-" {
                out.positionals.append(a)
                continue
            }
            if a == "--" {
                optionsEnded = true
                continue
            }
            guard a.hasPrefix("--") else {
                throw UsageError("unknown option '\(a)'", hint: hint)
            }
            var name = String(a.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let close = options.map(\.name).filter { editDistance($0, name) <= 2 }
                let suggestion = close.first.map { "did you mean '--\($0)'? " } ?? ""
                throw UsageError("unknown option '--\(name)'", hint: suggestion + hint)
            }
            guard let placeholder = spec.value else {
                if inline != nil { throw UsageError("option '--\(name)' takes no value", hint: hint) }
                out.flags.append(name)
                continue
            }
            let v: String
            if let inline { v = inline } else {
                guard i < args.count else { throw UsageError("option '--\(name)' needs a value (\(placeholder))", hint: hint) }
                // "--out --force" is a forgotten value, not a folder named "--force" (a value
                // that starts with "--" can be given as --out=--name).
                if args[i].hasPrefix("--") {
                    throw UsageError("option '--\(name)' needs a value (\(placeholder)), found the option '\(args[i])'",
                                     hint: "give it as --\(name)=\(args[i]) if that is meant; " + hint)
                }
                v = args[i]
                i += 1
            }
            if !spec.choices.isEmpty && !spec.choices.contains(v) {
                throw UsageError("'\(v)' is not a valid value for '--\(name)'; expected one of: \(spec.choices.joined(separator: ", "))", hint: hint)
            }
            if let message = spec.check?(v) { throw UsageError(message, hint: hint) }
            out.values.append((name, v))
        }
        return out
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt options and commands.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var row = Array(0...y.count)
    for i in 1...x.count {
        var prev = row[0]
        row[0] = i
        for j in 1...y.count {
            let cur = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
            prev = cur
        }
    }
    return row[y.count]
}
