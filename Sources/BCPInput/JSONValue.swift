/// A JSON value that remembers where it was written, so that scenario errors can say
/// `scenario.json:12:17: error: zones[1].curve: ...`. Numbers keep their source text, so that
/// decimals like 14.9 (hours) convert to integer minutes exactly, without floating point.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case object([(String, JSONValue)])
        case array([JSONValue])
        case string(String)
        case number(String)
        case bool(Bool)
        case null

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case (.object(let x), .object(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            case (.array(let x), .array(let y)): return x == y
            case (.string(let x), .string(let y)): return x == y
            case (.number(let x), .number(let y)): return x == y
            case (.bool(let x), .bool(let y)): return x == y
            case (.null, .null): return true
            default: return false
            }
        }
    }
    public var kind: Kind
    public var line: Int
    public var column: Int

    /// The member named `key` of an object (the first, if written twice).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var typeName: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }
}

/// A small JSON parser (RFC 8259) with line/column positions and a depth limit.
public struct JSONParser {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let s: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private let maxDepth: Int
    private let maxStringBytes: Int
    /// Values (of any kind) the document may hold: a tree of values costs memory per value, so a
    /// file of "[0,0,0,…]" would cost about 24 times its size (issue 16 trial: 6 GB for 256 MB).
    private let maxValues: Int
    private var values = 0

    /// `maxStringBytes` bounds each string (keys included) in UTF-8 bytes, after unescaping.
    /// `maxValues` bounds the number of values (nil: no bound).
    public static func parse(
        _ text: String, maxDepth: Int = InputLimits.maxJSONDepth, maxStringBytes: Int = InputLimits.maxFieldLength,
        maxValues: Int? = nil
    ) -> Result<JSONValue, Failure> {
        var p = JSONParser(bytes: Array(text.utf8), maxDepth: maxDepth, maxStringBytes: maxStringBytes, maxValues: maxValues ?? Int.max)
        do {
            p.skipSpace()
            let v = try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.s.count { throw p.fail("unexpected text after the end of the JSON document") }
            return .success(v)
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(line: 1, column: 1, message: "\(error)"))
        }
    }

    private init(bytes: [UInt8], maxDepth: Int, maxStringBytes: Int, maxValues: Int) {
        s = bytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxValues = maxValues
        if s.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
    }

    // Column cache: `i` only moves forward, so columns are counted incrementally (linear overall).
    private var columnAt = 0
    private var columnValue = 1

    /// Column in characters (UTF-8 continuation bytes do not count).
    private var column: Int {
        mutating get {
            if columnAt < lineStart { columnAt = lineStart; columnValue = 1 }
            let end = min(i, s.count)
            while columnAt < end {
                if s[columnAt] & 0xC0 != 0x80 { columnValue += 1 }
                columnAt += 1
            }
            return columnValue
        }
    }

    private mutating func fail(_ message: String) -> Failure { Failure(line: line, column: column, message: message) }

    private mutating func skipSpace() {
        while i < s.count {
            switch s[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < maxDepth else { throw fail("JSON nested deeper than \(maxDepth) levels") }
        values += 1
        guard values <= maxValues else { throw fail("more than \(maxValues) JSON values in this file: too many for its size") }
        guard i < s.count else { throw fail("unexpected end of file: the JSON is truncated") }
        let (l, c) = (line, column)
        func make(_ k: JSONValue.Kind) -> JSONValue { JSONValue(kind: k, line: l, column: c) }
        switch s[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if i < s.count && s[i] == UInt8(ascii: "}") { i += 1; return make(.object(members)) }
            while true {
                skipSpace()
                guard i < s.count, s[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try string()
                skipSpace()
                guard i < s.count, s[i] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
                i += 1
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard i < s.count else { throw fail("unexpected end of file: an object is not closed") }
                if s[i] == UInt8(ascii: ",") { i += 1; continue }
                if s[i] == UInt8(ascii: "}") { i += 1; return make(.object(members)) }
                throw fail("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < s.count && s[i] == UInt8(ascii: "]") { i += 1; return make(.array(items)) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < s.count else { throw fail("unexpected end of file: an array is not closed") }
                if s[i] == UInt8(ascii: ",") { i += 1; continue }
                if s[i] == UInt8(ascii: "]") { i += 1; return make(.array(items)) }
                throw fail("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            return make(.string(try string()))
        case UInt8(ascii: "t"): try literal("true"); return make(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return make(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return make(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return make(.number(try number()))
        default:
            throw fail("unexpected character; expected a JSON value")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= s.count, Array(s[i..<i + w.count]) == w else { throw fail("unexpected word; expected \(word)") }
        i += w.count
    }

    private mutating func number() throws -> String {
        let start = i
        if s[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let from = i
            while i < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) { i += 1 }
            return i - from
        }
        guard digits() > 0 else { throw fail("a number needs digits") }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("a number needs digits after the decimal point") }
        }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
        if i - start > 40 { throw fail("number longer than 40 characters") }
        return String(decoding: s[start..<i], as: UTF8.self)
    }

    private mutating func string() throws -> String {
        i += 1  // opening quote
        var out: [UInt8] = []
        while i < s.count {
            let b = s[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
                return text
            }
            if b < 0x20 { throw fail(b == 0x0A ? "string is not closed before the end of the line" : "control character in a string; escape it") }
            // The limit is on the string's bytes once unescaped: the character or escape that
            // would take it past the limit is refused where it is written (issue 16: the check
            // came before appending, so a string of limit + 1 bytes passed). A character is
            // counted whole at its first byte (the text is valid UTF-8: it was decoded).
            let width = b < 0xC0 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4))
            if b != UInt8(ascii: "\\"), out.count + width > maxStringBytes { throw fail("string longer than \(maxStringBytes) bytes") }
            if b == UInt8(ascii: "\\") {
                let escapeStart = (line: line, column: column)
                func append(_ bytes: [UInt8]) throws {
                    if out.count + bytes.count > maxStringBytes {
                        throw Failure(line: escapeStart.line, column: escapeStart.column, message: "string longer than \(maxStringBytes) bytes")
                    }
                    out.append(contentsOf: bytes)
                }
                i += 1
                guard i < s.count else { break }
                switch s[i] {
                case UInt8(ascii: "\""): try append([0x22])
                case UInt8(ascii: "\\"): try append([0x5C])
                case UInt8(ascii: "/"): try append([0x2F])
                case UInt8(ascii: "b"): try append([0x08])
                case UInt8(ascii: "f"): try append([0x0C])
                case UInt8(ascii: "n"): try append([0x0A])
                case UInt8(ascii: "r"): try append([0x0D])
                case UInt8(ascii: "t"): try append([0x09])
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 2 < s.count, s[i + 1] == UInt8(ascii: "\\"), s[i + 2] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    try append(Array(String(Character(u)).utf8))
                default: throw fail("invalid escape in a string")
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        throw fail("unexpected end of file inside a string")
    }

    /// Reads the four hex digits after `\u`, leaving `i` on the last one.
    private mutating func hex4() throws -> UInt32 {
        guard i + 4 < s.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            let b = s[i + k]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw fail("invalid \\u escape: expected four hex digits")
            }
            v = v * 16 + d
        }
        i += 4
        return v
    }
}
