import XCTest
@testable import BCPText

final class DocumentTests: XCTestCase {
    func document() -> Document {
        var t = TextTable(headers: ["a", "n"], alignments: [.left, .right])
        t.add(["<x>", "1"])
        return Document(title: "T <1>", lang: .en, css: "<style>p{}</style>", blocks: [
            .heading("H", level: 2), .paragraph("p*"), .note("n"), .notes(["a", "b"]), .list(["i"]), .numbered(["x", "y"]),
            .definitions([("k", "v")]), .table(t, caption: "c"), .chart(svg: "<svg></svg>"), .pageBreak,
        ])
    }

    /// Markdown: the title as `#`, blocks separated by blank lines, markup escaped, charts left out.
    func testMarkdown() {
        XCTAssertEqual(document().markdown(), """
            # T \\<1\\>

            ## H

            p\\*

            > n

            > a
            >
            > b

            - i

            1. x
            2. y

            - **k**: v

            **c**

            | a | n |
            | --- | ---: |
            | \\<x\\> | 1 |

            ---

            """)
    }

    /// HTML: the CSS, then the title as h1, every text escaped; the chart's SVG as given.
    func testHTML() {
        let html = document().html()
        XCTAssertTrue(html.contains("<body>\n<style>p{}</style>\n<h1>T &lt;1&gt;</h1>\n<h2>H</h2>\n<p>p*</p>\n<p class=\"note\">n</p>\n"), html)
        XCTAssertTrue(html.contains("<p class=\"note\">a</p>\n<p class=\"note\">b</p>"))
        XCTAssertTrue(html.contains("<ol>\n<li>x</li>\n<li>y</li>\n</ol>"))
        XCTAssertTrue(html.contains("<caption>c</caption>"))
        XCTAssertTrue(html.contains("<td>&lt;x&gt;</td>"))
        XCTAssertTrue(html.contains("<svg></svg>\n<div class=\"pagebreak\"></div>"))
    }
}
