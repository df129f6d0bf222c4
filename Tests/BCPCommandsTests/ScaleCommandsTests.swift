import BCPAnalysis
import BCPInput
import BCPModel
import BCPSimulator
import BCPSynthetic
import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// Issue 10: sharded runs merge into the unsharded files byte for byte; the Japan-wide generator
/// is deterministic and labelled synthetic; bench --quick prints its table (no timing asserted).
final class ScaleCommandsTests: XCTestCase {

    func temp() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-scale-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let name = e.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir)
            if !isDir.boolValue { out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)) }
        }
        return out
    }

    func run(_ args: [String]) -> (Int32, CapturedTerminal) {
        let term = CapturedTerminal()
        return (BCPSim.main(args, terminal: term.terminal), term)
    }

    func testShardsMergeIntoTheUnshardedFilesByteForByte() throws {
        let scenario = Repository.root.appendingPathComponent("Scenarios/chiba2019").path
        let base = temp()
        for (replicas, shards, extra) in [
            (7, 3, ["--what-if", "1"]), (5, 5, ["--what-if", "0", "--lang", "en", "--bom"]), (1, 2, ["--what-if", "0"]),
            (4, 1, ["--what-if", "0", "--tier", "regional"]),
        ] {
            let common = [scenario, "--replicas", String(replicas), "--threads", "2"] + extra
            let full = base + "/full-\(replicas)-\(shards)"
            let (code, term) = run(["run"] + common + ["--out", full])
            XCTAssertEqual(code, 0, term.err)
            var parts: [String] = []
            for k in 1...shards {
                let dir = base + "/part-\(replicas)-\(shards)-\(k)"
                let (c, t) = run(["run"] + common + ["--shard", "\(k)/\(shards)", "--out", dir])
                XCTAssertEqual(c, 0, t.err)
                parts.append(dir)
            }
            let merged = base + "/merged-\(replicas)-\(shards)"
            let (c, t) = run(["merge"] + parts.reversed() + ["--out", merged])
            XCTAssertEqual(c, 0, t.err)
            let a = try files(full), b = try files(merged)
            XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
            for (name, data) in a where name != OutputFolder.markerName {
                XCTAssertEqual(b[name], data, "\(name) differs after merging \(shards) shards of \(replicas)")
            }
            // The markers differ only in the command that wrote the folder.
            let markerA = String(decoding: a[OutputFolder.markerName] ?? Data(), as: UTF8.self)
            let markerB = String(decoding: b[OutputFolder.markerName] ?? Data(), as: UTF8.self)
            XCTAssertEqual(markerA.replacingOccurrences(of: "command: run\n", with: "command: merge\n"), markerB)
        }
    }

    func testMergeRefusesMissingOrMixedShards() throws {
        let scenario = Repository.root.appendingPathComponent("Scenarios/island-typhoon").path
        let base = temp()
        for k in 1...3 {
            XCTAssertEqual(run(["run", scenario, "--replicas", "6", "--what-if", "0", "--shard", "\(k)/3", "--out", base + "/p\(k)"]).0, 0)
        }
        XCTAssertEqual(run(["run", scenario, "--replicas", "6", "--seed", "9", "--what-if", "0", "--shard", "2/3", "--out", base + "/other"]).0, 0)
        let (c1, t1) = run(["merge", base + "/p1", base + "/p3", "--out", base + "/m1"])
        XCTAssertEqual(c1, ExitCode.dataError)
        XCTAssertTrue(t1.err.contains("missing shard 2 of 3"), t1.err)
        let (c2, t2) = run(["merge", base + "/p1", base + "/other", base + "/p3", "--out", base + "/m2"])
        XCTAssertEqual(c2, ExitCode.dataError)
        XCTAssertTrue(t2.err.contains("another run"), t2.err)
        XCTAssertEqual(run(["run", scenario, "--replicas", "6", "--shard", "4/3", "--out", base + "/bad"]).0, ExitCode.usage)
    }

    func testJapanRosterIsDeterministicAndLabelledSynthetic() throws {
        let tokyo = try TokyoMunicipalities.load()
        let a = SyntheticJapan.scenario(patients: 3_000, seed: 11, tokyo: tokyo)
        let b = SyntheticJapan.scenario(patients: 3_000, seed: 11, tokyo: tokyo)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.synthetic)
        XCTAssertTrue(a.nameEn.contains("synthetic") && a.nameJa.contains("合成"))
        XCTAssertEqual(a.patients.count, 3_000)
        // Tokyo keeps its real municipalities; every other one says it is synthetic.
        let munis = JapanMunicipalities.all(tokyo: tokyo)
        for m in munis where m.code.value / 10_000 != 13 {
            XCTAssertTrue(m.nameJa.hasPrefix("合成") && m.nameEn.hasPrefix("Synthetic") && m.area.nameEn.hasPrefix("Synthetic"), m.nameEn)
            XCTAssertNotNil(MunicipalityCode(m.code.description), "check digit of \(m.code)")
        }
        XCTAssertEqual(Set(munis.map(\.code)).count, munis.count)
        // Populations: each prefecture's adds up to its census figure.
        for p in JapanMunicipalities.prefectures {
            XCTAssertEqual(munis.filter { $0.code.value / 10_000 == p.code }.reduce(0) { $0 + $1.population }, p.population, p.en)
        }
        // Patient ids sort in roster order (6-digit numbers), so the simulator's id order is the roster's.
        let ids = a.patients.map(\.id)
        XCTAssertEqual(ids, ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })

        // Written and read back, it validates.
        let out = temp()
        let (code, term) = run(["generate", "--region", "japan", "--patients", "3000", "--seed", "11", "--out", out])
        XCTAssertEqual(code, 0, term.err)
        let (v, vt) = run(["validate", out])
        XCTAssertEqual(v, 0, vt.err)
        XCTAssertTrue(vt.out.contains("[synthetic data]: valid. 3000 patients"), vt.out)
        let text = try String(contentsOfFile: out + "/scenario.json", encoding: .utf8)
        XCTAssertTrue(text.contains("\"synthetic\": true"))
    }

    func testBenchQuickPrintsTheTable() {
        let (code, term) = run(["bench", "--quick", "--threads", "2"])
        XCTAssertEqual(code, 0, term.err)
        for column in ["workload", "patients", "replicas", "events", "wall s", "events/s", "patients/s", "peak MiB", "ratio"] {
            XCTAssertTrue(term.out.contains(column), column)
        }
        XCTAssertTrue(term.out.contains("engine heap"))
        XCTAssertTrue(term.out.contains("Tokyo x replicas"))
        XCTAssertTrue(term.out.contains("sorted array"))
        XCTAssertTrue(term.out.contains("engine >= 20M events/s"))
    }
}
