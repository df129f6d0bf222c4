import Foundation

/// Writes a set of files into a folder, each atomically (temporary file, then rename); a name may
/// hold subfolders, which are created.
/// Refuses a non-empty folder unless forced, so that a typo cannot overwrite someone's work.
enum OutputFolder {
    static func write(_ files: [(String, String)], to dir: String, force: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CommandFailure(code: ExitCode.cannotCreate, "\(dir) exists and is not a folder") }
            let existing = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            if !existing.isEmpty && !force {
                throw CommandFailure(code: ExitCode.cannotCreate, "\(dir) is not empty; choose a new folder or pass --force to overwrite")
            }
        } else {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw CommandFailure(code: ExitCode.cannotCreate, "cannot create \(dir): \(error.localizedDescription)")
            }
        }
        for (name, text) in files {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            do {
                // Names may hold a subfolder (restricted/patients.csv).
                let parent = url.deletingLastPathComponent()
                if !fm.fileExists(atPath: parent.path) { try fm.createDirectory(at: parent, withIntermediateDirectories: true) }
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure(code: ExitCode.cannotCreate, "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
