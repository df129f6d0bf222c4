/// How text is written into the formats bcpsim produces. One implementation for every writer
/// (results, scenario files, reports, the registry), so that a string comes out the same everywhere.
public enum TextEscaping {
    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped, and
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else, Japanese included, as is.
    public static func jsonString(_ s: String) -> String {
        // Most strings (ids, codes, names) need no escape: one pass over the bytes, one copy.
        // 0xE2 starts U+2028 and U+2029 (and other symbols, which take the slow path).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u == "\u{2028}" || u == "\u{2029}" {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// `s` as one RFC 4180 CSV field: quoted (quotes doubled) when it holds a comma, quote, CR or
    /// LF, or has leading or trailing spaces that a reader might trim.
    public static func csvField(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needsQuotes else { return s }
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
        }
        return out + "\""
    }

    /// `s` made safe to print on a terminal line: every control character is shown as an escape
    /// instead of acting. C0 controls (U+0000-U+001F), DEL (U+007F), C1 controls (U+0080-U+009F),
    /// the Unicode line and paragraph separators (U+2028, U+2029) and the bidirectional formatting
    /// characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) become `\n`, `\r`, `\t`
    /// or `\u{1B}` (hex, at least two digits); everything else, Japanese included, is kept. So a
    /// name or id read from a file cannot end the line and forge another (`file:1:1: error: ...`),
    /// move the cursor, retitle the window (ESC, OSC), cut the text short (NUL) or show the rest
    /// of the line in another order than it is written (a right-to-left override, "Trojan
    /// Source"). A backslash is kept as it is: the result is for reading, not for parsing back.
    public static func terminalSafe(_ s: String) -> String { escaped(s, keepingLineBreaks: false) }

    /// Text of several lines, such as a Markdown, CSV or HTML document printed on a terminal: as
    /// `terminalSafe`, but line feeds, CR LF pairs and tabs are kept, so the document keeps its
    /// lines and columns. A CR that does not end a line (it would let the rest overwrite the line
    /// on screen) is escaped.
    public static func terminalSafeText(_ s: String) -> String { escaped(s, keepingLineBreaks: true) }

    static func escaped(_ s: String, keepingLineBreaks: Bool) -> String {
        let scalars = s.unicodeScalars
        func kept(_ i: String.UnicodeScalarView.Index) -> Bool {
            let u = scalars[i]
            guard keepingLineBreaks else { return false }
            if u == "\n" || u == "\t" { return true }
            if u == "\r" {
                let next = scalars.index(after: i)
                return next < scalars.endIndex && scalars[next] == "\n"
            }
            return false
        }
        var i = scalars.startIndex
        var needed = false
        while i < scalars.endIndex {
            if needsTerminalEscape(scalars[i]) && !kept(i) {
                needed = true
                break
            }
            i = scalars.index(after: i)
        }
        guard needed else { return s }
        var out = String.UnicodeScalarView()
        i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            defer { i = scalars.index(after: i) }
            guard needsTerminalEscape(u), !kept(i) else {
                out.append(u)
                continue
            }
            let escaped: String
            switch u {
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default:
                let h = String(u.value, radix: 16, uppercase: true)
                escaped = "\\u{" + (h.count < 2 ? "0" + h : h) + "}"
            }
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }

    /// Whether `terminalSafe` escapes `u`.
    public static func needsTerminalEscape(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        return v == 0x2028 || v == 0x2029 || isBidiControl(v)
    }

    /// The bidirectional formatting characters: the Arabic letter mark, the left-to-right and
    /// right-to-left marks, the embeddings and overrides (U+202A-U+202E) and the isolates
    /// (U+2066-U+2069). Invisible, they reorder what follows them on screen.
    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
