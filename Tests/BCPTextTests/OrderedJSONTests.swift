import XCTest
@testable import BCPText

final class OrderedJSONTests: XCTestCase {
    func testOrderedJSONKeepsKeyOrderAndEscapes() {
        let j: OrderedJSON = .object([("z", .int(1)), ("a", .array([.int(1), .null])), ("s", .string("\"q\"\n\u{1}東京"))])
        XCTAssertEqual(j.render(), "{\n  \"z\": 1,\n  \"a\": [1, null],\n  \"s\": \"\\\"q\\\"\\n\\u0001東京\"\n}")
    }

    func testNestedArraysAndEmptyContainers() {
        let j: OrderedJSON = .object([("o", .object([])), ("a", .array([])), ("n", .array([.object([("k", .bool(true))])]))])
        XCTAssertEqual(j.render(), "{\n  \"o\": {},\n  \"a\": [],\n  \"n\": [\n    {\n      \"k\": true\n    }\n  ]\n}")
    }
}
