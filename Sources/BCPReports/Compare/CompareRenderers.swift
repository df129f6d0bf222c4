import BCPAnalysis
import BCPModel
import BCPText

/// `compare` output as Markdown, HTML and CSV (long format: one row per place and figure), every
/// figure of each run under the disclosure policy: counts of people (and of units lent, trips and
/// beds used: things handed to people) banded when small, minutes of few people withheld, the
/// runs' published sums (places to Tokyo, Tokyo's outcome identities) protected. Holdings (units
/// held, teams, beds) are public and exact. A difference is exact when both figures are.
public struct CompareRenderer: Sendable {
    public let comparison: Comparison
    public let lang: Language
    public let policy: DisclosurePolicy
    /// Per row of headline + areas + municipalities: what A and B show.
    let shownA: [Shown?]
    let shownB: [Shown?]

    public init(_ c: Comparison, lang: Language, policy: DisclosurePolicy = .open) {
        comparison = c
        self.lang = lang
        self.policy = policy
        let rows = c.headline + c.areas + c.municipalities
        shownA = CompareRenderer.protect(rows, c.headline.count, c.areas.count, \.a, policy)
        shownB = CompareRenderer.protect(rows, c.headline.count, c.areas.count, \.b, policy)
    }

    static let publicMetrics = ["compare.metric.unitsHeld", "compare.metric.teams", "compare.metric.bedsHeld"]

    /// One run's figures: a grid over every row of that run.
    static func protect(_ rows: [Comparison.Row], _ nHead: Int, _ nAreas: Int, _ run: KeyPath<Comparison.Row, Int?>,
                        _ policy: DisclosurePolicy) -> [Shown?] {
        var g = DisclosureGrid(policy: policy)
        var cell = [Int?](repeating: nil, count: rows.count)
        // The uncovered and detected counts of each place, for its minutes.
        func of(_ i: Int, _ metric: String) -> Int {
            rows.first { $0.level == rows[i].level && $0.nameJa == rows[i].nameJa && $0.code == rows[i].code && $0.metric == metric }
                .flatMap { $0[keyPath: run] } ?? 0
        }
        for (i, r) in rows.enumerated() {
            guard let v = r[keyPath: run], !publicMetrics.contains(r.metric) else { continue }
            let tokyo = i < nHead
            switch r.metric {
            case "workshop.metric.gap": cell[i] = g.magnitude(v, contributors: of(i, "workshop.metric.uncovered"), tokyo: tokyo)
            case "workshop.metric.beyondTolerance": cell[i] = g.magnitude(v, contributors: of(i, "workshop.metric.harmed"), tokyo: tokyo)
            case "workshop.metric.maxGap":
                let u = of(i, "workshop.metric.uncovered")
                cell[i] = g.magnitude(v, small: u == 0 || policy.isSmall(u), tokyo: tokyo)
            case "workshop.metric.delayMean", "workshop.metric.delayMax":
                cell[i] = g.magnitude(v, contributors: of(i, "workshop.metric.detected"), tokyo: tokyo)
            default:
                let headline = ["workshop.metric.uncovered", "workshop.metric.harmed"].contains(r.metric)
                cell[i] = g.count(v, importance: headline ? 2 : 0, tokyo: tokyo)
            }
        }
        func find(_ range: Range<Int>, _ metric: String) -> [Int] { range.filter { rows[$0].metric == metric }.compactMap { cell[$0] } }
        let head = 0..<nHead, areas = nHead..<(nHead + nAreas), munis = (nHead + nAreas)..<rows.count
        // Tokyo's identities.
        if let aff = find(head, "workshop.metric.affected").first, let own = find(head, "workshop.metric.coveredOwnMeans").first,
           let risk = find(head, "workshop.metric.atRisk").first
        {
            g.sum(total: aff, of: [own, risk])
            let parts = ["workshop.metric.coveredByUnit", "workshop.metric.evacuated", "workshop.metric.uncovered"].compactMap { find(head, $0).first }
            if parts.count == 3 { g.sum(total: risk, of: parts) }
            // Model v2: the five outcomes, self-help among them, partition the affected.
            let outcomes = ["workshop.metric.coveredOwnMeans", "workshop.metric.coveredBySelfHelp", "workshop.metric.coveredByUnit",
                            "workshop.metric.evacuated", "workshop.metric.uncovered"].compactMap { find(head, $0).first }
            if outcomes.count == 5 { g.sum(total: aff, of: outcomes) }
        }
        // Places sum to Tokyo, per metric.
        var metrics: [String] = []
        for r in rows where !metrics.contains(r.metric) { metrics.append(r.metric) }
        for m in metrics {
            guard let total = find(head, m).first else { continue }
            let a = find(areas, m), mu = find(munis, m)
            if !a.isEmpty { g.sum(total: total, of: a) }
            if !mu.isEmpty { g.sum(total: total, of: mu) }
        }
        g.protect()
        return rows.indices.map { i in
            guard let v = rows[i][keyPath: run] else { return nil }
            return cell[i].map(g.shown) ?? .exact(v)
        }
    }

    func L(_ k: String, _ a: String...) -> String { Labels.text(k, lang, args: a) }

    func value(_ s: Shown?, _ minutes: Bool) -> String {
        guard let s else { return "-" }
        return minutes ? DisclosureText.hours(s) : DisclosureText.count(s, lang)
    }

    func difference(_ a: Shown?, _ b: Shown?, _ minutes: Bool) -> Shown? {
        guard let a, let b else { return nil }
        if minutes { return a.isExact && b.isExact ? .exact(b.exactValue! - a.exactValue!) : .withheld }
        return b.minus(a)
    }

    func diffText(_ d: Shown?, _ minutes: Bool) -> String {
        guard let d else { return "-" }
        if minutes { return d.exactValue.map(NumberFormat.signedHours) ?? DisclosureText.withheld }
        return DisclosureText.signedCount(d, lang)
    }

    func metricName(_ r: Comparison.Row, unit: String) -> String {
        Labels.text(r.metric, lang) + (r.minutes ? Labels.text(unit, lang) : "")
    }

    var abHeaders: [String] {
        [L("compare.col.a", comparison.labelA), L("compare.col.b", comparison.labelB), L("compare.col.diff")]
    }

    /// Rows `range` of headline + areas + municipalities.
    func table(_ range: [Int], named: Bool) -> TextTable {
        let rows = comparison.headline + comparison.areas + comparison.municipalities
        let head = (named ? [L("compare.col.name")] : []) + [L("compare.col.metric")] + abHeaders
        var t = TextTable(headers: head, alignments: (named ? [.left] : []) + [.left, .right, .right, .right])
        var lastName = ""
        for i in range {
            let r = rows[i]
            let name = lang.pick(ja: r.nameJa, en: r.nameEn)
            let shown = named ? [name == lastName ? "" : name] : []
            lastName = name
            t.add(shown + [metricName(r, unit: "workshop.unit.hours"), value(shownA[i], r.minutes), value(shownB[i], r.minutes),
                           diffText(difference(shownA[i], shownB[i], r.minutes), r.minutes)],
                  strong: ["workshop.metric.uncovered", "workshop.metric.gap", "workshop.metric.harmed"].contains(r.metric))
        }
        return t
    }

    /// Indices of the rows of `part` kept for the printed tables (places where something changed).
    func indices(_ part: [Comparison.Row], offset: Int) -> [Int] {
        let kept = Comparison.changedPlaces(part)
        var out: [Int] = []
        var k = 0
        for (j, r) in part.enumerated() where k < kept.count && kept[k] == r {
            out.append(offset + j)
            k += 1
        }
        return out
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
        d.add(.note(DisclosureNotes.line(policy, lang)))
        if c.a.seed != c.b.seed { d.add(.note(L("compare.seeds.differ"))) }
        let h = c.headline
        func at(_ metric: String) -> Int { h.firstIndex { $0.metric == metric }! }
        let u = at("workshop.metric.uncovered"), gp = at("workshop.metric.gap"), un = at("workshop.metric.units")
        d.add(.paragraph(L("compare.summary", value(shownA[u], false), value(shownB[u], false), diffText(difference(shownA[u], shownB[u], false), false),
                           value(shownA[gp], true), value(shownB[gp], true), diffText(difference(shownA[gp], shownB[gp], true), true),
                           value(shownA[un], false), value(shownB[un], false), diffText(difference(shownA[un], shownB[un], false), false))))
        d.add(.heading(L("compare.section.headline"), level: 2))
        d.add(.table(table(Array(h.indices), named: false), caption: nil))
        d.add(.heading(L("compare.section.areas"), level: 2))
        d.add(.table(table(indices(c.areas, offset: h.count), named: true), caption: nil))
        d.add(.heading(L("compare.section.municipalities"), level: 2))
        d.add(.table(table(indices(c.municipalities, offset: h.count + c.areas.count), named: true), caption: nil))
        d.add(.list([L("compare.note.diff"), L("compare.note.changed"), L("compare.note.counts"), L("compare.note.input"),
                     DisclosureNotes.note(policy, lang)]))
        return d
    }

    public func markdown() -> String { document().markdown() }
    public func html() -> String { document().html() }

    /// level, code, name, figure, A, B, B - A (durations in whole minutes), then the flags of A,
    /// B and the difference.
    public func csv(bom: Bool) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: [L("compare.col.level"), L("common.col.code"), L("compare.col.name"), L("compare.col.metric")] + abHeaders
            + abHeaders.map { L("csv.flag", $0) })
        let c = comparison
        for (i, r) in (c.headline + c.areas + c.municipalities).enumerated() {
            let cells = [shownA[i], shownB[i], difference(shownA[i], shownB[i], r.minutes)].map { s -> (CSVCell, CSVCell) in
                guard let s else { return (.empty, .empty) }
                return DisclosureText.csv(s, lang)
            }
            w.row([.text(Labels.text("common.level." + r.level, lang)), r.code.isEmpty ? .empty : .text(r.code),
                   .text(lang.pick(ja: r.nameJa, en: r.nameEn)), .text(metricName(r, unit: "workshop.unit.minutes"))]
                + cells.map(\.0) + cells.map(\.1))
        }
        return w.text
    }

    /// What `bcpsim compare` prints: uncovered and hours, A -> B, as the report shows them.
    public func terminalLine() -> String {
        let h = comparison.headline
        let u = h.firstIndex { $0.metric == "workshop.metric.uncovered" }!, g = h.firstIndex { $0.metric == "workshop.metric.gap" }!
        return L("terminal.compare", value(shownA[u], false), value(shownB[u], false), value(shownA[g], true), value(shownB[g], true))
    }
}
