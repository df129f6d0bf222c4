import BCPTestSupport
import Foundation
import XCTest

@testable import BCPCommands

/// Output folders as one transaction (issue 16, items 2, 4, 6, 10, 15): a folder bcpsim wrote is
/// replaced whole, someone else's or another kind's needs --force, nothing is written through a
/// link, restricted/ is private, a second writer is refused, a bad --out fails before the work.
final class OutputFolderTests: XCTestCase {
    var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-outfolder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    func write(_ files: [(String, String)], _ dir: String, kind: OutputKind = .compare, force: Bool = false) throws {
        try OutputFolder.write(files, to: dir, kind: kind, command: "test", force: force, terminal: CapturedTerminal().terminal)
    }

    func listing(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func failure(_ body: () throws -> Void) -> CommandFailure? {
        do { try body() } catch let e as CommandFailure { return e } catch { XCTFail("unexpected \(error)") }
        return nil
    }

    func testAFolderBcpsimWroteIsReplacedWholeWithoutForce() throws {
        let dir = scratch + "/out"
        try write([("a.txt", "one"), ("sub/b.txt", "two")], dir)
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "a.txt", "sub"])
        // The marker names the kind, the command and every file.
        XCTAssertEqual(
            try text(dir + "/" + OutputFolder.markerName),
            OutputMarker.header + "kind: compare\ncommand: test\nfile: a.txt\nfile: sub/b.txt\n")
        try write([("a.txt", "three")], dir)
        // The old folder is gone whole: sub/b.txt of the first output is not left behind.
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "a.txt"])
        XCTAssertEqual(try text(dir + "/a.txt"), "three")
        // Nothing is left beside it: no temporary folder, no lock file.
        XCTAssertEqual(try listing(scratch), ["out"])
    }

    func testSomeoneElsesFolderIsRefusedUnlessForcedAndThenItsFilesAreKept() throws {
        let dir = scratch + "/theirs"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        let e = failure { try write([("a.txt", "x")], dir) }
        XCTAssertEqual(e?.code, ExitCode.cannotCreate)
        XCTAssertEqual(
            e?.message,
            "\(dir) is not empty and was not written by bcpsim; choose another folder, or pass --force to write into it (its other files are kept)")
        XCTAssertEqual(try listing(dir), ["notes.txt"])
        try write([("a.txt", "x")], dir, force: true)
        XCTAssertEqual(try text(dir + "/notes.txt"), "mine")
        XCTAssertEqual(try text(dir + "/a.txt"), "x")
        // Forced into someone else's folder, bcpsim does not claim it: no marker.
        XCTAssertEqual(try listing(dir), ["a.txt", "notes.txt"])
    }

    func testTemporaryFilesOfAStoppedWriteAreNotForeignAndAreReplaced() throws {
        let dir = scratch + "/out"
        try write([("a.txt", "one")], dir)
        // Left by a run stopped while writing in place, and by a bcpsim before issue 16.
        for stale in [".a.txt.bcpsim-tmp", ".a.txt.tmp-123-0F5E2E7A-4B1C-4D8E-9A6B-1C2D3E4F5A6B"] {
            try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/" + stale))
        }
        XCTAssertTrue(OutputFolder.isStaleTemporary(".a.txt.bcpsim-tmp"))
        XCTAssertFalse(OutputFolder.isStaleTemporary(".bcpsim-tmp"))
        XCTAssertFalse(OutputFolder.isStaleTemporary("notes.txt"))
        try write([("a.txt", "two")], dir)
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "a.txt"], "replaced whole, the leftovers with the old folder")
        // In place (--force into someone else's folder) the leftover of the same file is replaced.
        let theirs = scratch + "/theirs"
        try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: theirs + "/.a.txt.bcpsim-tmp"))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: theirs + "/notes.txt"))
        try write([("a.txt", "x")], theirs, force: true)
        XCTAssertEqual(try listing(theirs), ["a.txt", "notes.txt"])
    }

    func testFilesSomeoneAddedToABcpsimFolderAreNotDeleted() throws {
        let dir = scratch + "/out"
        try write([("a.txt", "one")], dir)
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        let e = failure { try write([("a.txt", "two")], dir) }
        XCTAssertEqual(
            e?.message,
            "\(dir) holds files bcpsim did not write there (notes.txt); bcpsim replaces its output folders as a whole and would delete them; "
                + "choose another folder, or pass --force to write into it (its other files are kept)")
        XCTAssertEqual(try text(dir + "/a.txt"), "one")
        try write([("a.txt", "two")], dir, force: true)
        XCTAssertEqual(try text(dir + "/notes.txt"), "my notes")
        XCTAssertEqual(try text(dir + "/a.txt"), "two")
    }

    func testAFolderOfAnotherKindNeedsForce() throws {
        let dir = scratch + "/out"
        try write([("facilitator.md", "pack")], dir, kind: .workshop)
        let e = failure { try write([("summary.md", "x")], dir, kind: .reports) }
        XCTAssertEqual(
            e?.message,
            "\(dir) is a workshop pack ('bcpsim workshop'); 'test' writes a reports folder ('bcpsim run', 'report' or 'merge'); "
                + "choose another folder, or pass --force to write into it (its other files are kept)")
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "facilitator.md"])
    }

    /// Issue 16 trials: `run g --out g --force` replaced the scenario's municipalities.csv with the
    /// report's, and then the same with a scenario folder bcpsim had not marked (shipped, made by
    /// hand, real data). A scenario folder, marked or holding scenario.json, takes no other kind's
    /// output even with --force. In a folder of another kind, --force adds bcpsim's files beside
    /// the others but never overwrites the other kind's, and then writes nothing.
    func testForceNeverOverwritesAnotherKindsFiles() throws {
        let dir = scratch + "/out"
        try write([("scenario.json", "{}"), ("municipalities.csv", "theirs")], dir, kind: .scenario)
        let e = failure { try write([("summary.md", "x")], dir, kind: .reports, force: true) }
        XCTAssertEqual(e?.message, "\(dir) is a scenario folder; 'test' does not write into one, even with --force: choose another folder")
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "municipalities.csv", "scenario.json"])
        // Unmarked: a folder that holds scenario.json.
        let hand = scratch + "/hand"
        try FileManager.default.createDirectory(atPath: hand, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: hand + "/scenario.json"))
        XCTAssertEqual(failure { try write([("summary.md", "x")], hand, kind: .reports, force: true) }?.code, ExitCode.cannotCreate)
        XCTAssertEqual(try listing(hand), ["scenario.json"])
        // Another kind: its files are never overwritten.
        let ws = scratch + "/ws"
        try write([("facilitator.md", "pack"), ("summary.md", "theirs")], ws, kind: .workshop)
        let clash = failure { try write([("summary.md", "ours"), ("areas.csv", "x")], ws, kind: .reports, force: true) }
        XCTAssertEqual(
            clash?.message,
            "\(ws) is a workshop pack ('bcpsim workshop'), and 'test' would overwrite its summary.md even with --force; choose another folder")
        XCTAssertEqual(try text(ws + "/summary.md"), "theirs")
        try write([("areas.csv", "x")], ws, kind: .reports, force: true)
        XCTAssertEqual(try listing(ws), [OutputFolder.markerName, "areas.csv", "facilitator.md", "summary.md"])
    }

    /// Issue 16 trial: with --force, a folder in place of summary.html failed the run after other
    /// files had been replaced (a mixed folder, a manifest that did not match). Every file is now
    /// written beside its target first: the failure leaves the folder as it was, with no
    /// temporary file.
    func testAForcedWriteThatFailsLeavesTheFolderAsItWas() throws {
        let dir = scratch + "/theirs"
        try FileManager.default.createDirectory(atPath: dir + "/b.txt", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        // restricted/ first, as a run writes it: it must not be made either (the second trial
        // found it created, and an existing one chmodded, by a write that then failed).
        let e = failure { try write([("restricted/p.csv", "ids"), ("a.txt", "new"), ("b.txt", "x")], dir, force: true) }
        XCTAssertEqual(e?.message, "cannot write \(dir)/b.txt: a folder is in the way")
        XCTAssertEqual(try text(dir + "/a.txt"), "old")
        XCTAssertEqual(try listing(dir), ["a.txt", "b.txt"])
        // With the way clear, all of it is written; restricted/ private.
        try FileManager.default.removeItem(atPath: dir + "/b.txt")
        try write([("restricted/p.csv", "ids"), ("a.txt", "new"), ("b.txt", "x")], dir, force: true)
        XCTAssertEqual(try listing(dir), ["a.txt", "b.txt", "restricted"])
        XCTAssertEqual(try text(dir + "/restricted/p.csv"), "ids")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: dir + "/restricted")[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o700)
    }

    /// Issue 16 trial: `allocation --exact --out al` writes al/restricted beside the public
    /// al/; the next public `allocation --out al` refused al as holding files bcpsim did not
    /// write. The nested folder of the same kind is bcpsim's own: it is kept in the new folder.
    func testANestedRestrictedOutputOfTheSameKindIsKept() throws {
        let dir = scratch + "/al"
        try write([("allocation.md", "public 1")], dir, kind: .allocation)
        try OutputFolder.write([("allocation.md", "exact")], to: dir + "/restricted", kind: .allocation, command: "test", force: false,
                               restrictedRoot: true, terminal: CapturedTerminal().terminal)
        try write([("allocation.md", "public 2")], dir, kind: .allocation)
        XCTAssertEqual(try text(dir + "/allocation.md"), "public 2")
        XCTAssertEqual(try text(dir + "/restricted/allocation.md"), "exact")
        XCTAssertEqual(try listing(scratch), ["al"])
        // The other order: --exact first (DIR holds only restricted/), then the public output.
        let ex = scratch + "/ex"
        try OutputFolder.write([("allocation.md", "exact")], to: ex + "/restricted", kind: .allocation, command: "test", force: false,
                               restrictedRoot: true, terminal: CapturedTerminal().terminal)
        try write([("allocation.md", "public")], ex, kind: .allocation)
        XCTAssertEqual(try text(ex + "/restricted/allocation.md"), "exact")
        try write([("allocation.md", "public again")], ex, kind: .allocation)
        XCTAssertEqual(try text(ex + "/restricted/allocation.md"), "exact")
    }

    /// A third trial: `allocation --exact --out DIR` checked only DIR/restricted, so it wrote into
    /// scenario folders, other kinds' and other people's folders, and through a link in place of
    /// restricted/. DIR now gets the checks of a folder written into.
    func testARestrictedOutputChecksTheFolderThatHoldsIt() throws {
        func exact(_ dir: String, force: Bool = false) throws {
            try OutputFolder.write([("allocation.md", "exact")], to: dir + "/restricted", kind: .allocation, command: "test", force: force,
                                   restrictedRoot: true, terminal: CapturedTerminal().terminal)
        }
        let g = scratch + "/g"
        try write([("scenario.json", "{}")], g, kind: .scenario)
        XCTAssertEqual(failure { try exact(g, force: true) }?.message,
                       "\(g) is a scenario folder; 'test' does not write into one, even with --force: choose another folder")
        XCTAssertEqual(try listing(g), [OutputFolder.markerName, "scenario.json"])
        let ws = scratch + "/ws"
        try write([("facilitator.md", "pack")], ws, kind: .workshop)
        XCTAssertEqual(failure { try exact(ws) }?.code, ExitCode.cannotCreate)
        XCTAssertEqual(try listing(ws), [OutputFolder.markerName, "facilitator.md"])
        let theirs = scratch + "/theirs", other = scratch + "/other"
        try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: theirs + "/notes.txt"))
        XCTAssertEqual(failure { try exact(theirs) }?.code, ExitCode.cannotCreate)
        try FileManager.default.removeItem(atPath: theirs + "/notes.txt")
        try FileManager.default.createSymbolicLink(atPath: theirs + "/restricted", withDestinationPath: other)
        XCTAssertEqual(failure { try exact(theirs) }?.message,
                       "\(theirs)/restricted is a symbolic link; bcpsim does not write restricted output through a link: remove it, or pass --force to replace it by a folder")
        XCTAssertEqual(try listing(other), [])
        try exact(theirs, force: true)
        XCTAssertEqual(try listing(other), [], "nothing through the link")
        XCTAssertEqual(try text(theirs + "/restricted/allocation.md"), "exact")
    }

    func testAMarkerOfAnOlderBcpsimIsReadByTheFilesItHolds() throws {
        let dir = scratch + "/old"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(OutputMarker.legacyText.utf8).write(to: URL(fileURLWithPath: dir + "/" + OutputFolder.markerName))
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/compare.md"))
        // A comparison folder: compare may replace it; generate may not.
        XCTAssertNotNil(failure { try write([("scenario.json", "{}")], dir, kind: .scenario) })
        try write([("compare.md", "new")], dir, kind: .compare)
        XCTAssertEqual(try listing(dir), [OutputFolder.markerName, "compare.md"])
        XCTAssertEqual(try text(dir + "/compare.md"), "new")
        XCTAssertEqual(OutputKind.inferred(from: ["compare.md", "scenario.json"]), nil)
    }

    func testNamesCannotLeaveTheFolder() throws {
        let dir = scratch + "/out"
        for bad in ["../escape.txt", "/tmp/escape.txt", "sub/../../escape.txt", "a//b", "./a", OutputFolder.markerName] {
            XCTAssertThrowsError(try write([(bad, "x")], dir, force: true), bad)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch + "/escape.txt"))
        XCTAssertEqual(try listing(scratch), [], "the refused writes left nothing")
    }

    /// Issue 16, item 4: OUT/restricted replaced by a link to another folder sent the patient list there.
    func testALinkInPlaceOfRestrictedIsNeverWrittenThrough() throws {
        let dir = scratch + "/out", elsewhere = scratch + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try write([("summary.md", "1"), ("restricted/patients.csv", "ids")], dir, kind: .reports)
        try FileManager.default.removeItem(atPath: dir + "/restricted")
        try FileManager.default.createSymbolicLink(atPath: dir + "/restricted", withDestinationPath: elsewhere)
        let e = failure { try write([("summary.md", "2"), ("restricted/patients.csv", "ids")], dir, kind: .reports) }
        XCTAssertTrue(e?.message.contains("restricted (a symbolic link)") ?? false, e?.message ?? "")
        XCTAssertEqual(try listing(elsewhere), [])
        // Forced, the link is replaced by a private folder; the folder it pointed to stays empty.
        try write([("summary.md", "2"), ("restricted/patients.csv", "ids")], dir, kind: .reports, force: true)
        XCTAssertEqual(try listing(elsewhere), [])
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/restricted")
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeDirectory)
        XCTAssertEqual(try text(dir + "/restricted/patients.csv"), "ids")
        // A link in place of a file is replaced too, never followed.
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: elsewhere + "/target.txt"))
        try FileManager.default.removeItem(atPath: dir + "/summary.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/summary.md", withDestinationPath: elsewhere + "/target.txt")
        try write([("summary.md", "3"), ("restricted/patients.csv", "ids")], dir, kind: .reports, force: true)
        XCTAssertEqual(try text(elsewhere + "/target.txt"), "theirs")
        XCTAssertEqual(try text(dir + "/summary.md"), "3")
    }

    /// Issue 16, item 10: restricted/ was 0755 and its files 0644.
    func testRestrictedFilesArePrivate() throws {
        let dir = scratch + "/out"
        for force in [false, true] {
            try write([("summary.md", "x"), ("restricted/patients.csv", "ids"), ("restricted/result.json", "{}")], dir, kind: .reports, force: force)
            XCTAssertEqual(try mode(dir + "/restricted"), 0o700)
            XCTAssertEqual(try mode(dir + "/restricted/patients.csv"), 0o600)
            XCTAssertEqual(try mode(dir + "/restricted/result.json"), 0o600)
            XCTAssertEqual(try mode(dir + "/summary.md") & 0o600, 0o600)
        }
        // allocation --exact writes its whole folder restricted.
        let exact = scratch + "/alloc/restricted"
        try OutputFolder.write(
            [("allocation.md", "x")], to: exact, kind: .allocation, command: "allocation", force: false, restrictedRoot: true,
            terminal: CapturedTerminal().terminal)
        XCTAssertEqual(try mode(exact), 0o700)
        XCTAssertEqual(try mode(exact + "/allocation.md"), 0o600)
    }

    func mode(_ path: String) throws -> Int {
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0, path)
        return Int(st.st_mode & 0o777)
    }

    /// Issue 16, item 6: two runs into one folder both exited 0 and mixed their files.
    func testASecondWriterIsRefusedWhileTheFirstHoldsTheFolder() throws {
        let dir = scratch + "/out"
        let first = try OutputFolder.prepare(dir, kind: .compare, command: "test", force: false, terminal: CapturedTerminal().terminal)
        let e = failure { _ = try OutputFolder.prepare(dir, kind: .compare, command: "test", force: false, terminal: CapturedTerminal().terminal) }
        XCTAssertEqual(e?.code, ExitCode.cannotCreate)
        XCTAssertEqual(
            e?.message, "\(dir) is being written by another bcpsim (process \(getpid())); wait until it has finished, or choose another folder")
        try first.commit([("a.txt", "first")])
        // Released: the next writer gets it.
        try write([("a.txt", "second")], dir)
        XCTAssertEqual(try text(dir + "/a.txt"), "second")
    }

    func testAnAbandonedWriteLeavesTheOldFolder() throws {
        let dir = scratch + "/out"
        try write([("a.txt", "old")], dir)
        do {
            let folder = try OutputFolder.prepare(dir, kind: .compare, command: "test", force: false, terminal: CapturedTerminal().terminal)
            XCTAssertEqual(folder.mode, .replace)
            XCTAssertEqual(try listing(scratch).count, 3, "the folder, its lock and the temporary folder")
        }
        XCTAssertEqual(try listing(scratch), ["out"])
        XCTAssertEqual(try text(dir + "/a.txt"), "old")
    }

    func testOutputThatIsAFileOrTheRootIsRefused() throws {
        let file = scratch + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(failure { try write([("a.txt", "x")], file, force: true) }?.message, "\(file) exists and is not a folder")
        XCTAssertEqual(failure { try write([("a.txt", "x")], "/", force: true) }?.message, "refusing to write the root folder / as an output folder")
        XCTAssertThrowsError(try write([("a.txt", "x")], "", force: true)) { XCTAssertEqual(($0 as? UsageError)?.message, "--out is empty") }
    }

    func testAnOutputNamedByALinkIsWrittenWhereTheLinkPoints() throws {
        let real = scratch + "/real", link = scratch + "/link"
        try write([("a.txt", "one")], real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try write([("a.txt", "two")], link)
        XCTAssertEqual(try text(real + "/a.txt"), "two")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real, "the user's link is kept")
    }

    func testWritingBytesToAFullDeviceSaysSo() throws {
        let fd = open("/dev/full", O_WRONLY)
        try XCTSkipIf(fd < 0, "no /dev/full")
        defer { close(fd) }
        let code = Array("x".utf8).withUnsafeBytes { SystemError.writeAll(fd, $0) }
        XCTAssertEqual(code, ENOSPC)
        XCTAssertEqual(OutputFailure("write", "out/summary.md", ENOSPC).message, "cannot write out/summary.md: no space left on device")
    }
}

/// The commands' use of output folders, in process (issue 16, items 2 and 15).
final class OutputKindCommandTests: XCTestCase {
    func temp() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-kinds-\(UUID().uuidString)").path
    }

    /// Issue 16, item 2: `generate --out g` then `run g --out g` replaced the scenario's
    /// municipalities.csv by the report's; `workshop` into a run folder mixed two packs.
    func testNoCommandWritesIntoAFolderOfAnotherKind() throws {
        let g = temp(), r = temp()
        defer { for d in [g, r] { try? FileManager.default.removeItem(atPath: d) } }
        XCTAssertEqual(CLI.run(["generate", "--out", g, "--patients", "12"]).code, 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: g).sorted().map { try Data(contentsOf: URL(fileURLWithPath: g + "/" + $0)) }
        let run = CLI.run(["run", g, "--out", g, "--what-if", "0"])
        XCTAssertEqual(run.code, ExitCode.cannotCreate)
        XCTAssertEqual(run.err, "error: \(g) is a scenario folder; 'run' does not write into one, even with --force: choose another folder\n")
        XCTAssertEqual(CLI.run(["run", g, "--out", g, "--what-if", "0", "--force"]).code, ExitCode.cannotCreate)
        let after = try FileManager.default.contentsOfDirectory(atPath: g).sorted().map { try Data(contentsOf: URL(fileURLWithPath: g + "/" + $0)) }
        XCTAssertEqual(before, after, "the scenario folder is untouched")
        XCTAssertEqual(CLI.run(["validate", g]).code, 0)

        XCTAssertEqual(CLI.run(["run", g, "--out", r, "--what-if", "0"]).code, 0)
        XCTAssertEqual(CLI.run(["workshop", g, "--out", r]).code, ExitCode.cannotCreate)
        XCTAssertEqual(CLI.run(["generate", "--out", r, "--patients", "12"]).code, ExitCode.cannotCreate)
        XCTAssertEqual(CLI.run(["compare", g, g, "--out", r]).code, ExitCode.cannotCreate)
        XCTAssertEqual(CLI.run(["allocation", g, "--out", r]).code, ExitCode.cannotCreate)
        XCTAssertEqual(CLI.run(["run", g, "--out", r, "--what-if", "0", "--replicas", "2", "--shard", "1/2"]).code, ExitCode.cannotCreate)
        // The same kind: run again, or report, replaces the folder.
        XCTAssertEqual(CLI.run(["report", r + "/restricted/result.json", "--out", r, "--lang", "en"]).code, 0)
        XCTAssertEqual(CLI.run(["run", g, "--out", r, "--what-if", "0"]).code, 0)
        XCTAssertTrue(try String(contentsOfFile: r + "/" + OutputFolder.markerName, encoding: .utf8).contains("kind: reports\ncommand: run\n"))
    }

    /// Issue 16, item 15: a bad --out was found only after the whole simulation.
    func testABadOutputFolderFailsBeforeTheSimulation() throws {
        let file = temp()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let scenario = Repository.path("Scenarios/tokyo-synthetic")
        // 100,000 replicas of the Tokyo scenario take minutes; the refusal takes milliseconds.
        for args in [["run", scenario, "--replicas", "100000", "--out", file], ["workshop", scenario, "--out", file],
                     ["compare", scenario, scenario, "--out", file], ["generate", "--patients", "1000000", "--out", file]] {
            let start = Date()
            let r = CLI.run(args)
            XCTAssertEqual(r.code, ExitCode.cannotCreate, args.joined(separator: " "))
            XCTAssertEqual(r.err, "error: \(file) exists and is not a folder\n")
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, args.joined(separator: " "))
        }
    }

    /// The manifest lists exactly the folder's files, with their hashes (issue 16, item 6).
    func testTheManifestMatchesTheFolder() throws {
        let out = temp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let scenario = Repository.path("Scenarios/island-typhoon")
        XCTAssertEqual(CLI.run(["run", scenario, "--out", out, "--what-if", "0"]).code, 0)
        XCTAssertEqual(CLI.run(["run", scenario, "--out", out, "--what-if", "0", "--lang", "en"]).code, 0)
        try ManifestCheck.assertMatches(out)
    }
}

/// Reads a folder's manifest.json and checks it against the files there.
enum ManifestCheck {
    static func assertMatches(_ dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let outputs = json?["outputs"] as? [[String: Any]] ?? []
        var listed = Set(outputs.compactMap { $0["path"] as? String })
        listed.insert("manifest.json")
        var present = Set<String>()
        let e = FileManager.default.enumerator(atPath: dir)
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue, f != OutputFolder.markerName {
                present.insert(f)
            }
        }
        XCTAssertEqual(present, listed, "the folder holds what the manifest lists", file: file, line: line)
        for o in outputs {
            guard let path = o["path"] as? String, let hash = o["fnv1a64"] as? String else { continue }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + path))
            XCTAssertEqual(fnv1a64(bytes), hash, path, file: file, line: line)
        }
    }

    static func fnv1a64(_ bytes: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
