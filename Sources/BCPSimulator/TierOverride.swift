import BCPModel

/// Plays a scenario under one BCP tier for everyone (the workshop's side-by-side runs), or as configured.
public enum TierOverride: String, Sendable, CaseIterable, Equatable {
    case asConfigured = "as-configured"
    case none, institutional, linked, regional

    public init?(name: String) { self.init(rawValue: name) }

    public var name: String { rawValue }

    /// The tier every provider gets, nil for as-configured.
    public var tier: BCPTier? {
        switch self {
        case .asConfigured: return nil
        case .none: return BCPTier.none
        case .institutional: return .institutional
        case .linked: return .linked
        case .regional: return .regional
        }
    }

    /// The scenario with every provider's tier set to this tier and every municipality's
    /// regional-BCP flag set to (tier == regional). As-configured returns the scenario unchanged.
    /// Providers without a linked group get the tier too but have no partner to back them up.
    public func apply(to scenario: Scenario) -> Scenario {
        guard let t = tier else { return scenario }
        var s = scenario
        for i in s.providers.indices { s.providers[i].tier = t }
        for i in s.municipalities.indices { s.municipalities[i].hasRegionalBCP = (t == .regional) }
        return s
    }
}
