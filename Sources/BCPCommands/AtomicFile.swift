import BCPAnalysis
import Foundation
import BCPText

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary file
/// in the same folder (same file system), which is then renamed over the target (rename(2) is
/// atomic). On any failure the temporary file is removed and the target is left as it was.
public enum AtomicFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "cannot write \(path): \(message)" }
    }

    /// Creates `path` and its parents if missing; fails if it exists and is not a folder.
    public static func createFolder(_ path: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: path, message: "it exists and is not a folder") }
            return
        }
        do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw Failure(path: path, message: "cannot create the folder (\(error.localizedDescription))")
        }
    }

    public static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw Failure(path: path, message: "cannot create a temporary file in \(dir.path) (missing folder or no permission?)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw Failure(path: path, message: reason)
        }
    }

    /// Writes each (file name, text) into `folder`, creating the folder first. Files are written
    /// one by one, each atomically; the first failure stops and is thrown.
    public static func writeAll(_ files: [(name: String, text: String)], into folder: String) throws {
        try createFolder(folder)
        for f in files {
            try write(f.text, to: URL(fileURLWithPath: folder).appendingPathComponent(f.name).path)
        }
    }
}
