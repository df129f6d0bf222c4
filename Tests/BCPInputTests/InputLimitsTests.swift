import BCPModel
import Foundation
import XCTest
@testable import BCPInput

/// The stated limits (InputLimits, Scenarios/README.md "Limits"): each is accepted up to its
/// value and refused past it with a located, plain message. Large inputs are made here.
final class InputLimitsTests: XCTestCase {
    func testTheLimitsAreTheDocumentedOnes() {
        XCTAssertEqual(InputLimits.maxFileBytes, 128 * 1024 * 1024)
        XCTAssertEqual(InputLimits.maxScenarioBytes, 160 * 1024 * 1024)
        XCTAssertEqual(InputLimits.maxJSONBytes, 1024 * 1024)
        XCTAssertEqual(InputLimits.maxRows, 2_000_000)
        XCTAssertEqual(InputLimits.maxFields, 256)
        XCTAssertEqual(InputLimits.maxFieldLength, 4096)
        XCTAssertEqual(InputLimits.maxJSONDepth, 64)
    }

    func testACSVFilePastTheByteLimitIsNotRead() throws {
        let f = try ScenarioFixture()
        // A sparse file: its size is past the limit without writing 128 MiB.
        let url = f.folder.appendingPathComponent("patients.csv")
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: UInt64(InputLimits.maxFileBytes + 1))
        try h.close()
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")): error: file is 134217729 bytes; the limit is 134217728 bytes"])
    }

    func testTheTablesTogetherHaveALimitToo() throws {
        let f = try ScenarioFixture()
        // The loader reads patients.csv, providers.csv, then units.csv. Each of the last two at
        // 100 MiB is within the per-file limit, but together they pass 160 MiB (167,772,160 bytes)
        // at units.csv, which is refused; providers.csv is still read.
        for name in ["providers.csv", "units.csv"] {
            let url = f.folder.appendingPathComponent(name)
            let h = try FileHandle(forWritingTo: url)
            try h.truncate(atOffset: UInt64(100 * 1024 * 1024))
            try h.close()
        }
        let errors = f.errors()
        XCTAssertTrue(
            errors.contains { $0.hasPrefix("\(f.path("units.csv")): error: the scenario's CSV files come to ") && $0.hasSuffix("the limit for all together is 167772160 bytes") },
            "\(errors.prefix(3))")
        XCTAssertFalse(errors.contains { $0.contains("providers.csv: error: the scenario's CSV files") })
    }

    func testScenarioJSONPastItsByteLimitIsNotRead() throws {
        let f = try ScenarioFixture()
        let json = try f.text("scenario.json")
        // Exactly at the limit (padded with spaces) is read; one byte more is not.
        try f.write("scenario.json", json + String(repeating: " ", count: InputLimits.maxJSONBytes - json.utf8.count))
        XCTAssertNotNil(f.loaded())
        try f.write("scenario.json", json + String(repeating: " ", count: InputLimits.maxJSONBytes - json.utf8.count + 1))
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")): error: file is 1048577 bytes; the limit is 1048576 bytes"])
    }

    func testRowsPastTheLimitAreRefusedAtTheFirstRowTooMany() {
        let text = String(repeating: "1\n", count: InputLimits.maxRows + 1)
        guard case .failure(let f) = CSVReader().records(text) else { return XCTFail("read past the row limit") }
        XCTAssertEqual([f.line, f.column], [InputLimits.maxRows + 1, 1])
        XCTAssertEqual(f.message, "too many rows: at most 2000000 are read")
        guard case .success(let records) = CSVReader().records(String(text.dropLast(2))) else { return XCTFail("refused at the limit") }
        XCTAssertEqual(records.count, InputLimits.maxRows)
    }

    func testFieldsPastTheLimitAreRefusedAtTheCommaTooMany() {
        let at = Array(repeating: "a", count: InputLimits.maxFields).joined(separator: ",") + "\n"
        guard case .success(let r) = CSVReader().records(at) else { return XCTFail("refused at the limit") }
        XCTAssertEqual(r.first?.fields.count, 256)
        // The 256th comma would start field 257: that comma is where the record is refused.
        guard case .failure(let f) = CSVReader().records("x\n" + at.dropLast() + ",b\n") else { return XCTFail("read past the field limit") }
        XCTAssertEqual([f.line, f.column], [2, 512])
        XCTAssertEqual(f.message, "too many fields in one record: at most 256 are read")
        // A record of commas only (Excel's empty columns dragged far right) is refused too.
        guard case .failure(let g) = CSVReader().records(String(repeating: ",", count: 10_000)) else { return XCTFail("read 10001 fields") }
        XCTAssertEqual([g.line, g.column], [1, 256])
    }

    func testAFieldOfExactlyTheLimitIsRead() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "providers.csv", "H1,hospital,131024,regional,,", with: "H1,hospital,131024,regional,\(String(repeating: "g", count: 4096)),")
        XCTAssertEqual(f.loaded()?.scenario.providers[1].linkedGroup?.count, 4096)
    }

    func testJSONDepthAtAndPastTheLimit() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        if case .failure(let e) = JSONParser.parse(ok) { XCTFail("\(e)") }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        guard case .failure(let f) = JSONParser.parse(deep) else { return XCTFail("parsed 65 levels") }
        XCTAssertEqual([f.line, f.column], [1, 65])
        XCTAssertEqual(f.message, "JSON nested deeper than 64 levels")
        // Far deeper input fails at the same place, without recursing further (no stack overflow).
        let huge = String(repeating: "[", count: 1_000_000)
        guard case .failure(let g) = JSONParser.parse(huge) else { return XCTFail("parsed a million levels") }
        XCTAssertEqual([g.line, g.column], [1, 65])
    }

    /// A FIFO under a table's name would block a reader for ever: it is refused, not read.
    func testANamedPipeInPlaceOfATableIsRefusedWithoutBlocking() throws {
        let f = try ScenarioFixture()
        try f.remove("units.csv")
        XCTAssertEqual(mkfifo(f.path("units.csv"), 0o600), 0)
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")): error: not a regular file"])
    }

    func testAnEmptyTableIsReportedAsEmpty() throws {
        let f = try ScenarioFixture()
        try f.write("units.csv", "")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):1:1: error: file is empty; expected a header line with columns id, kind, owner_type, owner"])
    }
}
