import BCPModel
import BCPText

/// How "one unit per 25,000 residents" turns a population into whole units. The source documents
/// do not say; docs/ALLOCATION.md explains the default (floor-min1).
public enum RoundingRule: String, Sendable, CaseIterable {
    /// Whole 25,000s only: 67,549 -> 2; 2,000 -> 0.
    case floor
    /// Any started 25,000: 67,549 -> 3; 2,000 -> 1.
    case ceil
    /// To the nearest whole unit, an exact half rounding up: 37,500 -> 2; 37,499 -> 1.
    case nearest
    /// Whole 25,000s, but at least one unit for any municipality with residents: 67,549 -> 2; 2,000 -> 1.
    case floorMin1 = "floor-min1"

    public static let residentsPerUnit = 25_000
    public static let standard: RoundingRule = .floorMin1

    /// Units the standard allows for `population` residents, one per `per` residents.
    /// Integer arithmetic only; a population of 0 (or less) gets 0 under every rule.
    public func units(population p: Int, per: Int = RoundingRule.residentsPerUnit) -> Int {
        guard p > 0, per > 0 else { return 0 }
        switch self {
        case .floor: return p / per
        case .ceil: return (p + per - 1) / per
        case .nearest: return (2 * p + per) / (2 * per)
        case .floorMin1: return max(1, p / per)
        }
    }
}

/// Which of the scenario's patients count as needing the program's units.
public enum DeviceScope: String, Sendable, CaseIterable {
    /// Home ventilator users (TPPV, NPPV): the people 在宅人工呼吸器使用者療養支援事業 is for.
    case ventilator
    /// Every electricity-dependent patient in the scenario (oxygen, suction, feeding pumps too).
    case all

    public func includes(_ d: DeviceKind) -> Bool { self == .all || d.isVentilator }
}

/// Unit prices in yen, the subsidy base per item. Defaults: the amounts Chuo, Koto, Toshima, Ome
/// and Machida apply (their ward and city pages; docs/ALLOCATION.md "Prices").
public struct UnitPrices: Sendable, Equatable {
    public static let defaultGenerator = 212_000
    public static let defaultBattery = 104_000
    public static let defaultUPS = 41_000

    public var generator: Int
    public var battery: Int
    public var ups: Int

    public init(generator: Int = UnitPrices.defaultGenerator, battery: Int = UnitPrices.defaultBattery, ups: Int = UnitPrices.defaultUPS) {
        self.generator = generator
        self.battery = battery
        self.ups = ups
    }

    public subscript(kind: PowerUnitKind) -> Int {
        switch kind {
        case .generator: return generator
        case .battery: return battery
        case .ups: return ups
        }
    }
}

/// A cost split between Tokyo's subsidy (1/2) and the municipality. Tokyo pays floor(price / 2)
/// per subsidized unit, so the half yen of an odd price stays with the municipality; units beyond
/// the standard are not subsidized and fall wholly to the municipality.
public struct CostSplit: Summable {
    public var units: Int
    public var subsidizedUnits: Int
    public var total: Int
    public var tokyo: Int
    public var municipal: Int

    public init(units: Int = 0, subsidizedUnits: Int = 0, total: Int = 0, tokyo: Int = 0, municipal: Int = 0) {
        self.units = units
        self.subsidizedUnits = subsidizedUnits
        self.total = total
        self.tokyo = tokyo
        self.municipal = municipal
    }

    public static let zero = CostSplit()

    /// `units` at `price`, of which `subsidizedUnits` (at most `units`) get the 1/2 subsidy.
    public static func of(units: Int, price: Int, subsidizedUnits: Int) -> CostSplit {
        let sub = min(max(0, subsidizedUnits), units)
        let total = units * price
        let tokyo = sub * (price / 2)
        return CostSplit(units: units, subsidizedUnits: sub, total: total, tokyo: tokyo, municipal: total - tokyo)
    }

    public static func + (a: CostSplit, b: CostSplit) -> CostSplit {
        CostSplit(
            units: a.units + b.units, subsidizedUnits: a.subsidizedUnits + b.subsidizedUnits, total: a.total + b.total,
            tokyo: a.tokyo + b.tokyo, municipal: a.municipal + b.municipal)
    }
}

/// The cost of closing the shortfall against the standard, per item and in all.
public typealias ItemCosts = PerItem<CostSplit>

extension PerCase where Key == PowerUnitKind, Value == CostSplit {
    public var all: CostSplit { generator + battery + ups }
}

/// Whether the standard's units would cover this municipality's patients (need rule in docs/ALLOCATION.md).
public enum StandardVerdict: String, Sendable {
    /// The standard's generators and batteries fall short of the patients' need.
    case under
    /// They cover the need with units to spare.
    case over
    /// They cover it exactly.
    case matches
}

/// One patient's need under the target: own reserve, the deficit, and batteries to close it.
public struct PatientNeed: Sendable, Equatable {
    public var id: String
    public var municipality: MunicipalityCode
    public var reserveMinutes: Int
    /// max(0, target - reserve).
    public var deficitMinutes: Int
    /// Energy the device uses over the deficit: ceil(deficit min x draw W x hours per day / 1,440).
    public var deficitWh: Int
    /// Batteries of the rule's capacity: ceil(deficit Wh / capacity). 0 when the reserve meets the target.
    public var batteries: Int
}

/// The need columns of a row. For area and Tokyo rows every field is the sum over municipalities.
public struct NeedFigures: Sendable, Equatable {
    /// Patients in scope (ventilator users by default).
    public var patients = 0
    /// Those whose own reserve is below the target hours.
    public var belowTarget = 0
    /// Sum of each patient's batteries (the battery-only plan).
    public var batteriesNeeded = 0
    /// Patients the held generators go to (one generator each, largest need first).
    public var patientsOnHeldGenerators = 0
    /// Their batteries, which the generators make unnecessary.
    public var coveredByHeldGenerators = 0
    /// Patients the standard's generators would go to (min(standard, below target)): the
    /// patients whose batteries decide the verdict. Used by suppression, not printed.
    public var patientsOnStandardGenerators = 0
    /// Batteries still missing after held generators and batteries: the need gap.
    public var gap = 0
    /// Units the standard's generators and batteries leave uncovered, and leave over.
    public var standardShort = 0
    public var standardSpare = 0
    /// Municipalities where the standard under-provides (1 or 0 on a municipality row).
    public var municipalitiesUnder = 0
    /// Municipality rows only.
    public var verdict: StandardVerdict?

    public init() {}

    public static func + (a: NeedFigures, b: NeedFigures) -> NeedFigures {
        var c = NeedFigures()
        c.patients = a.patients + b.patients
        c.belowTarget = a.belowTarget + b.belowTarget
        c.batteriesNeeded = a.batteriesNeeded + b.batteriesNeeded
        c.patientsOnHeldGenerators = a.patientsOnHeldGenerators + b.patientsOnHeldGenerators
        c.coveredByHeldGenerators = a.coveredByHeldGenerators + b.coveredByHeldGenerators
        c.patientsOnStandardGenerators = a.patientsOnStandardGenerators + b.patientsOnStandardGenerators
        c.gap = a.gap + b.gap
        c.standardShort = a.standardShort + b.standardShort
        c.standardSpare = a.standardSpare + b.standardSpare
        c.municipalitiesUnder = a.municipalitiesUnder + b.municipalitiesUnder
        return c
    }
}

public enum AllocationLevel: String, Sendable {
    case municipality, area, total
}

/// One line of the allocation check: a municipality, a secondary area, or Tokyo as a whole.
/// Area and Tokyo rows are sums of their municipalities' rows (units are not pooled between
/// municipalities, so an area's shortfall is the sum of its members' shortfalls).
public struct AllocationRow: Sendable, Equatable {
    public var level: AllocationLevel
    /// Municipality rows only.
    public var code: MunicipalityCode?
    public var nameJa: String
    public var nameEn: String
    /// The secondary area (for an area row, itself; empty for Tokyo).
    public var areaJa: String
    public var areaEn: String
    public var municipalityCount: Int
    public var population: Int
    /// The population's date; for sums, the dates of the members ("2023-01-01", or "2020-01-01 – 2023-01-01").
    public var populationDate: String
    /// Units the standard allows, per item (the same number for each item).
    public var standard: ItemCounts
    public var held: ItemCounts
    public var shortOfStandard: ItemCounts
    public var excessOverStandard: ItemCounts
    /// Nil when there is no patient data (the built-in table without a scenario).
    public var need: NeedFigures?
    public var costStandard: ItemCosts
    /// Cost of the batteries in the need gap; nil without patient data.
    public var costNeed: CostSplit?

    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
    public func area(_ lang: Language) -> String { lang == .ja ? areaJa : areaEn }
}

/// How the allocation check prints patient figures (docs/ALLOCATION.md, "Privacy").
public enum AllocationPrivacy: Sendable, Equatable {
    /// The default: small-count suppression with this threshold, as in the shortfall reports.
    case suppressed(threshold: Int)
    /// Every number exact; every output marks itself restricted (for officials who hold the roster).
    case exact
    /// Every number exact because the scenario is synthetic (no real person in it); the outputs
    /// say so and are public. The command chooses it by the disclosure policy (BCPReports'
    /// DisclosurePolicy: a synthetic scenario is not suppressed unless --suppress is given).
    case syntheticData

    public var isExact: Bool { self == .exact }
}

/// Where the "held" numbers come from.
public enum HeldSource: Sendable, Equatable {
    /// Units in the scenario's units.csv owned by each municipality.
    case scenarioUnits
    /// A stock CSV (code,item,units) given with --stock.
    case stockFile(String)
    /// None: every municipality holds 0.
    case none
}

/// Parameters of the check.
public struct AllocationOptions: Sendable, Equatable {
    public var rounding: RoundingRule = .standard
    public var residentsPerUnit: Int = RoundingRule.residentsPerUnit
    /// Own reserve a patient should have (default 72 h: Japan ALS Association, at least 3 days).
    public var targetHours: Int = 72
    /// Capacity of the battery the need is counted in (default 1,000 Wh: a portable power station
    /// of the size wards subsidize, as in the shipped scenario).
    public var batteryWh: Int = 1_000
    public var prices = UnitPrices()
    public var devices: DeviceScope = .ventilator
    /// Suppressed or exact output; nil: suppressed with the scenario's `suppression_threshold`
    /// (PolicyParameters.suppressionThreshold, 10, for the built-in table).
    public var privacy: AllocationPrivacy?

    public init() {}
}

/// The whole check: parameters, rows and the ranking view.
public struct AllocationReport: Sendable, Equatable {
    public var options: AllocationOptions
    /// The scenario's names; nil for the built-in table.
    public var scenarioNameJa: String?
    public var scenarioNameEn: String?
    public var synthetic: Bool
    public var heldSource: HeldSource
    /// How the outputs print patient figures (resolved: never nil).
    public var privacy: AllocationPrivacy
    public var hasPatientData: Bool { total.need != nil }
    /// Sorted by code.
    public var municipalities: [AllocationRow]
    /// Ordered by their first municipality's code (区中央部 first, 島しょ last in Tokyo).
    public var areas: [AllocationRow]
    public var total: AllocationRow
    /// Municipality rows, largest need gap first, ties by code; empty without patient data.
    public var ranking: [AllocationRow]
}
