import XCTest
@testable import BCPInput

final class JSONValueTests: XCTestCase {
    private func parse(_ text: String, maxDepth: Int = InputLimits.maxJSONDepth, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        switch JSONParser.parse(text, maxDepth: maxDepth) {
        case .success(let v): return v
        case .failure(let f):
            XCTFail("unexpected failure \(f.line):\(f.column): \(f.message)", file: file, line: line)
            return nil
        }
    }

    /// The failure as [line, column] and its message.
    private func failure(_ text: String, maxDepth: Int = InputLimits.maxJSONDepth, file: StaticString = #filePath, line: UInt = #line) -> ([Int], String)? {
        switch JSONParser.parse(text, maxDepth: maxDepth) {
        case .success(let v):
            XCTFail("expected a failure, parsed \(v.kind)", file: file, line: line)
            return nil
        case .failure(let f): return ([f.line, f.column], f.message)
        }
    }

    private func at(_ v: JSONValue?) -> [Int]? { v.map { [$0.line, $0.column] } }

    func testValuesRememberWhereTheyStart() {
        let text = """
            {
              "name": {"ja": "千代田", "en": "Chiyoda"},
              "list": [1, -2.5e3, true, null]
            }
            """
        guard let doc = parse(text) else { return }
        XCTAssertEqual(at(doc), [1, 1])
        // Line 2: two spaces, "name" is columns 3-8, ':' 9, ' ' 10, '{' 11, "ja" 12-15, ':' 16,
        // ' ' 17, "千代田" 18-22 (five characters although eleven bytes), ',' 23, ' ' 24,
        // "en" 25-28, ':' 29, ' ' 30, "Chiyoda" 31.
        XCTAssertEqual(at(doc["name"]), [2, 11])
        XCTAssertEqual(at(doc["name"]?["ja"]), [2, 18])
        XCTAssertEqual(at(doc["name"]?["en"]), [2, 31])
        XCTAssertEqual(doc["name"]?["ja"]?.kind, .string("千代田"))
        // Line 3: "list" 3-8, ':' 9, ' ' 10, '[' 11, 1 at 12, ',' 13, ' ' 14, -2.5e3 at 15-20,
        // ',' 21, ' ' 22, true 23-26, ',' 27, ' ' 28, null 29.
        guard case .array(let items)? = doc["list"]?.kind else { return XCTFail("list is not an array") }
        XCTAssertEqual(items.map { [$0.line, $0.column] }, [[3, 12], [3, 15], [3, 23], [3, 29]])
        XCTAssertEqual(items.map(\.kind), [.number("1"), .number("-2.5e3"), .bool(true), .null])
    }

    func testNumbersKeepTheirSourceText() {
        XCTAssertEqual(parse("[14.9, 0.140, 1E+2]").map(\.kind), .array([
            JSONValue(kind: .number("14.9"), line: 1, column: 2),
            JSONValue(kind: .number("0.140"), line: 1, column: 8),
            JSONValue(kind: .number("1E+2"), line: 1, column: 15),
        ]))
    }

    func testByteOrderMarkAndCRLF() {
        // The BOM is not a column; CR before LF is white space.
        let doc = parse("\u{FEFF}{\"a\": 1,\r\n  \"b\": 2}")
        XCTAssertEqual(at(doc?["a"]), [1, 7])
        XCTAssertEqual(at(doc?["b"]), [2, 8])
    }

    func testKeysKeepTheirOrderAndDuplicates() {
        guard case .object(let members)? = parse("{\"b\": 1, \"a\": 2, \"b\": 3}")?.kind else { return XCTFail() }
        XCTAssertEqual(members.map(\.0), ["b", "a", "b"])
        // The subscript gives the first; the reader reports the second as written twice.
        XCTAssertEqual(parse("{\"b\": 1, \"b\": 3}")?["b"]?.kind, .number("1"))
    }

    func testTruncatedDocuments() {
        XCTAssertEqual(failure("")?.0, [1, 1])
        XCTAssertEqual(failure("")?.1, "unexpected end of file: the JSON is truncated")
        // {"a": [1, 2 is eleven characters: the end is column 12.
        XCTAssertEqual(failure("{\"a\": [1, 2")?.0, [1, 12])
        XCTAssertEqual(failure("{\"a\": [1, 2")?.1, "unexpected end of file: an array is not closed")
        XCTAssertEqual(failure("{\"a\": 1\n")?.0, [2, 1])
        XCTAssertEqual(failure("{\"a\": 1\n")?.1, "unexpected end of file: an object is not closed")
        XCTAssertEqual(failure("{\"a\": \"abc")?.1, "unexpected end of file inside a string")
        XCTAssertEqual(failure("{\"a\":")?.0, [1, 6])
    }

    func testTrailingCommas() {
        // [1, 2,] : the ']' where a value should be is column 7.
        XCTAssertEqual(failure("[1, 2,]")?.0, [1, 7])
        XCTAssertEqual(failure("[1, 2,]")?.1, "unexpected character; expected a JSON value")
        // After Japanese text on the line before, the '}' is line 2, column 1.
        XCTAssertEqual(failure("{\"名前\": \"千代田\",\n}")?.0, [2, 1])
        XCTAssertEqual(failure("{\"名前\": \"千代田\",\n}")?.1, "expected a quoted key")
    }

    func testOtherSyntaxErrors() {
        XCTAssertEqual(failure("{} x")?.0, [1, 4])
        XCTAssertEqual(failure("{} x")?.1, "unexpected text after the end of the JSON document")
        XCTAssertEqual(failure("{\"a\" 1}")?.1, "expected ':' after key \"a\"")
        XCTAssertEqual(failure("[1 2]")?.0, [1, 4])
        XCTAssertEqual(failure("[tru]")?.0, [1, 2])
        XCTAssertEqual(failure("[tru]")?.1, "unexpected word; expected true")
        XCTAssertEqual(failure("[-]")?.1, "a number needs digits")
        XCTAssertEqual(failure("[1.]")?.1, "a number needs digits after the decimal point")
        XCTAssertEqual(failure("[1e]")?.1, "a number needs digits in its exponent")
        XCTAssertEqual(failure("['a']")?.1, "unexpected character; expected a JSON value")
    }

    func testNestingLimit() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNotNil(parse(ok))
        // The 65th '[' is at column 65.
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertEqual(failure(deep)?.0, [1, 65])
        XCTAssertEqual(failure(deep)?.1, "JSON nested deeper than 64 levels")
        // A hostile document far beyond the limit fails the same way, without exhausting the stack.
        XCTAssertEqual(failure(String(repeating: "{\"a\":", count: 100_000))?.1, "JSON nested deeper than 64 levels")
        // The limit counts every value level: with 2, [[1]] stops at the 1 (column 3).
        XCTAssertEqual(failure("[[1]]", maxDepth: 2)?.0, [1, 3])
    }

    func testEscapes() {
        let doc = parse(#"["a\"b\\c\/d\n\t", "\u5343\u4EE3\u7530", "\u00e9"]"#)
        guard case .array(let items)? = doc?.kind else { return XCTFail() }
        XCTAssertEqual(items.map(\.kind), [.string("a\"b\\c/d\n\t"), .string("千代田"), .string("é")])
    }

    func testBadEscapesAreLocated() {
        // ["a\q"]: '[' 1, '"' 2, a 3, '\' 4, q 5.
        XCTAssertEqual(failure(#"["a\q"]"#)?.0, [1, 5])
        XCTAssertEqual(failure(#"["a\q"]"#)?.1, "invalid escape in a string")
        // The position is the 'u' of the escape (column 4).
        XCTAssertEqual(failure(#"["\u12G4"]"#)?.0, [1, 4])
        XCTAssertEqual(failure(#"["\u12G4"]"#)?.1, "invalid \\u escape: expected four hex digits")
        XCTAssertEqual(failure(#"["\u12"]"#)?.1, "invalid \\u escape: expected four hex digits")
        // A raw line break or tab inside a string.
        XCTAssertEqual(failure("[\"ab\ncd\"]")?.0, [1, 5])
        XCTAssertEqual(failure("[\"ab\ncd\"]")?.1, "string is not closed before the end of the line")
        XCTAssertEqual(failure("[\"a\tb\"]")?.1, "control character in a string; escape it")
    }

    func testSurrogatePairs() {
        XCTAssertEqual(parse(#"["\uD83D\uDE00"]"#)?.kind, .array([JSONValue(kind: .string("😀"), line: 1, column: 2)]))
        // A lone high surrogate: located on its last hex digit (column 8 of ["\uD83D"]).
        XCTAssertEqual(failure(#"["\uD83D"]"#)?.0, [1, 8])
        XCTAssertEqual(failure(#"["\uD83D"]"#)?.1, "unpaired surrogate in \\u escape")
        // High followed by a non-surrogate escape; the second escape ends at column 14.
        XCTAssertEqual(failure(#"["\uD83D\u0041"]"#)?.0, [1, 14])
        XCTAssertEqual(failure(#"["\uD83D\u0041"]"#)?.1, "unpaired surrogate in \\u escape")
        // A lone low surrogate is no scalar.
        XCTAssertEqual(failure(#"["\uDE00"]"#)?.1, "invalid \\u escape")
        XCTAssertEqual(failure(#"["\uD83Dx"]"#)?.1, "unpaired surrogate in \\u escape")
    }

    func testTypeNames() {
        XCTAssertEqual(parse("{}")?.typeName, "an object")
        XCTAssertEqual(parse("[]")?.typeName, "an array")
        XCTAssertEqual(parse("\"\"")?.typeName, "a string")
        XCTAssertEqual(parse("0")?.typeName, "a number")
        XCTAssertEqual(parse("false")?.typeName, "true/false")
        XCTAssertEqual(parse("null")?.typeName, "null")
    }
}
