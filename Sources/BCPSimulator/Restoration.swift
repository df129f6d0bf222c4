import BCPEngine
import BCPModel

/// A half-open span of minutes [start, end).
struct Interval: Equatable, Sendable {
    var start: Int
    var end: Int
    /// A grid-off span announced in advance (a rolling blackout's block), so that providers can
    /// arrange admissions before it starts.
    var scheduled = false

    init(start: Int, end: Int, scheduled: Bool = false) {
        self.start = start
        self.end = end
        self.scheduled = scheduled
    }
}

/// Where a patient's (or a provider site's) grid power is off: the union of the zones' outages.
enum Restoration {
    /// The uniform draw of `key` in `zoneId` under `seed`: StableHash of (seed, zone id, key...).
    /// Patients use their id as the key; provider sites use ["provider", id].
    static func uniformPPM(seed: UInt64, zoneId: String, key: [String]) -> Int {
        StableHash.uniformPPM(seed: seed, [zoneId] + key)
    }

    /// The rolling group (1...groups) of a customer whose uniform draw is u: floor(u x groups / 10^6) + 1.
    static func rollingGroup(uniformPPM u: Int, groups: Int) -> Int {
        guard groups > 0 else { return 1 }
        return u * groups / RestorationCurve.full + 1
    }

    /// Grid-off spans in one zone, clipped to [0, horizon), for a customer with draw `u`.
    static func intervals(in zone: OutageZone, uniformPPM u: Int, horizon: Int) -> [Interval] {
        var out: [Interval] = []
        func add(_ a: Int, _ b: Int, scheduled: Bool = false) {
            let s = max(0, a), e = min(horizon, b)
            if s < e { out.append(Interval(start: s, end: e, scheduled: scheduled)) }
        }
        switch zone.shape {
        case .restoration(let curve):
            if let r = curve.restorationMinute(uniformPPM: u) {
                add(zone.startMinute, zone.startMinute + r)
            } else {
                add(zone.startMinute, horizon)
            }
        case .rolling(let schedule):
            let g = rollingGroup(uniformPPM: u, groups: schedule.groups)
            for b in schedule.blocks where b.group == g {
                add(zone.startMinute + b.startMinute, zone.startMinute + b.startMinute + b.durationMinutes, scheduled: true)
            }
        }
        return out
    }

    /// Sorted, disjoint spans: overlapping or touching spans are joined into one outage episode,
    /// announced in advance only if its first span was.
    static func merge(_ spans: [Interval]) -> [Interval] {
        let sorted = spans.sorted { ($0.start, $0.end, $0.scheduled ? 1 : 0) < ($1.start, $1.end, $1.scheduled ? 1 : 0) }
        var out: [Interval] = []
        for s in sorted {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1].end = max(last.end, s.end)
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// All grid-off episodes of a customer at a place, over every zone that covers the place.
    /// `uniform` gives the draw for (zone id); the default is the stable hash.
    static func episodes(
        zones: [OutageZone], code: MunicipalityCode, areaJa: String, horizon: Int, uniform: (String) -> Int
    ) -> [Interval] {
        var spans: [Interval] = []
        for z in zones where z.targets.covers(code: code, areaJa: areaJa) {
            spans += intervals(in: z, uniformPPM: uniform(z.id), horizon: horizon)
        }
        return merge(spans)
    }
}
