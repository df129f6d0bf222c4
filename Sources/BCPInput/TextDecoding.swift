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

    // What scenario.json may ask of the simulator (issue 16, item 3): its work grows with the
    // grid-off spans each patient goes through and with the blocks, points and disruptions it
    // scans, so each is bounded (worst cases measured in docs/RELIABILITY.md). A municipality is in
    // one zone at most, so a patient's spans are those of one zone.

    /// Blocks one rolling group has in a zone, after repeat_days: the grid-off spans one customer
    /// can have (TEPCO, March 2011: 2 a day for 15 days, 30; this is four times that).
    public static let maxBlocksPerGroup = 120
    /// Blocks of all groups of a zone, after repeat_days (each patient's zone is scanned for its
    /// group's blocks).
    public static let maxBlocksPerZone = 2_000
    /// Blocks of all zones of a scenario, after repeat_days (62 zones of TEPCO's 150 come to 9,300).
    public static let maxBlocksPerScenario = 10_000
    /// The shortest rolling block (TEPCO's were about 3 hours; load shedding elsewhere 2 to 4).
    public static let minBlockMinutes = 30
    /// Points of one restoration curve (the shipped curves have 8 or fewer).
    public static let maxCurvePoints = 100
    /// Disruptions (provider_out and travel_slowed together).
    public static let maxDisruptions = 1_000
    /// Municipalities and areas named by all zones and disruptions together (a zone listing every
    /// municipality of Japan names about 1,741).
    public static let maxTargets = 5_000

    /// Data rows one CSV table can hold: the record limit less the header line (1,999,999).
    public static var maxDataRows: Int { maxRows - 1 }

    /// Why the loader would refuse a scenario folder of these files for its size, or nil: each
    /// CSV file within `maxFileBytes` and `maxDataRows`, scenario.json within `maxJSONBytes`, the
    /// CSV files together within `maxScenarioBytes`. For writers of scenario folders (`bcpsim
    /// generate`) to refuse what could not be read back, before writing it. Records are counted
    /// as lines, which is exact for files whose fields hold no line break (as a writer's are).
    public static func sizeProblem(scenarioFiles files: [(name: String, text: String)]) -> String? {
        sizeProblem(files, maxFileBytes: maxFileBytes, maxScenarioBytes: maxScenarioBytes, maxJSONBytes: maxJSONBytes, maxRows: maxRows)
    }

    static func sizeProblem(
        _ files: [(name: String, text: String)], maxFileBytes: Int, maxScenarioBytes: Int, maxJSONBytes: Int, maxRows: Int
    ) -> String? {
        var total = 0
        for (name, text) in files {
            let bytes = text.utf8.count
            if name.hasSuffix(".json") {
                if bytes > maxJSONBytes { return "\(name) would be \(bytes) bytes; the limit is \(maxJSONBytes) bytes" }
                continue
            }
            if bytes > maxFileBytes { return "\(name) would be \(bytes) bytes; the limit is \(maxFileBytes) bytes per CSV file" }
            var lines = 0
            for b in text.utf8 where b == 0x0A { lines += 1 }
            if let last = text.utf8.last, last != 0x0A { lines += 1 }
            if lines > maxRows {
                return "\(name) would have \(lines - 1) rows; the limit is \(maxRows - 1) (\(maxRows) records, the header included)"
            }
            total += bytes
            if total > maxScenarioBytes {
                return "the CSV files would come to \(total) bytes with \(name); the limit for all together is \(maxScenarioBytes) bytes"
            }
        }
        return nil
    }
}

public enum TextDecoding {
    /// Which bytes end a line when a failure is located: the CSV reader's (LF, CRLF and a lone
    /// CR, as classic Mac Excel saves) or the JSON parser's (LF only; CR is a space in JSON).
    public enum LineBreaks: Sendable {
        case csv
        case lf
    }

    /// Decodes `data`, dropping a UTF-8 byte order mark. Returns the text and the encoding used,
    /// or a message saying why the bytes are not text in the expected encoding, located by line
    /// and column (in characters) as the reader of the text will count them.
    public static func decode(_ data: Data, as encoding: TextEncoding, lineBreaks: LineBreaks = .csv) -> Result<(String, TextEncoding), DecodeFailure> {
        var bytes = data
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hadBOM = bytes.starts(with: bom)
        if hadBOM { bytes = bytes.dropFirst(3) }
        let crEndsLines = lineBreaks == .csv
        // Over the contiguous bytes, not Data's element-by-element iterator (a third of loading).
        if let nul = bytes.withUnsafeBytes({ raw in raw.firstIndex(of: 0) }).map({ bytes.startIndex + $0 }) {
            let (line, column) = position(of: nul, in: bytes, crEndsLines: crEndsLines)
            return .failure(DecodeFailure(line: line, column: column, message: "file contains a NUL byte: it looks binary, not a CSV text file"))
        }
        switch encoding {
        case .utf8:
            if let s = utf8String(bytes) { return .success((s, .utf8)) }
            let u = firstNonUTF8(bytes, crEndsLines: crEndsLines)
            return .failure(DecodeFailure(line: u.line, column: u.column, message: "file is not valid UTF-8 (\(u.shown) at byte offset \(u.index - data.startIndex))"))
        case .shiftJIS:
            if let s = String(data: Data(bytes), encoding: .shiftJIS) { return .success((s, .shiftJIS)) }
            guard let j = firstNonShiftJIS(bytes, crEndsLines: crEndsLines) else { return .failure(shiftJISUnlocated) }
            let what = j.width == 1 ? "\(j.shown) at byte offset \(j.index - data.startIndex) is" : "\(j.shown) at byte offset \(j.index - data.startIndex) are"
            return .failure(DecodeFailure(line: j.line, column: j.column, message: "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\"): \(what) not a Shift_JIS character"))
        case .auto:
            if let s = utf8String(bytes) { return .success((s, .utf8)) }
            if !hadBOM, let s = String(data: Data(bytes), encoding: .shiftJIS) { return .success((s, .shiftJIS)) }
            // Neither. Point at the failure of the encoding that reads further: a Shift_JIS file
            // with one bad byte on line 20 breaks UTF-8 at its first kanji, on line 2, but the bad
            // byte is on line 20 (issue 16). A byte order mark says UTF-8.
            let u = firstNonUTF8(bytes, crEndsLines: crEndsLines)
            if !hadBOM, let j = firstNonShiftJIS(bytes, crEndsLines: crEndsLines), j.index > u.index {
                return .failure(DecodeFailure(line: j.line, column: j.column, message: "file is not valid Shift_JIS (\(j.shown) at byte offset \(j.index - data.startIndex)) and not UTF-8 either; save it as \"CSV UTF-8\" from Excel"))
            }
            return .failure(DecodeFailure(line: u.line, column: u.column, message: "file is not valid UTF-8 (\(u.shown) at byte offset \(u.index - data.startIndex)) and not Shift_JIS either; save it as \"CSV UTF-8\" from Excel"))
        }
    }

    /// The bytes as a String if they are valid UTF-8, validated in one pass over contiguous memory.
    static func utf8String(_ bytes: Data) -> String? {
        bytes.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) }
    }

    public struct DecodeFailure: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Where a decoding breaks: the index of the first bad byte in the bytes given, its line and
    /// column (in characters), and the bytes shown as `byte 0xFF` or `bytes 0x85 0x40`.
    struct BadBytes {
        var index: Data.Index
        var line: Int
        var column: Int
        var width: Int
        var shown: String
    }

    /// Every chunk decodes on its own, yet the whole did not: not expected for a stateless
    /// encoding, but say so rather than point at a wrong place.
    static let shiftJISUnlocated = DecodeFailure(line: 0, column: 0, message: "file is not valid Shift_JIS text (declared \"encoding\": \"shift_jis\")")

    static func show(_ bytes: some Collection<UInt8>) -> String {
        (bytes.count == 1 ? "byte " : "bytes ") + bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }

    /// The first byte where UTF-8 decoding breaks (the text is known not to be valid UTF-8).
    static func firstNonUTF8(_ bytes: Data, crEndsLines: Bool) -> BadBytes {
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
        let (line, column) = position(of: valid, in: bytes, crEndsLines: crEndsLines)
        return BadBytes(index: valid, line: line, column: column, width: 1, shown: show([bytes[valid]]))
    }

    /// Locates the first character that is not Shift_JIS (CP932). A lead byte (0x81-0x9F,
    /// 0xE0-0xFC) and the byte after it form one character; neither LF nor CR is ever a trail
    /// byte, so lines and columns (in characters) can be counted while scanning. The text is
    /// decoded in chunks of characters, and only the first chunk that fails is decoded character
    /// by character. Nil if no single character fails (see `shiftJISUnlocated`).
    static func firstNonShiftJIS(_ bytes: Data, crEndsLines: Bool) -> BadBytes? {
        func isLead(_ b: UInt8) -> Bool { (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) }
        func width(at i: Data.Index) -> Int { isLead(bytes[i]) && i + 1 < bytes.endIndex ? 2 : 1 }
        func decodes(_ r: Range<Data.Index>) -> Bool { String(data: Data(bytes[r]), encoding: .shiftJIS) != nil }
        var counter = LineCounter(crEndsLines: crEndsLines)
        var chunkStart = bytes.startIndex
        var chunkCounter = counter
        var i = bytes.startIndex, chars = 0
        while chunkStart < bytes.endIndex {
            // Scan one chunk of up to 4096 characters.
            while i < bytes.endIndex && chars < 4096 {
                counter.advance(over: bytes[i], next: i + 1 < bytes.endIndex ? bytes[i + 1] : nil)
                i += width(at: i)
                chars += 1
            }
            if !decodes(chunkStart..<i) {
                var j = chunkStart
                var c = chunkCounter
                while j < i {
                    let w = width(at: j)
                    if !decodes(j..<j + w) {
                        return BadBytes(index: j, line: c.line, column: c.column, width: w, shown: show(bytes[j..<j + w]))
                    }
                    c.advance(over: bytes[j], next: j + 1 < bytes.endIndex ? bytes[j + 1] : nil)
                    j += w
                }
            }
            chunkStart = i
            chunkCounter = counter
            chars = 0
        }
        return nil
    }

    /// Counts lines and columns character by character: `advance` is called with the first
    /// byte of each character (and the byte after it, to see CRLF as one line end).
    struct LineCounter {
        let crEndsLines: Bool
        var line = 1
        var column = 1
        init(crEndsLines: Bool) { self.crEndsLines = crEndsLines }
        mutating func advance(over b: UInt8, next: UInt8?) {
            if b == 0x0A || (crEndsLines && b == 0x0D && next != 0x0A) {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }

    /// Line and column (in characters) of the byte at `index` of UTF-8 text.
    private static func position(of index: Data.Index, in bytes: Data, crEndsLines: Bool) -> (Int, Int) {
        var counter = LineCounter(crEndsLines: crEndsLines)
        var i = bytes.startIndex
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { counter.advance(over: bytes[i], next: i + 1 < bytes.endIndex ? bytes[i + 1] : nil) }
            i += 1
        }
        return (counter.line, counter.column)
    }
}
