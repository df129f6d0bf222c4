import XCTest
@testable import BCPText

final class TextTableTests: XCTestCase {
    func testTextTableEscapesPipesAndMarkup() {
        var t = TextTable(headers: ["name", "n"], alignments: [.left, .right])
        t.add(["a|b <i>", "1,234"])
        t.add(["Total", "5"], strong: true)
        XCTAssertEqual(
            t.render(),
            "| name | n |\n| --- | ---: |\n| a\\|b \\<i\\> | 1,234 |\n| **Total** | **5** |\n")
    }
}
