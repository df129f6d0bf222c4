import BCPEngine
import BCPModel
import BCPSimulator
import BCPTestSupport
import Foundation
import XCTest
@testable import BCPAnalysis

final class ResultDocumentTests: XCTestCase {
    func testJSONShapeAndEscaping() {
        // The 300-minute battery outlasts a 100-minute outage, which ends before the low-reserve
        // moment (120) at which a household or provider would act.
        var s = Fx.scenario(patients: [Fx.patient("P\"1", reserve: 300)], zones: [Fx.step(restore: 100)], horizon: 600, params: Fx.households())
        s.nameEn = "line\nbreak"
        let json = ResultDocument(result: Fx.run(s)).encode()
        XCTAssertTrue(json.hasPrefix("{\n  \"schema\": \"bcpsim.result/1\",\n  \"scenario\": {"))
        XCTAssertTrue(json.contains("\"nameEn\": \"line\\nbreak\""))
        XCTAssertTrue(json.contains("\"id\": \"P\\\"1\""))
        XCTAssertTrue(json.contains("\"outcome\": \"coveredOwnMeans\""))
        XCTAssertTrue(json.contains("\"depletionMinute\": null"))
        XCTAssertTrue(json.contains("\"withoutPower\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"))
        XCTAssertNil(json.range(of: "[0-9]\\.[0-9]", options: .regularExpression), "integers only")
        XCTAssertTrue(json.hasSuffix("}\n"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), "valid JSON by Foundation's parser")
    }

    /// decode(encode(d)) == d over random scenarios, tiers, ensembles and report metadata: the
    /// property that makes `bcpsim report` and `merge` give the bytes `run` gives.
    func testRoundTripOverRandomScenarios() throws {
        for seed in UInt64(1)...30 {
            let s = RandomScenario.make(seed, patients: 30)
            let tier = TierOverride.allCases[Int(seed) % TierOverride.allCases.count]
            let e = Ensemble.run(s, replicas: Int(seed % 3) + 1, threads: 1, tier: tier)
            var report = RunReport(scenarioId: "r\(seed)", synthetic: seed % 2 == 0, suppressionThreshold: Int(seed % 7) + 1,
                                   inputs: [InputFile(name: "patients.csv", fnv1a64: "00ff")], counterfactual: nil)
            if seed % 3 == 0 {
                report.counterfactual = Counterfactual.run(s, base: e.replica0, options: CounterfactualOptions(maxMunicipalities: 2, maxReruns: 8))
            }
            let doc = ResultDocument(result: e.replica0, ensemble: e.replicas > 1 ? e.statistics : nil, report: seed % 5 == 0 ? nil : report)
            let text = doc.encode()
            let back = try ResultDocument.decode(text)
            XCTAssertEqual(back, doc, "seed \(seed)")
            XCTAssertEqual(back.encode(), text, "seed \(seed)")
        }
    }

    func testNonDefaultParametersRoundTrip() throws {
        var p = PolicyParameters()
        p.ownGeneratorsUsable = false
        p.suppressionThreshold = 3
        p.targetReserveHours = 24
        p.transferMinutes = 77
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 30)], zones: [Fx.step(restore: 240)], horizon: 600, params: p)
        let doc = ResultDocument(result: Fx.run(s))
        XCTAssertEqual(try ResultDocument.decode(doc.encode()).result.parameters, p)
    }

    func testDecodeErrorsAreLocated() {
        let s = Fx.scenario(patients: [Fx.patient("P1", reserve: 30)], zones: [Fx.step(restore: 240)], horizon: 600)
        let text = ResultDocument(result: Fx.run(s)).encode()
        func message(_ t: String) -> String {
            do {
                _ = try ResultDocument.decode(t)
                return "decoded"
            } catch let e as DocumentError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(message("{\"schema\": \"other/1\"}"),
                       "schema is 'other/1'; this bcpsim reads 'bcpsim.result/1' (a result.json written by 'bcpsim run')")
        // "tier": "as-configured" is on line 7 of the document.
        XCTAssertEqual(message(text.replacingOccurrences(of: "\"tier\": \"as-configured\"", with: "\"tier\": \"gold\"")),
                       "result file line 7: scenario.tier: unknown value 'gold'")
        XCTAssertTrue(message(text.replacingOccurrences(of: "\"uncovered\": 1", with: "\"uncovered\": \"one\""))
            .hasSuffix("totals.uncovered: expected a whole number, found a string"))
        XCTAssertTrue(message(String(text.dropLast(5))).hasPrefix("not a JSON document"))
    }
}
