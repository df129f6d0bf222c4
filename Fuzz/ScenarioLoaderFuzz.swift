import BCPModel
import Foundation
@testable import BCPInput

/// libFuzzer target `loader`: a whole scenario folder. The input is split at the byte 0x1E
/// (ASCII record separator) into up to five files, in this order: scenario.json, patients.csv,
/// providers.csv, units.csv, municipalities.csv. Files the input does not reach are the valid
/// fixture's (Tests/Fixtures/valid/minimal); an input without 0x1E is patients.csv alone. The
/// folder is written to a private temporary directory and read by ScenarioLoader.load.
private let names = ["scenario.json", "patients.csv", "providers.csv", "units.csv", "municipalities.csv"]

private let folderPath: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return URL(fileURLWithPath: base).appendingPathComponent("bcpsim-fuzz-loader-\(getpid())").path
}()

private let folder: URL = {
    try? FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: folderPath) }
    return URL(fileURLWithPath: folderPath)
}()

private let fixture: [Data] = {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/valid/minimal")
    return names.prefix(4).map { (try? Data(contentsOf: dir.appendingPathComponent($0))) ?? Data() }
}()

/// Creates the folder and reads the fixture and the built-in table once, before the first input,
/// so that LeakSanitizer does not take these lasting allocations for leaks of one run.
@_cdecl("LLVMFuzzerInitialize")
public func initializeLoader(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = folder
    _ = fixture
    _ = try? TokyoMunicipalities.load()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    var parts = data.split(separator: 0x1E, omittingEmptySubsequences: false).map { Data($0) }
    if parts.count == 1 { parts = [fixture[0], parts[0]] }
    for (i, name) in names.enumerated() {
        let url = folder.appendingPathComponent(name)
        if i < parts.count {
            try? parts[i].write(to: url)
        } else if i < fixture.count {
            try? fixture[i].write(to: url)
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
    switch ScenarioLoader.load(folder: folder.path, diagnosticCap: 50) {
    case .failure(let e):
        precondition(e.diagnostics.hasErrors, "rejected without an error")
        for d in e.diagnostics.items {
            precondition(d.path.hasPrefix(folder.path), "diagnostic for a path outside the folder: \(d)")
            precondition(d.line >= 0 && d.column >= 0 && (d.line == 0) == (d.column == 0), "bad location: \(d)")
        }
    case .success(let loaded):
        // An accepted scenario must satisfy the model's own invariants (ids unique, references
        // resolved, ranges, valid curves).
        let problems = ModelInvariants.problems(in: loaded.scenario)
        precondition(problems.isEmpty, "accepted a scenario with problems: \(problems)")
    }
    return 0
}
