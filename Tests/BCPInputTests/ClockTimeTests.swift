import XCTest
@testable import BCPInput

final class ClockTimeTests: XCTestCase {
    func testReadsHoursAndMinutes() {
        XCTAssertEqual(ClockTime.minutes("00:00"), 0)
        XCTAssertEqual(ClockTime.minutes("9:05"), 545)
        XCTAssertEqual(ClockTime.minutes("21:00"), 1_260)
        XCTAssertEqual(ClockTime.minutes("23:59"), 1_439)
    }

    func testRefusesAnythingElse() {
        for bad in ["24:00", "12:60", "1200", "12:5", "123:00", "", ":", "12:00:00", "-1:00", "１２:００", " 9:00", "9:00 "] {
            XCTAssertNil(ClockTime.minutes(bad), bad)
        }
    }

    func testWritesTwoDigitsModuloADay() {
        XCTAssertEqual(ClockTime.text(545), "09:05")
        XCTAssertEqual(ClockTime.text(1_440 + 60), "01:00")
        XCTAssertEqual(ClockTime.text(-60), "23:00")
    }
}
