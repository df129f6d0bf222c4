import BCPAnalysis
import BCPTestSupport
import Foundation
import XCTest

@testable import BCPCommands

/// `report` and `merge` on tampered and oversized files, as the built executable (issue 16,
/// items 5 and 9): exit 65 with a located message, never a trap; the bounds the decoder keeps are
/// enough for every renderer.
final class ReportLimitsCLITests: XCTestCase {
    var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-reportlimits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// A real result with an ensemble and what-if reruns, as a JSON object: a synthetic roster of
    /// 150 patients under the Tokyo-wide blackout (33 uncovered, two municipalities rerun).
    func realResult() throws -> [String: Any] {
        let scenario = scratch + "/scenario", out = scratch + "/real"
        XCTAssertEqual(try BuiltBinary.run(["generate", "--out", scenario, "--patients", "150"]).status, 0)
        let r = try BuiltBinary.run(["run", scenario, "--out", out, "--replicas", "3", "--what-if", "2"])
        XCTAssertEqual(r.status, 0, r.errText)
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/restricted/result.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func report(_ object: [String: Any], _ extra: [String] = []) throws -> BuiltBinary.Outcome {
        let path = scratch + "/edited.json"
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        return try BuiltBinary.run(["report", path, "--out", scratch + "/rendered", "--force"] + extra)
    }

    /// Every integer of a real result set as high as DocumentLimits lets it be, consistently
    /// (a part never above its total): every renderer runs to the end.
    func testAResultAtEveryBoundRendersWithoutATrap() throws {
        let top = DocumentLimits.maxInteger
        var object = try realResult()
        let horizon = (object["scenario"] as? [String: Any])?["horizonMinutes"] as? Int ?? 0
        func raise(_ value: Any, key: String, inPatient: Bool = false) -> Any {
            if let o = value as? [String: Any] {
                if key == "parameters" || key == "scenario" { return o }
                var out: [String: Any] = [:]
                for (k, v) in o { out[k] = raise(v, key: k, inPatient: inPatient || key == "patients") }
                return out
            }
            if let a = value as? [Any] {
                if key == "seeds" { return a }
                return a.map { raise($0, key: key, inPatient: inPatient) }
            }
            // The document's flags are the only values that are not integers, strings or null. A
            // patient's otherPower, usedCar and recharged are flags (model v2); a tally's are counts.
            let flags = ["synthetic", "regionalBCP", "ownGeneratorsUsable", "budgetExhausted"]
                + (inPatient ? ["otherPower", "usedCar", "recharged"] : [])
            guard !flags.contains(key), !(value is String), !(value is NSNull), value as? Int != nil else { return value }
            switch key {
            // One outcome and one admission route take the whole of the affected.
            case "coveredOwnMeans", "coveredBySelfHelp", "coveredByUnit", "evacuated", "planned", "family": return 0
            case "maxGapMinutes", "detectionDelayMaxMinutes": return horizon
            case "population": return DocumentLimits.maxPopulation
            case "priceYen": return DocumentLimits.maxPriceYen
            case "amount", "teamsAdded": return DocumentLimits.maxLeverAmount
            case "suppressionThreshold": return DocumentLimits.thresholds.upperBound
            case "best", "replicas": return value
            default: return top
            }
        }
        object = raise(object, key: "") as! [String: Any]
        for extra in [[], ["--suppress", "1"], ["--lang", "en", "--bom"]] {
            let r = try report(object, extra)
            XCTAssertEqual(r.reason, .exit, "report \(extra) died of signal \(r.status): \(r.errText)")
            XCTAssertEqual(r.status, 0, r.errText)
        }
        // One past a bound: refused with the place, exit 65.
        var past = object
        var totals = past["totals"] as! [String: Any]
        totals["gapMinutes"] = top + 1
        past["totals"] = totals
        let r = try report(past)
        XCTAssertEqual(r.status, ExitCode.dataError)
        XCTAssertTrue(r.errText.hasPrefix("error: not a bcpsim result: result file line "), r.errText)
        XCTAssertTrue(r.errText.hasSuffix(": totals.gapMinutes: 1000000000001 is not a whole number in 0...1000000000000\n"), r.errText)
    }

    /// The values issue 16 found trapping the renderers (PublicTables, SVGCharts, SummaryDocument,
    /// Suppression, Ensemble, ShortfallCSV): refused before rendering.
    func testCountsNearInt64MaxAreRefused() throws {
        let real = try realResult()
        let max = Int64.max
        let edits: [(String, (inout [String: Any]) -> Void)] = [
            ("totals.affected", { o in var t = o["totals"] as! [String: Any]; t["affected"] = -max - 1; o["totals"] = t }),
            ("municipalities[0].tally.gapMinutes", { o in
                var m = o["municipalities"] as! [[String: Any]]
                var t = m[0]["tally"] as! [String: Any]
                t["gapMinutes"] = max
                m[0]["tally"] = t
                o["municipalities"] = m
            }),
            ("scenario.horizonMinutes", { o in var s = o["scenario"] as! [String: Any]; s["horizonMinutes"] = max; o["scenario"] = s }),
            ("timeline.gridOff[0]", { o in
                var t = o["timeline"] as! [String: Any]
                t["gridOff"] = (t["gridOff"] as! [Int]).map { _ in Int(max) }
                o["timeline"] = t
            }),
            ("report: suppressionThreshold", { o in var r = o["report"] as! [String: Any]; r["suppressionThreshold"] = 5_000; o["report"] = r }),
            ("municipalities[0].population", { o in
                var m = o["municipalities"] as! [[String: Any]]
                m[0]["population"] = max
                o["municipalities"] = m
            }),
        ]
        for (place, edit) in edits {
            var o = real
            edit(&o)
            let r = try report(o)
            XCTAssertEqual(r.reason, .exit, place)
            XCTAssertEqual(r.status, ExitCode.dataError, place)
            XCTAssertTrue(r.errText.contains(place), "\(place): \(r.errText)")
        }
    }

    /// Issue 16, item 9: `report` read the whole file first (a 256 MB file peaked at 790 MB).
    /// A sparse file past the limit is refused from its size, under a memory cap it could not
    /// be read within.
    func testAResultPastTheSizeLimitIsRefusedUnread() throws {
        let bin = try BuiltBinary.require()
        let path = scratch + "/huge.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.truncate(atOffset: UInt64(DocumentLimits.maxFileBytes) + 1)
        try h.close()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "ulimit -v 600000; '\(bin.path)' report '\(path)' --out '\(scratch)/o' 2>'\(scratch)/err'"]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, ExitCode.dataError)
        XCTAssertEqual(
            try String(contentsOfFile: scratch + "/err", encoding: .utf8),
            "error: cannot read \(path): file is \(DocumentLimits.maxFileBytes + 1) bytes; the limit is \(DocumentLimits.maxFileBytes) bytes\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/o"), "the output folder is not made")
    }

    /// Issue 16, item 5: merge trapped on a partial.txt with an empty municipalities line, a
    /// shard count of 0 or below, or huge counts.
    func testTamperedPartsAreRefused() throws {
        let scenario = Repository.path("Scenarios/island-typhoon")
        for k in 1...2 {
            let r = try BuiltBinary.run(["run", scenario, "--replicas", "4", "--what-if", "0", "--shard", "\(k)/2", "--out", scratch + "/p\(k)"])
            XCTAssertEqual(r.status, 0, r.errText)
        }
        let text = try String(contentsOfFile: scratch + "/p2/partial.txt", encoding: .utf8)
        let replicaLine = String(text.split(separator: "\n").first { $0.hasPrefix("replica 2 ") }!)
        let edits = [
            ("municipalities line empty", text.replacingOccurrences(of: #"municipalities [0-9]+[^\n]*"#, with: "municipalities", options: .regularExpression),
             "expected 'municipalities'"),
            ("shard count 0", text.replacingOccurrences(of: "shard 2 2", with: "shard 2 0"), "shard count '0' is not a whole number in 1...100000"),
            ("shard count negative", text.replacingOccurrences(of: "shard 2 2", with: "shard 2 -3"), "shard count '-3' is not a whole number in 1...100000"),
            ("huge count", text.replacingOccurrences(of: replicaLine, with: replicaLine.replacingOccurrences(of: "replica 2 ", with: "replica 2 9223372036854775807")),
             "count '9223372036854775807"),
        ]
        for (what, tampered, message) in edits {
            try tampered.write(toFile: scratch + "/p2/partial.txt", atomically: true, encoding: .utf8)
            let r = try BuiltBinary.run(["merge", scratch + "/p1", scratch + "/p2", "--out", scratch + "/m"])
            XCTAssertEqual(r.reason, .exit, what)
            XCTAssertEqual(r.status, ExitCode.dataError, what)
            XCTAssertTrue(r.errText.contains(message), "\(what): \(r.errText)")
        }
    }
}
