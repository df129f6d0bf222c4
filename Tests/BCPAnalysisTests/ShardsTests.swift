import BCPModel
import BCPSimulator
import BCPTestSupport
import XCTest
@testable import BCPAnalysis

final class ShardsTests: XCTestCase {
    static func report(_ r: SimulationResult) -> RunReport {
        RunReport(scenarioId: "x", synthetic: true, suppressionThreshold: 10, inputs: [InputFile(name: "a.csv", fnv1a64: "0123")],
                  counterfactual: nil)
    }

    /// Shards 1...3 of 7 replicas, written and parsed back, merge into the document of the
    /// unsharded ensemble (ranges: floor((k-1)7/3) ..< floor(7k/3) = 0..<2, 2..<4, 4..<7).
    func testShardsMergeIntoTheUnshardedDocument() throws {
        let s = RandomScenario.make(17, patients: 40)
        let parts = try (1...3).map { k in
            let p = PartialResult.run(s, replicas: 7, shard: k, shards: 3, seed: s.seed, tier: .linked, threads: 1,
                                      inputs: [InputFile(name: "a.csv", fnv1a64: "0123")], reportArgs: ["--bom"], report: Self.report)
            let back = try PartialResult.parse(p.encode())
            XCTAssertEqual(back, p)
            return back
        }
        XCTAssertEqual(parts.map(\.range), [0..<2, 2..<4, 4..<7])
        let e = Ensemble.run(s, replicas: 7, threads: 2, tier: .linked)
        let whole = ResultDocument(result: e.replica0, ensemble: e.statistics, report: Self.report(e.replica0))
        XCTAssertEqual(try PartialResult.merge(parts.reversed()).encode(), whole.encode())
    }

    func testBrokenPartsAreRefusedWithAReason() {
        func message(_ text: String) -> String {
            do {
                _ = try PartialResult.parse(text)
                return "parsed"
            } catch let e as PartialResult.FormatError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        let head = "bcpsim.partial/2\nreplicas 3\n"
        XCTAssertEqual(message("bcpsim.partial/1\n"), "not a bcpsim.partial/2 file (written by 'bcpsim run --shard' of this version)")
        XCTAssertEqual(message(head + "shard 1 0\n"), "shard count '0' is not a whole number in 1...100000")
        XCTAssertEqual(message(head + "shard 4 3\n"), "shard '4' is not a whole number in 1...3")
        XCTAssertEqual(message(head + "shard 1 2\nrange 0 2\n"), "shard 1 of 2 holds replicas 0..<1")
        XCTAssertEqual(message(head + "shard 1 1\nrange 0 3\nseed 1\ntier none\nmunicipalities\n"), "expected 'municipalities'")
        XCTAssertEqual(message(head + "shard 1 1\nrange 0 3\nseed 1\ntier none\nmunicipalities 2 131016\n"), "expected 2 municipality codes")
        XCTAssertEqual(message(head + "shard 1 1\nrange 0 3\nseed 1\ntier none\nmunicipalities 0\nreplica 0 1\n"),
                       "expected the line of replica 0")
        XCTAssertEqual(message("bcpsim.partial/2\nreplicas 99999999999999999999\n"),
                       "replicas '99999999999999999999' is not a whole number in 1...100000")
    }
}
