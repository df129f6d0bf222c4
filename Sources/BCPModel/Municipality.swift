/// The kind of a municipality, as its name's last character says (区 市 町 村).
public enum MunicipalityKind: String, Sendable, CaseIterable, Codable {
    case ward, city, town, village
}

/// A secondary medical care area (二次保健医療圏). Tokyo has 13; the Japanese name is the key.
public struct SecondaryArea: Hashable, Comparable, Sendable {
    public let nameJa: String
    public let nameEn: String
    public init(nameJa: String, nameEn: String) {
        self.nameJa = nameJa
        self.nameEn = nameEn
    }
    public static func < (a: Self, b: Self) -> Bool { a.nameJa.utf8.lexicographicallyPrecedes(b.nameJa.utf8) }
}

/// One of Tokyo's 62 municipalities (or any municipality a scenario declares).
public struct Municipality: Sendable, Equatable {
    /// The English name pages show. Tokyo's list gives wards and cities in two forms, the
    /// romanised Japanese name then the municipality's own English name ("Chiyoda-ku / Chiyoda
    /// City"); pages show the second, so that no name is said twice. Any other name is kept.
    public static func englishName(_ given: String) -> String {
        let parts = given.split(separator: " / ", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[1].first != " " else { return given }
        return String(parts[1])
    }

    public var code: MunicipalityCode
    public var nameJa: String
    public var nameEn: String
    public var kind: MunicipalityKind
    public var island: Bool
    /// Residents, as of `populationDate` (ISO date text, e.g. 2023-01-01).
    public var population: Int
    public var populationDate: String
    public var area: SecondaryArea
    /// Whether the municipality runs a regional BCP (地域BCP) covering its providers.
    public var hasRegionalBCP: Bool
    /// Delivery teams the municipality can send with its own stock of units.
    public var deliveryTeams: Int
    /// Safety-confirmation contacts per hour the municipality makes under a regional BCP.
    public var contactsPerHour: Int
    /// A pre-arranged evacuation-admission system (as Kumamoto's): registered ventilator users
    /// are admitted to hospital as soon as they are found without power.
    public var admissionSystem: Bool
    /// Powered places where families can recharge batteries (ward offices or welfare centres
    /// with generators, as Nakano's charging stations).
    public var chargingPoints: Int

    public init(
        code: MunicipalityCode, nameJa: String, nameEn: String, kind: MunicipalityKind, island: Bool,
        population: Int, populationDate: String, area: SecondaryArea,
        hasRegionalBCP: Bool = false, deliveryTeams: Int = 0, contactsPerHour: Int = 0, admissionSystem: Bool = false,
        chargingPoints: Int = 0
    ) {
        self.code = code
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.kind = kind
        self.island = island
        self.population = population
        self.populationDate = populationDate
        self.area = area
        self.hasRegionalBCP = hasRegionalBCP
        self.deliveryTeams = deliveryTeams
        self.contactsPerHour = contactsPerHour
        self.admissionSystem = admissionSystem
        self.chargingPoints = chargingPoints
    }
}
