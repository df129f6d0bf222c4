import XCTest
import BCPText

@testable import BCPReports

final class FormatTests: XCTestCase {
    func testGroupedAndYen() {
        XCTAssertEqual(NumberFormat.grouped(0), "0")
        XCTAssertEqual(NumberFormat.grouped(999), "999")
        XCTAssertEqual(NumberFormat.grouped(1_000), "1,000")
        XCTAssertEqual(NumberFormat.grouped(67_549), "67,549")
        XCTAssertEqual(NumberFormat.grouped(14_034_861), "14,034,861")
        XCTAssertEqual(NumberFormat.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberFormat.signed(3), "+3")
        XCTAssertEqual(NumberFormat.signed(-2), "-2")
        XCTAssertEqual(NumberFormat.signed(0), "0")
        XCTAssertEqual(NumberFormat.yen(212_000, .ja), "212,000円")
        XCTAssertEqual(NumberFormat.yen(212_000, .en), "¥212,000")
        XCTAssertEqual(NumberFormat.yen(-5, .en), "-¥5")
    }

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

    func testTextTableEscapesPipesAndMarkup() {
        var t = TextTable(headers: ["name", "n"], alignments: [.left, .right])
        t.add(["a|b <i>", "1,234"])
        t.add(["Total", "5"], strong: true)
        XCTAssertEqual(
            t.render(),
            "| name | n |\n| --- | ---: |\n| a\\|b \\<i\\> | 1,234 |\n| **Total** | **5** |\n")
    }

    func testEscapeHTML() {
        XCTAssertEqual(escapeHTML("<script>alert('x') & \"y\"</script>"), "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        var page = HTMLPage(title: "<t>", lang: .en)
        var t = TextTable(headers: ["<h>"])
        t.add(["<c>"])
        page.table(t, caption: "<cap>")
        page.paragraph("<x-p>")
        let html = page.render()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("@page{size:A4"))
        for s in ["<t>", "<h>", "<c>", "<cap>", "<x-p>"] { XCTAssertFalse(html.contains(s), s) }
        XCTAssertTrue(html.contains("&lt;c&gt;"))
    }

    func testOrderedJSONKeepsKeyOrderAndEscapes() {
        let j: OrderedJSON = .object([("z", .int(1)), ("a", .array([.int(1), .null])), ("s", .string("\"q\"\n\u{1}東京"))])
        XCTAssertEqual(j.render(), "{\n  \"z\": 1,\n  \"a\": [1, null],\n  \"s\": \"\\\"q\\\"\\n\\u0001東京\"\n}")
    }

    func testLabelTableIsCompleteInBothLanguages() {
        XCTAssertEqual(Labels.incompleteKeys, [], "every label needs both ja and en")
        XCTAssertEqual(Labels.text("no.such.key", .ja), "⟦no.such.key⟧")
        XCTAssertEqual(Labels.text("allocation.col.heldOf", .ja, "発電機"), "発電機 保有台数")
    }

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
