import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// One step up the tier ladder (none -> institutional -> linked -> regional) and what changed.
public struct TierStep: Sendable, Equatable {
    public var from: TierFigures
    public var to: TierFigures
    /// The runs' positions in the tier table.
    public var fromRun: Int
    public var toRun: Int

    public var uncoveredChange: Int { to.totals.uncovered - from.totals.uncovered }
    public var gapChange: Int { to.totals.gapMinutes - from.totals.gapMinutes }
    public var foundBySystemChange: Int { to.foundBySystem - from.foundBySystem }

    /// The three steps of the ladder, in order.
    public static func ladder(_ f: [TierFigures]) -> [TierStep] {
        guard f.count >= 2 else { return [] }
        return (1..<f.count).map { TierStep(from: f[$0 - 1], to: f[$0], fromRun: $0 - 1, toRun: $0) }
    }

    /// "what this tier adds and why", one sentence built from the differences and from the
    /// channel and pool counts of the higher tier, every figure as the tier table shows it.
    public func sentence(_ t: TierTable, _ lang: Language) -> String {
        func c(_ run: Int, _ k: String) -> Shown { t.shown(run, k) ?? .withheld }
        func n(_ run: Int, _ k: String) -> String { DisclosureText.count(c(run, k), lang) }
        func h(_ run: Int, _ k: String) -> String { DisclosureText.hours(c(run, k)) }
        let gapDiff = c(toRun, "gap").isExact && c(fromRun, "gap").isExact ? NumberFormat.signedHours(gapChange) : DisclosureText.withheld
        let change = Labels.text(
            "workshop.adds.change", lang,
            TierText.name(from.tier, lang), TierText.name(to.tier, lang),
            n(fromRun, "uncovered"), n(toRun, "uncovered"), DisclosureText.signedCount(c(toRun, "uncovered").minus(c(fromRun, "uncovered")), lang),
            h(fromRun, "gap"), h(toRun, "gap"), gapDiff,
            n(fromRun, "foundBySystem"), n(toRun, "foundBySystem"),
            DisclosureText.signedCount(c(toRun, "foundBySystem").minus(c(fromRun, "foundBySystem")), lang))
        let why: String
        switch to.tier {
        case .institutional:
            why = Labels.text("workshop.adds.why.institutional", lang, n(toRun, "byProviderCall"), n(toRun, "unitsOwnProvider"))
        case .linked:
            why = Labels.text("workshop.adds.why.linked", lang, n(toRun, "byLinkedPartner"), NumberFormat.grouped(to.providersTakenOver),
                              n(toRun, "unitsPartner"))
        case .regional:
            why = Labels.text("workshop.adds.why.regional", lang, n(toRun, "byMunicipality"), n(toRun, "unitsNeighbour"))
        default:
            why = ""
        }
        var s = change + " " + why
        if uncoveredChange > 0 { s += " " + Labels.text("workshop.adds.rose", lang) }
        return s
    }
}
