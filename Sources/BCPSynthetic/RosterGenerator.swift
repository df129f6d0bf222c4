import BCPEngine
import BCPModel

/// Makes a deterministic synthetic data set for a list of municipalities: patients spread by
/// population (largest remainder), device mix, batteries and generators from PublishedFigures,
/// providers and units in proportion. Same inputs and seed give the same data set.
public struct RosterGenerator: Sendable {
    public var patients: Int
    public var seed: UInt64
    /// Digits of the per-municipality patient number in ids ("P131016-0001"). Tokyo's shipped
    /// scenarios use 4; Japan-wide rosters use 6 so that ids still sort in roster order when a
    /// municipality has more than 9,999 patients.
    public var idDigits: Int
    /// Municipalities with subsidized stock, and with a regional BCP. Tokyo: 18 and 6 (see
    /// PublishedFigures); Japan-wide rosters scale both by the number of municipalities.
    public var municipalitiesWithStock: Int
    public var municipalitiesWithRegionalBCP: Int

    public init(
        patients: Int, seed: UInt64, idDigits: Int = 4,
        municipalitiesWithStock: Int = PublishedFigures.municipalitiesWithStock,
        municipalitiesWithRegionalBCP: Int = PublishedFigures.municipalitiesWithRegionalBCP
    ) {
        self.patients = patients
        self.seed = seed
        self.idDigits = idDigits
        self.municipalitiesWithStock = municipalitiesWithStock
        self.municipalitiesWithRegionalBCP = municipalitiesWithRegionalBCP
    }

    /// Tokyo's share of Japan's FY2018 ventilator users, by population, before other devices:
    /// 20,293 x 14,034,861 / 126,443,000 = 2,252 ventilator users; with the other devices
    /// (100 per mille of all patients) 2,252 x 1000/900 = 2,502.
    public static func tokyoDefaultPatients(population: Int) -> Int {
        let ventilators = PublishedFigures.japanVentilatorUsers * population / PublishedFigures.japanPopulation2018
        return ventilators * 1000 / 900
    }

    /// Patients per municipality: floor of the population share, then one more each to the
    /// largest remainders (ties by code) until the total is `patients`.
    public static func apportion(_ total: Int, over municipalities: [Municipality]) -> [Int] {
        let population = municipalities.reduce(0) { $0 + $1.population }
        guard population > 0 else { return municipalities.map { _ in 0 } }
        var counts = municipalities.map { total * $0.population / population }
        let remainders = municipalities.indices.map { (total * municipalities[$0].population % population, $0) }
        let order = remainders.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : municipalities[$0.1].code < municipalities[$1.1].code }
        var left = total - counts.reduce(0, +)
        for (_, i) in order where left > 0 {
            counts[i] += 1
            left -= 1
        }
        return counts
    }

    public struct DataSet: Sendable {
        public var municipalities: [Municipality]
        public var patients: [Patient]
        public var providers: [Provider]
        public var units: [PowerUnit]
    }

    public func generate(municipalities base: [Municipality]) -> DataSet {
        var rng = Xoshiro256StarStar(seed: seed)
        func chance(_ perMille: Int) -> Bool { rng.int(in: 0...999) < perMille }
        func pick<T>(_ options: [T]) -> T { options[rng.int(in: 0...(options.count - 1))] }

        let municipalities = base.sorted { $0.code < $1.code }
        let counts = Self.apportion(patients, over: municipalities)
        var providers: [Provider] = []
        var out: [Patient] = []
        var units: [PowerUnit] = []
        for (m, count) in zip(municipalities, counts) {
            // Providers: one clinic per 8 patients and one nursing station per 10 (at least one
            // each), one hospital per 300,000 residents (none below 30,000). Assumptions.
            let code = m.code.description
            let clinics = max(1, (count + 7) / 8), stations = max(1, (count + 9) / 10)
            let hospitals = m.population < 30_000 ? 0 : (m.population + 299_999) / 300_000
            var local: [Provider] = []
            for (kind, n, prefix) in [(ProviderKind.clinic, clinics, "C"), (.nursingStation, stations, "N"), (.hospital, hospitals, "H")] {
                for i in stride(from: 1, through: n, by: 1) {
                    // Tier mix (assumption for FY2025, before BCPs become a requirement in FY2026):
                    // none 40%, institutional 40%, linked 20%; hospitals at least institutional.
                    let roll = rng.int(in: 0...999)
                    var tier: BCPTier = roll < 400 ? .none : (roll < 800 ? .institutional : .linked)
                    if kind == .hospital && tier == .none { tier = .institutional }
                    local.append(
                        Provider(
                            id: "\(prefix)\(code)-\(i)", kind: kind, municipality: m.code, tier: tier,
                            linkedGroup: tier == .linked ? "G\(code)" : nil,
                            hasBackupPower: kind == .hospital ? true : chance(300),
                            contactsPerHour: kind == .hospital ? 6 : (kind == .clinic ? 4 : 3),
                            deliveryTeams: kind == .hospital ? 1 : (chance(500) ? 1 : 0),
                            backupBeds: kind == .hospital ? 2 + rng.int(in: 0...2) : 0))
                }
            }
            let carers = local.filter { $0.kind != .hospital }
            for i in 0..<count {
                let p = makePatient(id: "P\(code)-\(String(i + 1).leftPadded(idDigits))", municipality: m.code, provider: pick(carers).id, &rng)
                out.append(p)
            }
            // Lendable units: each provider with a delivery team holds one battery (assumption).
            for p in local where p.deliveryTeams > 0 {
                units.append(
                    PowerUnit(
                        id: "U-\(p.id)", kind: .battery, capacityWh: 1_000, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0,
                        owner: .provider(p.id), subsidized: false))
            }
            providers += local
        }
        // Municipal stock: 18 municipalities (drawn) hold between a third and all of what the
        // 25,000-resident standard allows, half generators and half batteries.
        var withStock = Array(municipalities.indices)
        for i in stride(from: withStock.count - 1, to: 0, by: -1) { withStock.swapAt(i, rng.int(in: 0...i)) }
        var result = municipalities
        for i in withStock.prefix(municipalitiesWithStock).sorted() {
            let m = municipalities[i]
            let standard = max(1, m.population / 25_000)
            let held = max(1, standard * rng.int(in: 333...1000) / 1000)
            for k in 0..<held {
                let generator = k % 2 == 0
                units.append(
                    PowerUnit(
                        id: "M\(m.code)-\(String(k + 1).leftPadded(3))", kind: generator ? .generator : .battery,
                        capacityWh: generator ? 0 : 1_000, ratedW: generator ? 900 : 300,
                        runtimePerTankMinutes: generator ? 240 : 0, tanks: generator ? 4 : 0,
                        owner: .municipality(m.code), subsidized: true))
            }
            result[i].deliveryTeams = 1 + held / 10
            result[i].contactsPerHour = 10
        }
        // Regional BCPs (地域BCP): the national model projects reached 6 to 26 areas a year across
        // Japan; we let 6 Tokyo municipalities (drawn from those with stock) run one. Assumption.
        // Providers are appended municipality by municipality in code order, so each
        // municipality's providers are one contiguous run (found once, not by a scan per region).
        var providerRange: [MunicipalityCode: Range<Int>] = [:]
        var start = 0
        for k in providers.indices where k + 1 == providers.count || providers[k + 1].municipality != providers[k].municipality {
            providerRange[providers[k].municipality] = start..<(k + 1)
            start = k + 1
        }
        for i in withStock.prefix(municipalitiesWithRegionalBCP).sorted() {
            result[i].hasRegionalBCP = true
            result[i].contactsPerHour = 20
            for k in providerRange[municipalities[i].code] ?? 0..<0 {
                providers[k].tier = .regional
            }
        }
        return DataSet(municipalities: result, patients: out, providers: providers, units: units)
    }

    private func makePatient(id: String, municipality: MunicipalityCode, provider: String, _ rng: inout Xoshiro256StarStar) -> Patient {
        let deviceRoll = rng.int(in: 0...999)
        let other = PublishedFigures.otherDevicePerMille
        let device: DeviceKind
        if deviceRoll < other.oxygen { device = .oxygenConcentrator }
        else if deviceRoll < other.oxygen + other.suction { device = .suction }
        else if deviceRoll < other.oxygen + other.suction + other.feeding { device = .feedingPump }
        else { device = rng.int(in: 0...999) < PublishedFigures.nppvPerMille ? .nppv : .tppv }
        // Draw varies +-20% around the device default (measured spread of ventilator models).
        let base = device.defaultDrawW
        let draw = max(1, base * rng.int(in: 80...120) / 100)
        var inner = 0, outer = 0
        if device.isVentilator {
            if rng.int(in: 0...999) >= PublishedFigures.noInternalBatteryPerMille {
                inner = draw * PublishedFigures.internalBatteryHours[rng.int(in: 0...2)]
            }
            if rng.int(in: 0...999) >= PublishedFigures.noExternalBatteryPerMille {
                outer = draw * PublishedFigures.externalBatteryHours[rng.int(in: 0...2)]
            }
        } else if device != .oxygenConcentrator {
            inner = draw * 1  // suction and feeding pumps carry about an hour of battery (assumption)
        }
        var generator: OwnGenerator?
        if rng.int(in: 0...999) < PublishedFigures.ownGeneratorPerMille {
            generator = OwnGenerator(
                ratedW: PublishedFigures.cassetteGeneratorW, runtimePerTankMinutes: PublishedFigures.cassetteGeneratorMinutesPerPair,
                tanks: PublishedFigures.cassettePairsOnHand, operable: rng.int(in: 0...999) < PublishedFigures.generatorOperablePerMille)
        }
        return Patient(
            id: id, municipality: municipality, device: device, drawW: draw, hoursPerDay: device.defaultHoursPerDay,
            internalBatteryWh: inner, externalBatteryWh: outer, generator: generator, providerId: provider,
            registeredSupportPlan: rng.int(in: 0...999) < PublishedFigures.supportPlanPerMille)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
