import XCTest
@testable import BCPText

final class JSONWriterTests: XCTestCase {
    func testStreamedDocumentLayout() {
        var w = JSONWriter()
        w.object { w in
            w.string("s", "a\"b")
            w.int("n", -3)
            w.int("none", nil as Int?)
            w.uints("seeds", [0, UInt64.max])
            w.strings("ids", ["x", "y"])
            w.array("rows") { w in
                w.object { w in w.bool("ok", true) }
                w.object { _ in }
            }
            w.object("empty") { _ in }
        }
        XCTAssertEqual(w.text, """
            {
              "s": "a\\"b",
              "n": -3,
              "none": null,
              "seeds": [0, 18446744073709551615],
              "ids": ["x", "y"],
              "rows": [
                {
                  "ok": true
                },
                {}
              ],
              "empty": {}
            }
            """)
    }

    /// The writer appends digits and plain strings as bytes; every value must read as
    /// `String(v)` and `TextEscaping.jsonString(s)` did before (the reference built here the old way).
    func testScalarsAreWrittenAsStringAndQuoteWriteThem() {
        var ints: [Int] = [0, 1, 9, 10, 99, 100, -1, -9, -10, 1_000_000, Int.max, Int.min, Int.min + 1]
        var g = XorShift64(seed: 7)
        for _ in 0..<500 { ints.append(Int(bitPattern: UInt(g.next()))) }
        var uints: [UInt64] = [0, 9, 10, UInt64.max]
        for _ in 0..<200 { uints.append(g.next() >> (g.next() % 64)) }
        let strings = ["", "a", "P131016-00001", "千代田区", "a\"b", "back\\slash", "tab\tend", "line\nbreak",
                       "\u{1}", "\u{1F}", "sep\u{2028}x", "para\u{2029}", "arrow →", "é", "\r"]
        var w = JSONWriter()
        w.array { w in
            for v in ints { w.int(nil, v) }
            for v in uints { w.uint(nil, v) }
            for s in strings { w.string("k" + s, s) }
            w.ints("all", ints)
            w.uints("allu", uints)
            w.strings("alls", strings)
        }
        var expected = "["
        var first = true
        func element(_ key: String?, _ json: String) {
            expected += (first ? "" : ",") + "\n  " + (key.map { TextEscaping.jsonString($0) + ": " } ?? "") + json
            first = false
        }
        for v in ints { element(nil, String(v)) }
        for v in uints { element(nil, String(v)) }
        for s in strings { element("k" + s, TextEscaping.jsonString(s)) }
        element("all", "[" + ints.map(String.init).joined(separator: ", ") + "]")
        element("allu", "[" + uints.map { String($0) }.joined(separator: ", ") + "]")
        element("alls", "[" + strings.map(TextEscaping.jsonString).joined(separator: ", ") + "]")
        expected += "\n]"
        XCTAssertEqual(w.text, expected)
    }
}

/// A small xorshift generator for the test's values (no dependency on the simulator's PRNG).
private struct XorShift64 {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
