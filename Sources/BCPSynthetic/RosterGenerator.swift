import BCPEngine
import BCPModel

/// Makes a deterministic synthetic data set for a list of municipalities: patients spread by
/// population (largest remainder), devices in the proportions of the published counts (home
/// ventilators and home oxygen), batteries, cars, cylinders and manual bridges from
/// PublishedFigures, providers and hospitals in proportion, oxygen suppliers per secondary medical
/// area, and the subsidised units given to patients. Same inputs and seed give the same data set.
public struct RosterGenerator: Sendable {
    /// What a roster may change from Tokyo's published figures: a real event's roster gives its
    /// own counts and conditions (EventScenarios.swift).
    public struct Settings: Sendable {
        /// Exact patients per device (then `patients` is their sum); nil: `patients` drawn in the
        /// proportions of PublishedFigures.perTenMillion.
        public var deviceCounts: [(DeviceKind, Int)]? = nil
        public var carWardsPerMille = PublishedFigures.carWardsPerMille
        public var carElsewherePerMille = PublishedFigures.carElsewherePerMille
        public var supportPlanPerMille = PublishedFigures.supportPlanPerMille
        /// Provider tiers per mille: none, institutional; the rest linked (hospitals at least
        /// institutional). Assumption for FY2025: 400, 400.
        public var tierNonePerMille = 400
        public var tierInstitutionalPerMille = 400
        /// A pre-arranged evacuation-admission system in every municipality (Kumamoto).
        public var admissionSystem = false
        /// Charging points by municipality code.
        public var chargingPoints: [(String, Int)] = PublishedFigures.chargingPointMunicipalities.map { ($0, 1) }

        public init() {}
    }

    public var patients: Int
    public var seed: UInt64
    /// Digits of the per-municipality patient number in ids ("P131016-0001"). Tokyo's shipped
    /// scenarios use 5; Japan-wide rosters use 6 so that ids still sort in roster order when a
    /// municipality has more than 99,999 patients.
    public var idDigits: Int
    /// Municipalities using the support program (units given to patients), and with a regional
    /// BCP. Tokyo: 18 and 6 (see PublishedFigures); Japan-wide rosters scale both.
    public var municipalitiesWithStock: Int
    public var municipalitiesWithRegionalBCP: Int
    public var settings: Settings

    public init(
        patients: Int, seed: UInt64, idDigits: Int = 5,
        municipalitiesWithStock: Int = PublishedFigures.municipalitiesWithStock,
        municipalitiesWithRegionalBCP: Int = PublishedFigures.municipalitiesWithRegionalBCP,
        settings: Settings = Settings()
    ) {
        self.patients = settings.deviceCounts.map { $0.reduce(0) { $0 + $1.1 } } ?? patients
        self.seed = seed
        self.idDigits = idDigits
        self.municipalitiesWithStock = municipalitiesWithStock
        self.municipalitiesWithRegionalBCP = municipalitiesWithRegionalBCP
        self.settings = settings
    }

    /// Patients for a population: the devices' counts per 10 million residents (PublishedFigures)
    /// scaled to it. Tokyo, 14,034,861: 14,047 per 10 million (1,565 ventilator users, 12,419 on
    /// home oxygen, 63 suction and feeding) x 1.4034861 = 19,714.
    public static func defaultPatients(population: Int) -> Int {
        let perTenMillion = PublishedFigures.perTenMillion.reduce(0) { $0 + $1.1 }
        return perTenMillion * population / 10_000_000
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

        let municipalities = base.sorted { $0.code < $1.code }
        let counts = Self.apportion(patients, over: municipalities)
        // Oxygen suppliers: PublishedFigures.suppliersPerArea centres per secondary medical area, in
        // the area's most populous municipality (ties by code).
        var host: [String: Municipality] = [:]
        for m in municipalities where host[m.area.nameJa].map({ m.population > $0.population }) ?? true { host[m.area.nameJa] = m }
        var supplierPatients: [String: Int] = [:]

        var providers: [Provider] = []
        var providerRange: [MunicipalityCode: Range<Int>] = [:]
        var out: [Patient] = []
        var units: [PowerUnit] = []
        out.reserveCapacity(patients)
        // Exact counts: every device listed, shuffled, then dealt out municipality by municipality.
        var dealt: [DeviceKind] = []
        if let exact = settings.deviceCounts {
            for (device, n) in exact { dealt += [DeviceKind](repeating: device, count: n) }
            for i in stride(from: dealt.count - 1, to: 0, by: -1) { dealt.swapAt(i, rng.int(in: 0...i)) }
        }
        var next = 0
        for (m, count) in zip(municipalities, counts) {
            let code = m.code.description
            let devices: [DeviceKind]
            if settings.deviceCounts != nil {
                devices = Array(dealt[next..<(next + count)])
                next += count
            } else {
                devices = (0..<count).map { _ in drawDevice(&rng) }
            }
            let oxygen = devices.filter { $0 == .oxygenConcentrator }.count
            let clinics = max(1, (count + PublishedFigures.patientsPerClinic - 1) / PublishedFigures.patientsPerClinic)
            let stations = max(1, (count - oxygen + PublishedFigures.ventilatorPatientsPerStation - 1) / PublishedFigures.ventilatorPatientsPerStation)
            // Hospitals: one per 300,000 residents (none below 30,000: those patients go to the
            // area's hospitals). Assumptions. Their beds for power-dependent patients are one per
            // 10,000 residents (PublishedFigures), split evenly.
            let hospitals = m.population < 30_000 ? 0 : (m.population + 299_999) / 300_000
            let beds = (m.population + PublishedFigures.residentsPerAdmissionBed - 1) / PublishedFigures.residentsPerAdmissionBed
            var local: [Provider] = []
            var linked = 0
            for (kind, n, prefix) in [(ProviderKind.clinic, clinics, "C"), (.nursingStation, stations, "N"), (.hospital, hospitals, "H")] {
                for i in stride(from: 1, through: n, by: 1) {
                    // Tier mix (Settings; for FY2025, before BCPs become a requirement in FY2026,
                    // none 40%, institutional 40%, linked 20%); hospitals at least institutional.
                    let roll = rng.int(in: 0...999)
                    let none = settings.tierNonePerMille, inst = none + settings.tierInstitutionalPerMille
                    var tier: BCPTier = roll < none ? .none : (roll < inst ? .institutional : .linked)
                    if kind == .hospital && tier == .none { tier = .institutional }
                    // Linked providers form groups of a handful, in the order they are made.
                    var group: String? = nil
                    if tier == .linked {
                        group = "G\(code)-\(linked / PublishedFigures.linkedGroupSize + 1)"
                        linked += 1
                    }
                    let hospitalBeds = kind == .hospital ? beds / hospitals + (i <= beds % hospitals ? 1 : 0) : 0
                    local.append(
                        Provider(
                            id: "\(prefix)\(code)-\(i)", kind: kind, municipality: m.code, tier: tier, linkedGroup: group,
                            hasBackupPower: kind == .hospital ? true : chance(300),
                            contactsPerHour: kind == .hospital ? 6 : (kind == .clinic ? 4 : 3),
                            deliveryTeams: kind == .hospital ? 1 : (chance(500) ? 1 : 0),
                            backupBeds: hospitalBeds))
                }
            }
            // A provider group of one is not linked to anyone: it plays as institutional.
            let groupSizes = Dictionary(grouping: local.compactMap(\.linkedGroup), by: { $0 }).mapValues(\.count)
            for k in local.indices where local[k].linkedGroup.map({ groupSizes[$0] == 1 }) ?? false {
                local[k].tier = .institutional
                local[k].linkedGroup = nil
            }
            let clinicIds = local.filter { $0.kind == .clinic }.map(\.id)
            let carers = local.filter { $0.kind != .hospital }.map(\.id)
            let hostCode = host[m.area.nameJa]?.code.description ?? code
            for (i, device) in devices.enumerated() {
                // Oxygen is prescribed by a clinic; the others are cared for by a clinic or a station.
                let provider = device == .oxygenConcentrator
                    ? clinicIds[rng.int(in: 0...clinicIds.count - 1)] : carers[rng.int(in: 0...carers.count - 1)]
                var supplier: String? = nil
                if device == .oxygenConcentrator {
                    let s = "S\(hostCode)-\(rng.int(in: 1...PublishedFigures.suppliersPerArea))"
                    supplierPatients[s, default: 0] += 1
                    supplier = s
                }
                out.append(makePatient(
                    id: "P\(code)-\(String(i + 1).leftPadded(idDigits))", device: device, municipality: m,
                    provider: provider, supplier: supplier, &rng))
            }
            // Lendable units: each provider with a delivery team holds one battery (assumption).
            for p in local where p.deliveryTeams > 0 {
                units.append(
                    PowerUnit(
                        id: "U-\(p.id)", kind: .battery, capacityWh: 1_000, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0,
                        owner: .provider(p.id), subsidized: false))
            }
            providerRange[m.code] = providers.count..<(providers.count + local.count)
            providers += local
        }
        // Supplier centres, for the patients assigned to them, in id order.
        for (id, n) in supplierPatients.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let hostCode = MunicipalityCode(String(id.dropFirst().prefix(6)))!
            providers.append(
                Provider(
                    id: id, kind: .supplier, municipality: hostCode, tier: .none, linkedGroup: nil, hasBackupPower: true,
                    contactsPerHour: max(1, (n + PublishedFigures.supplierHoursToCallAll - 1) / PublishedFigures.supplierHoursToCallAll),
                    // At most the loader's 1,000 teams: only rosters several times Japan's real
                    // size (a million users) reach it, and a scenario must load what it writes.
                    deliveryTeams: min(1_000, max(1, (n + PublishedFigures.supplierPatientsPerTeam - 1) / PublishedFigures.supplierPatientsPerTeam)),
                    backupBeds: 0, cylinders: n * PublishedFigures.supplierDeliveriesPerPatient))
        }

        // The support program: in 18 municipalities (drawn) units are given to 24-hour ventilator
        // users with a support plan, up to what the 25,000-resident standard allows for the two
        // items, between a third and all of it; generators and batteries alternately.
        var withStock = Array(municipalities.indices)
        for i in stride(from: withStock.count - 1, to: 0, by: -1) { withStock.swapAt(i, rng.int(in: 0...i)) }
        var result = municipalities
        var patientRange: [MunicipalityCode: Range<Int>] = [:]
        var start = 0
        for (m, count) in zip(municipalities, counts) {
            patientRange[m.code] = start..<(start + count)
            start += count
        }
        for i in withStock.prefix(municipalitiesWithStock).sorted() {
            let m = municipalities[i]
            let standard = 2 * max(1, m.population / PublishedFigures.residentsPerSubsidizedUnit)
            let held = max(1, standard * rng.int(in: 333...1000) / 1000)
            let eligible = (patientRange[m.code] ?? 0..<0).filter { k in
                out[k].device.isVentilator && out[k].roundTheClock && out[k].registeredSupportPlan
            }
            for (k, p) in eligible.prefix(held).enumerated() {
                let generator = k % 2 == 0
                units.append(
                    PowerUnit(
                        id: "M\(m.code)-\(String(k + 1).leftPadded(3))", kind: generator ? .generator : .battery,
                        capacityWh: generator ? 0 : 1_000, ratedW: generator ? 900 : 300,
                        runtimePerTankMinutes: generator ? 240 : 0, tanks: generator ? 4 : 0,
                        owner: .patient(out[p].id), subsidized: true))
            }
            result[i].deliveryTeams = 1
            result[i].contactsPerHour = 10
        }
        // Regional BCPs (地域BCP): the national model projects reached 6 to 26 areas a year across
        // Japan; we let 6 Tokyo municipalities (drawn from those with the program) run one.
        // Assumption.
        for i in withStock.prefix(municipalitiesWithRegionalBCP).sorted() {
            result[i].hasRegionalBCP = true
            result[i].contactsPerHour = 20
            for k in providerRange[municipalities[i].code] ?? 0..<0 {
                providers[k].tier = .regional
            }
        }
        for i in result.indices {
            if let n = settings.chargingPoints.first(where: { $0.0 == result[i].code.description })?.1 { result[i].chargingPoints = n }
            if settings.admissionSystem { result[i].admissionSystem = true }
        }
        return DataSet(municipalities: result, patients: out, providers: providers, units: units)
    }

    /// A device in the proportions of PublishedFigures.perTenMillion.
    private func drawDevice(_ rng: inout Xoshiro256StarStar) -> DeviceKind {
        let weights = PublishedFigures.perTenMillion
        var roll = rng.int(in: 0...(weights.reduce(0) { $0 + $1.1 } - 1))
        for (device, w) in weights {
            if roll < w { return device }
            roll -= w
        }
        return weights[weights.count - 1].0
    }

    private func makePatient(
        id: String, device: DeviceKind, municipality m: Municipality, provider: String, supplier: String?,
        _ rng: inout Xoshiro256StarStar
    ) -> Patient {
        func chance(_ perMille: Int) -> Bool { rng.int(in: 0...999) < perMille }
        // Draw varies +-20% around the device default (measured spread of ventilator models).
        let draw = max(1, device.defaultDrawW * rng.int(in: 80...120) / 100)
        var hours = device.defaultHoursPerDay
        if device == .nppv && chance(PublishedFigures.nppvRoundTheClockPerMille) { hours = 24 }
        var inner = 0, outer = 0
        switch device {
        case .tppv, .nppv:
            if !chance(PublishedFigures.noInternalBatteryPerMille) {
                inner = draw * PublishedFigures.internalBatteryHours[rng.int(in: 0...2)]
            }
            let external = hours >= 20 ? PublishedFigures.externalBatteryRoundTheClockPerMille : PublishedFigures.externalBatteryPartTimePerMille
            if chance(external) {
                outer = draw * PublishedFigures.externalBatteryHours[rng.int(in: 0...2)]
            }
        case .oxygenConcentrator:
            if chance(PublishedFigures.portableConcentratorPerMille) {
                inner = draw * PublishedFigures.portableConcentratorBatteryHours
            }
        case .suction, .feedingPump:
            inner = draw * 1  // about an hour of battery (assumption)
        }
        var generator: OwnGenerator?
        if device.isVentilator && chance(PublishedFigures.ownGeneratorPerMille) {
            generator = OwnGenerator(
                ratedW: PublishedFigures.cassetteGeneratorW, runtimePerTankMinutes: PublishedFigures.cassetteGeneratorMinutesPerPair,
                tanks: PublishedFigures.cassettePairsOnHand, operable: chance(PublishedFigures.generatorOperablePerMille))
        }
        let bridge: Bool
        switch device {
        case .tppv: bridge = chance(PublishedFigures.baggingPerMille)
        case .suction: bridge = chance(PublishedFigures.manualSuctionPerMille)
        case .feedingPump: bridge = true
        case .nppv, .oxygenConcentrator: bridge = false
        }
        var car = CarPower.none
        if chance(m.kind == .ward ? settings.carWardsPerMille : settings.carElsewherePerMille) {
            car = chance(PublishedFigures.carOutletPerMille) ? .outlet : .socket
        }
        let plan = device.isVentilator && chance(settings.supportPlanPerMille)
        return Patient(
            id: id, municipality: m.code, device: device, drawW: draw, hoursPerDay: hours,
            internalBatteryWh: inner, externalBatteryWh: outer, generator: generator, providerId: provider,
            registeredSupportPlan: plan, manualBridge: bridge, car: car,
            cylinderMinutes: device == .oxygenConcentrator ? PublishedFigures.cylinderMinutesOnHand : 0, supplierId: supplier)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
