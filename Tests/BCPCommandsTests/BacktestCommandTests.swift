import BCPTestSupport
import Foundation
import XCTest
@testable import BCPCommands

final class BacktestCommandTests: XCTestCase {
    /// The Chiba event, one seed: the table names the scenario and both figures, the files are
    /// written, and the exit status says whether every figure is inside its band (0) or not (1).
    func testRunsAScenarioAndWritesTheReport() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-bt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = CLI.run(["backtest", Repository.path("Scenarios/backtest-chiba2019"), "--replicas", "1", "--lang", "en", "--out", out])
        XCTAssertTrue([0, 1].contains(r.code), r.err)
        XCTAssertTrue(r.out.contains("backtest-chiba2019"), r.out)
        XCTAssertTrue(r.out.contains("reached by their oxygen supplier"), r.out)
        XCTAssertEqual(r.code == 0, r.out.contains("inside their bands"), r.out)
        for name in ["backtest.md", "backtest.csv", "backtest.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), name)
        }
    }

    /// A scenario folder without a backtest.json is bad data (65), said plainly.
    func testFolderWithoutRecordIsAnError() {
        let r = CLI.run(["backtest", Repository.path("Scenarios/island-typhoon"), "--replicas", "1"])
        XCTAssertEqual(r.code, 65)
        XCTAssertTrue(r.err.contains("no backtest.json"), r.err)
    }

    /// A bad --out is refused before any run (a third issue-16 trial found backtest running first):
    /// into a scenario folder, nothing is printed but the refusal.
    func testABadOutputFolderFailsBeforeTheRuns() {
        let r = CLI.run(["backtest", Repository.path("Scenarios/backtest-chiba2019"), "--replicas", "1",
                         "--out", Repository.path("Scenarios/island-typhoon")])
        XCTAssertEqual(r.code, ExitCode.cannotCreate)
        XCTAssertTrue(r.err.contains("is a scenario folder"), r.err)
        XCTAssertEqual(r.out, "", "no table: nothing ran")
    }

    func testBadReplicasIsAUsageError() {
        XCTAssertEqual(CLI.run(["backtest", "--replicas", "0"]).code, 64)
    }
}
