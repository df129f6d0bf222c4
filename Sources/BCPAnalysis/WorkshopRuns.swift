import BCPModel
import BCPSimulator
import BCPText

/// The headline figures of one run, for the side-by-side table and the "what each tier adds"
/// sentences. Counts are over the whole scenario (no per-municipality counts).
public struct TierFigures: Sendable, Equatable {
    public var tier: TierOverride
    public var totals: Tally
    /// Patients whose need became known no later than the minute their power ran out (depletion)
    /// through someone else than themselves: their provider, a linked partner, the municipality
    /// or the oxygen supplier. A patient's own call always comes before depletion (docs/MODEL.md,
    /// "Detection"), so counting it would give the same figure under every tier.
    public var foundBySystem: Int
    /// Patients found per detection channel.
    public var byChannel: PerCase<DetectionChannel, Int>
    /// Providers at least one of whose patients was found by a linked partner (the providers
    /// "taken over" because they were out of action).
    public var providersTakenOver: Int
    /// Units delivered, by where they came from.
    public var unitsOwnProvider = 0
    public var unitsPartner = 0
    public var unitsOwnMunicipality = 0
    public var unitsNeighbour = 0

    /// Mean detection delay in minutes (rounded half up), nil when nobody was found.
    public var meanDelay: Int? { NumberFormat.mean(totals.detectionDelayTotal, totals.detected) }

    public func channel(_ c: DetectionChannel) -> Int { byChannel[c] }

    public init(result r: SimulationResult, scenario: Scenario) {
        tier = r.tier
        totals = r.totals
        var owners: [String: UnitOwner] = [:]
        for u in scenario.units { owners[u.id] = u.owner }
        var found = 0
        var channels = PerCase<DetectionChannel, Int>(repeating: 0)
        var takenOver = Set<String>()
        for p in r.patients {
            if let c = p.detectionChannel {
                channels[c] += 1
                if c == .linkedPartner { takenOver.insert(p.providerId) }
            }
            if let d = p.depletionMinute, let t = p.detectionMinute, t <= d, p.detectionChannel != .selfCall { found += 1 }
            for u in p.unitIds {
                switch owners[u] {
                case .provider(let id)?: if id == p.providerId { unitsOwnProvider += 1 } else { unitsPartner += 1 }
                case .municipality(let c)?: if c == p.municipality { unitsOwnMunicipality += 1 } else { unitsNeighbour += 1 }
                case .patient?, nil: break
                }
            }
        }
        foundBySystem = found
        byChannel = channels
        providersTakenOver = takenOver.count
    }
}

/// The same scenario played under each tier (none, institutional, linked, regional), and a
/// reference run (as configured, unless chosen otherwise) whose timeline gives the MSEL.
public struct WorkshopRuns: Sendable {
    public static let tierOrder: [TierOverride] = [.none, .institutional, .linked, .regional]

    public let scenario: Scenario
    public let seed: UInt64
    /// In the order of `tierOrder`.
    public let results: [SimulationResult]
    public let figures: [TierFigures]
    public let reference: SimulationResult

    public init(scenario: Scenario, results: [SimulationResult], reference: SimulationResult) {
        precondition(results.map(\.tier) == WorkshopRuns.tierOrder, "one result per tier, in tier order")
        self.scenario = scenario
        self.seed = reference.seed
        self.results = results
        self.figures = results.map { TierFigures(result: $0, scenario: scenario) }
        self.reference = reference
    }

    /// Runs the scenario under each tier and once more for the reference (reusing a tier run when
    /// the reference is one of the four tiers).
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, reference: TierOverride = .asConfigured) -> WorkshopRuns {
        let results = tierOrder.map { Simulator.run(scenario, seed: seed, tier: $0) }
        let ref = results.first { $0.tier == reference } ?? Simulator.run(scenario, seed: seed, tier: reference)
        return WorkshopRuns(scenario: scenario, results: results, reference: ref)
    }
}
