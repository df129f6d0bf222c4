import BCPModel
import Foundation
@testable import BCPInput

/// libFuzzer target `csv`: the bytes of one CSV file, decoded as a scenario table would be (UTF-8
/// or Shift_JIS detected; a first byte 0x01 declares shift_jis, 0x02 utf-8), read by CSVReader, then checked against the patients.csv columns and
/// read row by row, as the loader does. Any trap, overflow or sanitizer report is a bug; so is a
/// record whose positions do not match its fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var data = Data(bytes: bytes, count: size)
    var encoding = TextEncoding.auto
    if let first = data.first, first == 1 || first == 2 {
        encoding = first == 1 ? .shiftJIS : .utf8
        data = data.dropFirst()
    }
    do {
        guard case .success(let (text, _)) = TextDecoding.decode(data, as: encoding) else { return 0 }
        var reader = CSVReader()
        reader.maxRows = 1_000
        reader.maxFieldLength = 256
        switch reader.records(text) {
        case .failure(let f):
            precondition(f.line >= 1 && f.column >= 1, "failure without a position: \(f)")
        case .success(let records):
            var lastLine = 0
            for r in records {
                precondition(r.fields.count == r.positions.count, "fields and positions differ")
                precondition(!r.fields.isEmpty, "empty record")
                precondition(r.line > lastLine, "records out of order")
                precondition(r.positions.allSatisfy { $0.line >= r.line && $0.column >= 1 }, "bad position")
                precondition(r.fields.allSatisfy { $0.unicodeScalars.count <= 256 }, "field over the limit")
                lastLine = r.line
            }
        }
        var diags = Diagnostics(cap: 50)
        for specs in [ScenarioTables.patientSpecs, ScenarioTables.unitSpecs] {
            guard let table = CSVTable.read(path: "fuzz.csv", text: text, specs: specs, into: &diags) else { continue }
            for row in table.rows.prefix(200) {
                if specs.count == ScenarioTables.patientSpecs.count {
                    _ = ScenarioTables.patient(table, row, &diags)
                } else {
                    _ = ScenarioTables.unit(table, row, &diags)
                }
            }
        }
        for d in diags.items { precondition(d.line >= 0 && d.column >= 0 && !d.message.isEmpty, "bad diagnostic \(d)") }
    }
    return 0
}
