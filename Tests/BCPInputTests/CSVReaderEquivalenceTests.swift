import BCPEngine
@testable import BCPInput
import XCTest

/// The byte-level reader (issue 18) against the reader it replaced, which walked Unicode scalars
/// and built each field a scalar at a time: the same records, positions and errors on random
/// texts made of the characters that matter (commas, quotes, CR, LF, multi-byte Japanese, the
/// ideographic space, letters), with small limits so that the limit errors are reached too.
final class CSVReaderEquivalenceTests: XCTestCase {
    func testTheByteReaderMatchesTheScalarReader() {
        let alphabet: [String] = [",", "\"", "\r", "\n", "\r\n", "a", "1", "あ", "\u{3000}", " ", "東京", "\"\"", "é"]
        var g = Xoshiro256StarStar(seed: 18)
        var failures = 0, successes = 0
        for k in 0..<4_000 {
            var text = ""
            for _ in 0..<Int(g.next(below: 40)) { text += alphabet[Int(g.next(below: UInt64(alphabet.count)))] }
            var reader = CSVReader()
            if k % 3 == 0 {
                reader.maxFieldLength = 4
                reader.maxFields = 3
                reader.maxRows = 2
            }
            let reference = ScalarReader(limits: reader)
            let a = reader.records(text), b = reference.records(text)
            XCTAssertEqual(a, b, "text \(text.debugDescription)")
            if case .failure = b { failures += 1 } else { successes += 1 }
        }
        // Both outcomes are exercised.
        XCTAssertGreaterThan(failures, 500)
        XCTAssertGreaterThan(successes, 500)
    }
}

/// The scalar reader as it was before issue 18 (the oracle).
struct ScalarReader {
    var maxFieldLength: Int
    var maxRows: Int
    var maxFields: Int
    init(limits r: CSVReader) {
        maxFieldLength = r.maxFieldLength
        maxRows = r.maxRows
        maxFields = r.maxFields
    }

    func records(_ text: String) -> Result<[CSVRecord], CSVReader.Failure> {
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
                            return .failure(CSVReader.Failure(line: fieldStart.line, column: fieldStart.column, message: CSVReader.tooLongMessage(maxFieldLength, quoted: true)))
                        }
                        continue
                    }
                    inQuotes = false
                    scalars.formIndex(after: &i); column += 1
                    if i < scalars.endIndex, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[i]) {
                        return .failure(CSVReader.Failure(line: line, column: column, message: "unexpected character after a closing quote; a quote inside a quoted field is written as two quotes (\"\")"))
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
                    return .failure(CSVReader.Failure(line: line, column: column, message: "too many fields in one record: at most \(maxFields) are read"))
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
                        return .failure(CSVReader.Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read"))
                    }
                }
                fields = []; positions = []
                atFieldStart = true
                scalars.formIndex(after: &i); line += 1; column = 1
            } else {
                if c == "\"" {
                    return .failure(CSVReader.Failure(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")"))
                }
                field.append(c); fieldLength += 1
                scalars.formIndex(after: &i); column += 1
            }
            if fieldLength > maxFieldLength {
                return .failure(CSVReader.Failure(line: fieldStart.line, column: fieldStart.column, message: CSVReader.tooLongMessage(maxFieldLength, quoted: inQuotes)))
            }
        }
        if inQuotes {
            return .failure(CSVReader.Failure(line: quoteOpen.line, column: quoteOpen.column, message: "quoted field is never closed (the file may be truncated)"))
        }
        if !(fields.isEmpty && field.isEmpty && !wasQuoted && atFieldStart) {
            endField()
            out.append(CSVRecord(fields: fields, line: recordLine, positions: positions))
            if out.count > maxRows {  // the same limit as for a record ended by a line break
                return .failure(CSVReader.Failure(line: line, column: 1, message: "too many rows: at most \(maxRows) are read"))
            }
        }
        return .success(out)
    }
}
