import Foundation

/// `Bundle.module` for a direct `swiftc` build of BCPRegistry (scripts/fuzz.sh), like
/// BundleModule.swift for BCPInput: SwiftPM copies the target's Resources folder into its bundle
/// (`.copy("Resources")`), so the bundle is the source folder that holds Resources/.
extension Foundation.Bundle {
    static let module: Bundle = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BCPRegistry")
        guard let bundle = Bundle(path: root.path) else {
            fatalError("fuzz build: no folder at \(root.path)")
        }
        return bundle
    }()
}
