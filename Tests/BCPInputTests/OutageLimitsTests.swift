import BCPModel
import Foundation
import XCTest

@testable import BCPInput

/// Issue 16, item 3: a 34 KB scenario.json (a rolling zone of 720 one-minute blocks a day for 3
/// days) cost 13-18 s and 530 MB, and the allowed maximum about 17 GB. What scenario.json may ask
/// of the simulator is now bounded (InputLimits): each limit is accepted at its value and refused
/// one past it, at the place that passes it.
final class OutageLimitsTests: XCTestCase {
    static let areas = ["区中央部", "区南部", "区西南部", "区西部", "区西北部", "区東北部", "区東部"]

    func testTheLimitsAreTheDocumentedOnes() {
        XCTAssertEqual(InputLimits.maxBlocksPerGroup, 120)
        XCTAssertEqual(InputLimits.maxBlocksPerZone, 2_000)
        XCTAssertEqual(InputLimits.maxBlocksPerScenario, 10_000)
        XCTAssertEqual(InputLimits.minBlockMinutes, 30)
        XCTAssertEqual(InputLimits.maxCurvePoints, 100)
        XCTAssertEqual(InputLimits.maxDisruptions, 1_000)
        XCTAssertEqual(InputLimits.maxTargets, 5_000)
    }

    /// scenario.json of the minimal fixture (two patients in 千代田区, one clinic C1) with `zones`
    /// and `disruptions`, one per line from line 8 on: zone k is on line 8 + k.
    static func scenario(zones: [String], disruptions: [String] = [], horizonHours: Int = 2400) -> String {
        var lines = ["{", "\"schema\": 1,", "\"name\": {\"ja\": \"限界\", \"en\": \"limits\"},", "\"seed\": 1,",
                     "\"horizon_hours\": \(horizonHours),", "\"curves\": {},", "\"zones\": ["]
        lines += zones.enumerated().map { $0.element + ($0.offset == zones.count - 1 ? "" : ",") }
        lines.append("],")
        lines.append("\"disruptions\": [")
        lines += disruptions.enumerated().map { $0.element + ($0.offset == disruptions.count - 1 ? "" : ",") }
        lines.append("]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A rolling zone: `perDay` blocks of 30 minutes a day for `days` days, block k for group
    /// k % groups + 1, 40 minutes apart.
    static func rolling(_ id: String, area: String, groups: Int, perDay: Int, days: Int, minutes: Int = 30) -> String {
        let blocks = (0..<perDay).map { k in "{\"group\": \(k % groups + 1), \"start_hour\": \(Double(k * 40) / 60), \"hours\": \(Double(minutes) / 60)}" }
        return "{\"id\": \"\(id)\", \"rolling\": {\"groups\": \(groups), \"repeat_days\": \(days), \"blocks\": [\(blocks.joined(separator: ", "))]}, \"areas\": [\"\(area)\"]}"
    }

    /// A restoration zone whose curve has `points` points, the last at 100%.
    static func curve(_ id: String, area: String, points: Int) -> String {
        let p = (1...points).map { k in "[\(k), \(k == points ? "1" : "0.\(String(format: "%02d", k % 100))")]" }
        return "{\"id\": \"\(id)\", \"curve\": [\(p.joined(separator: ", "))], \"areas\": [\"\(area)\"]}"
    }

    static func travel(_ areas: [String]) -> String {
        "{\"type\": \"travel_slowed\", \"percent\": 150, \"from_hour\": 1, \"until_hour\": 2, \"areas\": [\(areas.map { "\"\($0)\"" }.joined(separator: ", "))]}"
    }

    /// The scenario at every limit at once (Tests/Fixtures/limits/every-limit, with the minimal
    /// fixture's tables): seven zones, five rolling zones of 1,980 and 4 x 2,000 blocks and one
    /// of 20 (10,000 in all), the first with groups of 120 blocks; a zone whose curve has 100
    /// points; 1,000 disruptions (999 travel_slowed, one provider_out); 5,000 municipalities and
    /// areas named by zones and disruptions; a horizon of 100 days.
    static var everyLimit: String {
        let zones = [rolling("r0", area: areas[0], groups: 32, perDay: 33, days: 60)]
            + (1...4).map { rolling("r\($0)", area: areas[$0], groups: 20, perDay: 20, days: 100) }
            + [rolling("r5", area: areas[5], groups: 1, perDay: 1, days: 20), curve("c", area: areas[6], points: 100)]
        var disruptions = (0..<998).map { _ in travel(Array(areas.prefix(5))) }
        disruptions.append(travel(Array(areas.prefix(3))))
        disruptions.append("{\"type\": \"provider_out\", \"provider\": \"C1\", \"from_hour\": 1, \"until_hour\": 2}")
        return scenario(zones: zones, disruptions: disruptions)
    }

    static let everyLimitFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/limits/every-limit")

    func testTheFixtureAtEveryLimitIsTheOneBuiltHere() throws {
        // To regenerate after a change here: delete the fixture's scenario.json and run this test.
        let url = Self.everyLimitFolder.appendingPathComponent("scenario.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            try Self.everyLimit.write(to: url, atomically: true, encoding: .utf8)
            return XCTFail("wrote \(url.path); check it in")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), Self.everyLimit)
    }

    func testAScenarioAtEveryLimitLoads() throws {
        guard case .success(let loaded) = ScenarioLoader.load(folder: Self.everyLimitFolder.path) else {
            return XCTFail("the scenario at every limit was refused")
        }
        let s = loaded.scenario
        XCTAssertEqual(s.zones.count, 7)
        var blocks: [Int] = []
        for z in s.zones { if case .rolling(let r) = z.shape { blocks.append(r.blocks.count) } }
        XCTAssertEqual(blocks, [1_980, 2_000, 2_000, 2_000, 2_000, 20])
        XCTAssertEqual(blocks.reduce(0, +), 10_000)
        if case .rolling(let r) = s.zones[0].shape {
            XCTAssertEqual(r.blocks.filter { $0.group == 1 }.count, 120)
            XCTAssertEqual(r.blocks.filter { $0.group == 2 }.count, 60)
        }
        if case .restoration(let c) = s.zones[6].shape { XCTAssertEqual(c.points.count, 100) }
        XCTAssertEqual(s.disruptions.count, 1_000)
        var targets = s.zones.map(\.targets.count).reduce(0, +)
        for d in s.disruptions { if case .travelSlowed(let t, _, _, _) = d { targets += t.count } }
        XCTAssertEqual(targets, 5_000)
        XCTAssertEqual(s.horizonMinutes, 100 * 24 * 60)
    }

    func testOnePastEachLimitIsRefusedWhereItIsPassed() throws {
        let f = try ScenarioFixture()
        let json = f.path("scenario.json")
        func errors(_ text: String) throws -> [String] {
            try f.write("scenario.json", text)
            return f.errors()
        }
        // Column of `needle` on line `line` (1-based; these lines are ASCII up to it).
        func at(_ text: String, _ line: Int, _ needle: String) -> String {
            let l = text.components(separatedBy: "\n")[line - 1]
            let col = l.distance(from: l.startIndex, to: l.range(of: needle)!.lowerBound) + 1
            return "\(json):\(line):\(col)"
        }

        // A group with 122 blocks (2 a day for 61 days); 120 (2 a day for 60 days) load.
        var text = Self.scenario(zones: [Self.rolling("r", area: Self.areas[0], groups: 1, perDay: 2, days: 61)])
        XCTAssertEqual(try errors(text), ["\(at(text, 8, "[{")): error: zones[0].rolling.blocks: group 1 has 122 blocks (repeat_days included); a group has at most 120, the grid-off spans one customer may go through"])
        try f.write("scenario.json", Self.scenario(zones: [Self.rolling("r", area: Self.areas[0], groups: 1, perDay: 2, days: 60)]))
        XCTAssertNotNil(f.loaded(), "120 blocks for one group")

        // A block shorter than 30 minutes.
        text = Self.scenario(zones: [Self.rolling("r", area: Self.areas[0], groups: 1, perDay: 1, days: 1, minutes: 29)])
        XCTAssertEqual(try errors(text), ["\(at(text, 8, "0.48333")): error: zones[0].rolling.blocks[0].hours: a rolling block lasts at least 30 minutes (0.5 hours); this one lasts 29 minutes"])

        // A zone of 2,001 blocks: 21 a day for 96 days is 2,016; the block that passes 2,000 stops the reading.
        text = Self.scenario(zones: [Self.rolling("r", area: Self.areas[0], groups: 21, perDay: 21, days: 96)])
        XCTAssertEqual(try errors(text), ["\(at(text, 8, "[{")): error: zones[0].rolling.blocks: a zone has at most 2000 blocks (repeat_days included), found more: 21 blocks x 96 days"])

        // Six zones of 2,000 blocks: 12,000 in the scenario; located at the zone that passes 10,000.
        text = Self.scenario(zones: (0..<6).map { Self.rolling("r\($0)", area: Self.areas[$0], groups: 20, perDay: 20, days: 100) })
        XCTAssertEqual(try errors(text), ["\(at(text, 13, "\"r5\"")): error: zones[5]: the zones' rolling blocks come to 12000 with this zone (repeat_days included); a scenario has at most 10000"])

        // A curve of 101 points.
        text = Self.scenario(zones: [Self.curve("c", area: Self.areas[0], points: 101)])
        XCTAssertEqual(try errors(text), ["\(at(text, 8, "[[")): error: zones[0].curve: a curve has at most 100 points, found 101"])

        // 1,001 disruptions.
        text = Self.scenario(zones: [], disruptions: (0..<1_001).map { _ in Self.travel([Self.areas[0]]) })
        XCTAssertEqual(try errors(text), ["\(at(text, 9, "[")): error: disruptions: a scenario has at most 1000 disruptions, found 1001"])

        // 5,001 areas named: 1,000 travel disruptions of 5, and one zone.
        text = Self.scenario(zones: [Self.curve("c", area: Self.areas[0], points: 2)],
                             disruptions: (0..<1_000).map { _ in Self.travel(Array(Self.areas.prefix(5))) })
        let last = text.components(separatedBy: "\n").count - 3  // the last disruption's line
        XCTAssertEqual(try errors(text), ["\(at(text, last, "\"区西北部\"")): error: disruptions[999].areas[4]: the zones and disruptions name more than 5000 municipalities and areas; a scenario names at most 5000"])
    }

    /// TEPCO's March 2011 rolling blackouts: 5 groups, each cut about 3 hours once or twice a day
    /// for 15 days (30 blocks a group, 150 a zone) load with room to spare.
    func testTheMarch2011SchedulesLoad() throws {
        let f = try ScenarioFixture()
        var blocks: [String] = []
        for g in 1...5 {
            blocks.append("{\"group\": \(g), \"start_hour\": \(6 + 3 * (g - 1)), \"hours\": 3}")
            blocks.append("{\"group\": \(g), \"start_hour\": \(18 + (g - 1)), \"hours\": 3}")
        }
        let zone = "{\"id\": \"tepco\", \"rolling\": {\"groups\": 5, \"repeat_days\": 15, \"blocks\": [\(blocks.joined(separator: ", "))]}, \"areas\": [\"区中央部\"]}"
        try f.write("scenario.json", Self.scenario(zones: [zone], horizonHours: 15 * 24))
        guard let s = f.loaded()?.scenario, case .rolling(let r) = s.zones[0].shape else { return XCTFail("not loaded") }
        XCTAssertEqual(r.blocks.count, 150)
        XCTAssertEqual(r.blocks.filter { $0.group == 1 }.count, 30)
    }

    /// The scenario of issue 16 (720 one-minute blocks a day for 3 days) is refused at once.
    func testTheScenarioOfTheIssueIsRefused() throws {
        let f = try ScenarioFixture()
        let blocks = (0..<720).map { k in "{\"group\": 1, \"start_hour\": \(Double(2 * k) / 60), \"hours\": \(1.0 / 60)}" }
        let zone = "{\"id\": \"r\", \"rolling\": {\"groups\": 1, \"repeat_days\": 3, \"blocks\": [\(blocks.joined(separator: ", "))]}, \"areas\": [\"区中央部\"]}"
        try f.write("scenario.json", Self.scenario(zones: [zone], horizonHours: 72))
        let start = Date()
        let e = f.errors()
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(e.count, 200, "one error per block, capped")
        XCTAssertTrue(e[0].hasSuffix("error: zones[0].rolling.blocks[0].hours: a rolling block lasts at least 30 minutes (0.5 hours); this one lasts 1 minute"), e[0])
    }
}
