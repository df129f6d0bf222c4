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
    /// Every figure quoted is the one the pack's tables show (`tiers`, `areas`: the disclosure
    /// policy); one person's values (a longest gap, a first time) only where their group is not small.
    public static func points(_ w: WorkshopRuns, events: [TimelineEvent], tiers: TierTable, areas: AreaTierTable, _ lang: Language)
        -> [DiscussionPoint]
    {
        var out: [DiscussionPoint] = []
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop.disc." + k, lang, args: a) }
        let g = NumberFormat.grouped
        let policy = tiers.policy
        func n(_ s: Shown) -> String { DisclosureText.count(s, lang) }
        func hh(_ s: Shown) -> String { DisclosureText.hours(s) }
        func tier(_ run: Int, _ k: String) -> Shown { tiers.shown(run, k) ?? .withheld }
        let name = { (t: TierOverride) in TierText.name(t, lang) }

        // 1. Where the tiers differ most: the step that removes most uncovered patients, then most hours.
        let steps = TierStep.ladder(w.figures)
        if let best = steps.enumerated().min(by: { a, b in
            (a.element.uncoveredChange, a.element.gapChange, a.offset) < (b.element.uncoveredChange, b.element.gapChange, b.offset)
        })?.element {
            if best.uncoveredChange == 0 && best.gapChange == 0 {
                out.append(DiscussionPoint(finding: L("sameAll"), question: L("sameAll.q")))
            } else {
                let du = tier(best.toRun, "uncovered").minus(tier(best.fromRun, "uncovered"))
                let dg = tier(best.toRun, "gap").isExact && tier(best.fromRun, "gap").isExact
                    ? NumberFormat.signedHours(best.gapChange) : DisclosureText.withheld
                out.append(DiscussionPoint(
                    finding: L("bigStep", name(best.from.tier), name(best.to.tier), DisclosureText.signedCount(du, lang), dg),
                    question: L("bigStep.q", name(best.to.tier))))
            }
        }

        // 2. The area where none and regional differ most.
        if let none = w.results.first, let regional = w.results.last {
            let pairs = zip(none.areas, regional.areas).enumerated().filter { $0.element.0.tally.affected > 0 }
            if let (i, a) = pairs.min(by: { xi, yi in
                let x = xi.element, y = yi.element
                let dx = (x.1.tally.uncovered - x.0.tally.uncovered, x.1.tally.gapMinutes - x.0.tally.gapMinutes)
                let dy = (y.1.tally.uncovered - y.0.tally.uncovered, y.1.tally.gapMinutes - y.0.tally.gapMinutes)
                return dx != dy ? dx < dy : x.0.nameJa.utf8.lexicographicallyPrecedes(y.0.nameJa.utf8)
            }).map({ ($0.offset, $0.element) }), a.1.tally.gapMinutes != a.0.tally.gapMinutes || a.1.tally.uncovered != a.0.tally.uncovered {
                let x = areas.figures(0, i), y = areas.figures(w.results.count - 1, i)
                out.append(DiscussionPoint(
                    finding: L("areaDiff", lang.pick(ja: a.0.nameJa, en: a.0.nameEn), n(x.uncovered), n(y.uncovered), hh(x.gap), hh(y.gap)),
                    question: L("areaDiff.q")))
            }
        }

        // 3. The area with the largest gap in the reference run.
        let ref = w.reference
        // The reference run's areas as the area table shows them (when it is one of the tier runs),
        // else under the policy on their own.
        let refRun = w.results.firstIndex { $0.tier == ref.tier && $0.seed == ref.seed && $0.totals == ref.totals }
        if let a = ref.areas.enumerated().min(by: { xi, yi in
            let x = xi.element, y = yi.element
            return x.tally.gapMinutes != y.tally.gapMinutes ? x.tally.gapMinutes > y.tally.gapMinutes : x.nameJa.utf8.lexicographicallyPrecedes(y.nameJa.utf8)
        }), a.element.tally.gapMinutes > 0 {
            let t = a.element.tally
            let f: (uncovered: Shown, gap: Shown) = refRun.map { areas.figures($0, a.offset) }
                ?? (uncovered: policy.count(t.uncovered), gap: policy.magnitude(t.gapMinutes, contributors: t.uncovered))
            out.append(DiscussionPoint(
                finding: L("largestGap", name(ref.tier), lang.pick(ja: a.element.nameJa, en: a.element.nameEn), hh(f.gap),
                           n(f.uncovered), hh(policy.extreme(t.maxGapMinutes, group: t.uncovered))),
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
                let run = w.results.firstIndex { $0.tier == r.tier && $0.totals == r.totals }
                let uncovered = run.map { tier($0, "uncovered") } ?? policy.count(r.totals.uncovered)
                out.append(DiscussionPoint(
                    finding: L("reason", name(r.tier), n(uncovered), reason, n(policy.count(top.value))), question: L("reason.q")))
            }
        }

        // 6. How patients were found: own calls under no BCP and under the regional tier.
        let f0 = w.figures.first!, f3 = w.figures.last!
        let last = w.figures.count - 1
        if f0.totals.detected > 0 || f3.totals.detected > 0 {
            out.append(DiscussionPoint(
                finding: L("selfCall", n(tier(0, "bySelfCall")), n(tier(0, "detected")), n(tier(last, "bySelfCall")), n(tier(last, "detected")),
                           tiers.text(0, "delayMean", lang), tiers.text(last, "delayMean", lang)),
                question: L("selfCall.q")))
        }

        // 7. The race: first patient out of own power against first help.
        // One patient's times each: shown only when those who ran out, and those helped, are not few.
        if let d = ref.patients.compactMap(\.depletionMinute).min() {
            let helped = ref.patients.compactMap(\.firstHelpMinute)
            let first = policy.extreme(d, group: ref.patients.filter { $0.depletionMinute != nil }.count)
            let help = helped.min().map { policy.extreme($0, group: helped.count) }
            func clock(_ s: Shown) -> String { s.exactValue.map { WorkshopFormat.clock($0, lang) } ?? DisclosureText.withheld }
            out.append(DiscussionPoint(
                finding: L("race", name(ref.tier), clock(first), help.map(clock) ?? L("noHelp")),
                question: L("race.q")))
        }
        return out
    }

    /// The questions handed to participants: the same themes, no results.
    public static func participantQuestions(_ lang: Language) -> [String] {
        (1...7).map { Labels.text("workshop.q.\($0)", lang) }
    }
}
