import BCPModel
import Foundation
import XCTest
@testable import BCPInput

/// Flaws found by the test review and the fuzzers, each fixed in BCPInput and pinned here.
final class InputFixesTests: XCTestCase {
    // MARK: Thousands separators

    /// Integer cells used to drop every comma, so "6,0" (a decimal comma) was read as 60. Only
    /// commas between groups of three digits are thousands separators now.
    func testOnlyProperThousandsSeparatorsAreAccepted() {
        let strip = CSVTable.withoutThousandsSeparators
        XCTAssertEqual(strip("1,000"), "1000")
        XCTAssertEqual(strip("12,345,678"), "12345678")
        XCTAssertEqual(strip("-1,000"), "-1000")
        XCTAssertEqual(strip("999"), "999")
        XCTAssertEqual(strip("60"), "60")
        for bad in ["6,0", "1,00", "1,0000", ",100", "100,", "1,,000", "1234,567", "1,000.5", "１,０００", "a,bcd", ",", "-,100"] {
            XCTAssertNil(strip(bad), bad)
        }
    }

    func testADecimalCommaIsALocatedErrorNotSixty() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P001,131016,tppv,60,", with: "P001,131016,tppv,\"6,0\",")
        XCTAssertEqual(f.errors(), [
            "\(f.path("patients.csv")):2:18: error: draw_w: expected a whole number of W, found \"6,0\"; "
                + "a comma may only separate thousands, as in 1,000 (not a decimal comma)"
        ])
    }

    func testThousandsSeparatorsStillRead() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P001,131016,tppv,60,24,100,200,", with: "P001,131016,tppv,\"1,000\",24,\"1,200\",\"10,000\",")
        guard let p = f.loaded()?.scenario.patients.first else { return }
        XCTAssertEqual([p.drawW, p.internalBatteryWh, p.externalBatteryWh], [1000, 1200, 10000])
        let g = try ScenarioFixture()
        try g.write("municipalities.csv", "code,population\n131016,\"12,345,678\"\n")
        XCTAssertEqual(g.loaded()?.scenario.municipalities.first { $0.code.description == "131016" }?.population, 12_345_678)
    }

    // MARK: Check digits named in every place a code is written

    func testAZoneCodeWithABadCheckDigitNamesTheCodeItCallsFor() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"areas\": [\"区中央部\"]", with: "\"municipalities\": [\"131025\"]")
        XCTAssertEqual(f.errors(), [
            "\(f.path("scenario.json")):9:50: error: zones[0].municipalities[0]: invalid municipality code 131025: check digit should make it 131024"
        ])
    }

    func testATravelDisruptionCodeWithABadCheckDigitNamesTheCodeItCallsFor() throws {
        let f = try ScenarioFixture()
        try f.replace(
            in: "scenario.json", "\"parameters\"",
            with: "\"disruptions\": [{\"type\": \"travel_slowed\", \"municipalities\": [\"131017\", \"13101\"], \"percent\": 200}],\n  \"parameters\"")
        XCTAssertEqual(f.errors(), [
            "\(f.path("scenario.json")):10:64: error: disruptions[0].municipalities[0]: invalid municipality code 131017: check digit should make it 131016",
            "\(f.path("scenario.json")):10:74: error: disruptions[0].municipalities[1]: invalid municipality code \"13101\": expected 6 digits (全国地方公共団体コード, e.g. 131016)",
        ])
    }

    func testAUnitOwnerCodeWithABadCheckDigitNamesTheCodeItCallsFor() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "municipality,131016", with: "municipality,131010")
        XCTAssertEqual(f.errors(), [
            "\(f.path("units.csv")):2:36: error: owner: invalid municipality code 131010: check digit should make it 131016 (owner_type is municipality)"
        ])
        let g = try ScenarioFixture()
        try g.replace(in: "units.csv", "municipality,131016", with: "municipality,Chiyoda")
        XCTAssertEqual(g.errors(), [
            "\(g.path("units.csv")):2:36: error: owner: invalid municipality code \"Chiyoda\": expected 6 digits (全国地方公共団体コード, e.g. 131016) (owner_type is municipality)"
        ])
    }

    /// A zone's targets were paired with their references by position among the *resolved*
    /// targets, so after an unknown target a clash was reported at the wrong reference.
    func testAZoneClashIsLocatedAtItsOwnTargetAfterAnUnknownOne() throws {
        let f = try ScenarioFixture()
        try f.replace(
            in: "scenario.json", "\"curve\": \"half-day\"}]",
            with: "\"curve\": \"half-day\"}, {\"id\": \"b\", \"municipalities\": [\"011002\", \"131016\"], \"curve\": \"half-day\"}]")
        // column 120 is "011002", column 130 is "131016".
        XCTAssertEqual(f.errors(), [
            "\(f.path("scenario.json")):9:120: error: zones[1].municipalities[0]: unknown municipality code \"011002\"",
            "\(f.path("scenario.json")):9:130: error: zones[1].municipalities[1]: municipality 131016 is already in zone central; a municipality belongs to one zone",
        ])
    }

    // MARK: Shift_JIS located

    private func sjis(_ s: String) -> Data { s.data(using: .shiftJIS)! }

    func testADeclaredShiftJISFileLocatesItsFirstBadByte() {
        // Line 2: "千代田" is three two-byte characters, then 0x80, which no Shift_JIS character is.
        var bytes = sjis("id,name\n千代田")
        bytes.append(0x80)
        bytes.append(contentsOf: sjis("区\n"))
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .shiftJIS) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [2, 4])
        XCTAssertEqual(f.message, "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): byte 0x80 at byte offset 14 is not a Shift_JIS character")
    }

    func testAnUnassignedPairAndATruncatedLeadByteAreLocated() {
        var bytes = sjis("a,b\nあ,")
        bytes.append(contentsOf: [0x85, 0x40])  // a lead and trail byte that CP932 leaves unassigned
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .shiftJIS) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [2, 3])
        XCTAssertEqual(f.message, "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): bytes 0x85 0x40 at byte offset 7 are not a Shift_JIS character")
        var cut = sjis("a\nb\n")
        cut.append(0x82)  // the first byte of あ, and the file ends
        guard case .failure(let g) = TextDecoding.decode(cut, as: .shiftJIS) else { return XCTFail("decoded") }
        XCTAssertEqual([g.line, g.column], [3, 1])
        XCTAssertTrue(g.message.hasSuffix("byte 0x82 at byte offset 4 is not a Shift_JIS character"), g.message)
    }

    /// Past the first chunk of 4096 characters, with a byte order mark counted in the offset.
    func testABadByteFarIntoTheFileIsLocated() {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(sjis(String(repeating: "あいう,\n", count: 2000)))  // 10,000 characters, 16,000 bytes
        bytes.append(contentsOf: sjis("えお"))
        bytes.append(0xFF)
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .shiftJIS) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [2001, 3])
        XCTAssertEqual(f.message, "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): byte 0xFF at byte offset 16007 is not a Shift_JIS character")
    }

    func testTheLoaderReportsTheShiftJISLocation() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"encoding\": \"shift_jis\",")
        var bytes = Data(try f.text("providers.csv").utf8)
        bytes.append(contentsOf: [0xA0, 0x0A])
        try f.write("providers.csv", bytes: bytes)
        XCTAssertEqual(f.errors(), [
            "\(f.path("providers.csv")):4:1: error: file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): byte 0xA0 at byte offset 181 is not a Shift_JIS character"
        ])
    }
}

/// Crashes found by the fuzzers (Fuzz/, docs/RELIABILITY.md), each reduced to its cause.
final class FuzzRegressionTests: XCTestCase {
    /// csv target, crash-6c250d94: a quoted field could pass the field limit. A doubled quote
    /// skipped the length check (`continue`), and a CRLF inside quotes added two characters but
    /// counted one, so a field of limit + 1 characters (or more, with many CRLFs) was read.
    func testTheFieldLimitHoldsForDoubledQuotesAndQuotedLineBreaks() {
        var reader = CSVReader()
        reader.maxFieldLength = 5
        // Exactly five characters: read.
        for ok in ["\"abcd\"\"\"\n", "\"a\r\ncd\"\n"] {
            guard case .success(let r) = reader.records(ok) else { return XCTFail(ok.debugDescription) }
            XCTAssertEqual(r[0].fields[0].unicodeScalars.count, 5, ok.debugDescription)
        }
        // Six, ending in a doubled quote or holding a CRLF: refused at the field's start.
        for bad in ["\"abcde\"\"\"\n", "x,\"abc\r\ncd\"\n", "\"\r\n\r\n\r\n\"\n"] {
            guard case .failure(let f) = reader.records(bad) else { return XCTFail("read \(bad.debugDescription)") }
            XCTAssertEqual(f.message, "quoted field not closed within 5 characters: check for a missing closing quote (a quoted field holds at most 5 characters)", bad.debugDescription)
            XCTAssertEqual(f.line, 1, bad.debugDescription)
        }
        // The fuzzer's input: a quoted header field of 2 + 256 characters with a CRLF and "".
        reader.maxFieldLength = 256
        let field = "\"1\r\n" + String(repeating: "x", count: 253) + "\"\"\""
        guard case .failure(let g) = reader.records(field + ",b\n") else { return XCTFail("read a 257-character field") }
        XCTAssertEqual([g.line, g.column], [1, 1])
    }
}
