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
        XCTAssertTrue(line("what-if incremental").contains("2.0 s for up to 80 reruns at Tokyo 25000, against 4 s"), line("what-if"))
        XCTAssertTrue(line("what-if incremental").contains("67% of the full run"), line("what-if"))
        XCTAssertTrue(line("SimPy").hasPrefix("NOT MET"))
    }
}
