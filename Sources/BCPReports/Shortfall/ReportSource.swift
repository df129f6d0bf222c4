import BCPInput
import BCPModel
import BCPSimulator
import BCPText

/// What a run knew besides the simulator's result: stored in the result file under "report",
/// so that `bcpsim report` can render the same reports from the file alone.
public struct ReportMeta: Sendable, Equatable {
    /// The scenario folder's name, e.g. "tokyo-synthetic".
    public var scenarioId: String
    public var synthetic: Bool
    public var suppressionThreshold: Int
    public var inputs: [InputFile]
    public var counterfactual: CounterfactualResult?
    public init(scenarioId: String, synthetic: Bool, suppressionThreshold: Int, inputs: [InputFile],
                counterfactual: CounterfactualResult?) {
        self.scenarioId = scenarioId
        self.synthetic = synthetic
        self.suppressionThreshold = suppressionThreshold
        self.inputs = inputs
        self.counterfactual = counterfactual
    }
}

public struct ReportSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The result file the reports are rendered from: the simulator's `bcpsim.result/1` document
/// (ResultJSON, unchanged) with one more member at the end, "report" (ReportMeta). It holds patient
/// ids, so it is written under `restricted/`.
public enum ReportSource {
    public static let reportSchema = "bcpsim.report-source/1"

    /// The result file text for one run (replicas == 1) or an ensemble.
    public static func encode(_ result: SimulationResult, ensemble: EnsembleResult?, meta: ReportMeta) -> String {
        let base = ensemble.map { $0.replicas > 1 ? ResultJSON.encode($0) : ResultJSON.encode(result) } ?? ResultJSON.encode(result)
        return splice(base, meta)
    }

    /// Appends the "report" member to a result document written by ResultJSON.
    static func splice(_ base: String, _ meta: ReportMeta) -> String {
        var text = base
        if text.hasSuffix("\n}\n") { text.removeLast(3) } else if text.hasSuffix("}\n") { text.removeLast(2) }
        return text + ",\n  \"report\": " + metaJSON(meta).render().replacingOccurrences(of: "\n", with: "\n  ") + "\n}\n"
    }

    static func metaJSON(_ m: ReportMeta) -> OrderedJSON {
        .object([
            ("schema", .string(reportSchema)),
            ("scenarioId", .string(m.scenarioId)),
            ("synthetic", .bool(m.synthetic)),
            ("suppressionThreshold", .int(m.suppressionThreshold)),
            ("inputs", .array(m.inputs.map { .object([("file", .string($0.name)), ("fnv1a64", .string($0.fnv1a64))]) })),
            ("counterfactual", m.counterfactual.map(Counterfactual.json) ?? .null),
        ])
    }

    // MARK: Reading

    /// Reads a result file (with or without the "report" member) into the reports' data.
    public static func decode(_ text: String) throws -> ReportData {
        let root: JSONValue
        switch JSONParser.parse(text, maxDepth: 64) {
        case .success(let v): root = v
        case .failure(let f): throw ReportSourceError("not a JSON document (line \(f.line), column \(f.column): \(f.message))")
        }
        let r = J(root, "")
        let schema = try r.string("schema")
        guard schema == ResultJSON.schema else {
            throw ReportSourceError("schema is '\(schema)'; this bcpsim reads '\(ResultJSON.schema)' (a result.json written by 'bcpsim run')")
        }
        let sc = try r.obj("scenario")
        let meta = try r.optional("report")
        let params = try r.obj("parameters")
        _ = params
        let munis = try r.array("municipalities").map { m in
            ReportMunicipality(
                code: try m.string("code"), nameJa: try m.string("nameJa"), nameEn: try m.string("nameEn"),
                areaJa: try m.string("area"), population: try m.int("population"), regionalBCP: try m.bool("regionalBCP"),
                tally: try tally(m.obj("tally")), resources: try resources(m.obj("resources")))
        }
        let areas = try r.array("areas").map { a in
            ReportArea(nameJa: try a.string("nameJa"), nameEn: try a.string("nameEn"),
                       tally: try tally(a.obj("tally")), resources: try resources(a.obj("resources")))
        }
        let tiers = try r.array("tiers").map { try tally($0.obj("tally")) }
        let devices = try r.array("devices").map { try tally($0.obj("tally")) }
        guard tiers.count == BCPTier.allCases.count, devices.count == DeviceKind.allCases.count else {
            throw ReportSourceError("tiers or devices: expected \(BCPTier.allCases.count) and \(DeviceKind.allCases.count) entries")
        }
        let tl = try r.obj("timeline")
        let off = try tl.ints("gridOff"), without = try tl.ints("withoutPower"), gap = try tl.ints("gapMinutes")
        guard off.count == without.count, off.count == gap.count else { throw ReportSourceError("timeline: arrays of different lengths") }
        let timeline = off.indices.map { ReportHour(gridOff: off[$0], withoutPower: without[$0], gapMinutes: gap[$0]) }
        let patients = try r.array("patients").map { p in
            ReportPatient(
                id: try p.string("id"), municipality: try p.string("municipality"), area: try p.string("area"),
                provider: try p.string("provider"), tier: try p.string("tier"), device: try p.string("device"),
                ownReserveMinutes: try p.int("ownReserveMinutes"), outcome: try p.string("outcome"),
                gapMinutes: try p.int("gapMinutes"), firstOutageMinute: try p.optInt("firstOutageMinute"),
                restorationMinute: try p.optInt("restorationMinute"), gridOffMinutes: try p.int("gridOffMinutes"),
                depletionMinute: try p.optInt("depletionMinute"), detectionMinute: try p.optInt("detectionMinute"),
                detectionChannel: try p.optString("detectionChannel"), firstHelpMinute: try p.optInt("firstHelpMinute"),
                units: try p.strings("units"), bed: try p.optString("bed"), shortfall: try p.strings("shortfall"))
        }
        var replicas = 1
        var seeds: [UInt64] = []
        var ensembleTotals: [CountSummary] = []
        if let e = try r.optional("ensemble") {
            replicas = try e.int("replicas")
            seeds = try e.uints("seeds")
            ensembleTotals = try e.array("totals").map { CountSummary(name: try $0.string("name"), values: try $0.ints("values")) }
        }
        let seed = try sc.uint("seed")
        return ReportData(
            scenarioId: try meta?.string("scenarioId") ?? "",
            nameJa: try sc.string("nameJa"), nameEn: try sc.string("nameEn"),
            synthetic: try meta?.bool("synthetic") ?? false, seed: seed, tier: try sc.string("tier"),
            horizonMinutes: try sc.int("horizonMinutes"),
            suppressionThreshold: try meta?.int("suppressionThreshold") ?? PolicyParameters().suppressionThreshold,
            totals: try tally(r.obj("totals")), resources: try resources(r.obj("resources")),
            municipalities: munis, areas: areas, tiers: tiers, devices: devices, timeline: timeline, patients: patients,
            replicas: replicas, seeds: seeds.isEmpty ? [seed] : seeds, ensembleTotals: ensembleTotals,
            inputs: try meta?.array("inputs").map { InputFile(name: try $0.string("file"), fnv1a64: try $0.string("fnv1a64")) } ?? [],
            counterfactual: try meta?.optional("counterfactual").map(Counterfactual.decode))
    }

    static func tally(_ o: J) throws -> Tally {
        var t = Tally()
        t.patients = try o.int("patients")
        t.affected = try o.int("affected")
        t.atRisk = try o.int("atRisk")
        t.coveredOwnMeans = try o.int("coveredOwnMeans")
        t.coveredByUnit = try o.int("coveredByUnit")
        t.evacuated = try o.int("evacuated")
        t.uncovered = try o.int("uncovered")
        t.gapMinutes = try o.int("gapMinutes")
        t.maxGapMinutes = try o.int("maxGapMinutes")
        t.unitsDelivered = try o.int("unitsDelivered")
        t.bedsUsed = try o.int("bedsUsed")
        t.detected = try o.int("detected")
        t.detectionDelayTotal = try o.int("detectionDelayTotalMinutes")
        t.detectionDelayMax = try o.int("detectionDelayMaxMinutes")
        let s = try o.obj("shortfall")
        t.shortfall = try ShortfallReason.allCases.map { try s.int($0.rawValue) }
        return t
    }

    static func resources(_ o: J) throws -> ResourceUse {
        var u = ResourceUse()
        u.unitsHeld = try o.int("unitsHeld")
        u.unitsLent = try o.int("unitsLent")
        u.teams = try o.int("teams")
        u.teamTrips = try o.int("teamTrips")
        u.bedsHeld = try o.int("bedsHeld")
        u.bedsUsed = try o.int("bedsUsed")
        return u
    }
}

/// A JSON value with its path, for readable errors ("municipalities[3].tally: missing 'uncovered'").
struct J {
    let v: JSONValue
    let path: String
    init(_ v: JSONValue, _ path: String) {
        self.v = v
        self.path = path
    }

    func fail(_ what: String) -> ReportSourceError {
        ReportSourceError("result file line \(v.line): \(path.isEmpty ? "top level" : path): \(what)")
    }
    func member(_ key: String) throws -> J {
        guard case .object = v.kind else { throw fail("expected an object") }
        guard let m = v[key] else { throw fail("missing '\(key)'") }
        return J(m, path.isEmpty ? key : "\(path).\(key)")
    }
    func optional(_ key: String) throws -> J? {
        guard let m = v[key] else { return nil }
        if case .null = m.kind { return nil }
        return J(m, path.isEmpty ? key : "\(path).\(key)")
    }
    func obj(_ key: String) throws -> J {
        let m = try member(key)
        guard case .object = m.v.kind else { throw m.fail("expected an object, found \(m.v.typeName)") }
        return m
    }
    func items() throws -> [J] {
        guard case .array(let a) = v.kind else { throw fail("expected an array, found \(v.typeName)") }
        return a.enumerated().map { J($0.element, "\(path)[\($0.offset)]") }
    }
    func array(_ key: String) throws -> [J] { try member(key).items() }
    var intValue: Int? {
        if case .number(let s) = v.kind { return Int(s) }
        return nil
    }
    func int(_ key: String) throws -> Int {
        let m = try member(key)
        guard let n = m.intValue else { throw m.fail("expected a whole number, found \(m.v.typeName)") }
        return n
    }
    func uint(_ key: String) throws -> UInt64 {
        let m = try member(key)
        guard case .number(let s) = m.v.kind, let n = UInt64(s) else { throw m.fail("expected a whole number 0...2^64-1") }
        return n
    }
    func optInt(_ key: String) throws -> Int? {
        guard let m = try optional(key) else { return nil }
        guard let n = m.intValue else { throw m.fail("expected a whole number or null, found \(m.v.typeName)") }
        return n
    }
    func string(_ key: String) throws -> String {
        let m = try member(key)
        guard case .string(let s) = m.v.kind else { throw m.fail("expected a string, found \(m.v.typeName)") }
        return s
    }
    func optString(_ key: String) throws -> String? {
        guard let m = try optional(key) else { return nil }
        guard case .string(let s) = m.v.kind else { throw m.fail("expected a string or null, found \(m.v.typeName)") }
        return s
    }
    func bool(_ key: String) throws -> Bool {
        let m = try member(key)
        guard case .bool(let b) = m.v.kind else { throw m.fail("expected true or false, found \(m.v.typeName)") }
        return b
    }
    func ints(_ key: String) throws -> [Int] {
        try array(key).map { e in
            guard let n = e.intValue else { throw e.fail("expected a whole number") }
            return n
        }
    }
    func uints(_ key: String) throws -> [UInt64] {
        try array(key).map { e in
            guard case .number(let s) = e.v.kind, let n = UInt64(s) else { throw e.fail("expected a whole number") }
            return n
        }
    }
    func strings(_ key: String) throws -> [String] {
        try array(key).map { e in
            guard case .string(let s) = e.v.kind else { throw e.fail("expected a string") }
            return s
        }
    }
}
