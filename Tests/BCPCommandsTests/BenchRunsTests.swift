@testable import BCPCommands
import XCTest

/// The whole-run part of `bcpsim bench` (BenchRuns.swift): the phases derived from the timings,
/// and each target's verdict, on hand-made rows (the timings themselves are not tested).
final class BenchRunsTests: XCTestCase {
    func row(_ name: String, _ n: Int, load: Double, simulate: Double, events: Int, without: Double, full: Double, peak: Int, bytes: Int) -> BenchRuns.Row {
        BenchRuns.Row(workload: BenchRuns.Workload(name: name, patients: n, japan: name == "japan"), csvBytes: bytes, load: load,
                      simulate: simulate, events: events, withoutWhatIf: without, full: full, peakMiB: peak)
    }

    func testPhasesAndVerdicts() {
        // 1M: reports = 30 - 5 - 10 = 15 s, what-if = 40 - 30 = 10 s; the largest phase is reports.
        let big = row("japan", 1_000_000, load: 5, simulate: 10, events: 50_000_000, without: 30, full: 40, peak: 2_048, bytes: 100_000_000)
        // 100k: every phase a tenth, except what-if (0.5 s: x20 to 1M, over the 12x allowed).
        let small = row("japan", 100_000, load: 0.5, simulate: 1, events: 5_000_000, without: 3, full: 3.5, peak: 300, bytes: 10_000_000)
        let tokyo = row("tokyo", 25_000, load: 0.1, simulate: 0.05, events: 2_000_000, without: 1, full: 3, peak: 100, bytes: 2_000_000)
        XCTAssertEqual(big.reports, 15)
        XCTAssertEqual(big.whatIf, 10)
        let lines = BenchRuns.verdict([tokyo, small, big])
        func line(_ key: String) -> String { lines.first { $0.contains(key) } ?? "" }
        XCTAssertTrue(line("whole run with reports").hasPrefix("NOT MET"), line("whole run"))
        XCTAssertTrue(line("whole run with reports").contains("limited by writing the reports"), line("whole run"))
        XCTAssertTrue(line("1 GiB").hasPrefix("NOT MET"))
        XCTAssertTrue(line("growth of load").hasPrefix("met"), line("growth of load"))  // x10
        XCTAssertTrue(line("growth of what-if").hasPrefix("NOT MET"), line("growth of what-if"))  // x20
        // 50M events in 10 s = 5M/s; 100 MB in 5 s = 20 MB/s; Tokyo 2M events in 0.05 s = 40M/s.
        XCTAssertTrue(line("events/s at 1M").contains("5.00M events/s"), line("events/s at 1M"))
        XCTAssertTrue(line("MB/s of CSV").contains("20 MB/s"), line("MB/s"))
        XCTAssertTrue(line("Tokyo density").hasPrefix("met"), line("Tokyo density"))
        // What-if 2 s against 80 x 0.05 = 4 s of whole reruns: met; 2 of 3 s is 67% of the run.
        XCTAssertTrue(line("what-if incremental").hasPrefix("met"), line("what-if"))
        XCTAssertTrue(line("what-if incremental").contains("2.00 s for up to 80 reruns at Tokyo 25000, against 4 s"), line("what-if"))
        XCTAssertTrue(line("what-if incremental").contains("67% of the full run"), line("what-if"))
        XCTAssertTrue(line("SimPy").hasPrefix("NOT MEASURED"), line("SimPy"))
        // With the SimPy model's times: 4 s against 0.05 s is x80 (not met), 30 s against 0.2 s x150 (met).
        var a = tokyo, b = row("tokyo", 2_502, load: 0.01, simulate: 0.2, events: 10, without: 0.3, full: 0.5, peak: 40, bytes: 1)
        a.simpy = 4
        b.simpy = 30
        let withSimPy = BenchRuns.verdict([b, a])
        func simpy(_ n: Int) -> String { withSimPy.first { $0.contains("SimPy model, Tokyo \(n)") } ?? "" }
        XCTAssertTrue(simpy(25_000).hasPrefix("NOT MET") && simpy(25_000).contains("x80.0"), simpy(25_000))
        XCTAssertTrue(simpy(2_502).hasPrefix("met") && simpy(2_502).contains("x150.0"), simpy(2_502))
        XCTAssertTrue(withSimPy.contains { $0.hasPrefix("NOT JUDGED: the 1M targets") })  // no 1M row here
        XCTAssertFalse(lines.contains { $0.contains("the 1M targets") })  // the first verdict had one
        XCTAssertFalse(withSimPy.contains { $0.contains("NOT MEASURED") })
        // Looks per event in the cause: 1M has 50M events; 150M looks are 3.0 per event.
        var slow = big
        slow.looks = 150_000_000
        let cause = BenchRuns.verdict([small, slow]).first { $0.contains("events/s at 1M") } ?? ""
        XCTAssertTrue(cause.contains("3.0 looks per event"), cause)
    }

    /// The model prints one JSON line; bench reads its simulate_seconds.
    func testSimPySecondsAreReadFromTheModelsLine() {
        XCTAssertEqual(SimPyModel.seconds(in: "{\"patients\": 2502, \"simulate_seconds\": 0.25, \"load_seconds\": 0.05}\n"), 0.25)
        XCTAssertNil(SimPyModel.seconds(in: "Traceback (most recent call last):"))
    }

    /// The quick bench's Tokyo workload simulates in milliseconds: its rate and what-if are not judged.
    func testTooShortToTimeIsNotJudged() {
        let tiny = row("tokyo", 500, load: 0.01, simulate: 0.004, events: 9_000, without: 0.45, full: 0.47, peak: 29, bytes: 1)
        let lines = BenchRuns.verdict([tiny])
        XCTAssertTrue(lines.contains { $0.hasPrefix("NOT JUDGED: simulate >= 20M") && $0.contains("0.0040 s") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("NOT JUDGED: what-if incremental") && $0.contains("0.02 s") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("NOT JUDGED: the 1M targets") }, "\(lines)")
        // The SimPy ratio of a simulation too short to time is not judged either.
        var timed = tiny
        timed.simpy = 0.04
        let withSimPy = BenchRuns.verdict([timed])
        XCTAssertTrue(withSimPy.contains { $0.hasPrefix("NOT JUDGED: simulate >= 100x the SimPy model, Tokyo 500") }, "\(withSimPy)")
        XCTAssertFalse(withSimPy.contains { $0.hasPrefix("NOT MET: simulate >= 100x") }, "\(withSimPy)")
        // Nothing judged met or not met on it.
        XCTAssertFalse(lines.contains { $0.hasPrefix("met") || $0.hasPrefix("NOT MET") }, "\(lines)")
    }
}
