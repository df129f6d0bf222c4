import Foundation

/// The repository's folder (found from this file's path), for tests that read the shipped
/// scenarios, fixtures and golden reports.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The absolute path of `relative` (e.g. "Scenarios/chiba2019").
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
