import BCPInput
import Foundation
import XCTest

/// A copy of `Tests/Fixtures/valid/minimal` in a fresh temporary folder, so that a test can break
/// exactly one thing and check what the loader says. The folder is removed when the value goes.
final class ScenarioFixture {
    static let validFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/valid/minimal")

    let folder: URL

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.validFolder.path) {
            try FileManager.default.copyItem(at: Self.validFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The path as the loader prints it.
    func path(_ name: String) -> String { folder.path + "/" + name }

    func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

    func write(_ name: String, _ text: String) throws { try write(name, bytes: Data(text.utf8)) }

    func write(_ name: String, bytes: Data) throws { try bytes.write(to: folder.appendingPathComponent(name)) }

    func remove(_ name: String) throws { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }

    /// Replaces `old`, which must occur exactly once in the file, by `new`.
    func replace(in name: String, _ old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let t = try text(name)
        let parts = t.components(separatedBy: old)
        guard parts.count == 2 else {
            XCTFail("\(name): expected \(old.debugDescription) exactly once, found \(parts.count - 1) times", file: file, line: line)
            return
        }
        try write(name, parts.joined(separator: new))
    }

    func load(cap: Int = Diagnostics.defaultCap) -> Result<LoadedScenario, InputError> {
        ScenarioLoader.load(folder: folder.path, diagnosticCap: cap)
    }

    /// The diagnostics of a scenario that must fail, as printed (`path:line:column: error: ...`).
    func errors(cap: Int = Diagnostics.defaultCap, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch load(cap: cap) {
        case .success:
            XCTFail("the scenario loaded, but it should have been rejected", file: file, line: line)
            return []
        case .failure(let e):
            return e.diagnostics.items.map(\.description)
        }
    }

    /// The scenario, which must load.
    func loaded(file: StaticString = #filePath, line: UInt = #line) -> LoadedScenario? {
        switch load() {
        case .success(let s): return s
        case .failure(let e):
            XCTFail("the scenario was rejected:\n\(e.diagnostics.rendered)", file: file, line: line)
            return nil
        }
    }
}
