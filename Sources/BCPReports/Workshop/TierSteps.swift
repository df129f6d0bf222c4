import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// One step up the tier ladder (none -> institutional -> linked -> regional) and what changed.
public struct TierStep: Sendable, Equatable {
    public var from: TierFigures
    public var to: TierFigures

    public var uncoveredChange: Int { to.totals.uncovered - from.totals.uncovered }
    public var gapChange: Int { to.totals.gapMinutes - from.totals.gapMinutes }
    public var foundInTimeChange: Int { to.foundInTime - from.foundInTime }

    /// The three steps of the ladder, in order.
    public static func ladder(_ f: [TierFigures]) -> [TierStep] {
        guard f.count >= 2 else { return [] }
        return (1..<f.count).map { TierStep(from: f[$0 - 1], to: f[$0]) }
    }

    /// "what this tier adds and why", one sentence built from the differences and from the
    /// channel and pool counts of the higher tier.
    public func sentence(_ lang: Language) -> String {
        let t0 = from.totals, t1 = to.totals
        let change = Labels.text(
            "workshop.adds.change", lang,
            TierText.name(from.tier, lang), TierText.name(to.tier, lang),
            NumberFormat.grouped(t0.uncovered), NumberFormat.grouped(t1.uncovered), NumberFormat.signed(uncoveredChange),
            NumberFormat.hours(t0.gapMinutes), NumberFormat.hours(t1.gapMinutes), NumberFormat.signedHours(gapChange),
            NumberFormat.grouped(from.foundInTime), NumberFormat.grouped(to.foundInTime), NumberFormat.signed(foundInTimeChange))
        let why: String
        switch to.tier {
        case .institutional:
            why = Labels.text("workshop.adds.why.institutional", lang,
                              NumberFormat.grouped(to.channel(.providerCall)), NumberFormat.grouped(to.unitsOwnProvider))
        case .linked:
            why = Labels.text("workshop.adds.why.linked", lang,
                              NumberFormat.grouped(to.channel(.linkedPartner)), NumberFormat.grouped(to.providersTakenOver),
                              NumberFormat.grouped(to.unitsPartner))
        case .regional:
            why = Labels.text("workshop.adds.why.regional", lang,
                              NumberFormat.grouped(to.channel(.municipalConfirmation)), NumberFormat.grouped(to.unitsNeighbour))
        default:
            why = ""
        }
        var s = change + " " + why
        if uncoveredChange > 0 { s += " " + Labels.text("workshop.adds.rose", lang) }
        return s
    }
}
