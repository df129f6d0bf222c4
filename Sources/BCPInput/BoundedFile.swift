import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file, but never more than a limit: the size is checked (fstat, on the open file)
/// before a byte is read, and at most limit + 1 bytes are read, so neither a file that grows
/// while it is read nor a pipe or device can take more memory than the limit (issue 16:
/// `--stock` read a 512 MB file before refusing it). One reader for every input file: the
/// scenario loader, `allocation --stock`, and a saved result.json.
public enum BoundedFile {
    /// Which files are read.
    public enum Accept: Sendable {
        /// Regular files only: a FIFO, device or socket is refused without blocking (opened
        /// O_NONBLOCK), a symbolic link is refused when `followLinks` is false.
        case regularFiles
        /// Anything but a folder: also a pipe (`--stock <(...)`) or a device, read up to the limit.
        case anyButFolders
    }

    public enum Failure: Error, Equatable, Sendable {
        /// No such file (or a folder on the way is missing).
        case missing
        case folder
        /// A FIFO, device or socket (with `.regularFiles`), or a symbolic link (without `followLinks`).
        case notRegular
        /// The size the file system gives is past the limit: nothing was read.
        case tooLarge(size: Int, limit: Int)
        /// More than `limit` bytes came: the file grew while it was read, or is a pipe or device.
        case grew(limit: Int)
        /// `check` refused the size, with this message.
        case refused(String)
        /// The file could not be opened or read (permissions, I/O error): the system's reason.
        case unreadable(String)

        /// A message for `path: error: ...`.
        public var message: String {
            switch self {
            case .missing: return "no such file"
            case .folder: return "is a folder, not a file"
            case .notRegular: return "not a regular file"
            case .tooLarge(let size, let limit): return "file is \(size) bytes; the limit is \(limit) bytes"
            case .grew(let limit): return "file is more than \(limit) bytes (it grew while being read, or is a pipe or device); the limit is \(limit) bytes"
            case .refused(let m): return m
            case .unreadable(let why): return "cannot read the file (\(why))"
            }
        }
    }

    /// The bytes of the file at `path`, at most `limit` of them. `check` sees the size the file
    /// system gives (0 for a pipe or device) before anything is read, and refuses the file by
    /// returning a message (the loader checks the total of a scenario's tables this way).
    public static func read(
        _ path: String, limit: Int, accept: Accept = .regularFiles, followLinks: Bool = true,
        check: (Int) -> String? = { _ in nil }
    ) -> Result<Data, Failure> {
        guard limit >= 0 else { return .failure(.tooLarge(size: 0, limit: limit)) }
        var flags = O_RDONLY | O_CLOEXEC
        if accept == .regularFiles { flags |= O_NONBLOCK }  // a FIFO would block open() until a writer came
        if !followLinks { flags |= O_NOFOLLOW }
        let fd = open(path, flags)
        if fd < 0 {
            let e = errno
            switch e {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP where !followLinks: return .failure(.notRegular)  // the name is a symbolic link
            default: return .failure(.unreadable(String(cString: strerror(e))))
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(.folder) }
        if accept == .regularFiles && type != S_IFREG { return .failure(.notRegular) }
        let size = type == S_IFREG ? Int(st.st_size) : 0
        if size > limit { return .failure(.tooLarge(size: size, limit: limit)) }
        if let message = check(size) { return .failure(.refused(message)) }
        if accept == .regularFiles {
            // Back to blocking reads (a regular file never blocks, but say what is meant).
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        // Read up to limit + 1 bytes: one byte more than allowed proves the file is too large.
        let cap = limit == Int.max ? limit : limit + 1
        var data = Data(capacity: min(size, limit) + 1)
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while data.count < cap {
            let want = min(chunk, cap - data.count)
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, want) }
            if n == 0 { break }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(e))))
            }
            data.append(buffer, count: n)
        }
        if data.count > limit { return .failure(.grew(limit: limit)) }
        return .success(data)
    }
}

/// POSIX read(2), named apart from `BoundedFile.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
        return Musl.read(fd, buffer, count)
    #else
        return Darwin.read(fd, buffer, count)
    #endif
}
