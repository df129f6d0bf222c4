import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest

@testable import BCPAnalysis

/// What the fuzz targets `result` and `partial` found (docs/RELIABILITY.md), each a test that
/// failed before its fix.
final class FuzzFindingsTests: XCTestCase {
    /// `partial`, after 284,227 runs: a replica line with "|" in place of its last count, e.g.
    /// `replica 2 ... | 0 3 5 | 0 450  | `, had the right number of fields, and the parser dropped
    /// every "|" before reading the counts, so the municipality counts came out one short. Merged,
    /// the statistics read past the end of them: a trap in `bcpsim merge`.
    func testAReplicaLineWithABarInPlaceOfACountIsRefused() throws {
        let s = RandomScenario.make(3, patients: 10)
        let report = { (_: SimulationResult) in
            RunReport(scenarioId: "x", synthetic: true, suppressionThreshold: 10, inputs: [], counterfactual: nil)
        }
        let parts = (1...2).map { k in
            PartialResult.run(s, replicas: 3, shard: k, shards: 2, seed: 1, tier: .asConfigured, threads: 1, inputs: [], reportArgs: [],
                              report: report)
        }
        let text = parts[1].encode()
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("replica 2 ") }.map(String.init))
        var fields = line.split(separator: " ").map(String.init)
        fields[fields.count - 1] = "|"
        let tampered = text.replacingOccurrences(of: line, with: fields.joined(separator: " "))
        XCTAssertThrowsError(try PartialResult.parse(tampered)) {
            XCTAssertEqual(($0 as? PartialResult.FormatError)?.message, "count '|' is not a whole number in 0...1000000000000")
        }
        XCTAssertNoThrow(try PartialResult.merge([parts[0], try PartialResult.parse(text)]))
    }
}
