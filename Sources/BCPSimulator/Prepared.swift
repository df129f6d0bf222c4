import BCPEngine
import BCPModel

/// The scenario turned into index-based arrays, once per run: patients sorted by id (so an index
/// order is an id order), providers sorted by id, municipalities by code, areas by Japanese name.
/// Depots are where units wait with their delivery teams: depot i < providers.count is provider i,
/// depot providers.count + m is municipality m.
struct Prepared {
    let scenario: Scenario
    let params: PolicyParameters
    let horizon: Int

    let munis: [Municipality]
    let muniArea: [Int]
    let areas: [SecondaryArea]
    let areaMunis: [[Int]]

    let provs: [Provider]
    let provMuni: [Int]
    /// Spans in which the provider is not working (disrupted, or its site without grid and backup).
    private(set) var provDown: [[Interval]]
    let provPatients: [[Int]]
    /// Other members of its linked group with tier >= linked, by id (empty below linked).
    let provPartners: [[Int]]
    /// Provider depots a patient of this provider draws from, in DispatchPolicy order: the provider
    /// itself (institutional and above), then its partners.
    let provDepots: [[Int]]
    /// Providers with backup beds, per area, by id.
    let areaHospitals: [[Int]]

    let pats: [Patient]
    let patMuni: [Int]
    let patProv: [Int]
    let patOwnMinutes: [Int]
    let patRegional: [Bool]
    /// Grid-off episodes: patient i has episodes epOffset[i] ..< epOffset[i + 1].
    private(set) var epOffset: [Int]
    private(set) var episodes: [Interval]

    /// Seed-independent helpers for `reseeded`: the zones covering each municipality (scenario
    /// order) and every patient id's UTF-8 bytes, flat (patient i: patIdOffset[i] ..< [i + 1]).
    let muniZones: [[Int]]
    let patIdBytes: [UInt8]
    let patIdOffset: [Int]

    let units: [PowerUnit]
    let depotUnits: [[Int]]
    let depotTeams: [Int]

    /// Per patient, the two figures a unit's minutes depend on (so the hot path does not copy a
    /// Patient with its strings): draw W and hours of use per day.
    let patDraw: [Int]
    let patHours: [Int]

    var providerCount: Int { provs.count }

    /// `units[u].minutes(for: pats[i])`, from the two figures it depends on.
    @inline(__always)
    func unitMinutes(_ u: Int, for i: Int) -> Int {
        units[u].minutes(drawW: patDraw[i], hoursPerDay: patHours[i])
    }
    func muniDepot(_ m: Int) -> Int { provs.count + m }

    init(_ s: Scenario, seed: UInt64, uniform: ((String, [String]) -> Int)?) {
        let horizon = s.horizonMinutes

        let munis = s.municipalities.sorted { $0.code < $1.code }
        var codeIndex: [MunicipalityCode: Int] = [:]
        for (i, m) in munis.enumerated() { codeIndex[m.code] = i }
        let areas = s.areas
        let muniArea = munis.map { m in areas.firstIndex(of: m.area)! }

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
        var ownUnitMinutes = [Int](repeating: 0, count: pats.count)
        for (u, unit) in units.enumerated() {
            switch unit.owner {
            case .provider(let id): if let i = provIndex[id] { dUnits[i].append(u) }
            case .municipality(let c): if let m = codeIndex[c] { dUnits[provs.count + m].append(u) }
            case .patient(let id): if let i = patIndex[id] { ownUnitMinutes[i] += unit.minutes(for: pats[i]) }
            }
        }

        let usableGenerators = s.parameters.ownGeneratorsUsable
        patOwnMinutes = pats.indices.map { i in
            let p = pats[i]
            return p.minutes(ofEnergyWh: p.batteryWh) + (usableGenerators ? p.generatorMinutes : 0) + ownUnitMinutes[i]
        }
        patRegional = pats.indices.map { i in provs[patProv[i]].tier == .regional || munis[patMuni[i]].hasRegionalBCP }

        var pp = [[Int]](repeating: [], count: provs.count)
        for i in pats.indices { pp[patProv[i]].append(i) }

        // Members of each linked group at tier linked or above, by id (providers are sorted by
        // id). Grouped once: a scan of all providers per provider was quadratic (10^10 steps for
        // a Japan-wide roster of 227,000 providers).
        var groups: [String: [Int]] = [:]
        for (j, p) in provs.enumerated() where p.tier >= .linked {
            if let g = p.linkedGroup { groups[g, default: []].append(j) }
        }
        provPartners = provs.indices.map { i in
            guard provs[i].tier >= .linked, let g = provs[i].linkedGroup else { return [] }
            return groups[g, default: []].filter { $0 != i }
        }
        let partners = provPartners
        provDepots = provs.indices.map { i in (provs[i].tier >= .institutional ? [i] : []) + partners[i] }
        scenario = s
        params = s.parameters
        self.horizon = horizon
        self.munis = munis
        self.muniArea = muniArea
        self.areas = areas
        var byArea = [[Int]](repeating: [], count: areas.count)
        for m in munis.indices { byArea[muniArea[m]].append(m) }
        areaMunis = byArea
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
        depotUnits = dUnits
        depotTeams = provs.map { max(0, $0.deliveryTeams) } + munis.map { max(0, $0.deliveryTeams) }
        muniZones = munis.map { m in s.zones.indices.filter { s.zones[$0].targets.covers(code: m.code, areaJa: m.area.nameJa) } }
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
        provDown = []
        applySeed(seed, uniform: uniform)
    }

    /// The same preparation under another seed: only grid-off episodes and provider down spans
    /// depend on the seed, so an ensemble sorts and indexes the scenario once (issue 10: the
    /// per-replica preparation was 40% of a Tokyo ensemble).
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
            // after the seed and the zone id is the same for every patient, so it is computed
            // once per zone and each patient's id bytes continue from it (same definition, same
            // numbers; see StableHash).
            let zoneStates = s.zones.map { z in StableHash.adding(z.id.utf8, to: StableHash.seedState(seed)) }
            var spans: [Interval] = []
            for i in pats.indices {
                let zs = muniZones[patMuni[i]]
                spans.removeAll(keepingCapacity: true)
                for z in zs {
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
                    zones: s.zones, code: m.code, areaJa: m.area.nameJa, horizon: horizon,
                    uniform: { z in draw(z, [p.id]) })
                offsets.append(eps.count)
            }
        }
        epOffset = offsets
        episodes = eps

        let horizon = self.horizon
        provDown = provs.indices.map { i in
            let p = provs[i]
            var spans: [Interval] = []
            if !p.hasBackupPower {
                // The zones covering the provider's municipality, from the table made once (a
                // Japan-wide zone names 200 areas; comparing them per provider was 10% of a run).
                for z in muniZones[provMuni[i]] {
                    spans += Restoration.intervals(in: s.zones[z], uniformPPM: draw(s.zones[z].id, ["provider", p.id]), horizon: horizon)
                }
            }
            for d in s.disruptions {
                if case .providerOut(let id, let from, let until) = d, id == p.id {
                    let a = max(0, from), b = min(horizon, until ?? horizon)
                    if a < b { spans.append(Interval(start: a, end: b)) }
                }
            }
            return Restoration.merge(spans)
        }
    }

    func working(provider i: Int, at t: Int) -> Bool {
        for d in provDown[i] where d.start <= t && t < d.end { return false }
        return true
    }

    /// Travel class minutes between municipality indices a (depot) and b (patient), slowed by any
    /// travel disruption in force at `t` that covers either end (the largest percentage applies,
    /// rounded up).
    func travelMinutes(from a: Int, to b: Int, at t: Int) -> Int {
        let base: Int
        if a == b {
            base = params.travelSameMunicipalityMinutes
        } else if munis[a].island || munis[b].island {
            base = params.travelIslandMinutes
        } else if muniArea[a] == muniArea[b] {
            base = params.travelSameAreaMinutes
        } else {
            base = params.travelElsewhereMinutes
        }
        return slowed(base, a, b, at: t)
    }

    func slowed(_ minutes: Int, _ a: Int, _ b: Int, at t: Int) -> Int {
        var percent = 100
        for d in scenario.disruptions {
            guard case .travelSlowed(let targets, let pct, let from, let until) = d else { continue }
            guard from <= t && t < (until ?? Int.max) else { continue }
            for m in [a, b] where targets.covers(code: munis[m].code, areaJa: munis[m].area.nameJa) {
                percent = max(percent, pct)
            }
        }
        return (minutes * percent + 99) / 100
    }
}
