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
}
