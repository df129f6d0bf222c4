import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPText

/// The files of `bcpsim plan`: plan.md and plan.html (one document), plan.csv (one row per
/// step), plan.json (every figure, per seed). Numbers are means over the seeds with the 5th to
/// 95th percentile range, so that no figure rests on one lucky draw.
public struct PlanReport: Sendable {
    public var result: PlanResult
    var page: PlanPage
    /// Program names by registry id.
    public var programs: [String: (ja: String, en: String)]
    public var lang: Language { page.lang }

    public init(result: PlanResult, scenario: Scenario, registry: Registry?, lang: Language) {
        self.result = result
        page = PlanPage(scenario: scenario, objective: result.options.objective, lang: lang)
        var programs: [String: (ja: String, en: String)] = [:]
        for item in PlanPrices.Item.allCases {
            guard let id = result.prices[item].programId else { continue }
            let p = registry?.program(id: id)
            programs[id] = (p?.name(.ja) ?? id, p?.name(.en) ?? id)
        }
        self.programs = programs
    }

    func L(_ key: String, _ args: String...) -> String { page.L(key, args) }
    var objectiveName: String { page.objectiveName }
    var isMinutes: Bool { page.isMinutes }
    var unitName: String { page.unitName }
    var synthetic: Bool { page.synthetic }
    func amount(milli: Int) -> String { page.amount(milli: milli) }
    func amount(_ n: Int) -> String { page.amount(n) }
    func name(_ code: MunicipalityCode) -> String { page.name(code) }

    /// "12.3 (5-95%: 10.0-15.0)"; the ends of a count are whole numbers.
    func interval(_ c: CountSummary) -> String {
        let end = { (n: Int) in self.isMinutes ? self.amount(n) : NumberFormat.grouped(n) }
        return L("plan.interval", amount(milli: c.meanMilli), end(c.p5), end(c.p95))
    }

    func program(_ id: String?) -> String {
        guard let id, let p = programs[id] else { return L("plan.program.none") }
        return lang == .ja ? p.ja : p.en
    }

    func unitText(_ u: UnitSpec) -> String { Remedies.unitText(u, lang) }

    func changeText(_ s: PlanStep) -> String {
        let a = NumberFormat.grouped(s.choice.amount)
        switch s.choice.lever {
        case .unit:
            return Labels.text(s.teamsAdded > 0 ? "shortfall.lever.unitWithTeam" : "shortfall.lever.unit", lang, a, unitText(result.unit),
                               NumberFormat.grouped(s.teamsAdded))
        case .homeUnit: return Labels.text("shortfall.lever.homeUnit", lang, a, unitText(result.unit))
        case .tier:
            // What the step buys: tier steps of so many providers, and a regional BCP if it makes one.
            let steps = NumberFormat.grouped(s.cost.count(.tierStep))
            return L(s.cost.count(.regionalBCP) > 0 ? "plan.change.tierRegional" : "plan.change.tier", a, steps)
        default: return L("shortfall.lever.\(s.choice.lever.rawValue)", a)
        }
    }

    /// Reduction per million net yen, mean, one decimal ("-" for a change that costs nothing).
    func perMillion(_ s: PlanStep) -> String {
        guard s.cost.net > 0 else { return L("plan.free") }
        // Thousandths of the unit per step x 1,000,000 / net yen = thousandths per million yen.
        let milli = (s.reduction.meanMilli * 1_000_000 + s.cost.net / 2) / s.cost.net
        return amount(milli: milli)
    }

    /// The programs of what a step buys, each with Tokyo's share as the price table gives it
    /// ("no rate printed" for commissioned support); "no Tokyo subsidy" where none pays.
    func programs(of s: PlanStep) -> String {
        var parts: [String] = []
        var unfunded = false
        for (i, item) in PlanPrices.Item.allCases.enumerated() where s.cost.counts[i] > 0 {
            let p = result.prices[item]
            guard let id = p.programId else { unfunded = true; continue }
            let share = p.tokyoShare.0 == 0 ? Labels.text("shortfall.funding.noRate", lang) : "\(p.tokyoShare.0)\u{2044}\(p.tokyoShare.1)"
            let text = "\(program(id)) (\(share))"
            if !parts.contains(text) { parts.append(text) }
        }
        if unfunded { parts.append(L("plan.program.none")) }
        return parts.joined(separator: "; ")
    }

    /// What a step buys, item by item: "4 units, 1 team".
    func itemsText(_ c: PlanCost) -> String {
        PlanPrices.Item.allCases.filter { c.count($0) > 0 }
            .map { L("plan.count.\($0.rawValue)", NumberFormat.grouped(c.count($0))) }
            .joined(separator: lang == .ja ? "、" : ", ")
    }

    // MARK: The document

    /// Real data: every page is marked restricted (docs/DISCLOSURE.md "Plans and sensitivity").
    public var title: String { page.title(L("plan.title", NumberFormat.yen(result.options.budgetYen, lang), page.scenario)) }

    /// The page's "in short" sentences (the terminal prints them too).
    public func answer() -> [String] {
        var out: [String] = []
        let r = result
        out.append(L("plan.answer.base", objectiveName, interval(r.base.summary), unitName, String(r.seeds.count)))
        if !r.options.municipalities.isEmpty {
            // A ward's plan: its own patients' figures too (the measure is counted over the whole scenario).
            let hours = { (v: [Int]) in NumberFormat.milliToTenths((CountSummary(values: v).meanMilli + 30) / 60) }
            let count = { (v: [Int]) in NumberFormat.milliToTenths(CountSummary(values: v).meanMilli) }
            out.append(L("plan.answer.scope", r.municipalities.map(name).joined(separator: lang == .ja ? "、" : ", "),
                         count(r.scopeUncovered.before), hours(r.scopeGapMinutes.before), count(r.scopeUncovered.after), hours(r.scopeGapMinutes.after)))
        }
        if r.steps.isEmpty {
            out.append(L(r.base.sum == 0 ? "plan.answer.nothingToReduce" : "plan.answer.nothingHelps", objectiveName))
        } else {
            out.append(L("plan.answer.plan", String(r.steps.count), NumberFormat.yen(r.cost.total, lang), NumberFormat.yen(r.cost.tokyo, lang),
                         NumberFormat.yen(r.cost.net, lang), NumberFormat.yen(r.options.budgetYen, lang)))
            out.append(L("plan.answer.reduction", objectiveName, interval(r.reduction), unitName, interval(r.final.summary)))
            let first = r.steps[0]
            out.append(L("plan.answer.first", name(first.choice.code), changeText(first), perMillion(first), unitName))
            // Diminishing returns: how much of the reduction the first steps already bring.
            let total = r.reduction.meanMilli
            if total > 0 && r.steps.count > 3 {
                var sum = 0, spent = 0
                for (i, s) in r.steps.enumerated() {
                    sum += s.reduction.meanMilli
                    spent += s.cost.net
                    if sum * 10 >= total * 9 {
                        if i + 1 < r.steps.count {
                            out.append(L("plan.answer.returns", String(i + 1), NumberFormat.yen(spent, lang), NumberFormat.yen(r.cost.net - spent, lang)))
                        }
                        break
                    }
                }
            }
            let left = NumberFormat.yen(r.options.budgetYen - r.cost.net, lang)
            if r.final.sum == 0 && r.cost.net < r.options.budgetYen {
                out.append(L("plan.answer.allGone", objectiveName, left))
            } else if r.steps.count >= r.options.maxSteps {
                out.append(L("plan.answer.maxSteps", String(r.options.maxSteps), left))
            } else if r.cost.net < r.options.budgetYen {
                out.append(L("plan.answer.leftover", left, objectiveName))
            }
        }
        if !synthetic { out.append(L("plan.restricted")) }
        return out
    }

    public func document() -> Document {
        var d = Document(title: title, lang: lang)
        d.add([.heading(L("plan.section.answer"), level: 2), .list(answer())])
        d.add(.definitions([
            (L("plan.param.budget"), NumberFormat.yen(result.options.budgetYen, lang) + L("plan.param.budgetNet")),
            (L("plan.param.objective"), objectiveName),
            (L("plan.param.scope"), result.options.municipalities.isEmpty
                ? L("plan.param.scopeAuto", String(result.municipalities.count))
                : result.municipalities.map(name).joined(separator: lang == .ja ? "、" : ", ")),
            (L("plan.param.seeds"), L("plan.param.seedsValue", String(result.seeds.count), String(result.seeds[0]))),
            (L("plan.param.runComparison"), L("plan.param.runComparisonValue")),
            (L("plan.param.runs"), NumberFormat.grouped(result.runs)),
        ]))
        d.add(.heading(L("plan.section.steps"), level: 2))
        if result.steps.isEmpty {
            d.add(.paragraph(L("plan.steps.none")))
        } else {
            d.add(.paragraph(L("plan.steps.intro", unitName)))
            d.add(.table(stepsTable()))
        }
        d.add([.heading(L("plan.section.notTaken"), level: 2), .paragraph(L("plan.notTaken.intro"))])
        d.add(.table(notTakenTable()))
        d.add([.heading(L("plan.section.prices"), level: 2), .paragraph(L("plan.prices.intro")), .table(pricesTable())])
        d.add([.heading(L("plan.section.method"), level: 2), .list(method())])
        return d
    }

    func stepsTable() -> TextTable {
        var t = TextTable(
            headers: ["#", L("common.col.municipality"), L("plan.col.change"), L("plan.col.total"), L("plan.col.tokyo"), L("plan.col.net"),
                      L("plan.col.cumulative"), L("plan.col.reduction", unitName), L("plan.col.reductionSoFar", unitName), L("plan.col.perMillion", unitName),
                      L("plan.col.program")],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .right, .right, .left])
        var cumulative = 0
        for (i, s) in result.steps.enumerated() {
            cumulative += s.cost.net
            let soFar = CountSummary(values: zip(result.base.values, s.after.values).map { $0 - $1 })
            t.add([String(i + 1), name(s.choice.code), changeText(s), NumberFormat.yen(s.cost.total, lang), NumberFormat.yen(s.cost.tokyo, lang),
                   NumberFormat.yen(s.cost.net, lang), NumberFormat.yen(cumulative, lang), interval(s.reduction), amount(milli: soFar.meanMilli),
                   perMillion(s), programs(of: s)])
        }
        return t
    }

    /// One row per kind of change and reason, with the municipalities it holds for (a row per
    /// municipality would run to hundreds of lines for a Tokyo-wide plan).
    func notTakenTable() -> TextTable {
        var t = TextTable(headers: [L("plan.col.lever"), L("plan.col.why"), L("common.col.municipality")], alignments: [.left, .left, .left])
        for lever in Lever.allCases {
            for reason in [PlanCandidateNote.Reason.notApplicable, .noGain, .overBudget] {
                let codes = result.notTaken.filter { $0.lever == lever && $0.reason == reason }.map(\.code)
                guard !codes.isEmpty else { continue }
                let why = L("plan.why.\(lever == .team && reason == .notApplicable ? "noStock" : reason.rawValue)")
                t.add([L("plan.lever.\(lever.rawValue)"), why, codes.map(name).joined(separator: lang == .ja ? "、" : ", ")])
            }
        }
        return t
    }

    func pricesTable() -> TextTable {
        var t = TextTable(headers: [L("plan.col.item"), L("plan.col.price"), L("plan.col.share"), L("plan.col.program"), L("plan.col.source")],
                          alignments: [.left, .right, .right, .left, .left])
        for item in PlanPrices.Item.allCases {
            let p = result.prices[item]
            let share = p.tokyoShare.0 == 0 ? L("plan.share.none") : "\(p.tokyoShare.0)\u{2044}\(p.tokyoShare.1)"
            t.add([L("plan.item.\(item.rawValue)", item == .unit ? unitText(result.unit) : ""), NumberFormat.yen(p.yen, lang), share, program(p.programId),
                   L(p.source == .published ? "plan.source.published.\(item.rawValue)" : "plan.source.\(p.source.rawValue)")])
        }
        return t
    }

    func method() -> [String] {
        [L("plan.method.greedy", String(result.options.maxSteps)), L("plan.method.seeds", String(result.seeds.count)),
         L("plan.method.net"), L("plan.method.limits"), L("plan.method.run"), L("plan.method.docs")]
    }

    public func markdown() -> String { document().markdown() }
    public func html() -> String { document().html() }

    // MARK: CSV and JSON

    /// One row per step; yen and figures as plain numbers (thousandths for means) so Excel can sum them.
    public func csv(bom: Bool = true) -> String {
        var w = CSVWriter(bom: bom)
        let unit = L(isMinutes ? "plan.csv.minutes" : "plan.unit.count")
        var header = ["#", L("common.col.code"), L("common.col.municipality"), L("plan.col.lever"), L("plan.csv.amount"), L("plan.csv.items"),
                      L("common.yenSuffix", L("plan.col.total")), L("common.yenSuffix", L("plan.col.tokyo")), L("common.yenSuffix", L("plan.col.net")),
                      L("plan.csv.reductionMean", objectiveName, unit), L("plan.csv.p5", unit), L("plan.csv.p50", unit), L("plan.csv.p95", unit),
                      L("plan.csv.afterMean", objectiveName, unit), L("plan.col.program")]
        // Real data: every row says it is restricted, so that a row forwarded alone still does.
        if !synthetic { header.append(L("plan.csv.privacy")) }
        w.row(texts: header)
        for (i, s) in result.steps.enumerated() {
            var row: [CSVCell] = [
                .number(i + 1), .text(s.choice.code.description), .text(name(s.choice.code)), .text(L("plan.lever.\(s.choice.lever.rawValue)")),
                .number(s.choice.amount), .text(itemsText(s.cost)), .number(s.cost.total), .number(s.cost.tokyo), .number(s.cost.net),
                .text(NumberFormat.milli(s.reduction.meanMilli)), .number(s.reduction.p5), .number(s.reduction.p50), .number(s.reduction.p95),
                .text(NumberFormat.milli(s.after.summary.meanMilli)), .text(programs(of: s)),
            ]
            if !synthetic { row.append(.text(L("plan.restrictedShort"))) }
            w.row(row)
        }
        return w.text
    }

    static func summaryJSON(_ c: CountSummary) -> OrderedJSON {
        .object([("mean", .string(c.meanText)), ("p5", .int(c.p5)), ("p50", .int(c.p50)), ("p95", .int(c.p95)), ("values", .array(c.values.map { .int($0) }))])
    }

    static func costJSON(_ c: PlanCost) -> OrderedJSON {
        .object([("total", .int(c.total)), ("tokyo", .int(c.tokyo)), ("net", .int(c.net)),
                 ("items", .object(PlanPrices.Item.allCases.map { ($0.rawValue, .int(c.count($0))) }))])
    }

    /// schema bcpsim.plan/1: the options, seeds, prices, base, steps, totals, levers not taken.
    public func json() -> String {
        let r = result
        let prices = PlanPrices.Item.allCases.map { item -> (String, OrderedJSON) in
            let p = r.prices[item]
            return (item.rawValue, .object([("yen", .int(p.yen)), ("tokyoShare", .string("\(p.tokyoShare.0)/\(p.tokyoShare.1)")),
                                            ("program", .string(p.programId)), ("source", .string(p.source.rawValue))]))
        }
        let steps = r.steps.map { s -> OrderedJSON in
            .object([("municipality", .string(s.choice.code.description)), ("lever", .string(s.choice.lever.rawValue)), ("amount", .int(s.choice.amount)),
                     ("teamsAdded", .int(s.teamsAdded)), ("cost", Self.costJSON(s.cost)), ("reduction", Self.summaryJSON(s.reduction)),
                     ("after", Self.summaryJSON(s.after.summary))])
        }
        let doc = OrderedJSON.object([
            ("schema", .string("bcpsim.plan/1")),
            ("scenario", .string(page.scenarioName.en)), ("synthetic", .bool(synthetic)), ("restricted", .bool(!synthetic)),
            ("budgetYen", .int(r.options.budgetYen)), ("objective", .string(r.options.objective.rawValue)),
            ("municipalities", .array(r.municipalities.map { .string($0.description) })),
            ("seeds", .array(r.seeds.map { .string(String($0)) })), ("maxSteps", .int(r.options.maxSteps)), ("runs", .int(r.runs)),
            ("prices", .object(prices)), ("base", Self.summaryJSON(r.base.summary)), ("steps", .array(steps)),
            ("cost", Self.costJSON(r.cost)), ("reduction", Self.summaryJSON(r.reduction)), ("final", Self.summaryJSON(r.final.summary)),
            ("scope", .object([("uncoveredBefore", .array(r.scopeUncovered.before.map { .int($0) })), ("uncoveredAfter", .array(r.scopeUncovered.after.map { .int($0) })),
                               ("gapMinutesBefore", .array(r.scopeGapMinutes.before.map { .int($0) })),
                               ("gapMinutesAfter", .array(r.scopeGapMinutes.after.map { .int($0) }))])),
            ("notTaken", .array(r.notTaken.map { .object([("municipality", .string($0.code.description)), ("lever", .string($0.lever.rawValue)),
                                                          ("reason", .string($0.reason.rawValue))]) })),
        ])
        return doc.render() + "\n"
    }
}
