import XCTest
@testable import BCPText

final class TextEscapingTests: XCTestCase {
    func testJSONString() {
        XCTAssertEqual(TextEscaping.jsonString("千代田区"), "\"千代田区\"")
        XCTAssertEqual(TextEscaping.jsonString("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(TextEscaping.jsonString("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"")
        // U+0001 -> \u0001; U+2028 -> \u2028 (a line end in JavaScript).
        XCTAssertEqual(TextEscaping.jsonString("\u{01}\u{2028}"), "\"\\u0001\\u2028\"")
    }

    func testCSVField() {
        XCTAssertEqual(TextEscaping.csvField("plain"), "plain")
        XCTAssertEqual(TextEscaping.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(TextEscaping.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(TextEscaping.csvField("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(TextEscaping.csvField(" padded"), "\" padded\"")
        XCTAssertEqual(TextEscaping.csvField(""), "")
    }
}
