import Foundation

/// How a CSV file's bytes are turned into text.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 if the bytes are valid UTF-8, otherwise Shift_JIS (CP932, as Excel saves CSV in Japan).
    case auto
    case utf8 = "utf-8"
    case shiftJIS = "shift_jis"
}

/// Limits on input files, so that no file can make the tool use unbounded memory or time
/// (documented in Scenarios/README.md, "Limits"; the memory they bound in docs/RELIABILITY.md).
public enum InputLimits {
    /// Bytes of one CSV file (128 MiB: a Japan-wide roster of 1,000,000 patients is about 61 MB;
    /// Tokyo's is well under 1 MiB). Reading takes up to about 30 bytes of memory per byte of file
    /// in the worst case (one-character fields) and about 13 for real rosters (docs/RELIABILITY.md).
    public static let maxFileBytes = 128 * 1024 * 1024
    /// Bytes of all the CSV files of one scenario together (160 MiB), so that the tables held
    /// in memory at once stay under about 5 GB in the worst case.
    public static let maxScenarioBytes = 160 * 1024 * 1024
    /// Bytes of scenario.json (1 MiB; the shipped ones are under 6 KB).
    public static let maxJSONBytes = 1024 * 1024
    /// Records of one CSV file, header included (2,000,000: a million patients and room to spare).
    public static let maxRows = 2_000_000
    /// Fields of one CSV record (the widest table has 13 columns).
    public static let maxFields = 256
    /// Characters of one CSV field, bytes of one JSON string.
    public static let maxFieldLength = 4096
    /// Nesting of JSON arrays and objects.
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
            return .failure(shiftJISFailure(bytes, fileStart: data.startIndex))
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

    /// Locates the first character that is not Shift_JIS (CP932). A lead byte (0x81-0x9F,
    /// 0xE0-0xFC) and the byte after it form one character; 0x0A is never a trail byte, so lines
    /// and columns (in characters) can be counted while scanning. The text is decoded in chunks
    /// of characters, and only the first chunk that fails is decoded character by character.
    static func shiftJISFailure(_ bytes: Data, fileStart: Data.Index) -> DecodeFailure {
        func isLead(_ b: UInt8) -> Bool { (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) }
        func width(at i: Data.Index) -> Int { isLead(bytes[i]) && i + 1 < bytes.endIndex ? 2 : 1 }
        func decodes(_ r: Range<Data.Index>) -> Bool { String(data: Data(bytes[r]), encoding: .shiftJIS) != nil }
        var chunkStart = bytes.startIndex
        var chunkLine = 1, chunkColumn = 1
        var line = 1, column = 1
        var i = bytes.startIndex, chars = 0
        while chunkStart < bytes.endIndex {
            // Scan one chunk of up to 4096 characters.
            while i < bytes.endIndex && chars < 4096 {
                if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += width(at: i)
                chars += 1
            }
            if !decodes(chunkStart..<i) {
                var j = chunkStart
                var (l, c) = (chunkLine, chunkColumn)
                while j < i {
                    let w = width(at: j)
                    if !decodes(j..<j + w) {
                        let shown = bytes[j..<j + w].map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                        let what = w == 1 ? "byte \(shown) at byte offset \(j - fileStart) is" : "bytes \(shown) at byte offset \(j - fileStart) are"
                        return DecodeFailure(line: l, column: c, message: "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): \(what) not a Shift_JIS character")
                    }
                    if bytes[j] == 0x0A { l += 1; c = 1 } else { c += 1 }
                    j += w
                }
            }
            chunkStart = i
            (chunkLine, chunkColumn) = (line, column)
            chars = 0
        }
        // Every chunk decodes on its own, yet the whole did not: not expected for a stateless
        // encoding, but say so rather than point at a wrong place.
        return DecodeFailure(line: 0, column: 0, message: "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\")")
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
