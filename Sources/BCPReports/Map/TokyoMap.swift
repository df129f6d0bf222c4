import BCPText

/// One class of a choropleth: its legend text and its fill.
public struct MapClass: Sendable, Equatable {
    public var label: String
    public var fill: String
    public init(_ label: String, _ fill: String) {
        self.label = label
        self.fill = fill
    }
}

/// What one municipality shows on a map.
public struct MapArea: Sendable, Equatable {
    public enum Fill: Sendable, Equatable {
        /// The class (index into the map's classes).
        case inClass(Int)
        /// Withheld, or banded across two classes: hatched.
        case hidden
        /// Nothing to show (no data, not in the outage).
        case none
    }

    /// 6-digit code, e.g. "131016".
    public var code: String
    public var fill: Fill
    /// The hover text: name and figures.
    public var tooltip: String
    public init(code: String, fill: Fill, tooltip: String) {
        self.code = code
        self.fill = fill
        self.tooltip = tooltip
    }
}

/// A choropleth of Tokyo's 62 municipalities: the mainland to scale, the nine island
/// municipalities in an inset, each in its own box. Boundaries: MLIT National Land Numerical
/// Information N03 (docs/sources/data), projected and simplified once into `TokyoMapShapes`.
/// Whole-number coordinates; every text escaped; classes and areas in the order given.
public struct TokyoMap: Sendable {
    public var title: String
    public var classes: [MapClass]
    /// Legend text of the hatched fill and of the empty fill (nil: not in the legend).
    public var hiddenLabel: String?
    public var noneLabel: String?
    public var areas: [MapArea]
    /// Short names of the island municipalities by code, printed under their boxes.
    public var islandNames: [String: String]
    public var islandsLabel: String

    /// An island's name under its 100 px box: an English name without " Village" / " Town".
    static func insetLabel(_ name: String) -> String {
        for suffix in [" Village", " Town"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    public init(title: String, classes: [MapClass], hiddenLabel: String?, noneLabel: String?, areas: [MapArea],
                islandNames: [String: String], islandsLabel: String) {
        self.title = title
        self.classes = classes
        self.hiddenLabel = hiddenLabel
        self.noneLabel = noneLabel
        self.areas = areas
        self.islandNames = islandNames
        self.islandsLabel = islandsLabel
    }

    /// The credit the boundary data requires wherever a map drawn from it appears.
    public static func credit(_ lang: Language) -> String {
        lang.pick(ja: "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成",
                  en: "Source: National Land Numerical Information (Administrative Areas), MLIT, processed")
    }

    static let noneFill = "#edf2f7"

    /// Sequential fills, light to dark, for the five classes of `Scale.sequential`.
    public static let sequential = ["#fffaf0", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]

    func fill(_ code: String) -> (fill: String, tooltip: String) {
        guard let a = areas.first(where: { $0.code == code }) else { return (TokyoMap.noneFill, "") }
        switch a.fill {
        case .inClass(let k) where classes.indices.contains(k): return (classes[k].fill, a.tooltip)
        case .hidden: return ("url(#maphatch)", a.tooltip)
        default: return (TokyoMap.noneFill, a.tooltip)
        }
    }

    /// The SVG (it scales to the page's width, at most its natural size).
    public func svg() -> String {
        let w = TokyoMapShapes.mainlandWidth, mh = TokyoMapShapes.mainlandHeight, box = TokyoMapShapes.islandBox
        let gap = 10, insetTop = mh + 34, h = insetTop + box + 24
        var s = "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
        s += "<title>\(escapeHTML(title))</title>"
        s += "<defs><pattern id=\"maphatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        s += "<rect width=\"8\" height=\"8\" fill=\"#edf2f7\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#718096\" stroke-width=\"3\"/></pattern></defs>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>"
        for m in TokyoMapShapes.mainland {
            let f = fill(m.code)
            s += "<path d=\"\(m.path)\" fill=\"\(f.fill)\" stroke=\"#ffffff\" stroke-width=\"1\"><title>\(escapeHTML(f.tooltip))</title></path>"
        }
        // The islands inset: one box each, north to south, the name under it (short enough for
        // its box: "Aogashima VillageOgasawara Village" ran together; the tooltip has it whole).
        s += text(0, insetTop - 10, islandsLabel, size: 14, bold: true)
        for (k, isl) in TokyoMapShapes.islands.enumerated() {
            let x = k * (box + gap)
            let f = fill(isl.code)
            s += "<g transform=\"translate(\(x),\(insetTop))\"><rect width=\"\(box)\" height=\"\(box)\" fill=\"#f7fafc\" stroke=\"#a0aec0\"/>"
            // An outline keeps the smallest islands visible.
            s += "<path d=\"\(isl.path)\" fill=\"\(f.fill)\" stroke=\"#718096\" stroke-width=\"1\"><title>\(escapeHTML(f.tooltip))</title></path></g>"
            s += text(x + box / 2, insetTop + box + 16, TokyoMap.insetLabel(islandNames[isl.code] ?? ""), size: 12, anchor: "middle")
        }
        s += legend(x: 6, bottom: mh - 4)
        return s + "</svg>"
    }

    func text(_ x: Int, _ y: Int, _ t: String, size: Int, anchor: String = "start", bold: Bool = false) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\"\(bold ? " font-weight=\"bold\"" : "") fill=\"#1a202c\">\(escapeHTML(t))</text>"
    }

    /// The legend in the empty south-west corner of the mainland frame (south of Hachioji and
    /// Hinohara), bottom-aligned.
    func legend(x: Int, bottom: Int) -> String {
        var items = classes.map { ($0.fill, $0.label) }
        if let hiddenLabel { items.append(("url(#maphatch)", hiddenLabel)) }
        if let noneLabel { items.append((TokyoMap.noneFill, noneLabel)) }
        let rowH = 22
        var y = bottom - items.count * rowH
        var s = ""
        for (f, label) in items {
            s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"22\" height=\"16\" fill=\"\(f)\" stroke=\"#718096\" stroke-width=\"0.5\"/>"
            s += text(x + 30, y + 13, label, size: 14)
            y += rowH
        }
        return s
    }

    /// Classes of whole numbers: lo...hi per class. A figure (exact or a band) falls in a class
    /// when all its values do; a band across two classes, or a withheld figure, is hatched.
    public struct Scale: Sendable, Equatable {
        public var ranges: [ClosedRange<Int>]
        public init(_ ranges: [ClosedRange<Int>]) { self.ranges = ranges }

        public func fill(_ bounds: ClosedRange<Int>?) -> MapArea.Fill {
            guard let b = bounds else { return .hidden }
            for (k, r) in ranges.enumerated() where r.contains(b.lowerBound) {
                return r.contains(b.upperBound) ? .inClass(k) : .hidden
            }
            return .hidden
        }

        /// Classes 0, then four of equal width up to at least `max`. Breaks are multiples of
        /// `step`, so that a band of `step` aligned on multiples of it (1...9, 140...149) never
        /// straddles two classes: 0 | 1...w-1 | w...2w-1 | 2w...3w-1 | 3w and more.
        public static func sequential(max: Int, step: Int = 1) -> Scale {
            let s = Swift.max(1, step)
            var w = Swift.max(2, s)
            while w * 4 <= max { w += s }
            return Scale([0...0, 1...(w - 1), w...(2 * w - 1), (2 * w)...(3 * w - 1), (3 * w)...Int.max])
        }
    }
}
