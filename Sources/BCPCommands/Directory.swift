import BCPEngine
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The system's reason for a failed call, as bcpsim prints it: strerror's text with a small first
/// letter ("no space left on device", "permission denied").
enum SystemError {
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Writes every byte of `bytes` to `fd`, retrying short writes and interruptions; nil when all
    /// were written, else the error number. The one place bcpsim calls write(2).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var p = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            p += n
            left -= n
        }
        return nil
    }
}

/// A failure to write an output: what could not be done to which path, and the system's reason.
/// Its message is the one the user sees, e.g. "cannot write out/summary.md: no space left on device".
struct OutputFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32?

    init(_ doing: String, _ path: String, _ code: Int32) {
        message = "cannot \(doing) \(path): \(SystemError.reason(code))"
        self.code = code
    }

    init(message: String) {
        self.message = message
        code = nil
    }

    var description: String { message }
}

/// An open folder, and every file operation relative to it (openat, mkdirat, renameat, unlinkat):
/// a name is always one path component looked up in this folder, and no operation follows a
/// symbolic link, so nothing can be written through a link planted in an output folder
/// (issue 16: `OUT/restricted` replaced by a link sent the patient list elsewhere).
final class Directory {
    let fd: Int32
    /// The folder's path as the user knows it, for messages.
    let display: String

    enum EntryType: Equatable { case file, folder, link, other }

    /// Opens `path` (following links in it: the path is the user's), which must be a folder.
    init(path: String, display: String? = nil) throws {
        let fd = openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputFailure("open the folder", display ?? path, errno) }
        self.fd = fd
        self.display = display ?? path
    }

    private init(fd: Int32, display: String) {
        self.fd = fd
        self.display = display
    }

    deinit { close(fd) }

    func path(_ name: String) -> String { display == "/" ? "/" + name : display + "/" + name }

    /// The type of entry `name` (a link is not followed), nil when there is none.
    func type(_ name: String) -> EntryType? {
        guard let st = status(name) else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    func status(_ name: String) -> stat? {
        var st = stat()
        return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
    }

    func status() -> stat? {
        var st = stat()
        return fstat(fd, &st) == 0 ? st : nil
    }

    /// The names in the folder, without "." and "..", sorted by their bytes.
    func entries() throws -> [String] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else {
            let e = errno
            if copy >= 0 { close(copy) }
            throw OutputFailure("list the folder", display, e)
        }
        defer { closedir(dir) }
        rewinddir(dir)
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Opens the folder `name`, refusing a link. `shownAs`: the path messages give for it (a
    /// temporary folder is shown as the folder it will become).
    func open(_ name: String, shownAs: String? = nil) throws -> Directory {
        let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else {
            let e = errno
            throw e == ELOOP || e == ENOTDIR
                ? OutputFailure(message: "\(path(name)) is not a folder (bcpsim does not write through symbolic links)")
                : OutputFailure("open the folder", path(name), e)
        }
        return Directory(fd: child, display: shownAs ?? path(name))
    }

    /// The bytes of the regular file `name` (not a link), nil when it cannot be read or is larger than `limit`.
    func read(_ name: String, limit: Int) -> Data? {
        let f = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard f >= 0 else { return nil }
        defer { close(f) }
        var st = stat()
        guard fstat(f, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= limit else { return nil }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let n = systemRead(f, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: buffer[..<n])
        }
        return data.count <= limit ? data : nil
    }

    /// Creates the folder `name` with `mode` (less the umask).
    func makeFolder(_ name: String, mode: mode_t) throws {
        guard mkdirat(fd, name, mode) == 0 else { throw OutputFailure("create the folder", path(name), errno) }
    }

    /// The folder `name`, created if missing; a link or file of that name is an error (a link in
    /// a folder's place is replaced only by a forced in-place write, OutputFolder.commitInPlace).
    func folder(_ name: String, mode: mode_t) throws -> Directory {
        switch type(name) {
        case nil: try makeFolder(name, mode: mode)
        case .folder?: break
        case .link?:
            throw OutputFailure(message: "\(path(name)) is a symbolic link, not a folder; bcpsim does not write through links")
        default:
            throw OutputFailure(message: "\(path(name)) exists and is not a folder")
        }
        return try open(name)
    }

    /// Writes a new file `name` (it must not exist) with `mode`, checking every write and the close.
    /// On failure the partial file is removed.
    func create(_ name: String, _ data: Data, mode: mode_t) throws {
        let f = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard f >= 0 else { throw OutputFailure("create", path(name), errno) }
        var failure = data.withUnsafeBytes { SystemError.writeAll(f, $0) }
        if close(f) != 0 && failure == nil { failure = errno }
        if let e = failure {
            unlinkat(fd, name, 0)
            throw OutputFailure("write", path(name), e)
        }
    }

    /// Removes `name` and, if it is a folder, everything in it; links are removed, not followed.
    func remove(_ name: String) throws {
        if type(name) == .folder {
            let child = try open(name)
            for e in try child.entries() { try child.remove(e) }
            guard unlinkat(fd, name, AT_REMOVEDIR) == 0 else { throw OutputFailure("remove", path(name), errno) }
        } else if unlinkat(fd, name, 0) != 0 && errno != ENOENT {
            throw OutputFailure("remove", path(name), errno)
        }
    }

    /// rename(2) between two folders; `flags` as renameat2 (exchange, no-replace); nil on
    /// success, else the error number. Without renameat2 (a C library that lacks it) flags 0
    /// falls back to renameat and other flags give ENOSYS.
    func rename(_ from: String, to dir: Directory, _ to: String, flags: UInt32 = 0) -> Int32? {
        if let r2 = Directory.renameat2 {
            return r2(fd, from, dir.fd, to, flags) == 0 ? nil : errno
        }
        guard flags == 0 else { return ENOSYS }
        return renameat(fd, from, dir.fd, to) == 0 ? nil : errno
    }

    static let renameExchange: UInt32 = 2
    static let renameNoReplace: UInt32 = 1

    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2 (2.28 and later), which Swift's Glibc module does not export.
    static let renameat2: Renameat2? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(sym, to: Renameat2.self)
    }()

    /// A name for a temporary entry next to `name`: `.NAME.bcpsim-KIND`, shortened with a hash
    /// when too long.
    static func temporaryName(for name: String, _ kind: String) -> String {
        let full = ".\(name).bcpsim-\(kind)"
        if full.utf8.count <= 240 { return full }
        return ".\(StableHash.fnv1a64Hex(name.utf8)).bcpsim-\(kind)"
    }
}

/// POSIX read(2), named apart from other `read`s.
func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(fd, p, n)
    #else
        return Musl.read(fd, p, n)
    #endif
}

/// POSIX write(2), named apart from other `write`s.
func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, p, n)
    #else
        return Musl.write(fd, p, n)
    #endif
}
