/// Integer formatting for people: thousands separators, yen, hours and days. No Foundation
/// formatter, so the output does not depend on the machine's locale. The one home of
/// minutes-to-hours: every report, table and terminal line uses `hours(_:)`.
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
    public static func yen(_ n: Int, _ lang: Language) -> String {
        switch lang {
        case .ja: return grouped(n) + "円"
        case .en: return (n < 0 ? "-¥" : "¥") + grouped(Int(n.magnitude))
        }
    }

    /// Minutes as hours with one decimal, rounded half up on the magnitude, thousands grouped:
    /// 90 -> "1.5", -45 -> "-0.8", 74,000 -> "1,233.3".
    public static func hours(_ minutes: Int) -> String { tenths(minutes, per: 60) }

    /// Hours with an explicit sign for non-zero values: "+1.5", "-2.0", "0.0".
    public static func signedHours(_ minutes: Int) -> String {
        let h = hours(minutes)
        return minutes > 0 && h != "0.0" ? "+" + h : h
    }

    /// Minutes as days with one decimal, rounded half up: 10,080 -> "7.0".
    public static func days(_ minutes: Int) -> String { tenths(minutes, per: 1440) }

    /// `value / unit` with one decimal, rounded half up on the magnitude.
    static func tenths(_ value: Int, per unit: Int) -> String {
        let t = (value.magnitude * 10 + UInt(unit / 2)) / UInt(unit)
        let body = grouped(Int(t / 10)) + "." + String(t % 10)
        return value < 0 && t > 0 ? "-" + body : body
    }

    /// Mean of `total` over `count`, rounded half up; nil when count is 0.
    public static func mean(_ total: Int, _ count: Int) -> Int? {
        count > 0 ? (2 * total + count) / (2 * count) : nil
    }

    /// Thousandths as fixed-point text with three decimals: 12345 -> "12.345", -5 -> "-0.005".
    /// Thousandths as a grouped number with one decimal, rounded half up (away from zero):
    /// 2,149,400 -> "2,149.4"; 2,502,000 -> "2,502.0"; 1,250 -> "1.3".
    public static func milliToTenths(_ n: Int) -> String {
        let a = n.magnitude, tenths = (a + 50) / 100
        return (n < 0 && tenths > 0 ? "-" : "") + grouped(Int(tenths / 10)) + "." + String(tenths % 10)
    }

    public static func milli(_ n: Int) -> String {
        let a = n.magnitude
        let frac = String(a % 1000)
        return (n < 0 ? "-" : "") + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
