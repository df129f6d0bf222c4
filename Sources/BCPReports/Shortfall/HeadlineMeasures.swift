import BCPAnalysis
import BCPSimulator
import BCPText

/// The harm and outcome measures the headline leads with, in order: one row each in the summary's
/// headline table, the terminal headline and the ensemble intervals. A new measure of the model
/// is one more entry here (with its label "shortfall.headline.KEY" in both languages).
public struct HeadlineMeasure: Sendable {
    /// Label key suffix ("shortfall.headline." + key).
    public var key: String
    /// The cell of the Tokyo row in PublicTables (nil: a figure read otherwise).
    public var column: PublicTables.Col?
    /// The ensemble measure whose p5-p95 interval goes with it, if any.
    public var ensemble: EnsembleMeasure?
    /// A harm measure (printed in bold; leads the terminal headline).
    public var harm: Bool

    public static let all: [HeadlineMeasure] = [
        HeadlineMeasure(key: "patients", column: .patients, ensemble: nil, harm: false),
        HeadlineMeasure(key: "affected", column: .affected, ensemble: .affected, harm: false),
        // The five outcomes partition the affected: own means, self-help, then the outside help
        // (atRisk) split into delivery, admission and uncovered.
        HeadlineMeasure(key: "ownMeans", column: .ownMeans, ensemble: .coveredOwnMeans, harm: false),
        HeadlineMeasure(key: "selfHelp", column: .selfHelp, ensemble: .coveredBySelfHelp, harm: false),
        HeadlineMeasure(key: "atRisk", column: .atRisk, ensemble: .atRisk, harm: false),
        HeadlineMeasure(key: "byUnit", column: .byUnit, ensemble: .coveredByUnit, harm: false),
        HeadlineMeasure(key: "evacuated", column: .evacuated, ensemble: .evacuated, harm: false),
        HeadlineMeasure(key: "uncovered", column: .uncovered, ensemble: .uncovered, harm: true),
        HeadlineMeasure(key: "gapHours", column: .gap, ensemble: .gapMinutes, harm: true),
        // Model v2's harm: time without power beyond what the device allows (docs/MODEL.md, "Harm").
        HeadlineMeasure(key: "harmed", column: .harmed, ensemble: .harmed, harm: true),
        HeadlineMeasure(key: "beyondToleranceHours", column: .beyondTolerance, ensemble: .beyondToleranceMinutes, harm: true),
        HeadlineMeasure(key: "admitted", column: .admitted, ensemble: .admitted, harm: false),
        HeadlineMeasure(key: "emergency", column: .emergency, ensemble: .emergency, harm: false),
    ]

    /// Whether minutes over the replicas belong to few patients in any replica the interval
    /// summarises (its 5th, 50th, 95th percentile or largest count is 1-9): then they are withheld,
    /// as in the tables (a second trial found p5 0 patients letting 1 to 3 patients' hours show).
    static func few(_ patients: CountSummary, _ policy: DisclosurePolicy) -> Bool {
        [patients.p5, patients.p50, patients.p95, patients.max].contains(where: policy.isSmall)
    }

    /// The figure of replica 0 as shown.
    public func shown(_ t: PublicTables) -> Shown { column.map { t.shown(.total, $0) } ?? .withheld }

    /// The figure as text (hours for minutes).
    public func text(_ t: PublicTables, _ lang: Language) -> String {
        column.map { t.text(.total, $0, lang) } ?? DisclosureText.withheld
    }

    /// "p5 / p95" over the replicas, under the policy (a small bound is shown as the small band).
    public func interval(_ t: PublicTables, _ lang: Language) -> String? {
        guard let m = ensemble, let c = t.data.ensemble?.totals[m] else { return nil }
        if m.isMinutes {
            // Minutes of few patients (uncovered, or beyond tolerance) are withheld, as the figure itself.
            guard let of = m.minutesOf, let u = t.data.ensemble?.totals[of], !HeadlineMeasure.few(u, t.policy) else { return DisclosureText.withheld }
            return NumberFormat.hours(c.p5) + " / " + NumberFormat.hours(c.p95)
        }
        return DisclosureText.count(t.policy.count(c.p5), lang) + " / " + DisclosureText.count(t.policy.count(c.p95), lang)
    }
}
