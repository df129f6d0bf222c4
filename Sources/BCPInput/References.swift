import BCPModel

/// Resolves and checks references between tables: duplicate ids, unknown municipalities,
/// providers, unit owners, zone areas. Dictionaries here are only looked up, never iterated,
/// so their order cannot reach the result.
struct References {
    let municipalities: [Municipality]
    private let codes: Set<MunicipalityCode>
    private let areaNames: [String]
    private var providerLines: [String: Int] = [:]
    private var providerKinds: [String: ProviderKind] = [:]
    private var patientLines: [String: Int] = [:]
    /// False when providers.csv or patients.csv could not be read at all: references to them are
    /// then not checked, rather than each reported as unknown.
    var providersRead = true
    var patientsRead = true

    init(municipalities: [Municipality]) {
        self.municipalities = municipalities
        codes = Set(municipalities.map(\.code))
        var names: [String] = []
        for m in municipalities where !names.contains(m.area.nameJa) { names.append(m.area.nameJa) }
        areaNames = names
    }

    private func checkCode(_ t: CSVTable, _ row: CSVRecord, _ column: String, _ code: MunicipalityCode, _ d: inout Diagnostics) -> Bool {
        if codes.contains(code) { return true }
        t.error(row, column, "unknown municipality code \(code): not in the municipality table (Tokyo's 62, or municipalities.csv)", &d)
        return false
    }

    mutating func providers(_ t: CSVTable, _ d: inout Diagnostics) -> [Provider] {
        var out: [Provider] = []
        for row in t.rows {
            guard let p = ScenarioTables.provider(t, row, &d) else {
                // The row's problem is reported; its id still exists for references to it.
                if let id = t.text(row, "id"), providerLines[id] == nil { providerLines[id] = row.line }
                continue
            }
            if let first = providerLines[p.id] {
                t.error(row, "id", "duplicate provider id \(p.id) (first at line \(first))", &d)
                continue
            }
            providerLines[p.id] = row.line
            providerKinds[p.id] = p.kind
            if checkCode(t, row, "municipality", p.municipality, &d) { out.append(p) }
        }
        return out
    }

    mutating func patients(_ t: CSVTable, _ d: inout Diagnostics) -> [Patient] {
        var out: [Patient] = []
        out.reserveCapacity(t.rows.count)
        for row in t.rows {
            guard let p = ScenarioTables.patient(t, row, &d) else {
                if let id = t.text(row, "id"), patientLines[id] == nil { patientLines[id] = row.line }
                continue
            }
            if let first = patientLines[p.id] {
                t.error(row, "id", "duplicate patient id \(p.id) (first at line \(first))", &d)
                continue
            }
            patientLines[p.id] = row.line
            var ok = checkCode(t, row, "municipality", p.municipality, &d)
            if providersRead && providerLines[p.providerId] == nil {
                t.error(row, "provider", "unknown provider \(p.providerId): no such id in providers.csv", &d)
                ok = false
            }
            if let s = p.supplierId, providersRead {
                if providerLines[s] == nil {
                    t.error(row, "supplier", "unknown supplier \(s): no such id in providers.csv", &d)
                    ok = false
                } else if let kind = providerKinds[s], kind != .supplier {
                    t.error(row, "supplier", "\(s) is a \(kind.rawValue), not an oxygen supplier (kind supplier)", &d)
                    ok = false
                }
            }
            if ok { out.append(p) }
        }
        return out
    }

    func units(_ t: CSVTable, _ d: inout Diagnostics) -> [PowerUnit] {
        var out: [PowerUnit] = []
        var lines: [String: Int] = [:]
        for row in t.rows {
            guard let (unit, ownerType, owner) = ScenarioTables.unit(t, row, &d) else { continue }
            var u = unit
            if let first = lines[u.id] {
                t.error(row, "id", "duplicate unit id \(u.id) (first at line \(first))", &d)
                continue
            }
            lines[u.id] = row.line
            switch ownerType {
            case "municipality":
                guard let c = MunicipalityCode(owner) else {
                    t.error(row, "owner", CSVTable.invalidCodeMessage(owner) + " (owner_type is municipality)", &d)
                    continue
                }
                guard checkCode(t, row, "owner", c, &d) else { continue }
                u.owner = .municipality(c)
            case "provider":
                guard !providersRead || providerLines[owner] != nil else {
                    t.error(row, "owner", "unknown provider \(owner): no such id in providers.csv", &d)
                    continue
                }
                u.owner = .provider(owner)
            default:
                guard !patientsRead || patientLines[owner] != nil else {
                    t.error(row, "owner", "unknown patient \(owner): no such id in patients.csv", &d)
                    continue
                }
                u.owner = .patient(owner)
            }
            out.append(u)
        }
        return out
    }

    private func targets(_ refs: [TargetRef], _ path: String, _ d: inout Diagnostics) -> [ZoneTarget] {
        var out: [ZoneTarget] = []
        for r in refs {
            if r.isArea {
                if areaNames.contains(r.text) { out.append(.area(r.text)) } else {
                    d.error(path, r.value.line, r.value.column, "\(r.keyPath): unknown secondary medical area \"\(r.text)\"; known: \(areaNames.joined(separator: ", "))")
                }
            } else if let c = MunicipalityCode(r.text), codes.contains(c) {
                out.append(.municipality(c))
            } else if MunicipalityCode(r.text) == nil {
                d.error(path, r.value.line, r.value.column, "\(r.keyPath): \(CSVTable.invalidCodeMessage(r.text))")
            } else {
                d.error(path, r.value.line, r.value.column, "\(r.keyPath): unknown municipality code \"\(r.text.prefix(40))\"")
            }
        }
        return out
    }

    func zones(_ specs: [ZoneSpec], _ path: String, _ d: inout Diagnostics) -> [OutageZone] {
        var out: [OutageZone] = []
        var owner: [MunicipalityCode: String] = [:]
        for z in specs {
            if out.contains(where: { $0.id == z.id }) {
                d.error(path, z.idValue.line, z.idValue.column, "\(z.keyPath).id: duplicate zone id \(z.id)")
                continue
            }
            var ts: [ZoneTarget] = []
            // Each target with its own reference, so that a clash is located at the right one
            // even when an earlier target of the zone was unknown.
            for ref in z.targets {
                guard let t = targets([ref], path, &d).first else { continue }
                ts.append(t)
                let members: [MunicipalityCode]
                switch t {
                case .municipality(let c): members = [c]
                case .area(let a): members = municipalities.filter { $0.area.nameJa == a }.map(\.code)
                }
                for c in members {
                    if let other = owner[c], other != z.id {
                        d.error(path, ref.value.line, ref.value.column, "\(ref.keyPath): municipality \(c) is already in zone \(other); a municipality belongs to one zone")
                    }
                    owner[c] = z.id
                }
            }
            out.append(OutageZone(id: z.id, targets: ts, startMinute: z.startMinute, shape: z.shape))
        }
        return out
    }

    func disruptions(_ specs: [DisruptionSpec], _ path: String, _ d: inout Diagnostics) -> [Disruption] {
        specs.compactMap { spec in
            switch spec {
            case .providerOut(let p, let from, let until, let v, let kp):
                guard !providersRead || providerLines[p] != nil else {
                    d.error(path, v.line, v.column, "\(kp): unknown provider \(p): no such id in providers.csv")
                    return nil
                }
                return .providerOut(providerId: p, fromMinute: from, untilMinute: until)
            case .travelSlowed(let refs, let pct, let from, let until):
                return .travelSlowed(targets: targets(refs, path, &d), percent: pct, fromMinute: from, untilMinute: until)
            }
        }
    }
}
