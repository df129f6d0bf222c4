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
        svg.chart text{font-family:inherit;font-size:11px;fill:#222}
        .legend{font-size:.8rem;color:#333}
        @media print{svg.chart{page-break-inside:avoid;max-height:120mm}}
        </style>
        """

    /// summary.md and summary.html render this one document.
    public func document() -> Document {
        Document(title: title, lang: lang, css: SummaryDocument.css, blocks: blocks())
    }

    func chart(_ kind: ChartKind) -> Document.Block { .chart(svg: SVGCharts(tables: tables, lang: lang).svg(kind)) }

    public func blocks() -> [Document.Block] {
        var b: [Document.Block] = [.definitions(parameters())]
        if data.synthetic { b.append(.note(L("common.synthetic", lang))) }
        b += headline()
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
        b.append(.list(["shortfall.note.outcomes", "shortfall.note.suppression", "shortfall.note.restricted", "shortfall.note.determinism"]
            .map { L($0, lang, Suppression.rangeText(tables.threshold), "\(tables.threshold)") }))
        return b
    }

    // MARK: Parameters and headline

    func tierName(_ raw: String) -> String { L("shortfall.tier.\(raw)", lang) }

    func parameters() -> [(String, String)] {
        let h = data.result.horizonMinutes
        var p: [(String, String)] = [
            (L("shortfall.param.scenario", lang), data.name(lang) + (data.scenarioId.isEmpty ? "" : " (\(data.scenarioId))")),
            (L("shortfall.param.seed", lang), String(data.result.seed)),
            (L("shortfall.param.tier", lang), data.result.tier == .asConfigured ? tierName(data.result.tier.name) : L("shortfall.tier.allAt", lang, tierName(data.result.tier.name))),
            (L("shortfall.param.horizon", lang), L("shortfall.param.horizonValue", lang, NumberFormat.hours(h), NumberFormat.days(h))),
            (L("shortfall.param.suppression", lang), L("shortfall.param.suppressionValue", lang, Suppression.rangeText(tables.threshold), "\(tables.threshold)")),
        ]
        if data.replicas > 1 { p.insert((L("shortfall.param.replicas", lang), String(data.replicas)), at: 2) }
        return p
    }

    func headline() -> [Document.Block] {
        let t = tables
        // One patient's value: shown only when the patients who ran out are not a small count.
        let first = t.mark(.total, .atRisk) != .shown ? "x"
            : (data.result.firstDepletionMinute.map { L("shortfall.headline.firstDepletionValue", lang, NumberFormat.hours($0)) }
                ?? L("shortfall.headline.noDepletion", lang))
        var table = TextTable(headers: [L("shortfall.col.measure", lang), L("shortfall.col.value", lang)], alignments: [.left, .right])
        let rows: [(String, String)] = [
            ("shortfall.headline.patients", t.text(.total, .patients)),
            ("shortfall.headline.affected", t.text(.total, .affected)),
            ("shortfall.headline.atRisk", t.text(.total, .atRisk)),
            ("shortfall.headline.ownMeans", t.text(.total, .ownMeans)),
            ("shortfall.headline.byUnit", t.text(.total, .byUnit)),
            ("shortfall.headline.evacuated", t.text(.total, .evacuated)),
            ("shortfall.headline.uncovered", t.text(.total, .uncovered)),
            ("shortfall.headline.gapHours", t.gapHoursText(.total)),
            ("shortfall.headline.firstDepletion", first),
        ]
        for (k, v) in rows { table.add([L(k, lang), v], strong: k == "shortfall.headline.uncovered") }
        let sentence = L("shortfall.headline.sentence", lang, t.text(.total, .patients), t.text(.total, .affected), t.text(.total, .atRisk),
                         t.text(.total, .byUnit), t.text(.total, .evacuated), t.text(.total, .uncovered), t.gapHoursText(.total))
        return [.heading(L("shortfall.section.headline", lang), level: 2), .paragraph(sentence), .table(table)]
    }

    func ensemble() -> [Document.Block] {
        var table = TextTable(
            headers: [L("shortfall.col.measure", lang), L("shortfall.col.mean", lang), "p5", "p50", "p95"],
            alignments: [.left, .right, .right, .right, .right])
        for (measure, c) in data.ensemble?.totals.pairs ?? [] {
            let key = "shortfall.ensemble.\(measure.rawValue)"
            guard Labels.table[key] != nil else { continue }
            let small = Suppression.isSmall(c.p95, threshold: tables.threshold) || (c.meanMilli > 0 && c.meanMilli < tables.threshold * 1000)
            let isMinutes = measure.isMinutes
            func v(_ n: Int) -> String { isMinutes ? NumberFormat.hours(n) : tables.count(n) }
            let mean = small ? Suppression.rangeText(tables.threshold) : (isMinutes ? NumberFormat.hours((c.meanMilli + 500) / 1000) : c.meanText)
            table.add([L(key, lang), mean, v(c.p5), v(c.p50), v(c.p95)])
        }
        return [.heading(L("shortfall.section.ensemble", lang), level: 2),
                .note(L("shortfall.ensemble.note", lang, String(data.replicas), String(data.result.seed))), .table(table)]
    }

    // MARK: Tables

    static let tallyCols: [PublicTables.Col] = [.patients, .affected, .atRisk, .ownMeans, .byUnit, .evacuated, .uncovered, .gap]

    func tallyHeaders() -> [String] {
        ["patients", "affected", "atRisk", "ownMeans", "byUnit", "evacuated", "uncovered", "gapHours", "meanDelay"]
            .map { L("shortfall.col.\($0)", lang) }
    }

    func tallyCells(_ row: PublicTables.Row, _ t: Tally) -> [String] {
        SummaryDocument.tallyCols.map { tables.text(row, $0) } + [tables.meanDelay(row, t)]
    }

    func areaTable() -> TextTable {
        var table = TextTable(headers: [L("common.col.area", lang)] + tallyHeaders(), alignments: [.left] + Array(repeating: .right, count: 9))
        for (i, a) in data.result.areas.enumerated() { table.add([a.name(lang)] + tallyCells(.area(i), a.tally)) }
        table.add([L("common.tokyoTotal", lang)] + tallyCells(.total, data.result.totals), strong: true)
        return table
    }

    func municipalityTable() -> TextTable {
        var table = TextTable(
            headers: [L("common.col.code", lang), L("common.col.municipality", lang), L("common.col.area", lang)] + tallyHeaders()
                + [L("shortfall.col.regionalBCP", lang)],
            alignments: [.left, .left, .left] + Array(repeating: .right, count: 9) + [.center])
        for (i, m) in data.result.municipalities.enumerated() {
            table.add([m.code.description, m.name(lang), lang == .ja ? m.areaJa : data.areaEn(m.areaJa)] + tallyCells(.municipality(i), m.tally)
                + [L(m.regionalBCP ? "shortfall.yes" : "shortfall.no", lang)])
        }
        table.add(["", L("common.tokyoTotal", lang), ""] + tallyCells(.total, data.result.totals) + [""], strong: true)
        return table
    }

    func groupTable(rows: [(PublicTables.Row, Tally, String)], header: String) -> TextTable {
        var table = TextTable(headers: [header] + tallyHeaders(), alignments: [.left] + Array(repeating: .right, count: 9))
        for (row, t, name) in rows { table.add([name] + tallyCells(row, t)) }
        table.add([L("common.tokyoTotal", lang)] + tallyCells(.total, data.result.totals), strong: true)
        return table
    }

    /// Hours between timeline rows in the summary: 6, or 12 beyond a week (timeline.csv has every hour).
    var timelineStep: Int { data.result.timeline.count > 24 * 7 + 1 ? 12 : 6 }

    func timeline() -> [Document.Block] {
        var table = TextTable(headers: [L("shortfall.col.hour", lang), L("shortfall.col.gridOff", lang), L("shortfall.col.withoutPower", lang)],
                                  alignments: [.right, .right, .right])
        for h in stride(from: 0, to: data.result.timeline.count, by: timelineStep) {
            let c = tables.hour(h)
            table.add([String(h), c.gridOff, c.withoutPower])
        }
        return [.heading(L("shortfall.section.timeline", lang), level: 2), chart(.timeline),
                .note(L("shortfall.note.timelineStep", lang, String(timelineStep))), .table(table)]
    }

    func reasons() -> [Document.Block] {
        var table = TextTable(headers: [L("shortfall.col.reason", lang), L("shortfall.col.count", lang), L("shortfall.col.closes", lang)],
                                  alignments: [.left, .right, .left])
        for r in ShortfallReason.allCases {
            table.add([L("shortfall.reason.\(r.rawValue)", lang), tables.text(.total, PublicTables.column(r)), L("shortfall.remedy.\(r.rawValue)", lang)])
        }
        return [.heading(L("shortfall.section.reasons", lang), level: 2), .paragraph(L("shortfall.reasons.intro", lang)), .table(table)]
    }

    // MARK: What would have closed the gap

    func leverText(_ l: Lever, _ amount: Int, _ c: CounterfactualResult) -> String {
        switch l {
        case .unit: return L("shortfall.lever.unit", lang, String(amount), unitText(c.unit))
        default: return L("shortfall.lever.\(l.rawValue)", lang, String(amount))
        }
    }

    func unitText(_ u: UnitSpec) -> String {
        switch u.kind {
        case .generator: return L("shortfall.unitDesc.generator", lang, String(u.ratedW), String(u.runtimePerTankMinutes), String(u.tanks))
        case .battery, .ups: return L("shortfall.unitDesc.\(u.kind.rawValue)", lang, NumberFormat.grouped(u.capacityWh))
        }
    }

    /// Cost of a change: units at the item's price, Tokyo's 1/2 share; other levers have no price in the sources.
    func cost(_ t: CounterfactualTrial, _ c: CounterfactualResult) -> (String, String) {
        guard t.lever == .unit else { return (L("shortfall.whatif.noCost", lang), "") }
        let split = CostSplit.of(units: t.amount, price: c.unit.priceYen, subsidizedUnits: t.amount)
        return (NumberFormat.yen(split.total, lang), NumberFormat.yen(split.tokyo, lang))
    }

    func programsText(_ l: Lever) -> String {
        let rl: Language = lang == .ja ? .ja : .en
        var parts: [String] = []
        for kind in Remedies.kinds(l) where RemedyLinks.unfunded(for: kind) != nil {
            parts.append(RemedyLinks.noProgramLabel(rl))
        }
        for link in Remedies.links(l) {
            let name = registry?.program(id: link.programId)?.name(rl) ?? link.programId
            let rate = link.rates.isEmpty ? L("shortfall.funding.noRate", lang) : link.rates.joined(separator: " → ")
            parts.append("\(name) (\(rate))")
        }
        return parts.joined(separator: "; ")
    }

    /// Hours without power after a change; hidden when few patients remain uncovered.
    func gapAfter(_ t: CounterfactualTrial) -> String {
        Suppression.isSmall(t.uncoveredAfter, threshold: tables.threshold) ? "x" : NumberFormat.hours(t.gapMinutesAfter)
    }

    func municipalityIndex(_ code: MunicipalityCode) -> Int? { data.result.municipalities.firstIndex { $0.code == code } }

    func whatIf() -> [Document.Block] {
        var b: [Document.Block] = [.heading(L("shortfall.section.whatif", lang), level: 2)]
        guard let c = data.counterfactual else {
            b.append(.note(L(data.result.totals.uncovered == 0 ? "shortfall.whatif.nothing" : "shortfall.whatif.notRun", lang)))
            return b
        }
        if c.entries.isEmpty {
            b.append(.note(L(data.result.totals.uncovered == 0 ? "shortfall.whatif.nothing" : "shortfall.whatif.notRun", lang)))
            return b
        }
        b.append(.paragraph(L("shortfall.whatif.method", lang)))
        b.append(.note(L("shortfall.whatif.bound", lang, String(c.entries.count), String(c.municipalitiesWithUncovered),
                         String(c.maxReruns), String(c.rerunsUsed), String(data.seeds.first ?? data.result.seed))))
        var table = TextTable(
            headers: [L("common.col.municipality", lang), L("shortfall.col.uncovered", lang), L("shortfall.col.change", lang),
                      L("shortfall.col.after", lang), L("shortfall.col.gapAfter", lang), L("shortfall.col.result", lang),
                      L("shortfall.col.cost", lang), L("shortfall.col.tokyoShare", lang), L("shortfall.col.program", lang)],
            alignments: [.left, .right, .left, .right, .right, .left, .right, .right, .left])
        for e in c.entries {
            let i = municipalityIndex(e.code)
            let name = i.map { data.result.municipalities[$0].name(lang) } ?? e.code.description
            let uncovered = i.map { tables.text(.municipality($0), .uncovered) } ?? tables.count(e.uncovered)
            guard let t = e.bestTrial else {
                table.add([name, uncovered, L("shortfall.whatif.none", lang), uncovered, "", "", "", "", ""])
                continue
            }
            let result = L(t.uncoveredAfter == 0 ? "shortfall.whatif.coversAll" : "shortfall.whatif.coversMost", lang)
                + (e.budgetExhausted ? " " + L("shortfall.whatif.budget", lang) : "")
            let (total, tokyo) = cost(t, c)
            table.add([name, uncovered, leverText(t.lever, t.amount, c), tables.count(t.uncoveredAfter), gapAfter(t), result, total, tokyo,
                       programsText(t.lever)])
        }
        b.append(.table(table))
        // Every change tried.
        var detail = TextTable(
            headers: [L("common.col.municipality", lang), L("shortfall.col.change", lang), L("shortfall.col.after", lang),
                      L("shortfall.col.gapAfter", lang)],
            alignments: [.left, .left, .right, .right])
        for e in c.entries {
            let name = municipalityIndex(e.code).map { data.result.municipalities[$0].name(lang) } ?? e.code.description
            for t in e.trials { detail.add([name, leverText(t.lever, t.amount, c), tables.count(t.uncoveredAfter), gapAfter(t)]) }
            for l in e.notApplicable { detail.add([name, L("shortfall.whatif.na.\(l.rawValue)", lang), ""]) }
        }
        b.append(.heading(L("shortfall.whatif.detail", lang), level: 3))
        b.append(.table(detail))
        return b
    }

    // MARK: Funding

    func funding() -> [Document.Block] {
        var table = TextTable(
            headers: [L("shortfall.col.reason", lang), L("shortfall.col.programName", lang), L("shortfall.col.menu", lang),
                      L("shortfall.col.rate", lang), L("shortfall.col.base", lang), L("shortfall.col.why", lang)],
            alignments: [.left, .left, .left, .left, .right, .left])
        let rl: Language = lang == .ja ? .ja : .en
        // The kinds the simulator reports; one that no program funds gets the registry's statement instead.
        for kind in ShortfallReason.allCases.compactMap({ ShortfallKind(rawValue: $0.rawValue) }) {
            if let u = RemedyLinks.unfunded(for: kind) {
                table.add([L("shortfall.reason.\(kind.rawValue)", lang), RemedyLinks.noProgramLabel(rl), "", "", "", u.text(rl)])
            }
            for link in RemedyLinks.links(for: kind) {
                let program = registry?.program(id: link.programId)
                let name = (program?.name(rl) ?? link.programId) + " [\(link.programId)]"
                let menu: String
                if let m = link.menuJa {
                    let en = program?.menus.first { $0.nameJa.value == m }?.nameEn
                    menu = lang == .ja ? m : (en ?? m)
                } else {
                    menu = ""
                }
                let rate = link.rates.isEmpty ? L("shortfall.funding.noRate", lang) : link.rates.joined(separator: " → ")
                table.add([L("shortfall.reason.\(kind.rawValue)", lang), name, menu, rate,
                           link.baseAmountThousandYen.map(NumberFormat.grouped) ?? "", link.reason(rl)])
            }
        }
        return [.heading(L("shortfall.section.funding", lang), level: 2), .paragraph(L("shortfall.funding.intro", lang)), .table(table)]
    }
}

