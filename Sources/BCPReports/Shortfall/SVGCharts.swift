import BCPAnalysis
import BCPModel
import BCPText

/// Inline SVG charts for summary.html. Integer coordinates only; every text escaped. A figure is
/// drawn as it is shown: exact to scale; a band as a hatched box over the whole band, to scale,
/// with its text; a withheld figure as a hatched box marked "x", never as zero. Label columns are
/// as wide as their longest label (`TextWidth`), so labels fit in both languages.
struct SVGCharts {
    let tables: PublicTables
    let lang: Language

    var data: ResultDocument { tables.data }

    static let blue = "#2b6cb0", red = "#c53030", green = "#2f855a", orange = "#dd6b20", teal = "#81e6d9"
    static let fontSize = 12

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

    func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ fill: String, title: String? = nil) -> String {
        let t = title.map { "<title>\(escapeHTML($0))</title>" } ?? ""
        if t.isEmpty { return "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, w))\" height=\"\(max(0, h))\" fill=\"\(fill)\"/>" }
        return "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, w))\" height=\"\(max(0, h))\" fill=\"\(fill)\">\(t)</rect>"
    }

    /// A "nice" axis maximum at least `v`: 1, 2, 5 x 10^k.
    /// The top of an axis: the first of 1, 2, 5, 10, then 12, 15, 20, 25, 30, 40, 50, 60, 80,
    /// 100 times a power of ten, at least `v` (2,502 -> 3,000, not 5,000; 24 -> 25).
    static func niceMax(_ v: Int) -> Int {
        for f in [1, 2, 5] where f >= v { return f }
        var m = 1
        while true {
            for f in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80] where m * f >= v { return m * f }
            m *= 10
        }
    }

    func width(_ s: String) -> Int { TextWidth.pixels(s, size: SVGCharts.fontSize) }

    /// Legend items in rows that fit `maxWidth`; returns the markup and the rows used.
    func legend(_ x: Int, _ y: Int, maxWidth: Int, _ items: [(String, String)]) -> (String, Int) {
        var s = "", cx = x, cy = y, rows = 1
        for (color, label) in items {
            let itemW = 16 + width(label) + 14
            if cx > x && cx + itemW > x + maxWidth {
                cx = x
                cy += 18
                rows += 1
            }
            s += rect(cx, cy - 10, 12, 11, color) + text(cx + 16, cy, label)
            cx += itemW
        }
        return (s, rows)
    }

    var hiddenLegend: String {
        L("shortfall.chart.hidden", lang, DisclosureText.count(tables.policy.smallBand, lang))
    }

    // MARK: Timeline: patients without power (bars) and with the grid off (line), per hour (Tokyo).

    /// Two panels on one hour axis, each on its own scale: the patients with the grid off (a
    /// line), then the patients without any power (bars). On one scale the second, tens against
    /// thousands, was drawn a pixel high (a ward official's trial).
    func timeline() -> String {
        let title = L("shortfall.chart.timeline", lang)
        let n = data.result.timeline.count
        let cells = (0..<n).map { tables.hour($0) }
        let offMax = SVGCharts.niceMax(max(1, cells.compactMap { $0.gridOff.bounds?.upperBound }.max() ?? 1))
        let withoutMax = SVGCharts.niceMax(max(1, cells.compactMap { $0.withoutPower.bounds?.upperBound }.max() ?? 1))
        let left = 16 + max(width(NumberFormat.grouped(offMax)), width(NumberFormat.grouped(withoutMax))) + 8
        let top = 48, plotW = 700, offH = 160, gap = 44, withoutH = 120, w = left + plotW + 24
        let withoutTop = top + offH + gap
        func x(_ hour: Int) -> Int { left + (n <= 1 ? 0 : hour * plotW / (n - 1)) }
        func yOff(_ v: Int) -> Int { top + offH - v * offH / offMax }
        func yWithout(_ v: Int) -> Int { withoutTop + withoutH - v * withoutH / withoutMax }
        var body = text(8, 16, title, bold: true)
        func axis(_ maxV: Int, _ y: (Int) -> Int, _ label: String, _ labelY: Int, _ color: String) {
            // (style, not fill: the page's "svg.chart text" rule sets the fill of every text.)
            body += "<text x=\"\(left)\" y=\"\(labelY)\" style=\"fill:\(color)\">\(escapeHTML(label))</text>"
            for k in 0...4 {
                let v = maxV * k / 4
                body += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(left + plotW)\" y2=\"\(y(v))\" stroke=\"#e2e8f0\"/>"
                body += text(left - 6, y(v) + 4, NumberFormat.grouped(v), anchor: "end")
            }
        }
        axis(offMax, yOff, L("shortfall.col.gridOff", lang), top - 14, SVGCharts.blue)
        axis(withoutMax, yWithout, L("shortfall.col.withoutPower", lang), withoutTop - 14, SVGCharts.red)
        let barW = max(1, plotW / max(1, n))
        var line: [String] = []
        for (hour, c) in cells.enumerated() {
            switch c.withoutPower {
            case .exact(let v) where v > 0: body += rect(x(hour), yWithout(v), barW, yWithout(0) - yWithout(v), SVGCharts.red)
            case .band(_, let hi): body += rect(x(hour), yWithout(hi), barW, yWithout(0) - yWithout(hi), "url(#hatch)")
            case .withheld: body += rect(x(hour), withoutTop, barW, withoutH, "url(#hatch)")
            default: break
            }
            // The grid-off line passes through a banded hour at its band's middle.
            if let b = c.gridOff.bounds { line.append("\(x(hour)),\(yOff((b.lowerBound + b.upperBound) / 2))") }
        }
        if !line.isEmpty {
            body += "<polyline fill=\"none\" stroke=\"\(SVGCharts.blue)\" stroke-width=\"2\" points=\"\(line.joined(separator: " "))\"/>"
        }
        let bottom = withoutTop + withoutH
        for d in stride(from: 0, to: n, by: 24) { body += text(x(d), bottom + 16, String(d), anchor: "middle") }
        body += text(left + plotW / 2, bottom + 32, L("shortfall.chart.hours", lang), anchor: "middle")
        let (leg, rows) = legend(left, bottom + 52, maxWidth: plotW, [
            (SVGCharts.red, L("shortfall.col.withoutPower", lang)), (SVGCharts.blue, L("shortfall.col.gridOff", lang)), ("url(#hatch)", hiddenLegend),
        ])
        let h = bottom + 52 + 18 * rows
        return header(w, h, title) + body + leg + "</svg>"
    }

    // MARK: Bars per municipality: uncovered patients.

    struct Bar {
        var label: String
        var shown: Shown
        var text: String
    }

    func hbars(title: String, rows: [Bar], color: String, legendLabel: String) -> String {
        let labelW = rows.map { width($0.label) }.max() ?? 0
        let valueW = rows.map { width($0.text) }.max() ?? 0
        let left = 8 + labelW + 8, top = 28, rowH = 18, plotW = 480
        let w = left + plotW + 6 + valueW + 8
        let maxV = SVGCharts.niceMax(max(tables.threshold, rows.compactMap { $0.shown.bounds?.upperBound }.max() ?? 1, 1))
        func len(_ v: Int) -> Int { v * plotW / maxV }
        var body = text(8, 16, title, bold: true)
        for (k, r) in rows.enumerated() {
            let y = top + k * rowH
            body += text(left - 6, y + 13, r.label, anchor: "end")
            var end = 0
            switch r.shown {
            case .exact(let v):
                end = len(v)
                body += rect(left, y + 3, end, rowH - 5, color)
            case .band(let lo, let hi):
                // The sure part solid, the band hatched: to scale from lo to hi.
                body += rect(left, y + 3, len(lo), rowH - 5, color) + rect(left + len(lo), y + 3, max(2, len(hi) - len(lo)), rowH - 5, "url(#hatch)", title: r.text)
                end = max(len(hi), len(lo) + 2)
            case .withheld:
                end = 14
                body += rect(left, y + 3, end, rowH - 5, "url(#hatch)", title: r.text)
            }
            body += text(left + end + 6, y + 13, r.text)
        }
        let axisBottom = top + rows.count * rowH
        body += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(axisBottom)\" stroke=\"#4a5568\"/>"
        let (leg, lines) = legend(8, axisBottom + 22, maxWidth: w - 16, [(color, legendLabel), ("url(#hatch)", hiddenLegend)])
        let h = axisBottom + 22 + 18 * lines
        return header(w, h, title) + body + leg + "</svg>"
    }

    func municipalities() -> String {
        let rows = data.result.municipalities.enumerated().filter { $0.element.tally.affected > 0 }.map { (i, m) in
            Bar(label: m.name(lang), shown: tables.shown(.municipality(i), .uncovered), text: tables.text(.municipality(i), .uncovered, lang))
        }
        if rows.isEmpty { return "<p class=\"note\">\(escapeHTML(L("shortfall.chart.noAffected", lang)))</p>" }
        return hbars(title: L("shortfall.chart.municipalities", lang), rows: rows, color: SVGCharts.red, legendLabel: L("shortfall.col.uncovered", lang))
    }

    // MARK: Tiers: stacked outcome bars per tier, to scale.

    /// Each tier's bar is as long as its patients who lost power. Outcomes shown exactly are drawn
    /// to scale in their colour; the banded or withheld ones together take the rest of the bar,
    /// hatched (their sum is the bar less the exact ones, which a reader can work out anyway).
    /// When the bar's own total is banded, the bar ends hatched over its band.
    func tiers() -> String {
        let title = L("shortfall.chart.tiers", lang)
        let cols: [(PublicTables.Col, String, String)] = [
            // The five outcomes, which add up to the bar (self-help left out, the bar of 841 was drawn 823 long).
            (.ownMeans, SVGCharts.green, "shortfall.col.ownMeans"), (.selfHelp, SVGCharts.teal, "shortfall.col.selfHelp"),
            (.byUnit, SVGCharts.blue, "shortfall.col.byUnit"),
            (.evacuated, SVGCharts.orange, "shortfall.col.evacuated"), (.uncovered, SVGCharts.red, "shortfall.col.uncovered"),
        ]
        let rows = BCPTier.allCases
        let labels = rows.map { L("shortfall.tier.\($0.name)", lang) }
        let totals = rows.map { tables.shown(.tier($0), .affected) }
        // The figures the hatched part holds, written after the bar's total in words (a hover
        // title alone left a printed page with no band to read).
        let hidden: [[String]] = rows.map { tier in
            cols.compactMap { c in
                let s = tables.shown(.tier(tier), c.0)
                return s.isExact ? nil : L(c.2, lang) + " " + DisclosureText.count(s, lang)
            }
        }
        let valueTexts = rows.indices.map { k in
            tables.text(.tier(rows[k]), .affected, lang) + (hidden[k].isEmpty ? "" : L("shortfall.chart.hiddenParts", lang, lang.join(hidden[k])))
        }
        let labelW = labels.map(width).max() ?? 0
        let valueW = valueTexts.map(width).max() ?? 0
        let left = 8 + labelW + 8, top = 28, rowH = 28, plotW = 480
        let w = left + plotW + 6 + valueW + 8
        let maxV = SVGCharts.niceMax(max(1, totals.compactMap { $0.bounds?.upperBound }.max() ?? 1))
        func len(_ v: Int) -> Int { v * plotW / maxV }
        var body = text(8, 16, title, bold: true)
        for (k, tier) in rows.enumerated() {
            let y = top + k * rowH
            body += text(left - 6, y + 18, labels[k], anchor: "end")
            var x = left, exactSum = 0
            for c in cols {
                if case .exact(let v) = tables.shown(.tier(tier), c.0) {
                    // Cumulative ends, so that the segments meet and end where the bar's total does.
                    body += rect(x, y + 5, len(exactSum + v) - len(exactSum), rowH - 10, c.1, title: L(c.2, lang) + " " + NumberFormat.grouped(v))
                    x = left + len(exactSum + v)
                    exactSum += v
                }
            }
            // The rest: the hidden outcomes together, hatched, up to the bar's total (or its band).
            let b = totals[k].bounds ?? (exactSum...exactSum)
            let restEnd = left + len(b.upperBound)
            if !hidden[k].isEmpty || b.lowerBound != b.upperBound {
                body += rect(x, y + 5, max(2, restEnd - x), rowH - 10, "url(#hatch)", title: lang.join(hidden[k]))
            }
            body += text(max(restEnd, x + 2) + 6, y + 18, valueTexts[k])
        }
        let (leg, lines) = legend(8, top + rows.count * rowH + 22, maxWidth: w - 16,
                                  cols.map { ($0.1, L($0.2, lang)) } + [("url(#hatch)", hiddenLegend)])
        let h = top + rows.count * rowH + 22 + 18 * lines
        return header(w, h, title) + body + leg + "</svg>"
    }
}

/// An estimate of a text's width in pixels (sans-serif at `size`), for sizing label columns so
/// that no label is clipped: full-width characters (CJK, kana, full-width forms) count one em,
/// others about 0.6 em, rounded up.
enum TextWidth {
    static func pixels(_ s: String, size: Int) -> Int {
        var tenths = 0
        for u in s.unicodeScalars {
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            tenths += wide ? 10 : 6
        }
        return (tenths * size + 9) / 10
    }
}
