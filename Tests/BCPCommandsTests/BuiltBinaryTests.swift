import BCPTestSupport
import Foundation
import XCTest

/// The finder itself (issue 16): in a checkout named `bcpsim` it used to return the checkout.
final class BuiltBinaryTests: XCTestCase {
    func testTheBinaryFoundIsAnExecutableRegularFile() throws {
        let u = try BuiltBinary.require()
        var isDir: ObjCBool = true
        XCTAssertTrue(FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir))
        XCTAssertFalse(isDir.boolValue, "\(u.path) is a folder")
        XCTAssertEqual(u.lastPathComponent, "bcpsim")
    }

    func testAFolderNamedBcpsimIsNotTheBinary() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-finder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("bcpsim")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A folder is "executable" (searchable) to FileManager, which is how the checkout passed.
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: folder.path))
        XCTAssertFalse(BuiltBinary.isExecutableRegularFile(folder.path))
        // An executable file passes, also through a symbolic link; without its x bits it does not.
        let file = base.appendingPathComponent("tool")
        try Data("#!/bin/sh\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        XCTAssertTrue(BuiltBinary.isExecutableRegularFile(file.path))
        let link = base.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        XCTAssertTrue(BuiltBinary.isExecutableRegularFile(link.path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        XCTAssertFalse(BuiltBinary.isExecutableRegularFile(file.path))
        XCTAssertFalse(BuiltBinary.isExecutableRegularFile(base.appendingPathComponent("missing").path))
    }
}
