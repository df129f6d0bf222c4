import Foundation

/// How a CSV file's bytes are turned into text.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 if the bytes are valid UTF-8, otherwise Shift_JIS (CP932, as Excel saves CSV in Japan).
    case auto
    case utf8 = "utf-8"
    case shiftJIS = "shift_jis"
}

/// Limits on input files, so that no file can make the tool use unbounded memory or time.
public enum InputLimits {
    public static let maxFileBytes = 256 * 1024 * 1024
    public static let maxRows = 2_000_000
    public static let maxFieldLength = 4096
    public static let maxJSONDepth = 64
}

public enum TextDecoding {
    /// Decodes `data`, dropping a UTF-8 byte order mark. Returns the text and the encoding used,
    /// or a message saying why the bytes are not text in the expected encoding.
    public static func decode(_ data: Data, as encoding: TextEncoding) -> Result<(String, TextEncoding), DecodeFailure> {
        var bytes = data
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hadBOM = bytes.starts(with: bom)
        if hadBOM { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) {
            let (line, column) = position(of: bytes.firstIndex(of: 0)!, in: bytes)
            return .failure(DecodeFailure(line: line, column: column, message: "file contains a NUL byte: it looks binary, not a CSV text file"))
        }
        switch encoding {
        case .utf8:
            if let s = String(validating: bytes, as: UTF8.self) { return .success((s, .utf8)) }
            return .failure(utf8Failure(bytes, fileStart: data.startIndex))
        case .shiftJIS:
            if let s = String(data: Data(bytes), encoding: .shiftJIS) { return .success((s, .shiftJIS)) }
            return .failure(DecodeFailure(line: 0, column: 0, message: "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\")"))
        case .auto:
            if let s = String(validating: bytes, as: UTF8.self) { return .success((s, .utf8)) }
            if !hadBOM, let s = String(data: Data(bytes), encoding: .shiftJIS) { return .success((s, .shiftJIS)) }
            var f = utf8Failure(bytes, fileStart: data.startIndex)
            f.message += " and not Shift_JIS either; save it as \"CSV UTF-8\" from Excel"
            return .failure(f)
        }
    }

    public struct DecodeFailure: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// `fileStart` is the index of the file's first byte, so that the offset counts a dropped BOM.
    private static func utf8Failure(_ bytes: Data, fileStart: Data.Index) -> DecodeFailure {
        // Find the first byte where UTF-8 decoding breaks, to point at it.
        var valid = bytes.startIndex
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                offset += UTF8.width(s)
                valid = offset
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        let (line, column) = position(of: valid, in: bytes)
        return DecodeFailure(line: line, column: column, message: "file is not valid UTF-8 (byte 0x\(String(bytes[valid], radix: 16, uppercase: true)) at byte offset \(valid - fileStart))")
    }

    private static func position(of index: Data.Index, in bytes: Data) -> (Int, Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < index {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
