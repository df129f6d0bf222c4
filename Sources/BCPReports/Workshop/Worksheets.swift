import BCPAnalysis
import BCPText
/// Blank sheets filled in during the session: prediction, evaluation (P/S/M/U), improvement plan.
public enum Worksheets {
    /// Participants guess the headline figures for each tier before the results are shown.
    public static func prediction(_ lang: Language) -> TextTable {
        var t = TextTable(headers: [Labels.text("workshop.col.metric", lang)] + WorkshopRuns.tierOrder.map { TierText.name($0, lang) })
        for k in ["uncovered", "gap", "foundBySystem", "firstOut"] { t.add([Labels.text("workshop.predict." + k, lang)]) }
        return t
    }

    /// HSEEP ratings: Performed without challenges, Some challenges, Major challenges, Unable to be performed.
    public static func evaluation(_ lang: Language) -> TextTable {
        var t = TextTable(
            headers: [Labels.text("workshop.eval.col.objective", lang), "P", "S", "M", "U", Labels.text("workshop.eval.col.notes", lang)],
            alignments: [.left, .center, .center, .center, .center])
        for o in WorkshopObjective.allCases { t.add(["O\(o.rawValue) " + o.text(lang)]) }
        return t
    }

    public static func ratingLegend(_ lang: Language) -> [(String, String)] {
        ["P", "S", "M", "U"].map { ($0, Labels.text("workshop.eval.rating." + $0, lang)) }
    }

    public static func improvementPlan(_ lang: Language, rows: Int = 5) -> TextTable {
        var t = TextTable(headers: ["issue", "action", "owner", "date"].map { Labels.text("workshop.plan.col." + $0, lang) })
        for _ in 0..<rows { t.add([]) }
        return t
    }
}
