import BCPAnalysis
import BCPModel
import BCPText

/// The files of `bcpsim sensitivity`: sensitivity.md and .html (with the tornado chart), .csv
/// (one row per parameter), .json (every run's figure).
public struct SensitivityReport: Sendable {
    public var result: SensitivityResult
    public var stability: PlanStability?
    var page: PlanPage
    public var lang: Language { page.lang }

    public init(result: SensitivityResult, stability: PlanStability?, scenario: Scenario, lang: Language) {
        self.result = result
        self.stability = stability
        page = PlanPage(scenario: scenario, objective: result.objective, lang: lang)
    }

    func L(_ key: String, _ args: String...) -> String { page.L(key, args) }
    var objectiveName: String { page.objectiveName }
    var unitName: String { page.unitName }
    var synthetic: Bool { page.synthetic }
    func amount(milli: Int) -> String { page.amount(milli: milli) }
    func mean(_ v: [Int]) -> String { amount(milli: CountSummary(values: v).meanMilli) }
    func value(_ p: UncertainParameter, _ v: Int) -> String {
        p.name.hasSuffix("_per_mille") ? NumberFormat.milliToTenths(v * 100) + "%" : NumberFormat.grouped(v) + L("sensitivity.min")
    }
    func paramName(_ name: String) -> String { L("sensitivity.param.\(name)") }

    public var title: String { page.title(L("sensitivity.title", page.scenario)) }

    public func answer() -> [String] {
        let r = result
        var out = [L("sensitivity.answer.base", objectiveName, mean(r.base), unitName, String(r.seeds.count))]
        let top = r.ranked.prefix(3).filter { $0.swingMilli > 0 }
        if top.isEmpty {
            out.append(L("sensitivity.answer.none", objectiveName))
        } else {
            out.append(L("sensitivity.answer.top", top.map { "\(paramName($0.parameter.name)) (\(mean($0.low))–\(mean($0.high)))" }
                .joined(separator: lang == .ja ? "、" : "; "), unitName))
        }
        if !r.samples.isEmpty {
            let m = r.sampleMeans
            out.append(L("sensitivity.answer.together", String(r.samples.count), amount(milli: m.p5 * 1000), amount(milli: m.p95 * 1000), unitName))
            // The defaults' mean outside the spread of all-at-once: say on which side it lies.
            let baseMilli = CountSummary(values: r.base).meanMilli
            if baseMilli < m.p5 * 1000 { out.append(L("sensitivity.answer.baseLow")) }
            if baseMilli > m.p95 * 1000 { out.append(L("sensitivity.answer.baseHigh")) }
        }
        if let st = stability {
            let changed = st.changed
            out.append(changed.isEmpty
                ? L("sensitivity.answer.planHolds", NumberFormat.yen(st.budgetYen, lang), String(st.variants.count - 1))
                : L("sensitivity.answer.planChanges", NumberFormat.yen(st.budgetYen, lang),
                    changed.map { v in
                        let p = UncertainParameter.all.first { $0.name == v.parameter }
                        return "\(paramName(v.parameter ?? "")) = \(p.map { value($0, v.value) } ?? String(v.value))"
                    }.joined(separator: lang == .ja ? "、" : "; ")))
        }
        if !synthetic { out.append(L("plan.restricted")) }
        return out
    }

    public func document() -> Document {
        var d = Document(title: title, lang: lang)
        d.add([.heading(L("plan.section.answer"), level: 2), .list(answer())])
        d.add([.heading(L("sensitivity.section.tornado"), level: 2), .paragraph(L("sensitivity.tornado.intro", objectiveName, unitName)),
               .figure(svg: tornado(), caption: L("sensitivity.tornado.caption"), markdown: L("sensitivity.tornado.inHTML")), .table(table())])
        if !result.samples.isEmpty {
            d.add([.heading(L("sensitivity.section.together"), level: 2),
                   .paragraph(L("sensitivity.together.intro", String(result.samples.count))),
                   .note(L("sensitivity.together.noise", NumberFormat.milli(noiseMilli))),
                   .table(correlationTable())])
        }
        if let st = stability {
            d.add([.heading(L("sensitivity.section.plan"), level: 2), .paragraph(L("sensitivity.plan.intro", NumberFormat.yen(st.budgetYen, lang))),
                   .table(stabilityTable(st))])
        }
        d.add([.heading(L("plan.section.method"), level: 2), .list([L("sensitivity.method", String(result.seeds.count)), L("sensitivity.docs")])])
        return d
    }

    /// About the largest rank correlation that chance gives with this many samples (two-sided
    /// 5%: 1.96 / sqrt(n - 1)), in thousandths.
    var noiseMilli: Int {
        let n = result.samples.count
        return n > 1 ? Int((1960.0 / Double(n - 1).squareRoot()).rounded()) : 1000
    }

    func table() -> TextTable {
        var t = TextTable(headers: [L("sensitivity.col.parameter"), L("sensitivity.col.default"), L("sensitivity.col.range"),
                                    L("sensitivity.col.atLow", unitName), L("sensitivity.col.atHigh", unitName), L("sensitivity.col.basis")],
                          alignments: [.left, .right, .right, .right, .right, .left])
        for o in result.ranked {
            let p = o.parameter
            t.add([paramName(p.name), value(p, o.base), "\(value(p, p.low))–\(value(p, p.high))", mean(o.low), mean(o.high), L("sensitivity.basis.\(p.name)")])
        }
        return t
    }

    func correlationTable() -> TextTable {
        var t = TextTable(headers: [L("sensitivity.col.parameter"), L("sensitivity.col.correlation")], alignments: [.left, .right])
        let c = result.rankCorrelationsMilli
        let order = c.indices.sorted { abs(c[$0]) != abs(c[$1]) ? abs(c[$0]) > abs(c[$1]) : $0 < $1 }
        for j in order { t.add([paramName(UncertainParameter.all[j].name), NumberFormat.milli(c[j])]) }
        return t
    }

    func stabilityTable(_ st: PlanStability) -> TextTable {
        var t = TextTable(headers: [L("sensitivity.col.variant"), L("sensitivity.col.firstSteps"), L("sensitivity.col.same")],
                          alignments: [.left, .left, .left])
        for v in st.variants {
            let label = v.parameter.map { "\(paramName($0)) = \(NumberFormat.grouped(v.value))" } ?? L("sensitivity.defaults")
            let steps = v.steps.map { s in
                return "\(page.name(s.code)): \(L("plan.lever.\(s.lever.rawValue)")) \(s.amount)"
            }.joined(separator: " → ")
            t.add([label, steps.isEmpty ? "-" : steps, v.parameter == nil ? "" : L(v.steps == st.variants[0].steps ? "sensitivity.same" : "sensitivity.differs")])
        }
        return t
    }

    /// Bars from the base mean to each end's mean, largest swing on top; low values in blue,
    /// high in orange. Widths scale to the largest distance from the base.
    func tornado() -> String {
        let rows = result.ranked
        let base = CountSummary(values: result.base).meanMilli
        let far = rows.flatMap { [abs($0.lowSummary.meanMilli - base), abs($0.highSummary.meanMilli - base)] }.max() ?? 0
        let labelW = 300, barW = 400, rowH = 22, top = 40
        let w = labelW + barW + 120, h = top + rows.count * rowH + 30
        let mid = labelW + barW / 2
        func x(_ m: Int) -> Int { far == 0 ? mid : mid + (m - base) * (barW / 2) / far }
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(escapeHTML(L("sensitivity.tornado.caption")))\">"
        s += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>"
        s += "<text x=\"\(labelW)\" y=\"18\" font-size=\"13\"><tspan fill=\"#2b6cb0\">■ \(escapeHTML(L("sensitivity.legend.low")))</tspan>  <tspan fill=\"#c05621\">■ \(escapeHTML(L("sensitivity.legend.high")))</tspan></text>"
        for (i, o) in rows.enumerated() {
            let y = top + i * rowH
            s += "<text x=\"\(labelW - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escapeHTML(paramName(o.parameter.name)))</text>"
            // The low end in the row's upper half, the high end in its lower half, so that neither
            // hides the other when both lie on the same side of the base.
            for (k, (m, color, text)) in [(o.lowSummary.meanMilli, "#2b6cb0", value(o.parameter, o.parameter.low)),
                                          (o.highSummary.meanMilli, "#c05621", value(o.parameter, o.parameter.high))].enumerated() {
                let a = min(x(m), mid), b = max(x(m), mid)
                let h = (rowH - 6) / 2
                s += "<rect x=\"\(a)\" y=\"\(y + 3 + k * h)\" width=\"\(max(1, b - a))\" height=\"\(h)\" fill=\"\(color)\" fill-opacity=\"0.85\"><title>\(escapeHTML("\(text): \(amount(milli: m)) \(unitName)"))</title></rect>"
            }
        }
        s += "<line x1=\"\(mid)\" y1=\"\(top - 4)\" x2=\"\(mid)\" y2=\"\(top + rows.count * rowH)\" stroke=\"#1a202c\" stroke-width=\"1\"/>"
        s += "<text x=\"\(mid)\" y=\"\(h - 8)\" text-anchor=\"middle\" font-size=\"12\">\(escapeHTML(L("sensitivity.axis", amount(milli: base), unitName)))</text>"
        return s + "</svg>"
    }

    public func markdown() -> String { document().markdown() }
    public func html() -> String { document().html() }

    public func csv(bom: Bool = true) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: [L("sensitivity.col.parameter"), "key", L("sensitivity.col.default"), L("sensitivity.csv.low"), L("sensitivity.csv.high"),
                      L("sensitivity.csv.meanLow", objectiveName), L("sensitivity.csv.meanHigh", objectiveName), L("sensitivity.csv.meanBase", objectiveName)])
        for o in result.ranked {
            w.row([.text(paramName(o.parameter.name)), .text(o.parameter.name), .number(o.base), .number(o.parameter.low), .number(o.parameter.high),
                   .text(NumberFormat.milli(o.lowSummary.meanMilli)), .text(NumberFormat.milli(o.highSummary.meanMilli)),
                   .text(NumberFormat.milli(CountSummary(values: result.base).meanMilli))])
        }
        return w.text
    }

    public func json() -> String {
        let r = result
        let oat = r.oneAtATime.map { o -> OrderedJSON in
            .object([("parameter", .string(o.parameter.name)), ("default", .int(o.base)), ("low", .int(o.parameter.low)), ("high", .int(o.parameter.high)),
                     ("atLow", .array(o.low.map { .int($0) })), ("atHigh", .array(o.high.map { .int($0) })), ("basis", .string(o.parameter.basis))])
        }
        let corr = r.rankCorrelationsMilli
        var members: [(String, OrderedJSON)] = [
            ("schema", .string("bcpsim.sensitivity/1")), ("scenario", .string(page.scenarioName.en)), ("objective", .string(r.objective.rawValue)),
            ("seeds", .array(r.seeds.map { .string(String($0)) })), ("base", .array(r.base.map { .int($0) })), ("oneAtATime", .array(oat)),
            ("hypercube", .array(r.samples.map { s in .object([("values", .array(s.values.map { .int($0) })), ("objective", .array(s.objective.map { .int($0) }))]) })),
            ("rankCorrelationMilli", .object(UncertainParameter.all.indices.map { (UncertainParameter.all[$0].name, .int(corr[$0])) })),
        ]
        if let st = stability {
            members.append(("plan", .object([("budgetYen", .int(st.budgetYen)), ("variants", .array(st.variants.map { v in
                .object([("parameter", .string(v.parameter)), ("value", .int(v.value)),
                         ("steps", .array(v.steps.map { .string("\($0.code) \($0.lever.rawValue) \($0.amount)") }))])
            }))])))
        }
        return OrderedJSON.object(members).render() + "\n"
    }
}
