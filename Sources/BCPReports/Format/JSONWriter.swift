import BCPText

/// A JSON value whose objects keep their keys in the order given, so that output is stable
/// byte for byte (no Dictionary order reaches it). Integers only: the reports use no floats.
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func == (a: OrderedJSON, b: OrderedJSON) -> Bool { a.render() == b.render() }

    /// `.string` or `.null` for an optional.
    public static func string(_ s: String?) -> OrderedJSON { s.map { .string($0) } ?? .null }
    /// `.int` or `.null` for an optional.
    public static func int(_ n: Int?) -> OrderedJSON { n.map { .int($0) } ?? .null }

    /// Pretty-printed with two-space indents; arrays of scalars stay on one line. Ends without a newline.
    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .string(let s): return OrderedJSON.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .array = $0 { return false }; if case .object = $0 { return false }; return true }) {
                return "[" + items.map { $0.render() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + OrderedJSON.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped;
    /// everything else, Japanese included, written as UTF-8.
    public static func quote(_ s: String) -> String { TextEscaping.jsonString(s) }
}
