import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The workshop pack: facilitator and participant versions (md, html), the MSEL (csv, html) and
/// the tier table (csv). Deterministic: no clock, no ids of patients or providers.
public struct WorkshopPack: Sendable {
    public let runs: WorkshopRuns
    public let lang: Language
    public let events: [TimelineEvent]

    public init(runs: WorkshopRuns, lang: Language) {
        self.runs = runs
        self.lang = lang
        self.events = TimelineEvents.derive(runs.scenario, runs.reference)
    }

    public static let fileNames = ["facilitator.md", "facilitator.html", "participant.md", "participant.html", "msel.csv", "msel.html", "tiers.csv"]

    var scenarioName: String { lang.pick(ja: runs.scenario.nameJa, en: runs.scenario.nameEn) }
    var referenceTier: String { Labels.text("workshop.tier." + runs.reference.tier.rawValue, lang) }
    public var msel: [MSELRow] { MSEL.rows(events, lang) }

    /// (file name, contents) in the order of `fileNames`.
    public func files(bom: Bool = false) -> [(name: String, text: String)] {
        let f = facilitator(), p = participant()
        let m = MSELRenderer(rows: msel, lang: lang)
        return [
            ("facilitator.md", f.markdown()), ("facilitator.html", f.html()),
            ("participant.md", p.markdown()), ("participant.html", p.html()),
            ("msel.csv", m.csv(bom: bom)), ("msel.html", m.document(scenarioName: scenarioName, referenceTier: referenceTier).html()),
            ("tiers.csv", TierTable(runs.figures).csv(lang, bom: bom)),
        ]
    }

    func L(_ k: String, _ a: String...) -> String { Labels.text("workshop." + k, lang, args: a) }

    public func facilitator() -> Document {
        var d = Document(title: L("facilitator.title", scenarioName), lang: lang, css: Document.printCSS)
        d.add(.note(L("facilitator.confidential")))
        d.add(.heading(L("section.agenda"), level: 2))
        d.add(.table(Agenda.table(lang, facilitator: true), caption: nil))
        d.add(.heading(L("section.objectives"), level: 2))
        d.add(.list(WorkshopObjective.allCases.map { "O\($0.rawValue) " + $0.text(lang) }))
        d.blocks += ScenarioOverview.blocks(runs.scenario, seed: runs.seed, lang)
        d.add(.pageBreak)

        d.add(.heading(L("section.tiers"), level: 2))
        d.add(.paragraph(L("tiers.intro")))
        d.add(.table(TierTable(runs.figures).table(lang), caption: nil))
        d.add(.heading(L("section.adds"), level: 3))
        d.add(.list(TierStep.ladder(runs.figures).map { $0.sentence(lang) }))
        d.add(.heading(L("section.areas"), level: 3))
        d.add(.table(TierTable.areas(runs.results, lang), caption: nil))
        d.add(.note(L("note.counts")))
        d.add(.pageBreak)

        d.add(.heading(L("section.discussion"), level: 2))
        let points = Discussion.points(runs, events: events, lang)
        d.add(.numbered(points.map { L("disc.item", $0.finding, $0.question) }))
        d.add(.pageBreak)

        d.add(.heading(L("section.msel"), level: 2))
        d.add(.paragraph(L("msel.intro", referenceTier)))
        d.add(.table(MSELRenderer(rows: msel, lang: lang).table(), caption: nil))
        d.add(.note(L("msel.note")))
        d.add(.pageBreak)

        d.add(.heading(L("section.evaluation"), level: 2))
        d.add(.definitions(Worksheets.ratingLegend(lang)))
        d.add(.table(Worksheets.evaluation(lang), caption: nil))
        d.add(.heading(L("section.plan"), level: 2))
        d.add(.table(Worksheets.improvementPlan(lang), caption: nil))
        d.add(.heading(L("section.method"), level: 2))
        d.add(.list([L("method.runs", String(runs.seed), referenceTier), L("method.figures"), L("method.injects"), L("note.counts"), L("method.ids")]))
        return d
    }

    /// No result of any run: built from the scenario's inputs and fixed texts only.
    public func participant() -> Document {
        WorkshopPack.participant(runs.scenario, seed: runs.seed, lang: lang)
    }

    public static func participant(_ s: Scenario, seed: UInt64, lang: Language) -> Document {
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop." + k, lang, args: a) }
        var d = Document(title: L("participant.title", lang.pick(ja: s.nameJa, en: s.nameEn)), lang: lang, css: Document.printCSS)
        d.add(.paragraph(L("participant.intro")))
        d.add(.heading(L("section.agenda"), level: 2))
        d.add(.table(Agenda.table(lang, facilitator: false), caption: nil))
        d.add(.heading(L("section.objectives"), level: 2))
        d.add(.list(WorkshopObjective.allCases.map { "O\($0.rawValue) " + $0.text(lang) }))
        d.blocks += ScenarioOverview.blocks(s, seed: seed, lang)
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
