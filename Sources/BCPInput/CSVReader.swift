/// One record of a CSV file with where each field starts, for located errors.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line of the record's first character.
    public var line: Int
    /// 1-based (line, column) of each field's first character.
    public var positions: [Position]

    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }
}

/// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF
/// and lone CR all end a record; blank lines are skipped. Columns are counted in characters.
public struct CSVReader: Sendable {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var maxFieldLength = InputLimits.maxFieldLength
    public var maxRows = InputLimits.maxRows
    public var maxFields = InputLimits.maxFields

    /// The message for a field over the length limit. A quoted field that long is most often a
    /// quote opened and never closed (the rest of the file then reads as one field), so the message
    /// says what to look for.
    public static func tooLongMessage(_ limit: Int, quoted: Bool) -> String {
        quoted
            ? "quoted field not closed within \(limit) characters: check for a missing closing quote (a quoted field holds at most \(limit) characters)"
            : "field longer than \(limit) characters"
    }

    public init() {}

    public func records(_ text: String) -> Result<[CSVRecord], Failure> {
        var text = text
        return text.withUTF8 { records(bytes: $0) }
    }

    /// The reader over the UTF-8 bytes of a valid String (issue 18: a byte loop, each field made
    /// once from its bytes; it was a String built a scalar at a time). Columns and field lengths
    /// count characters (Unicode scalars): every byte that does not continue a UTF-8 sequence.
    func records(bytes b: UnsafeBufferPointer<UInt8>) -> Result<[CSVRecord], Failure> {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        @inline(__always) func starts(_ c: UInt8) -> Bool { c & 0xC0 != 0x80 }
        var out: [CSVRecord] = []
        var fields: [String] = []
        var positions: [CSVRecord.Position] = []
        var line = 1, column = 1
        var recordLine = 1
        var fieldStart = CSVRecord.Position(line: 1, column: 1)
        let n = b.count
        var i = 0
        var value: [UInt8] = []
        func tooLong(_ at: CSVRecord.Position, quoted: Bool = false) -> Failure {
            Failure(line: at.line, column: at.column, message: CSVReader.tooLongMessage(maxFieldLength, quoted: quoted))
        }
        while i < n {
            // A field starts at byte i.
            fieldStart = CSVRecord.Position(line: line, column: column)
            if fields.isEmpty { recordLine = line }
            let field: String
            let wasQuoted: Bool
            if b[i] == quote {
                let quoteOpen = fieldStart
                i += 1; column += 1
                value.removeAll(keepingCapacity: true)
                var length = 0, segment = i, closed = false
                while i < n {
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n && b[i + 1] == quote {
                            value.append(contentsOf: b[segment...i])  // the text and one quote
                            i += 2; column += 2; length += 1
                            segment = i
                            if length > maxFieldLength { return .failure(tooLong(fieldStart, quoted: true)) }
                            continue
                        }
                        value.append(contentsOf: b[segment..<i])
                        i += 1; column += 1
                        closed = true
                        break
                    }
                    if starts(c) { length += 1 }
                    if c == lf {
                        line += 1; column = 1
                    } else if c == cr {
                        if i + 1 < n && b[i + 1] == lf { i += 1; length += 1 }
                        line += 1; column = 1
                    } else if starts(c) {
                        column += 1
                    }
                    i += 1
                    if length > maxFieldLength { return .failure(tooLong(fieldStart, quoted: true)) }
                }
                if !closed {
                    return .failure(Failure(line: quoteOpen.line, column: quoteOpen.column, message: "quoted field is never closed (the file may be truncated)"))
                }
                if i < n && b[i] != comma && b[i] != lf && b[i] != cr {
                    return .failure(Failure(line: line, column: column, message: "unexpected character after a closing quote; a quote inside a quoted field is written as two quotes (\"\")"))
                }
                field = String(decoding: value, as: UTF8.self)
                wasQuoted = true
            } else {
                let start = i
                var length = 0
                while i < n {
                    let c = b[i]
                    if c == comma || c == lf || c == cr { break }
                    if c == quote {
                        return .failure(Failure(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")"))
                    }
                    if starts(c) {
                        column += 1; length += 1
                        if length > maxFieldLength { return .failure(tooLong(fieldStart)) }
                    }
                    i += 1
                }
                field = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                wasQuoted = false
            }
            if i >= n {
                // The input ends inside this record's last field.
                fields.append(field); positions.append(fieldStart)
                out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
                if out.count > maxRows { return .failure(Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read")) }
                return .success(out)
            }
            if b[i] == comma {
                fields.append(field); positions.append(fieldStart)
                if fields.count >= maxFields {
                    return .failure(Failure(line: line, column: column, message: "too many fields in one record: at most \(maxFields) are read"))
                }
                i += 1; column += 1
                if i >= n {
                    // A comma ends the input: one more, empty field (placed where the last began).
                    fields.append(""); positions.append(fieldStart)
                    out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
                    if out.count > maxRows { return .failure(Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read")) }
                    return .success(out)
                }
                continue
            }
            // A line break (CRLF, LF or a lone CR) ends the record; a blank line is skipped.
            if !(fields.isEmpty && field.isEmpty && !wasQuoted) {
                fields.append(field); positions.append(fieldStart)
                out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
                if out.count > maxRows { return .failure(Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read")) }
            }
            fields = []; positions = []
            if b[i] == cr && i + 1 < n && b[i + 1] == lf { i += 1 }
            i += 1; line += 1; column = 1
        }
        return .success(out)
    }
}
