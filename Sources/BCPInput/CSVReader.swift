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

    public init() {}

    public func records(_ text: String) -> Result<[CSVRecord], Failure> {
        var out: [CSVRecord] = []
        var fields: [String] = []
        var positions: [CSVRecord.Position] = []
        var field = String.UnicodeScalarView()
        var fieldLength = 0
        var line = 1, column = 1
        var fieldStart = CSVRecord.Position(line: 1, column: 1)
        var recordLine = 1
        var inQuotes = false, wasQuoted = false, atFieldStart = true
        var quoteOpen = CSVRecord.Position(line: 1, column: 1)
        // Walk the scalars in place (an Array of them would take 4 bytes per character).
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        func after(_ j: String.UnicodeScalarView.Index) -> Unicode.Scalar? {
            let k = scalars.index(after: j)
            return k < scalars.endIndex ? scalars[k] : nil
        }

        func endField() {
            // `field` is ended by a comma or a line break; a record may hold at most `maxFields`.
            fields.append(String(field))
            positions.append(fieldStart)
            field = String.UnicodeScalarView()
            fieldLength = 0
            wasQuoted = false
            atFieldStart = true
        }

        while i < scalars.endIndex {
            let c = scalars[i]
            if atFieldStart {
                fieldStart = CSVRecord.Position(line: line, column: column)
                if fields.isEmpty { recordLine = line }
                atFieldStart = false
                if c == "\"" {
                    inQuotes = true
                    wasQuoted = true
                    quoteOpen = fieldStart
                    scalars.formIndex(after: &i); column += 1
                    continue
                }
            }
            if inQuotes {
                if c == "\"" {
                    if after(i) == "\"" {
                        field.append("\""); fieldLength += 1
                        scalars.formIndex(after: &i); scalars.formIndex(after: &i); column += 2
                        if fieldLength > maxFieldLength {  // checked here too: `continue` skips the check below
                            return .failure(Failure(line: fieldStart.line, column: fieldStart.column, message: "field longer than \(maxFieldLength) characters"))
                        }
                        continue
                    }
                    inQuotes = false
                    scalars.formIndex(after: &i); column += 1
                    if i < scalars.endIndex, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[i]) {
                        return .failure(Failure(line: line, column: column, message: "unexpected character after a closing quote; a quote inside a quoted field is written as two quotes (\"\")"))
                    }
                    continue
                }
                field.append(c); fieldLength += 1
                if c == "\n" { line += 1; column = 1 } else if c == "\r" {
                    if after(i) == "\n" { field.append("\n"); fieldLength += 1; scalars.formIndex(after: &i) }
                    line += 1; column = 1
                } else { column += 1 }
                scalars.formIndex(after: &i)
            } else if c == "," {
                endField()
                if fields.count >= maxFields {
                    return .failure(Failure(line: line, column: column, message: "too many fields in one record: at most \(maxFields) are read"))
                }
                atFieldStart = true
                scalars.formIndex(after: &i); column += 1
            } else if c == "\n" || c == "\r" {
                if c == "\r" && after(i) == "\n" { scalars.formIndex(after: &i) }
                let blank = fields.isEmpty && field.isEmpty && !wasQuoted
                if !blank {
                    endField()
                    out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
                    if out.count > maxRows {
                        return .failure(Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read"))
                    }
                }
                fields = []; positions = []
                atFieldStart = true
                scalars.formIndex(after: &i); line += 1; column = 1
            } else {
                if c == "\"" {
                    return .failure(Failure(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")"))
                }
                field.append(c); fieldLength += 1
                scalars.formIndex(after: &i); column += 1
            }
            if fieldLength > maxFieldLength {
                return .failure(Failure(line: fieldStart.line, column: fieldStart.column, message: "field longer than \(maxFieldLength) characters"))
            }
        }
        if inQuotes {
            return .failure(Failure(line: quoteOpen.line, column: quoteOpen.column, message: "quoted field is never closed (the file may be truncated)"))
        }
        if !(fields.isEmpty && field.isEmpty && !wasQuoted && atFieldStart) {
            endField()
            out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
            if out.count > maxRows {  // the same limit as for a record ended by a line break
                return .failure(Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read"))
            }
        }
        return .success(out)
    }
}
