import XCTest
@testable import BCPSimulator

/// Use-minutes and need by time of day (docs/MODEL.md, "Time of day"), worked out by hand.
final class UseClockTests: XCTestCase {
    func testRoundTheClockCountsEveryMinute() {
        let c = UseClock(hoursPerDay: 24, spread: false, useFrom: 21 * 60, startClock: 0)
        XCTAssertEqual(c.used(0), 0)
        XCTAssertEqual(c.used(1_500), 1_500)
        XCTAssertEqual(c.time(ofUse: 300), 300)
        XCTAssertEqual(c.need(100, 400), 300)
        XCTAssertEqual(c.time(afterNeed: 5, from: 300), 305)
    }

    /// Night-time NPPV, 12 h from 21:00, scenario starting at midnight: the window of the night
    /// before runs -180..540, the next 1260..1980.
    func testNightWindowFromMidnight() {
        let c = UseClock(hoursPerDay: 12, spread: false, useFrom: 21 * 60, startClock: 0)
        XCTAssertEqual(c.kind, .window(start: 1_260, length: 720))
        XCTAssertEqual(c.used(540), 540)          // 00:00-09:00 of the night before's window
        XCTAssertEqual(c.used(1_260), 540)        // nothing 09:00-21:00
        XCTAssertEqual(c.used(1_300), 580)
        XCTAssertEqual(c.time(ofUse: 540), 540)   // the 540th use-minute ends at 09:00
        XCTAssertEqual(c.time(ofUse: 541), 1_261) // the next one is the first of the evening
        XCTAssertEqual(c.need(0, 1_440), 540 + 180)
        // 300 minutes of battery at 10:00 (minute 600) last until 21:00 + 300 = minute 1,560.
        XCTAssertEqual(c.time(ofUse: c.used(600) + 300), 1_560)
    }

    /// The same device in a scenario that starts at 21:00: the window starts at minute 0.
    func testStartClockShiftsTheWindow() {
        let c = UseClock(hoursPerDay: 12, spread: false, useFrom: 21 * 60, startClock: 21 * 60)
        XCTAssertEqual(c.kind, .window(start: 0, length: 720))
        XCTAssertEqual(c.used(720), 720)
        XCTAssertEqual(c.used(1_440), 720)
        XCTAssertEqual(c.time(ofUse: 721), 1_441)
    }

    /// Suction 6 h a day, spread: a quarter of the minutes run the pump, every minute may need it.
    func testSpreadDevice() {
        let c = UseClock(hoursPerDay: 6, spread: true, useFrom: 0, startClock: 0)
        XCTAssertEqual(c.used(240), 60)
        XCTAssertEqual(c.time(ofUse: 60), 240)   // 60 x 24 / 6
        XCTAssertEqual(c.time(ofUse: 61), 244)   // ceil(61 x 4)
        XCTAssertEqual(c.need(10, 130), 120)
        XCTAssertEqual(c.time(afterNeed: 120, from: 500), 620)
    }
}
