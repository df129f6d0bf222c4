/// A table of already-formatted text cells, rendered as a GitHub-flavoured Markdown table.
/// The same value renders in HTML through `HTMLPage.table(_:caption:)`, so a report builds each table once.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right, center }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Row indices shown in bold (totals).
    public var strongRows: [Int] = []

    /// `alignments` may be shorter than `headers`; missing ones are left-aligned.
    public init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = (0..<headers.count).map { $0 < alignments.count ? alignments[$0] : .left }
        self.rows = []
    }

    /// Appends a row; short rows are padded with empty cells, long rows cut to the header count.
    public mutating func add(_ cells: [String], strong: Bool = false) {
        var r = Array(cells.prefix(headers.count))
        while r.count < headers.count { r.append("") }
        if strong { strongRows.append(rows.count) }
        rows.append(r)
    }

    /// The Markdown text, one line per row, ending with a newline.
    public func render() -> String {
        var lines = ["| " + headers.map(TextTable.escape).joined(separator: " | ") + " |"]
        lines.append("| " + alignments.map { a -> String in
            switch a {
            case .left: return "---"
            case .right: return "---:"
            case .center: return ":---:"
            }
        }.joined(separator: " | ") + " |")
        for (i, r) in rows.enumerated() {
            let strong = strongRows.contains(i)
            lines.append("| " + r.map { c in
                let e = TextTable.escape(c)
                return strong && !e.isEmpty ? "**\(e)**" : e
            }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text made safe inside a table row: | escaped, line breaks become spaces,
    /// and characters Markdown would read as markup (* _ ` < > [ ] \) escaped with a backslash.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\r\n", "\n", "\r": out += " "
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// Escapes markup in running text (paragraphs, list items), the same way as cells.
    public static func escapeText(_ s: String) -> String { escape(s) }
}
