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

    func int() throws -> Int {
        guard case .number(let s) = value.kind, let n = Int(s) else { throw fail("expected a whole number, found \(value.typeName)") }
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
        return v
    }
}
