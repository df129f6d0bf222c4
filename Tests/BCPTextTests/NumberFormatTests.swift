import XCTest
@testable import BCPText

final class NumberFormatTests: XCTestCase {
    func testGroupedAndYen() {
        XCTAssertEqual(NumberFormat.grouped(0), "0")
        XCTAssertEqual(NumberFormat.grouped(999), "999")
        XCTAssertEqual(NumberFormat.grouped(1_000), "1,000")
        XCTAssertEqual(NumberFormat.grouped(67_549), "67,549")
        XCTAssertEqual(NumberFormat.grouped(14_034_861), "14,034,861")
        XCTAssertEqual(NumberFormat.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberFormat.signed(3), "+3")
        XCTAssertEqual(NumberFormat.signed(-2), "-2")
        XCTAssertEqual(NumberFormat.signed(0), "0")
        XCTAssertEqual(NumberFormat.yen(212_000, .ja), "212,000円")
        XCTAssertEqual(NumberFormat.yen(212_000, .en), "¥212,000")
        XCTAssertEqual(NumberFormat.yen(-5, .en), "-¥5")
    }

    func testHoursDaysMeanAndMilli() {
        // Tenths rounded half up on the magnitude: 90 min = 1.5 h; 45 min = 0.75 h -> 0.8; 3 min = 0.05 h -> 0.1.
        XCTAssertEqual(NumberFormat.hours(90), "1.5")
        XCTAssertEqual(NumberFormat.hours(-45), "-0.8")
        XCTAssertEqual(NumberFormat.hours(3), "0.1")
        XCTAssertEqual(NumberFormat.hours(2), "0.0")
        XCTAssertEqual(NumberFormat.hours(-2), "0.0")
        XCTAssertEqual(NumberFormat.hours(74_000), "1,233.3")  // 1,233.33 h
        XCTAssertEqual(NumberFormat.signedHours(90), "+1.5")
        XCTAssertEqual(NumberFormat.signedHours(2), "0.0")
        XCTAssertEqual(NumberFormat.days(10_080), "7.0")
        XCTAssertEqual(NumberFormat.days(720), "0.5")
        XCTAssertEqual(NumberFormat.mean(7, 2), 4)  // 3.5 rounds half up
        XCTAssertNil(NumberFormat.mean(7, 0))
        // Tenths, half up, grouped: 2,149.400 -> 2,149.4; 2,502.000 -> 2,502.0; 1.250 -> 1.3; 0.049 -> 0.0.
        XCTAssertEqual(NumberFormat.milliToTenths(2_149_400), "2,149.4")
        XCTAssertEqual(NumberFormat.milliToTenths(2_502_000), "2,502.0")
        XCTAssertEqual(NumberFormat.milliToTenths(1_250), "1.3")
        XCTAssertEqual(NumberFormat.milliToTenths(49), "0.0")
        XCTAssertEqual(NumberFormat.milli(12_345), "12.345")
        XCTAssertEqual(NumberFormat.milli(-5), "-0.005")
    }
}
