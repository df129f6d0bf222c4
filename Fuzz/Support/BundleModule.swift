import Foundation

/// `Bundle.module` for a direct `swiftc` build of BCPInput (scripts/fuzz.sh).
///
/// SwiftPM generates this accessor for a target with resources; a build without SwiftPM has none,
/// so the fuzz build compiles this file into the BCPInput module instead. It points at the
/// resource folder in the source tree, found from this file's own path, so the product code is
/// built unchanged and still reads the very same tokyo-municipalities.csv.
extension Foundation.Bundle {
    static let module: Bundle = {
        let resources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BCPInput/Resources")
        guard let bundle = Bundle(path: resources.path) else {
            fatalError("fuzz build: no resource folder at \(resources.path)")
        }
        return bundle
    }()
}
