import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The workshop pack: facilitator and participant versions (md, html), the MSEL (csv, html) and
/// the tier table (csv). Deterministic: no clock, no ids of patients or providers. Every count
/// follows the disclosure policy of the reports.
public struct WorkshopPack: Sendable {
    public let runs: WorkshopRuns
    public let lang: Language
    public let policy: DisclosurePolicy
    public let events: [TimelineEvent]
    public let tiers: TierTable
    public let areas: AreaTierTable

    /// `policy`: the scenario's (DisclosurePolicy.forScenario); open (synthetic data) by default.
    public init(runs: WorkshopRuns, lang: Language, policy: DisclosurePolicy? = nil) {
        self.runs = runs
        self.lang = lang
        let p = policy ?? DisclosurePolicy.forScenario(synthetic: runs.scenario.synthetic, threshold: runs.scenario.parameters.suppressionThreshold)
        self.policy = p
        self.events = TimelineEvents.derive(runs.scenario, runs.reference)
        // Each tier run's figures as `bcpsim run --tier T` would publish them.
        let tables = runs.results.map { PublicTables(ResultDocument(result: $0), policy: p) }
        self.tiers = TierTable(runs.figures, tables: tables, policy: p)
        self.areas = AreaTierTable(runs.results, tables: tables, policy: p)
    }

    public static let fileNames = ["facilitator.md", "facilitator.html", "participant.md", "participant.html", "msel.csv", "msel.html", "tiers.csv"]

    var scenarioName: String { lang.pick(ja: runs.scenario.nameJa, en: runs.scenario.nameEn) }
    var referenceTier: String { Labels.text("workshop.tier." + runs.reference.tier.rawValue, lang) }
    public var msel: [MSELRow] { MSEL.rows(events, lang, policy: policy) }

    /// (file name, contents) in the order of `fileNames`. CSV files start with a byte order mark
    /// unless `bom` is false.
    public func files(bom: Bool = true) -> [(name: String, text: String)] {
        let f = facilitator(), p = participant()
        let m = MSELRenderer(rows: msel, lang: lang)
        return [
            ("facilitator.md", f.markdown()), ("facilitator.html", f.html()),
            ("participant.md", p.markdown()), ("participant.html", p.html()),
            ("msel.csv", m.csv(bom: bom)), ("msel.html", m.document(scenarioName: scenarioName, referenceTier: referenceTier).html()),
            ("tiers.csv", tiers.csv(lang, bom: bom)),
        ]
    }

    func L(_ k: String, _ a: String...) -> String { Labels.text("workshop." + k, lang, args: a) }

    /// The reference run's map: uncovered patients by municipality, banded like every count.
    func referenceMap() -> Document.Block {
        let tables = PublicTables(ResultDocument(result: runs.reference), policy: policy)
        let ms = runs.reference.municipalities
        let t = policy.protects ? policy.threshold : 1
        let top = ms.indices.compactMap { tables.shown(.municipality($0), .uncovered).exactValue }.max() ?? 0
        let scale = TokyoMap.Scale.sequential(max: top, step: t)
        let classes = scale.ranges.enumerated().map { k, r in
            MapClass(k == 0 ? "0" : r.upperBound == Int.max ? Labels.text("shortfall.map.orMore", lang, NumberFormat.grouped(r.lowerBound))
                                     : DisclosureText.band(r.lowerBound, r.upperBound, lang), TokyoMap.sequential[k])
        }
        var names: [String: String] = [:]
        let areas = ms.enumerated().map { i, m -> MapArea in
            names[m.code.description] = MapNames.short(m.name(lang))
            let s = tables.shown(.municipality(i), .uncovered)
            guard m.tally.affected > 0 else {
                return MapArea(code: m.code.description, fill: .none, tooltip: Labels.text("shortfall.map.tipNone", lang, m.name(lang)))
            }
            return MapArea(code: m.code.description, fill: scale.fill(s.bounds),
                           tooltip: L("map.tip", m.name(lang), DisclosureText.count(s, lang)))
        }
        let map = TokyoMap(title: L("map.title", referenceTier), classes: classes,
                           hiddenLabel: policy.protects ? Labels.text("shortfall.map.hidden", lang) : nil,
                           noneLabel: Labels.text("shortfall.map.none", lang), areas: areas, islandNames: names,
                           islandsLabel: Labels.text("map.islands", lang))
        return .figure(svg: map.svg(), caption: L("map.caption", referenceTier) + " " + TokyoMap.credit(lang),
                       markdown: Labels.text("map.inHTML", lang, "facilitator.html"))
    }

    /// The participants' map: where the power goes out (scenario input only, no result).
    static func outageMap(_ s: Scenario, _ lang: Language) -> Document.Block {
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop." + k, lang, args: a) }
        var names: [String: String] = [:]
        let areas = s.municipalities.map { m -> MapArea in
            let name = lang.pick(ja: m.nameJa, en: m.nameEn)
            names[m.code.description] = MapNames.short(name)
            let out = s.zones.contains { $0.targets.covers(code: m.code, areaJa: m.area.nameJa) }
            return MapArea(code: m.code.description, fill: out ? .inClass(0) : .none,
                           tooltip: L(out ? "outageMap.tipOut" : "outageMap.tipOn", name))
        }
        let map = TokyoMap(title: L("outageMap.title"), classes: [MapClass(L("outageMap.out"), "#4a5568")], hiddenLabel: nil,
                           noneLabel: L("outageMap.on"), areas: areas, islandNames: names, islandsLabel: Labels.text("map.islands", lang))
        return .figure(svg: map.svg(), caption: L("outageMap.caption") + " " + TokyoMap.credit(lang),
                       markdown: Labels.text("map.inHTML", lang, "participant.html"))
    }

    public func facilitator() -> Document {
        var d = Document(title: L("facilitator.title", scenarioName), lang: lang, css: Document.printCSS)
        d.add(.note(L("facilitator.confidential")))
        d.add(.note(DisclosureNotes.line(policy, lang)))
        d.add(.heading(L("section.agenda"), level: 2))
        d.add(.table(Agenda.table(lang, facilitator: true), caption: nil))
        d.add(.heading(L("section.objectives"), level: 2))
        d.add(.list(WorkshopObjective.allCases.map { "O\($0.rawValue) " + $0.text(lang) }))
        d.blocks += ScenarioOverview.blocks(runs.scenario, seed: runs.seed, lang, policy: policy)
        d.add(.pageBreak)

        d.add(.heading(L("section.tiers"), level: 2))
        d.add(.paragraph(L("tiers.intro")))
        d.add(.table(tiers.table(lang), caption: nil))
        d.add(.heading(L("section.adds"), level: 3))
        d.add(.list(TierStep.ladder(runs.figures).map { $0.sentence(tiers, lang) }))
        d.add(.heading(L("section.areas"), level: 3))
        d.add(.table(areas.table(lang), caption: nil))
        d.add(.heading(L("section.map"), level: 3))
        d.add(referenceMap())
        d.add(.note(L("note.counts")))
        d.add(.pageBreak)

        d.add(.heading(L("section.discussion"), level: 2))
        let points = Discussion.points(runs, events: events, tiers: tiers, areas: areas, lang)
        d.add(.numbered(points.map { L("disc.item", $0.finding, $0.question) }))
        d.add(.pageBreak)

        d.add(.heading(L("section.msel"), level: 2))
        d.add(.paragraph(L("msel.intro", referenceTier)))
        d.add(.table(MSELRenderer(rows: msel, lang: lang).table(), caption: nil))
        d.add(.note(MSELRenderer.note(msel, lang)))
        d.add(.pageBreak)

        d.add(.heading(L("section.evaluation"), level: 2))
        d.add(.definitions(Worksheets.ratingLegend(lang)))
        d.add(.table(Worksheets.evaluation(lang), caption: nil))
        d.add(.heading(L("section.plan"), level: 2))
        d.add(.table(Worksheets.improvementPlan(lang), caption: nil))
        d.add(.heading(L("section.method"), level: 2))
        d.add(.list([L("method.runs", String(runs.seed), referenceTier), L("method.figures"), L("method.injects"), L("note.counts"),
                     DisclosureNotes.note(policy, lang), L("method.ids")]))
        return d
    }

    /// No result of any run: built from the scenario's inputs and fixed texts only.
    public func participant() -> Document {
        WorkshopPack.participant(runs.scenario, seed: runs.seed, lang: lang, policy: policy)
    }

    /// `policy`: the scenario's by default (DisclosurePolicy.forScenario).
    public static func participant(_ s: Scenario, seed: UInt64, lang: Language, policy: DisclosurePolicy? = nil) -> Document {
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop." + k, lang, args: a) }
        let policy = policy ?? DisclosurePolicy.forScenario(synthetic: s.synthetic, threshold: s.parameters.suppressionThreshold)
        var d = Document(title: L("participant.title", lang.pick(ja: s.nameJa, en: s.nameEn)), lang: lang, css: Document.printCSS)
        d.add(.paragraph(L("participant.intro")))
        d.add(.heading(L("section.agenda"), level: 2))
        d.add(.table(Agenda.table(lang, facilitator: false), caption: nil))
        d.add(.heading(L("section.objectives"), level: 2))
        d.add(.list(WorkshopObjective.allCases.map { "O\($0.rawValue) " + $0.text(lang) }))
        d.blocks += ScenarioOverview.blocks(s, seed: seed, lang, policy: policy)
        d.add(.heading(L("outageMap.title"), level: 3))
        d.add(outageMap(s, lang))
        d.add(.pageBreak)
        d.add(.heading(L("section.predict"), level: 2))
        d.add(.paragraph(L("predict.intro")))
        d.add(.table(Worksheets.prediction(lang), caption: nil))
        d.add(.heading(L("section.questions"), level: 2))
        d.add(.numbered(Discussion.participantQuestions(lang)))
        d.add(.heading(L("section.plan"), level: 2))
        d.add(.table(Worksheets.improvementPlan(lang), caption: nil))
        return d
    }
}

extension WorkshopPack {
    /// What `bcpsim workshop` prints: one line per tier run, in the pack's language and under its
    /// policy, and the number of injects.
    public func terminalLines() -> [String] {
        var lines = [DisclosureNotes.line(policy, lang)]
        for (run, f) in runs.figures.enumerated() {
            lines.append(Labels.text("terminal.workshop.tier", lang, TierText.name(f.tier, lang), tiers.text(run, "uncovered", lang),
                                     tiers.text(run, "gap", lang), tiers.text(run, "units", lang), tiers.text(run, "beds", lang)))
        }
        lines.append(Labels.text("terminal.workshop.injects", lang, String(msel.count), referenceTier))
        return lines
    }
}
