/// A complete, validated outage scenario: the data set, the outage, and the rules' parameters.
/// Built by BCPInput from a scenario folder, or directly in code and tests.
public struct Scenario: Sendable, Equatable {
    public var schemaVersion: Int
    public var nameJa: String
    public var nameEn: String
    public var description: String
    /// Simulated minutes from scenario start; > 0.
    public var horizonMinutes: Int
    public var seed: UInt64
    /// Sorted by code.
    public var municipalities: [Municipality]
    public var patients: [Patient]
    public var providers: [Provider]
    public var units: [PowerUnit]
    public var zones: [OutageZone]
    public var disruptions: [Disruption]
    public var parameters: PolicyParameters
    /// True for data sets made by a generator rather than taken from real records.
    public var synthetic: Bool
    /// The clock time at minute 0, in minutes after midnight (scenario.json "start_clock"):
    /// part-time devices run in daily windows by the clock.
    public var startClockMinute: Int

    public init(
        schemaVersion: Int = 1, nameJa: String, nameEn: String, description: String = "", horizonMinutes: Int,
        seed: UInt64, municipalities: [Municipality], patients: [Patient], providers: [Provider],
        units: [PowerUnit], zones: [OutageZone], disruptions: [Disruption] = [],
        parameters: PolicyParameters = PolicyParameters(), synthetic: Bool = false, startClockMinute: Int = 0
    ) {
        self.schemaVersion = schemaVersion
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.description = description
        self.horizonMinutes = horizonMinutes
        self.seed = seed
        self.municipalities = municipalities.sorted { $0.code < $1.code }
        self.patients = patients
        self.providers = providers
        self.units = units
        self.zones = zones
        self.disruptions = disruptions
        self.parameters = parameters
        self.synthetic = synthetic
        self.startClockMinute = startClockMinute
    }

    /// The secondary areas present, sorted by Japanese name.
    public var areas: [SecondaryArea] {
        var seen: [SecondaryArea] = []
        for m in municipalities where !seen.contains(m.area) { seen.append(m.area) }
        return seen.sorted()
    }

    /// Municipality by code (linear: scenarios have tens of municipalities).
    public func municipality(_ code: MunicipalityCode) -> Municipality? {
        municipalities.first { $0.code == code }
    }
}
