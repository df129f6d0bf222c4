/// A JSON value whose objects keep their keys in the order given, for documents built as a tree
/// (manifests, the allocation report). It is written by JSONWriter, so it comes out exactly as a
/// streamed document would: no Dictionary order reaches it, integers only.
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

    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// Writes the value as a member (`key`) or an element (nil) of what `w` has open. Arrays of
    /// scalars stay on one line.
    public func write(_ key: String?, into w: inout JSONWriter) {
        switch self {
        case .null: w.null(key)
        case .bool(let b): w.bool(key, b)
        case .int(let n): w.int(key, n)
        case .string(let s): w.string(key, s)
        case .array(let items):
            if items.contains(where: \.isContainer) {
                w.array(key) { w in for item in items { item.write(nil, into: &w) } }
            } else {
                w.raw(key, "[" + items.map { $0.render() }.joined(separator: ", ") + "]")
            }
        case .object(let members):
            w.object(key) { w in for (k, v) in members { v.write(k, into: &w) } }
        }
    }

    /// The value as a JSON text without a final newline.
    public func render() -> String {
        var w = JSONWriter()
        write(nil, into: &w)
        return w.text
    }
}
