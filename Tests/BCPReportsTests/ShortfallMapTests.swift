import XCTest

@testable import BCPReports

/// The summary's map (Sources/BCPReports/Shortfall/ShortfallMap.swift).
final class ShortfallMapTests: XCTestCase {
    /// Per 10,000 residents in hundredths, half up, never 0 above 0 patients:
    /// 132 x 1,000,000 / 936,846 = 140.9 -> 141; 3 x 1,000,000 / 943,664 = 3.18 -> 3;
    /// 1 x 1,000,000 / 10,000,000 = 0.1 -> 0, raised to 1; 0 patients -> 0.
    func testRates() {
        XCTAssertEqual(ShortfallMap.rateHundredths(132, population: 936_846), 141)
        XCTAssertEqual(ShortfallMap.rateHundredths(3, population: 943_664), 3)
        XCTAssertEqual(ShortfallMap.rateHundredths(1, population: 10_000_000), 1)
        XCTAssertEqual(ShortfallMap.rateHundredths(0, population: 943_664), 0)
        XCTAssertEqual(ShortfallMap.hundredthsText(141), "1.41")
        XCTAssertEqual(ShortfallMap.hundredthsText(3), "0.03")
        XCTAssertEqual(ShortfallMap.rangeText(5...5, .ja), "0.05")
        XCTAssertEqual(ShortfallMap.rangeText(1...9, .en), "0.01–0.09")
    }

    /// In the hand-built result of ShortfallReportTests (synthetic, shown exactly), every
    /// municipality with an uncovered patient is drawn in a class above "0", and one with none
    /// in the "0" class.
    func testAMunicipalityWithPeopleWithoutPowerIsNeverDrawnAsZero() {
        let data = ShortfallReportTests.data()
        let map = ShortfallMap(tables: PublicTables(data, policy: .open), lang: .ja).map()
        for (i, m) in data.result.municipalities.enumerated() where m.tally.affected > 0 {
            let area = map.areas[i]
            XCTAssertEqual(area.code, m.code.description)
            if m.tally.uncovered > 0 {
                XCTAssertNotEqual(area.fill, .inClass(0), "\(m.nameJa): \(m.tally.uncovered) uncovered")
            } else {
                XCTAssertEqual(area.fill, .inClass(0), m.nameJa)
            }
        }
    }
}
