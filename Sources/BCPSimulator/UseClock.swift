/// When a patient's device is needed, and how much of its reserve a span of time uses.
///
/// A device runs either in one daily window (round the clock, or a night-time NPPV from 21:00
/// for 12 hours) or spread over the day (suction: a few minutes at a time). Reserves are counted
/// in *use-minutes* (minutes of the device running): a battery of Wh gives Wh x 60 / draw of them.
/// `used(t)` is the use-minutes from scenario minute 0 to t; a reserve added at time t runs out at
/// `time(ofUse: used(t) + reserve)`. All integer arithmetic; docs/MODEL.md ("Time of day").
struct UseClock: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Needed and running during [start + 1440k, start + length + 1440k), start in 0..<1440.
        case window(start: Int, length: Int)
        /// Needed at any time, running `hours` of every 24.
        case spread(hours: Int)
    }

    let kind: Kind

    /// The clock of a device that runs `hoursPerDay` hours, spread or from `useFrom` (minutes
    /// after midnight), in a scenario whose minute 0 is `startClock` minutes after midnight.
    init(hoursPerDay: Int, spread: Bool, useFrom: Int, startClock: Int) {
        let hours = max(1, min(24, hoursPerDay))
        if hours == 24 {
            kind = .window(start: 0, length: 1_440)
        } else if spread {
            kind = .spread(hours: hours)
        } else {
            kind = .window(start: ((useFrom - startClock) % 1_440 + 1_440) % 1_440, length: hours * 60)
        }
    }

    /// Use-minutes in [0, t), for t >= 0.
    func used(_ t: Int) -> Int {
        switch kind {
        case .window(let s, let l):
            return Self.cumulative(t, s, l) - Self.cumulative(0, s, l)
        case .spread(let h):
            return t * h / 24
        }
    }

    /// The first minute t >= 0 at which `used(t) >= u`: when a reserve that lasts until use-count u
    /// runs out. 0 for u <= 0.
    func time(ofUse u: Int) -> Int {
        guard u > 0 else { return 0 }
        switch kind {
        case .window(let s, let l):
            // Windows start at s - 1440 + 1440k; the u-th use-minute after the origin is in window
            // k = (target - 1) / l, at offset (target - 1) % l + 1.
            let target = u + Self.cumulative(0, s, l)
            let x = (target - 1) / l * 1_440 + (target - 1) % l + 1
            return x + s - 1_440
        case .spread(let h):
            return (u * 24 + h - 1) / h
        }
    }

    /// Minutes in [a, b) during which the device is needed: window minutes, or every minute for a
    /// spread device (it may be needed at any time).
    func need(_ a: Int, _ b: Int) -> Int {
        guard b > a else { return 0 }
        switch kind {
        case .window: return used(b) - used(a)
        case .spread: return b - a
        }
    }

    /// The first minute t >= a at which `need(a, t) >= n` (when n minutes of need have passed).
    func time(afterNeed n: Int, from a: Int) -> Int {
        guard n > 0 else { return a }
        switch kind {
        case .window: return time(ofUse: used(a) + n)
        case .spread: return a + n
        }
    }

    /// Window minutes in (-inf, t) counted from the window that starts at s - 1440 (which is
    /// before 0), for t >= s - 1440.
    static func cumulative(_ t: Int, _ s: Int, _ l: Int) -> Int {
        let x = t - (s - 1_440)
        return x / 1_440 * l + min(x % 1_440, l)
    }
}
