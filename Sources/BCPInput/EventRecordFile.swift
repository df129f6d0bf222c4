import BCPModel
import Foundation

/// Reads a scenario's backtest.json: the real event's published outcomes and the bands the model
/// must land in (docs/BACKTEST.md). Errors are located like scenario.json's.
///
///     {
///       "schema": 1,
///       "event": {"ja": "北海道胆振東部地震の停電（札幌市）", "en": "Hokkaido 2018 blackout (Sapporo)"},
///       "targets": [
///         {"id": "admitted", "statistic": "admitted", "devices": ["tppv", "nppv"],
///          "label": {"ja": "入院した", "en": "admitted to hospital"},
///          "record_percent": 36.1, "band_percent": [26, 46], "source": "Kabami et al. 2022"}
///       ]
///     }
///
/// `within_hours` limits a target to what happened within that many hours of the patient's first
/// outage. Percentages take one decimal. `known_gap` ({"ja", "en"}) says why the model is known
/// to miss a figure; such a figure is reported as a known gap and does not fail the backtest.
/// `notes` ({"ja", "en"}) is printed under the event in the report.
public enum EventRecordFile {
    public static let fileName = "backtest.json"
    static let topKeys = ["schema", "event", "targets", "notes"]
    static let targetKeys = ["id", "statistic", "devices", "within_hours", "label", "record_percent", "band_percent", "source", "known_gap"]

    /// Reads `folder`/backtest.json; `.success(nil)` when the folder has none.
    public static func load(folder: String) -> Result<EventRecord?, InputError> {
        let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
        let data: Data
        switch BoundedFile.read(path, limit: InputLimits.maxJSONBytes, followLinks: false) {
        case .success(let d): data = d
        case .failure(.missing): return .success(nil)
        case .failure(let f): return .failure(InputError(path: path, f.message))
        }
        var d = Diagnostics()
        switch TextDecoding.decode(data, as: .utf8, lineBreaks: .lf) {
        case .failure(let f):
            d.error(path, f.line, f.column, f.message)
            return .failure(InputError(d))
        case .success(let (text, _)):
            switch JSONParser.parse(text) {
            case .failure(let f):
                d.error(path, f.line, f.column, f.message)
                return .failure(InputError(d))
            case .success(let doc):
                var r = JSONReader(path: path, diags: d)
                let record = read(doc, &r)
                return r.diags.hasErrors ? .failure(InputError(r.diags)) : .success(record)
            }
        }
    }

    static func read(_ doc: JSONValue, _ r: inout JSONReader) -> EventRecord {
        var record = EventRecord(nameJa: "", nameEn: "", targets: [])
        guard let members = r.object(doc, "", allowed: topKeys) else { return record }
        func member(_ k: String) -> JSONValue? { members.first { $0.0 == k }?.1 }
        guard let schema = member("schema") else {
            r.diags.error(r.path, doc.line, doc.column, "missing key \"schema\" (the backtest file format version, 1)")
            return record
        }
        if let v = r.int(schema, "schema", range: 0...1_000, unit: "version"), v != 1 {
            r.error(schema, "schema", "unsupported schema version \(v); this bcpsim reads version 1")
            return record
        }
        if let v = member("event") {
            (record.nameJa, record.nameEn) = names(v, "event", &r)
        } else {
            r.diags.error(r.path, doc.line, doc.column, "missing key \"event\" (the event's name in ja and en)")
        }
        if let v = member("notes") { (record.notesJa, record.notesEn) = names(v, "notes", &r) }
        guard let t = member("targets"), let items = r.array(t, "targets") else {
            if member("targets") == nil { r.diags.error(r.path, doc.line, doc.column, "missing key \"targets\"") }
            return record
        }
        for (i, item) in items.enumerated() {
            let kp = "targets[\(i)]"
            guard let target = readTarget(item, kp, &r) else { continue }
            if record.targets.contains(where: { $0.id == target.id }) {
                r.error(item, kp + ".id", "duplicate target id \(target.id)")
                continue
            }
            record.targets.append(target)
        }
        return record
    }

    static func names(_ v: JSONValue, _ kp: String, _ r: inout JSONReader) -> (String, String) {
        var ja = "", en = ""
        if let m = r.object(v, kp, allowed: ["ja", "en"]) {
            for (k, s) in m {
                if k == "ja" { ja = r.string(s, kp + ".ja") ?? "" } else { en = r.string(s, kp + ".en") ?? "" }
            }
        }
        if ja.isEmpty || en.isEmpty { r.error(v, kp, "both \"ja\" and \"en\" are required") }
        return (ja, en)
    }

    static func readTarget(_ v: JSONValue, _ kp: String, _ r: inout JSONReader) -> RecordTarget? {
        guard let m = r.object(v, kp, allowed: targetKeys) else { return nil }
        func member(_ k: String) -> JSONValue? { m.first { $0.0 == k }?.1 }
        var ok = true
        func required(_ k: String) -> JSONValue? {
            guard let x = member(k) else {
                r.error(v, kp, "missing key \"\(k)\"")
                ok = false
                return nil
            }
            return x
        }
        let id = required("id").flatMap { r.string($0, kp + ".id") } ?? ""
        var statistic: RecordStatistic? = nil
        if let s = required("statistic"), let text = r.string(s, kp + ".statistic") {
            statistic = RecordStatistic(rawValue: text)
            if statistic == nil {
                r.error(s, kp + ".statistic", "expected one of \(RecordStatistic.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text.prefix(40))\"")
            }
        }
        var devices: [DeviceKind] = []
        if let d = member("devices"), let items = r.array(d, kp + ".devices") {
            for (k, item) in items.enumerated() {
                guard let text = r.string(item, "\(kp).devices[\(k)]") else { continue }
                if let device = DeviceKind(rawValue: text) { devices.append(device) } else {
                    r.error(item, "\(kp).devices[\(k)]", "expected one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text.prefix(40))\"")
                }
            }
        }
        let within = member("within_hours").flatMap { r.hoursAsMinutes($0, kp + ".within_hours") }
        let (ja, en) = required("label").map { names($0, kp + ".label", &r) } ?? ("", "")
        let record = required("record_percent").flatMap { r.scaled($0, kp + ".record_percent", by: 10, range: 0...1000, unit: "percent") }
        var low: Int? = nil, high: Int? = nil
        if let b = required("band_percent"), let pair = r.array(b, kp + ".band_percent") {
            if pair.count == 2 {
                low = r.scaled(pair[0], kp + ".band_percent[0]", by: 10, range: 0...1000, unit: "percent")
                high = r.scaled(pair[1], kp + ".band_percent[1]", by: 10, range: 0...1000, unit: "percent")
                if let l = low, let h = high, l > h { r.error(b, kp + ".band_percent", "the band's low end is above its high end") }
            } else {
                r.error(b, kp + ".band_percent", "expected [low, high] in percent, found \(pair.count) numbers")
            }
        }
        let source = required("source").flatMap { r.string($0, kp + ".source") } ?? ""
        let gap = member("known_gap").map { names($0, kp + ".known_gap", &r) }
        guard ok, !id.isEmpty, let statistic, let record, let low, let high, !source.isEmpty else { return nil }
        return RecordTarget(
            id: id, statistic: statistic, devices: devices, withinMinutes: within, labelJa: ja, labelEn: en,
            record: record, low: low, high: high, source: source, knownGapJa: gap?.0, knownGapEn: gap?.1)
    }
}
