import BCPInput
import BCPModel
import BCPSimulator
import BCPText

/// A problem in a result document being read: where (line, path) and what.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A JSON value being read, with its path for messages such as
/// "result file line 12: municipalities[3].tally: missing 'uncovered'".
struct Node {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, _ path: String) {
        self.value = value
        self.path = path
    }

    func fail(_ what: String) -> DocumentError {
        DocumentError("result file line \(value.line): \(path.isEmpty ? "top level" : path): \(what)")
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key` of an object; a missing member is an error.
    func member(_ key: String) throws -> Node {
        guard case .object = value.kind else { throw fail("expected an object, found \(value.typeName)") }
        guard let m = value[key] else { throw fail("missing '\(key)'") }
        return Node(m, child(key))
    }

    /// The member `key`, nil when absent or null.
    func optionalMember(_ key: String) throws -> Node? {
        guard case .object = value.kind else { throw fail("expected an object, found \(value.typeName)") }
        guard let m = value[key] else { return nil }
        if case .null = m.kind { return nil }
        return Node(m, child(key))
    }

    func items() throws -> [Node] {
        guard case .array(let a) = value.kind else { throw fail("expected an array, found \(value.typeName)") }
        return a.enumerated().map { Node($0.element, "\(path)[\($0.offset)]") }
    }

    var isNull: Bool {
        if case .null = value.kind { return true }
        return false
    }

    /// A whole number within 0...DocumentLimits.maxInteger: every integer of a result document
    /// is a count, minutes, yen or an index, none negative, and the bound keeps the renderers'
    /// sums and products within Int (issue 16: counts near Int64 max trapped `report`).
    func int() throws -> Int {
        guard case .number(let s) = value.kind else { throw fail("expected a whole number, found \(value.typeName)") }
        guard let n = Int(s), (0...DocumentLimits.maxInteger).contains(n) else {
            throw fail("\(s) is not a whole number in 0...\(DocumentLimits.maxInteger)")
        }
        return n
    }

    /// A whole number within `range` (a narrower bound than `int()`'s).
    func int(in range: ClosedRange<Int>) throws -> Int {
        let n = try int()
        guard range.contains(n) else { throw fail("\(n) is outside \(range.lowerBound)...\(range.upperBound)") }
        return n
    }

    func uint() throws -> UInt64 {
        guard case .number(let s) = value.kind, let n = UInt64(s) else { throw fail("expected a whole number 0...2^64-1") }
        return n
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value.kind else { throw fail("expected true or false, found \(value.typeName)") }
        return b
    }

    func string() throws -> String {
        guard case .string(let s) = value.kind else { throw fail("expected a string, found \(value.typeName)") }
        return s
    }

    /// A string that must be one of a closed set (a tier, a device, an outcome...).
    func choice<E: NamedValue>(_: E.Type) throws -> E {
        let s = try string()
        guard let e = E(jsonName: s) else { throw fail("unknown value '\(s)'") }
        return e
    }

    func code() throws -> MunicipalityCode {
        let s = try string()
        guard let c = MunicipalityCode(s) else { throw fail("'\(s)' is not a municipality code") }
        return c
    }
}

/// How one member of a JSON object maps to a property of `Root`: its key, how it is written and
/// how it is read back. A type's list of fields is the whole of its JSON form, in order, so a
/// new property is one line in that list (docs/ARCHITECTURE.md, "Adding an outcome field").
struct Field<Root>: Sendable {
    /// A property of Root a field reads and writes.
    typealias Path<T> = WritableKeyPath<Root, T> & Sendable

    let key: String
    let write: @Sendable (Root, inout JSONWriter) -> Void
    /// Nil for a derived value that is written for readers but not read back (e.g. `covered`).
    let read: (@Sendable (inout Root, Node) throws -> Void)?

    static func int(_ key: String, _ kp: Path<Int>) -> Field {
        Field(key: key, write: { r, w in w.int(key, r[keyPath: kp]) }, read: { r, n in r[keyPath: kp] = try n.member(key).int() })
    }

    static func optionalInt(_ key: String, _ kp: Path<Int?>) -> Field {
        Field(key: key, write: { r, w in w.int(key, r[keyPath: kp]) },
              read: { r, n in r[keyPath: kp] = try n.optionalMember(key)?.int() })
    }

    static func uint(_ key: String, _ kp: Path<UInt64>) -> Field {
        Field(key: key, write: { r, w in w.uint(key, r[keyPath: kp]) }, read: { r, n in r[keyPath: kp] = try n.member(key).uint() })
    }

    static func bool(_ key: String, _ kp: Path<Bool>) -> Field {
        Field(key: key, write: { r, w in w.bool(key, r[keyPath: kp]) }, read: { r, n in r[keyPath: kp] = try n.member(key).bool() })
    }

    static func string(_ key: String, _ kp: Path<String>) -> Field {
        Field(key: key, write: { r, w in w.string(key, r[keyPath: kp]) }, read: { r, n in r[keyPath: kp] = try n.member(key).string() })
    }

    static func optionalString(_ key: String, _ kp: Path<String?>) -> Field {
        Field(key: key, write: { r, w in w.string(key, r[keyPath: kp]) },
              read: { r, n in r[keyPath: kp] = try n.optionalMember(key)?.string() })
    }

    /// A list of strings on one line.
    static func strings(_ key: String, _ kp: Path<[String]>) -> Field {
        Field(key: key, write: { r, w in w.strings(key, r[keyPath: kp]) },
              read: { r, n in r[keyPath: kp] = try n.member(key).items().map { try $0.string() } })
    }

    static func code(_ key: String, _ kp: Path<MunicipalityCode>) -> Field {
        Field(key: key, write: { r, w in w.string(key, r[keyPath: kp].description) },
              read: { r, n in r[keyPath: kp] = try n.member(key).code() })
    }

    /// A value of a closed set, written as its name.
    static func choice<E: NamedValue>(_ key: String, _ kp: Path<E>) -> Field {
        Field(key: key, write: { r, w in w.string(key, r[keyPath: kp].jsonName) },
              read: { r, n in r[keyPath: kp] = try n.member(key).choice(E.self) })
    }

    static func optionalChoice<E: NamedValue>(_ key: String, _ kp: Path<E?>) -> Field {
        Field(key: key, write: { r, w in w.string(key, r[keyPath: kp]?.jsonName) },
              read: { r, n in r[keyPath: kp] = try n.optionalMember(key)?.choice(E.self) })
    }

    /// A list of values of a closed set, on one line.
    static func choices<E: NamedValue>(_ key: String, _ kp: Path<[E]>) -> Field {
        Field(key: key, write: { r, w in w.strings(key, r[keyPath: kp].map(\.jsonName)) },
              read: { r, n in r[keyPath: kp] = try n.member(key).items().map { try $0.choice(E.self) } })
    }

    /// A nested record.
    static func record<T: DocumentRecord>(_ key: String, _ kp: Path<T>) -> Field {
        Field(key: key, write: { r, w in r[keyPath: kp].write(key, &w) }, read: { r, n in r[keyPath: kp] = try T.read(n.member(key)) })
    }

    static func optionalRecord<T: DocumentRecord>(_ key: String, _ kp: Path<T?>) -> Field {
        Field(key: key, write: { r, w in
            if let v = r[keyPath: kp] { v.write(key, &w) } else { w.null(key) }
        }, read: { r, n in r[keyPath: kp] = try n.optionalMember(key).map(T.read) })
    }

    /// A list of records, one per line.
    static func records<T: DocumentRecord>(_ key: String, _ kp: Path<[T]>) -> Field {
        Field(key: key, write: { r, w in
            w.array(key) { w in for v in r[keyPath: kp] { v.write(nil, &w) } }
        }, read: { r, n in r[keyPath: kp] = try n.member(key).items().map(T.read) })
    }

    /// A value derived from others, written for readers of the file and not read back.
    static func derived(_ key: String, _ value: @escaping @Sendable (Root) -> Int) -> Field {
        Field(key: key, write: { r, w in w.int(key, value(r)) }, read: nil)
    }
}

/// A value of a closed set written by its name (a tier, a device, an outcome, a lever...).
protocol NamedValue {
    var jsonName: String { get }
    init?(jsonName: String)
}

extension NamedValue where Self: RawRepresentable, RawValue == String {
    var jsonName: String { rawValue }
    init?(jsonName: String) { self.init(rawValue: jsonName) }
}

extension BCPTier: NamedValue {
    var jsonName: String { name }
    init?(jsonName: String) { self.init(name: jsonName) }
}

extension TierOverride: NamedValue {}
extension DeviceKind: NamedValue {}
extension PowerUnitKind: NamedValue {}
extension Outcome: NamedValue {}
extension DetectionChannel: NamedValue {}
extension ShortfallReason: NamedValue {}
extension EnsembleMeasure: NamedValue {}
extension Lever: NamedValue {}
extension AdmissionRoute: NamedValue {}

/// A type written as a JSON object by its list of fields.
protocol DocumentRecord: Sendable {
    static var fields: [Field<Self>] { get }
    /// The value reading starts from; every field read overwrites its part.
    static var blank: Self { get }
}

extension DocumentRecord {
    func write(_ key: String?, _ w: inout JSONWriter) {
        w.object(key) { w in for f in Self.fields { f.write(self, &w) } }
    }

    static func read(_ n: Node) throws -> Self {
        guard case .object = n.value.kind else { throw n.fail("expected an object, found \(n.value.typeName)") }
        var v = blank
        for f in fields { try f.read?(&v, n) }
        if let checked = v as? any CheckedOnRead, let problem = checked.problem() { throw n.fail(problem) }
        return v
    }
}

// MARK: Checks on reading (issue 16, item 5)

/// The bounds a result document must keep, so that every renderer's arithmetic stays within Int
/// and its work within what the file's size allows. A tampered or damaged result.json past them is
/// refused by `ResultDocument.decode` with a located message (exit 65), never a trap. Real
/// results are far inside them (docs/RELIABILITY.md, "No trap on any file").
public enum DocumentLimits {
    /// Bytes of a result.json `report` reads (1 GiB). A result takes about 900 bytes per patient
    /// (a 1,000,000-patient roster's is about 900 MB); reading and rendering one takes about 8
    /// bytes of memory per byte, and the densest JSON the parser accepts (an array of zeros) about
    /// 24 (docs/RELIABILITY.md).
    public static let maxFileBytes = 1 << 30
    /// Every integer: counts, minutes, yen, indices (10^12: 1,999,999 patients x 100 days of
    /// minutes is 2.9 x 10^11). None is negative.
    public static let maxInteger = 1_000_000_000_000
    /// The longest horizon a scenario may give (100 days, scenario.json's limit).
    public static let maxHorizonMinutes = 100 * 24 * 60
    /// Replicas of an ensemble (run --replicas).
    public static let maxReplicas = PartialResult.maxReplicas
    /// The values of one ensemble measure together (the mean is computed in thousandths).
    public static let maxEnsembleSum = 1_000_000_000_000_000
    /// Municipalities and areas of a result (Japan has 1,741 municipalities).
    public static let maxPlaces = 1_000_000
    /// A municipality's population.
    public static let maxPopulation = 1_000_000_000
    /// The small-count threshold (--suppress and suppression_threshold: 1...1000).
    public static let thresholds = 1...1_000
    /// A what-if unit's price in yen and a what-if change's amount (cost = amount x price).
    public static let maxPriceYen = 1_000_000_000
    public static let maxLeverAmount = 10_000_000
}

/// A record that checks itself once read: what its fields say together (a part within its total,
/// a timeline as long as the horizon). Nil when it holds, else the problem.
protocol CheckedOnRead {
    func problem() -> String?
}

extension Tally: CheckedOnRead {
    func problem() -> String? {
        if affected > patients { return "affected (\(affected)) exceeds patients (\(patients))" }
        if atRisk > affected { return "atRisk (\(atRisk)) exceeds affected (\(affected))" }
        let outcomes = coveredOwnMeans + coveredBySelfHelp + coveredByUnit + evacuated + uncovered
        if outcomes > affected { return "the outcomes (\(outcomes)) exceed affected (\(affected))" }
        // Counts of patients (model v2): each a part of the affected, as the tables publish them.
        let parts: [(String, Int)] = [
            ("detected", detected), ("bedsUsed", bedsUsed), ("harmed", harmed), ("otherPower", otherPower), ("usedCar", usedCar),
            ("recharged", recharged),
        ]
        for (name, n) in parts where n > affected { return "\(name) (\(n)) exceeds affected (\(affected))" }
        if admitted > affected { return "the admissions (\(admitted)) exceed affected (\(affected))" }
        // Every patient covered by admission was admitted; the other admissions came after a gap.
        if admitted < evacuated { return "the admissions (\(admitted)) are fewer than the patients covered by admission (\(evacuated))" }
        if admitted - evacuated > uncovered {
            return "the admissions after a gap (\(admitted) - \(evacuated)) exceed the uncovered (\(uncovered))"
        }
        if admissions[.emergency] > admitted - evacuated {
            return "the emergency presentations (\(admissions[.emergency])) exceed the admissions after a gap (\(admitted - evacuated))"
        }
        if harmed > 0 && beyondToleranceMinutes < harmed {
            return "beyondToleranceMinutes (\(beyondToleranceMinutes)) is less than one minute for each of the harmed (\(harmed))"
        }
        if maxGapMinutes > gapMinutes { return "maxGapMinutes (\(maxGapMinutes)) exceeds gapMinutes (\(gapMinutes))" }
        if detectionDelayMax > detectionDelayTotal {
            return "detectionDelayMaxMinutes (\(detectionDelayMax)) exceeds detectionDelayTotalMinutes (\(detectionDelayTotal))"
        }
        for (reason, n) in shortfall.pairs where n > uncovered {
            return "shortfall.\(reason.rawValue) (\(n)) exceeds uncovered (\(uncovered))"
        }
        return nil
    }
}

// ResourceUse is not checked against its holdings: under model v2 a unit that comes back is lent
// again and a bed freed by a discharge is taken again, so unitsLent and bedsUsed count lendings
// and admissions over the run and can exceed the units and beds held (Tokyo's shipped run: 317
// admissions into 216 beds). No renderer subtracts them from the holdings.

extension PolicyParameters: CheckedOnRead {
    /// Each parameter within the range scenario.json accepts for it.
    func problem() -> String? {
        for spec in PolicyParameters.specs {
            if case .integer(let kp, let range, _) = spec.value, !range.contains(self[keyPath: kp]) {
                return "\(spec.jsonKey) is \(self[keyPath: kp]), outside \(range.lowerBound)...\(range.upperBound)"
            }
        }
        return nil
    }
}

extension MunicipalitySummary: CheckedOnRead {
    func problem() -> String? {
        population > DocumentLimits.maxPopulation ? "population \(population) is more than \(DocumentLimits.maxPopulation)" : nil
    }
}

extension RunReport: CheckedOnRead {
    func problem() -> String? {
        DocumentLimits.thresholds.contains(suppressionThreshold)
            ? nil : "suppressionThreshold \(suppressionThreshold) is outside \(DocumentLimits.thresholds.lowerBound)...\(DocumentLimits.thresholds.upperBound)"
    }
}

extension UnitSpec: CheckedOnRead {
    func problem() -> String? {
        priceYen > DocumentLimits.maxPriceYen ? "priceYen \(priceYen) is more than \(DocumentLimits.maxPriceYen)" : nil
    }
}

extension CounterfactualTrial: CheckedOnRead {
    func problem() -> String? {
        amount > DocumentLimits.maxLeverAmount ? "amount \(amount) is more than \(DocumentLimits.maxLeverAmount)" : nil
    }
}

extension SimulationResult: CheckedOnRead {
    /// The horizon within scenario.json's limit, one timeline point per hour of it, counts per
    /// hour within the patients, maxima within the horizon, places within DocumentLimits.
    func problem() -> String? {
        guard (1...DocumentLimits.maxHorizonMinutes).contains(horizonMinutes) else {
            return "scenario.horizonMinutes \(horizonMinutes) is outside 1...\(DocumentLimits.maxHorizonMinutes)"
        }
        let hours = (horizonMinutes + 59) / 60
        guard timeline.count == hours else {
            return "timeline has \(timeline.count) hours; a horizon of \(horizonMinutes) minutes has \(hours)"
        }
        let n = totals.patients
        for h in timeline where h.gridOff > n || h.withoutPower > n || h.gapMinutes > 60 * n {
            return "timeline hour \(h.hour) counts more than the \(n) patients"
        }
        guard municipalities.count <= DocumentLimits.maxPlaces, areas.count <= DocumentLimits.maxPlaces else {
            return "more than \(DocumentLimits.maxPlaces) municipalities or areas"
        }
        let tallies = [("totals", totals)] + municipalities.map { ("municipality \($0.code)", $0.tally) }
            + areas.map { ("area \($0.nameJa)", $0.tally) } + tiers.pairs.map { ("tier \($0.key.name)", $0.value) }
            + devices.pairs.map { ("device \($0.key.rawValue)", $0.value) }
        for (name, t) in tallies where t.maxGapMinutes > horizonMinutes || t.detectionDelayMax > horizonMinutes {
            return "\(name): a gap or delay longer than the horizon (\(horizonMinutes) minutes)"
        }
        return nil
    }
}
