import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// A discussion point: what the results show (facilitator only) and the question to ask.
public struct DiscussionPoint: Sendable, Equatable {
    public var finding: String
    public var question: String
}

/// Discussion points derived from the four tier runs and the reference run. Rules:
/// docs/WORKSHOP.md, "Discussion points".
public enum Discussion {
    public static func points(_ w: WorkshopRuns, events: [TimelineEvent], _ lang: Language) -> [DiscussionPoint] {
        var out: [DiscussionPoint] = []
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop.disc." + k, lang, args: a) }
        let g = NumberFormat.grouped, h = NumberFormat.hours
        let name = { (t: TierOverride) in TierText.name(t, lang) }

        // 1. Where the tiers differ most: the step that removes most uncovered patients, then most hours.
        let steps = TierStep.ladder(w.figures)
        if let best = steps.enumerated().min(by: { a, b in
            (a.element.uncoveredChange, a.element.gapChange, a.offset) < (b.element.uncoveredChange, b.element.gapChange, b.offset)
        })?.element {
            if best.uncoveredChange == 0 && best.gapChange == 0 {
                out.append(DiscussionPoint(finding: L("sameAll"), question: L("sameAll.q")))
            } else {
                out.append(DiscussionPoint(
                    finding: L("bigStep", name(best.from.tier), name(best.to.tier), NumberFormat.signed(best.uncoveredChange),
                               NumberFormat.signedHours(best.gapChange)),
                    question: L("bigStep.q", name(best.to.tier))))
            }
        }

        // 2. The area where none and regional differ most.
        if let none = w.results.first, let regional = w.results.last {
            let pairs = zip(none.areas, regional.areas).filter { $0.0.tally.affected > 0 }
            if let a = pairs.min(by: { x, y in
                let dx = (x.1.tally.uncovered - x.0.tally.uncovered, x.1.tally.gapMinutes - x.0.tally.gapMinutes)
                let dy = (y.1.tally.uncovered - y.0.tally.uncovered, y.1.tally.gapMinutes - y.0.tally.gapMinutes)
                return dx != dy ? dx < dy : x.0.nameJa.utf8.lexicographicallyPrecedes(y.0.nameJa.utf8)
            }), a.1.tally.gapMinutes != a.0.tally.gapMinutes || a.1.tally.uncovered != a.0.tally.uncovered {
                out.append(DiscussionPoint(
                    finding: L("areaDiff", lang.pick(ja: a.0.nameJa, en: a.0.nameEn), g(a.0.tally.uncovered), g(a.1.tally.uncovered),
                               h(a.0.tally.gapMinutes), h(a.1.tally.gapMinutes)),
                    question: L("areaDiff.q")))
            }
        }

        // 3. The area with the largest gap in the reference run.
        let ref = w.reference
        if let a = ref.areas.min(by: { x, y in
            x.tally.gapMinutes != y.tally.gapMinutes ? x.tally.gapMinutes > y.tally.gapMinutes : x.nameJa.utf8.lexicographicallyPrecedes(y.nameJa.utf8)
        }), a.tally.gapMinutes > 0 {
            out.append(DiscussionPoint(
                finding: L("largestGap", name(ref.tier), lang.pick(ja: a.nameJa, en: a.nameEn), h(a.tally.gapMinutes),
                           g(a.tally.uncovered), h(a.tally.maxGapMinutes)),
                question: L("largestGap.q")))
        } else {
            out.append(DiscussionPoint(finding: L("noGap", name(ref.tier)), question: L("noGap.q")))
        }

        // 4. Which resource runs out first (reference run).
        if let e = events.first(where: { $0.kind == .stockUsedUp || $0.kind == .bedsFull }) {
            let what = e.kind == .stockUsedUp
                ? L("stock", e.places[0].name(lang), g(e.figures.resources)) : L("beds", e.places[0].name(lang), g(e.figures.resources))
            out.append(DiscussionPoint(finding: L("firstOut", name(ref.tier), what, MSEL.rows([e], lang)[0].time), question: L("firstOut.q")))
        } else {
            out.append(DiscussionPoint(finding: L("nothingOut", name(ref.tier)), question: L("nothingOut.q")))
        }

        // 5. What closes the remaining gap: the most frequent shortfall reason, reference and regional.
        let reasonRuns = ref.tier == .regional ? [ref] : [ref, w.results.last!]
        for r in reasonRuns where r.totals.uncovered > 0 {
            let counts = r.totals.shortfall
            // The most frequent reason; ties: the first in ShortfallReason order.
            if let top = counts.pairs.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.position > $1.key.position }),
               top.value > 0 {
                let reason = Labels.text("workshop.reason." + top.key.rawValue, lang)
                out.append(DiscussionPoint(
                    finding: L("reason", name(r.tier), g(r.totals.uncovered), reason, g(top.value)), question: L("reason.q")))
            }
        }

        // 6. How patients were found: own calls under no BCP and under the regional tier.
        let f0 = w.figures.first!, f3 = w.figures.last!
        if f0.totals.detected > 0 || f3.totals.detected > 0 {
            out.append(DiscussionPoint(
                finding: L("selfCall", g(f0.channel(.selfCall)), g(f0.totals.detected), g(f3.channel(.selfCall)), g(f3.totals.detected),
                           f0.meanDelay.map(h) ?? "-", f3.meanDelay.map(h) ?? "-"),
                question: L("selfCall.q")))
        }

        // 7. The race: first patient out of own power against first help.
        if let d = ref.patients.compactMap(\.depletionMinute).min() {
            let help = ref.patients.compactMap(\.firstHelpMinute).min()
            out.append(DiscussionPoint(
                finding: L("race", name(ref.tier), WorkshopFormat.clock(d, lang), help.map { WorkshopFormat.clock($0, lang) } ?? L("noHelp")),
                question: L("race.q")))
        }
        return out
    }

    /// The questions handed to participants: the same themes, no results.
    public static func participantQuestions(_ lang: Language) -> [String] {
        (1...7).map { Labels.text("workshop.q.\($0)", lang) }
    }
}
