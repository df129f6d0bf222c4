import BCPAnalysis
import BCPModel
import BCPText

/// Inline SVG charts for summary.html. Integer coordinates only; every text escaped. A suppressed
/// value is never drawn to scale: it is a hatched box over its whole range (1 to threshold-1), or
/// a grey "x" when secondarily hidden.
struct SVGCharts {
    let tables: PublicTables
    let lang: Language

    var data: ResultDocument { tables.data }
    var t: Int { tables.threshold }

    static let blue = "#2b6cb0", red = "#c53030", grey = "#a0aec0", green = "#2f855a", orange = "#dd6b20"

    func svg(_ kind: ChartKind) -> String {
        switch kind {
        case .timeline: return timeline()
        case .municipalities: return municipalities()
        case .tiers: return tiers()
        }
    }

    func header(_ w: Int, _ h: Int, _ title: String) -> String {
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
            + "<title>\(escapeHTML(title))</title>"
            + "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#edf2f7\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#718096\" stroke-width=\"2\"/></pattern></defs>"
            + "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>"
    }

    func text(_ x: Int, _ y: Int, _ s: String, anchor: String = "start", bold: Bool = false) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\"\(bold ? " font-weight=\"bold\"" : "")>\(escapeHTML(s))</text>"
    }

    func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, w))\" height=\"\(max(0, h))\" fill=\"\(fill)\"/>"
    }

    /// A "nice" axis maximum at least `v`: 1, 2, 5 x 10^k.
    static func niceMax(_ v: Int) -> Int {
        var m = 1
        while true {
            for f in [1, 2, 5] where m * f >= v { return m * f }
            m *= 10
        }
    }

    func legend(_ x: Int, _ y: Int, _ items: [(String, String)]) -> String {
        var s = ""
        var cx = x
        for (color, label) in items {
            s += rect(cx, y - 9, 12, 10, color) + text(cx + 16, y, label)
            cx += 16 + 12 * max(4, label.count) + 10
        }
        return s
    }

    // MARK: Timeline: patients without power (bars) and with the grid off (line), per hour.

    func timeline() -> String {
        let title = L("shortfall.chart.timeline", lang)
        let n = data.result.timeline.count
        let left = 56, top = 28, plotW = 660, plotH = 220, w = left + plotW + 20, h = top + plotH + 64
        let maxV = SVGCharts.niceMax(max(t, data.result.timeline.map(\.gridOff).max() ?? 0))
        func y(_ v: Int) -> Int { top + plotH - v * plotH / maxV }
        func x(_ hour: Int) -> Int { left + (n <= 1 ? 0 : hour * plotW / (n - 1)) }
        var s = header(w, h, title) + text(left, 16, title, bold: true)
        for k in 0...4 {
            let v = maxV * k / 4
            s += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(left + plotW)\" y2=\"\(y(v))\" stroke=\"#e2e8f0\"/>"
            s += text(left - 6, y(v) + 4, NumberFormat.grouped(v), anchor: "end")
        }
        let barW = max(1, plotW / max(1, n))
        var line: [String] = []
        for hour in 0..<n {
            let c = tables.hour(hour)
            let v = data.result.timeline[hour]
            switch c.withoutMark {
            case .shown where v.withoutPower > 0: s += rect(x(hour), y(v.withoutPower), barW, y(0) - y(v.withoutPower), SVGCharts.red)
            case .primary: s += rect(x(hour), y(t - 1), barW, y(0) - y(t - 1), "url(#hatch)")
            default: break
            }
            // The grid-off line steps through hidden points at the top of their range (never to scale).
            let g = c.gridOffMark == .shown ? v.gridOff : (c.gridOffMark == .primary ? t - 1 : v.gridOff)
            if c.gridOffMark != .secondary { line.append("\(x(hour)),\(y(g))") }
        }
        if !line.isEmpty {
            s += "<polyline fill=\"none\" stroke=\"\(SVGCharts.blue)\" stroke-width=\"2\" points=\"\(line.joined(separator: " "))\"/>"
        }
        // Hour ticks every day.
        for d in stride(from: 0, to: n, by: 24) {
            s += text(x(d), top + plotH + 16, String(d), anchor: "middle")
        }
        s += text(left + plotW / 2, top + plotH + 32, L("shortfall.chart.hours", lang), anchor: "middle")
        s += legend(left, h - 10, [(SVGCharts.red, L("shortfall.col.withoutPower", lang)), (SVGCharts.blue, L("shortfall.col.gridOff", lang)),
                                    ("url(#hatch)", L("shortfall.chart.hidden", lang, Suppression.rangeText(t)))])
        return s + "</svg>"
    }

    // MARK: Bars per municipality: uncovered patients.

    func hbars(title: String, rows: [(label: String, value: Int, mark: Suppression.Mark, text: String)], color: String) -> String {
        let left = 150, top = 28, rowH = 16, plotW = 480, w = left + plotW + 90
        let h = top + rows.count * rowH + 36
        let maxV = SVGCharts.niceMax(max(t, rows.map(\.value).max() ?? 0, 1))
        func len(_ v: Int) -> Int { v * plotW / maxV }
        var s = header(w, h, title) + text(8, 16, title, bold: true)
        for (k, r) in rows.enumerated() {
            let y = top + k * rowH
            s += text(left - 6, y + 12, r.label, anchor: "end")
            switch r.mark {
            case .shown: s += rect(left, y + 2, len(r.value), rowH - 4, color)
            case .primary: s += rect(left, y + 2, len(t - 1), rowH - 4, "url(#hatch)")
            case .secondary: break
            }
            let end = r.mark == .shown ? len(r.value) : (r.mark == .primary ? len(t - 1) : 0)
            s += text(left + end + 4, y + 12, r.text)
        }
        s += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + rows.count * rowH)\" stroke=\"#4a5568\"/>"
        s += legend(left, h - 10, [(color, L("shortfall.col.uncovered", lang)), ("url(#hatch)", L("shortfall.chart.hidden", lang, Suppression.rangeText(t)))])
        return s + "</svg>"
    }

    func municipalities() -> String {
        let rows = data.result.municipalities.enumerated().filter { $0.element.tally.affected > 0 }.map { (i, m) in
            (label: m.name(lang), value: m.tally.uncovered, mark: tables.mark(.municipality(i), .uncovered), text: tables.text(.municipality(i), .uncovered))
        }
        if rows.isEmpty { return "<p class=\"note\">\(escapeHTML(L("shortfall.chart.noAffected", lang)))</p>" }
        return hbars(title: L("shortfall.chart.municipalities", lang), rows: rows, color: SVGCharts.red)
    }

    // MARK: Tiers: stacked outcome bars per tier (never to scale where hidden).

    func tiers() -> String {
        let title = L("shortfall.chart.tiers", lang)
        let cols: [(PublicTables.Col, String, String)] = [
            (.ownMeans, SVGCharts.green, "shortfall.col.ownMeans"), (.byUnit, SVGCharts.blue, "shortfall.col.byUnit"),
            (.evacuated, SVGCharts.orange, "shortfall.col.evacuated"), (.uncovered, SVGCharts.red, "shortfall.col.uncovered"),
        ]
        let left = 150, top = 28, rowH = 26, plotW = 480, w = left + plotW + 90
        let rows = BCPTier.allCases
        let h = top + rows.count * rowH + 40
        // Scale: the largest affected count of a tier (hidden ones count as threshold-1).
        let widths = rows.map { tier in cols.map { c -> Int in
            let m = tables.mark(.tier(tier), c.0)
            return m == .shown ? tables.raw(.tier(tier), c.0) : (m == .primary ? t - 1 : 0)
        } }
        let maxV = SVGCharts.niceMax(max(1, widths.map { $0.reduce(0, +) }.max() ?? 1))
        var s = header(w, h, title) + text(8, 16, title, bold: true)
        for (k, tier) in rows.enumerated() {
            let y = top + k * rowH
            s += text(left - 6, y + 16, L("shortfall.tier.\(tier.name)", lang), anchor: "end")
            var x = left
            for (j, c) in cols.enumerated() {
                let len = widths[k][j] * plotW / maxV
                let m = tables.mark(.tier(tier), c.0)
                s += rect(x, y + 4, len, rowH - 8, m == .shown ? c.1 : "url(#hatch)")
                x += len
            }
            s += text(x + 4, y + 16, tables.text(.tier(tier), .affected))
        }
        s += legend(8, h - 10, cols.map { ($0.1, L($0.2, lang)) } + [("url(#hatch)", L("shortfall.chart.hidden", lang, Suppression.rangeText(t)))])
        return s + "</svg>"
    }
}
