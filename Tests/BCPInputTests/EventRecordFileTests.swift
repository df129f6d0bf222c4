import BCPModel
import Foundation
import XCTest
@testable import BCPInput

final class EventRecordFileTests: XCTestCase {
    func folder(_ json: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-bt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: dir.appendingPathComponent("backtest.json"))
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    func testReadsTargetsInTenthsOfAPercentWithKnownGap() throws {
        let path = try folder("""
            {"schema": 1, "event": {"ja": "札幌", "en": "Sapporo"}, "notes": {"ja": "注", "en": "fitted"},
             "targets": [{"id": "a", "statistic": "admitted", "devices": ["tppv", "nppv"], "within_hours": 48,
                          "label": {"ja": "入院", "en": "admitted"}, "record_percent": 36.1, "band_percent": [26, 46.5],
                          "source": "Kabami 2022", "known_gap": {"ja": "理由", "en": "why"}}]}
            """)
        let record = try XCTUnwrap(try EventRecordFile.load(folder: path).get())
        XCTAssertEqual(record.nameEn, "Sapporo")
        XCTAssertEqual(record.notesEn, "fitted")
        let t = try XCTUnwrap(record.targets.first)
        XCTAssertEqual(t.devices, [.tppv, .nppv])
        XCTAssertEqual(t.withinMinutes, 48 * 60)
        XCTAssertEqual([t.record, t.low, t.high], [361, 260, 465])
        XCTAssertEqual(t.knownGapEn, "why")
        XCTAssertTrue(t.holds(465))
        XCTAssertFalse(t.holds(466))
    }

    /// A wrong statistic and a reversed band are reported with the file, line and column.
    func testErrorsAreLocated() throws {
        let path = try folder("""
            {"schema": 1, "event": {"ja": "x", "en": "x"},
             "targets": [{"id": "a", "statistic": "admited", "label": {"ja": "x", "en": "x"},
                          "record_percent": 5, "band_percent": [9, 1], "source": "s"}]}
            """)
        guard case .failure(let e) = EventRecordFile.load(folder: path) else { return XCTFail("accepted a bad file") }
        let text = e.description
        XCTAssertTrue(text.contains("backtest.json:2:"), text)
        XCTAssertTrue(text.contains("expected one of admitted"), text)
        XCTAssertTrue(text.contains("low end is above its high end"), text)
    }

    func testNoFileIsNoRecord() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-bt-none-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertNil(try EventRecordFile.load(folder: dir).get())
    }
}
