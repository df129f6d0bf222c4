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
    /// The text as UTF-8 bytes: a result of a million patients is half a gigabyte of JSON, and
    /// appending bytes (digits, indents, keys without escapes) costs far less than building a
    /// String for each piece.
    private var bytes: [UInt8] = []
    private var depth = 0
    /// Per open container: whether a member was written (a comma is due before the next one).
    private var hasMember = [false]

    public init() {}

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A JSON string literal (RFC 8259), as every writer escapes it.
    public static func quote(_ s: String) -> String { TextEscaping.jsonString(s) }

    /// Appends `s` quoted, the same bytes as `quote(s)`: directly when nothing needs an escape
    /// (the same test as TextEscaping.jsonString's fast path), else through it.
    private mutating func appendQuoted(_ s: String) {
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 {
            plain = false
            break
        }
        if plain {
            bytes.append(0x22)
            bytes.append(contentsOf: s.utf8)
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: JSONWriter.quote(s).utf8)
        }
    }

    /// Appends the decimal digits of `v`, the same bytes as `String(v)`.
    private mutating func appendInt(_ v: Int) {
        if v < 0 {
            // Int.min has no positive counterpart: let String do it.
            guard v != Int.min else { return bytes.append(contentsOf: String(v).utf8) }
            bytes.append(0x2D)
            appendUInt(UInt64(-v))
        } else {
            appendUInt(UInt64(v))
        }
    }

    private mutating func appendUInt(_ v: UInt64) {
        if v < 10 { return bytes.append(UInt8(truncatingIfNeeded: v) + 0x30) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { d in
            var n = 20, x = v
            repeat {
                n -= 1
                d[n] = UInt8(truncatingIfNeeded: x % 10) + 0x30
                x /= 10
            } while x > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: d[n...]))
        }
    }

    /// Starts a member or element: the comma, the line break and indent, the key.
    mutating func begin(_ key: String?) {
        if hasMember[hasMember.count - 1] { bytes.append(0x2C) }
        hasMember[hasMember.count - 1] = true
        if depth > 0 || !bytes.isEmpty { bytes.append(0x0A) }
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
        if let key {
            appendQuoted(key)
            bytes.append(0x3A)
            bytes.append(0x20)
        }
    }

    mutating func open(_ key: String?, _ bracket: UInt8) {
        begin(key)
        bytes.append(bracket)
        depth += 1
        hasMember.append(false)
    }

    mutating func close(_ bracket: UInt8) {
        let had = hasMember.removeLast()
        depth -= 1
        if had {
            bytes.append(0x0A)
            for _ in 0..<(2 * depth) { bytes.append(0x20) }
        }
        bytes.append(bracket)
    }

    /// An object (a member when `key` is given, an element or the document otherwise).
    public mutating func object(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, 0x7B)  // {
        body(&self)
        close(0x7D)  // }
    }

    /// An array whose elements `body` writes one per line.
    public mutating func array(_ key: String? = nil, _ body: (inout JSONWriter) -> Void) {
        open(key, 0x5B)  // [
        body(&self)
        close(0x5D)  // ]
    }

    /// Already-encoded JSON text as a member or element (a scalar, or a one-line array).
    public mutating func raw(_ key: String?, _ json: String) {
        begin(key)
        bytes.append(contentsOf: json.utf8)
    }

    public mutating func int(_ key: String?, _ v: Int) {
        begin(key)
        appendInt(v)
    }

    public mutating func uint(_ key: String?, _ v: UInt64) {
        begin(key)
        appendUInt(v)
    }

    public mutating func bool(_ key: String?, _ v: Bool) { raw(key, v ? "true" : "false") }

    public mutating func string(_ key: String?, _ v: String) {
        begin(key)
        appendQuoted(v)
    }

    public mutating func null(_ key: String?) { raw(key, "null") }

    public mutating func int(_ key: String?, _ v: Int?) {
        guard let v else { return null(key) }
        int(key, v)
    }

    public mutating func string(_ key: String?, _ v: String?) {
        guard let v else { return null(key) }
        string(key, v)
    }

    /// A short array of integers on one line: `[1, 2, 3]`.
    public mutating func ints(_ key: String?, _ values: [Int]) { oneLine(key, values) { $0.appendInt($1) } }

    /// Seeds and other unsigned integers on one line.
    public mutating func uints(_ key: String?, _ values: [UInt64]) { oneLine(key, values) { $0.appendUInt($1) } }

    /// A short array of strings on one line: `["a", "b"]`.
    public mutating func strings(_ key: String?, _ values: [String]) { oneLine(key, values) { $0.appendQuoted($1) } }

    /// `[a, b, c]` on one line, each element written by `element`.
    private mutating func oneLine<T>(_ key: String?, _ values: [T], _ element: (inout JSONWriter, T) -> Void) {
        begin(key)
        bytes.append(0x5B)  // [
        for (k, v) in values.enumerated() {
            if k > 0 { bytes.append(contentsOf: [0x2C, 0x20]) }  // ", "
            element(&self, v)
        }
        bytes.append(0x5D)  // ]
    }
}
