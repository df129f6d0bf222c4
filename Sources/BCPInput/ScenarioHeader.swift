import BCPModel

/// A zone target as written, with its location, resolved against the municipality table later.
struct TargetRef {
    var text: String
    var isArea: Bool
    var value: JSONValue
    var keyPath: String
}

struct ZoneSpec {
    var id: String
    /// Where the id is written and the zone's key path, to locate a duplicate id.
    var idValue: JSONValue
    var keyPath: String
    var targets: [TargetRef]
    var startMinute: Int
    var shape: OutageShape
}

enum DisruptionSpec {
    case providerOut(provider: String, from: Int, until: Int?, value: JSONValue, keyPath: String)
    case travelSlowed(targets: [TargetRef], percent: Int, from: Int, until: Int?)
}

/// What scenario.json says, checked for shape and ranges; references are resolved by the loader.
struct ScenarioHeader {
    var schemaVersion = 1
    var nameJa = ""
    var nameEn = ""
    var description = ""
    var synthetic = false
    var seed: UInt64 = 0
    /// Minutes after midnight at minute 0 ("start_clock").
    var startClockMinute = 0
    var horizonMinutes = 0
    var encoding = TextEncoding.auto
    var files: [String: String] = ["patients": "patients.csv", "providers": "providers.csv", "units": "units.csv"]
    var zones: [ZoneSpec] = []
    var disruptions: [DisruptionSpec] = []
    var parameters = PolicyParameters()

    static let supportedSchema = 1
    static let topKeys = [
        "schema", "name", "description", "synthetic", "seed", "start_clock", "horizon_hours", "encoding", "files", "curves",
        "zones", "disruptions", "parameters", "sources",
    ]
    static let fileKeys = ["patients", "providers", "units", "municipalities"]

    /// Reads the header from the parsed document; problems go into `r.diags`.
    static func read(_ doc: JSONValue, _ r: inout JSONReader) -> ScenarioHeader {
        var h = ScenarioHeader()
        guard let members = r.object(doc, "", allowed: topKeys) else { return h }
        func member(_ k: String) -> JSONValue? { members.first { $0.0 == k }?.1 }
        guard let schema = member("schema") else {
            r.diags.error(r.path, doc.line, doc.column, "missing key \"schema\" (the scenario format version, \(supportedSchema))")
            return h
        }
        if let v = r.int(schema, "schema", range: 0...1_000, unit: "version"), v != supportedSchema {
            r.error(schema, "schema", "unsupported schema version \(v); this bcpsim reads version \(supportedSchema)")
            return h
        }
        if let name = member("name"), let m = r.object(name, "name", allowed: ["ja", "en"]) {
            for (k, v) in m {
                if k == "ja" { h.nameJa = r.string(v, "name.ja") ?? "" } else { h.nameEn = r.string(v, "name.en") ?? "" }
            }
        }
        if h.nameJa.isEmpty || h.nameEn.isEmpty {
            r.diags.error(r.path, doc.line, doc.column, "name: both \"ja\" and \"en\" names are required")
        }
        if let v = member("description") { h.description = r.string(v, "description") ?? "" }
        if let v = member("synthetic") { h.synthetic = r.bool(v, "synthetic") ?? false }
        if let v = member("seed"), let s = r.seed(v, "seed") { h.seed = s }
        if let v = member("start_clock"), let text = r.string(v, "start_clock") {
            if let m = ClockTime.minutes(text) {
                h.startClockMinute = m
            } else {
                r.error(v, "start_clock", "expected the clock time at the scenario's start as \"HH:MM\" (00:00 to 23:59), found \"\(text.prefix(40))\"")
            }
        }
        if let v = member("horizon_hours") {
            if let m = r.hoursAsMinutes(v, "horizon_hours") {
                if m <= 0 { r.error(v, "horizon_hours", "horizon must be > 0 hours") } else { h.horizonMinutes = m }
            }
        } else {
            r.diags.error(r.path, doc.line, doc.column, "missing key \"horizon_hours\" (how long to simulate, e.g. 168)")
        }
        if let v = member("encoding"), let e = r.string(v, "encoding") {
            if let enc = TextEncoding(rawValue: e) { h.encoding = enc } else {
                r.error(v, "encoding", "expected one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(e)\"")
            }
        }
        if let v = member("files"), let m = r.object(v, "files", allowed: fileKeys) {
            for (k, fv) in m {
                guard let name = r.string(fv, "files.\(k)") else { continue }
                if name.contains("/") || name.contains("\\") || name.hasPrefix(".") {
                    r.error(fv, "files.\(k)", "expected a file name inside the scenario folder, found \"\(name)\"")
                } else { h.files[k] = name }
            }
        }
        // An invalid curve is kept as nil: reported once here, not again by the zones naming it.
        var curves: [(String, RestorationCurve?)] = []
        if let v = member("curves"), case .object(let named) = v.kind {
            for (k, cv) in named { curves.append((k, readCurve(cv, "curves.\(k)", &r))) }
        } else if let v = member("curves") {
            r.error(v, "curves", "expected an object of named curves, found \(v.typeName)")
        }
        if let v = member("zones"), let items = r.array(v, "zones") {
            for (i, z) in items.enumerated() {
                if let spec = readZone(z, "zones[\(i)]", curves: curves, &r) { h.zones.append(spec) }
            }
        }
        if let v = member("disruptions"), let items = r.array(v, "disruptions") {
            if items.count > InputLimits.maxDisruptions {
                r.error(v, "disruptions", "a scenario has at most \(InputLimits.maxDisruptions) disruptions, found \(items.count)")
            } else {
                for (i, d) in items.enumerated() { if let spec = readDisruption(d, "disruptions[\(i)]", &r) { h.disruptions.append(spec) } }
            }
        }
        h.checkLimits(doc, &r)
        if let v = member("parameters") { h.parameters = ParameterTable.read(v, &r) }
        return h
    }

    /// [[hour, fraction restored], ...] with fraction in 0...1.
    static func readCurve(_ v: JSONValue, _ kp: String, _ r: inout JSONReader) -> RestorationCurve? {
        guard let items = r.array(v, kp) else { return nil }
        guard items.count <= InputLimits.maxCurvePoints else {
            r.error(v, kp, "a curve has at most \(InputLimits.maxCurvePoints) points, found \(items.count)")
            return nil
        }
        var points: [CurvePoint] = []
        for (i, p) in items.enumerated() {
            guard let pair = r.array(p, "\(kp)[\(i)]") else { return nil }
            guard pair.count == 2 else {
                r.error(p, "\(kp)[\(i)]", "expected [hour, fraction restored], found \(pair.count) numbers")
                return nil
            }
            guard let m = r.hoursAsMinutes(pair[0], "\(kp)[\(i)][0]"),
                let f = r.scaled(pair[1], "\(kp)[\(i)][1]", by: RestorationCurve.full, range: 0...RestorationCurve.full, unit: "fraction restored (0 to 1)")
            else { return nil }
            points.append(CurvePoint(minute: m, restoredPPM: f))
        }
        let curve = RestorationCurve(points: points)
        if let why = curve.invalidReason {
            r.error(v, kp, why)
            return nil
        }
        return curve
    }

    static func readTargets(_ members: [(String, JSONValue)], _ kp: String, _ r: inout JSONReader) -> [TargetRef] {
        var out: [TargetRef] = []
        for (k, v) in members where k == "municipalities" || k == "areas" {
            guard let items = r.array(v, "\(kp).\(k)") else { continue }
            for (i, item) in items.enumerated() {
                if let s = r.string(item, "\(kp).\(k)[\(i)]") {
                    out.append(TargetRef(text: s, isArea: k == "areas", value: item, keyPath: "\(kp).\(k)[\(i)]"))
                }
            }
        }
        return out
    }

    static func readZone(_ z: JSONValue, _ kp: String, curves: [(String, RestorationCurve?)], _ r: inout JSONReader) -> ZoneSpec? {
        let keys = ["id", "municipalities", "areas", "start_hour", "curve", "rolling"]
        guard let m = r.object(z, kp, allowed: keys) else { return nil }
        func member(_ k: String) -> JSONValue? { m.first { $0.0 == k }?.1 }
        guard let idv = member("id"), let id = r.string(idv, "\(kp).id") else {
            r.error(z, kp, "a zone needs an \"id\"")
            return nil
        }
        let targets = readTargets(m, kp, &r)
        if targets.isEmpty { r.error(z, kp, "a zone needs \"municipalities\" or \"areas\"") }
        let start = member("start_hour").flatMap { r.hoursAsMinutes($0, "\(kp).start_hour") } ?? 0
        var shape: OutageShape?
        switch (member("curve"), member("rolling")) {
        case (let c?, nil):
            if case .string(let name) = c.kind {
                if let found = curves.first(where: { $0.0 == name }) { shape = found.1.map(OutageShape.restoration) } else {
                    r.error(c, "\(kp).curve", "unknown curve \"\(name)\"; named curves: \(curves.map(\.0).joined(separator: ", "))")
                }
            } else if let curve = readCurve(c, "\(kp).curve", &r) { shape = .restoration(curve) }
        case (nil, let roll?):
            shape = readRolling(roll, "\(kp).rolling", &r).map(OutageShape.rolling)
        default:
            r.error(z, kp, "a zone needs exactly one of \"curve\" (restoration) or \"rolling\" (planned blackout)")
        }
        guard let s = shape else { return nil }
        return ZoneSpec(id: id, idValue: idv, keyPath: kp, targets: targets, startMinute: start, shape: s)
    }

    /// {"groups": 5, "repeat_days": 14, "blocks": [{"group": 1, "start_hour": 6.33, "hours": 3.67}, ...]}
    static func readRolling(_ v: JSONValue, _ kp: String, _ r: inout JSONReader) -> RollingSchedule? {
        guard let m = r.object(v, kp, allowed: ["groups", "blocks", "repeat_days"]) else { return nil }
        func member(_ k: String) -> JSONValue? { m.first { $0.0 == k }?.1 }
        guard let gv = member("groups"), let groups = r.int(gv, "\(kp).groups", range: 1...100, unit: "groups"),
            let bv = member("blocks"), let items = r.array(bv, "\(kp).blocks")
        else {
            r.error(v, kp, "a rolling schedule needs \"groups\" and \"blocks\"")
            return nil
        }
        let days = member("repeat_days").flatMap { r.int($0, "\(kp).repeat_days", range: 1...100, unit: "days") } ?? 1
        var blocks: [RollingBlock] = []
        for (i, b) in items.enumerated() {
            let bkp = "\(kp).blocks[\(i)]"
            guard let bm = r.object(b, bkp, allowed: ["group", "start_hour", "hours"]),
                let g = bm.first(where: { $0.0 == "group" }).flatMap({ r.int($0.1, "\(bkp).group", range: 1...groups, unit: "group number") }),
                let s = bm.first(where: { $0.0 == "start_hour" }).flatMap({ r.hoursAsMinutes($0.1, "\(bkp).start_hour") }),
                let hv = bm.first(where: { $0.0 == "hours" }), let d = r.hoursAsMinutes(hv.1, "\(bkp).hours", max: 7 * 24 * 60), d > 0
            else {
                r.error(b, bkp, "a block needs \"group\" (1...\(groups)), \"start_hour\" and \"hours\" > 0")
                continue
            }
            guard d >= InputLimits.minBlockMinutes else {
                r.error(hv.1, "\(bkp).hours", "a rolling block lasts at least \(InputLimits.minBlockMinutes) minutes (0.5 hours); this one lasts \(d) minute\(d == 1 ? "" : "s")")
                continue
            }
            for day in 0..<days { blocks.append(RollingBlock(group: g, startMinute: s + day * 1440, durationMinutes: d)) }
            // Counted as they are made: a schedule past the limits is not built further.
            if blocks.count > InputLimits.maxBlocksPerZone {
                r.error(bv, "\(kp).blocks", "a zone has at most \(InputLimits.maxBlocksPerZone) blocks (repeat_days included), "
                    + "found more: \(items.count) blocks x \(days) days")
                return nil
            }
        }
        var perGroup = [Int](repeating: 0, count: groups + 1)
        for b in blocks { perGroup[b.group] += 1 }
        if let g = perGroup.indices.max(by: { perGroup[$0] < perGroup[$1] }), perGroup[g] > InputLimits.maxBlocksPerGroup {
            r.error(bv, "\(kp).blocks", "group \(g) has \(perGroup[g]) blocks (repeat_days included); a group has at most "
                + "\(InputLimits.maxBlocksPerGroup), the grid-off spans one customer may go through")
            return nil
        }
        return RollingSchedule(groups: groups, blocks: blocks.sorted { ($0.startMinute, $0.group) < ($1.startMinute, $1.group) })
    }

    /// The limits over the whole scenario: rolling blocks of all zones, and the municipalities
    /// and areas all zones and disruptions name.
    func checkLimits(_ doc: JSONValue, _ r: inout JSONReader) {
        var blocks = 0
        for z in zones {
            guard case .rolling(let s) = z.shape else { continue }
            blocks += s.blocks.count
            if blocks > InputLimits.maxBlocksPerScenario {
                r.error(z.idValue, z.keyPath, "the zones' rolling blocks come to \(blocks) with this zone (repeat_days included); "
                    + "a scenario has at most \(InputLimits.maxBlocksPerScenario)")
                break
            }
        }
        var refs = zones.flatMap(\.targets)
        for d in disruptions { if case .travelSlowed(let t, _, _, _) = d { refs += t } }
        if refs.count > InputLimits.maxTargets {
            let ref = refs[InputLimits.maxTargets]
            r.error(ref.value, ref.keyPath, "the zones and disruptions name more than \(InputLimits.maxTargets) municipalities and areas; "
                + "a scenario names at most \(InputLimits.maxTargets)")
        }
    }

    static func readDisruption(_ v: JSONValue, _ kp: String, _ r: inout JSONReader) -> DisruptionSpec? {
        let keys = ["type", "provider", "municipalities", "areas", "percent", "from_hour", "until_hour"]
        guard let m = r.object(v, kp, allowed: keys) else { return nil }
        func member(_ k: String) -> JSONValue? { m.first { $0.0 == k }?.1 }
        let from = member("from_hour").flatMap { r.hoursAsMinutes($0, "\(kp).from_hour") } ?? 0
        var until: Int?
        if let u = member("until_hour"), u.kind != .null { until = r.hoursAsMinutes(u, "\(kp).until_hour") }
        if let u = until, u <= from { r.error(member("until_hour")!, "\(kp).until_hour", "must be later than from_hour") }
        switch member("type").flatMap({ r.string($0, "\(kp).type") }) {
        case "provider_out":
            guard let pv = member("provider"), let p = r.string(pv, "\(kp).provider") else {
                r.error(v, kp, "provider_out needs \"provider\" (a provider id)")
                return nil
            }
            return .providerOut(provider: p, from: from, until: until, value: pv, keyPath: "\(kp).provider")
        case "travel_slowed":
            guard let pv = member("percent"), let pct = r.int(pv, "\(kp).percent", range: 100...2_000, unit: "percent of normal travel time") else {
                r.error(v, kp, "travel_slowed needs \"percent\" (100...2000, e.g. 200 for twice as long)")
                return nil
            }
            return .travelSlowed(targets: readTargets(m, kp, &r), percent: pct, from: from, until: until)
        case let other:
            r.error(member("type") ?? v, "\(kp).type", "expected \"provider_out\" or \"travel_slowed\", found \(other.map { "\"\($0)\"" } ?? "nothing")")
            return nil
        }
    }
}
