/// Integer formatting for people: thousands separators and yen. No Foundation formatter, so the
/// output does not depend on the machine's locale.
public enum NumberFormat {
    /// 67549 -> "67,549"; -1234 -> "-1,234".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// With an explicit sign for non-zero values: "+1", "-2", "0" (differences such as held - standard).
    public static func signed(_ n: Int) -> String { n > 0 ? "+" + grouped(n) : grouped(n) }

    /// Yen: "212,000円" in Japanese, "¥212,000" in English.
    public static func yen(_ n: Int, _ lang: Lang) -> String {
        switch lang {
        case .ja: return grouped(n) + "円"
        case .en: return (n < 0 ? "-¥" : "¥") + grouped(abs(n))
        }
    }
}
