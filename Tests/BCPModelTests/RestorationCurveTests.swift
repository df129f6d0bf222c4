import XCTest
@testable import BCPModel

final class RestorationCurveTests: XCTestCase {
    // 50% at 10 h (600 min), 100% at 20 h (1200 min).
    let curve = RestorationCurve(points: [
        CurvePoint(minute: 600, restoredPPM: 500_000), CurvePoint(minute: 1200, restoredPPM: 1_000_000),
    ])

    func testInterpolation() {
        // Between (0,0) and (600,500000): 300 min -> 250000.
        XCTAssertEqual(curve.restoredPPM(atMinute: 300), 250_000)
        // Between (600,500000) and (1200,1e6): 900 min -> 500000 + 500000*300/600 = 750000.
        XCTAssertEqual(curve.restoredPPM(atMinute: 900), 750_000)
        XCTAssertEqual(curve.restoredPPM(atMinute: 5000), 1_000_000)
    }

    func testInverse() {
        // u = 0: first minute with fraction > 0: 500000*t/600 > 0 -> t = 1 (500000/600 = 833 ppm).
        XCTAssertEqual(curve.restorationMinute(uniformPPM: 0), 1)
        // u = 250000: need 500000*t/600 >= 250001 -> t >= 300.0012 -> 301.
        XCTAssertEqual(curve.restorationMinute(uniformPPM: 250_000), 301)
        // u = 499999: need 500000*t/600 >= 500000 -> t = 600.
        XCTAssertEqual(curve.restorationMinute(uniformPPM: 499_999), 600)
        // u = 750000: second segment, need 500000*dt/600 >= 250001 -> dt = 301 -> 901.
        XCTAssertEqual(curve.restorationMinute(uniformPPM: 750_000), 901)
        XCTAssertEqual(curve.restorationMinute(uniformPPM: 999_999), 1200)
    }

    func testCurveEndingBelowFullNeverRestoresTheRest() {
        let partial = RestorationCurve(points: [CurvePoint(minute: 600, restoredPPM: 400_000)])
        XCTAssertNil(partial.restorationMinute(uniformPPM: 400_000))
        XCTAssertEqual(partial.restorationMinute(uniformPPM: 399_999), 600)
    }

    func testStepCurveRestoresAtThePoint() {
        // Flat at 0 until 100, then a jump to 100% at 101 is steep but finite.
        let step = RestorationCurve(points: [
            CurvePoint(minute: 100, restoredPPM: 0), CurvePoint(minute: 101, restoredPPM: 1_000_000),
        ])
        XCTAssertEqual(step.restorationMinute(uniformPPM: 0), 101)
        XCTAssertEqual(step.restorationMinute(uniformPPM: 999_999), 101)
    }

    func testInvalidCurvesAreNamed() {
        XCTAssertNil(curve.invalidReason)
        XCTAssertEqual(RestorationCurve(points: []).invalidReason, "a curve needs at least one point")
        let down = RestorationCurve(points: [
            CurvePoint(minute: 60, restoredPPM: 500_000), CurvePoint(minute: 120, restoredPPM: 400_000),
        ])
        XCTAssertEqual(down.invalidReason, "point 2: fraction restored must not decrease (curve is not monotone)")
        let back = RestorationCurve(points: [
            CurvePoint(minute: 60, restoredPPM: 1), CurvePoint(minute: 60, restoredPPM: 2),
        ])
        XCTAssertEqual(back.invalidReason, "point 2: hours must increase strictly")
    }
}
