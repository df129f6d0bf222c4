import BCPModel
import XCTest

@testable import BCPReports

/// The patients per device, decided once for every output (Sources/BCPReports/Disclosure/DeviceCounts.swift).
final class DeviceCountsTests: XCTestCase {
    /// The counts of the ward official's trial: 101 TPPV, 165 NPPV, 2,227 oxygen, 9 suction, none
    /// on a feeding pump; 2,502 in all, 266 ventilator users (both published exactly, Tokyo
    /// totals). The 9 is a band; with the two totals exact, a reader who enumerates every value
    /// the shown cells allow must find the suction count open (more than one value), and so
    /// must the ventilator split.
    func testNoDeviceCountCanBeWorkedOutFromTheTwoTotals() {
        var c = PerCase<DeviceKind, Int>(repeating: 0)
        c[.tppv] = 101; c[.nppv] = 165; c[.oxygenConcentrator] = 2_227; c[.suction] = 9
        let d = DeviceCounts(c, policy: .protected(10))
        XCTAssertEqual(d.total, .exact(2_502))
        XCTAssertEqual(d.devices[.suction], .band(1, 9))
        XCTAssertEqual(d.devices[.feedingPump], .exact(0))
        func values(_ s: Shown) -> ClosedRange<Int> { s.bounds ?? 0...2_502 }
        var suction = Set<Int>(), tppv = Set<Int>()
        for t in values(d.devices[.tppv]) {
            for n in values(d.devices[.nppv]) where t + n == 266 {
                for o in values(d.devices[.oxygenConcentrator]) {
                    let s = 2_502 - t - n - o
                    if values(d.devices[.suction]).contains(s) {
                        suction.insert(s)
                        tppv.insert(t)
                    }
                }
            }
        }
        XCTAssertTrue(suction.contains(9) && suction.count > 1, "suction \(suction.sorted())")
        XCTAssertTrue(tppv.contains(101) && (d.devices[.tppv].isExact || tppv.count > 1), "tppv \(tppv.sorted())")
    }

    /// Synthetic data: every count exact.
    func testOpenPolicyShowsTheCounts() {
        var c = PerCase<DeviceKind, Int>(repeating: 0)
        c[.tppv] = 3; c[.suction] = 2
        let d = DeviceCounts(c, policy: .open)
        XCTAssertEqual(d.devices[.tppv], .exact(3))
        XCTAssertEqual(d.total, .exact(5))
    }
}
