/// The one JSON text writer of bcpsim: keys in the order written, integers and strings only (no
/// floating point reaches a result), two-space indent, arrays of scalars on one line. Results,
/// manifests, reports and the registry all go through it, so the same value gives the same bytes.
///
///     var w = JSONWriter()
///     w.object { w in
///         w.string("schema", "bcpsim.result/1")
///         w.ints("values", [1, 2])
///     }
///     w.text  // "{\n  \"schema\": \"bcpsim.result/1\",\n  \"values\": [1, 2]\n}"
public struct JSONWriter: Sendable {
    public private(set) var text = ""
    private var depth = 0
    /// Per open container: whether a member was written (a comma is due before the next one).
    private var hasMember = [false]

    public init() {}

    /// A JSON string literal (RFC 8259), as every writer escapes it.
    public static func quote(_ s: String) -> String { TextEscaping.jsonString(s) }

    /// Starts a member or element: the comma, the line break and indent, the key.
    mutating func begin(_ key: String?) {
        if hasMember[hasMember.count - 1] { text += "," }
        hasMember[hasMember.count - 1] = true
        if depth > 0 || !text.isEmpty { text += "\n" }
        text += String(repeating: "  ", count: depth)
        if let key { text += JSONWriter.quote(key) + ": " }
    }

    mutating func open(_ key: String?, _ bracket: String) {
        begin(key)
        text += bracket
        depth += 1
        hasMember.append(false)
    }

    mutating func close(_ bracket: String) {
        let had = hasMember.removeLast()
        depth -= 1
        if had { text += "\n" + String(repeating: "  ", count: depth) }
        text += bracket
    }

    /// An object (a member when `key` is given, an element or the document otherwise).
    public mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, "{")
        body(&self)
        close("}")
    }

    /// An array whose elements `body` writes one per line.
    public mutating func array(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, "[")
        body(&self)
        close("]")
    }

    /// Already-encoded JSON text as a member or element (a scalar, or a one-line array).
    public mutating func raw(_ key: String?, _ json: String) {
        begin(key)
        text += json
    }

    public mutating func int(_ key: String?, _ v: Int) { raw(key, String(v)) }
    public mutating func uint(_ key: String?, _ v: UInt64) { raw(key, String(v)) }
    public mutating func bool(_ key: String?, _ v: Bool) { raw(key, v ? "true" : "false") }
    public mutating func string(_ key: String?, _ v: String) { raw(key, JSONWriter.quote(v)) }
    public mutating func null(_ key: String?) { raw(key, "null") }
    public mutating func int(_ key: String?, _ v: Int?) { raw(key, v.map(String.init) ?? "null") }
    public mutating func string(_ key: String?, _ v: String?) { raw(key, v.map(JSONWriter.quote) ?? "null") }

    /// A short array of integers on one line: `[1, 2, 3]`.
    public mutating func ints(_ key: String?, _ values: [Int]) {
        raw(key, "[" + values.map(String.init).joined(separator: ", ") + "]")
    }

    /// Seeds and other unsigned integers on one line.
    public mutating func uints(_ key: String?, _ values: [UInt64]) {
        raw(key, "[" + values.map { String($0) }.joined(separator: ", ") + "]")
    }

    /// A short array of strings on one line: `["a", "b"]`.
    public mutating func strings(_ key: String?, _ values: [String]) {
        raw(key, "[" + values.map(JSONWriter.quote).joined(separator: ", ") + "]")
    }
}
