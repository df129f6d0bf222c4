/// A subcommand: its name, help text and what it runs.
public struct CommandInfo: Sendable {
    public var name: String
    /// One line for the command list.
    public var summary: String
    /// Usage line after "bcpsim", e.g. "validate SCENARIO".
    public var synopsis: String
    /// Paragraphs for `--help`, man-page style.
    public var discussion: String
    public var options: [OptionSpec]
    /// Positional arguments allowed: min...max.
    public var positionals: ClosedRange<Int>
    public var run: @Sendable (ParsedArguments, Terminal) throws -> Int32

    public var help: String {
        var s = "NAME\n    bcpsim \(name) - \(summary)\n\nSYNOPSIS\n    bcpsim \(synopsis)\n\nDESCRIPTION\n"
        s += discussion.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        s += "\n\nOPTIONS\n"
        for o in options + [OptionSpec("help", help: "Show this help.")] {
            let head = "--\(o.name)" + (o.value.map { " \($0)" } ?? "")
            s += "    \(head)\n        \(o.help)"
            if !o.choices.isEmpty { s += " One of: \(o.choices.joined(separator: ", "))." }
            s += "\n"
        }
        return s
    }
}
