/// Escapes text for HTML element content and attribute values: & < > " '.
public func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

/// Escapes a table header and marks where a Japanese line may break. Browsers break Japanese
/// between any two characters, so a narrow column read "電源なし（時|間）"; headers are set
/// `word-break: keep-all` and may break only at a phrase's end: after a run of hiragana (the
/// particles and endings: "許容時間を|超えた|患者") and before an opening bracket ("|（時間）").
/// Text with no such point (English, a short word) is unchanged.
public func escapeHTMLHeader(_ s: String) -> String {
    func hiragana(_ u: Unicode.Scalar) -> Bool { (0x3041...0x309F).contains(u.value) }
    // Characters a line never starts with (closing brackets and marks, small kana, the long vowel).
    func noStart(_ u: Unicode.Scalar) -> Bool { "）」』】、。・ー々ぁぃぅぇぉっゃゅょゎ：".unicodeScalars.contains(u) }
    var out = ""
    var previous: Unicode.Scalar?
    for u in s.unicodeScalars {
        if let p = previous, !noStart(u), (hiragana(p) && !hiragana(u)) || u == "（" { out += "<wbr>" }
        out += escapeHTML(String(u))
        previous = u
    }
    return out
}

/// A self-contained HTML page: no scripts, no external files, inline CSS with an A4 print layout
/// (tables repeat their header on each printed page). Every text passed in is escaped; only
/// `rawTrusted(_:)` takes markup, for fragments the caller built from escaped parts.
public struct HTMLPage: Sendable {
    public var title: String
    public var lang: Language
    private var body: [String] = []

    public init(title: String, lang: Language) {
        self.title = title
        self.lang = lang
    }

    public mutating func heading(_ text: String, level: Int = 2, id: String? = nil) {
        let l = min(max(level, 1), 6)
        let idAttr = id.map { " id=\"\(escapeHTML($0))\"" } ?? ""
        body.append("<h\(l)\(idAttr)>\(escapeHTML(text))</h\(l)>")
    }

    public mutating func paragraph(_ text: String, className: String? = nil) {
        let c = className.map { " class=\"\(escapeHTML($0))\"" } ?? ""
        body.append("<p\(c)>\(escapeHTML(text))</p>")
    }

    public mutating func list(_ items: [String]) {
        body.append("<ul>\n" + items.map { "<li>\(escapeHTML($0))</li>" }.joined(separator: "\n") + "\n</ul>")
    }

    /// A definition list of (term, description) pairs, e.g. a report's parameters.
    public mutating func definitions(_ pairs: [(String, String)]) {
        body.append("<dl>\n" + pairs.map { "<dt>\(escapeHTML($0.0))</dt><dd>\(escapeHTML($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>")
    }

    /// A table; right-aligned columns get the `num` class (tabular figures). Strong rows are totals.
    public mutating func table(_ t: TextTable, caption: String? = nil) {
        var s = "<table>\n"
        if let caption { s += "<caption>\(escapeHTML(caption))</caption>\n" }
        func cls(_ i: Int) -> String {
            switch t.alignments[i] {
            case .right: return " class=\"num\""
            case .center: return " class=\"c\""
            case .left: return ""
            }
        }
        s += "<thead><tr>" + t.headers.indices.map { "<th\(cls($0)) scope=\"col\">\(escapeHTMLHeader(t.headers[$0]))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            let strong = t.strongRows.contains(r)
            s += "<tr\(strong ? " class=\"total\"" : "")>" + row.indices.map { "<td\(cls($0))>\(escapeHTML(row[$0]))</td>" }.joined() + "</tr>\n"
        }
        s += "</tbody>\n</table>"
        body.append(s)
    }

    /// Markup the caller has built from escaped parts. Never pass unescaped input here.
    public mutating func rawTrusted(_ html: String) { body.append(html) }

    public static let css = """
        body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",Meiryo,system-ui,sans-serif;margin:1.5rem;color:#111;line-height:1.5}
        h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #999}h3{font-size:1rem}
        table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}
        caption{text-align:left;font-weight:bold;padding:.2rem 0}
        th,td{border:1px solid #bbb;padding:.15rem .4rem;vertical-align:top}
        th{background:#eee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
        td,th{overflow-wrap:break-word}th{word-break:keep-all}
        figure{margin:.5rem 0 1rem}figcaption{font-size:.8rem;color:#444}svg.map{display:block;width:100%;max-width:1000px;height:auto}
        td.c,th.c{text-align:center}tr.total td{font-weight:bold;background:#f6f6f6}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:bold}dd{margin:0}
        .note{color:#444;font-size:.85rem}
        .cols{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-start}.cols>div{flex:1 1 340px;min-width:0}
        @page{size:A4;margin:12mm}
        @media print{body{margin:0;font-size:9pt}table{font-size:8pt;page-break-inside:auto}tr{page-break-inside:avoid}
        thead{display:table-header-group}h2{page-break-after:avoid}}
        """

    /// The complete document.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>
        \(HTMLPage.css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}
