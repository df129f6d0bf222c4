import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// `compare` output as Markdown, HTML and CSV (long format: one row per place and figure). Each
/// run's figures are the ones its own `bcpsim run` reports publish under the same policy: they
/// are read from that run's PublicTables, so a figure never shows one way here and another in
/// the run's summary. Holdings (units held, teams, beds) are public and exact. A difference is
/// exact when both figures are, a band when either is a band, withheld when either is withheld.
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
        shownA = CompareRenderer.shown(rows, run: c.a, \.a, \.indexA, policy)
        shownB = CompareRenderer.shown(rows, run: c.b, \.b, \.indexB, policy)
    }

    /// The published column of each patient figure.
    static let columns: [String: PublicTables.Col] = [
        "compare.metric.patients": .patients, "workshop.metric.affected": .affected, "workshop.metric.atRisk": .atRisk,
        "workshop.metric.coveredOwnMeans": .ownMeans, "workshop.metric.coveredBySelfHelp": .selfHelp,
        "workshop.metric.coveredByUnit": .byUnit, "workshop.metric.evacuated": .evacuated, "workshop.metric.uncovered": .uncovered,
        "workshop.metric.gap": .gap, "workshop.metric.harmed": .harmed, "workshop.metric.beyondTolerance": .beyondTolerance,
        "workshop.metric.admitted": .admitted, "workshop.metric.emergency": .emergency, "workshop.metric.detected": .detected,
        "csv.col.unitsDelivered": .unitsDelivered, "csv.col.bedsUsed": .bedsUsed,
    ]

    /// One run's figures as its reports publish them (PublicTables under `policy`).
    static func shown(_ rows: [Comparison.Row], run: SimulationResult, _ value: KeyPath<Comparison.Row, Int?>,
                      _ index: KeyPath<Comparison.Row, Int?>, _ policy: DisclosurePolicy) -> [Shown?] {
        let tables = PublicTables(ResultDocument(result: run), policy: policy)
        let t = run.totals
        return rows.map { r -> Shown? in
            guard let v = r[keyPath: value] else { return nil }
            if Comparison.holdingKeys.contains(r.metric) { return .exact(v) }
            let place: PublicTables.Row
            switch r.level {
            case "area": place = .area(r[keyPath: index]!)
            case "municipality": place = .municipality(r[keyPath: index]!)
            default: place = .total
            }
            if let col = columns[r.metric] { return tables.shown(place, col) }
            // Tokyo-only figures the summary and the terminal show by the same rules.
            switch r.metric {
            case "workshop.metric.maxGap": return tables.longestGap()
            case "csv.col.meanDelay": return tables.meanDelay(t)
            default: preconditionFailure("compare: no published rule for \(r.metric)")
            }
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
        let u = at("workshop.metric.uncovered"), gp = at("workshop.metric.gap"), un = at("csv.col.unitsDelivered")
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
