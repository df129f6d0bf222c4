import XCTest
@testable import BCPModel

final class PatientTests: XCTestCase {
    func patient(draw: Int, hours: Int, inner: Int, outer: Int, gen: OwnGenerator? = nil) -> Patient {
        Patient(
            id: "P1", municipality: MunicipalityCode("131016")!, device: .tppv, drawW: draw, hoursPerDay: hours,
            internalBatteryWh: inner, externalBatteryWh: outer, generator: gen, providerId: "C1",
            registeredSupportPlan: false)
    }

    func testBatteryMinutesForRoundTheClockDevice() {
        // 100 Wh + 95 Wh = 195 Wh at 60 W: 195*60/60 = 195 minutes.
        XCTAssertEqual(patient(draw: 60, hours: 24, inner: 100, outer: 95).ownReserveMinutes, 195)
        // 100 Wh at 45 W: 6000/45 = 133.3 -> 133 (floor).
        XCTAssertEqual(patient(draw: 45, hours: 24, inner: 100, outer: 0).ownReserveMinutes, 133)
    }

    func testHoursPerDaySpreadTheLoad() {
        // 100 Wh at 45 W used 12 h a day: 100*60*24 / (45*12) = 144000/540 = 266.6 -> 266.
        XCTAssertEqual(patient(draw: 45, hours: 12, inner: 100, outer: 0).ownReserveMinutes, 266)
    }

    func testGeneratorCountsOnlyWhenUsableAndBigEnough() {
        let gen = OwnGenerator(ratedW: 900, runtimePerTankMinutes: 100, tanks: 3)
        // 60 min of battery (60 Wh at 60 W) + 3 tanks x 100 min = 360.
        XCTAssertEqual(patient(draw: 60, hours: 24, inner: 60, outer: 0, gen: gen).ownReserveMinutes, 360)
        var off = gen
        off.operable = false
        XCTAssertEqual(patient(draw: 60, hours: 24, inner: 60, outer: 0, gen: off).ownReserveMinutes, 60)
        let small = OwnGenerator(ratedW: 50, runtimePerTankMinutes: 100, tanks: 3)
        XCTAssertEqual(patient(draw: 60, hours: 24, inner: 60, outer: 0, gen: small).ownReserveMinutes, 60)
    }

    func testUnitMinutes() {
        let p = patient(draw: 60, hours: 24, inner: 0, outer: 0)
        let battery = PowerUnit(
            id: "U1", kind: .battery, capacityWh: 600, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0,
            owner: .municipality(p.municipality), subsidized: true)
        // 600 Wh at 60 W = 600 minutes.
        XCTAssertEqual(battery.minutes(for: p), 600)
        let gen = PowerUnit(
            id: "G1", kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 2,
            owner: .provider("C1"), subsidized: false)
        XCTAssertEqual(gen.minutes(for: p), 480)
    }

    func testTierOrderAndNames() {
        XCTAssertLessThan(BCPTier.none, BCPTier.institutional)
        XCTAssertLessThan(BCPTier.linked, BCPTier.regional)
        XCTAssertEqual(BCPTier(name: "linked"), .linked)
        XCTAssertNil(BCPTier(name: "Linked"))
    }
}
