import BCPModel
import Foundation
import BCPEngine
import XCTest
@testable import BCPInput

/// One test per kind of problem. Each starts from a copy of Tests/Fixtures/valid/minimal, changes
/// one thing, and checks the complete list of diagnostics, located by line and column counted
/// by hand in the fixture text (quoted in the comments).
///
/// patients.csv line 2:  P001,131016,tppv,60,24,100,200,C1,true
///   columns:            id 1, municipality 6, device 13, draw_w 18, hours_per_day 21,
///                       internal_wh 24, external_wh 28, provider 32, support_plan 35
/// providers.csv line 2: C1,clinic,131016,institutional,,true,10,1,0
///   columns:            id 1, kind 4, municipality 11, tier 18, linked_group 32
/// units.csv line 2:     U1,battery,1000,300,,,municipality,131016,true
///   columns:            id 1, kind 4, capacity_wh 12, rated_w 17, owner_type 23, owner 36
/// units.csv line 3:     G1,generator,,900,120,2,provider,C1,false
///   columns:            id 1, kind 4, capacity_wh 14, rated_w 15, owner_type 25, owner 34
final class ScenarioLoaderTests: XCTestCase {
    static let patientColumns = "id, municipality, device, draw_w, hours_per_day, internal_wh, external_wh, generator_w, "
        + "generator_runtime_min, generator_tanks, generator_operable, provider, support_plan, tolerance_min, manual_bridge, "
        + "car, cylinder_min, supplier, use_from"

    // MARK: The valid fixture

    func testValidFixtureLoads() throws {
        let f = try ScenarioFixture()
        guard let loaded = f.loaded() else { return }
        let s = loaded.scenario
        XCTAssertEqual(s.nameJa, "最小シナリオ")
        XCTAssertEqual(s.nameEn, "Minimal scenario")
        XCTAssertTrue(s.synthetic)
        XCTAssertEqual(s.seed, 42)
        XCTAssertEqual(s.horizonMinutes, 72 * 60)
        XCTAssertEqual(s.municipalities.count, 62)
        XCTAssertEqual(s.patients.map(\.id), ["P001", "P002"])
        XCTAssertEqual(s.providers.map(\.id), ["C1", "H1"])
        XCTAssertEqual(s.units.map(\.id), ["U1", "G1"])
        XCTAssertEqual(s.zones.count, 1)
        XCTAssertEqual(s.disruptions.count, 0)

        let chiyoda = MunicipalityCode("131016")!
        let p1 = s.patients[0], p2 = s.patients[1]
        XCTAssertEqual([p1.drawW, p1.hoursPerDay, p1.internalBatteryWh, p1.externalBatteryWh], [60, 24, 100, 200])
        XCTAssertEqual(p1.municipality, chiyoda)
        XCTAssertEqual(p1.device, .tppv)
        XCTAssertEqual(p1.providerId, "C1")
        XCTAssertTrue(p1.registeredSupportPlan)
        XCTAssertNil(p1.generator)
        // P002 leaves draw_w and hours_per_day blank: the NPPV defaults apply.
        XCTAssertEqual(p2.device, .nppv)
        XCTAssertEqual(p2.drawW, DeviceKind.nppv.defaultDrawW)
        XCTAssertEqual(p2.hoursPerDay, DeviceKind.nppv.defaultHoursPerDay)
        XCTAssertFalse(p2.registeredSupportPlan)

        let c1 = s.providers[0], h1 = s.providers[1]
        XCTAssertEqual(c1.kind, .clinic)
        XCTAssertEqual(c1.tier, .institutional)
        XCTAssertEqual([c1.contactsPerHour, c1.deliveryTeams, c1.backupBeds], [10, 1, 0])
        XCTAssertTrue(c1.hasBackupPower)
        XCTAssertEqual(h1.kind, .hospital)
        XCTAssertEqual(h1.tier, .regional)
        XCTAssertEqual(h1.municipality, MunicipalityCode("131024"))
        XCTAssertEqual(h1.backupBeds, 4)

        XCTAssertEqual(s.units[0].owner, .municipality(chiyoda))
        XCTAssertEqual(s.units[0].kind, .battery)
        XCTAssertEqual(s.units[0].capacityWh, 1000)
        XCTAssertTrue(s.units[0].subsidized)
        XCTAssertEqual(s.units[1].owner, .provider("C1"))
        XCTAssertEqual([s.units[1].ratedW, s.units[1].runtimePerTankMinutes, s.units[1].tanks], [900, 120, 2])

        // "half-day": [[6, 0.5], [12, 1]] -> minutes 360 and 720, fractions in parts per million.
        let curve = RestorationCurve(points: [CurvePoint(minute: 360, restoredPPM: 500_000), CurvePoint(minute: 720, restoredPPM: 1_000_000)])
        XCTAssertEqual(s.zones[0], OutageZone(id: "central", targets: [.area("区中央部")], startMinute: 0, shape: .restoration(curve)))
        var parameters = PolicyParameters()
        parameters.providerCallDelayMinutes = 30
        XCTAssertEqual(s.parameters, parameters)

        XCTAssertEqual(loaded.notes, [])
        XCTAssertEqual(loaded.files.map(\.name), ["scenario.json", "patients.csv", "providers.csv", "units.csv"])
        let bytes = try Data(contentsOf: f.folder.appendingPathComponent("units.csv"))
        XCTAssertEqual(loaded.files.last?.fnv1a64, StableHash.fnv1a64Hex(bytes))
    }

    func testFNV1a64KnownAnswers() {
        // Published FNV-1a 64 test vectors.
    }

    func testTrailingDelimitersAndCRLFAreAccepted() throws {
        let f = try ScenarioFixture()
        // As Excel may save it: CRLF line ends and a trailing delimiter on every line.
        let text = try f.text("providers.csv").split(separator: "\n").map { $0 + "," }.joined(separator: "\r\n") + "\r\n"
        try f.write("providers.csv", text)
        XCTAssertEqual(f.loaded()?.scenario.providers.map(\.id), ["C1", "H1"])
    }

    /// A decimal comma in a row whose last field is empty: without a trailing delimiter on the
    /// header, the row's extra field is an error, not a trailing delimiter that shifts the columns.
    func testADecimalCommaIsAFieldCountErrorNotAShift() throws {
        let f = try ScenarioFixture()
        let line = try XCTUnwrap(f.text("patients.csv").split(separator: "\n").firstIndex { $0.hasPrefix("P001,") }) + 1
        let rows = try f.text("patients.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).count
        // Add ",1" after the id: one field too many; and make the last field empty, as in the shipped
        // rosters (use_from is usually empty).
        var fields = rows[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[fields.count - 1] = ""
        fields.insert("1", at: 1)
        var edited = rows
        edited[line - 1] = fields.joined(separator: ",")
        try f.write("patients.csv", edited.joined(separator: "\n"))
        let errors = f.errors()
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.contains(":\(line):1: error: wrong number of fields: expected \(header)") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.contains("found \(header + 1); a number written with a decimal comma") ?? false, "\(errors)")
    }

    // MARK: Municipality codes

    func testInvalidMunicipalityCodeGivesTheExpectedCode() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P001,131016,", with: "P001,131017,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:6: error: municipality: invalid municipality code 131017: check digit should make it 131016"])
    }

    func testMunicipalityCodeThatIsNotSixDigits() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P001,131016,", with: "P001,Chiyoda,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:6: error: municipality: invalid municipality code \"Chiyoda\": expected 6 digits (全国地方公共団体コード, e.g. 131016)"])
    }

    func testUnknownMunicipalityCode() throws {
        let f = try ScenarioFixture()
        // 271004 (Osaka City) has a valid check digit: 2*6+7*5+1*4+0*3+0*2 = 51, 51 mod 11 = 7, 11-7 = 4.
        try f.replace(in: "patients.csv", "P001,131016,", with: "P001,271004,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:6: error: municipality: unknown municipality code 271004: not in the municipality table (Tokyo's 62, or municipalities.csv)"])
    }

    // MARK: Ids

    func testDuplicatePatientIdSaysTheFirstLine() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P002,", with: "P001,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):3:1: error: id: duplicate patient id P001 (first at line 2)"])
    }

    func testDuplicateProviderId() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "providers.csv", "H1,", with: "C1,")
        XCTAssertEqual(f.errors(), ["\(f.path("providers.csv")):3:1: error: id: duplicate provider id C1 (first at line 2)"])
    }

    func testDuplicateUnitId() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "G1,", with: "U1,")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):3:1: error: id: duplicate unit id U1 (first at line 2)"])
    }

    func testIdThatLooksLikeAName() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "P001,", with: "\"Yamada Taro\",")
        XCTAssertEqual(f.errors(), [
            "\(f.path("patients.csv")):2:1: error: id: invalid id \"Yamada Taro\": expected letters A-Z a-z, digits, '-', '_' or '.', at most 64 characters (pseudonymous; never a name)"
        ])
    }

    // MARK: Watts and watt-hours

    func testNegativeWattsSaysTheLimit() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "tppv,60,", with: "tppv,-60,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:18: error: draw_w: -60 W is outside the accepted range 1...2000 W"])
    }

    func testAbsurdWattsSaysTheLimit() throws {
        let f = try ScenarioFixture()
        // A typo of 60 W: 60000 W is a small power station, not a ventilator.
        try f.replace(in: "patients.csv", "tppv,60,", with: "tppv,60000,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:18: error: draw_w: 60000 W is outside the accepted range 1...2000 W"])
    }

    func testAbsurdWattHoursSaysTheLimit() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "100,200,C1", with: "100,20000,C1")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:28: error: external_wh: 20000 Wh is outside the accepted range 0...10000 Wh"])
    }

    func testNegativeUnitCapacity() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "U1,battery,1000,", with: "U1,battery,-1000,")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):2:12: error: capacity_wh: -1000 Wh is outside the accepted range 0...100000 Wh"])
    }

    func testWattsThatAreNotANumber() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "tppv,60,", with: "tppv,60W,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:18: error: draw_w: expected a whole number of W, found \"60W\""])
    }

    // MARK: References

    func testPatientPointingAtAnUnknownProvider() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "200,C1,true", with: "200,C9,true")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:32: error: provider: unknown provider C9: no such id in providers.csv"])
    }

    func testUnitOwnedByAnUnknownProvider() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "provider,C1,", with: "provider,C9,")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):3:34: error: owner: unknown provider C9: no such id in providers.csv"])
    }

    func testUnitOwnedByAnUnknownMunicipality() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "municipality,131016,", with: "municipality,271004,")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):2:36: error: owner: unknown municipality code 271004: not in the municipality table (Tokyo's 62, or municipalities.csv)"])
    }

    func testUnitOwnedByAnUnknownPatient() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "units.csv", "provider,C1,", with: "patient,P009,")
        // owner_type now starts at 25 and is "patient," (8 characters), so owner is at 33.
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):3:33: error: owner: unknown patient P009: no such id in patients.csv"])
    }

    func testLinkedTierWithoutGroup() throws {
        let f = try ScenarioFixture()
        // C1,clinic,131016,linked,,true...: "C1," 3 + "clinic," 7 + "131016," 7 + "linked," 7, so the
        // empty linked_group is column 25.
        try f.replace(in: "providers.csv", "131016,institutional,", with: "131016,linked,")
        XCTAssertEqual(f.errors(), ["\(f.path("providers.csv")):2:25: error: linked_group: a provider on the linked tier needs the name of its linked group"])
    }

    func testProviderWithABadRowDoesNotAlsoMakeItsPatientsUnknown() throws {
        let f = try ScenarioFixture()
        // C1 has a misspelt tier; its two patients and its generator refer to it. The only
        // problem is the tier: "no such id in providers.csv" would be untrue.
        try f.replace(in: "providers.csv", "131016,institutional,", with: "131016,instituional,")
        XCTAssertEqual(f.errors(), ["\(f.path("providers.csv")):2:18: error: tier: expected one of none, institutional, linked, regional, found \"instituional\""])
    }

    func testUnreadableProvidersFileIsOneErrorNotOnePerReference() throws {
        let f = try ScenarioFixture()
        // A NUL byte after "C1," on line 2 (column 4) makes the file look binary.
        var bytes = Array(try f.text("providers.csv").utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1 + 3
        bytes[at] = 0
        try f.write("providers.csv", bytes: Data(bytes))
        XCTAssertEqual(f.errors(), ["\(f.path("providers.csv")):2:4: error: file contains a NUL byte: it looks binary, not a CSV text file"])
    }

    // MARK: scenario.json

    func testNonMonotoneCurve() throws {
        let f = try ScenarioFixture()
        // Line 8: `  "curves": {"half-day": [[6, 0.5], [12, 0.4]]},` - the curve's '[' is column 26
        // (two spaces, "curves" 3-10, ':' 11, ' ' 12, '{' 13, "half-day" 14-23, ':' 24, ' ' 25).
        try f.replace(in: "scenario.json", "[12, 1]]", with: "[12, 0.4]]")
        // The zone naming the invalid curve is not reported again as naming an unknown curve.
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):8:26: error: curves.half-day: point 2: fraction restored must not decrease (curve is not monotone)"])
    }

    func testCurveWithHoursGoingBackInAZone() throws {
        let f = try ScenarioFixture()
        // Line 9: `  "zones": [{"id": "central", "areas": ["区中央部"], "start_hour": 0, "curve": [[6, 0.5], [3, 1]]}],`
        // "区中央部" with its quotes is columns 41-46, ']' 47, ',' 48, ' ' 49, "start_hour" 50-61,
        // ':' 62, ' ' 63, 0 64, ',' 65, ' ' 66, "curve" 67-73, ':' 74, ' ' 75: the curve starts at 76.
        try f.replace(in: "scenario.json", "\"curve\": \"half-day\"", with: "\"curve\": [[6, 0.5], [3, 1]]")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):9:76: error: zones[0].curve: point 2: hours must increase strictly"])
    }

    func testCurveFractionAboveOne() throws {
        let f = try ScenarioFixture()
        // `  "curves": {"half-day": [[6, 0.5], [12, 1.5]]},`: [[ 26-27, 6 28, ',' 29, ' ' 30,
        // 0.5 31-33, ']' 34, ',' 35, ' ' 36, '[' 37, 12 38-39, ',' 40, ' ' 41, 1.5 at 42.
        try f.replace(in: "scenario.json", "[12, 1]]", with: "[12, 1.5]]")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):8:42: error: curves.half-day[1][1]: 1.5 is outside the accepted range 0...1 fraction restored (0 to 1)"])
    }

    func testZoneNamingAnUnknownArea() throws {
        let f = try ScenarioFixture()
        // Line 9: `  "zones": [{"id": "central", "areas": ["区中部"], ...`: two spaces, "zones" 3-9,
        // ':' 10, ' ' 11, '[' 12, '{' 13, "id" 14-17, ':' 18, ' ' 19, "central" 20-28, ',' 29,
        // ' ' 30, "areas" 31-37, ':' 38, ' ' 39, '[' 40: the area name is column 41.
        try f.replace(in: "scenario.json", "\"区中央部\"", with: "\"区中部\"")
        let errors = f.errors()
        XCTAssertEqual(errors.count, 1)
        let prefix = "\(f.path("scenario.json")):9:41: error: zones[0].areas[0]: unknown secondary medical area \"区中部\"; known: "
        XCTAssertTrue(errors.first?.hasPrefix(prefix) == true, errors.first ?? "")
        // The message lists the 13 known areas.
        let known = errors.first.map { $0.dropFirst(prefix.count).components(separatedBy: ", ") } ?? []
        XCTAssertEqual(known.count, 13)
        XCTAssertTrue(known.contains("区中央部"))
        XCTAssertTrue(known.contains("島しょ"))
    }

    func testZoneNamingAnInvalidMunicipality() throws {
        let f = try ScenarioFixture()
        // `"municipalities": [` puts the code at column 50 ("municipalities" is 31-46, ':' 47, ' ' 48, '[' 49).
        try f.replace(in: "scenario.json", "\"areas\": [\"区中央部\"]", with: "\"municipalities\": [\"131017\"]")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):9:50: error: zones[0].municipalities[0]: invalid municipality code 131017: check digit should make it 131016"])
    }

    func testMunicipalityInTwoZones() throws {
        let f = try ScenarioFixture()
        // A second zone on a new line 10: `    {"id": "chiyoda", "municipalities": ["131016"], ...`
        // four spaces, '{' 5, "id" 6-9, ':' 10, ' ' 11, "chiyoda" 12-20, ',' 21, ' ' 22,
        // "municipalities" 23-38, ':' 39, ' ' 40, '[' 41: the code is column 42.
        // 131016 (Chiyoda) is in the first zone through its area 区中央部.
        try f.replace(in: "scenario.json", "\"half-day\"}],", with: "\"half-day\"},\n    {\"id\": \"chiyoda\", \"municipalities\": [\"131016\"], \"curve\": \"half-day\"}],")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):10:42: error: zones[1].municipalities[0]: municipality 131016 is already in zone central; a municipality belongs to one zone"])
    }

    func testDuplicateZoneIdIsLocatedAtTheId() throws {
        let f = try ScenarioFixture()
        // A second zone "central" on line 10 for Shibuya (131130, another area): the id is at column 12.
        try f.replace(in: "scenario.json", "\"half-day\"}],", with: "\"half-day\"},\n    {\"id\": \"central\", \"municipalities\": [\"131130\"], \"curve\": \"half-day\"}],")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):10:12: error: zones[1].id: duplicate zone id central"])
    }

    func testHorizonZero() throws {
        let f = try ScenarioFixture()
        // Line 7: `  "horizon_hours": 0,`: "horizon_hours" with quotes is 3-17, ':' 18, ' ' 19: value at 20.
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72", with: "\"horizon_hours\": 0")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):7:20: error: horizon_hours: horizon must be > 0 hours"])
    }

    func testHorizonThatRoundsToZeroMinutes() throws {
        let f = try ScenarioFixture()
        // 0.001 h = 0.06 min, which rounds to 0.
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72", with: "\"horizon_hours\": 0.001")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):7:20: error: horizon_hours: horizon must be > 0 hours"])
    }

    func testNegativeHorizon() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72", with: "\"horizon_hours\": -1")
        // The upper limit is 100 days = 2400 h.
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):7:20: error: horizon_hours: -1 is outside the accepted range 0...2400 hours"])
    }

    func testHugeHorizonIsAnErrorNotACrash() throws {
        let f = try ScenarioFixture()
        // x 60 this is 7 short of Int.max before rounding: it once trapped on overflow.
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72", with: "\"horizon_hours\": 1537228672809129.30")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):7:20: error: horizon_hours: 1537228672809129.30 is outside the accepted range 0...2400 hours"])
    }

    func testMissingHorizon() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "  \"horizon_hours\": 72,\n", with: "")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):1:1: error: missing key \"horizon_hours\" (how long to simulate, e.g. 168)"])
    }

    func testUnknownKeyInScenarioJSON() throws {
        let f = try ScenarioFixture()
        // Line 5: `  "synthetc": true,`: "synthetc" is 3-12, ':' 13, ' ' 14: the value is column 15.
        try f.replace(in: "scenario.json", "\"synthetic\"", with: "\"synthetc\"")
        XCTAssertEqual(f.errors(), [
            "\(f.path("scenario.json")):5:15: error: synthetc: unknown key \"synthetc\"; expected one of: schema, name, description, "
                + "synthetic, seed, start_clock, horizon_hours, encoding, files, curves, zones, disruptions, parameters, sources"
        ])
    }

    func testUnknownParameterHasItsKeyPath() throws {
        let f = try ScenarioFixture()
        // Line 10: `  "parameters": {"provider_call_delay_minute": 30}`: "parameters" 3-14, ':' 15, ' ' 16,
        // '{' 17, the 28-character key 18-45, ':' 46, ' ' 47: value at 48.
        try f.replace(in: "scenario.json", "provider_call_delay_minutes", with: "provider_call_delay_minute")
        let errors = f.errors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.hasPrefix("\(f.path("scenario.json")):10:48: error: parameters.provider_call_delay_minute: unknown key \"provider_call_delay_minute\"; expected one of: provider_call_delay_minutes, ") == true, errors.first ?? "")
    }

    func testWrongSchemaVersion() throws {
        let f = try ScenarioFixture()
        // Line 2: `  "schema": 2,`: "schema" 3-10, ':' 11, ' ' 12: value at 13.
        try f.replace(in: "scenario.json", "\"schema\": 1", with: "\"schema\": 2")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):2:13: error: schema: unsupported schema version 2; this bcpsim reads version 1"])
    }

    func testJSONSyntaxErrorIsLocated() throws {
        let f = try ScenarioFixture()
        // A trailing comma after the last member: the '}' on line 11 is where a key was expected.
        try f.replace(in: "scenario.json", "30}\n", with: "30},\n")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")):11:1: error: expected a quoted key"])
    }

    // MARK: Files and encodings

    func testMissingFile() throws {
        let f = try ScenarioFixture()
        try f.remove("units.csv")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")): error: missing file units.csv"])
    }

    func testMissingScenarioJSON() throws {
        let f = try ScenarioFixture()
        try f.remove("scenario.json")
        XCTAssertEqual(f.errors(), ["\(f.path("scenario.json")): error: missing file scenario.json"])
    }

    func testFileNamedInScenarioJSONIsMissing() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"files\": {\"patients\": \"roster.csv\"},")
        XCTAssertEqual(f.errors(), ["\(f.path("roster.csv")): error: missing file roster.csv"])
    }

    func testMissingFolder() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-no-such-\(UUID().uuidString)").path
        guard case .failure(let e) = ScenarioLoader.load(folder: path) else { return XCTFail("loaded a missing folder") }
        XCTAssertEqual(e.diagnostics.items.map(\.description), ["\(path): error: no such scenario folder (a scenario is a folder holding scenario.json and its CSV files)"])
    }

    /// patients.csv as Excel in Japan might save it: Shift_JIS, with an ideographic space (U+3000,
    /// 0x81 0x40) left after the municipality code on line 2.
    private func shiftJISPatients(_ f: ScenarioFixture) throws -> Data {
        let text = try f.text("patients.csv").replacingOccurrences(of: "P001,131016,", with: "P001,131016\u{3000},")
        return try XCTUnwrap(text.data(using: .shiftJIS))
    }

    func testShiftJISPatientsLoadWithADetectedNote() throws {
        let f = try ScenarioFixture()
        try f.write("patients.csv", bytes: try shiftJISPatients(f))
        guard let loaded = f.loaded() else { return }
        XCTAssertEqual(loaded.notes, ["patients.csv: read as Shift_JIS (detected)"])
        // The ideographic space is trimmed like an ASCII one.
        XCTAssertEqual(loaded.scenario.patients.first?.municipality, MunicipalityCode("131016"))
    }

    func testShiftJISDeclared() throws {
        let f = try ScenarioFixture()
        try f.write("patients.csv", bytes: try shiftJISPatients(f))
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"encoding\": \"shift_jis\",")
        // The declared encoding applies to every table; the note no longer says "detected".
        XCTAssertEqual(f.loaded()?.notes, ["patients.csv: read as Shift_JIS", "providers.csv: read as Shift_JIS", "units.csv: read as Shift_JIS"])
    }

    func testWrongEncoding() throws {
        let f = try ScenarioFixture()
        let header = "id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,provider,support_plan"
        try f.write("patients.csv", bytes: try shiftJISPatients(f))
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"encoding\": \"utf-8\",")
        // The first non-UTF-8 byte is the 0x81 of the ideographic space, after "P001,131016"
        // (11 characters, so column 12 of line 2), at byte offset header + newline + 11.
        let offset = header.utf8.count + 1 + "P001,131016".utf8.count
        XCTAssertEqual(offset, 101)
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):2:12: error: file is not valid UTF-8 (byte 0x81 at byte offset \(offset))"])
    }

    func testNeitherUTF8NorShiftJIS() throws {
        let f = try ScenarioFixture()
        var bytes = Array(try f.text("patients.csv").utf8)
        // 0xFF in place of the first character of line 3 ("P002...").
        let line3 = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[1] + 1
        bytes[line3] = 0xFF
        try f.write("patients.csv", bytes: Data(bytes))
        XCTAssertEqual(f.errors(), [
            "\(f.path("patients.csv")):3:1: error: file is not valid UTF-8 (byte 0xFF at byte offset \(line3)) and not Shift_JIS either; save it as \"CSV UTF-8\" from Excel"
        ])
    }

    // MARK: Columns

    func testWrongColumnCount() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "C1,false", with: "C1")
        XCTAssertEqual(f.errors(), [
            "\(f.path("patients.csv")):3:1: error: wrong number of fields: expected 9 "
                + "(id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,provider,support_plan), found 8"
        ])
    }

    func testTooManyFields() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "C1,true", with: "C1,true,extra")
        XCTAssertEqual(f.errors().first?.hasPrefix("\(f.path("patients.csv")):2:1: error: wrong number of fields: expected 9 ("), true)
        XCTAssertEqual(f.errors().first?.hasSuffix("), found 10; a number written with a decimal comma (1,41 for 1.41) or a comma in unquoted text splits a field in two (quote such text)"), true)
    }

    func testUnknownColumn() throws {
        let f = try ScenarioFixture()
        // Header columns start at 1, 4, 17, 24, 31, 45, 57, 69 and 78 (support_plan).
        try f.replace(in: "patients.csv", "support_plan", with: "suport_plan")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):1:78: error: unknown column \"suport_plan\"; expected one of: \(Self.patientColumns)"])
    }

    func testDuplicatedColumn() throws {
        let f = try ScenarioFixture()
        // The header is 89 characters; ",device" appended puts the second device at column 91.
        try f.replace(in: "patients.csv", "support_plan\n", with: "support_plan,device\n")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):1:91: error: column \"device\" appears twice"])
    }

    func testMissingRequiredColumn() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "patients.csv", "external_wh,provider,", with: "external_wh,")
        try f.replace(in: "patients.csv", "200,C1,", with: "200,")
        try f.replace(in: "patients.csv", "0,C1,", with: "0,")
        XCTAssertEqual(f.errors(), ["\(f.path("patients.csv")):1:1: error: missing required column \"provider\""])
    }

    func testEmptyTable() throws {
        let f = try ScenarioFixture()
        try f.write("units.csv", "")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")):1:1: error: file is empty; expected a header line with columns id, kind, owner_type, owner"])
    }

    // MARK: All problems, and the cap

    func testAllProblemsAreReportedInFileOrder() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"horizon_hours\": 72", with: "\"horizon_hours\": 0")
        try f.replace(in: "patients.csv", "P001,131016,", with: "P001,131017,")
        try f.replace(in: "patients.csv", "0,C1,false", with: "0,C7,false")
        try f.replace(in: "units.csv", "U1,battery,1000,", with: "U1,battery,-1000,")
        // P002's provider: "P002,131016,nppv,,,50,0," is 24 characters, so C7 is column 25.
        XCTAssertEqual(f.errors(), [
            "\(f.path("scenario.json")):7:20: error: horizon_hours: horizon must be > 0 hours",
            "\(f.path("patients.csv")):2:6: error: municipality: invalid municipality code 131017: check digit should make it 131016",
            "\(f.path("patients.csv")):3:25: error: provider: unknown provider C7: no such id in providers.csv",
            "\(f.path("units.csv")):2:12: error: capacity_wh: -1000 Wh is outside the accepted range 0...100000 Wh",
        ])
    }

    func testTheCapLimitsTheListButCountsEverything() throws {
        let f = try ScenarioFixture()
        let header = "id,municipality,device,provider"
        let rows = (1...10).map { "Q\($0),131017,tppv,C1" }
        try f.write("patients.csv", ([header] + rows).joined(separator: "\n") + "\n")
        guard case .failure(let e) = f.load(cap: 3) else { return XCTFail("loaded") }
        XCTAssertEqual(e.diagnostics.items.map(\.line), [2, 3, 4])
        XCTAssertEqual(e.diagnostics.dropped, 7)
        XCTAssertEqual(e.diagnostics.errorCount, 10)
        XCTAssertEqual(e.diagnostics.rendered.split(separator: "\n").last, "... and 7 more errors (only the first 3 are shown)")
        // Without a cap every row is listed.
        XCTAssertEqual(f.errors().count, 10)
    }

    // MARK: municipalities.csv

    func testMunicipalitiesCSVOverridesTheBuiltInTable() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", "code,regional_bcp,delivery_teams,contacts_per_hour\n131016,true,3,20\n")
        guard let s = f.loaded()?.scenario else { return }
        let builtIn = try TokyoMunicipalities.load()
        XCTAssertEqual(s.municipalities.count, 62)
        let chiyoda = try XCTUnwrap(s.municipalities.first { $0.code == MunicipalityCode("131016") })
        XCTAssertTrue(chiyoda.hasRegionalBCP)
        XCTAssertEqual(chiyoda.deliveryTeams, 3)
        XCTAssertEqual(chiyoda.contactsPerHour, 20)
        // What the row leaves blank stays as built in.
        let original = try XCTUnwrap(builtIn.first { $0.code == chiyoda.code })
        XCTAssertEqual(chiyoda.nameJa, original.nameJa)
        XCTAssertEqual(chiyoda.population, original.population)
        XCTAssertEqual(chiyoda.area, original.area)
        XCTAssertFalse(original.hasRegionalBCP)
        // The other 61 are untouched.
        XCTAssertEqual(s.municipalities.filter { $0.code != chiyoda.code }, builtIn.filter { $0.code != chiyoda.code })
    }

    func testMunicipalitiesCSVAddsAMunicipality() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", """
            code,name_ja,name_en,kind,island,population,population_date,secondary_medical_area_ja,secondary_medical_area_en
            271004,大阪市,Osaka City,city,false,2732107,2023-01-01,大阪市,Osaka City area

            """)
        try f.replace(in: "patients.csv", "P001,131016,", with: "P001,271004,")
        guard let s = f.loaded()?.scenario else { return }
        XCTAssertEqual(s.municipalities.count, 63)
        XCTAssertEqual(s.municipalities.last?.nameJa, "大阪市")
        XCTAssertEqual(s.patients.first?.municipality, MunicipalityCode("271004"))
    }

    func testNewMunicipalityMustBeComplete() throws {
        let f = try ScenarioFixture()
        try f.write("municipalities.csv", "code,name_ja\n271004,大阪市\n")
        XCTAssertEqual(f.errors(), [
            "\(f.path("municipalities.csv")):2:1: error: code: 271004 is not in the built-in Tokyo table, so the row must give "
                + "name_en, kind, population, population_date, secondary_medical_area_ja, secondary_medical_area_en"
        ])
    }

    // MARK: Model v2 columns

    static let v2Patients = """
        id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,provider,support_plan,tolerance_min,manual_bridge,car,cylinder_min,supplier,use_from
        P001,131016,tppv,60,24,100,200,C1,true,10,true,socket,,,
        P002,131016,oxygen,,,0,0,C1,false,,,outlet,780,S1,
        P003,131016,nppv,30,10,300,0,C1,false,,,,,,22:30

        """
    static let v2Providers = """
        id,kind,municipality,tier,linked_group,backup_power,contacts_per_hour,delivery_teams,backup_beds,cylinders
        C1,clinic,131016,institutional,,true,10,1,0,
        H1,hospital,131024,regional,,true,5,1,4,
        S1,supplier,131016,none,,true,20,2,0,50

        """

    func testModelV2ColumnsAreRead() throws {
        let f = try ScenarioFixture()
        try f.write("patients.csv", Self.v2Patients)
        try f.write("providers.csv", Self.v2Providers)
        try f.write("municipalities.csv", "code,admission_system,charging_points\n131016,true,2\n")
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"start_clock\": \"06:30\",")
        guard let s = f.loaded()?.scenario else { return }
        XCTAssertEqual(s.startClockMinute, 6 * 60 + 30)
        let p = Dictionary(uniqueKeysWithValues: s.patients.map { ($0.id, $0) })
        XCTAssertEqual(p["P001"]?.toleranceMinutes, 10)
        XCTAssertEqual(p["P001"]?.manualBridge, true)
        XCTAssertEqual(p["P001"]?.car, .socket)
        XCTAssertEqual(p["P002"]?.cylinderMinutes, 780)
        XCTAssertEqual(p["P002"]?.supplierId, "S1")
        XCTAssertEqual(p["P002"]?.car, .outlet)
        XCTAssertNil(p["P002"]?.toleranceMinutes, "blank: the device's default")
        XCTAssertEqual(p["P003"]?.useFromMinute, 22 * 60 + 30)
        XCTAssertEqual(p["P003"]?.car, CarPower.none)
        let supplier = try XCTUnwrap(s.providers.first { $0.id == "S1" })
        XCTAssertEqual(supplier.kind, .supplier)
        XCTAssertEqual(supplier.cylinders, 50)
        let chiyoda = try XCTUnwrap(s.municipalities.first { $0.code == MunicipalityCode("131016") })
        XCTAssertTrue(chiyoda.admissionSystem)
        XCTAssertEqual(chiyoda.chargingPoints, 2)
    }

    func testModelV2ColumnsAreChecked() throws {
        let f = try ScenarioFixture()
        try f.write("patients.csv", """
            id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,provider,support_plan,tolerance_min,manual_bridge,car,cylinder_min,supplier,use_from
            P001,131016,tppv,60,24,100,200,C1,true,abc,maybe,truck,60,C1,25:00

            """)
        let pc = f.path("patients.csv")
        XCTAssertEqual(f.errors(), [
            "\(pc):2:40: error: tolerance_min: expected a whole number of minutes, found \"abc\"",
            "\(pc):2:44: error: manual_bridge: expected true or false, found \"maybe\"",
            "\(pc):2:50: error: car: expected one of none, socket, outlet, found \"truck\"",
            "\(pc):2:62: error: use_from: expected a clock time HH:MM (00:00 to 23:59), found \"25:00\"",
        ])
        // With the cells readable, what they say is checked against the device and the providers.
        try f.write("patients.csv", """
            id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,provider,support_plan,cylinder_min,supplier
            P001,131016,tppv,60,24,100,200,C1,true,60,C1

            """)
        try f.write("providers.csv", Self.v2Providers.replacingOccurrences(of: "C1,clinic,131016,institutional,,true,10,1,0,", with: "C1,clinic,131016,institutional,,true,10,1,0,5"))
        let errors = f.errors()
        XCTAssertTrue(errors.contains("\(pc):2:40: error: cylinder_min: only oxygen users hold cylinders (device is tppv)"), "\(errors)")
        XCTAssertTrue(errors.contains("\(pc):2:43: error: supplier: C1 is a clinic, not an oxygen supplier (kind supplier)"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasSuffix("error: cylinders: only oxygen suppliers deliver cylinders (kind is clinic)") }, "\(errors)")
    }

    func testStartClockMustBeAClockTime() throws {
        let f = try ScenarioFixture()
        try f.replace(in: "scenario.json", "\"seed\": 42,", with: "\"seed\": 42, \"start_clock\": \"9am\",")
        let errors = f.errors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasSuffix("error: start_clock: expected the clock time at the scenario's start as \"HH:MM\" (00:00 to 23:59), found \"9am\""), errors[0])
    }
}
