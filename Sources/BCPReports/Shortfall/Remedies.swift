import BCPAnalysis
import BCPRegistry

/// Which funding programs pay for a what-if change: the registry's remedy links of the shortfall
/// kinds the change remedies, one link per program (the first in the table).
enum Remedies {
    /// The shortfall kinds whose remedies (RemedyLinks) fund this change.
    static func kinds(_ lever: Lever) -> [ShortfallKind] {
        switch lever {
        case .unit: return [.noPowerUnit]
        case .team: return [.noDeliveryTeam]
        case .contact: return [.noContact]
        case .bed: return [.noBackupBed]
        case .tier: return [.providerWithoutBCP, .noRegionalBCP]
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
    static func top(_ c: CounterfactualResult, limit: Int) -> [Top] {
        let found = c.entries.compactMap { e in e.bestTrial.map { Top(entry: e, trial: $0) } }
        let sorted = found.sorted { a, b in
            let ca = a.entry.uncovered - a.trial.uncoveredAfter, cb = b.entry.uncovered - b.trial.uncoveredAfter
            if ca != cb { return ca > cb }
            if a.trial.uncoveredAfter != b.trial.uncoveredAfter { return a.trial.uncoveredAfter < b.trial.uncoveredAfter }
            return a.entry.code < b.entry.code
        }
        return Array(sorted.prefix(limit))
    }
}
