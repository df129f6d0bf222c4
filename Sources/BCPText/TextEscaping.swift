/// How text is written into the formats bcpsim produces. One implementation for every writer
/// (results, scenario files, reports, the registry), so that a string comes out the same everywhere.
public enum TextEscaping {
    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped, and
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else, Japanese included, as is.
    public static func jsonString(_ s: String) -> String {
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
    /// instead of acting. C0 controls (U+0000-U+001F), DEL (U+007F), C1 controls (U+0080-U+009F)
    /// and the Unicode line and paragraph separators (U+2028, U+2029) become `\n`, `\r`, `\t` or
    /// `\u{1B}` (hex, at least two digits); everything else, Japanese included, is kept. So a
    /// name or id read from a file cannot end the line and forge another (`file:1:1: error: ...`),
    /// move the cursor, retitle the window (ESC, OSC) or cut the text short (NUL). A backslash is
    /// kept as it is: the result is for reading, not for parsing back.
    public static func terminalSafe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsTerminalEscape) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard needsTerminalEscape(u) else {
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
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }
}
