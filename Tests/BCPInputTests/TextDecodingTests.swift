import Foundation
import XCTest
@testable import BCPInput

final class TextDecodingTests: XCTestCase {
    private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func decoded(_ data: Data, _ encoding: TextEncoding, file: StaticString = #filePath, line: UInt = #line) -> (String, TextEncoding)? {
        switch TextDecoding.decode(data, as: encoding) {
        case .success(let r): return r
        case .failure(let f):
            XCTFail("unexpected failure \(f.line):\(f.column): \(f.message)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ data: Data, _ encoding: TextEncoding, file: StaticString = #filePath, line: UInt = #line) -> TextDecoding.DecodeFailure? {
        switch TextDecoding.decode(data, as: encoding) {
        case .success(let (s, e)):
            XCTFail("expected a failure, decoded \(e) \(s.debugDescription)", file: file, line: line)
            return nil
        case .failure(let f): return f
        }
    }

    /// The Shift_JIS bytes Excel would write for `text` (CP932 is a superset of Shift_JIS).
    private func shiftJIS(_ text: String) -> Data {
        guard let d = text.data(using: .shiftJIS) else {
            XCTFail("cannot encode \(text) as Shift_JIS")
            return Data()
        }
        return d
    }

    func testPlainUTF8() {
        let r = decoded(Data("code,name\n131016,千代田区\n".utf8), .auto)
        XCTAssertEqual(r?.0, "code,name\n131016,千代田区\n")
        XCTAssertEqual(r?.1, .utf8)
    }

    func testUTF8ByteOrderMarkIsDropped() {
        let data = Data(bom + Array("id,name\n".utf8))
        for encoding in [TextEncoding.auto, .utf8] {
            let r = decoded(data, encoding)
            XCTAssertEqual(r?.0, "id,name\n", "\(encoding)")
            XCTAssertEqual(r?.0.unicodeScalars.first, "i", "\(encoding)")
            XCTAssertEqual(r?.1, .utf8)
        }
    }

    func testShiftJISIsDetectedUnderAuto() {
        let data = shiftJIS("code,name\n131016,千代田区\n")
        // 千 is 0x90 0xE7 in Shift_JIS: not valid UTF-8, so auto must fall back.
        XCTAssertEqual(data.count, "code,name\n131016,".utf8.count + 8 + 1)
        let r = decoded(data, .auto)
        XCTAssertEqual(r?.0, "code,name\n131016,千代田区\n")
        XCTAssertEqual(r?.1, .shiftJIS)
    }

    func testShiftJISDeclared() {
        let r = decoded(shiftJIS("名前\n千代田区\n"), .shiftJIS)
        XCTAssertEqual(r?.0, "名前\n千代田区\n")
        XCTAssertEqual(r?.1, .shiftJIS)
    }

    func testCP932ExtensionsExcelWrites() {
        // NEC special ① (0x87 0x40) and the IBM extension 髙 (0xFB 0xFC), common in names.
        let r = decoded(Data([0x87, 0x40, 0x2C, 0xFB, 0xFC, 0x0A]), .shiftJIS)
        XCTAssertEqual(r?.0, "①,髙\n")
    }

    func testShiftJISBytesDeclaredUTF8AreLocated() {
        // Line 2 is 131016,千代田区: "131016," is 7 characters, so 千 starts at column 8; its
        // first byte 0x90 follows the 10 bytes of "code,name\n" and the 7 of "131016,".
        let f = failure(shiftJIS("code,name\n131016,千代田区\n"), .utf8)
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [2, 8])
        XCTAssertEqual(f?.message, "file is not valid UTF-8 (byte 0x90 at byte offset 17)")
    }

    func testInvalidBytesAreLocatedInCharacters() {
        // Line 2 is 千,<FF>: 千 is one character (three bytes) before the comma, so 0xFF is column 3;
        // its byte offset is 3 ("ab\n") + 3 (千) + 1 (",") = 7.
        var bytes = Array("ab\n千,".utf8)
        bytes.append(0xFF)
        bytes += Array("x\n".utf8)
        let f = failure(Data(bytes), .utf8)
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [2, 3])
        XCTAssertEqual(f?.message, "file is not valid UTF-8 (byte 0xFF at byte offset 7)")
        // Under auto, 0xFF is not Shift_JIS either (it is no lead byte in CP932).
        let g = failure(Data(bytes), .auto)
        XCTAssertEqual(g.map { [$0.line, $0.column] }, [2, 3])
        XCTAssertEqual(g?.message, "file is not valid UTF-8 (byte 0xFF at byte offset 7) and not Shift_JIS either; save it as \"CSV UTF-8\" from Excel")
    }

    func testByteOffsetCountsFromTheStartOfTheFileIncludingTheBOM() {
        // A BOM says UTF-8, so Shift_JIS bytes after it are not re-read as Shift_JIS.
        let data = Data(bom + Array("a,".utf8) + [0x90, 0xE7])
        let f = failure(data, .auto)
        // The BOM is invisible: 0x90 is the third character of line 1, and byte 5 of the file.
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [1, 3])
        XCTAssertEqual(f?.message.hasPrefix("file is not valid UTF-8 (byte 0x90 at byte offset 5)"), true, f?.message ?? "")
    }

    func testTruncatedMultiByteSequenceAtTheEnd() {
        // The last character 区 (E5 8C BA) lost its final byte.
        let bytes = Array("x\nab".utf8) + [0xE5, 0x8C]
        let f = failure(Data(bytes), .utf8)
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [2, 3])
        XCTAssertEqual(f?.message, "file is not valid UTF-8 (byte 0xE5 at byte offset 4)")
    }

    func testNULByteMeansBinary() {
        let f = failure(Data(Array("a,b\nc".utf8) + [0x00] + Array("d\n".utf8)), .auto)
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [2, 2])
        XCTAssertEqual(f?.message, "file contains a NUL byte: it looks binary, not a CSV text file")
        // Whatever the declared encoding.
        XCTAssertNotNil(failure(Data([0x41, 0x00]), .shiftJIS))
        XCTAssertNotNil(failure(Data([0x41, 0x00]), .utf8))
    }

    func testInvalidShiftJISDeclared() {
        // 0xA0 is not a character in CP932.
        let f = failure(Data([0x61, 0x0A, 0xA0, 0x0A]), .shiftJIS)
        XCTAssertEqual(f?.message, "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): byte 0xA0 at byte offset 2 is not a Shift_JIS character")
        XCTAssertEqual([f?.line, f?.column], [2, 1])
    }
}
