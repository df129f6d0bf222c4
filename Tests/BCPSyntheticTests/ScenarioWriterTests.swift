import BCPInput
import BCPModel
import Foundation
import XCTest
@testable import BCPSynthetic

final class ScenarioWriterTests: XCTestCase {
    func testHoursTextRoundTripsToTheMinute() {
        XCTAssertEqual(ScenarioWriter.hours(120), "2")
        // 894 min = 14.9 h exactly.
        XCTAssertEqual(ScenarioWriter.hours(894), "14.9")
        // 1 min = 0.016666.. h -> 0.0167 (4 places), and 0.0167 x 60 = 1.002 -> 1 min back.
        XCTAssertEqual(ScenarioWriter.hours(1), "0.0167")
        for m in [1, 7, 59, 61, 1439, 4974] {
            XCTAssertEqual(FixedPoint.scaled(ScenarioWriter.hours(m), by: 60), m)
        }
    }

    func testWrittenScenarioLoadsBackUnchanged() throws {
        let tokyo = try TokyoMunicipalities.load()
        let data = RosterGenerator(patients: 120, seed: 3).generate(municipalities: tokyo)
        var s = Scenario(
            nameJa: "往復 \"テスト\"", nameEn: "Round trip, with a comma", description: "line\nbreak", horizonMinutes: 4321, seed: 3,
            municipalities: data.municipalities, patients: data.patients, providers: data.providers, units: data.units,
            zones: [OutageTemplates.wholeArea(tokyo, curve: OutageTemplates.hokkaido2018)], synthetic: true)
        // Move the island area from the whole-Tokyo zone to a rolling zone, so that both zone
        // kinds go through the writer (a municipality may belong to one zone only).
        s.zones[0].targets.removeAll { $0 == .area("島しょ") }
        s.zones.append(
            OutageZone(
                id: "islands-rolling", targets: [.area("島しょ")], startMinute: 30,
                shape: .rolling(RollingSchedule(groups: 2, blocks: [RollingBlock(group: 1, startMinute: 380, durationMinutes: 220)]))))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in ScenarioWriter.files(for: s, builtIn: tokyo) {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let loaded = try ScenarioLoader.load(folder: dir.path).get().scenario
        XCTAssertEqual(loaded.patients, s.patients)
        XCTAssertEqual(loaded.providers, s.providers)
        XCTAssertEqual(loaded.units, s.units)
        XCTAssertEqual(loaded.municipalities, s.municipalities)
        XCTAssertEqual(loaded.zones, s.zones)
        XCTAssertEqual(loaded.nameJa, s.nameJa)
        XCTAssertEqual(loaded.description, s.description)
        XCTAssertEqual(loaded.horizonMinutes, 4321)
    }
}
