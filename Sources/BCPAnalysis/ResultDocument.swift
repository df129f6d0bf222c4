import BCPInput
import BCPModel
import BCPSimulator
import BCPText

/// A scenario file read by the run, with its FNV-1a 64 hash (from ScenarioLoader).
public struct InputFile: Sendable, Equatable {
    public var name: String
    public var fnv1a64: String
    public init(name: String, fnv1a64: String) {
        self.name = name
        self.fnv1a64 = fnv1a64
    }
}

/// What a run knew besides the simulator's result, so that `bcpsim report` can render the same
/// reports from the result file alone.
public struct RunReport: Sendable, Equatable {
    /// The scenario folder's name, e.g. "tokyo-synthetic".
    public var scenarioId: String
    public var synthetic: Bool
    public var suppressionThreshold: Int
    public var inputs: [InputFile]
    /// Nil when the what-if reruns were not made (--what-if 0).
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

/// The result file, `restricted/result.json`: a run's whole result as one typed value. `run`
/// renders the reports from it in memory and writes it; `report` reads it back and renders the
/// same bytes; shards carry replica 0's document and `merge` completes it. This file holds the
/// one encoder and the one decoder, both driven by the field lists below, and
/// `decode(encode(d)) == d` (tested). It holds patient ids, so it is restricted.
///
/// Schema `bcpsim.result/1`: keys in a fixed order, integers only (seeds as decimal integers up to
/// 2^64 - 1), times in minutes from scenario start, null for times that did not happen.
public struct ResultDocument: Sendable, Equatable {
    public static let schema = "bcpsim.result/1"
    public static let reportSchema = "bcpsim.report-source/1"

    /// Replica 0 in full (the only replica of a single run).
    public var result: SimulationResult
    /// The distributions over replicas; nil for a single run.
    public var ensemble: EnsembleStatistics?
    public var report: RunReport?

    public init(result: SimulationResult, ensemble: EnsembleStatistics? = nil, report: RunReport? = nil) {
        self.result = result
        self.ensemble = ensemble
        self.report = report
    }

    /// Replicas run (1 for a single run) and their seeds.
    public var replicas: Int { ensemble?.replicas ?? 1 }
    public var seeds: [UInt64] { ensemble?.seeds ?? [result.seed] }

    /// The document text, ending with a newline. Same document, same bytes.
    public func encode() -> String {
        var w = JSONWriter()
        w.object { w in
            w.string("schema", ResultDocument.schema)
            for f in SimulationResult.fields { f.write(result, &w) }
            if let e = ensemble, e.replicas > 1 { e.write("ensemble", &w) }
            if let r = report { r.write("report", &w) }
        }
        return w.text + "\n"
    }

    /// Reads a document written by `encode`; a located DocumentError otherwise.
    public static func decode(_ text: String) throws -> ResultDocument {
        let root: Node
        // bcpsim writes about 28 bytes per value (tokyo-synthetic's result.json: 2,193,638 bytes,
        // 77,818 values); one value per 12 bytes leaves room for a compact file and bounds the
        // tree's memory at a few times the file's size.
        switch JSONParser.parse(text, maxDepth: 64, maxValues: text.utf8.count / 12 + 100_000) {
        case .success(let v): root = Node(v, "")
        case .failure(let f): throw DocumentError("not a JSON document (line \(f.line), column \(f.column): \(f.message))")
        }
        let schema = try root.member("schema").string()
        guard schema == ResultDocument.schema else {
            throw DocumentError("schema is '\(schema)'; this bcpsim reads '\(ResultDocument.schema)' (a result.json written by 'bcpsim run')")
        }
        let result = try SimulationResult.read(root)
        let ensemble = try root.optionalMember("ensemble").map(EnsembleStatistics.read)
        if let e = ensemble, e.municipalities.map(\.code) != result.municipalities.map(\.code) {
            throw try root.member("ensemble").fail("municipalities differ from the result's")
        }
        return ResultDocument(result: result, ensemble: ensemble, report: try root.optionalMember("report").map(RunReport.read))
    }
}

// MARK: The simulator's result

extension Field {
    /// Several fields of the same value written as one nested object (e.g. "scenario").
    static func group(_ key: String, _ fields: [Field<Root>]) -> Field {
        Field(key: key, write: { r, w in w.object(key) { w in for f in fields { f.write(r, &w) } } },
              read: { r, n in
                  let m = try n.member(key)
                  for f in fields { try f.read?(&r, m) }
              })
    }

    /// A table with one entry per case of `Key`, each `{"<label>": case, "tally": {...}}`, in case order.
    static func perCase<Key: CaseKey & NamedValue, T: DocumentRecord>(
        _ key: String, label: String, value: String, _ kp: Path<PerCase<Key, T>>
    ) -> Field {
        Field(key: key, write: { r, w in
            w.array(key) { w in
                for (k, v) in r[keyPath: kp].pairs {
                    w.object { w in
                        w.string(label, k.jsonName)
                        v.write(value, &w)
                    }
                }
            }
        }, read: { r, n in
            let items = try n.member(key).items()
            guard items.map({ try? $0.member(label).string() }) == Key.allCases.map({ $0.jsonName }) else {
                throw n.fail("'\(key)' must list \(Key.allCases.map(\.jsonName).joined(separator: ", ")) in this order")
            }
            var table = PerCase<Key, T>(repeating: T.blank)
            for (k, item) in zip(Key.allCases, items) { table[k] = try T.read(item.member(value)) }
            r[keyPath: kp] = table
        })
    }
}

extension SimulationResult: DocumentRecord {
    static let fields: [Field<SimulationResult>] = [
        .group("scenario", [
            .string("nameJa", \.scenarioNameJa), .string("nameEn", \.scenarioNameEn), .uint("seed", \.seed),
            .choice("tier", \.tier), .int("horizonMinutes", \.horizonMinutes),
        ]),
        .record("parameters", \.parameters),
        .record("totals", \.totals),
        .record("resources", \.resources),
        .records("municipalities", \.municipalities),
        .records("areas", \.areas),
        .perCase("tiers", label: "tier", value: "tally", \.tiers),
        .perCase("devices", label: "device", value: "tally", \.devices),
        Field(key: "timeline", write: { r, w in
            w.object("timeline") { w in
                w.ints("gridOff", r.timeline.map(\.gridOff))
                w.ints("withoutPower", r.timeline.map(\.withoutPower))
                w.ints("gapMinutes", r.timeline.map(\.gapMinutes))
            }
        }, read: { r, n in
            let t = try n.member("timeline")
            func ints(_ k: String) throws -> [Int] { try t.member(k).items().map { try $0.int() } }
            let off = try ints("gridOff"), without = try ints("withoutPower"), gap = try ints("gapMinutes")
            guard off.count == without.count, off.count == gap.count else { throw t.fail("arrays of different lengths") }
            r.timeline = off.indices.map { HourPoint(hour: $0, gridOff: off[$0], withoutPower: without[$0], gapMinutes: gap[$0]) }
        }),
        .records("patients", \.patients),
    ]

    static var blank: SimulationResult {
        SimulationResult(
            scenarioNameJa: "", scenarioNameEn: "", seed: 0, tier: .asConfigured, horizonMinutes: 0, parameters: PolicyParameters(),
            totals: Tally(), municipalities: [], areas: [], tiers: PerCase(repeating: Tally()), devices: PerCase(repeating: Tally()),
            timeline: [], resources: ResourceUse(), patients: [])
    }
}

extension PolicyParameters: DocumentRecord {
    /// Every parameter of `PolicyParameters.specs`, in its order.
    static let fields: [Field<PolicyParameters>] = PolicyParameters.specs.map { spec in
        switch spec.value {
        case .integer(let kp, _, _): return .int(spec.jsonKey, kp)
        case .flag(let kp): return .bool(spec.jsonKey, kp)
        }
    }

    static var blank: PolicyParameters { PolicyParameters() }
}

extension Tally: DocumentRecord {
    static let fields: [Field<Tally>] = [
        .int("patients", \.patients), .int("affected", \.affected), .int("atRisk", \.atRisk), .derived("covered", \.covered),
        .int("coveredOwnMeans", \.coveredOwnMeans), .int("coveredBySelfHelp", \.coveredBySelfHelp),
        .int("coveredByUnit", \.coveredByUnit), .int("evacuated", \.evacuated),
        .int("uncovered", \.uncovered), .int("gapMinutes", \.gapMinutes), .int("maxGapMinutes", \.maxGapMinutes),
        .int("unitsDelivered", \.unitsDelivered), .int("bedsUsed", \.bedsUsed), .int("detected", \.detected),
        .int("detectionDelayTotalMinutes", \.detectionDelayTotal), .int("detectionDelayMaxMinutes", \.detectionDelayMax),
        Field(key: "shortfall", write: { t, w in
            w.object("shortfall") { w in for (r, n) in t.shortfall.pairs { w.int(r.rawValue, n) } }
        }, read: { t, n in
            let s = try n.member("shortfall")
            t.shortfall = try PerCase { try s.member($0.rawValue).int() }
        }),
        .int("harmed", \.harmed), .int("beyondToleranceMinutes", \.beyondToleranceMinutes), .int("bridgeMinutes", \.bridgeMinutes),
        Field(key: "admissions", write: { t, w in
            w.object("admissions") { w in for (r, n) in t.admissions.pairs { w.int(r.rawValue, n) } }
        }, read: { t, n in
            let a = try n.member("admissions")
            t.admissions = try PerCase { try a.member($0.rawValue).int() }
        }),
        .int("otherPower", \.otherPower), .int("usedCar", \.usedCar), .int("recharged", \.recharged),
        .int("cylinderDeliveries", \.cylinderDeliveries),
    ]

    static var blank: Tally { Tally() }
}

extension ResourceUse: DocumentRecord {
    static let fields: [Field<ResourceUse>] = [
        .int("unitsHeld", \.unitsHeld), .int("unitsLent", \.unitsLent), .derived("unitsLeft", \.unitsLeft),
        .int("teams", \.teams), .int("teamTrips", \.teamTrips), .int("bedsHeld", \.bedsHeld), .int("bedsUsed", \.bedsUsed),
        .derived("bedsLeft", \.bedsLeft),
    ]

    static var blank: ResourceUse { ResourceUse() }
}

extension MunicipalityCode {
    /// A valid code that reading starts from (every record read overwrites it).
    static let blank = MunicipalityCode("131016")!
}

extension MunicipalitySummary: DocumentRecord {
    static let fields: [Field<MunicipalitySummary>] = [
        .code("code", \.code), .string("nameJa", \.nameJa), .string("nameEn", \.nameEn), .string("area", \.areaJa),
        .int("population", \.population), .bool("regionalBCP", \.regionalBCP), .record("tally", \.tally),
        .record("resources", \.resources),
    ]

    static var blank: MunicipalitySummary {
        MunicipalitySummary(code: .blank, nameJa: "", nameEn: "", areaJa: "", population: 0, regionalBCP: false)
    }
}

extension AreaSummary: DocumentRecord {
    static let fields: [Field<AreaSummary>] = [
        .string("nameJa", \.nameJa), .string("nameEn", \.nameEn), .record("tally", \.tally), .record("resources", \.resources),
    ]

    static var blank: AreaSummary { AreaSummary(nameJa: "", nameEn: "") }
}

extension PatientOutcome: DocumentRecord {
    static let fields: [Field<PatientOutcome>] = [
        .string("id", \.id), .code("municipality", \.municipality), .string("area", \.area), .string("provider", \.providerId),
        .choice("tier", \.tier), .choice("device", \.device), .int("ownReserveMinutes", \.ownReserveMinutes),
        .choice("outcome", \.outcome), .int("gapMinutes", \.gapMinutes), .optionalInt("firstOutageMinute", \.firstOutageMinute),
        .optionalInt("restorationMinute", \.restorationMinute), .int("gridOffMinutes", \.gridOffMinutes),
        .optionalInt("depletionMinute", \.depletionMinute), .optionalInt("detectionMinute", \.detectionMinute),
        .optionalChoice("detectionChannel", \.detectionChannel), .optionalInt("firstHelpMinute", \.firstHelpMinute),
        .strings("units", \.unitIds), .optionalString("bed", \.bedProviderId), .choices("shortfall", \.shortfall),
        .int("bridgeMinutes", \.bridgeMinutes), .int("beyondToleranceMinutes", \.beyondToleranceMinutes),
        .optionalChoice("admission", \.admission), .optionalInt("admissionMinute", \.admissionMinute),
        .bool("otherPower", \.otherPower), .bool("usedCar", \.usedCar), .bool("recharged", \.recharged),
        .int("cylinderDeliveries", \.cylinderDeliveries), .optionalInt("supplierContactMinute", \.supplierContactMinute),
    ]

    static var blank: PatientOutcome {
        PatientOutcome(
            id: "", municipality: .blank, area: "", providerId: "", tier: .none, device: .tppv, ownReserveMinutes: 0,
            outcome: .unaffected, gapMinutes: 0, firstOutageMinute: nil, restorationMinute: nil, gridOffMinutes: 0,
            depletionMinute: nil, detectionMinute: nil, detectionChannel: nil, firstHelpMinute: nil, unitIds: [],
            bedProviderId: nil, shortfall: [])
    }
}

// MARK: Ensemble

extension CountSummary {
    /// `{"name": ..., "mean": ..., ..., "values": [...]}`; read back from the values alone (the
    /// statistics follow from them).
    func write(name: String, _ w: inout JSONWriter) {
        w.object { w in
            w.string("name", name)
            w.string("mean", meanText)
            w.int("meanMilli", meanMilli)
            w.int("p5", p5)
            w.int("p50", p50)
            w.int("p95", p95)
            w.int("min", min)
            w.int("max", max)
            w.ints("values", values)
        }
    }

    static func read(_ n: Node, name: String, replicas: Int) throws -> CountSummary {
        guard try n.member("name").string() == name else { throw n.fail("expected the counts of '\(name)'") }
        let values = try n.member("values").items().map { try $0.int() }
        guard values.count == replicas else { throw n.fail("expected \(replicas) values, one per replica") }
        // The mean is computed in thousandths: the sum must leave room (issue 16, item 5).
        guard values.reduce(0, +) <= DocumentLimits.maxEnsembleSum else {
            throw n.fail("the values add up to more than \(DocumentLimits.maxEnsembleSum)")
        }
        return CountSummary(values: values)
    }
}

extension EnsembleStatistics {
    func write(_ key: String, _ w: inout JSONWriter) {
        w.object(key) { w in
            w.int("replicas", replicas)
            w.uints("seeds", seeds)
            w.array("totals") { w in for (m, c) in totals.pairs { c.write(name: m.rawValue, &w) } }
            w.array("municipalities") { w in
                for m in municipalities {
                    w.object { w in
                        w.string("code", m.code.description)
                        w.array("counts") { w in
                            m.uncovered.write(name: "uncovered", &w)
                            m.gapMinutes.write(name: "gapMinutes", &w)
                        }
                    }
                }
            }
        }
    }

    static func read(_ n: Node) throws -> EnsembleStatistics {
        // An ensemble has 2 replicas or more (a single run writes none).
        let replicas = try n.member("replicas").int(in: 2...DocumentLimits.maxReplicas)
        let seeds = try n.member("seeds").items().map { try $0.uint() }
        guard replicas >= 1, seeds.count == replicas else { throw n.fail("expected one seed per replica") }
        let totals = try n.member("totals").items()
        guard totals.count == EnsembleMeasure.allCases.count else {
            throw n.fail("'totals' must list \(EnsembleMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let table = try PerCase<EnsembleMeasure, CountSummary> { m in
            try CountSummary.read(totals[m.position], name: m.rawValue, replicas: replicas)
        }
        let munis = try n.member("municipalities").items().map { m -> MunicipalityCounts in
            let counts = try m.member("counts").items()
            guard counts.count == 2 else { throw m.fail("expected the counts of uncovered and gapMinutes") }
            return MunicipalityCounts(
                code: try m.member("code").code(), uncovered: try CountSummary.read(counts[0], name: "uncovered", replicas: replicas),
                gapMinutes: try CountSummary.read(counts[1], name: "gapMinutes", replicas: replicas))
        }
        return EnsembleStatistics(seeds: seeds, totals: table, municipalities: munis)
    }
}

// MARK: What the run knew

extension InputFile: DocumentRecord {
    static let fields: [Field<InputFile>] = [.string("file", \.name), .string("fnv1a64", \.fnv1a64)]
    static var blank: InputFile { InputFile(name: "", fnv1a64: "") }
}

extension RunReport: DocumentRecord {
    static let fields: [Field<RunReport>] = [
        Field(key: "schema", write: { _, w in w.string("schema", ResultDocument.reportSchema) }, read: { _, n in
            let s = try n.member("schema").string()
            guard s == ResultDocument.reportSchema else { throw n.fail("report schema is '\(s)', expected '\(ResultDocument.reportSchema)'") }
        }),
        .string("scenarioId", \.scenarioId), .bool("synthetic", \.synthetic), .int("suppressionThreshold", \.suppressionThreshold),
        .records("inputs", \.inputs), .optionalRecord("counterfactual", \.counterfactual),
    ]

    static var blank: RunReport { RunReport(scenarioId: "", synthetic: false, suppressionThreshold: 0, inputs: [], counterfactual: nil) }
}

extension CounterfactualResult: DocumentRecord {
    static let fields: [Field<CounterfactualResult>] = [
        .int("maxMunicipalities", \.maxMunicipalities), .int("maxReruns", \.maxReruns), .int("rerunsUsed", \.rerunsUsed),
        .int("municipalitiesWithUncovered", \.municipalitiesWithUncovered), .record("unit", \.unit), .records("entries", \.entries),
    ]

    static var blank: CounterfactualResult {
        CounterfactualResult(maxMunicipalities: 0, maxReruns: 0, rerunsUsed: 0, municipalitiesWithUncovered: 0, unit: .blank, entries: [])
    }
}

extension UnitSpec: DocumentRecord {
    static let fields: [Field<UnitSpec>] = [
        .choice("kind", \.kind), .int("capacityWh", \.capacityWh), .int("ratedW", \.ratedW),
        .int("runtimePerTankMinutes", \.runtimePerTankMinutes), .int("tanks", \.tanks), .int("priceYen", \.priceYen),
    ]

    static var blank: UnitSpec { UnitSpec(kind: .generator, capacityWh: 0, ratedW: 0, runtimePerTankMinutes: 0, tanks: 0, priceYen: 0) }
}

extension CounterfactualEntry: DocumentRecord {
    static let fields: [Field<CounterfactualEntry>] = [
        .code("code", \.code), .int("uncovered", \.uncovered), .int("gapMinutes", \.gapMinutes),
        Field(key: "best", write: { e, w in w.int("best", e.best) }, read: { e, n in
            // Read after the trials it points into (the trials member comes later in the text).
            let best = try n.optionalMember("best")?.int()
            let trials = try n.member("trials").items().count
            if let b = best, !(0..<trials).contains(b) { throw n.fail("best is not a trial index") }
            e.best = best
        }),
        .choices("notApplicable", \.notApplicable), .bool("budgetExhausted", \.budgetExhausted), .records("trials", \.trials),
    ]

    static var blank: CounterfactualEntry {
        CounterfactualEntry(code: .blank, uncovered: 0, gapMinutes: 0, trials: [], best: nil, notApplicable: [], budgetExhausted: false)
    }
}

extension CounterfactualTrial: DocumentRecord {
    static let fields: [Field<CounterfactualTrial>] = [
        .choice("lever", \.lever), .int("amount", \.amount), .int("uncoveredAfter", \.uncoveredAfter),
        .int("gapMinutesAfter", \.gapMinutesAfter), .int("totalUncoveredAfter", \.totalUncoveredAfter),
        // Absent in results written before units came with a team: none came.
        Field(key: "teamsAdded", write: { t, w in w.int("teamsAdded", t.teamsAdded) },
              read: { t, n in t.teamsAdded = try n.optionalMember("teamsAdded")?.int(in: 0...DocumentLimits.maxLeverAmount) ?? 0 }),
    ]

    static var blank: CounterfactualTrial {
        CounterfactualTrial(lever: .unit, amount: 0, uncoveredAfter: 0, gapMinutesAfter: 0, totalUncoveredAfter: 0)
    }
}
