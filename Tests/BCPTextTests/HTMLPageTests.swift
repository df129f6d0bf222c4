import XCTest
@testable import BCPText

final class HTMLPageTests: XCTestCase {
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

    /// Japanese headers break only at a phrase's end: after hiragana, before an opening bracket.
    func testHeadersBreakAtPhrases() {
        XCTAssertEqual(escapeHTMLHeader("許容時間を超えた患者"), "許容時間を<wbr>超えた<wbr>患者")
        XCTAssertEqual(escapeHTMLHeader("電源なし（時間）"), "電源なし<wbr>（時間）")
        XCTAssertEqual(escapeHTMLHeader("把握までの平均（分）"), "把握までの<wbr>平均<wbr>（分）")
        // No break before a small kana or a closing bracket, none in English; markup escaped.
        XCTAssertEqual(escapeHTMLHeader("ちょっと（x）"), "ちょっと<wbr>（x）")
        XCTAssertEqual(escapeHTMLHeader("Minutes without power <b>"), "Minutes without power &lt;b&gt;")
        var page = HTMLPage(title: "t", lang: .ja)
        page.table(TextTable(headers: ["自前で充足"]))
        XCTAssertTrue(page.render().contains("<th scope=\"col\">自前で<wbr>充足</th>"))
        XCTAssertTrue(page.render().contains("th{word-break:keep-all}"))
    }
}
