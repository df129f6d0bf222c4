import BCPAnalysis
import BCPReports
import Foundation

/// Writes a command's output files into the folder given with `--out`.
///
/// - Each file is written atomically (AtomicFile: a temporary file in the same folder, then a
///   rename), so a reader or a killed run never leaves a half-written report behind.
/// - A folder bcpsim did not create is refused unless it is empty or `--force` is given, so that a
///   typo cannot overwrite someone's work. A folder bcpsim created holds a marker file
///   (`.bcpsim-output`) and can be written again without `--force`: re-running a command is safe.
/// - Names stay inside the folder (subfolders such as restricted/ are created); nothing is ever
///   written outside `--out`.
enum OutputFolder {
    static let markerName = ".bcpsim-output"
    static let markerText = "This folder was written by bcpsim. bcpsim may write into it again and replace its files.\n"

    static func write(_ files: [(String, String)], to dir: String, force: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CommandFailure(code: ExitCode.cannotCreate, "\(dir) exists and is not a folder") }
            let existing = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0 != markerName }
            let ours = fm.fileExists(atPath: (dir as NSString).appendingPathComponent(markerName))
            if !existing.isEmpty && !ours && !force {
                throw CommandFailure(
                    code: ExitCode.cannotCreate,
                    "\(dir) is not empty and was not written by bcpsim; choose a new folder or pass --force to overwrite")
            }
        }
        for (name, _) in files where !isInside(name) {
            throw CommandFailure(code: ExitCode.cannotCreate, "refusing to write \(name): outside the output folder")
        }
        do {
            try AtomicFile.createFolder(dir)
            try AtomicFile.write(markerText, to: (dir as NSString).appendingPathComponent(markerName))
            for (name, text) in files {
                let path = (dir as NSString).appendingPathComponent(name)
                try AtomicFile.createFolder((path as NSString).deletingLastPathComponent)
                try AtomicFile.write(text, to: path)
            }
        } catch let e as AtomicFile.Failure {
            throw CommandFailure(code: ExitCode.cannotCreate, e.description)
        }
    }

    /// A relative name without `..` components: it cannot leave the folder.
    static func isInside(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/").contains("..")
    }
}
