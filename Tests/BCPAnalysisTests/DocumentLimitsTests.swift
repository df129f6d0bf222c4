import BCPModel
import BCPSimulator
import BCPTestSupport
import Foundation
import XCTest

@testable import BCPAnalysis

/// Issue 16, item 5: a tampered result.json with counts or minutes near Int64 max trapped
/// `report` in the renderers, and a partial.txt with huge counts trapped `merge`. The decoder now
/// bounds every integer (DocumentLimits) and checks what the renderers rely on; each case here
/// is refused with a located message.
final class DocumentLimitsTests: XCTestCase {
    /// A small document with a three-replica ensemble and what-if results: 4 patients in 千代田区,
    /// restored at 10 h, horizon 48 h.
    static let document: ResultDocument = {
        let patients = (1...4).map { Fx.patient("P\($0)", reserve: 60 * $0) }
        let s = Fx.scenario(
            patients: patients, units: [Fx.battery("U1", wh: 600, owner: .municipality(Fx.chiyoda))],
            zones: [Fx.step(restore: 600)], horizon: 48 * 60)
        let e = Ensemble.run(s, replicas: 3, threads: 1)
        let cf = Counterfactual.run(s, base: e.replica0, options: CounterfactualOptions(maxMunicipalities: 1, maxReruns: 6))
        let report = RunReport(scenarioId: "t", synthetic: true, suppressionThreshold: 10, inputs: [], counterfactual: cf)
        return ResultDocument(result: e.replica0, ensemble: e.statistics, report: report)
    }()

    /// The document as a JSON object, changed by `edit`, decoded: nil when accepted, else the message.
    func decodeEdited(_ edit: (inout [String: Any]) -> Void) -> String? {
        var object = try! JSONSerialization.jsonObject(with: Data(Self.document.encode().utf8)) as! [String: Any]
        edit(&object)
        let text = String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        do {
            _ = try ResultDocument.decode(text)
            return nil
        } catch let e as DocumentError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    func testTheDocumentItselfIsAccepted() throws {
        XCTAssertNil(decodeEdited { _ in })
        XCTAssertEqual(try ResultDocument.decode(Self.document.encode()), Self.document)
        XCTAssertNotNil(Self.document.counterfactual?.entries.first?.bestTrial, "the fixture has a what-if answer")
    }

    func testEveryIntegerIsWithinZeroToTenToTheTwelve() {
        let max = Int64.max
        func set(_ key: String, _ v: Any) -> (inout [String: Any]) -> Void {
            { o in var t = o["totals"] as! [String: Any]; t[key] = v; o["totals"] = t }
        }
        XCTAssertTrue(decodeEdited(set("gapMinutes", max))!.hasSuffix("totals.gapMinutes: 9223372036854775807 is not a whole number in 0...1000000000000"))
        XCTAssertTrue(decodeEdited(set("affected", -1))!.hasSuffix("totals.affected: -1 is not a whole number in 0...1000000000000"))
        XCTAssertTrue(decodeEdited(set("patients", 1_000_000_000_001))!.hasSuffix("totals.patients: 1000000000001 is not a whole number in 0...1000000000000"))
        // Exactly 10^12 is taken.
        XCTAssertNil(decodeEdited(set("gapMinutes", 1_000_000_000_000)))
    }

    func testTalliesWhosePartsExceedTheirTotalAreRefused() {
        func tally(_ edit: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { o in var t = o["totals"] as! [String: Any]; edit(&t); o["totals"] = t }
        }
        XCTAssertTrue(decodeEdited(tally { $0["affected"] = 5 })!.hasSuffix("totals: affected (5) exceeds patients (4)"))
        XCTAssertTrue(decodeEdited(tally { $0["uncovered"] = 9 })!.hasSuffix("totals: the outcomes (" + "\((Self.document.result.totals.covered) + 9)" + ") exceed affected (4)"))
        XCTAssertTrue(decodeEdited(tally { t in var s = t["shortfall"] as! [String: Any]; s["noContact"] = 99; t["shortfall"] = s })!
            .hasSuffix("totals: shortfall.noContact (99) exceeds uncovered (\(Self.document.result.totals.uncovered))"))
        XCTAssertTrue(decodeEdited(tally { $0["maxGapMinutes"] = 1_000_000 })!.hasSuffix("exceeds gapMinutes (\(Self.document.result.totals.gapMinutes))"))
        // Model v2's counts of patients are parts of the affected too.
        let t = Self.document.result.totals
        XCTAssertTrue(decodeEdited(tally { $0["coveredBySelfHelp"] = 9 })!.hasSuffix("totals: the outcomes (\(t.covered - t.coveredBySelfHelp + t.uncovered + 9)) exceed affected (4)"))
        XCTAssertTrue(decodeEdited(tally { $0["harmed"] = 5; $0["beyondToleranceMinutes"] = 500 })!.hasSuffix("totals: harmed (5) exceeds affected (4)"))
        XCTAssertTrue(decodeEdited(tally { $0["usedCar"] = 5 })!.hasSuffix("totals: usedCar (5) exceeds affected (4)"))
        XCTAssertTrue(decodeEdited(tally { t in var a = t["admissions"] as! [String: Any]; a["emergency"] = 5; t["admissions"] = a })!
            .hasSuffix("totals: the admissions (\(t.admitted - t.admissions[.emergency] + 5)) exceed affected (4)"))
        XCTAssertTrue(decodeEdited(tally { $0["harmed"] = 2; $0["beyondToleranceMinutes"] = 1 })!
            .hasSuffix("totals: beyondToleranceMinutes (1) is less than one minute for each of the harmed (2)"))
    }

    /// Model v2 lends a unit again once it is back and fills a bed again after a discharge, so a
    /// real result can count more lendings and admissions than units and beds held (the shipped
    /// Tokyo run: 317 admissions into 216 beds); such a result is accepted.
    func testResourcesUsedMayExceedThoseHeld() {
        XCTAssertNil(decodeEdited { o in
            var r = o["resources"] as! [String: Any]
            r["unitsLent"] = (r["unitsHeld"] as! Int) + 3
            r["bedsUsed"] = (r["bedsHeld"] as! Int) + 5
            o["resources"] = r
        })
    }

    func testTheTimelineMustFitTheHorizon() {
        XCTAssertTrue(decodeEdited { o in
            var t = o["timeline"] as! [String: Any]
            for k in ["gridOff", "withoutPower", "gapMinutes"] { t[k] = [Int](repeating: 0, count: 10_000) }
            o["timeline"] = t
        }!.hasSuffix("top level: timeline has 10000 hours; a horizon of 2880 minutes has 48"))
        XCTAssertTrue(decodeEdited { o in
            var s = o["scenario"] as! [String: Any]
            s["horizonMinutes"] = 1_000_000_000
            o["scenario"] = s
        }!.hasSuffix("top level: scenario.horizonMinutes 1000000000 is outside 1...144000"))
        XCTAssertTrue(decodeEdited { o in
            var t = o["timeline"] as! [String: Any]
            var off = t["gridOff"] as! [Int]
            off[3] = 5
            t["gridOff"] = off
            o["timeline"] = t
        }!.hasSuffix("top level: timeline hour 3 counts more than the 4 patients"))
    }

    func testThresholdsParametersPricesAndPopulations() {
        XCTAssertTrue(decodeEdited { o in
            var r = o["report"] as! [String: Any]
            r["suppressionThreshold"] = 0
            o["report"] = r
        }!.hasSuffix("report: suppressionThreshold 0 is outside 1...1000"))
        XCTAssertTrue(decodeEdited { o in
            var p = o["parameters"] as! [String: Any]
            p["transferMinutes"] = 0
            o["parameters"] = p
        }!.hasSuffix("parameters: transferMinutes is 0, outside 1...10080"))
        XCTAssertTrue(decodeEdited { o in
            var m = o["municipalities"] as! [[String: Any]]
            m[0]["population"] = 2_000_000_000
            o["municipalities"] = m
        }!.hasSuffix("municipalities[0]: population 2000000000 is more than 1000000000"))
        XCTAssertTrue(decodeEdited { o in
            var r = o["report"] as! [String: Any]
            var c = r["counterfactual"] as! [String: Any]
            var u = c["unit"] as! [String: Any]
            u["priceYen"] = 1_000_000_000_000
            c["unit"] = u
            r["counterfactual"] = c
            o["report"] = r
        }!.hasSuffix("report.counterfactual.unit: priceYen 1000000000000 is more than 1000000000"))
    }

    /// CountSummary computes the mean in thousandths: 10,000 values near 10^12 overflowed it.
    func testEnsembleValuesAreBounded() {
        func ensemble(_ edit: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { o in var e = o["ensemble"] as! [String: Any]; edit(&e); o["ensemble"] = e }
        }
        XCTAssertTrue(decodeEdited(ensemble { $0["replicas"] = 100_001 })!.hasSuffix("ensemble.replicas: 100001 is outside 2...100000"))
        // One replica is not an ensemble (a single run writes none; encode would drop it).
        XCTAssertTrue(decodeEdited(ensemble { e in
            e["replicas"] = 1
            e["seeds"] = [1]
        })!.hasSuffix("ensemble.replicas: 1 is outside 2...100000"))
        XCTAssertTrue(decodeEdited(ensemble { e in
            var totals = e["totals"] as! [[String: Any]]
            totals[0]["values"] = [1_000_000_000_000, 1_000_000_000_000, 1_000_000_000_000]
            e["totals"] = totals
        }) == nil, "3 x 10^12 is within the sum")
        let n = 1_001
        XCTAssertTrue(decodeEdited(ensemble { e in
            e["replicas"] = n
            e["seeds"] = [Int](repeating: 1, count: n)
            var totals = e["totals"] as! [[String: Any]]
            for k in totals.indices { totals[k]["values"] = [Int](repeating: 1_000_000_000_000, count: n) }
            e["totals"] = totals
            var m = e["municipalities"] as! [[String: Any]]
            for k in m.indices {
                var counts = m[k]["counts"] as! [[String: Any]]
                for c in counts.indices { counts[c]["values"] = [Int](repeating: 0, count: n) }
                m[k]["counts"] = counts
            }
            e["municipalities"] = m
        })!.hasSuffix("ensemble.totals[0]: the values add up to more than 1000000000000000"))
    }

    /// partial.txt: counts past 10^12 are refused by the parser, and a merge whose replicas add
    /// up past the ensemble bound is refused instead of overflowing the statistics.
    func testPartialCountsAndSumsAreBounded() throws {
        let s = RandomScenario.make(5, patients: 12)
        let report = { (_: SimulationResult) in
            RunReport(scenarioId: "x", synthetic: true, suppressionThreshold: 10, inputs: [], counterfactual: nil)
        }
        let parts = (1...2).map { k in
            PartialResult.run(s, replicas: 4, shard: k, shards: 2, seed: 7, tier: .asConfigured, threads: 1, inputs: [], reportArgs: [],
                              report: report)
        }
        XCTAssertNoThrow(try PartialResult.merge(parts))
        // One replica's first total set to 10^12 + 1: refused when read.
        let text = parts[1].encode()
        let line = text.split(separator: "\n").first { $0.hasPrefix("replica 2 ") }!
        var fields = line.split(separator: " ").map(String.init)
        fields[2] = "1000000000001"
        let tampered = text.replacingOccurrences(of: String(line), with: fields.joined(separator: " "))
        XCTAssertThrowsError(try PartialResult.parse(tampered)) {
            XCTAssertEqual(($0 as? PartialResult.FormatError)?.message, "count '1000000000001' is not a whole number in 0...1000000000000")
        }
        // 1,001 replicas whose totals are each 10^12 (the most one value may be) add up past
        // the 10^15 the statistics allow: refused by merge instead of overflowing the mean.
        let doc = try XCTUnwrap(parts[0].document)
        let n = 1_001
        let top = ReplicaSummary(totals: PerCase { _ in 1_000_000_000_000 }, muniUncovered: parts[0].summaries[0].muniUncovered,
                                 muniGap: parts[0].summaries[0].muniGap)
        let one = PartialResult(replicas: n, shard: 1, shards: 1, seed: 7, tier: .asConfigured, inputs: [], reportArgs: [],
                                codes: parts[0].codes, summaries: [ReplicaSummary](repeating: top, count: n), document: doc)
        let parsed = try PartialResult.parse(one.encode())
        XCTAssertThrowsError(try PartialResult.merge([parsed])) {
            XCTAssertEqual(($0 as? PartialResult.FormatError)?.message, "the replicas' affected add up to more than 1000000000000000")
        }
        // 1,000 of them are within it, but no replica of this roster can count 10^12 patients
        // (issue 16 trial): refused by the roster's size.
        let within = PartialResult(replicas: 1_000, shard: 1, shards: 1, seed: 7, tier: .asConfigured, inputs: [], reportArgs: [],
                                   codes: parts[0].codes, summaries: [ReplicaSummary](repeating: top, count: 1_000), document: doc)
        XCTAssertThrowsError(try PartialResult.merge([try PartialResult.parse(within.encode())])) {
            XCTAssertEqual(($0 as? PartialResult.FormatError)?.message,
                           "replica 0: affected is 1000000000000, more than the roster of \(doc.result.totals.patients) patients allows")
        }
        // The replicas as they were written merge.
        XCTAssertNoThrow(try PartialResult.merge(parts.map { try PartialResult.parse($0.encode()) }))
    }
    /// Issue 16 trial: a 256 MB result.json of "[0,0,0,…]" took 6 GB to read (a tree of values
    /// costs about 24 bytes per 2-byte value). A result may hold one value per 12 bytes (bcpsim
    /// writes about 28), plus 100,000: 1,000,000 zeros in 2,000,050 bytes exceed the 266,670
    /// allowed, and are refused where the 266,671st value starts.
    func testAResultOfTooManyValuesForItsSizeIsRefused() {
        let text = "{\"schema\":\"bcpsim.result/1\",\"x\":[" + String(repeating: "0,", count: 999_999) + "0]}"
        let allowed = text.utf8.count / 12 + 100_000
        XCTAssertThrowsError(try ResultDocument.decode(text)) {
            let message = "\($0)"
            XCTAssertTrue(message.contains("more than \(allowed) JSON values in this file"), message)
        }
    }
}
