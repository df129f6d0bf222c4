import Foundation
import XCTest
@testable import BCPCommands

final class AtomicFileTests: XCTestCase {
    func testAtomicFileCreatesFolderAndLeavesNoTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-atomic-\(UUID().uuidString)/nested").path
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try AtomicFile.writeAll([("a.txt", "one"), ("b.txt", "two")], into: dir)
        try AtomicFile.write("three", to: dir + "/a.txt")  // replaces
        XCTAssertEqual(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8), "three")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["a.txt", "b.txt"])
        // A folder path that is a file cannot be created; the error names it.
        XCTAssertThrowsError(try AtomicFile.createFolder(dir + "/a.txt"))
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/missing/f.txt"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["a.txt", "b.txt"])
    }
}
