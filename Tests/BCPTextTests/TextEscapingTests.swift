import XCTest
@testable import BCPText

final class TextEscapingTests: XCTestCase {
    func testJSONString() {
        XCTAssertEqual(TextEscaping.jsonString("千代田区"), "\"千代田区\"")
        XCTAssertEqual(TextEscaping.jsonString("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(TextEscaping.jsonString("l1\nl2\r\t"), "\"l1\\nl2\\r\\t\"")
        // U+0001 -> \u0001; U+2028 -> \u2028 (a line end in JavaScript).
        XCTAssertEqual(TextEscaping.jsonString("\u{01}\u{2028}"), "\"\\u0001\\u2028\"")
        // The byte scan that skips escaping: a symbol starting with 0xE2 (an arrow) goes the slow
        // way and is kept; U+2029 alone is escaped; a plain id is quoted as it is.
        XCTAssertEqual(TextEscaping.jsonString("10⁄10 → 1⁄2"), "\"10⁄10 → 1⁄2\"")
        XCTAssertEqual(TextEscaping.jsonString("\u{2029}"), "\"\\u2029\"")
        XCTAssertEqual(TextEscaping.jsonString("P131016-00001"), "\"P131016-00001\"")
        XCTAssertEqual(TextEscaping.jsonString(""), "\"\"")
    }

    func testCSVField() {
        XCTAssertEqual(TextEscaping.csvField("plain"), "plain")
        XCTAssertEqual(TextEscaping.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(TextEscaping.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(TextEscaping.csvField("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(TextEscaping.csvField(" padded"), "\" padded\"")
        XCTAssertEqual(TextEscaping.csvField(""), "")
    }
}

/// Control characters in text printed on a terminal line (issue 16, item 8).
final class TerminalSafeTests: XCTestCase {
    func testPlainTextAndJapaneseAreKept() {
        for s in ["", "patients.csv:2:1: error: id: invalid id", "区中央部 / 千代田区", "a\\nb (a backslash and n)", "\u{A0}\u{3000}é"] {
            XCTAssertEqual(TextEscaping.terminalSafe(s), s)
        }
    }

    func testLineEndsAndTabsAreNamed() {
        XCTAssertEqual(TextEscaping.terminalSafe("x\nscenario.json:1:1: error: forged"), "x\\nscenario.json:1:1: error: forged")
        XCTAssertEqual(TextEscaping.terminalSafe("a\r\nb\tc"), "a\\r\\nb\\tc")
    }

    func testOtherControlsAreShownInHex() {
        // ESC [ 2 J (clear screen), an OSC that retitles the window, NUL, DEL.
        XCTAssertEqual(TextEscaping.terminalSafe("\u{1B}[2J"), "\\u{1B}[2J")
        XCTAssertEqual(TextEscaping.terminalSafe("\u{1B}]0;pwned\u{07}"), "\\u{1B}]0;pwned\\u{07}")
        XCTAssertEqual(TextEscaping.terminalSafe("a\u{0}b\u{7F}"), "a\\u{00}b\\u{7F}")
        // C1: U+0085 (next line), U+009B (a one-character CSI), U+009F; just past: U+00A0 is kept.
        XCTAssertEqual(TextEscaping.terminalSafe("\u{85}\u{9B}31m\u{9F}\u{A0}"), "\\u{85}\\u{9B}31m\\u{9F}\u{A0}")
        // Line and paragraph separators end lines in some terminals and editors.
        XCTAssertEqual(TextEscaping.terminalSafe("a\u{2028}b\u{2029}"), "a\\u{2028}b\\u{2029}")
    }

    /// Issue 16, item 8: a right-to-left override in a name reorders the rest of the line on
    /// screen ("Trojan Source"); the embeddings, overrides, isolates and marks are shown as escapes.
    func testBidirectionalControlsAreShownInHex() {
        XCTAssertEqual(TextEscaping.terminalSafe("id \u{202E}vsc.exe\u{202C}"), "id \\u{202E}vsc.exe\\u{202C}")
        XCTAssertEqual(TextEscaping.terminalSafe("\u{2066}a\u{2069}\u{200F}"), "\\u{2066}a\\u{2069}\\u{200F}")
        // Arabic and Hebrew letters themselves are kept.
        XCTAssertEqual(TextEscaping.terminalSafe("שלום مرحبا"), "שלום مرحبا")
    }

    func testDocumentsKeepTheirLinesAndColumns() {
        // Markdown and CSV (CRLF) on a terminal: line ends and tabs kept, other controls escaped.
        XCTAssertEqual(TextEscaping.terminalSafeText("a,b\r\n1,2\r\n| x\t|\n"), "a,b\r\n1,2\r\n| x\t|\n")
        XCTAssertEqual(TextEscaping.terminalSafeText("name\u{1B}[2J\rforged\n"), "name\\u{1B}[2J\\rforged\n")
        XCTAssertEqual(TextEscaping.terminalSafeText("東京都 計\n"), "東京都 計\n")
        XCTAssertEqual(TextEscaping.terminalSafeText("end\r"), "end\\r")
    }

    func testEveryEscapedScalarIsInTheStatedRanges() {
        // Exhaustive over the first 0x3000 scalars: escaped exactly when C0, DEL, C1, U+2028/9 or
        // a bidirectional formatting character, and no escaped result holds a control character.
        let bidi: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for v in UInt32(0)..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            let expected = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || bidi.contains(v)
            XCTAssertEqual(TextEscaping.needsTerminalEscape(u), expected, "U+\(String(v, radix: 16))")
            let out = TextEscaping.terminalSafe(String(Character(u)))
            XCTAssertFalse(out.unicodeScalars.contains(where: TextEscaping.needsTerminalEscape), "U+\(String(v, radix: 16))")
            XCTAssertEqual(out != String(Character(u)), expected, "U+\(String(v, radix: 16))")
        }
    }
}

/// Arguments that are not UTF-8 (issue 16, item 12): `--out` given such a name wrote a folder
/// named with U+FFFD; they are refused, naming the argument with its bad bytes shown.
final class CommandLineTextTests: XCTestCase {
    private let tail = " is not valid UTF-8; bcpsim reads file and folder names as UTF-8 text, so it cannot use this name as it is: rename the file or folder, or choose a UTF-8 name"

    func testUTF8ArgumentsPassUnchanged() {
        let args = ["generate", "--out", "出力", "--patients", "10", ""]
        XCTAssertEqual(try CommandLineText.decode(args.map { Array($0.utf8) }).get(), args)
    }

    func testTheValueOfAnOptionIsNamedByItsOption() {
        // "g" then 0xFF, which is never UTF-8.
        let r = CommandLineText.decode([Array("generate".utf8), Array("--out".utf8), [0x67, 0xFF]])
        XCTAssertEqual(r, .failure(.init(index: 3, message: "the value of --out (\"g\\x{FF}\")" + tail)))
    }

    func testOtherArgumentsAreNamedByTheirPlace() {
        // Latin-1 café: 0xE9 starts a three-byte sequence that "/" does not continue.
        let r = CommandLineText.decode([Array("validate".utf8), Array("caf".utf8) + [0xE9] + Array("/x".utf8)])
        XCTAssertEqual(r, .failure(.init(index: 2, message: "argument 2 (\"caf\\x{E9}/x\")" + tail)))
        // --out=NAME is one argument: named by its place too.
        let s = CommandLineText.decode([Array("--out=".utf8) + [0x80]])
        XCTAssertEqual(s, .failure(.init(index: 1, message: "argument 1 (\"--out=\\x{80}\")" + tail)))
    }

    func testBadBytesAreShownAndGoodCharactersKept() {
        // あ (E3 81 82) whole; あ cut short (E3 81); an overlong slash (C0 AF); ESC escaped; a
        // lone continuation byte.
        XCTAssertEqual(CommandLineText.showing([0xE3, 0x81, 0x82, 0xE3, 0x81, 0x2F, 0xC0, 0xAF, 0x1B, 0x80]), "あ\\x{E3}\\x{81}/\\x{C0}\\x{AF}\\u{1B}\\x{80}")
        XCTAssertEqual(CommandLineText.showing([]), "")
    }
}
