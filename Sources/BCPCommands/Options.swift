import BCPAnalysis
import BCPModel
import BCPReports
import BCPSimulator
import BCPText
import Foundation

/// One option of a command, declared once: its name, its placeholder and help for `--help`, and
/// how its value is parsed. The parser checks every value when it reads the command line, so a
/// bad value is a usage error (exit 64) before any file is read, and a command reads typed values
/// (`args[seed]` is a UInt64, `args[tier]` a TierOverride) without parsing anything again.
public struct Option<Value: Sendable>: Sendable {
    public let name: String
    /// The value's placeholder in help ("DIR", "N"); nil for a flag.
    public let placeholder: String?
    public let help: String
    /// Accepted values when they are a closed set (listed in help).
    public let choices: [String]
    let parse: @Sendable (String) -> Value?
    /// What a value must be, for the error message ("a whole number in 1...100000").
    let expectation: String

    init(_ name: String, placeholder: String?, help: String, choices: [String] = [], expectation: String,
         parse: @escaping @Sendable (String) -> Value?) {
        self.name = name
        self.placeholder = placeholder
        self.help = help
        self.choices = choices
        self.expectation = expectation
        self.parse = parse
    }

    /// The same option with another help text (a shared option described for one command).
    public func help(_ text: String) -> Option {
        Option(name, placeholder: placeholder, help: text, choices: choices, expectation: expectation, parse: parse)
    }

    /// The untyped declaration the parser and the help page use.
    public var spec: OptionSpec {
        let parse = self.parse, expectation = self.expectation, name = self.name
        let check: @Sendable (String) -> String? = { text in
            parse(text) == nil ? "'--\(name)' expects \(expectation), found '\(text)'" : nil
        }
        return OptionSpec(name, value: placeholder, choices: choices, help: help, check: placeholder == nil ? nil : check)
    }
}

extension Option where Value == Bool {
    public static func flag(_ name: String, help: String) -> Option {
        Option(name, placeholder: nil, help: help, expectation: "no value", parse: { _ in true })
    }
}

extension Option where Value == String {
    /// Any text: a path, a search string.
    public static func text(_ name: String, _ placeholder: String, help: String) -> Option {
        Option(name, placeholder: placeholder, help: help, expectation: "a value", parse: { $0 })
    }
}

extension Option where Value == Int {
    /// A whole number within `range`.
    public static func int(_ name: String, _ placeholder: String, _ range: ClosedRange<Int>, help: String) -> Option {
        Option(name, placeholder: placeholder, help: help, expectation: "a whole number in \(range.lowerBound)...\(range.upperBound)",
               parse: { Int($0).flatMap { range.contains($0) ? $0 : nil } })
    }
}

extension Option where Value == UInt64 {
    /// A seed: any whole number 0...2^64 - 1, the range of the replica seeds `run` prints.
    public static func seed(help: String) -> Option {
        Option("seed", placeholder: "S", help: help, expectation: "a whole number 0...18446744073709551615", parse: { UInt64($0) })
    }
}

extension Option where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of the cases of an enum, by its name.
    public static func choice(_ name: String, _ placeholder: String, help: String) -> Option {
        let names = Value.allCases.map(\.rawValue)
        return Option(name, placeholder: placeholder, help: help, choices: names,
                      expectation: "one of: \(names.joined(separator: ", "))", parse: { Value(rawValue: $0) })
    }
}

extension ParsedArguments {
    /// The typed value of an option, nil when it was not given. Values were checked by `parse`.
    public subscript<T>(_ option: Option<T>) -> T? { value(option.name).flatMap(option.parse) }

    /// Whether a flag was given.
    public subscript(_ flag: Option<Bool>) -> Bool { has(flag.name) }

    /// The value of a required option, or a usage error naming it.
    public func required<T>(_ option: Option<T>, command: String, synopsis: String) throws -> T {
        guard let v = self[option] else {
            throw UsageError("'\(command)' needs --\(option.name) \(option.placeholder ?? "")", hint: "usage: bcpsim \(synopsis)")
        }
        return v
    }
}

/// Options several commands share, declared once.
enum CommonOptions {
    static let out = Option<String>.text("out", "DIR", help: "Folder for the output (created, or replaced whole if bcpsim wrote it for the same command; see --force).")
    static let force = Option<Bool>.flag(
        "force", help: "Write into a folder bcpsim would not replace (someone else's, or of another kind): each file is replaced, other files are kept.")
    static let seed = Option<UInt64>.seed(help: "Seed instead of the scenario's (0...18446744073709551615).")
    static let threads = Option<Int>.int("threads", "T", 1...1024, help: "Threads for replicas (default: the number of cores).")
    static let tier = Option<TierOverride>.choice(
        "tier", "TIER", help: "Play every provider and municipality at this BCP tier (default as-configured).")
    static let lang = Option<Language>.choice("lang", "LANG", help: "Language of the output (default ja).")
    /// CSV files start with a UTF-8 byte order mark by default, so that Excel on Japanese Windows
    /// reads them as UTF-8; --no-bom leaves it out for pipelines. --bom (the old switch) is kept
    /// so that scripts that pass it keep working; it changes nothing.
    static let noBOM = Option<Bool>.flag("no-bom", help: "Leave out the UTF-8 byte order mark that CSV files start with (for pipelines).")
    static let bom = Option<Bool>.flag("bom", help: "Start CSV files with a UTF-8 byte order mark (the default; kept for old scripts).")

    /// Whether CSV output starts with a byte order mark: yes, unless --no-bom.
    static func bomWanted(_ args: ParsedArguments) -> Bool { !args[noBOM] }

    /// The number of cores, the default for --threads.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The options of a shortfall report rendering, shared by run, report and merge.
enum ReportOptions {
    static let suppress = Option<Int>.int(
        "suppress", "N", 1...1_000,
        help: "Show counts 1...N-1 as a band in public files (default: the scenario's suppression_threshold, 10; none for a synthetic scenario).")

    static let specs = [CommonOptions.lang.help("Language of the reports (default ja).").spec, CommonOptions.noBOM.spec, CommonOptions.bom.spec, suppress.spec]

    static func read(_ args: ParsedArguments) -> ShortfallOptions {
        ShortfallOptions(lang: args[CommonOptions.lang] ?? .ja, bom: CommonOptions.bomWanted(args), suppress: args[suppress],
                         toolVersion: BCPSim.version)
    }
}
