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
}
