import BCPAnalysis
import BCPModel
import BCPText

/// `compare` output as Markdown, HTML and CSV (long format: one row per place and figure).
public struct CompareRenderer: Sendable {
    public let comparison: Comparison
    public let lang: Language

    public init(_ c: Comparison, lang: Language) {
        comparison = c
        self.lang = lang
    }

    func L(_ k: String, _ a: String...) -> String { Labels.text(k, lang, args: a) }

    func value(_ v: Int?, _ minutes: Bool) -> String {
        guard let v else { return "-" }
        return minutes ? NumberFormat.hours(v) : NumberFormat.grouped(v)
    }

    func diff(_ r: Comparison.Row) -> String {
        guard let d = r.difference else { return "-" }
        return r.minutes ? NumberFormat.signedHours(d) : NumberFormat.signed(d)
    }

    func metricName(_ r: Comparison.Row, unit: String) -> String {
        Labels.text(r.metric, lang) + (r.minutes ? Labels.text(unit, lang) : "")
    }

    var abHeaders: [String] {
        [L("compare.col.a", comparison.labelA), L("compare.col.b", comparison.labelB), L("compare.col.diff")]
    }

    func table(_ rows: [Comparison.Row], named: Bool) -> TextTable {
        let head = (named ? [L("compare.col.name")] : []) + [L("compare.col.metric")] + abHeaders
        var t = TextTable(headers: head, alignments: (named ? [.left] : []) + [.left, .right, .right, .right])
        var lastName = ""
        for r in rows {
            let name = lang.pick(ja: r.nameJa, en: r.nameEn)
            let shown = named ? [name == lastName ? "" : name] : []
            lastName = name
            t.add(shown + [metricName(r, unit: "workshop.unit.hours"), value(r.a, r.minutes), value(r.b, r.minutes), diff(r)],
                  strong: r.metric == "workshop.metric.uncovered" || r.metric == "workshop.metric.gap")
        }
        return t
    }

    public func document() -> Document {
        let c = comparison
        var d = Document(title: L("compare.title", c.labelA, c.labelB), lang: lang, css: Document.printCSS)
        var defs = [
            (L("compare.param.a"), c.labelA + " — " + lang.pick(ja: c.a.scenarioNameJa, en: c.a.scenarioNameEn)),
            (L("compare.param.b"), c.labelB + " — " + lang.pick(ja: c.b.scenarioNameJa, en: c.b.scenarioNameEn)),
            (L("compare.param.seed"), L("compare.seeds.value", String(c.a.seed), String(c.b.seed))),
        ]
        defs.append((Labels.text("workshop.col.tier", lang), L("compare.seeds.value", TierText.name(c.a.tier, lang), TierText.name(c.b.tier, lang))))
        d.add(.definitions(defs))
        if c.a.seed != c.b.seed { d.add(.note(L("compare.seeds.differ"))) }
        let ta = c.a.totals, tb = c.b.totals
        d.add(.paragraph(L("compare.summary", NumberFormat.grouped(ta.uncovered), NumberFormat.grouped(tb.uncovered), NumberFormat.signed(tb.uncovered - ta.uncovered),
                           NumberFormat.hours(ta.gapMinutes), NumberFormat.hours(tb.gapMinutes), NumberFormat.signedHours(tb.gapMinutes - ta.gapMinutes),
                           NumberFormat.grouped(ta.unitsDelivered), NumberFormat.grouped(tb.unitsDelivered), NumberFormat.signed(tb.unitsDelivered - ta.unitsDelivered))))
        d.add(.heading(L("compare.section.headline"), level: 2))
        d.add(.table(table(c.headline, named: false), caption: nil))
        d.add(.heading(L("compare.section.areas"), level: 2))
        d.add(.table(table(Comparison.changedPlaces(c.areas), named: true), caption: nil))
        d.add(.heading(L("compare.section.municipalities"), level: 2))
        d.add(.table(table(Comparison.changedPlaces(c.municipalities), named: true), caption: nil))
        d.add(.list([L("compare.note.diff"), L("compare.note.changed"), L("compare.note.counts"), L("compare.note.input")]))
        return d
    }

    public func markdown() -> String { document().markdown() }
    public func html() -> String { document().html() }

    /// level, code, name, figure, A, B, B - A; durations in whole minutes.
    public func csv(bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: [L("compare.col.level"), L("common.col.code"), L("compare.col.name"), L("compare.col.metric")] + abHeaders)
        let c = comparison
        for r in c.headline + c.areas + c.municipalities {
            w.row([.text(Labels.text("common.level." + r.level, lang)), r.code.isEmpty ? .empty : .text(r.code),
                   .text(lang.pick(ja: r.nameJa, en: r.nameEn)), .text(metricName(r, unit: "workshop.unit.minutes")),
                   r.a.map { .number($0) } ?? .empty, r.b.map { .number($0) } ?? .empty, r.difference.map { .number($0) } ?? .empty])
        }
        return w.text
    }
}
