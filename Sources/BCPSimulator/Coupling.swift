import BCPModel

/// Which patients can change each other's outcome, so that a change to a scenario is simulated
/// again only where it can matter (issue 18: incremental what-if, plan and sensitivity).
///
/// Patients share state in the simulator only through these (docs/MODEL.md):
///
/// - their secondary medical area: the municipality's depot, calls and regional neighbours, the
///   area's hospitals and beds, charging places (a municipality lies in one area);
/// - their provider: its depot, calls and site; its linked group: partners' depots and calls;
/// - their oxygen supplier: its cylinders and calls;
/// - a provider's site municipality (its beds, its power for recharging and charging).
///
/// Patients in different components share none of these, and the dispatcher never waits for an
/// unrelated event (a round follows any change in its own minute, or at the minute a look named:
/// DispatchList.swift), so a component run alone gives its patients the outcomes of the whole run.
/// CouplingTests and IncrementalTests check this on random scenarios.
///
/// Nodes: patients first (their index in the scenario), then areas, providers and linked groups
/// as met. A union-find over them; the parent array is all a copy needs to grow a change's edges.
public struct Coupling: Sendable {
    private var parent: [Int32]
    private var areaNode: [String: Int] = [:]
    private var providerNode: [String: Int] = [:]
    private var groupNode: [String: Int] = [:]
    /// Each municipality's area node (unknown codes get a node of their own).
    private var muniArea: [MunicipalityCode: Int] = [:]
    private let patientCount: Int
    /// Patient index by id (a unit placed at a home names the patient). Built once: a change keeps
    /// every patient's id and place, and building it per change cost a 1M-patient what-if more
    /// than the reruns.
    private let patientById: [String: Int]

    /// The couplings of `s`.
    public init(_ s: Scenario) {
        patientCount = s.patients.count
        var index: [String: Int] = [:]
        index.reserveCapacity(s.patients.count)
        for (i, p) in s.patients.enumerated() { index[p.id] = i }
        patientById = index
        parent = (0..<Int32(s.patients.count)).map { $0 }
        parent.reserveCapacity(s.patients.count + s.providers.count + 64)
        addMunicipalities(s)
        for (i, p) in s.patients.enumerated() { addEdges(patient: i, p) }
        for v in s.providers { addEdges(provider: v) }
    }

    private mutating func newNode() -> Int {
        let n = parent.count
        parent.append(Int32(n))
        return n
    }

    private mutating func addMunicipalities(_ s: Scenario) {
        for m in s.municipalities {
            let a: Int
            if let n = areaNode[m.area.nameJa] { a = n } else { a = newNode(); areaNode[m.area.nameJa] = a }
            if let old = muniArea[m.code], old != a { join(old, a) } else { muniArea[m.code] = a }
        }
    }

    private mutating func area(_ code: MunicipalityCode) -> Int {
        if let n = muniArea[code] { return n }
        let n = newNode()
        muniArea[code] = n
        return n
    }

    private mutating func provider(_ id: String) -> Int {
        if let n = providerNode[id] { return n }
        let n = newNode()
        providerNode[id] = n
        return n
    }

    private mutating func group(_ id: String) -> Int {
        if let n = groupNode[id] { return n }
        let n = newNode()
        groupNode[id] = n
        return n
    }

    private mutating func root(_ x: Int) -> Int {
        var r = x
        while Int(parent[r]) != r { r = Int(parent[r]) }
        var y = x
        while Int(parent[y]) != r {
            let next = Int(parent[y])
            parent[y] = Int32(r)
            y = next
        }
        return r
    }

    private mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = Int32(min(ra, rb)) }
    }

    private mutating func addEdges(patient i: Int, _ p: Patient) {
        join(i, area(p.municipality))
        join(i, provider(p.providerId))
        if let sup = p.supplierId { join(i, provider(sup)) }
    }

    private mutating func addEdges(provider v: Provider) {
        let n = provider(v.id)
        join(n, area(v.municipality))
        if let g = v.linkedGroup { join(n, group(g)) }
    }

    /// The node a unit belongs to (its depot, or the home it is placed at); nil for a home not in
    /// the scenario.
    private mutating func owner(_ u: PowerUnit, patientIndex: (String) -> Int?) -> Int? {
        switch u.owner {
        case .provider(let id): return provider(id)
        case .municipality(let c): return area(c)
        case .patient(let id): return patientIndex(id)
        }
    }

    /// What of `changed` has to be simulated again, given that this is the coupling of `base`:
    /// the components (of both scenarios' couplings joined) that hold something the change
    /// touched. Nil when the change touches what every patient depends on (parameters, zones,
    /// disruptions, the horizon, the list of patients, providers or municipalities): then
    /// everything is simulated again.
    public func change(from base: Scenario, to changed: Scenario) -> Restriction? {
        guard base.patients.count == changed.patients.count,
              base.providers.count == changed.providers.count,
              base.municipalities.count == changed.municipalities.count else { return nil }
        var a = base, b = changed
        a.patients = []; b.patients = []
        a.providers = []; b.providers = []
        a.municipalities = []; b.municipalities = []
        a.units = []; b.units = []
        guard a == b else { return nil }
        var c = self
        var touched: [Int] = []
        for i in base.patients.indices where base.patients[i] != changed.patients[i] {
            guard base.patients[i].id == changed.patients[i].id else { return nil }
            c.addEdges(patient: i, changed.patients[i])
            touched.append(i)
        }
        for k in base.providers.indices where base.providers[k] != changed.providers[k] {
            guard base.providers[k].id == changed.providers[k].id else { return nil }
            c.addEdges(provider: changed.providers[k])
            touched.append(c.provider(changed.providers[k].id))
        }
        for k in base.municipalities.indices where base.municipalities[k] != changed.municipalities[k] {
            guard base.municipalities[k].code == changed.municipalities[k].code else { return nil }
            c.addMunicipalities(changed)
            touched.append(c.area(changed.municipalities[k].code))
        }
        let index = patientById
        func patientIndex(_ id: String) -> Int? { index[id] }
        if base.units != changed.units {
            var before: [String: PowerUnit] = [:]
            for u in base.units { before[u.id] = u }
            var after: [String: PowerUnit] = [:]
            for u in changed.units { after[u.id] = u }
            for u in changed.units where before[u.id] != u {
                guard let n = c.owner(u, patientIndex: patientIndex) else { return nil }
                touched.append(n)
            }
            for u in base.units where after[u.id] != u {
                guard let n = c.owner(u, patientIndex: patientIndex) else { return nil }
                touched.append(n)
            }
        }
        var hit = [Bool](repeating: false, count: c.parent.count)
        for t in touched { hit[c.root(t)] = true }
        let patients = (0..<c.patientCount).map { hit[c.root($0)] }
        let providers = changed.providers.map { hit[c.root(c.provider($0.id))] }
        let units = changed.units.map { u in c.owner(u, patientIndex: patientIndex).map { hit[c.root($0)] } ?? false }
        return Restriction(patients: patients, providers: providers, units: units)
    }

    /// Component label per patient of the scenario (the smallest node of its component): patients
    /// with the same label may affect each other; others cannot.
    public func components() -> [Int] {
        var c = self
        return (0..<patientCount).map { c.root($0) }
    }

    /// The part of a scenario that is simulated again: its patients, providers and units marked.
    public struct Restriction: Sendable {
        /// Per patient of the changed scenario.
        public let patients: [Bool]
        let providers: [Bool]
        let units: [Bool]
        public var count: Int { patients.reduce(0) { $0 + ($1 ? 1 : 0) } }

        /// The scenario with only the marked patients, providers and units; municipalities all
        /// stay (so that per-municipality figures line up).
        public func apply(to s: Scenario) -> Scenario {
            var r = s
            r.patients = s.patients.indices.filter { patients[$0] }.map { s.patients[$0] }
            r.providers = s.providers.indices.filter { providers[$0] }.map { s.providers[$0] }
            r.units = s.units.indices.filter { units[$0] }.map { s.units[$0] }
            return r
        }
    }

    /// The restriction of `s` to the components whose label is marked in `keep` (a patient mask
    /// that holds whole components, as `components` labels them).
    public func restriction(of s: Scenario, keep: [Bool]) -> Restriction {
        var c = self
        var kept = [Bool](repeating: false, count: c.parent.count)
        for i in s.patients.indices where keep[i] { kept[c.root(i)] = true }
        var index: [String: Int] = [:]
        for (i, p) in s.patients.enumerated() { index[p.id] = i }
        return Restriction(
            patients: keep, providers: s.providers.map { kept[c.root(c.provider($0.id))] },
            units: s.units.map { u in c.owner(u, patientIndex: { index[$0] }).map { kept[c.root($0)] } ?? false })
    }
}
