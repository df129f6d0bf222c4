import BCPEngine
import BCPModel
import BCPText
import Foundation

/// A scenario read from its folder, with what the loader noticed on the way.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// Files read, relative to the folder, in reading order, with their bytes' FNV-1a 64 hash.
    public var files: [(name: String, fnv1a64: String)]
    /// Notes such as "patients.csv: read as Shift_JIS (detected)".
    public var notes: [String]
}

/// Reads a scenario folder: scenario.json plus its CSV tables, reporting every problem found
/// (up to a cap) as a located diagnostic. Nothing is simulated on a scenario with errors.
public enum ScenarioLoader {
    public static func load(folder: String, diagnosticCap: Int = Diagnostics.defaultCap) -> Result<LoadedScenario, InputError> {
        var d = Diagnostics(cap: diagnosticCap)
        var files: [(String, String)] = []
        var notes: [String] = []
        let dir = URL(fileURLWithPath: folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            return .failure(InputError(path: folder, "no such scenario folder (a scenario is a folder holding scenario.json and its CSV files)"))
        }
        func display(_ name: String) -> String { dir.appendingPathComponent(name).relativePath }
        var tableBytes = 0
        /// Reads one file of the folder through BoundedFile: regular files only, not through a
        /// symbolic link, its size checked before it is read (and the tables' total too).
        func readBytes(_ name: String, limit: Int = InputLimits.maxFileBytes) -> Data? {
            let path = display(name)
            let isTable = name != "scenario.json"
            let result = BoundedFile.read(path, limit: limit, followLinks: false) { size in
                guard isTable else { return nil }
                tableBytes += size
                if tableBytes > InputLimits.maxScenarioBytes {
                    return "the scenario's CSV files come to \(tableBytes) bytes with this one; the limit for all together is \(InputLimits.maxScenarioBytes) bytes"
                }
                return nil
            }
            switch result {
            case .success(let data):
                files.append((name, data.withUnsafeBytes { StableHash.fnv1a64Hex($0) }))
                return data
            case .failure(.missing):
                d.error(path, 0, 0, "missing file \(name)")
            case .failure(.folder):
                d.error(path, 0, 0, BoundedFile.Failure.notRegular.message)
            case .failure(let f):
                d.error(path, 0, 0, f.message)
            }
            return nil
        }

        // scenario.json
        let jsonPath = display("scenario.json")
        guard let jsonData = readBytes("scenario.json", limit: InputLimits.maxJSONBytes) else { return .failure(InputError(d)) }
        guard case .success(let (jsonText, _)) = TextDecoding.decode(jsonData, as: .utf8, lineBreaks: .lf) else {
            if case .failure(let f) = TextDecoding.decode(jsonData, as: .utf8, lineBreaks: .lf) { d.error(jsonPath, f.line, f.column, f.message) }
            return .failure(InputError(d))
        }
        let doc: JSONValue
        switch JSONParser.parse(jsonText) {
        case .success(let v): doc = v
        case .failure(let f):
            d.error(jsonPath, f.line, f.column, f.message)
            return .failure(InputError(d))
        }
        var reader = JSONReader(path: jsonPath, diags: d)
        let header = ScenarioHeader.read(doc, &reader)
        d = reader.diags

        // Tables.
        // municipalities.csv is optional: read when declared in "files" or present in the folder.
        func table(_ key: String, _ specs: [ColumnSpec], optional: Bool = false) -> CSVTable? {
            guard let name = header.files[key] ?? (optional ? "\(key).csv" : nil) else { return nil }
            let path = display(name)
            if optional && !FileManager.default.fileExists(atPath: path) { return nil }
            guard let data = readBytes(name) else { return nil }
            switch TextDecoding.decode(data, as: header.encoding) {
            case .failure(let f):
                d.error(path, f.line, f.column, f.message)
                return nil
            case .success(let (text, used)):
                if used == .shiftJIS {
                    notes.append("\(TextEscaping.terminalSafe(name)): read as Shift_JIS" + (header.encoding == .auto ? " (detected)" : ""))
                }
                return CSVTable.read(path: path, text: text, specs: specs, into: &d)
            }
        }
        var municipalities: [Municipality] = []
        do { municipalities = try TokyoMunicipalities.load() } catch let e as InputError {
            for item in e.diagnostics.items { d.add(item) }
        } catch { d.error("tokyo-municipalities.csv", 0, 0, "\(error)") }
        if let t = table("municipalities", ScenarioTables.municipalitySpecs, optional: header.files["municipalities"] == nil) {
            municipalities = MunicipalityOverrides.apply(t, to: municipalities, &d)
        }
        let pt = table("patients", ScenarioTables.patientSpecs)
        let vt = table("providers", ScenarioTables.providerSpecs)
        let ut = table("units", ScenarioTables.unitSpecs)

        var refs = References(municipalities: municipalities)
        refs.providersRead = vt != nil
        refs.patientsRead = pt != nil
        let providers = vt.map { refs.providers($0, &d) } ?? []
        let patients = pt.map { refs.patients($0, &d) } ?? []
        let units = ut.map { refs.units($0, &d) } ?? []
        let zones = refs.zones(header.zones, jsonPath, &d)
        let disruptions = refs.disruptions(header.disruptions, jsonPath, &d)

        if d.hasErrors { return .failure(InputError(d)) }
        let scenario = Scenario(
            schemaVersion: header.schemaVersion, nameJa: header.nameJa, nameEn: header.nameEn, description: header.description,
            horizonMinutes: header.horizonMinutes, seed: header.seed, municipalities: municipalities, patients: patients,
            providers: providers, units: units, zones: zones, disruptions: disruptions, parameters: header.parameters,
            synthetic: header.synthetic, startClockMinute: header.startClockMinute)
        return .success(LoadedScenario(scenario: scenario, files: files, notes: notes))
    }

}
