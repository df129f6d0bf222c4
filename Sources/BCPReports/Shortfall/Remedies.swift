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
