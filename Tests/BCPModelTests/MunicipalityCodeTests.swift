import XCTest
@testable import BCPModel

final class MunicipalityCodeTests: XCTestCase {
    func testValidCodes() {
        // 13101: 1*6 + 3*5 + 1*4 + 0*3 + 1*2 = 27; 27 mod 11 = 5; (11 - 5) mod 10 = 6 -> 131016.
        XCTAssertEqual(MunicipalityCode("131016")?.value, 131016)
        // 13209: 6 + 15 + 8 + 0 + 18 = 47; 47 mod 11 = 3; 11 - 3 = 8 -> 132098 (町田市).
        XCTAssertEqual(MunicipalityCode("132098")?.description, "132098")
    }

    func testWrongCheckDigitAndShapeAreRejected() {
        XCTAssertNil(MunicipalityCode("131017"))
        XCTAssertNil(MunicipalityCode("13101"))
        XCTAssertNil(MunicipalityCode("1310160"))
        XCTAssertNil(MunicipalityCode("13101a"))
        XCTAssertNil(MunicipalityCode("１３１０１６"))  // full-width digits are not accepted silently
        XCTAssertEqual(MunicipalityCode.expectedCode(for: "131017"), "131016")
    }

    func testCheckDigitTenWrapsToZero() {
        // 13100: 6+15+4+0+0 = 25; 25 mod 11 = 3; 11-3 = 8 -> 131008. Find a sum = 0 mod 11:
        // 00000 -> (11 - 0) mod 10 = 1, so 000001 is valid and 000000 is not.
        XCTAssertNotNil(MunicipalityCode("000001"))
        XCTAssertNil(MunicipalityCode("000000"))
        XCTAssertEqual(MunicipalityCode("000001")?.description, "000001")
    }
}
