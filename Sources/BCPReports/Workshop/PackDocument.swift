/// A printable document built once and rendered as Markdown or HTML. All text is escaped by the
/// renderers (Markdown: `MarkdownTable.escapeText`; HTML: `HTMLPage`).
public struct PackDocument: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        case note(String)
        case list([String])
        case numbered([String])
        case definitions([(String, String)])
        case table(MarkdownTable, caption: String?)
        case pageBreak
    }

    public var title: String
    public var lang: Lang
    public var blocks: [Block] = []

    public init(title: String, lang: Lang) {
        self.title = title
        self.lang = lang
    }

    public mutating func add(_ b: Block) { blocks.append(b) }

    public func markdown() -> String {
        var parts = ["# " + MarkdownTable.escapeText(title)]
        for b in blocks {
            switch b {
            case .heading(let t, let level): parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + MarkdownTable.escapeText(t))
            case .paragraph(let t): parts.append(MarkdownTable.escapeText(t))
            case .note(let t): parts.append("> " + MarkdownTable.escapeText(t))
            case .list(let items): parts.append(items.map { "- " + MarkdownTable.escapeText($0) }.joined(separator: "\n"))
            case .numbered(let items): parts.append(items.enumerated().map { "\($0.offset + 1). " + MarkdownTable.escapeText($0.element) }.joined(separator: "\n"))
            case .definitions(let pairs): parts.append(pairs.map { "- **\(MarkdownTable.escapeText($0.0))**: \(MarkdownTable.escapeText($0.1))" }.joined(separator: "\n"))
            case .table(let t, let caption):
                if let caption { parts.append("**" + MarkdownTable.escapeText(caption) + "**") }
                parts.append(t.render().trimmingSuffixNewline)
            case .pageBreak: parts.append("---")
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Extra print rules: empty cells are writing space; page breaks; MSEL pages may go landscape.
    static let css = "<style>td:empty{height:2em;min-width:3.5em}.pagebreak{page-break-before:always}ol li,ul li{margin:.2rem 0}</style>"

    public func html() -> String {
        var page = HTMLPage(title: title, lang: lang)
        page.rawTrusted(PackDocument.css)
        page.heading(title, level: 1)
        for b in blocks {
            switch b {
            case .heading(let t, let level): page.heading(t, level: level)
            case .paragraph(let t): page.paragraph(t)
            case .note(let t): page.paragraph(t, className: "note")
            case .list(let items): page.list(items)
            case .numbered(let items): page.rawTrusted("<ol>\n" + items.map { "<li>\(escapeHTML($0))</li>" }.joined(separator: "\n") + "\n</ol>")
            case .definitions(let pairs): page.definitions(pairs)
            case .table(let t, let caption): page.table(t, caption: caption)
            case .pageBreak: page.rawTrusted("<div class=\"pagebreak\"></div>")
            }
        }
        return page.render()
    }
}

extension String {
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
