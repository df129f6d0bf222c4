import BCPText
import XCTest

@testable import BCPReports

/// The policy and how shown figures are written (Sources/BCPReports/Disclosure/DisclosurePolicy.swift).
final class DisclosurePolicyTests: XCTestCase {
    func testScenarioPolicy() {
        // A real scenario: its threshold. A synthetic one: nothing hidden, unless --suppress.
        XCTAssertEqual(DisclosurePolicy.forScenario(synthetic: false, threshold: 10), .protected(10))
        XCTAssertEqual(DisclosurePolicy.forScenario(synthetic: true, threshold: 10).basis, .synthetic)
        XCTAssertFalse(DisclosurePolicy.forScenario(synthetic: true, threshold: 10).protects)
        XCTAssertEqual(DisclosurePolicy.forScenario(synthetic: true, threshold: 10, requested: 5), .protected(5))
        XCTAssertFalse(DisclosurePolicy.protected(1).protects, "threshold 1: nothing is small")
    }

    func testSmallCountsAndOnePersonsValues() {
        let p = DisclosurePolicy.protected(10)
        XCTAssertEqual([0, 1, 9, 10].map(p.count), [.exact(0), .band(1, 9), .band(1, 9), .exact(10)])
        XCTAssertEqual(p.magnitude(300, contributors: 3), .withheld)
        XCTAssertEqual(p.magnitude(300, contributors: 10), .exact(300))
        // A first time or a longest gap is one person's: shown only from a group of 10 or more.
        XCTAssertEqual(p.extreme(60, group: 9), .withheld)
        XCTAssertEqual(p.extreme(60, group: 0), .withheld)
        XCTAssertEqual(p.extreme(60, group: 10), .exact(60))
        XCTAssertEqual(DisclosurePolicy.open.count(3), .exact(3))
    }

    /// Bands are written so that no spreadsheet reads them as a date: a full-width tilde in
    /// Japanese, an en dash on English pages and "to" in English CSV.
    func testTexts() {
        XCTAssertEqual(DisclosureText.count(.band(1, 9), .ja), "1～9")
        XCTAssertEqual(DisclosureText.count(.band(1_960, 1_969), .en), "1,960–1,969")
        XCTAssertEqual(DisclosureText.count(.exact(1_234), .ja), "1,234")
        XCTAssertEqual(DisclosureText.count(.withheld, .en), "x")
        XCTAssertEqual(DisclosureText.csvBand(1, 9, .en), "1 to 9")
        XCTAssertEqual(DisclosureText.csv(.band(1, 9), .ja).value, .empty)
        XCTAssertEqual(DisclosureText.csv(.band(1, 9), .ja).flag, .text("1～9"))
        XCTAssertEqual(DisclosureText.csv(.exact(12), .ja).value, .number(12))
        XCTAssertEqual(DisclosureText.csv(.exact(12), .ja).flag, .empty)
        XCTAssertEqual(DisclosureText.json(.band(10, 19)).render(), "{\n  \"min\": 10,\n  \"max\": 19\n}")
        XCTAssertEqual(DisclosureText.hours(.exact(90)), "1.5")
        XCTAssertEqual(DisclosureText.hours(.withheld), "x")
    }

    /// Differences: exact minus exact is exact; a band minus an exact 12 is the band moved by 12.
    func testDifferences() {
        XCTAssertEqual(Shown.exact(30).minus(.exact(12)), .exact(18))
        XCTAssertEqual(Shown.band(20, 29).minus(.exact(12)), .band(8, 17))
        XCTAssertEqual(Shown.band(1, 9).minus(.band(1, 9)), .band(-8, 8))
        XCTAssertEqual(Shown.withheld.minus(.exact(1)), .withheld)
        XCTAssertEqual(DisclosureText.signedCount(.band(-8, 8), .ja), "-8～+8")
    }
}
