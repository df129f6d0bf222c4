import BCPAnalysis
import BCPSimulator
import BCPText

/// The few lines `bcpsim run` prints: the headline a planner reads first, in the report's
/// language and under the same disclosure policy as the files (the figures are read from the
/// same PublicTables). One line per HeadlineMeasure.
public enum TerminalHeadline {
    public static func text(_ tables: PublicTables, lang: Language) -> String { lines(tables, lang: lang).joined(separator: "\n") }

    /// The headline's lines, each to be printed as one line (a value with a line break in it,
    /// such as a scenario's name, stays inside its line: Terminal escapes it).
    public static func lines(_ tables: PublicTables, lang: Language) -> [String] {
        let d = tables.data, r = d.result
        func L(_ k: String, _ a: String...) -> String { Labels.text(k, lang, args: a) }
        var lines = [
            L("terminal.run.title", d.name(lang), String(r.seed),
              r.tier == .asConfigured ? L("shortfall.tier.as-configured") : L("shortfall.tier.\(r.tier.name)"), NumberFormat.hours(r.horizonMinutes)),
            DisclosureNotes.line(tables.policy, lang),
        ]
        let withSpread = d.replicas > 1
        for m in HeadlineMeasure.all {
            var line = "  " + L("shortfall.headline.\(m.key)") + ": " + m.text(tables, lang)
            if withSpread, let i = m.interval(tables, lang) { line += "  (p5 / p95: " + i + ")" }
            lines.append(line)
        }
        // The summary's headline table, row for row.
        if r.totals.uncovered > 0 { lines.append("  " + L("terminal.run.longest") + ": " + DisclosureText.hours(tables.longestGap())) }
        let first = r.firstDepletionMinute.map { tables.policy.extreme($0, group: r.totals.atRisk) }
        if let first {
            lines.append("  " + L("shortfall.headline.firstDepletion") + ": "
                + (first.isExact ? L("shortfall.headline.firstDepletionValue", NumberFormat.hours(first.exactValue!)) : DisclosureText.withheld))
        }
        if withSpread { lines.append(L("terminal.run.replicas", String(d.replicas))) }
        return lines
    }
}

extension ShortfallReport {
    /// The terminal headline of a run, with the options its files are rendered with.
    public static func terminalHeadline(_ data: ResultDocument, options: ShortfallOptions) -> String {
        terminalHeadlineLines(data, options: options).joined(separator: "\n")
    }

    /// The same, one entry per line (for Terminal.out(lines:)).
    public static func terminalHeadlineLines(_ data: ResultDocument, options: ShortfallOptions) -> [String] {
        TerminalHeadline.lines(PublicTables(data, policy: policy(data, options)), lang: options.lang)
    }
}
