/// The business-continuity tier a provider plans under (the FY2025 災害時在宅医療提供体制強化事業 tiers).
/// Ordered: each tier includes what the tiers below it do.
public enum BCPTier: Int, CaseKey, Comparable, Codable {
    case none = 0
    /// 機関型BCP: the provider's own plan (it calls its own patients).
    case institutional = 1
    /// 連携型BCP: providers of the same kind back each other up within a named group.
    case linked = 2
    /// 地域BCP: a municipality-wide, multi-profession plan led by the municipality.
    case regional = 3

    public var position: Int { rawValue }

    public var name: String {
        switch self {
        case .none: return "none"
        case .institutional: return "institutional"
        case .linked: return "linked"
        case .regional: return "regional"
        }
    }

    public init?(name: String) {
        guard let t = BCPTier.allCases.first(where: { $0.name == name }) else { return nil }
        self = t
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum ProviderKind: String, CaseKey, Codable {
    /// 在宅療養支援診療所 and other home-visit clinics.
    case clinic
    /// 訪問看護ステーション.
    case nursingStation = "nursing"
    /// Hospitals, the ones holding backup beds (後方支援病床).
    case hospital
    /// Home-oxygen suppliers (在宅酸素の供給事業者): confirm their patients and deliver cylinders.
    case supplier
}

/// A home-care provider: clinic, visiting-nurse station or hospital.
public struct Provider: Sendable, Equatable {
    public var id: String
    public var kind: ProviderKind
    public var municipality: MunicipalityCode
    public var tier: BCPTier
    /// The linked-BCP group this provider belongs to (required for the linked tier).
    public var linkedGroup: String?
    /// Whether it keeps working through an outage of its own site (generator, UPS).
    public var hasBackupPower: Bool
    /// Safety-confirmation calls it can make per hour.
    public var contactsPerHour: Int
    /// Teams that can carry a unit to a patient.
    public var deliveryTeams: Int
    /// Beds for power-dependent patients admitted in an outage (hospitals): backup beds
    /// (後方支援病床) and beds agreed for evacuation admission.
    public var backupBeds: Int
    /// Oxygen cylinders a supplier can deliver (suppliers).
    public var cylinders: Int

    public init(
        id: String, kind: ProviderKind, municipality: MunicipalityCode, tier: BCPTier, linkedGroup: String?,
        hasBackupPower: Bool, contactsPerHour: Int, deliveryTeams: Int, backupBeds: Int, cylinders: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.municipality = municipality
        self.tier = tier
        self.linkedGroup = linkedGroup
        self.hasBackupPower = hasBackupPower
        self.contactsPerHour = contactsPerHour
        self.deliveryTeams = deliveryTeams
        self.backupBeds = backupBeds
        self.cylinders = cylinders
    }
}
