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
    let provDown: [[Interval]]
    let provPatients: [[Int]]
    /// Other members of its linked group with tier >= linked, by id (empty below linked).
    let provPartners: [[Int]]
    /// Providers with backup beds, per area, by id.
    let areaHospitals: [[Int]]

    let pats: [Patient]
    let patMuni: [Int]
    let patProv: [Int]
    let patOwnMinutes: [Int]
    let patRegional: [Bool]
    /// Grid-off episodes: patient i has episodes epOffset[i] ..< epOffset[i + 1].
    let epOffset: [Int]
    let episodes: [Interval]

    let units: [PowerUnit]
    let depotUnits: [[Int]]
    let depotTeams: [Int]

    var providerCount: Int { provs.count }
    func muniDepot(_ m: Int) -> Int { provs.count + m }

    init(_ s: Scenario, seed: UInt64, uniform: ((String, [String]) -> Int)?) {
        let draw: (String, [String]) -> Int = uniform ?? { z, k in Restoration.uniformPPM(seed: seed, zoneId: z, key: k) }
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

        var offsets = [0]
        var eps: [Interval] = []
        for (i, p) in pats.enumerated() {
            let m = munis[patMuni[i]]
            eps += Restoration.episodes(
                zones: s.zones, code: m.code, areaJa: m.area.nameJa, horizon: horizon,
                uniform: { z in draw(z, [p.id]) })
            offsets.append(eps.count)
        }

        var pp = [[Int]](repeating: [], count: provs.count)
        for i in pats.indices { pp[patProv[i]].append(i) }

        provPartners = provs.indices.map { i in
            guard provs[i].tier >= .linked, let g = provs[i].linkedGroup else { return [] }
            return provs.indices.filter { j in j != i && provs[j].tier >= .linked && provs[j].linkedGroup == g }
        }
        provDown = provs.indices.map { i in
            let p = provs[i]
            var spans: [Interval] = []
            if !p.hasBackupPower {
                let m = munis[provMuni[i]]
                spans += Restoration.episodes(
                    zones: s.zones, code: m.code, areaJa: m.area.nameJa, horizon: horizon,
                    uniform: { z in draw(z, ["provider", p.id]) })
            }
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
        self.areas = areas
        areaMunis = areas.indices.map { a in munis.indices.filter { muniArea[$0] == a } }
        self.provs = provs
        self.provMuni = provMuni
        areaHospitals = areas.indices.map { a in provs.indices.filter { provs[$0].backupBeds > 0 && muniArea[provMuni[$0]] == a } }
        provPatients = pp
        self.pats = pats
        self.patMuni = patMuni
        self.patProv = patProv
        epOffset = offsets
        episodes = eps
        self.units = units
        depotUnits = dUnits
        depotTeams = provs.map { max(0, $0.deliveryTeams) } + munis.map { max(0, $0.deliveryTeams) }
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
            for m in [a, b] where Restoration.covers(targets, code: munis[m].code, areaJa: munis[m].area.nameJa) {
                percent = max(percent, pct)
            }
        }
        return (minutes * percent + 99) / 100
    }
}
