import BCPAnalysis
import BCPRegistry
import BCPText

/// Which funding programs pay for a what-if change: the registry's remedy links of the shortfall
/// kinds the change remedies, one link per program (the first in the table).
enum Remedies {
    /// The shortfall kinds whose remedies (RemedyLinks) fund this change.
    static func kinds(_ lever: Lever) -> [ShortfallKind] {
        switch lever {
        case .unit, .homeUnit: return [.noPowerUnit]
        case .team: return [.noDeliveryTeam]
        case .contact: return [.noContact]
        case .bed: return [.noBackupBed]
        case .tier: return [.providerWithoutBCP, .noRegionalBCP]
        // No shortfall kind of the simulator names these; plan prices them (docs/PLAN.md).
        case .siteBackup, .oxygen: return []
        }
    }

    /// The unit a change adds, in words: "generator, 900 W, 4 tanks of 240 min".
    static func unitText(_ u: UnitSpec, _ lang: Language) -> String {
        switch u.kind {
        case .generator: return Labels.text("shortfall.unitDesc.generator", lang, String(u.ratedW), String(u.runtimePerTankMinutes), String(u.tanks))
        case .battery, .ups: return Labels.text("shortfall.unitDesc.\(u.kind.rawValue)", lang, NumberFormat.grouped(u.capacityWh))
        }
    }

    static func links(_ lever: Lever) -> [RemedyLink] {
        var seen: [String] = []
        var out: [RemedyLink] = []
        for link in kinds(lever).flatMap(RemedyLinks.links(for:)) where !seen.contains(link.programId) {
            seen.append(link.programId)
            out.append(link)
        }
        return out
    }
}

extension Remedies {
    /// A remedy the what-if reruns found: the municipality's entry and its best change.
    struct Top {
        var entry: CounterfactualEntry
        var trial: CounterfactualTrial
    }

    /// The best change of each municipality analysed, those that close most of its gap first
    /// (most patients covered, then fewest left, then code), at most `limit`.
    static func top(_ c: CounterfactualResult, limit: Int, policy: DisclosurePolicy = .open) -> [Top] {
        let found = c.entries.compactMap { e in e.bestTrial.map { Top(entry: e, trial: $0) } }
        let sorted = found.sorted { a, b in
            // Under a protecting policy the exact counts do not decide the order (it would tell
            // what the bands hide): the municipalities in code order.
            if policy.protects { return a.entry.code < b.entry.code }
            let ca = a.entry.uncovered - a.trial.uncoveredAfter, cb = b.entry.uncovered - b.trial.uncoveredAfter
            if ca != cb { return ca > cb }
            if a.trial.uncoveredAfter != b.trial.uncoveredAfter { return a.trial.uncoveredAfter < b.trial.uncoveredAfter }
            return a.entry.code < b.entry.code
        }
        return Array(sorted.prefix(limit))
    }
}

extension Remedies {
    /// A change's amount as it may be shown. The search tries each lever with amount 1, then with
    /// n = the municipality's uncovered count, then amounts between (Counterfactual), so an amount
    /// other than 1 tells the uncovered count or bounds it: shown like that count (a band when
    /// small). The tier lever's amount is a number of tiers, not drawn from the count.
    static func amount(_ t: CounterfactualTrial, _ policy: DisclosurePolicy) -> Shown {
        t.lever == .tier || t.amount == 1 ? .exact(t.amount) : policy.count(t.amount)
    }

    /// The what-if entries in the order a public page lists them: most uncovered first as shown
    /// (a band ranks by its lower end), ties by code, so that the order says nothing a banded
    /// count hides (a second trial found the hidden counts ranked by the list's order).
    static func ordered(_ entries: [CounterfactualEntry], _ tables: PublicTables) -> [CounterfactualEntry] {
        func shown(_ e: CounterfactualEntry) -> Int {
            let i = tables.data.result.municipalities.firstIndex { $0.code == e.code }
            let s = i.map { tables.shown(.municipality($0), .uncovered) } ?? tables.count(e.uncovered)
            return s.bounds?.lowerBound ?? 0
        }
        return entries.sorted { a, b in
            let x = shown(a), y = shown(b)
            return x != y ? x > y : a.code < b.code
        }
    }
}
