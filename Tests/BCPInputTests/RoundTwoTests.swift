import BCPModel
import Foundation
import XCTest
@testable import BCPInput

/// Issue 16 ("Reliability, round two"), input side: each test pins one defect found by the
/// outside adversarial pass and failed before its fix.
final class RoundTwoTests: XCTestCase {
    // MARK: Decimals with many digits (issue 16, item 12)

    func testADecimalWithSixteenZerosIsReadByItsValue() throws {
        let f = try ScenarioFixture()
        // 72.0000000000000000 h (16 zeros) is 72 h = 4,320 minutes.
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72,", with: "\"horizon_hours\": 72.0000000000000000,")
        XCTAssertEqual(f.loaded()?.scenario.horizonMinutes, 4_320)
    }

    func testAWholeNumberWrittenWithZerosOrAnExponentIsWhole() throws {
        let f = try ScenarioFixture()
        // 30.0000000000000000000 minutes and 4.2e1 (42): whole values, as a double-based JSON
        // writer prints them.
        try f.replace(in: "scenario.json", "\"provider_call_delay_minutes\": 30", with: "\"provider_call_delay_minutes\": 30.0000000000000000000")
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 4.2e1,")
        let s = f.loaded()?.scenario
        XCTAssertEqual(s?.parameters.providerCallDelayMinutes, 30)
        XCTAssertEqual(s?.seed, 42)
        // Not whole: refused as such, located at the number ("  \"seed\": " is 10 characters).
        let g = try ScenarioFixture()
        try g.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42.00000000000000000001,")
        XCTAssertEqual(g.errors(), ["\(g.path("scenario.json")):6:11: error: seed: expected a whole number (seed), found 42.00000000000000000001"])
    }
}
