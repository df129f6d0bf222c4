import BCPAnalysis
import BCPModel
import BCPText

/// What the plan and sensitivity pages share: the scenario's and municipalities' names, the words
/// and unit of the measure, how a mean of it is written, and the restricted title of real data.
struct PlanPage: Sendable {
    var scenarioName: (ja: String, en: String)
    var synthetic: Bool
    /// Municipality names by code (Japanese, English as pages show it).
    var names: [MunicipalityCode: (ja: String, en: String)]
    var objective: PlanObjective
    var lang: Language

    init(scenario: Scenario, objective: PlanObjective, lang: Language) {
        scenarioName = (scenario.nameJa, scenario.nameEn)
        synthetic = scenario.synthetic
        var names: [MunicipalityCode: (ja: String, en: String)] = [:]
        for m in scenario.municipalities { names[m.code] = (m.nameJa, Municipality.englishName(m.nameEn)) }
        self.names = names
        self.objective = objective
        self.lang = lang
    }

    func L(_ key: String, _ args: [String]) -> String { PlanLabels.text(key, lang, args: args) }

    var objectiveName: String { L("plan.objective.\(objective.rawValue)", []) }
    var isMinutes: Bool { objective.measure.isMinutes }
    var unitName: String { L(isMinutes ? "plan.unit.hours" : "plan.unit.count", []) }

    /// A mean (thousandths) in the measure's unit: hours for minutes, else a count, one decimal.
    /// A small non-zero value reads "<0.1" (or "-<0.1"), never "0.0": a hidden value drawn as
    /// zero would tell a planner that a change did nothing.
    func amount(milli: Int) -> String {
        let text = isMinutes ? NumberFormat.milliToTenths((milli + 30) / 60) : NumberFormat.milliToTenths(milli)
        guard milli != 0, text == "0.0" || text == "-0.0" else { return text }
        return milli > 0 ? "<0.1" : "-<0.1"
    }

    func amount(_ n: Int) -> String { amount(milli: n * 1000) }

    func name(_ code: MunicipalityCode) -> String {
        guard let n = names[code] else { return code.description }
        return lang == .ja ? n.ja : n.en
    }

    var scenario: String { lang == .ja ? scenarioName.ja : scenarioName.en }

    /// Real data: every page is marked restricted (docs/DISCLOSURE.md "Plans and sensitivity").
    func title(_ t: String) -> String {
        synthetic ? t : AllocationLabels.text("allocation.privacy.restrictedTitle", lang, args: [t])
    }
}
