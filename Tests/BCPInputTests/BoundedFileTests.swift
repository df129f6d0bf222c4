import Foundation
import XCTest
@testable import BCPInput

/// The one bounded reader of input files (issue 16: `--stock` read a 512 MB file before
/// refusing it): the size is checked before reading, and no more than limit + 1 bytes are read.
final class BoundedFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-bounded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func testAFileOfTheLimitIsReadAndOneByteMoreIsNot() throws {
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path("ten")))
        XCTAssertEqual(try BoundedFile.read(path("ten"), limit: 10).get(), Data("0123456789".utf8))
        XCTAssertEqual(BoundedFile.read(path("ten"), limit: 9), .failure(.tooLarge(size: 10, limit: 9)))
        try Data().write(to: URL(fileURLWithPath: path("empty")))
        XCTAssertEqual(try BoundedFile.read(path("empty"), limit: 0).get(), Data())
    }

    func testASparseFilePastTheLimitIsRefusedBeforeAnythingIsRead() throws {
        // 512 MiB of holes: its size is known without reading. `check` is never reached, so
        // nothing was read (it runs after the size test and before the first read).
        let url = URL(fileURLWithPath: path("sparse"))
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: 512 * 1024 * 1024)
        try h.close()
        var checked = false
        let r = BoundedFile.read(url.path, limit: InputLimits.maxFileBytes) { _ in checked = true; return nil }
        XCTAssertEqual(r, .failure(.tooLarge(size: 536_870_912, limit: 134_217_728)))
        XCTAssertFalse(checked)
        XCTAssertEqual(BoundedFile.Failure.tooLarge(size: 536_870_912, limit: 134_217_728).message, "file is 536870912 bytes; the limit is 134217728 bytes")
    }

    func testTheCheckSeesTheSizeAndMayRefuse() throws {
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path("abc")))
        var seen: Int?
        XCTAssertEqual(BoundedFile.read(path("abc"), limit: 10) { seen = $0; return "too much with the others" }, .failure(.refused("too much with the others")))
        XCTAssertEqual(seen, 3)
    }

    /// A device that never ends: at most limit + 1 bytes are read, then it is refused.
    func testAnEndlessDeviceIsReadOnlyUpToTheLimit() {
        XCTAssertEqual(BoundedFile.read("/dev/zero", limit: 1000, accept: .anyButFolders), .failure(.grew(limit: 1000)))
        XCTAssertEqual(BoundedFile.read("/dev/zero", limit: 1000), .failure(.notRegular))
        XCTAssertEqual(try BoundedFile.read("/dev/null", limit: 1000, accept: .anyButFolders).get(), Data())
    }

    /// A pipe with an endless writer (`yes`): refused after limit + 1 bytes, not read for ever;
    /// with `.regularFiles` it is refused at once, without waiting for a writer.
    func testAPipeIsBoundedOrRefused() throws {
        let fifo = path("fifo")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(BoundedFile.read(fifo, limit: 1000), .failure(.notRegular))
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/bash")
        writer.arguments = ["-c", "exec yes > \"$0\"", fifo]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        XCTAssertEqual(BoundedFile.read(fifo, limit: 1000, accept: .anyButFolders), .failure(.grew(limit: 1000)))
        writer.waitUntilExit()  // yes dies of SIGPIPE once the reader is gone
        // A pipe that ends within the limit is read whole.
        let short = Process()
        short.executableURL = URL(fileURLWithPath: "/bin/bash")
        short.arguments = ["-c", "printf 'code,item,units\\n' > \"$0\"", fifo]
        try short.run()
        XCTAssertEqual(try BoundedFile.read(fifo, limit: 1000, accept: .anyButFolders).get(), Data("code,item,units\n".utf8))
        short.waitUntilExit()
    }

    func testFoldersMissingFilesAndLinks() throws {
        XCTAssertEqual(BoundedFile.read(folder.path, limit: 10), .failure(.folder))
        XCTAssertEqual(BoundedFile.read(folder.path, limit: 10, accept: .anyButFolders), .failure(.folder))
        XCTAssertEqual(BoundedFile.read(path("missing"), limit: 10), .failure(.missing))
        XCTAssertEqual(BoundedFile.read(path("missing/x"), limit: 10), .failure(.missing))
        try Data("x".utf8).write(to: URL(fileURLWithPath: path("target")))
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("target"))
        XCTAssertEqual(try BoundedFile.read(path("link"), limit: 10).get(), Data("x".utf8))
        XCTAssertEqual(BoundedFile.read(path("link"), limit: 10, followLinks: false), .failure(.notRegular))
    }

    /// The loader reads through it: a symbolic link in place of a table stays refused, as it was
    /// (lstat), and a device under a table's name is not read.
    func testTheLoaderRefusesLinksAndDevicesAsBefore() throws {
        let f = try ScenarioFixture()
        try f.remove("units.csv")
        try FileManager.default.createSymbolicLink(atPath: f.path("units.csv"), withDestinationPath: "/dev/zero")
        XCTAssertEqual(f.errors(), ["\(f.path("units.csv")): error: not a regular file"])
        let g = try ScenarioFixture()
        try FileManager.default.moveItem(atPath: g.path("units.csv"), toPath: g.path("real-units.csv"))
        try FileManager.default.createSymbolicLink(atPath: g.path("units.csv"), withDestinationPath: g.path("real-units.csv"))
        XCTAssertEqual(g.errors(), ["\(g.path("units.csv")): error: not a regular file"])
    }
}
