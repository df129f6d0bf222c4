import XCTest
@testable import BCPReports

final class LabelsTests: XCTestCase {
    func testLabelTableIsCompleteInBothLanguages() {
        XCTAssertEqual(Labels.incompleteKeys, [], "every label needs both ja and en")
        XCTAssertEqual(Labels.text("no.such.key", .ja), "⟦no.such.key⟧")
        XCTAssertEqual(Labels.text("allocation.col.heldOf", .ja, "発電機"), "発電機 保有台数")
    }

    /// English nouns agree with a count of exactly 1; other numbers, bands and parts of numbers
    /// keep the plural.
    func testEnglishSingularAfterOne() {
        XCTAssertEqual(EnglishNumber.agree("1 providers and 1 patients, 21 patients, 1,001 units, 0.1 units, 1–9 patients, 1 unitsx"),
                       "1 provider and 1 patient, 21 patients, 1,001 units, 0.1 units, 1–9 patients, 1 unitsx")
        XCTAssertEqual(EnglishNumber.agree("2 municipalities; 1 municipalities"), "2 municipalities; 1 municipality")
        XCTAssertEqual(Labels.text("workshop.inject.providersLosePower.message", .en, "Ku-chubu", "1", "clinics 1").prefix(36),
                       "1 provider without backup power in K")
    }
}
