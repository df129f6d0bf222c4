import BCPAnalysis
import BCPText
/// The MSEL as CSV (for the exercise controller's spreadsheet), as a table and as a printable page.
public struct MSELRenderer: Sendable {
    public let rows: [MSELRow]
    public let lang: Language

    public init(rows: [MSELRow], lang: Language) {
        self.rows = rows
        self.lang = lang
    }

    static let columns = ["number", "time", "type", "from", "to", "message", "action", "objective"]

    func cells(_ r: MSELRow) -> [String] {
        [String(r.number), r.time, Labels.text("workshop.injectType." + r.type.rawValue, lang), r.from, r.to, r.message, r.expectedAction, r.objective]
    }

    public func table() -> TextTable {
        var t = TextTable(headers: MSELRenderer.columns.map { Labels.text("workshop.msel.col." + $0, lang) }, alignments: [.right])
        for r in rows { t.add(cells(r)) }
        return t
    }

    /// Columns: number, time, minute from start (for sorting), inject type, from, to, message,
    /// expected player action, objective.
    public func csv(bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        var head = MSELRenderer.columns.map { Labels.text("workshop.msel.col." + $0, lang) }
        head.insert(Labels.text("workshop.msel.col.minute", lang), at: 2)
        w.row(texts: head)
        for r in rows {
            var c = cells(r).map { CSVCell.text($0) }
            c[0] = .number(r.number)
            c.insert(.number(r.minute), at: 2)
            w.row(c)
        }
        return w.text
    }

    /// The note under the MSEL: what "at the earliest" means, only when a time carries it.
    public static func note(_ rows: [MSELRow], _ lang: Language) -> String {
        (rows.contains(where: \.approximate) ? Labels.text("workshop.msel.note.approx", lang) + (lang == .ja ? "" : " ") : "")
            + Labels.text("workshop.msel.note.ids", lang)
    }

    public func document(scenarioName: String, referenceTier: String) -> Document {
        var d = Document(title: Labels.text("workshop.msel.title", lang, scenarioName), lang: lang, css: Document.printCSS)
        d.add(.paragraph(Labels.text("workshop.msel.intro", lang, referenceTier)))
        d.add(.definitions(InjectType.allCases.map {
            (Labels.text("workshop.injectType." + $0.rawValue, lang), Labels.text("workshop.injectType.\($0.rawValue).explain", lang))
        }))
        d.add(.table(table(), caption: nil))
        d.add(.note(MSELRenderer.note(rows, lang)))
        return d
    }
}
