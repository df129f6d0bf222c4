/// Clock times as written in scenario files: "HH:MM" (or "H:MM"), 00:00 to 23:59.
public enum ClockTime {
    /// Minutes after midnight, nil unless `text` is a valid clock time.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
        else { return nil }
        return h * 60 + m
    }

    /// "HH:MM" of minutes after midnight (taken modulo a day).
    public static func text(_ minutes: Int) -> String {
        let m = ((minutes % 1_440) + 1_440) % 1_440
        let hh = m / 60, mm = m % 60
        return (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }
}
