import BCPModel
import Foundation
@testable import BCPInput

/// libFuzzer target `curve`: a restoration curve as written in scenario.json ([[hour, fraction],
/// ...]), read by ScenarioHeader.readCurve. A curve it accepts must behave: the restored fraction
/// never decreases and stays within 0...1, and the inverse (a customer's restoration minute)
/// agrees with it: restored(m) > u, and restored(m - 1) <= u.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurve(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    guard case .success(let (text, _)) = TextDecoding.decode(data, as: .utf8),
        case .success(let doc) = JSONParser.parse(text)
    else { return 0 }
    var reader = JSONReader(path: "scenario.json", diags: Diagnostics(cap: 20))
    guard let curve = ScenarioHeader.readCurve(doc, "curve", &reader) else {
        precondition(reader.diags.hasErrors, "a curve was rejected without a reason")
        return 0
    }
    precondition(!reader.diags.hasErrors, "a curve was accepted with errors")
    precondition(curve.invalidReason == nil)
    let last = curve.points.last!.minute
    // Sample minutes: each point, its neighbours, and a few in between.
    var minutes: [Int] = [0, last + 1, last + 1_000]
    for p in curve.points { minutes += [p.minute - 1, p.minute, p.minute + 1] }
    let step = max(1, last / 64)
    minutes += stride(from: 0, through: last, by: step)
    minutes = Array(Set(minutes.filter { $0 >= 0 })).sorted()
    var previous = 0
    for m in minutes {
        let r = curve.restoredPPM(atMinute: m)
        precondition((0...RestorationCurve.full).contains(r), "restored \(r) at minute \(m)")
        precondition(r >= previous, "curve decreases at minute \(m)")
        previous = r
    }
    for u in [0, 1, 499_999, 500_000, 999_999] + curve.points.map(\.restoredPPM).filter({ $0 < RestorationCurve.full }) {
        guard let m = curve.restorationMinute(uniformPPM: u) else {
            precondition(curve.restoredPPM(atMinute: last + 1) <= u, "never restored, but the curve passes \(u)")
            continue
        }
        precondition(m >= 0 && m <= last, "restoration minute \(m) outside the curve")
        precondition(curve.restoredPPM(atMinute: m) > u, "restored(\(m)) <= \(u)")
        if m > 0 { precondition(curve.restoredPPM(atMinute: m - 1) <= u, "restored(\(m - 1)) > \(u) already") }
    }
    return 0
}
