import BCPModel

/// Small text helpers shared by the workshop pack and `compare`: scenario clock, hours, names.
public enum WorkshopFormat {
    /// Minute `m` from scenario start as day and clock: 0 -> "Day 1 00:00" / "1日目 00:00";
    /// 1,470 -> "Day 2 00:30".
    public static func clock(_ m: Int, _ lang: Lang) -> String {
        let t = max(0, m)
        let day = t / 1440 + 1
        let hh = (t % 1440) / 60, mm = t % 60
        let hm = (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
        return Labels.text("workshop.clock", lang, String(day), hm)
    }

    /// Minutes as hours with one decimal, rounded half up on the magnitude: 90 -> "1.5", -45 -> "-0.8".
    public static func hours(_ minutes: Int) -> String {
        let tenths = (minutes.magnitude * 10 + 30) / 60
        let body = NumberFormat.grouped(Int(tenths / 10)) + "." + String(tenths % 10)
        return minutes < 0 && tenths > 0 ? "-" + body : body
    }

    /// Hours with an explicit sign for non-zero values: "+1.5", "-2.0", "0.0".
    public static func signedHours(_ minutes: Int) -> String {
        let h = hours(minutes)
        return minutes > 0 && h != "0.0" ? "+" + h : h
    }

    /// Mean of `total` over `count`, rounded half up, nil when count is 0.
    public static func mean(_ total: Int, _ count: Int) -> Int? {
        count > 0 ? (2 * total + count) / (2 * count) : nil
    }

    public static func name(_ ja: String, _ en: String, _ lang: Lang) -> String { lang == .ja ? ja : en }

    /// A list of names joined as people write it: 「A、B、C」 / "A, B, C".
    public static func join(_ items: [String], _ lang: Lang) -> String { items.joined(separator: lang == .ja ? "、" : ", ") }
}
