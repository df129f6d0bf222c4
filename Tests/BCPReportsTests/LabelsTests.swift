import XCTest
@testable import BCPReports

final class LabelsTests: XCTestCase {
    func testLabelTableIsCompleteInBothLanguages() {
        XCTAssertEqual(Labels.incompleteKeys, [], "every label needs both ja and en")
        XCTAssertEqual(Labels.text("no.such.key", .ja), "⟦no.such.key⟧")
        XCTAssertEqual(Labels.text("allocation.col.heldOf", .ja, "発電機"), "発電機 保有台数")
    }
}
