import XCTest
@testable import BCPText

final class CSVWriterTests: XCTestCase {
    func testCSVQuotingCRLFAndBOM() {
        var w = CSVWriter(bom: true)
        w.row(texts: ["a", "b,c", "say \"hi\"", "two\nlines", " padded"])
        w.row([.number(-3), .empty, .text("plain")])
        let expected = "\u{FEFF}a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\r\n-3,,plain\r\n"
        XCTAssertEqual(w.text, expected)
        // The BOM is the UTF-8 bytes EF BB BF, which Excel looks for.
        XCTAssertEqual(Array(w.text.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertFalse(CSVWriter().text.hasPrefix("\u{FEFF}"))
        XCTAssertEqual(w.rowCount, 2)
    }

    func testCSVFormulaGuardOnTextOnly() {
        var w = CSVWriter()
        w.row([.text("=SUM(A1:A2)"), .text("+1"), .text("-x"), .text("@cmd"), .text("a=b"), .number(-1)])
        // Text cells that a spreadsheet would evaluate get an apostrophe; numbers are left alone.
        XCTAssertEqual(w.text, "'=SUM(A1:A2),'+1,'-x,'@cmd,a=b,-1\r\n")
        var off = CSVWriter(guardFormulas: false)
        off.row(texts: ["=1"])
        XCTAssertEqual(off.text, "=1\r\n")
    }
}
