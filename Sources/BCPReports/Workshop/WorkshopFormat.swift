import BCPAnalysis
import BCPModel
import BCPText

/// Small text helpers shared by the workshop pack and `compare`: scenario clock, hours, names.
public enum WorkshopFormat {
    /// Minute `m` from scenario start as day and clock: 0 -> "Day 1 00:00" / "1日目 00:00";
    /// 1,470 -> "Day 2 00:30".
    public static func clock(_ m: Int, _ lang: Language) -> String {
        let t = max(0, m)
        let day = t / 1440 + 1
        let hh = (t % 1440) / 60, mm = t % 60
        let hm = (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
        return Labels.text("workshop.clock", lang, String(day), hm)
    }

}
