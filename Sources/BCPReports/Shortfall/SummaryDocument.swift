import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPSimulator
import BCPText

public enum ChartKind: Sendable, Equatable {
    case timeline, municipalities, tiers
}

/// Label lookup for the shortfall reports.
func L(_ key: String, _ lang: Language, _ args: String...) -> String { Labels.text(key, lang, args: args) }

/// summary.md and summary.html. The first screen says what to do: the headline (harm measures,
/// with their spread over replicas), the map, and the top remedies with their cost and funding
/// program; the tables follow.
public struct SummaryDocument: Sendable {
    public let tables: PublicTables
    public let lang: Language
    public let registry: Registry?

    public init(tables: PublicTables, lang: Language, registry: Registry?) {
        self.tables = tables
        self.lang = lang
        self.registry = registry
    }

    var data: ResultDocument { tables.data }

    public var title: String { L("shortfall.title", lang, data.name(lang)) }

    /// Chart styles of the summary page.
    static let css = """
        <style>
        svg.chart{display:block;max-width:100%;height:auto;margin:.3rem 0 .8rem}
        svg.chart text{font-family:inherit;font-size:12px;fill:#222}
        svg.map text{font-family:inherit}
        .legend{font-size:.8rem;color:#333}
        @media print{svg.chart,svg.map{page-break-inside:avoid;max-height:120mm}}
        </style>
        """

    /// summary.md and summary.html render this one document.
    public func document() -> Document {
        Document(title: title, lang: lang, css: SummaryDocument.css, blocks: blocks())
    }

    func chart(_ kind: ChartKind) -> Document.Block { .chart(svg: SVGCharts(tables: tables, lang: lang).svg(kind)) }

    public func blocks() -> [Document.Block] {
        var b: [Document.Block] = [.paragraph(subtitle()), .note(disclosureLine())]
        // The first screen: what happened, where, and what would have closed the gap.
        // The headline's table and the map side by side on a wide page, the remedies under them.
        let h = headline()
        b += h.prefix(2)
        b.append(.columns([Array(h.dropFirst(2)), map(), topRemedies()]))
        // The tables.
        if data.replicas > 1 { b += ensemble() }
        b.append(.heading(L("shortfall.section.areas", lang), level: 2))
        b.append(.table(areaTable()))
        b.append(.heading(L("shortfall.section.municipalities", lang), level: 2))
        b.append(chart(.municipalities))
        b.append(.table(municipalityTable()))
        b.append(.heading(L("shortfall.section.tiers", lang), level: 2))
        b.append(chart(.tiers))
        b.append(.table(groupTable(rows: data.result.tiers.pairs.map { (.tier($0.key), $0.value, tierName($0.key.name)) },
                                   header: L("shortfall.col.tier", lang))))
        b.append(.heading(L("shortfall.section.devices", lang), level: 2))
        b.append(.table(groupTable(rows: data.result.devices.pairs.map { (.device($0.key), $0.value, L("shortfall.device.\($0.key.rawValue)", lang)) },
                                   header: L("shortfall.col.device", lang))))
        b += timeline()
        b += reasons()
        b += whatIf()
        b += funding()
        b.append(.heading(L("shortfall.section.notes", lang), level: 2))
        b.append(.definitions(parameters()))
        b.append(.list(notes()))
        return b
    }

    // MARK: Parameters and headline

    func tierName(_ raw: String) -> String { L("shortfall.tier.\(raw)", lang) }

    /// One line under the title: scenario, seed, horizon.
    func subtitle() -> String {
        let h = data.result.horizonMinutes
        return L("shortfall.subtitle", lang, data.name(lang), String(data.result.seed), NumberFormat.hours(h), NumberFormat.days(h))
            + (data.replicas > 1 ? L("shortfall.subtitle.replicas", lang, String(data.replicas)) : "")
    }

    /// What the page shows of small counts, in one sentence.
    func disclosureLine() -> String { DisclosureNotes.line(tables.policy, lang) }

    func parameters() -> [(String, String)] {
        let h = data.result.horizonMinutes
        var p: [(String, String)] = [
            (L("shortfall.param.scenario", lang), data.name(lang) + (data.scenarioId.isEmpty ? "" : " (\(data.scenarioId))")),
            (L("shortfall.param.seed", lang), String(data.result.seed)),
            (L("shortfall.param.tier", lang), data.result.tier == .asConfigured ? tierName(data.result.tier.name) : L("shortfall.tier.allAt", lang, tierName(data.result.tier.name))),
            (L("shortfall.param.horizon", lang), L("shortfall.param.horizonValue", lang, NumberFormat.hours(h), NumberFormat.days(h))),
            (L("shortfall.param.suppression", lang), DisclosureNotes.parameter(tables.policy, lang)),
        ]
        if data.replicas > 1 { p.insert((L("shortfall.param.replicas", lang), String(data.replicas)), at: 2) }
        return p
    }

    func notes() -> [String] {
        var n = ["shortfall.note.outcomes"].map { L($0, lang) }
        n.append(DisclosureNotes.note(tables.policy, lang))
        n += ["shortfall.note.restricted", "shortfall.note.determinism"].map { L($0, lang) }
        return n
    }

    /// The first patient to run out of own power: one person's time, shown only when those who
    /// needed help are not a small group.
    func firstDepletion() -> String {
        guard let m = data.result.firstDepletionMinute else { return L("shortfall.headline.noDepletion", lang) }
        let s = tables.policy.extreme(m, group: data.result.totals.atRisk)
        return s.isExact ? L("shortfall.headline.firstDepletionValue", lang, NumberFormat.hours(m)) : DisclosureText.withheld
    }

    func headline() -> [Document.Block] {
        let t = tables
        let withSpread = data.replicas > 1
        var headers = [L("shortfall.col.measure", lang), L("shortfall.col.value", lang)]
        if withSpread { headers.append(L("shortfall.col.spread", lang, String(data.replicas))) }
        var table = TextTable(headers: headers, alignments: [.left, .right, .right])
        for m in HeadlineMeasure.all {
            var row = [L("shortfall.headline.\(m.key)", lang), m.text(t, lang)]
            if withSpread { row.append(m.interval(t, lang) ?? "") }
            table.add(row, strong: m.harm)
        }
        if data.result.totals.uncovered > 0 {
            table.add([L("terminal.run.longest", lang), DisclosureText.hours(t.longestGap())] + (withSpread ? [""] : []))
        }
        table.add([L("shortfall.headline.firstDepletion", lang), firstDepletion()] + (withSpread ? [""] : []))
        let sentence = L("shortfall.headline.sentence", lang, t.text(.total, .patients, lang), t.text(.total, .affected, lang),
                         t.text(.total, .ownMeans, lang), t.text(.total, .selfHelp, lang), t.text(.total, .atRisk, lang),
                         t.text(.total, .byUnit, lang), t.text(.total, .evacuated, lang),
                         t.text(.total, .uncovered, lang), t.text(.total, .gap, lang))
        var b: [Document.Block] = [.heading(L("shortfall.section.headline", lang), level: 2), .paragraph(sentence), .table(table)]
        if !withSpread { b.append(.note(L("shortfall.headline.oneRun", lang))) }
        return b
    }

    // MARK: Map

    func map() -> [Document.Block] {
        [.heading(L("shortfall.map.title", lang), level: 2),
         .figure(svg: ShortfallMap(tables: tables, lang: lang).map().svg(), caption: L("shortfall.map.caption", lang) + " " + TokyoMap.credit(lang),
                 markdown: L("map.inHTML", lang, "summary.html"))]
    }

    // MARK: Top remedies

    /// The what-if answers that close most of the gap, first: municipality, the change, what it
    /// leaves, its cost and the program that pays. A function of the what-if result only, so that
    /// costed bundles can replace the levers without touching the page.
    func topRemedies() -> [Document.Block] {
        var b: [Document.Block] = [.heading(L("shortfall.section.remedies", lang), level: 2)]
        guard let c = data.counterfactual, !c.entries.isEmpty else {
            b.append(.note(L(data.result.totals.uncovered == 0 ? "shortfall.whatif.nothing" : "shortfall.whatif.notRun", lang)))
            return b
        }
        // A short list, one line per municipality, so that it fits beside the headline and the
        // map on the first screen; the full table is under "What would have closed the gap".
        var items: [String] = []
        for r in Remedies.top(c, limit: 5, policy: tables.policy) {
            let e = r.entry, t = r.trial
            let i = municipalityIndex(e.code)
            let name = i.map { data.result.municipalities[$0].name(lang) } ?? e.code.description
            let uncovered = i.map { tables.text(.municipality($0), .uncovered, lang) } ?? tables.countText(e.uncovered, lang)
            let (total, tokyo) = cost(t, c)
            let costText = tokyo.isEmpty ? total : L("shortfall.remedies.cost", lang, total, tokyo)
            items.append(L("shortfall.remedies.item", lang, name, uncovered, leverText(t, c), tables.countText(t.uncoveredAfter, lang), costText,
                           programsText(t.lever)))
        }
        b.append(.paragraph(L("shortfall.remedies.intro", lang)))
        b.append(.list(items))
        return b
    }

    // MARK: Tables

    /// The tally's figures in the tables (then the mean delay).
    static var tallyCols: [PublicTables.Col] {
        [.patients, .affected, .ownMeans, .selfHelp, .atRisk, .byUnit, .evacuated, .uncovered, .gap, .harmed]
    }

    func tallyHeaders() -> [String] {
        (["patients", "affected", "ownMeans", "selfHelp", "atRisk", "byUnit", "evacuated", "uncovered", "gapHours", "harmed", "meanDelay"])
            .map { L("shortfall.col.\($0)", lang) }
    }

    /// Right-aligned columns of the tally (its figures and the mean delay).
    func tallyAlignments() -> [TextTable.Alignment] {
        Array(repeating: .right, count: SummaryDocument.tallyCols.count + 1)
    }

    func tallyCells(_ row: PublicTables.Row, _ t: Tally) -> [String] {
        SummaryDocument.tallyCols.map { tables.text(row, $0, lang) } + [tables.meanDelayText(t, lang)]
    }

    func areaTable() -> TextTable {
        var table = TextTable(headers: [L("common.col.area", lang)] + tallyHeaders(), alignments: [.left] + tallyAlignments())
        for (i, a) in data.result.areas.enumerated() { table.add([a.name(lang)] + tallyCells(.area(i), a.tally)) }
        table.add([L("common.tokyoTotal", lang)] + tallyCells(.total, data.result.totals), strong: true)
        return table
    }

    /// Municipalities in code order. The area of each is left out to fit a 1,280 px page with the
    /// patients beyond tolerance (the area table above has the areas; municipalities.csv has both).
    func municipalityTable() -> TextTable {
        var table = TextTable(
            headers: [L("common.col.code", lang), L("common.col.municipality", lang)] + tallyHeaders() + [L("shortfall.col.regionalBCP", lang)],
            alignments: [.left, .left] + tallyAlignments() + [.center])
        for (i, m) in data.result.municipalities.enumerated() {
            table.add([m.code.description, m.name(lang)] + tallyCells(.municipality(i), m.tally)
                + [L(m.regionalBCP ? "shortfall.yes" : "shortfall.no", lang)])
        }
        table.add(["", L("common.tokyoTotal", lang)] + tallyCells(.total, data.result.totals) + [""], strong: true)
        return table
    }

    func groupTable(rows: [(PublicTables.Row, Tally, String)], header: String) -> TextTable {
        var table = TextTable(headers: [header] + tallyHeaders(), alignments: [.left] + tallyAlignments())
        for (row, t, name) in rows { table.add([name] + tallyCells(row, t)) }
        table.add([L("common.tokyoTotal", lang)] + tallyCells(.total, data.result.totals), strong: true)
        return table
    }

    /// Hours between timeline rows in the summary: 6, or 12 beyond a week (timeline.csv has every hour).
    var timelineStep: Int { data.result.timeline.count > 24 * 7 + 1 ? 12 : 6 }

    /// Every `timelineStep` hours, leaving out the hours when nobody had the grid off or was
    /// without power (timeline.csv keeps them).
    func timeline() -> [Document.Block] {
        var table = TextTable(headers: [L("shortfall.col.hour", lang), L("shortfall.col.gridOff", lang), L("shortfall.col.withoutPower", lang)],
                              alignments: [.right, .right, .right])
        var left = 0
        for h in stride(from: 0, to: data.result.timeline.count, by: timelineStep) {
            let v = data.result.timeline[h]
            if v.gridOff == 0 && v.withoutPower == 0 {
                left += 1
                continue
            }
            let c = tables.hour(h)
            table.add([String(h), DisclosureText.count(c.gridOff, lang), DisclosureText.count(c.withoutPower, lang)])
        }
        var note = L("shortfall.note.timelineStep", lang, String(timelineStep))
        if left > 0 { note += " " + L("shortfall.note.timelineZero", lang, String(left)) }
        return [.heading(L("shortfall.section.timeline", lang), level: 2), chart(.timeline), .note(note), .table(table)]
    }

    func reasons() -> [Document.Block] {
        var table = TextTable(headers: [L("shortfall.col.reason", lang), L("shortfall.col.count", lang), L("shortfall.col.closes", lang)],
                              alignments: [.left, .right, .left])
        for r in ShortfallReason.allCases {
            table.add([L("shortfall.reason.\(r.rawValue)", lang), tables.text(.total, PublicTables.column(r), lang), L("shortfall.remedy.\(r.rawValue)", lang)])
        }
        return [.heading(L("shortfall.section.reasons", lang), level: 2), .paragraph(L("shortfall.reasons.intro", lang)), .table(table)]
    }

    // MARK: What would have closed the gap

    /// The change in words. Units for a municipality with no delivery team came with one
    /// (Counterfactual, Lever.unit), and say so.
    func leverText(_ t: CounterfactualTrial, _ c: CounterfactualResult) -> String {
        let amount = DisclosureText.count(Remedies.amount(t, tables.policy), lang)
        switch t.lever {
        case .unit:
            // The teams follow from the amount (one per 4 units): withheld with it.
            let teams = Remedies.amount(t, tables.policy).isExact ? NumberFormat.grouped(t.teamsAdded) : DisclosureText.withheld
            return L(t.teamsAdded > 0 ? "shortfall.lever.unitWithTeam" : "shortfall.lever.unit", lang, amount, unitText(c.unit), teams)
        case .homeUnit: return L("shortfall.lever.homeUnit", lang, amount, unitText(c.unit))
        default: return L("shortfall.lever.\(t.lever.rawValue)", lang, amount)
        }
    }

    func unitText(_ u: UnitSpec) -> String { Remedies.unitText(u, lang) }

    /// Cost of a change: units at the item's price, Tokyo's 1/2 share (a team that comes with them
    /// has no price in the sources, nor have the other levers).
    func cost(_ t: CounterfactualTrial, _ c: CounterfactualResult) -> (String, String) {
        guard t.lever.buysUnits else { return (L("shortfall.whatif.noCost", lang), "") }
        // The cost tells the amount: withheld with it.
        guard Remedies.amount(t, tables.policy).isExact else { return (DisclosureText.withheld, DisclosureText.withheld) }
        let split = CostSplit.of(units: t.amount, price: c.unit.priceYen, subsidizedUnits: t.amount)
        return (NumberFormat.yen(split.total, lang), NumberFormat.yen(split.tokyo, lang))
    }

    func programsText(_ l: Lever) -> String {
        var parts: [String] = []
        for kind in Remedies.kinds(l) where RemedyLinks.unfunded(for: kind) != nil {
            parts.append(RemedyLinks.noProgramLabel(lang))
        }
        for link in Remedies.links(l) {
            let name = registry?.program(id: link.programId)?.name(lang) ?? link.programId
            let rate = link.rates.isEmpty ? L("shortfall.funding.noRate", lang) : link.rates.joined(separator: " → ")
            parts.append("\(name) (\(rate))")
        }
        return parts.joined(separator: "; ")
    }

    /// Hours without power after a change; withheld when few patients remain uncovered.
    func gapAfter(_ t: CounterfactualTrial) -> String {
        DisclosureText.hours(tables.policy.magnitude(t.gapMinutesAfter, contributors: t.uncoveredAfter))
    }

    func municipalityIndex(_ code: MunicipalityCode) -> Int? { data.result.municipalities.firstIndex { $0.code == code } }

    func whatIf() -> [Document.Block] {
        var b: [Document.Block] = [.heading(L("shortfall.section.whatif", lang), level: 2)]
        guard let c = data.counterfactual, !c.entries.isEmpty else {
            b.append(.note(L(data.result.totals.uncovered == 0 ? "shortfall.whatif.nothing" : "shortfall.whatif.notRun", lang)))
            return b
        }
        b.append(.paragraph(L("shortfall.whatif.method", lang)))
        // The municipalities with uncovered patients as the tables show them: a band that may
        // hide a 0 counts among them (the true count told which "0～9" were 0).
        let withUncovered = data.result.municipalities.indices.filter { tables.shown(.municipality($0), .uncovered) != .exact(0) }.count
        b.append(.note(L(tables.policy.protects ? "shortfall.whatif.boundProtected" : "shortfall.whatif.bound", lang,
                         String(c.entries.count), String(withUncovered),
                         String(c.maxReruns), String(c.rerunsUsed), String(data.seeds.first ?? data.result.seed))))
        var table = TextTable(
            headers: [L("common.col.municipality", lang), L("shortfall.col.uncovered", lang), L("shortfall.col.change", lang),
                      L("shortfall.col.after", lang), L("shortfall.col.gapAfter", lang), L("shortfall.col.result", lang),
                      L("shortfall.col.cost", lang), L("shortfall.col.tokyoShare", lang), L("shortfall.col.program", lang)],
            alignments: [.left, .right, .left, .right, .right, .left, .right, .right, .left])
        for e in Remedies.ordered(c.entries, tables) {
            let i = municipalityIndex(e.code)
            let name = i.map { data.result.municipalities[$0].name(lang) } ?? e.code.description
            let uncovered = i.map { tables.text(.municipality($0), .uncovered, lang) } ?? tables.countText(e.uncovered, lang)
            guard let t = e.bestTrial else {
                table.add([name, uncovered, L("shortfall.whatif.none", lang), uncovered, "", "", "", "", ""])
                continue
            }
            // A change that leaves as many uncovered but shortens their time says so (it is not
            // "covers some"); under a protecting policy the two counts may be bands, and saying
            // they are equal would tell what the bands hide.
            let key = t.uncoveredAfter == 0 ? "shortfall.whatif.coversAll"
                : (t.uncoveredAfter >= e.uncovered && !tables.policy.protects ? "shortfall.whatif.hoursOnly" : "shortfall.whatif.coversMost")
            let result = L(key, lang)
                + (e.budgetExhausted ? " " + L("shortfall.whatif.budget", lang) : "")
            let (total, tokyo) = cost(t, c)
            table.add([name, uncovered, leverText(t, c), tables.countText(t.uncoveredAfter, lang), gapAfter(t), result, total, tokyo,
                       programsText(t.lever)])
        }
        b.append(.table(table))
        // Every change tried.
        var detail = TextTable(
            headers: [L("common.col.municipality", lang), L("shortfall.col.change", lang), L("shortfall.col.after", lang),
                      L("shortfall.col.gapAfter", lang)],
            alignments: [.left, .left, .right, .right])
        for e in Remedies.ordered(c.entries, tables) {
            let name = municipalityIndex(e.code).map { data.result.municipalities[$0].name(lang) } ?? e.code.description
            for t in e.trials { detail.add([name, leverText(t, c), tables.countText(t.uncoveredAfter, lang), gapAfter(t)]) }
            for l in e.notApplicable { detail.add([name, L("shortfall.whatif.na.\(l.rawValue)", lang), ""]) }
        }
        b.append(.heading(L("shortfall.whatif.detail", lang), level: 3))
        b.append(.table(detail))
        // A change that leaves more patients without power than before says why, rather than
        // reading as "units make things worse" without a reason.
        if c.entries.contains(where: { e in e.trials.contains { $0.uncoveredAfter > e.uncovered } }) {
            b.append(.note(L("shortfall.whatif.worse", lang)))
        }
        return b
    }

    func ensemble() -> [Document.Block] {
        var table = TextTable(
            headers: [L("shortfall.col.measure", lang), L("shortfall.col.mean", lang), "p5", "p50", "p95"],
            alignments: [.left, .right, .right, .right, .right])
        for (measure, c) in data.ensemble?.totals.pairs ?? [] {
            let key = "shortfall.ensemble.\(measure.rawValue)"
            guard Labels.table[key] != nil else { continue }
            if measure.isMinutes {
                // Hours of few patients (uncovered, beyond tolerance) are withheld, as in the tables.
                let few = measure.minutesOf.flatMap { data.ensemble?.totals[$0] }.map { HeadlineMeasure.few($0, tables.policy) } ?? false
                let h = { (n: Int) in few ? DisclosureText.withheld : NumberFormat.hours(n) }
                table.add([L(key, lang), h((c.meanMilli + 500) / 1000), h(c.p5), h(c.p50), h(c.p95)])
            } else {
                // A mean below the threshold is a small figure too: shown as the small band.
                let meanSmall = tables.policy.protects && c.meanMilli > 0 && c.meanMilli < tables.threshold * 1000
                let mean = meanSmall ? DisclosureText.count(tables.policy.smallBand, lang) : NumberFormat.milliToTenths(c.meanMilli)
                table.add([L(key, lang), mean, tables.countText(c.p5, lang), tables.countText(c.p50, lang), tables.countText(c.p95, lang)])
            }
        }
        return [.heading(L("shortfall.section.ensemble", lang), level: 2),
                .note(L("shortfall.ensemble.note", lang, String(data.replicas), String(data.result.seed))), .table(table)]
    }

    // MARK: Funding

    func funding() -> [Document.Block] {
        var table = TextTable(
            headers: [L("shortfall.col.reason", lang), L("shortfall.col.programName", lang), L("shortfall.col.menu", lang),
                      L("shortfall.col.rate", lang), L("shortfall.col.base", lang), L("shortfall.col.why", lang)],
            alignments: [.left, .left, .left, .left, .right, .left])
        // The kinds the simulator reports; one that no program funds gets the registry's statement instead.
        for kind in ShortfallReason.allCases.compactMap({ ShortfallKind(rawValue: $0.rawValue) }) {
            if let u = RemedyLinks.unfunded(for: kind) {
                table.add([L("shortfall.reason.\(kind.rawValue)", lang), RemedyLinks.noProgramLabel(lang), "", "", "", u.text(lang)])
            }
            for link in RemedyLinks.links(for: kind) {
                let program = registry?.program(id: link.programId)
                let name = (program?.name(lang) ?? link.programId) + " [\(link.programId)]"
                let menu: String
                if let m = link.menuJa {
                    let en = program?.menus.first { $0.nameJa.value == m }?.nameEn
                    menu = lang == .ja ? m : (en ?? m)
                } else {
                    menu = ""
                }
                let rate = link.rates.isEmpty ? L("shortfall.funding.noRate", lang) : link.rates.joined(separator: " → ")
                table.add([L("shortfall.reason.\(kind.rawValue)", lang), name, menu, rate,
                           link.baseAmountThousandYen.map(NumberFormat.grouped) ?? "", link.reason(lang)])
            }
        }
        return [.heading(L("shortfall.section.funding", lang), level: 2), .paragraph(L("shortfall.funding.intro", lang)), .table(table)]
    }
}
