import BCPAnalysis
import BCPModel
import BCPText

/// The backtest report: per scenario, each published figure beside the model's, with the band
/// and pass or fail. Markdown, HTML and CSV, in Japanese or English.
public struct BacktestReport {
    public let results: [BacktestResult]
    public let lang: Language

    public init(_ results: [BacktestResult], lang: Language) {
        self.results = results
        self.lang = lang
    }

    func L(_ key: String, _ args: String...) -> String { Labels.text("backtest." + key, lang, args: args) }

    /// Tenths of a percent as "36.1%".
    static func percent(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)%" }

    func devices(_ t: RecordTarget) -> String {
        t.devices.isEmpty ? L("allDevices") : t.devices.map { Labels.text("shortfall.device." + $0.rawValue, lang) }.joined(separator: lang.pick(ja: "・", en: ", "))
    }

    func figure(_ t: RecordTarget) -> String {
        lang.pick(ja: t.labelJa, en: t.labelEn) + (t.withinMinutes.map { L("within", String($0 / 60)) } ?? "")
    }

    func band(_ t: RecordTarget) -> String { Self.percent(t.low) + "–" + Self.percent(t.high) }

    var failures: Int { results.reduce(0) { $0 + $1.rows.filter { !$0.acceptable }.count } }
    var knownGaps: Int { results.reduce(0) { $0 + $1.rows.filter(\.knownGap).count } }

    func verdict(_ row: BacktestRow) -> String { row.passed ? L("pass") : (row.knownGap ? L("knownGap") : L("fail")) }
    var figures: Int { results.reduce(0) { $0 + $1.rows.count } }

    /// One line for the terminal and the top of the report.
    public var summary: String {
        let head = failures > 0 ? L("summary.fail", String(failures), String(figures))
            : (knownGaps == 0 ? L("summary.pass", String(figures)) : L("summary.passKnown", String(figures - knownGaps), String(figures)))
        return knownGaps == 0 ? head : head + L("summary.known", String(knownGaps))
    }

    public func document() -> Document {
        var d = Document(title: L("title"), lang: lang, css: Document.printCSS)
        d.add(.paragraph(L("intro", String(results.first?.seeds.count ?? 0))))
        d.add(.paragraph(summary))
        for r in results {
            d.add(.heading(lang.pick(ja: r.scenarioNameJa, en: r.scenarioNameEn), level: 2))
            d.add(.definitions([
                (L("scenario"), r.scenarioId), (L("event"), lang.pick(ja: r.eventJa, en: r.eventEn)),
                (L("runsLabel"), L("runs", NumberFormat.grouped(r.patients), String(r.seeds.count), String(r.seeds.first ?? 0))),
            ]))
            let notes = lang.pick(ja: r.notesJa, en: r.notesEn)
            if !notes.isEmpty { d.add(.paragraph(notes)) }
            var t = TextTable(
                headers: [L("col.figure"), L("col.devices"), L("col.model"), L("col.record"), L("col.band"), L("col.result"), L("col.counted")],
                alignments: [.left, .left, .right, .right, .right, .center, .right])
            for row in r.rows {
                t.add([
                    figure(row.target), devices(row.target), row.denominator == 0 ? L("noneCounted") : Self.percent(row.value),
                    Self.percent(row.target.record), band(row.target), verdict(row),
                    "\(NumberFormat.grouped(row.numerator)) / \(NumberFormat.grouped(row.denominator))",
                ])
            }
            d.add(.table(t))
            d.add(.heading(L("sources"), level: 3))
            d.add(.list(r.rows.map { figure($0.target) + ": " + $0.target.source }))
            let gaps = r.rows.filter { $0.target.knownGapEn != nil }
            if !gaps.isEmpty {
                d.add(.heading(L("knownGaps"), level: 3))
                d.add(.list(gaps.map { figure($0.target) + ": " + lang.pick(ja: $0.target.knownGapJa ?? "", en: $0.target.knownGapEn ?? "") }))
            }
        }
        d.add(.note(L("readme")))
        return d
    }

    /// The figures as aligned plain text for the terminal: scenario, figure, model, record, band.
    public var terminalTable: String {
        var rows = [[L("scenario"), L("col.figure"), L("col.model"), L("col.record"), L("col.band"), L("col.result")]]
        for r in results {
            for row in r.rows {
                rows.append([
                    r.scenarioId, figure(row.target) + " [" + devices(row.target) + "]",
                    row.denominator == 0 ? L("noneCounted") : Self.percent(row.value), Self.percent(row.target.record), band(row.target),
                    verdict(row),
                ])
            }
        }
        let widths = (0..<rows[0].count).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { c, text in
                text + String(repeating: " ", count: c == cells.count - 1 ? 0 : widths[c] - DisplayWidth.of(text) + 2)
            }.joined()
        }.joined(separator: "\n")
    }

    public func markdown() -> String { document().markdown() }
    public func html() -> String { document().html() }

    /// One row per figure, machine-readable: shares in percent with one decimal.
    public func csv(bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["scenario", "target", "statistic", "devices", "within_hours", "model_percent", "record_percent", "band_low_percent",
               "band_high_percent", "result", "numerator", "denominator", "runs", "source"])
        for r in results {
            for row in r.rows {
                let t = row.target
                w.row(texts: [
                    r.scenarioId, t.id, t.statistic.rawValue, t.devices.map(\.rawValue).joined(separator: " "),
                    t.withinMinutes.map { String($0 / 60) } ?? "", Self.percent(row.value).dropLast().description,
                    Self.percent(t.record).dropLast().description, Self.percent(t.low).dropLast().description,
                    Self.percent(t.high).dropLast().description, row.passed ? "pass" : (row.knownGap ? "known-gap" : "fail"), String(row.numerator),
                    String(row.denominator), String(r.seeds.count), t.source,
                ])
            }
        }
        return w.text
    }
}
