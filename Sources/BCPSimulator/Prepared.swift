import BCPEngine
import BCPModel

/// What a household does on its own when its reserve runs low (docs/MODEL.md, "Households").
enum SelfHelp: UInt8, Sendable {
    /// Nothing of its own: it waits for help (and for a life-critical device, goes to hospital
    /// when the power runs out).
    case none
    /// Takes the patient to hospital (round-the-clock users).
    case hospital
    /// Runs the device from the car.
    case car
    /// Takes the external battery to a powered place and brings it back charged.
    case recharge
}

/// A travel_slowed disruption: from `from` until `until`, travel touching a covered municipality
/// takes `percent`% of its normal time.
struct TravelSlow: Sendable {
    let from: Int
    let until: Int
    let percent: Int
    let covers: [Bool]
}

/// The scenario turned into index-based arrays, once per run: patients sorted by id (so an index
/// order is an id order), providers sorted by id, municipalities by code, areas by Japanese name.
/// Depots are where units (or cylinders, for suppliers) wait with their delivery teams: depot
/// i < providers.count is provider i, depot providers.count + m is municipality m.
struct Prepared: Sendable {
    let scenario: Scenario
    let params: PolicyParameters
    let horizon: Int

    let munis: [Municipality]
    let muniArea: [Int]
    let muniIsland: [Bool]
    /// The scenario's travel_slowed disruptions, with the municipalities each covers.
    let travelSlows: [TravelSlow]
    let areas: [SecondaryArea]
    let areaMunis: [[Int]]
    /// The zones covering each municipality, in scenario order.
    let muniZones: [[Int]]

    let provs: [Provider]
    let provMuni: [Int]
    /// Spans in which the provider's staff cannot work (provider_out disruptions).
    let provOut: [[Interval]]
    /// Spans in which the provider's site has no power (grid off, no backup): it cannot recharge
    /// returned units, admit patients or serve as a charging place. Seed-dependent.
    private(set) var provDark: [[Interval]]
    let provPatients: [[Int]]
    /// Other members of its linked group with tier >= linked, by id (empty below linked).
    let provPartners: [[Int]]
    /// Provider depots a patient of this provider draws from: the provider itself (institutional
    /// and above), then its partners; only those that own units (a unit returns only to its own
    /// depot, so a depot without one never has anything to send, and a look need not visit it:
    /// a linked group may be large, and most of its providers lend nothing).
    let provDepots: [[Int]]
    /// Hospitals with beds for power-dependent patients, per area, by id.
    let areaHospitals: [[Int]]

    let pats: [Patient]
    let patMuni: [Int]
    let patProv: [Int]
    /// The patient's oxygen supplier (a provider index), -1 for none.
    let patSupplier: [Int]
    /// A regional BCP applies (the provider's tier or the municipality's plan).
    let patRegional: [Bool]
    /// Planned (evacuation) admission applies when the patient is found without power: a
    /// registered ventilator user under a regional BCP or a pre-arranged admission system.
    let patPlanned: [Bool]
    let patClock: [UseClock]
    /// Own reserve in use-minutes: batteries, a usable own generator, units placed at home.
    let patOwnUse: [Int]
    /// The external battery alone, in use-minutes (what a recharge trip brings back).
    let patExtUse: [Int]
    /// Oxygen cylinders on hand, in use-minutes.
    let patCylinderUse: [Int]
    let patTolerance: [Int]
    /// Tolerance of an hour or less: taken to the emergency department when the power runs out.
    let patLifeCritical: [Bool]
    let patBridge: [Bool]
    /// Per patient, the two figures a unit's minutes depend on: draw W and hours of use per day.
    let patDraw: [Int]
    let patHours: [Int]

    /// Grid-off episodes: patient i has episodes epOffset[i] ..< epOffset[i + 1]. Seed-dependent.
    private(set) var epOffset: [Int]
    private(set) var episodes: [Interval]
    /// What each household does when its reserve runs low. Seed-dependent (a draw per patient).
    private(set) var patSelfHelp: [SelfHelp]

    let patIdBytes: [UInt8]
    let patIdOffset: [Int]

    let units: [PowerUnit]
    /// Per unit, what its use-minutes depend on, kept apart from the `PowerUnit` values so that
    /// the dispatcher's inner loop reads integers (no struct copies).
    let unitIsGenerator: [Bool]
    let unitWh: [Int]
    let unitRatedW: [Int]
    let unitFuelMinutes: [Int]
    let depotUnits: [[Int]]
    let depotTeams: [Int]

    var providerCount: Int { provs.count }
    func muniDepot(_ m: Int) -> Int { provs.count + m }
    @inline(__always)
    func depotMunicipality(_ d: Int) -> Int { d < provs.count ? provMuni[d] : d - provs.count }

    /// `units[u].useMinutes(drawW:)` for patient i: use-minutes of a lent unit for patient i.
    @inline(__always)
    func unitMinutes(_ u: Int, for i: Int) -> Int {
        PowerUnit.useMinutes(
            generator: unitIsGenerator[u], capacityWh: unitWh[u], ratedW: unitRatedW[u],
            fuelMinutes: unitFuelMinutes[u], drawW: patDraw[i])
    }

    init(_ s: Scenario, seed: UInt64, uniform: ((String, [String]) -> Int)?) {
        let horizon = s.horizonMinutes
        let munis = s.municipalities.sorted { $0.code < $1.code }
        var codeIndex: [MunicipalityCode: Int] = [:]
        for (i, m) in munis.enumerated() { codeIndex[m.code] = i }
        let areas = s.areas
        var areaIndex: [String: Int] = [:]
        for (a, area) in areas.enumerated() where areaIndex[area.nameJa] == nil { areaIndex[area.nameJa] = a }
        let muniArea = munis.map { areaIndex[$0.area.nameJa] ?? 0 }

        let provs = s.providers.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var provIndex: [String: Int] = [:]
        for (i, p) in provs.enumerated() { provIndex[p.id] = i }
        let provMuni = provs.map { codeIndex[$0.municipality] ?? 0 }

        let pats = s.patients.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var patIndex: [String: Int] = [:]
        for (i, p) in pats.enumerated() { patIndex[p.id] = i }
        let patMuni = pats.map { codeIndex[$0.municipality] ?? 0 }
        let patProv = pats.map { provIndex[$0.providerId] ?? 0 }

        let units = s.units.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var dUnits = [[Int]](repeating: [], count: provs.count + munis.count)
        var placedUse = [Int](repeating: 0, count: pats.count)
        for (u, unit) in units.enumerated() {
            switch unit.owner {
            case .provider(let id): if let i = provIndex[id] { dUnits[i].append(u) }
            case .municipality(let c): if let m = codeIndex[c] { dUnits[provs.count + m].append(u) }
            case .patient(let id): if let i = patIndex[id] { placedUse[i] += unit.useMinutes(drawW: pats[i].drawW) }
            }
        }

        let usableGenerators = s.parameters.ownGeneratorsUsable
        patOwnUse = pats.indices.map { i in
            let p = pats[i]
            let generator = usableGenerators ? p.generatorMinutes : 0
            return Energy.useMinutes(wh: p.batteryWh, drawW: p.drawW) + generator + placedUse[i]
        }
        patExtUse = pats.map { Energy.useMinutes(wh: $0.externalBatteryWh, drawW: $0.drawW) }
        patCylinderUse = pats.map { $0.device == .oxygenConcentrator ? $0.cylinderMinutes : 0 }
        patTolerance = pats.map(\.tolerance)
        patLifeCritical = pats.map(\.lifeCritical)
        patBridge = pats.map { $0.manualBridge && $0.device.bridgeName != nil }
        patClock = pats.map {
            UseClock(hoursPerDay: $0.hoursPerDay, spread: !$0.device.usesDailyWindow,
                     useFrom: $0.useFromMinute ?? $0.device.defaultUseFromMinute, startClock: s.startClockMinute)
        }
        patSupplier = pats.map { p in p.supplierId.flatMap { provIndex[$0] } ?? -1 }
        patRegional = pats.indices.map { i in provs[patProv[i]].tier == .regional || munis[patMuni[i]].hasRegionalBCP }
        let regional = patRegional
        patPlanned = pats.indices.map { i in
            pats[i].device.isVentilator && pats[i].registeredSupportPlan && (regional[i] || munis[patMuni[i]].admissionSystem)
        }

        var pp = [[Int]](repeating: [], count: provs.count)
        for i in pats.indices { pp[patProv[i]].append(i) }

        // Members of each linked group at tier linked or above, by id (providers are sorted by id).
        var groups: [String: [Int]] = [:]
        for (j, p) in provs.enumerated() where p.tier >= .linked {
            if let g = p.linkedGroup { groups[g, default: []].append(j) }
        }
        provPartners = provs.indices.map { i in
            guard provs[i].tier >= .linked, let g = provs[i].linkedGroup else { return [] }
            return groups[g, default: []].filter { $0 != i }
        }
        let partners = provPartners
        provDepots = provs.indices.map { i in
            ((provs[i].tier >= .institutional && provs[i].kind != .supplier ? [i] : []) + partners[i].filter { provs[$0].kind != .supplier })
                .filter { !dUnits[$0].isEmpty }
        }
        provOut = provs.map { p in
            var spans: [Interval] = []
            for d in s.disruptions {
                if case .providerOut(let id, let from, let until) = d, id == p.id {
                    let a = max(0, from), b = min(horizon, until ?? horizon)
                    if a < b { spans.append(Interval(start: a, end: b)) }
                }
            }
            return Restoration.merge(spans)
        }
        scenario = s
        params = s.parameters
        self.horizon = horizon
        self.munis = munis
        self.muniArea = muniArea
        muniIsland = munis.map(\.island)
        travelSlows = s.disruptions.compactMap { d in
            guard case .travelSlowed(let targets, let percent, let from, let until) = d else { return nil }
            return TravelSlow(
                from: from, until: until ?? Int.max, percent: percent,
                covers: munis.map { targets.covers(code: $0.code, areaJa: $0.area.nameJa) })
        }
        self.areas = areas
        var byArea = [[Int]](repeating: [], count: areas.count)
        for m in munis.indices { byArea[muniArea[m]].append(m) }
        areaMunis = byArea
        muniZones = munis.map { m in s.zones.indices.filter { s.zones[$0].targets.covers(code: m.code, areaJa: m.area.nameJa) } }
        self.provs = provs
        self.provMuni = provMuni
        var hospitals = [[Int]](repeating: [], count: areas.count)
        for j in provs.indices where provs[j].backupBeds > 0 { hospitals[muniArea[provMuni[j]]].append(j) }
        areaHospitals = hospitals
        provPatients = pp
        self.pats = pats
        self.patMuni = patMuni
        self.patProv = patProv
        self.units = units
        unitIsGenerator = units.map { $0.kind == .generator }
        unitWh = units.map(\.capacityWh)
        unitRatedW = units.map(\.ratedW)
        unitFuelMinutes = units.map { $0.runtimePerTankMinutes * $0.tanks }
        depotUnits = dUnits
        depotTeams = provs.map(\.deliveryTeams) + munis.map(\.deliveryTeams)
        var idBytes: [UInt8] = []
        var idOffset = [0]
        idOffset.reserveCapacity(pats.count + 1)
        for p in pats {
            idBytes.append(contentsOf: p.id.utf8)
            idOffset.append(idBytes.count)
        }
        patIdBytes = idBytes
        patIdOffset = idOffset
        patDraw = pats.map(\.drawW)
        patHours = pats.map(\.hoursPerDay)
        epOffset = []
        episodes = []
        provDark = []
        patSelfHelp = []
        applySeed(seed, uniform: uniform)
    }

    /// The same preparation under another seed: only grid-off episodes, provider sites' power and
    /// households' choices depend on the seed, so an ensemble sorts and indexes the scenario once.
    func reseeded(_ seed: UInt64) -> Prepared {
        var p = self
        p.applySeed(seed, uniform: nil)
        return p
    }

    private mutating func applySeed(_ seed: UInt64, uniform: ((String, [String]) -> Int)?) {
        let s = scenario
        let draw: (String, [String]) -> Int = uniform ?? { z, k in Restoration.uniformPPM(seed: seed, zoneId: z, key: k) }
        var offsets = [0]
        offsets.reserveCapacity(pats.count + 1)
        var eps: [Interval] = []
        eps.reserveCapacity(pats.count)
        if uniform == nil {
            // StableHash(seed; zone id, patient id) without building key arrays: the FNV-1a state
            // after the seed and the zone id is the same for every patient, so it is computed once
            // per zone and each patient's id bytes continue from it (same definition, same numbers).
            let zoneStates = s.zones.map { z in StableHash.adding(z.id.utf8, to: StableHash.seedState(seed)) }
            var spans: [Interval] = []
            for i in pats.indices {
                spans.removeAll(keepingCapacity: true)
                for z in muniZones[patMuni[i]] {
                    let u = StableHash.uniformPPM(state: StableHash.adding(patIdBytes[patIdOffset[i]..<patIdOffset[i + 1]], to: zoneStates[z]))
                    spans += Restoration.intervals(in: s.zones[z], uniformPPM: u, horizon: horizon)
                }
                if spans.count == 1 { eps.append(spans[0]) } else if !spans.isEmpty { eps += Restoration.merge(spans) }
                offsets.append(eps.count)
            }
        } else {
            for (i, p) in pats.enumerated() {
                let m = munis[patMuni[i]]
                eps += Restoration.episodes(
                    zones: s.zones, code: m.code, areaJa: m.area.nameJa, horizon: horizon, uniform: { z in draw(z, [p.id]) })
                offsets.append(eps.count)
            }
        }
        epOffset = offsets
        episodes = eps

        let horizon = self.horizon
        provDark = provs.indices.map { i in
            let p = provs[i]
            guard !p.hasBackupPower else { return [] }
            var spans: [Interval] = []
            for z in muniZones[provMuni[i]] {
                spans += Restoration.intervals(in: s.zones[z], uniformPPM: draw(s.zones[z].id, ["provider", p.id]), horizon: horizon)
            }
            return Restoration.merge(spans)
        }

        // Households' choices, one stable draw per patient and choice (docs/MODEL.md, "Households").
        let prm = params
        patSelfHelp = pats.indices.map { i in
            let p = pats[i]
            func chance(_ what: String, _ perMille: Int) -> Bool { draw("self-help", [what, p.id]) < perMille * 1_000 }
            if p.roundTheClock && p.lifeCritical && chance("hospital", prm.hospitalSharePerMille) { return .hospital }
            if p.car.maxW >= p.drawW {
                let share = p.car == .outlet ? prm.outletUseSharePerMille : prm.carPowerSharePerMille
                if chance("car", share) { return .car }
            }
            if patExtUse[i] > 0 && chance("recharge", prm.rechargeSharePerMille) { return .recharge }
            return .none
        }
    }

    static func inside(_ spans: [Interval], _ t: Int) -> Bool {
        for d in spans where d.start <= t && t < d.end { return true }
        return false
    }

    /// Whether the provider's staff work at t (not disrupted): they phone and deliver from a
    /// dark site too (Chiba 2019: clinics without power still phoned and visited).
    @inline(__always)
    func working(provider i: Int, at t: Int) -> Bool { !Self.inside(provOut[i], t) }

    /// Whether the provider's site has power at t (grid or backup).
    @inline(__always)
    func sitePowered(provider i: Int, at t: Int) -> Bool { !Self.inside(provDark[i], t) }

    /// Travel class minutes between municipality indices a (depot) and b (patient), slowed by any
    /// travel disruption in force at `t` that covers either end (the largest percentage applies,
    /// rounded up).
    @inline(__always)
    func travelMinutes(from a: Int, to b: Int, at t: Int) -> Int {
        let base: Int
        if a == b {
            base = params.travelSameMunicipalityMinutes
        } else if muniIsland[a] || muniIsland[b] {
            base = params.travelIslandMinutes
        } else if muniArea[a] == muniArea[b] {
            base = params.travelSameAreaMinutes
        } else {
            base = params.travelElsewhereMinutes
        }
        return slowed(base, a, b, at: t)
    }

    /// The first minute after `now` at which a travel disruption starts or ends (Int.max: none).
    @inline(__always)
    func nextTravelChange(after now: Int) -> Int {
        var next = Int.max
        for d in travelSlows {
            if d.from > now { next = min(next, d.from) }
            if d.until > now { next = min(next, d.until) }
        }
        return next
    }

    @inline(__always)
    func slowed(_ minutes: Int, _ a: Int, _ b: Int, at t: Int) -> Int {
        var percent = 100
        for d in travelSlows where d.from <= t && t < d.until && (d.covers[a] || d.covers[b]) {
            percent = max(percent, d.percent)
        }
        return (minutes * percent + 99) / 100
    }
}
