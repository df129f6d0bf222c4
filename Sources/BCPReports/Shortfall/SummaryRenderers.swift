/// summary.md: the summary's blocks as GitHub-flavoured Markdown (charts are HTML only).
public struct SummaryMarkdown: Sendable {
    public let document: SummaryDocument
    public init(_ document: SummaryDocument) { self.document = document }

    public func render() -> String {
        var parts: [String] = []
        for b in document.blocks() {
            switch b {
            case .heading(let t, let level):
                parts.append(String(repeating: "#", count: level) + " " + MarkdownTable.escapeText(t))
            case .paragraph(let t):
                parts.append(MarkdownTable.escapeText(t))
            case .note(let t):
                parts.append("> " + MarkdownTable.escapeText(t))
            case .definitions(let pairs):
                parts.append(pairs.map { "- **\(MarkdownTable.escapeText($0.0))**: \(MarkdownTable.escapeText($0.1))" }.joined(separator: "\n"))
            case .table(let t):
                var s = t.render()
                s.removeLast()
                parts.append(s)
            case .list(let items):
                parts.append(items.map { "- " + MarkdownTable.escapeText($0) }.joined(separator: "\n"))
            case .chart:
                continue
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}

/// summary.html: the same blocks as one self-contained page (inline CSS, inline SVG, no scripts).
public struct SummaryHTML: Sendable {
    public let document: SummaryDocument
    public init(_ document: SummaryDocument) { self.document = document }

    static let extraCSS = """
        <style>
        svg.chart{display:block;max-width:100%;height:auto;margin:.3rem 0 .8rem}
        svg.chart text{font-family:inherit;font-size:11px;fill:#222}
        .legend{font-size:.8rem;color:#333}
        @media print{svg.chart{page-break-inside:avoid;max-height:120mm}}
        </style>
        """

    public func render() -> String {
        var page = HTMLPage(title: document.title, lang: document.lang)
        page.rawTrusted(SummaryHTML.extraCSS)
        let charts = SVGCharts(tables: document.tables, lang: document.lang)
        for b in document.blocks() {
            switch b {
            case .heading(let t, let level): page.heading(t, level: level)
            case .paragraph(let t): page.paragraph(t)
            case .note(let t): page.paragraph(t, className: "note")
            case .definitions(let pairs): page.definitions(pairs)
            case .table(let t): page.table(t)
            case .list(let items): page.list(items)
            case .chart(let kind): page.rawTrusted(charts.svg(kind))
            }
        }
        return page.render()
    }
}
