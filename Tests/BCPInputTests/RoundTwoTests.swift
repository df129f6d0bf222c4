import BCPModel
import BCPText
import Foundation
import XCTest
@testable import BCPInput

/// Issue 16 ("Reliability, round two"), input side: each test pins one defect found by the
/// outside adversarial pass and failed before its fix.
final class RoundTwoTests: XCTestCase {
    // MARK: Decimals with many digits (issue 16, item 12)

    func testADecimalWithSixteenZerosIsReadByItsValue() throws {
        let f = try ScenarioFixture()
        // 72.0000000000000000 h (16 zeros) is 72 h = 4,320 minutes.
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72,", with: "\"horizon_hours\": 72.0000000000000000,")
        XCTAssertEqual(f.loaded()?.scenario.horizonMinutes, 4_320)
    }

    func testAWholeNumberWrittenWithZerosOrAnExponentIsWhole() throws {
        let f = try ScenarioFixture()
        // 30.0000000000000000000 minutes and 4.2e1 (42): whole values, as a double-based JSON
        // writer prints them.
        try f.replace(in: "scenario.json", "\"provider_call_delay_minutes\": 30", with: "\"provider_call_delay_minutes\": 30.0000000000000000000")
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 4.2e1,")
        let s = f.loaded()?.scenario
        XCTAssertEqual(s?.parameters.providerCallDelayMinutes, 30)
        XCTAssertEqual(s?.seed, 42)
        // Not whole: refused as such, located at the number ("  \"seed\": " is 10 characters).
        let g = try ScenarioFixture()
        try g.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42.00000000000000000001,")
        XCTAssertEqual(g.errors(), ["\(g.path("scenario.json")):6:11: error: seed: expected a whole number (seed), found 42.00000000000000000001"])
    }
}

/// A JSON string of 4,097 bytes passed the 4,096-byte limit (issue 16, item 12): the length was
/// checked before each byte was added, so the last byte over the limit got in.
final class JSONStringLimitTests: XCTestCase {
    private func parse(_ text: String, limit: Int = InputLimits.maxFieldLength) -> Result<JSONValue, JSONParser.Failure> {
        JSONParser.parse(text, maxStringBytes: limit)
    }

    func testExactlyTheLimitIsReadAndOneByteMoreIsNot() {
        let at = String(repeating: "x", count: 4096)
        guard case .success(let v) = parse("\"\(at)\"") else { return XCTFail("refused a string of 4096 bytes") }
        XCTAssertEqual(v.kind, .string(at))
        // The 4,097th byte is column 1 (quote) + 4097 = 4098.
        guard case .failure(let f) = parse("\"\(at)x\"") else { return XCTFail("read a string of 4097 bytes") }
        XCTAssertEqual([f.line, f.column], [1, 4098])
        XCTAssertEqual(f.message, "string longer than 4096 bytes")
        // A key is a string too.
        guard case .failure(let g) = parse("{\"\(at)x\": 1}") else { return XCTFail("read a key of 4097 bytes") }
        XCTAssertEqual([g.line, g.column], [1, 4099])
    }

    func testMultiByteCharactersAndEscapesCountTheirBytes() {
        // あ is 3 bytes: 1365 of them are 4095 bytes, plus "a" is 4096: read.
        let kana = String(repeating: "あ", count: 1365)
        if case .failure(let f) = parse("\"\(kana)a\"") { XCTFail("\(f)") }
        // 1366 of them are 4098 bytes: the 1366th is refused at its own column, 1 + 1366.
        guard case .failure(let f) = parse("\"\(kana)あ\"") else { return XCTFail("read 4098 bytes") }
        XCTAssertEqual([f.line, f.column], [1, 1367])
        // Escapes count as the bytes they stand for: 4095 x and \n (one byte) make 4096.
        let x4095 = String(repeating: "x", count: 4095)
        guard case .success(let v) = parse("\"\(x4095)\\n\"") else { return XCTFail("refused 4096 bytes ending in an escape") }
        XCTAssertEqual(v.kind, .string(x4095 + "\n"))
        // 4095 x and \u3042 (あ, three bytes) make 4098: refused at the backslash, column 1 + 4096.
        guard case .failure(let g) = parse("\"\(x4095)\\u3042\"") else { return XCTFail("read 4098 bytes") }
        XCTAssertEqual([g.line, g.column], [1, 4097])
        XCTAssertEqual(g.message, "string longer than 4096 bytes")
    }

    /// The CSV field limit, the other place the 4,096 limit is checked, holds at its value too
    /// (it was right; pinned here beside the JSON one).
    func testACSVFieldOfTheLimitIsReadAndOneCharacterMoreIsNot() {
        let at = String(repeating: "y", count: 4096)
        for field in [at, "\"\(at)\""] {
            guard case .success(let r) = CSVReader().records("a\n\(field)\n") else { return XCTFail("refused 4096 characters") }
            XCTAssertEqual(r[1].fields[0], at)
        }
        // The last: 4096 y and a doubled quote, 4097 characters.
        for field in [at + "y", "\"\(at)y\"", "\"\(at)\"\"\""] {
            guard case .failure(let f) = CSVReader().records("a\n\(field)\n") else { return XCTFail("read 4097 characters") }
            XCTAssertEqual([f.line, f.column], [2, 1])
            XCTAssertEqual(f.message, field.hasPrefix("\"") ? "quoted field not closed within 4096 characters: check for a missing closing quote (a quoted field holds at most 4096 characters)" : "field longer than 4096 characters")
        }
    }

    func testTheLoaderReadsADescriptionOfExactlyTheLimit() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "Two patients in Chiyoda, one clinic, one municipal battery.", with: String(repeating: "d", count: 4096))
        XCTAssertEqual(f.loaded()?.scenario.description.utf8.count, 4096)
        let g = try ScenarioFixture()
        try g.replace(in: "scenario.json", "Two patients in Chiyoda, one clinic, one municipal battery.", with: String(repeating: "d", count: 4097))
        // `  "description": "` is 18 characters: the 4,097th byte is column 18 + 4097.
        XCTAssertEqual(g.errors(), ["\(g.path("scenario.json")):4:4115: error: string longer than 4096 bytes"])
    }
}

/// A bad Shift_JIS byte on line 20 was reported at line 2 (issue 16, item 12): with no declared
/// encoding, a file that is neither UTF-8 nor Shift_JIS was located where UTF-8 broke, at its
/// first kanji. The failure of the encoding that reads further is reported now.
final class AutoEncodingLocationTests: XCTestCase {
    private func sjis(_ s: String) -> Data { s.data(using: .shiftJIS)! }

    func testABadByteInAShiftJISFileIsLocatedOnItsOwnLine() {
        // Line 2 holds 千代田 (not UTF-8: 0x90 0xE7 ...); lines 3-19 are "x"; line 20 is "ab" then 0x80.
        var bytes = sjis("h\n千代田\n" + String(repeating: "x\n", count: 17) + "ab")
        bytes.append(0x80)
        bytes.append(contentsOf: Array("\n".utf8))
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .auto) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [20, 3])
        // Byte offset: "h\n" 2 + 千代田 and its line end 7 + 17 x 2 + "ab" 2 = 45.
        XCTAssertEqual(f.message, "file is not valid Shift_JIS (byte 0x80 at byte offset 45) and not UTF-8 either; save it as \"CSV UTF-8\" from Excel")
    }

    func testWhenUTF8ReadsFurtherItsFailureIsReported() {
        // UTF-8 text with ア (E3 82 A2), then 0xFF on line 3, which neither encoding accepts.
        // As Shift_JIS, E3 82 is one character and A2 a half-width one, so both read up to 0xFF
        // (byte offset 2 + 3 + 1 + 1 = 7): Shift_JIS does not read further, UTF-8 is shown.
        var bytes = Data("h\nア\nz".utf8)
        bytes.append(0xFF)
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .auto) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [3, 2])
        XCTAssertEqual(f.message, "file is not valid UTF-8 (byte 0xFF at byte offset 7) and not Shift_JIS either; save it as \"CSV UTF-8\" from Excel")
    }

    func testTheLoaderPointsAtLine20() throws {
        let f = try ScenarioFixture()
        var bytes = sjis("id,kind,municipality,tier,linked_group,backup_power,contacts_per_hour,delivery_teams,backup_beds\nC1,clinic,131016,linked,千代田,true,10,1,0\n")
        for i in 3...19 { bytes.append(sjis("C\(i),clinic,131016,none,,false,1,0,0\n")) }
        bytes.append(sjis("H1,hospital,131024,"))
        bytes.append(0xFD)  // no lead byte in CP932
        bytes.append(sjis("regional,,true,5,1,4\n"))
        try f.write("providers.csv", bytes: bytes)
        let errors = f.errors()
        XCTAssertEqual(errors.count, 1)
        // "H1,hospital,131024," is 19 characters: 0xFD is column 20 of line 20.
        XCTAssertTrue(errors.first?.hasPrefix("\(f.path("providers.csv")):20:20: error: file is not valid Shift_JIS (byte 0xFD at byte offset ") == true, "\(errors)")
    }

    /// Classic Mac Excel ends lines with a lone CR, which the CSV reader counts as a line end:
    /// decoding failures count it too, so they point at the line the reader would name.
    func testALoneCRIsALineEndForCSVButNotForJSON() {
        var bytes = sjis("a\rb\r\nc")
        bytes.append(0x80)
        guard case .failure(let f) = TextDecoding.decode(bytes, as: .shiftJIS) else { return XCTFail("decoded") }
        XCTAssertEqual([f.line, f.column], [3, 2])
        var utf = Data("a\rb\r\nc".utf8)
        utf.append(0xFF)
        guard case .failure(let g) = TextDecoding.decode(utf, as: .utf8) else { return XCTFail("decoded") }
        XCTAssertEqual([g.line, g.column], [3, 2])
        // JSON counts only LF: the same bytes are line 2 there, column 2 ("c").
        guard case .failure(let h) = TextDecoding.decode(utf, as: .utf8, lineBreaks: .lf) else { return XCTFail("decoded") }
        XCTAssertEqual([h.line, h.column], [2, 2])
    }
}

/// Secondary-area names must pair one to one within a scenario (issue 16, item 1): an override
/// that gave one municipality another English name for its Japanese area, or moved it to another
/// Japanese area under its old English name, passed `validate` and crashed `workshop`
/// ("Duplicate values for key"). The built-in table has 13 areas, each with one English name.
final class AreaNameTests: XCTestCase {
    private let areaHeader = "code,secondary_medical_area_ja,secondary_medical_area_en\n"
    private let fullHeader = "code,name_ja,name_en,kind,island,population,population_date,secondary_medical_area_ja,secondary_medical_area_en\n"

    func testAnotherEnglishNameWithinAJapaneseAreaIsRefused() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", areaHeader + "131024,区中央部,Central Tokyo\n")
        // "131024,区中央部," is 12 characters (7 + 4 + 1): the English name is column 13.
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):2:13: error: secondary_medical_area_en: secondary medical area 区中央部 is "
                + "\"Ku-chubu (Central Wards)\" in English (131016 千代田区, built-in table), not \"Central Tokyo\": "
                + "within a scenario a Japanese area name has one English name"
        ])
    }

    func testAnEnglishNameAloneIsAppliedAndChecked() throws {
        // It used to be ignored without a word when the Japanese name was not given too.
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", "code,secondary_medical_area_en\n131024,Central Tokyo\n")
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):2:8: error: secondary_medical_area_en: secondary medical area 区中央部 is "
                + "\"Ku-chubu (Central Wards)\" in English (131016 千代田区, built-in table), not \"Central Tokyo\": "
                + "within a scenario a Japanese area name has one English name"
        ])
    }

    func testMovingAMunicipalityButKeepingItsEnglishAreaNameIsRefused() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", "code,secondary_medical_area_ja\n131024,区西部\n")
        // Located at the Japanese name, the one the row gives; 区西部 is Shinjuku's area.
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):2:8: error: secondary_medical_area_ja: secondary medical area 区西部 is "
                + "\"Ku-seibu (Western Wards)\" in English (131041 新宿区, built-in table), not \"Ku-chubu (Central Wards)\": "
                + "within a scenario a Japanese area name has one English name"
        ])
    }

    func testAnEnglishNameOfOneAreaCannotNameAnother() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", fullHeader + "271004,大阪市,Osaka City,city,false,2732107,2023-01-01,大阪,Ku-chubu (Central Wards)\n")
        // Columns: "271004," 7, "大阪市," 4, "Osaka City," 11, "city," 5, "false," 6, "2732107," 8,
        // "2023-01-01," 11: 52 characters, so the Japanese area name is column 53.
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):2:53: error: secondary_medical_area_ja: English area name \"Ku-chubu (Central Wards)\" "
                + "already names 区中央部 (131016 千代田区, built-in table), not 大阪: "
                + "within a scenario an English area name names one Japanese area"
        ])
    }

    func testRowsThatDisagreeWithEachOtherAreRefusedAtTheLaterOne() throws {
        let f = try ScenarioFixture()
        try f.write(
            "municipalities.csv",
            fullHeader + "271004,大阪市,Osaka City,city,false,2732107,2023-01-01,関西,Kansai\n"
                + "011002,札幌市,Sapporo City,city,false,1960000,2023-01-01,関西,Kansai region\n")
        // Line 3: "011002," 7, "札幌市," 4, "Sapporo City," 13, "city," 5, "false," 6, "1960000," 8,
        // "2023-01-01," 11, "関西," 3: 57 characters, so the English name is column 58.
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):3:58: error: secondary_medical_area_en: secondary medical area 関西 is "
                + "\"Kansai\" in English (271004 大阪市, line 2), not \"Kansai region\": "
                + "within a scenario a Japanese area name has one English name"
        ])
    }

    func testConsistentChangesAreAccepted() throws {
        // All five members of 区中央部 renamed in English together; Chuo moved to 区西部 with that
        // area's English name; a new municipality in a new area.
        let f = try ScenarioFixture()
        try f.write(
            "municipalities.csv",
            areaHeader + "131016,区中央部,Central\n131032,区中央部,Central\n131059,区中央部,Central\n131067,区中央部,Central\n"
                + "131024,区西部,Ku-seibu (Western Wards)\n")
        guard let s = f.loaded()?.scenario else { return }
        XCTAssertEqual(s.municipalities.filter { $0.area.nameJa == "区中央部" }.map(\.area.nameEn), Array(repeating: "Central", count: 4))
        XCTAssertEqual(s.municipalities.first { $0.code == MunicipalityCode("131024") }?.area, SecondaryArea(nameJa: "区西部", nameEn: "Ku-seibu (Western Wards)"))
        let g = try ScenarioFixture()
        try g.write("municipalities.csv", fullHeader + "271004,大阪市,Osaka City,city,false,2732107,2023-01-01,大阪,Osaka area\n")
        XCTAssertEqual(g.loaded()?.scenario.municipalities.count, 63)
    }

    func testTheBuiltInTableIsConsistent() throws {
        let list = try TokyoMunicipalities.load()
        var english: [String: String] = [:], japanese: [String: String] = [:]
        for m in list {
            XCTAssertEqual(english[m.area.nameJa, default: m.area.nameEn], m.area.nameEn, "\(m.code)")
            XCTAssertEqual(japanese[m.area.nameEn, default: m.area.nameJa], m.area.nameJa, "\(m.code)")
            english[m.area.nameJa] = m.area.nameEn
            japanese[m.area.nameEn] = m.area.nameJa
        }
        XCTAssertEqual(english.count, 13)
        XCTAssertEqual(japanese.count, 13)
    }
}

/// Control characters in diagnostics (issue 16, item 8): a file name, id, key or area name with a
/// line break printed a forged `file:line:col: error:` line; ESC, OSC and NUL were echoed raw.
final class DiagnosticControlCharacterTests: XCTestCase {
    func testPathAndMessageAreEscapedWhenRendered() {
        let d = Diagnostic(path: "a\nb.csv", line: 2, column: 3, message: "id \"\u{1B}[2J\" and \u{0}\u{7F}\u{85}\u{2029}")
        XCTAssertEqual(d.description, "a\\nb.csv:2:3: error: id \"\\u{1B}[2J\" and \\u{00}\\u{7F}\\u{85}\\u{2029}")
        // Kept as found: only the text shown is escaped.
        XCTAssertEqual(d.path, "a\nb.csv")
        let whole = Diagnostic(path: "x\ry", line: 0, column: 0, message: "m\tn")
        XCTAssertEqual(whole.description, "x\\ry: error: m\\tn")
    }

    func testAFileNameWithALineBreakCannotForgeADiagnostic() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"files\": {\"patients\": \"p\\nscenario.json:1:1: error: forged\"},")
        guard case .failure(let e) = f.load() else { return XCTFail("loaded") }
        let lines = e.diagnostics.rendered.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines, ["\(f.path("p"))\\nscenario.json:1:1: error: forged: error: missing file p\\nscenario.json:1:1: error: forged"])
        XCTAssertFalse(lines.contains { $0.hasPrefix("scenario.json") })
    }

    func testIdsKeysAndAreaNamesStayOnOneLine() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P002,", with: "\"P\r\n\u{1B}]0;x\u{07}\",")
        try f.replace(in: "scenario.json", "\"areas\": [\"区中央部\"]", with: "\"areas\": [\"\\u0000\\u2028\"]")
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"\\u009b2J\": 0,")
        guard case .failure(let e) = f.load() else { return XCTFail("loaded") }
        // One line per diagnostic, and no control character anywhere in the text.
        XCTAssertEqual(e.diagnostics.items.count, 3, e.diagnostics.rendered)
        XCTAssertEqual(e.diagnostics.rendered.split(separator: "\n").count, 3)
        XCTAssertFalse(e.diagnostics.rendered.unicodeScalars.contains { $0 != "\n" && TextEscaping.needsTerminalEscape($0) })
        XCTAssertTrue(e.diagnostics.rendered.contains("invalid id \"P\\r\\n\\u{1B}]0;x\\u{07}\""), e.diagnostics.rendered)
        XCTAssertTrue(e.diagnostics.rendered.contains("unknown key \"\\u{9B}2J\""), e.diagnostics.rendered)
        XCTAssertTrue(e.diagnostics.rendered.contains("unknown secondary medical area \"\\u{00}\\u{2028}\""), e.diagnostics.rendered)
    }

    func testAShiftJISNoteNamesTheFileEscaped() throws {
        let f = try ScenarioFixture()
        let name = "pro\u{1B}viders.csv"
        var text = try f.text("providers.csv")
        text = text.replacingOccurrences(of: "C1,clinic,131016,institutional,,", with: "C1,clinic,131016,linked,千代田,")
        try f.write(name, bytes: text.data(using: .shiftJIS)!)
        try f.remove("providers.csv")
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"files\": {\"providers\": \"pro\\u001bviders.csv\"},")
        XCTAssertEqual(f.loaded()?.notes, ["pro\\u{1B}viders.csv: read as Shift_JIS (detected)"])
    }
}

/// `generate --patients 2000000` wrote a scenario that `validate` refused: 2,000,000 patients
/// and the header are 2,000,001 records, one past the limit (issue 16, item 11). Writers now
/// ask InputLimits what the loader would refuse.
final class ScenarioSizeLimitTests: XCTestCase {
    func testTheDataRowLimitLeavesRoomForTheHeader() {
        XCTAssertEqual(InputLimits.maxDataRows, 1_999_999)
    }

    func testEachLimitIsNamedWhenPassed() {
        func problem(_ files: [(name: String, text: String)]) -> String? {
            // Small limits: 20 bytes a CSV file, 30 for all, 10 for JSON, 3 records (2 rows).
            InputLimits.sizeProblem(files, maxFileBytes: 20, maxScenarioBytes: 30, maxJSONBytes: 10, maxRows: 3)
        }
        XCTAssertNil(problem([("scenario.json", "{\"a\": 1}\n"), ("p.csv", "id\n1\n2\n"), ("u.csv", "id\n1\n")]))
        // "id\n1\n2\n3\n" is a header and 3 rows: 4 records. Without the last line end, the same.
        XCTAssertEqual(problem([("p.csv", "id\n1\n2\n3\n")]), "p.csv would have 3 rows; the limit is 2 (3 records, the header included)")
        XCTAssertEqual(problem([("p.csv", "id\n1\n2\n3")]), "p.csv would have 3 rows; the limit is 2 (3 records, the header included)")
        XCTAssertNil(problem([("p.csv", "id\n1\n2")]))
        // 21 bytes in one file; 11 bytes of JSON; 12 + 12 + 12 = 36 bytes together, past 30 at the third.
        XCTAssertEqual(problem([("p.csv", String(repeating: "x", count: 21))]), "p.csv would be 21 bytes; the limit is 20 bytes per CSV file")
        XCTAssertEqual(problem([("scenario.json", String(repeating: " ", count: 11))]), "scenario.json would be 11 bytes; the limit is 10 bytes")
        let twelve = "abcdefghijk\n"
        XCTAssertEqual(
            problem([("a.csv", twelve), ("b.csv", twelve), ("c.csv", twelve)]),
            "the CSV files would come to 36 bytes with c.csv; the limit for all together is 30 bytes")
        // Bytes, not characters: 7 kana are 21 bytes.
        XCTAssertEqual(problem([("p.csv", String(repeating: "あ", count: 7))]), "p.csv would be 21 bytes; the limit is 20 bytes per CSV file")
    }
}
