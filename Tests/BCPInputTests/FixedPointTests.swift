import XCTest
@testable import BCPInput

final class FixedPointTests: XCTestCase {
    func testHoursToMinutesExactly() {
        // 14.9 h x 60 = 894 min; in binary floating point 14.9 * 60 is 893.9999... and truncates to 893.
        XCTAssertEqual(FixedPoint.scaled("14.9", by: 60), 894)
        XCTAssertEqual(FixedPoint.scaled("72", by: 60), 4320)
        XCTAssertEqual(FixedPoint.scaled("6.33", by: 60), 380)  // 379.8 rounds to 380
    }

    func testFractionToPartsPerMillion() {
        XCTAssertEqual(FixedPoint.scaled("0.14", by: 1_000_000), 140_000)
        XCTAssertEqual(FixedPoint.scaled("1", by: 1_000_000), 1_000_000)
        XCTAssertEqual(FixedPoint.scaled("0.0000005", by: 1_000_000), 1)  // 0.5 ppm rounds up
        XCTAssertEqual(FixedPoint.scaled("0.0000004", by: 1_000_000), 0)
    }

    func testExponents() {
        XCTAssertEqual(FixedPoint.scaled("1e2", by: 1), 100)
        XCTAssertEqual(FixedPoint.scaled("1E+2", by: 1), 100)
        XCTAssertEqual(FixedPoint.scaled("2.5e-1", by: 60), 15)  // 0.25 h
        XCTAssertEqual(FixedPoint.scaled("150e-2", by: 60), 90)
        XCTAssertEqual(FixedPoint.scaled("1e-25", by: 60), 0)
    }

    func testSigns() {
        XCTAssertEqual(FixedPoint.scaled("-3", by: 60), -180)
        XCTAssertEqual(FixedPoint.scaled("-0.25", by: 60), -15)
        XCTAssertEqual(FixedPoint.scaled("+1.5", by: 60), 90)
        XCTAssertEqual(FixedPoint.scaled("-0", by: 60), 0)
    }

    func testRoundingHalfAwayFromZero() {
        XCTAssertEqual(FixedPoint.scaled("2.5", by: 1), 3)
        XCTAssertEqual(FixedPoint.scaled("-2.5", by: 1), -3)
        XCTAssertEqual(FixedPoint.scaled("0.5", by: 1), 1)
        XCTAssertEqual(FixedPoint.scaled("-0.5", by: 1), -1)
        XCTAssertEqual(FixedPoint.scaled("2.49", by: 1), 2)
        XCTAssertEqual(FixedPoint.scaled("-2.49", by: 1), -2)
        // 0.0125 h = 0.75 min -> 1; 0.0075 h = 0.45 min -> 0.
        XCTAssertEqual(FixedPoint.scaled("0.0125", by: 60), 1)
        XCTAssertEqual(FixedPoint.scaled("0.0075", by: 60), 0)
    }

    func testLeadingZerosAndLongFractions() {
        XCTAssertEqual(FixedPoint.scaled("007", by: 1), 7)
        XCTAssertEqual(FixedPoint.scaled("0.000000000000000000000000001", by: 1_000_000), 0)
        // Nineteen decimal places: 0.6 still rounds to 1 (10^19 does not fit an Int).
        XCTAssertEqual(FixedPoint.scaled("0.6000000000000000000", by: 1), 1)
        XCTAssertEqual(FixedPoint.scaled("0.4999999999999999999", by: 1), 0)
    }

    func testGarbageIsNil() {
        for text in ["", "-", "+", ".", "abc", "1.2.3", "1e", "e5", "1x", " 1", "1 ", "0x10", "1,000", "1e2.5", "--1", "١٢", "１２", "NaN", "inf"] {
            XCTAssertNil(FixedPoint.scaled(text, by: 60), text)
        }
    }

    func testOverflowIsNil() {
        XCTAssertEqual(FixedPoint.scaled("9223372036854775807", by: 1), Int.max)
        XCTAssertNil(FixedPoint.scaled("9223372036854775808", by: 1))
        XCTAssertNil(FixedPoint.scaled("9223372036854775807", by: 2))
        XCTAssertNil(FixedPoint.scaled("1e30", by: 1))
        XCTAssertNil(FixedPoint.scaled("1e31", by: 1))
        XCTAssertNil(FixedPoint.scaled("1234567890123456789012345678901", by: 1))
    }

    func testRoundingNearTheTopDoesNotTrap() {
        // 1537228672809129.30 h x 60 = 92233720368547758.00 min: the mantissa times 60 is
        // 9223372036854775800, 7 below Int.max, so adding half the divisor (50) before dividing
        // by 100 would overflow. The exact answer fits easily.
        XCTAssertEqual(FixedPoint.scaled("1537228672809129.30", by: 60), 92_233_720_368_547_758)
        XCTAssertEqual(FixedPoint.scaled("922337203685477580.7", by: 1), 922_337_203_685_477_581)
        XCTAssertEqual(FixedPoint.scaled("-922337203685477580.7", by: 1), -922_337_203_685_477_581)
    }

    // MARK: Issue 16: only the value counts, not how many digits spell it

    /// `100.0000000000000000` (16 zeros) was refused as "outside the range": its digits were
    /// read as the integer 10^18 with 16 decimal places, and 10^18 x 60 does not fit an Int.
    /// Trailing zeros of a fraction only move the point, and long fractions are rounded digit
    /// by digit, so any decimal whose value fits is read.
    func testTrailingZerosInTheFractionDoNotCount() {
        XCTAssertEqual(FixedPoint.scaled("100.0000000000000000", by: 60), 6_000)  // 100 h
        XCTAssertEqual(FixedPoint.scaled("100.00000000000000000000000000000000", by: 60), 6_000)  // 32 zeros
        XCTAssertEqual(FixedPoint.scaled("100.0000000000000000", by: 1), 100)
        XCTAssertEqual(FixedPoint.scaled("1.0000000000000000000000000000000000000", by: 1_000_000), 1_000_000)  // 37 zeros
        XCTAssertEqual(FixedPoint.scaled("0.5000000000000000000000000000000000000", by: 1_000_000), 500_000)
        // 2.5 with 30 zeros is still exactly half: rounded away from zero.
        XCTAssertEqual(FixedPoint.scaled("2.500000000000000000000000000000", by: 1), 3)
        XCTAssertEqual(FixedPoint.scaled("-2.500000000000000000000000000000", by: 1), -3)
    }

    func testLongFractionsRoundOnTheirValue() {
        // 0.008333333333333333333333333 h x 60 = 0.49999999999999999999999998 min -> 0;
        // with a last digit 4 instead of 3 it is 0.50000000000000000000000004 -> 1 (Python's
        // decimal module, 100 digits, agrees).
        XCTAssertEqual(FixedPoint.scaled("0.008333333333333333333333333", by: 60), 0)
        XCTAssertEqual(FixedPoint.scaled("0.008333333333333333333333334", by: 60), 1)
        // Just above and just below one half, 35 decimals.
        XCTAssertEqual(FixedPoint.scaled("0.50000000000000000000000000000000001", by: 1), 1)
        XCTAssertEqual(FixedPoint.scaled("0.49999999999999999999999999999999999", by: 1), 0)
        // 29 significant digits, value 123456789.01234567890123456789 -> 123456789.
        XCTAssertEqual(FixedPoint.scaled("12345678901234567890123456789e-20", by: 1), 123_456_789)
        // 10^21 x 10^-20 = 10: the zeros are moved, not multiplied out.
        XCTAssertEqual(FixedPoint.scaled("1000000000000000000000e-20", by: 1), 10)
    }

    func testExponentsOfAnySize() {
        XCTAssertEqual(FixedPoint.scaled("1e-999", by: 60), 0)  // far below half a minute
        XCTAssertEqual(FixedPoint.scaled("1e-99999999999999999999", by: 1_000_000), 0)
        XCTAssertEqual(FixedPoint.scaled("0e999", by: 60), 0)  // zero is zero at any exponent
        XCTAssertEqual(FixedPoint.scaled("0.000e99999999999999999999", by: 60), 0)
        XCTAssertNil(FixedPoint.scaled("1e999", by: 1))
        XCTAssertNil(FixedPoint.scaled("1e99999999999999999999", by: 1))
        XCTAssertNil(FixedPoint.scaled("1e", by: 1))
        XCTAssertNil(FixedPoint.scaled("1e+", by: 1))
        XCTAssertNil(FixedPoint.scaled("1e--1", by: 1))
    }

    func testStillRefusedWhenTheValueDoesNotFit() {
        // Int.max is 9223372036854775807: with any number of trailing zeros it fits, one more does not.
        XCTAssertEqual(FixedPoint.scaled("9223372036854775807.000000000000000000000", by: 1), Int.max)
        XCTAssertNil(FixedPoint.scaled("9223372036854775808.000000000000000000000", by: 1))
        // 9223372036854775806.5 rounds up to Int.max; .5 more would round past it.
        XCTAssertEqual(FixedPoint.scaled("9223372036854775806.5", by: 1), Int.max)
        XCTAssertNil(FixedPoint.scaled("9223372036854775807.5", by: 1))
        XCTAssertNil(FixedPoint.scaled("1", by: -1))
    }

    func testWholeNumbers() {
        XCTAssertEqual(FixedPoint.wholeNumber("100"), 100)
        XCTAssertEqual(FixedPoint.wholeNumber("100.0000000000000000"), 100)
        XCTAssertEqual(FixedPoint.wholeNumber("1e2"), 100)
        XCTAssertEqual(FixedPoint.wholeNumber("1500e-1"), 150)
        XCTAssertEqual(FixedPoint.wholeNumber("-0.0"), 0)
        XCTAssertNil(FixedPoint.wholeNumber("100.5"))
        XCTAssertNil(FixedPoint.wholeNumber("1e-1"))
        XCTAssertNil(FixedPoint.wholeNumber("1e30"))  // whole, but past Int
        XCTAssertTrue(FixedPoint.hasFraction("100.00000000000000000001"))
        XCTAssertFalse(FixedPoint.hasFraction("100.00000000000000000000"))
        XCTAssertFalse(FixedPoint.hasFraction("x"))
    }
}
