import XCTest
@testable import BCPInput

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, _ configure: (inout CSVReader) -> Void = { _ in }) -> Result<[CSVRecord], CSVReader.Failure> {
        var reader = CSVReader()
        configure(&reader)
        return reader.records(text)
    }

    private func records(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [CSVRecord] {
        switch read(text) {
        case .success(let r): return r
        case .failure(let f):
            XCTFail("unexpected failure \(f)", file: file, line: line)
            return []
        }
    }

    private func failure(_ text: String, _ configure: (inout CSVReader) -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line) -> CSVReader.Failure? {
        switch read(text, configure) {
        case .success(let r):
            XCTFail("expected a failure, read \(r.map(\.fields))", file: file, line: line)
            return nil
        case .failure(let f): return f
        }
    }

    private func pos(_ line: Int, _ column: Int) -> CSVRecord.Position { CSVRecord.Position(line: line, column: column) }

    func testPlainFieldsAndPositions() {
        let r = records("id,name\nP1,Chiyoda\n")
        XCTAssertEqual(r.map(\.fields), [["id", "name"], ["P1", "Chiyoda"]])
        XCTAssertEqual(r.map(\.line), [1, 2])
        // "P1," is three characters, so the second field starts at column 4.
        XCTAssertEqual(r[1].positions, [pos(2, 1), pos(2, 4)])
    }

    func testQuotedFieldsHoldCommasDoubledQuotesAndNewlines() {
        let r = records("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",e\nnext,row,x,y,z\n")
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(r[0].fields, ["a", "b,c", "say \"hi\"", "two\nlines", "e"])
        // Columns: a=1, ","=2, "b,c" is 3-7, ","=8, "say ""hi""" is 9-20 (12 characters), ","=21,
        // "two starts at 22; the next line is lines", (1-7) so e is at column 8 of line 2.
        XCTAssertEqual(r[0].positions, [pos(1, 1), pos(1, 3), pos(1, 9), pos(1, 22), pos(2, 8)])
        // The record after a field spanning two lines starts on line 3.
        XCTAssertEqual(r[1].line, 3)
        XCTAssertEqual(r[1].fields, ["next", "row", "x", "y", "z"])
    }

    func testCRLFEndsRecordsAndIsKeptInsideQuotes() {
        let r = records("a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n")
        XCTAssertEqual(r.map(\.fields), [["a", "b"], ["c", "d\r\ne"], ["f", "g"]])
        XCTAssertEqual(r.map(\.line), [1, 2, 4])
    }

    func testLoneCREndsARecord() {
        // Old Mac-style line ends.
        let r = records("a,b\rc,d\re,f")
        XCTAssertEqual(r.map(\.fields), [["a", "b"], ["c", "d"], ["e", "f"]])
        XCTAssertEqual(r.map(\.line), [1, 2, 3])
    }

    func testEmptyLinesAreSkippedButCounted() {
        let r = records("\nh1,h2\n\n\r\n1,2\n\n")
        XCTAssertEqual(r.map(\.fields), [["h1", "h2"], ["1", "2"]])
        XCTAssertEqual(r.map(\.line), [2, 5])
    }

    func testAQuotedEmptyFieldIsARecordNotABlankLine() {
        let r = records("\"\"\nx\n")
        XCTAssertEqual(r.map(\.fields), [[""], ["x"]])
    }

    func testTrailingDelimiterGivesAnEmptyLastField() {
        XCTAssertEqual(records("a,b,\n1,2,\n").map(\.fields), [["a", "b", ""], ["1", "2", ""]])
        // Also at the very end of a file without a final newline.
        XCTAssertEqual(records("a,b,").map(\.fields), [["a", "b", ""]])
    }

    func testLastRecordWithoutNewline() {
        XCTAssertEqual(records("a,b\n1,\"2\"").map(\.fields), [["a", "b"], ["1", "2"]])
    }

    func testMultiByteTextCountsColumnsInCharacters() {
        let r = records("千代田区,131016\n")
        XCTAssertEqual(r[0].positions, [pos(1, 1), pos(1, 6)])
    }

    func testUnterminatedQuoteIsLocatedAtItsOpening() {
        // The quote opens on line 2, column 3 ("c," is two characters) and runs to the end.
        let f = failure("a,b\nc,\"de\nf,g\nh,i\n")
        XCTAssertEqual(f?.line, 2)
        XCTAssertEqual(f?.column, 3)
        XCTAssertEqual(f?.message, "quoted field is never closed (the file may be truncated)")
    }

    func testQuoteInsideAnUnquotedFieldIsAnError() {
        // 5"6 on line 2: the quote is the second character.
        let f = failure("a\n5\"6\n")
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [2, 2])
        XCTAssertEqual(f?.message, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
    }

    func testTextAfterAClosingQuoteIsAnError() {
        // x,"ab"c: x=1 ","=2 "=3 a=4 b=5 "=6, so the c after the closing quote is column 7.
        let f = failure("x,\"ab\"c\n")
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [1, 7])
        XCTAssertEqual(f?.message.hasPrefix("unexpected character after a closing quote"), true)
    }

    func testFieldTooLongIsLocatedAtTheFieldStart() {
        let f = failure("ok,abcdef\n") { $0.maxFieldLength = 5 }
        XCTAssertEqual(f.map { [$0.line, $0.column] }, [1, 4])
        XCTAssertEqual(f?.message, "field longer than 5 characters")
        // A quote opened and not closed on its line: the rest reads as one long quoted field.
        let q = failure("ok,\"abc\nde,f\n") { $0.maxFieldLength = 5 }
        XCTAssertEqual(q.map { [$0.line, $0.column] }, [1, 4])
        XCTAssertEqual(q?.message, "quoted field not closed within 5 characters: check for a missing closing quote (a quoted field holds at most 5 characters)")
        // Exactly the limit is accepted.
        if case .failure(let e) = read("ok,abcde\n", { $0.maxFieldLength = 5 }) { XCTFail("\(e)") }
        // A quoted field counts its content, not its quotes.
        if case .failure(let e) = read("\"abcde\"\n", { $0.maxFieldLength = 5 }) { XCTFail("\(e)") }
        XCTAssertNotNil(failure("\"ab\ncdef\"\n") { $0.maxFieldLength = 5 })
    }

    func testTooManyRowsWithOrWithoutFinalNewline() {
        // Two rows allowed; a third is refused whether or not the file ends with a newline.
        XCTAssertEqual(failure("a\nb\nc\n") { $0.maxRows = 2 }?.message, "too many rows: at most 2 are read")
        XCTAssertEqual(failure("a\nb\nc") { $0.maxRows = 2 }?.message, "too many rows: at most 2 are read")
        if case .failure(let e) = read("a\nb", { $0.maxRows = 2 }) { XCTFail("\(e)") }
    }
}
