import BCPModel
import Foundation
@testable import BCPInput

/// libFuzzer target `json`: the bytes of a scenario.json, decoded as UTF-8, parsed by JSONParser
/// and read by ScenarioHeader (schema, names, curves, zones, rolling schedules, disruptions,
/// parameters). Every diagnostic must be located inside the document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONHeader(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    guard case .success(let (text, _)) = TextDecoding.decode(data, as: .utf8) else { return 0 }
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    switch JSONParser.parse(text) {
    case .failure(let f):
        precondition(f.line >= 1 && f.line <= lines && f.column >= 1, "failure outside the text: \(f)")
    case .success(let doc):
        var reader = JSONReader(path: "scenario.json", diags: Diagnostics(cap: 100))
        let header = ScenarioHeader.read(doc, &reader)
        for d in reader.diags.items {
            precondition(d.line >= 1 && d.line <= lines && d.column >= 1, "diagnostic outside the text: \(d)")
        }
        for z in header.zones {
            if case .restoration(let c) = z.shape { precondition(c.invalidReason == nil, "invalid curve accepted") }
        }
        precondition(header.horizonMinutes >= 0)
    }
    return 0
}
