/// A document for people, built once as blocks and rendered as Markdown or as a self-contained HTML
/// page, so that both say the same thing. Every report (the shortfall summary, the allocation
/// check, the workshop pack, the MSEL, compare) is a Document; no report writes Markdown or HTML
/// by hand. All text is escaped by the renderers (Markdown: `TextTable.escapeText`; HTML:
/// `HTMLPage`), except a chart's SVG, which its builder escapes.
public struct Document: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        /// A remark set apart (a blockquote in Markdown, a small paragraph in HTML).
        case note(String)
        /// Several remarks as one block (one blockquote of paragraphs in Markdown).
        case notes([String])
        case list([String])
        case numbered([String])
        case definitions([(String, String)])
        case table(TextTable, caption: String? = nil)
        /// An inline SVG chart (HTML only; Markdown readers get the tables).
        case chart(svg: String)
        /// An inline SVG figure with a caption (a map and its credit). Markdown shows `markdown`
        /// instead (e.g. where to find the figure), or nothing.
        case figure(svg: String, caption: String, markdown: String? = nil)
        case pageBreak
        /// Blocks side by side on a wide HTML page, one list per column (they wrap under one
        /// another on a narrow page); in Markdown, one after the other.
        case columns([[Block]])
    }

    public var title: String
    public var lang: Language
    /// Extra CSS for the HTML page (a `<style>` element), nil for none.
    public var css: String?
    public var blocks: [Block] = []

    public init(title: String, lang: Language, css: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.lang = lang
        self.css = css
        self.blocks = blocks
    }

    /// Print rules for packs handed out on paper: empty cells are writing space; page breaks.
    public static let printCSS = "<style>td:empty{height:2em;min-width:3.5em}.pagebreak{page-break-before:always}ol li,ul li{margin:.2rem 0}</style>"

    public mutating func add(_ b: Block) { blocks.append(b) }
    public mutating func add(_ bs: [Block]) { blocks += bs }

    /// GitHub-flavoured Markdown: the title as `#`, blocks separated by blank lines.
    public func markdown() -> String {
        var parts = ["# " + TextTable.escapeText(title)]
        Document.markdown(blocks, into: &parts)
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func markdown(_ blocks: [Block], into parts: inout [String]) {
        let e = TextTable.escapeText
        for b in blocks {
            switch b {
            case .heading(let t, let level): parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + e(t))
            case .paragraph(let t): parts.append(e(t))
            case .note(let t): parts.append("> " + e(t))
            case .notes(let ts): parts.append(ts.map { "> " + e($0) }.joined(separator: "\n>\n"))
            case .list(let items): parts.append(items.map { "- " + e($0) }.joined(separator: "\n"))
            case .numbered(let items): parts.append(items.enumerated().map { "\($0.offset + 1). " + e($0.element) }.joined(separator: "\n"))
            case .definitions(let pairs): parts.append(pairs.map { "- **\(e($0.0))**: \(e($0.1))" }.joined(separator: "\n"))
            case .table(let t, let caption):
                if let caption { parts.append("**" + e(caption) + "**") }
                var s = t.render()
                s.removeLast()
                parts.append(s)
            case .figure(_, _, let note?): parts.append("> " + e(note))
            case .chart, .figure: continue
            case .pageBreak: parts.append("---")
            case .columns(let columns): for c in columns { markdown(c, into: &parts) }
            }
        }
    }

    /// One self-contained page: inline CSS, inline SVG, no scripts, no external files.
    public func html() -> String {
        var page = HTMLPage(title: title, lang: lang)
        if let css { page.rawTrusted(css) }
        page.heading(title, level: 1)
        Document.html(blocks, into: &page)
        return page.render()
    }

    static func html(_ blocks: [Block], into page: inout HTMLPage) {
        for b in blocks {
            switch b {
            case .heading(let t, let level): page.heading(t, level: level)
            case .paragraph(let t): page.paragraph(t)
            case .note(let t): page.paragraph(t, className: "note")
            case .notes(let ts): for t in ts { page.paragraph(t, className: "note") }
            case .list(let items): page.list(items)
            case .numbered(let items): page.rawTrusted("<ol>\n" + items.map { "<li>\(escapeHTML($0))</li>" }.joined(separator: "\n") + "\n</ol>")
            case .definitions(let pairs): page.definitions(pairs)
            case .table(let t, let caption): page.table(t, caption: caption)
            case .chart(let svg): page.rawTrusted(svg)
            case .figure(let svg, let caption, _):
                page.rawTrusted("<figure>" + svg + "<figcaption>" + escapeHTML(caption) + "</figcaption></figure>")
            case .pageBreak: page.rawTrusted("<div class=\"pagebreak\"></div>")
            case .columns(let columns):
                page.rawTrusted("<div class=\"cols\">")
                for c in columns {
                    page.rawTrusted("<div>")
                    html(c, into: &page)
                    page.rawTrusted("</div>")
                }
                page.rawTrusted("</div>")
            }
        }
    }
}
