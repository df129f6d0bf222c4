import BCPEngine
import BCPInput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What a command writes into its output folder. The folder's marker records it, and no command
/// writes into a folder of another kind without `--force` (issue 16: `run g --out g` replaced the
/// scenario's municipalities.csv with the report's; `workshop` mixed its pack into a run's folder).
public enum OutputKind: String, Sendable, CaseIterable {
    /// `run`, `report`, `merge`: the shortfall reports, and restricted/.
    case reports
    /// `run --shard`: partial.txt.
    case partial
    /// `generate`: a scenario folder (an input of other commands).
    case scenario
    /// `workshop`: a workshop pack.
    case workshop
    /// `allocation --out`.
    case allocation
    /// `compare --out`.
    case compare
    /// `backtest --out`.
    case backtest
    /// `plan --out`.
    case plan
    /// `sensitivity --out`.
    case sensitivity

    /// For messages: "a scenario folder ('bcpsim generate')".
    var described: String {
        switch self {
        case .reports: return "a reports folder ('bcpsim run', 'report' or 'merge')"
        case .partial: return "a shard's partial result ('bcpsim run --shard')"
        case .scenario: return "a scenario folder ('bcpsim generate')"
        case .workshop: return "a workshop pack ('bcpsim workshop')"
        case .allocation: return "an allocation check ('bcpsim allocation')"
        case .compare: return "a comparison ('bcpsim compare')"
        case .backtest: return "a backtest report ('bcpsim backtest')"
        case .plan: return "a plan ('bcpsim plan')"
        case .sensitivity: return "a sensitivity analysis ('bcpsim sensitivity')"
        }
    }

    /// The kind of a folder written by a bcpsim whose marker did not say: from the files it holds,
    /// when they point to one kind only.
    static func inferred(from names: [String]) -> OutputKind? {
        let signs: [(String, OutputKind)] = [
            ("scenario.json", .scenario), ("partial.txt", .partial), ("facilitator.md", .workshop), ("compare.md", .compare),
            ("allocation.md", .allocation), ("backtest.md", .backtest), ("summary.md", .reports), ("manifest.json", .reports),
        ]
        var kinds: [OutputKind] = []
        for (file, kind) in signs where names.contains(file) && !kinds.contains(kind) { kinds.append(kind) }
        return kinds.count == 1 ? kinds[0] : nil
    }
}

/// The marker file `.bcpsim-output`: which command wrote the folder (and so its kind), and every
/// file it wrote. Nothing else may be in a folder bcpsim replaces as a whole.
struct OutputMarker: Equatable {
    /// Nil for the marker of an older bcpsim, which did not record the kind or the files.
    var kind: OutputKind?
    var command: String
    /// The folder's files, relative paths in writing order; nil for an older marker.
    var files: [String]?

    static let header = "This folder was written by bcpsim. When bcpsim writes here again it replaces the whole folder,\n"
        + "so keep nothing else in it (bcpsim refuses to replace a folder that holds other files).\n"
    /// The whole text of the markers bcpsim wrote before kinds (issue 16).
    static let legacyText = "This folder was written by bcpsim. bcpsim may write into it again and replace its files.\n"

    var text: String {
        OutputMarker.header + "kind: \(kind?.rawValue ?? "")\ncommand: \(command)\n" + (files ?? []).map { "file: \($0)\n" }.joined()
    }

    /// The marker in `text`, nil when it is not one.
    static func parse(_ text: String) -> OutputMarker? {
        if text == legacyText { return OutputMarker(kind: nil, command: "", files: nil) }
        guard text.hasPrefix(header) else { return nil }
        var kind: OutputKind?, command: String?, files: [String] = []
        for line in text.dropFirst(header.count).split(separator: "\n") {
            if line.hasPrefix("kind: ") {
                kind = OutputKind(rawValue: String(line.dropFirst(6)))
            } else if line.hasPrefix("command: ") {
                command = String(line.dropFirst(9))
            } else if line.hasPrefix("file: ") {
                files.append(String(line.dropFirst(6)))
            } else {
                return nil
            }
        }
        guard let k = kind, let c = command else { return nil }
        return OutputMarker(kind: k, command: c, files: files)
    }
}

/// The folder a command writes with `--out`, written as one transaction (issue 16, items 2, 4, 6, 15).
///
/// `prepare` runs before any work: it locks the folder, checks what is there and makes a
/// temporary sibling folder, so a bad `--out` fails in milliseconds, not after the simulation.
/// `commit` writes every file into the temporary folder, then swaps it in whole:
///
/// - **One writer.** A lock file next to the folder (`.NAME.bcpsim-lock`, flock) is held from
///   `prepare` to the end; a second bcpsim writing the same folder is refused, naming the first.
///   The kernel releases the lock when a process dies, even by SIGKILL.
/// - **Whole folders.** The new folder is built in `.NAME.bcpsim-new-PID` beside it and
///   exchanged with the old one in one rename (renameat2 RENAME_EXCHANGE; where the file system
///   cannot, two renames, and the next run puts the old folder back if it was stopped between
///   them). Killed at any point, the folder is the old one or the new one, whole, and at most a
///   temporary folder is left beside it, which the next run into the folder removes and names.
///   The manifest always matches the folder, since the folder holds exactly what was written.
/// - **Kinds.** The marker (`.bcpsim-output`) records the command, its kind and every file. A
///   folder may be replaced without `--force` only when it is new, empty, or bcpsim wrote it for
///   the same kind and it holds nothing else; a scenario folder, a folder of another kind or
///   someone else's needs `--force`, and is then written in place, the folder's other files
///   kept: every new file is written beside its target first and renamed into place only when
///   all are written, so a failure leaves the folder as it was; another kind's files (a
///   scenario's tables) are never overwritten, even with `--force`.
/// - **No links followed.** Every file and folder is created relative to an open folder with
///   O_NOFOLLOW; a symbolic link inside the output folder is never written through (a link in
///   place of `restricted/` is reported, and replaced by a folder with `--force`).
/// - **Private restricted files.** Files under restricted/ are 0600 in a 0700 folder.
/// - **Every write checked.** A full disk says "no space left on device", naming the file.
public final class OutputFolder {
    static let markerName = ".bcpsim-output"

    enum Mode: Equatable {
        /// Build a new folder beside it and swap it in.
        case replace
        /// --force into a folder that is not bcpsim's alone: replace each file in place.
        case inPlace
    }

    /// `--out` as given, for messages.
    let display: String
    let kind: OutputKind
    let command: String
    /// Every file is restricted (allocation --exact writes its folder as DIR/restricted).
    let restrictedRoot: Bool
    let mode: Mode
    private let parent: Directory
    private let name: String
    private let terminal: Terminal
    private let lockName: String
    private var lockFD: Int32 = -1
    /// The temporary folder beside the output (replace mode), until it is swapped in and removed.
    private var temporary: String?
    /// The output folder existed when prepared.
    private let existed: Bool
    /// Its permission bits, kept by the new folder.
    private let oldPermissions: mode_t?
    /// An older bcpsim's marker: the folder's files are checked against the new ones at commit.
    private let checkAgainstNewFiles: Bool
    /// In place: the marker's kind and files of a folder of another kind (never overwritten).
    private var otherKindFiles: (kind: OutputKind, files: Set<String>)?
    /// Replace: a nested output of the same kind kept in the new folder (`allocation --exact`
    /// writes DIR/restricted beside the public DIR).
    private var carried: [String] = []
    private var killSwitch = KillSwitch()

    private init(
        display: String, kind: OutputKind, command: String, restrictedRoot: Bool, mode: Mode, parent: Directory, name: String,
        terminal: Terminal, lockName: String, lockFD: Int32, existed: Bool, oldPermissions: mode_t?, checkAgainstNewFiles: Bool
    ) {
        self.display = display
        self.kind = kind
        self.command = command
        self.restrictedRoot = restrictedRoot
        self.mode = mode
        self.parent = parent
        self.name = name
        self.terminal = terminal
        self.lockName = lockName
        self.lockFD = lockFD
        self.existed = existed
        self.oldPermissions = oldPermissions
        self.checkAgainstNewFiles = checkAgainstNewFiles
    }

    deinit { release() }

    // MARK: Prepare

    /// Locks and checks the folder `out` for a command writing `kind`, before the command does
    /// any work. Throws a CommandFailure (exit 73) or a UsageError (an empty `--out`).
    public static func prepare(
        _ out: String, kind: OutputKind, command: String, force: Bool, restrictedRoot: Bool = false, terminal: Terminal
    ) throws -> OutputFolder {
        do {
            return try prepareChecked(out, kind: kind, command: command, force: force, restrictedRoot: restrictedRoot, terminal: terminal)
        } catch let e as OutputFailure {
            throw CommandFailure(code: ExitCode.cannotCreate, e.message)
        }
    }

    /// `prepare` then `commit`: for callers that have the files already.
    public static func write(
        _ files: [(String, String)], to out: String, kind: OutputKind, command: String, force: Bool, restrictedRoot: Bool = false,
        terminal: Terminal
    ) throws {
        try prepare(out, kind: kind, command: command, force: force, restrictedRoot: restrictedRoot, terminal: terminal).commit(files)
    }

    private static func prepareChecked(
        _ out: String, kind: OutputKind, command: String, force: Bool, restrictedRoot: Bool, terminal: Terminal
    ) throws -> OutputFolder {
        guard !out.isEmpty else { throw UsageError("--out is empty", hint: "give the folder to write, e.g. --out out/tokyo") }
        var (parentPath, name) = try locate(out)
        try makeFolders(parentPath)
        var parent = try Directory(path: parentPath)
        if restrictedRoot {
            // allocation --exact writes DIR/restricted: DIR gets the checks a folder written into
            // gets (a third trial: it wrote into scenario folders, other kinds' folders, and
            // through a link in place of restricted/).
            if isScenarioFolder(parent) {
                throw OutputFailure(message: "\(parentPath) is a scenario folder; '\(command)' does not write into one, even with --force: choose another folder")
            }
            let marker = readMarker(parent)
            if let k = marker?.kind, k != kind, !force {
                throw OutputFailure(message: "\(parentPath) is \(k.described); '\(command)' writes its restricted output into \(kind.described); "
                    + "choose another folder, or pass --force to write into it (its other files are kept)")
            }
            if marker == nil, try parent.entries().contains(where: { $0 != name && !isStaleTemporary($0) && !$0.hasPrefix(".\(name).bcpsim-") }), !force {
                throw OutputFailure(message: "\(parentPath) is not empty and was not written by bcpsim; choose another folder, or pass --force to write into it (its other files are kept)")
            }
            if parent.type(name) == .link {
                guard force else {
                    throw OutputFailure(message: "\(out) is a symbolic link; bcpsim does not write restricted output through a link: remove it, or pass --force to replace it by a folder")
                }
                guard unlinkat(parent.fd, name, 0) == 0 else { throw OutputFailure("remove the symbolic link", out, errno) }
            }
        }
        if parent.type(name) == .link {
            // --out names a link: write the folder it points to (the link is the user's own).
            guard let real = realPath(parentPath + "/" + name), isFolder(real) else {
                throw OutputFailure(message: "\(out) is a symbolic link to something that is not a folder")
            }
            (parentPath, name) = try locate(real)
            parent = try Directory(path: parentPath)
        }
        let lockName = sideName(name, "lock")
        let lockFD = try lock(parent, lockName, out, name: name)
        var keepLock = false
        defer { if !keepLock { unlinkat(parent.fd, lockName, 0); close(lockFD) } }

        cleanLeftovers(parent, name, out, terminal)

        var mode = Mode.replace
        var carried: [String] = []
        var otherKind: (kind: OutputKind, files: Set<String>)?
        var existed = false
        var oldPermissions: mode_t?
        var checkAgainstNewFiles = false
        switch parent.type(name) {
        case nil:
            break
        case .folder?:
            existed = true
            let dir = try parent.open(name)
            if let a = dir.status(), let b = parent.status(), a.st_dev != b.st_dev {
                throw OutputFailure(
                    message: "\(out) is a mount point; bcpsim replaces its output folder as a whole, which it cannot do to a mount point: choose a folder inside it")
            }
            oldPermissions = dir.status().map { $0.st_mode & 0o7777 }
            let entries = try dir.entries()
            if entries.isEmpty { break }
            let why: String?
            if let marker = readMarker(dir) {
                if let k = marker.kind {
                    if k != kind {
                        why = "\(out) is \(k.described); '\(command)' writes \(kind.described)"
                        otherKind = (k, Set(marker.files ?? []))
                    } else {
                        var foreign = try foreignEntries(dir, keeping: Set(marker.files ?? []))
                        // allocation --exact's DIR/restricted beside the public DIR: bcpsim's own,
                        // carried into the new folder.
                        if foreign.contains("restricted/"), holdsNestedOutput(dir, kind) {
                            foreign.removeAll { $0 == "restricted/" }
                            carried = ["restricted"]
                        }
                        why = foreign.isEmpty ? nil : foreignMessage(out, foreign)
                    }
                } else if OutputKind.inferred(from: entries) == kind {
                    checkAgainstNewFiles = true
                    why = nil
                } else {
                    why = "\(out) was written by an older bcpsim and does not hold \(kind.described)"
                }
            } else if entries == ["restricted"], holdsNestedOutput(dir, kind) {
                // allocation --exact wrote DIR/restricted first: the public DIR is bcpsim's to make.
                why = nil
                carried = ["restricted"]
            } else {
                why = "\(out) is not empty and was not written by bcpsim"
            }
            // A scenario folder, marked or not (one made by hand, shipped, or of real data, holds
            // scenario.json), takes no other kind's output even with --force: a run's
            // municipalities.csv would replace the scenario's (issue 16 trials).
            if kind != .scenario, isScenarioFolder(dir) {
                throw OutputFailure(message: "\(out) is a scenario folder; '\(command)' does not write into one, even with --force: choose another folder")
            }
            if let why {
                guard force else {
                    throw OutputFailure(message: why + "; choose another folder, or pass --force to write into it (its other files are kept)")
                }
                mode = .inPlace
            }
        default:
            throw OutputFailure(message: "\(out) exists and is not a folder")
        }

        let folder = OutputFolder(
            display: out, kind: kind, command: command, restrictedRoot: restrictedRoot, mode: mode, parent: parent, name: name,
            terminal: terminal, lockName: lockName, lockFD: lockFD, existed: existed, oldPermissions: oldPermissions,
            checkAgainstNewFiles: checkAgainstNewFiles)
        folder.carried = carried
        folder.otherKindFiles = otherKind
        keepLock = true
        switch mode {
        case .replace:
            if existed, let here = realPath("."), let target = realPath(parentPath + "/" + name), here == target || here.hasPrefix(target + "/") {
                throw OutputFailure(message: "bcpsim would replace \(out), which holds the current folder; run bcpsim from another folder")
            }
            let tmp = sideName(name, "new-\(getpid())")
            try parent.makeFolder(tmp, mode: restrictedRoot ? 0o700 : 0o755)
            folder.temporary = tmp
            folder.killSwitch.step()
        case .inPlace:
            // Writable? A probe file now, rather than a failure after the work.
            let dir = try parent.open(name)
            let probe = Directory.temporaryName(for: "probe-\(getpid())", "tmp")
            try dir.create(probe, Data(), mode: 0o600)
            unlinkat(dir.fd, probe, 0)
        }
        return folder
    }

    // MARK: Commit

    /// Writes `files` (relative path, text), in order, and makes them the folder. Throws a
    /// CommandFailure (exit 73) naming the file and the reason; the old folder is then untouched.
    public func commit(_ files: [(String, String)]) throws {
        defer { release() }
        var seen = Set<String>()
        for (path, _) in files {
            guard OutputFolder.isInside(path), path != OutputFolder.markerName, seen.insert(path).inserted else {
                throw CommandFailure(code: ExitCode.cannotCreate, "refusing to write \(path): outside the output folder")
            }
        }
        do {
            switch mode {
            case .replace: try commitReplacing(files)
            case .inPlace: try commitInPlace(files)
            }
        } catch let e as OutputFailure {
            throw CommandFailure(code: ExitCode.cannotCreate, e.message)
        }
    }

    private func commitReplacing(_ files: [(String, String)]) throws {
        guard let tmp = temporary else { return }
        // Messages name each file where it will be, not in the temporary folder.
        let root = try parent.open(tmp, shownAs: display)
        for (path, text) in files {
            try write(path, Data(text.utf8), under: root)
            killSwitch.step()
        }
        let marker = OutputMarker(kind: kind, command: command, files: files.map(\.0))
        try root.create(OutputFolder.markerName, Data(marker.text.utf8), mode: 0o644)
        killSwitch.step()
        if existed && checkAgainstNewFiles, parent.type(name) == .folder {
            let foreign = try OutputFolder.foreignEntries(try parent.open(name), keeping: Set(files.map(\.0)))
            if !foreign.isEmpty {
                throw OutputFailure(message: OutputFolder.foreignMessage(display, foreign)
                    + "; choose another folder, or pass --force to write into it (its other files are kept)")
            }
        }
        if let p = oldPermissions { fchmod(root.fd, restrictedRoot ? p & 0o700 : p) }
        // A nested output of the same kind moves into the new folder (a rename within the parent;
        // killed before the swap, it is in the temporary folder, which the next run names).
        if !carried.isEmpty, parent.type(name) == .folder {
            let old = try parent.open(name)
            for c in carried where !files.contains(where: { $0.0.hasPrefix(c + "/") }) && old.type(c) == .folder {
                if let e = old.rename(c, to: root, c) { throw OutputFailure("keep", parent.path(name) + "/" + c, e) }
            }
        }
        do { try swap(tmp) } catch {
            // The nested output goes back to the old folder before the new one is removed.
            if !carried.isEmpty, let old = try? parent.open(name) {
                for c in carried where root.type(c) == .folder && old.type(c) == nil { _ = root.rename(c, to: old, c) }
            }
            throw error
        }
        killSwitch.step()
        if let old = temporary {
            do { try parent.remove(old) } catch {
                terminal.err("note: the previous \(display) could not be removed and is in \(parent.path(old)) (\(error))")
            }
            temporary = nil
        }
        killSwitch.step()
    }

    /// Puts the folder built in `tmp` in place of the output folder; afterwards `temporary` names
    /// the old folder (to remove), or nil when there was none.
    private func swap(_ tmp: String) throws {
        if parent.type(name) != nil {
            guard let e = parent.rename(tmp, to: parent, name, flags: Directory.renameExchange) else {
                temporary = tmp  // now the old folder
                return
            }
            guard e == EINVAL || e == ENOSYS || e == EOPNOTSUPP else { throw OutputFailure("replace", display, e) }
            // No exchange on this file system: the old folder aside, then the new one in.
            let old = OutputFolder.sideName(name, "old-\(getpid())")
            if let e = parent.rename(name, to: parent, old) { throw OutputFailure("move aside", display, e) }
            if let e = parent.rename(tmp, to: parent, name) {
                _ = parent.rename(old, to: parent, name)
                throw OutputFailure("replace", display, e)
            }
            temporary = old
        } else {
            var e = parent.rename(tmp, to: parent, name, flags: Directory.renameNoReplace)
            if e == EINVAL || e == ENOSYS || e == EOPNOTSUPP { e = parent.rename(tmp, to: parent, name) }
            if let e {
                throw e == EEXIST || e == ENOTEMPTY
                    ? OutputFailure(message: "\(display) was created by someone else while bcpsim was writing it; it was left as it is")
                    : OutputFailure("create", display, e)
            }
            temporary = nil
        }
    }

    /// --force into a folder bcpsim does not own alone. Never overwrites another kind's files (a
    /// run's municipalities.csv over a scenario's); every file is written beside its target first
    /// and only when all are written are they renamed into place, so a failure on the way (a
    /// folder where a file goes, a full disk) leaves the folder as it was.
    private func commitInPlace(_ files: [(String, String)]) throws {
        if let other = otherKindFiles {
            let clash = files.map(\.0).filter { other.files.contains($0) }
            if !clash.isEmpty {
                throw OutputFailure(message: "\(display) is \(other.kind.described), and '\(command)' would overwrite its "
                    + clash.prefix(3).joined(separator: ", ") + (clash.count > 3 ? " and \(clash.count - 3) more" : "")
                    + " even with --force; choose another folder")
            }
        }
        let root = try parent.open(name, shownAs: display)
        // 1. Check, changing nothing: every folder on a file's way is a folder, missing or a link
        //    (to be replaced), and every file's place is a file, a link or free.
        for (path, _) in files {
            let parts = path.split(separator: "/").map(String.init)
            var dir: Directory? = root
            for part in parts.dropLast() {
                guard let d = dir else { break }
                switch d.type(part) {
                case .folder?: dir = try d.open(part)
                case nil, .link?: dir = nil  // made new in step 2
                default: throw OutputFailure(message: "\(d.path(part)) exists and is not a folder")
                }
            }
            if let d = dir, let t = d.type(parts[parts.count - 1]), t != .file, t != .link {
                throw OutputFailure(message: "cannot write \(d.path(parts[parts.count - 1])): \(t == .folder ? "a folder" : "something other than a file") is in the way")
            }
        }
        // 2. Write everything beside its place: a file in an existing folder as .NAME.bcpsim-tmp;
        //    a folder that is missing or a link is built whole as .NAME.bcpsim-tmp beside it.
        var staged: [(dir: Directory, tmp: String, name: String)] = []
        var newFolders: [(key: String, parent: Directory, tmp: String, name: String)] = []
        var privateFolders: [Directory] = []
        do {
            for (path, text) in files {
                let parts = path.split(separator: "/").map(String.init)
                var dir = root, inNew = false, restricted = restrictedRoot, prefix = ""
                if restricted { privateFolders.append(root) }
                for (k, part) in parts.dropLast().enumerated() {
                    if k == 0 && part == "restricted" { restricted = true }
                    let mode: mode_t = restricted ? 0o700 : 0o755
                    prefix += part + "/"
                    if inNew {
                        dir = try dir.folder(part, mode: mode)
                    } else if dir.type(part) == .folder {
                        dir = try dir.open(part)
                        if restricted { privateFolders.append(dir) }
                    } else if let made = newFolders.first(where: { $0.key == prefix }) {
                        dir = try made.parent.open(made.tmp)
                        inNew = true
                    } else {
                        let tmp = Directory.temporaryName(for: part, "tmp")
                        try? dir.remove(tmp)
                        try dir.makeFolder(tmp, mode: mode)
                        newFolders.append((prefix, dir, tmp, part))
                        dir = try dir.open(tmp)
                        inNew = true
                    }
                }
                let last = parts[parts.count - 1], mode: mode_t = restricted ? 0o600 : 0o644
                if inNew {
                    try dir.create(last, Data(text.utf8), mode: mode)
                } else {
                    let tmp = Directory.temporaryName(for: last, "tmp")
                    unlinkat(dir.fd, tmp, 0)
                    try dir.create(tmp, Data(text.utf8), mode: mode)
                    staged.append((dir, tmp, last))
                }
            }
        } catch {
            for s in staged { unlinkat(s.dir.fd, s.tmp, 0) }
            for f in newFolders { try? f.parent.remove(f.tmp) }
            throw error
        }
        // 3. All written: into place. A file's name that is a link is replaced, not followed; a
        //    link where a folder goes is removed and the new folder renamed in.
        for f in newFolders {
            if f.parent.type(f.name) == .link { unlinkat(f.parent.fd, f.name, 0) }
            if let e = f.parent.rename(f.tmp, to: f.parent, f.name) {
                for s in staged { unlinkat(s.dir.fd, s.tmp, 0) }
                for g in newFolders { try? g.parent.remove(g.tmp) }
                throw OutputFailure("write", f.parent.path(f.name), e)
            }
        }
        for (k, s) in staged.enumerated() {
            guard renameat(s.dir.fd, s.tmp, s.dir.fd, s.name) == 0 else {
                let e = errno
                for r in staged[k...] { unlinkat(r.dir.fd, r.tmp, 0) }
                throw OutputFailure("write", s.dir.path(s.name), e)
            }
        }
        for d in privateFolders { fchmod(d.fd, 0o700) }
    }

    /// Writes one new file at a relative path in the folder being built, creating its folders
    /// (restricted/ and everything under it private: 0700 folders, 0600 files).
    private func write(_ path: String, _ data: Data, under root: Directory) throws {
        let parts = path.split(separator: "/").map(String.init)
        var dir = root
        var restricted = restrictedRoot
        for (k, part) in parts.dropLast().enumerated() {
            if k == 0 && part == "restricted" { restricted = true }
            dir = try dir.folder(part, mode: restricted ? 0o700 : 0o755)
        }
        try dir.create(parts[parts.count - 1], data, mode: restricted ? 0o600 : 0o644)
    }

    /// Removes what is left of an unfinished transaction and the lock.
    private func release() {
        if let tmp = temporary {
            try? parent.remove(tmp)
            temporary = nil
        }
        if lockFD >= 0 {
            // Removed while still held: a process waiting on the old file sees it gone and retries.
            unlinkat(parent.fd, lockName, 0)
            close(lockFD)
            lockFD = -1
        }
    }

    // MARK: Helpers

    /// A relative name without `..` or empty components: it cannot leave the folder.
    static func isInside(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty || $0 == "." }
    }

    /// `.NAME.bcpsim-WHAT` beside the folder NAME (a hash of NAME when it is long).
    static func sideName(_ name: String, _ what: String) -> String {
        let base = name.utf8.count <= 200 ? name : StableHash.fnv1a64Hex(name.utf8)
        return ".\(base).bcpsim-\(what)"
    }

    /// The parent folder and the last component of `out` (`.` and `..` resolved).
    static func locate(_ out: String) throws -> (String, String) {
        var path = out
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        func split(_ p: String) -> (String, String) {
            guard let slash = p.lastIndex(of: "/") else { return (".", p) }
            let parent = p[..<slash]
            return (parent.isEmpty ? "/" : String(parent), String(p[p.index(after: slash)...]))
        }
        var (parent, name) = split(path)
        if name == "." || name == ".." || path == "/" {
            guard let real = realPath(path) else { throw OutputFailure(message: "\(out): no such folder") }
            guard real != "/" else { throw OutputFailure(message: "refusing to write the root folder / as an output folder") }
            (parent, name) = split(real)
        }
        return (parent, name)
    }

    /// Creates `path` and its parents where missing (0755 less the umask).
    static func makeFolders(_ path: String) throws {
        if isFolder(path) { return }
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw OutputFailure("create the folder", current, errno) }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Takes the lock file beside the folder; refuses when another process holds it.
    static func lock(_ parent: Directory, _ lockName: String, _ out: String, name: String = "") throws -> Int32 {
        for _ in 0..<20 {
            let fd = openat(parent.fd, lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let e = errno
                let failure = OutputFailure("create the lock file", parent.path(lockName), e)
                guard e == EACCES || e == EPERM || e == EROFS else { throw failure }
                // The folder that holds --out must be writable: the lock file and the new folder
                // are made beside it (issue 16 trial: a user's own folder in a root-owned parent).
                // A subfolder is suggested only of an --out that exists, that this user can write
                // and that is not a scenario folder.
                let usable = !name.isEmpty && parent.type(name) == .folder && faccessat(parent.fd, name, W_OK | X_OK, AT_EACCESS) == 0
                    && (try? parent.open(name)).map { !isScenarioFolder($0) } == true
                let example = usable ? ", e.g. --out \(out)/reports" : ""
                throw OutputFailure(message: failure.message + "; bcpsim writes beside \(out) (a lock file, then the new folder it swaps in), "
                    + "so the folder that holds it must be writable: choose a folder inside one you can write" + example)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                var buffer = [UInt8](repeating: 0, count: 32)
                let n = pread(fd, &buffer, buffer.count, 0)
                close(fd)
                guard e == EWOULDBLOCK else { throw OutputFailure("lock", parent.path(lockName), e) }
                let pid = n > 0 ? String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
                let who = pid.isEmpty || Int(pid) == nil ? "" : " (process \(pid))"
                throw OutputFailure(
                    message: "\(out) is being written by another bcpsim\(who); wait until it has finished, or choose another folder")
            }
            // The holder before us may have removed the file as it finished: lock the file that
            // is at the name now.
            var mine = stat()
            if fstat(fd, &mine) == 0, let there = parent.status(lockName), there.st_ino == mine.st_ino, there.st_dev == mine.st_dev {
                let text = Array("\(getpid())\n".utf8)
                _ = ftruncate(fd, 0)
                _ = pwrite(fd, text, text.count, 0)
                return fd
            }
            close(fd)
        }
        throw OutputFailure(message: "cannot lock \(out): its lock file keeps changing")
    }

    /// Removes the temporary folders a stopped run left beside the folder (the lock is held, so
    /// no other run is using them), naming each; puts an old folder back if a run was stopped
    /// between its two renames (only where the file system has no exchange).
    static func cleanLeftovers(_ parent: Directory, _ name: String, _ out: String, _ terminal: Terminal) {
        let prefix = sideName(name, "")
        guard let entries = try? parent.entries() else { return }
        let leftovers = entries.filter { e in
            guard e.hasPrefix(prefix) else { return false }
            let rest = e.dropFirst(prefix.count)
            return (rest.hasPrefix("new-") || rest.hasPrefix("old-")) && Int(rest.dropFirst(4)) != nil
        }
        if parent.type(name) == nil, let old = leftovers.first(where: { $0.dropFirst(prefix.count).hasPrefix("old-") }),
            parent.rename(old, to: parent, name) == nil
        {
            terminal.err("note: put back \(out) from \(parent.path(old)), left by a bcpsim that was stopped while replacing it")
        }
        for e in leftovers where parent.type(e) != nil {
            do {
                try parent.remove(e)
                terminal.err("note: removed \(parent.path(e)), left by a bcpsim that was stopped while writing \(out)")
            } catch {
                terminal.err("note: \(parent.path(e)) was left by a bcpsim that was stopped while writing \(out); it could not be removed (\(error))")
            }
        }
    }

    /// Whether `dir/restricted` is bcpsim's output of `kind` (allocation --exact beside the public folder).
    static func holdsNestedOutput(_ dir: Directory, _ kind: OutputKind) -> Bool {
        dir.type("restricted") == .folder && (try? dir.open("restricted")).flatMap(readMarker)?.kind == kind
    }

    /// A scenario folder, marked by generate or not (it holds scenario.json, a file or a link).
    static func isScenarioFolder(_ dir: Directory) -> Bool {
        readMarker(dir)?.kind == .scenario || dir.type("scenario.json") == .file || dir.type("scenario.json") == .link
    }

    /// The marker of `dir`, nil when there is none (or it is not a regular file, or not a marker).
    static func readMarker(_ dir: Directory) -> OutputMarker? {
        guard dir.type(markerName) == .file, let data = dir.read(markerName, limit: 1 << 20) else { return nil }
        return OutputMarker.parse(String(decoding: data, as: UTF8.self))
    }

    /// Entries of `dir` that are not among `keeping` (relative paths of files) nor the marker,
    /// nor a temporary file of an unfinished in-place write: what replacing the folder would delete.
    static func foreignEntries(_ dir: Directory, keeping: Set<String>, prefix: String = "") throws -> [String] {
        var out: [String] = []
        for e in try dir.entries() {
            let path = prefix + e
            if prefix.isEmpty && e == markerName { continue }
            if isStaleTemporary(e) { continue }
            switch dir.type(e) {
            case .file?:
                if !keeping.contains(path) { out.append(path) }
            case .folder?:
                if keeping.contains(where: { $0.hasPrefix(path + "/") }) {
                    out += try foreignEntries(try dir.open(e), keeping: keeping, prefix: path + "/")
                } else {
                    out.append(path + "/")
                }
            case .link?:
                out.append(path + " (a symbolic link)")
            default:
                out.append(path)
            }
        }
        return out
    }

    /// `.NAME.bcpsim-tmp`: a file being replaced in place when its run was stopped (the next
    /// in-place write of NAME replaces it; a replaced folder drops it); `.NAME.tmp-PID-UUID`: the
    /// same, left by a bcpsim before issue 16.
    static func isStaleTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        if name.hasSuffix(".bcpsim-tmp") && name.count > ".bcpsim-tmp".count + 1 { return true }
        return name.range(of: #"\.tmp-[0-9]+-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"#, options: .regularExpression) != nil
    }

    static func foreignMessage(_ out: String, _ foreign: [String]) -> String {
        let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
        return "\(out) holds files bcpsim did not write there (\(shown)); bcpsim replaces its output folders as a whole and would delete them"
    }
}

/// Test hook: with BCPSIM_TEST_KILL_AT_STEP=K in the environment, the process kills itself with
/// SIGKILL after the K-th step of writing an output folder (1: the temporary folder is made;
/// then one step per file; the marker; the swap; the old folder removed), so that a test can
/// stop a run at every point (OutputFolderTransactionTests). Never set in normal use.
struct KillSwitch {
    let at: Int? = getenv("BCPSIM_TEST_KILL_AT_STEP").flatMap { Int(String(cString: $0)) }
    var count = 0

    mutating func step() {
        count += 1
        if count == at { kill(getpid(), SIGKILL) }
    }
}
