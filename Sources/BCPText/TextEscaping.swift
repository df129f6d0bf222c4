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
}
