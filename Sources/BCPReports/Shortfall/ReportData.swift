import BCPModel
import BCPSimulator
import BCPText

/// Everything the shortfall reports show, and nothing else: the simulator's result (aggregates
/// and the per-patient outcomes that only the restricted list uses) plus what the run knew
/// (scenario folder, input hashes, the "what would have closed the gap" reruns).
///
/// Both `bcpsim run` and `bcpsim report` build it the same way, by reading the result file
/// (`ReportSource.decode`), so the reports are one function of that file.
public struct ReportData: Sendable, Equatable {
    public var scenarioId: String
    public var nameJa: String
    public var nameEn: String
    public var synthetic: Bool
    public var seed: UInt64
    /// TierOverride raw value ("as-configured", "none", ...).
    public var tier: String
    public var horizonMinutes: Int
    /// The scenario's small-count threshold (PolicyParameters.suppressionThreshold).
    public var suppressionThreshold: Int
    public var totals: Tally
    public var resources: ResourceUse
    /// Sorted by code.
    public var municipalities: [ReportMunicipality]
    /// Sorted by Japanese name.
    public var areas: [ReportArea]
    /// Indexed by BCPTier.rawValue.
    public var tiers: [Tally]
    /// In DeviceKind.allCases order.
    public var devices: [Tally]
    public var timeline: [ReportHour]
    /// Sorted by id. Restricted: only `restricted/` outputs use them.
    public var patients: [ReportPatient]
    /// Replicas run (1 unless --replicas); their seeds and, for more than one, the key counts.
    public var replicas: Int
    public var seeds: [UInt64]
    public var ensembleTotals: [CountSummary]
    /// Files read, with their FNV-1a 64 hashes (from ScenarioLoader).
    public var inputs: [InputFile]
    /// Nil when the reruns were not made (e.g. --what-if 0, or a result file without them).
    public var counterfactual: CounterfactualResult?

    public init(
        scenarioId: String, nameJa: String, nameEn: String, synthetic: Bool, seed: UInt64, tier: String,
        horizonMinutes: Int, suppressionThreshold: Int, totals: Tally, resources: ResourceUse,
        municipalities: [ReportMunicipality], areas: [ReportArea], tiers: [Tally], devices: [Tally],
        timeline: [ReportHour], patients: [ReportPatient], replicas: Int = 1, seeds: [UInt64] = [],
        ensembleTotals: [CountSummary] = [], inputs: [InputFile] = [], counterfactual: CounterfactualResult? = nil
    ) {
        self.scenarioId = scenarioId
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.synthetic = synthetic
        self.seed = seed
        self.tier = tier
        self.horizonMinutes = horizonMinutes
        self.suppressionThreshold = suppressionThreshold
        self.totals = totals
        self.resources = resources
        self.municipalities = municipalities
        self.areas = areas
        self.tiers = tiers
        self.devices = devices
        self.timeline = timeline
        self.patients = patients
        self.replicas = replicas
        self.seeds = seeds.isEmpty ? [seed] : seeds
        self.ensembleTotals = ensembleTotals
        self.inputs = inputs
        self.counterfactual = counterfactual
    }

    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
}

public struct InputFile: Sendable, Equatable {
    public var name: String
    public var fnv1a64: String
    public init(name: String, fnv1a64: String) {
        self.name = name
        self.fnv1a64 = fnv1a64
    }
}

public struct ReportMunicipality: Sendable, Equatable {
    public var code: String
    public var nameJa: String
    public var nameEn: String
    public var areaJa: String
    public var population: Int
    public var regionalBCP: Bool
    public var tally: Tally
    public var resources: ResourceUse
    public init(code: String, nameJa: String, nameEn: String, areaJa: String, population: Int, regionalBCP: Bool,
                tally: Tally, resources: ResourceUse = ResourceUse()) {
        self.code = code
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.areaJa = areaJa
        self.population = population
        self.regionalBCP = regionalBCP
        self.tally = tally
        self.resources = resources
    }
    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
}

public struct ReportArea: Sendable, Equatable {
    public var nameJa: String
    public var nameEn: String
    public var tally: Tally
    public var resources: ResourceUse
    public init(nameJa: String, nameEn: String, tally: Tally, resources: ResourceUse = ResourceUse()) {
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.tally = tally
        self.resources = resources
    }
    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
}

public struct ReportHour: Sendable, Equatable {
    public var gridOff: Int
    public var withoutPower: Int
    public var gapMinutes: Int
    public init(gridOff: Int, withoutPower: Int, gapMinutes: Int) {
        self.gridOff = gridOff
        self.withoutPower = withoutPower
        self.gapMinutes = gapMinutes
    }
}

/// One patient's outcome, as the result file holds it (restricted).
public struct ReportPatient: Sendable, Equatable {
    public var id: String
    public var municipality: String
    public var area: String
    public var provider: String
    public var tier: String
    public var device: String
    public var ownReserveMinutes: Int
    public var outcome: String
    public var gapMinutes: Int
    public var firstOutageMinute: Int?
    public var restorationMinute: Int?
    public var gridOffMinutes: Int
    public var depletionMinute: Int?
    public var detectionMinute: Int?
    public var detectionChannel: String?
    public var firstHelpMinute: Int?
    public var units: [String]
    public var bed: String?
    public var shortfall: [String]

    public init(
        id: String, municipality: String, area: String, provider: String, tier: String, device: String,
        ownReserveMinutes: Int, outcome: String, gapMinutes: Int, firstOutageMinute: Int?, restorationMinute: Int?,
        gridOffMinutes: Int, depletionMinute: Int?, detectionMinute: Int?, detectionChannel: String?,
        firstHelpMinute: Int?, units: [String], bed: String?, shortfall: [String]
    ) {
        self.id = id
        self.municipality = municipality
        self.area = area
        self.provider = provider
        self.tier = tier
        self.device = device
        self.ownReserveMinutes = ownReserveMinutes
        self.outcome = outcome
        self.gapMinutes = gapMinutes
        self.firstOutageMinute = firstOutageMinute
        self.restorationMinute = restorationMinute
        self.gridOffMinutes = gridOffMinutes
        self.depletionMinute = depletionMinute
        self.detectionMinute = detectionMinute
        self.detectionChannel = detectionChannel
        self.firstHelpMinute = firstHelpMinute
        self.units = units
        self.bed = bed
        self.shortfall = shortfall
    }
}

extension ReportData {
    /// The earliest minute any patient's own power ran out (nil: nobody's did).
    public var firstDepletionMinute: Int? { patients.compactMap(\.depletionMinute).min() }

    /// The secondary area's English name for a Japanese one (the Japanese name if unknown).
    func areaEn(_ ja: String) -> String { areas.first { $0.nameJa == ja }?.nameEn ?? ja }
}
