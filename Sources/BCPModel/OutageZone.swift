/// What an outage zone covers: whole municipalities or whole secondary medical areas.
public enum ZoneTarget: Sendable, Hashable {
    case municipality(MunicipalityCode)
    /// A secondary medical area, by its Japanese name.
    case area(String)
}

extension Array where Element == ZoneTarget {
    /// Whether these targets cover a place in municipality `code` of the secondary area named
    /// `areaJa` (a zone, a travel disruption): the one rule of zone coverage.
    public func covers(code: MunicipalityCode, areaJa: String) -> Bool {
        contains { t in
            switch t {
            case .municipality(let c): return c == code
            case .area(let a): return a == areaJa
            }
        }
    }
}

/// A scheduled block of a rolling blackout: `group` is off from `startMinute` for `durationMinutes`.
public struct RollingBlock: Sendable, Equatable {
    public var group: Int
    public var startMinute: Int
    public var durationMinutes: Int
    public init(group: Int, startMinute: Int, durationMinutes: Int) {
        self.group = group
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
    }
}

/// Planned rotation of outages (計画停電): customers are split into `groups` (numbered 1...groups)
/// and each group is cut during its blocks, as in the TEPCO area in March 2011.
public struct RollingSchedule: Sendable, Equatable {
    public var groups: Int
    public var blocks: [RollingBlock]
    public init(groups: Int, blocks: [RollingBlock]) {
        self.groups = groups
        self.blocks = blocks
    }
}

public enum OutageShape: Sendable, Equatable {
    /// Everyone loses power at the start; each customer's power returns per the curve.
    case restoration(RestorationCurve)
    /// Power is cut and restored on a schedule.
    case rolling(RollingSchedule)
}

/// A part of the scenario's map where the grid fails.
public struct OutageZone: Sendable, Equatable {
    public var id: String
    public var targets: [ZoneTarget]
    /// Minute (from scenario start) the outage begins; rolling blocks are offset from it too.
    public var startMinute: Int
    public var shape: OutageShape

    public init(id: String, targets: [ZoneTarget], startMinute: Int, shape: OutageShape) {
        self.id = id
        self.targets = targets
        self.startMinute = startMinute
        self.shape = shape
    }
}

/// Something that goes wrong besides the grid.
public enum Disruption: Sendable, Equatable {
    /// A provider cannot work from `fromMinute` until `untilMinute` (nil: the whole horizon).
    case providerOut(providerId: String, fromMinute: Int, untilMinute: Int?)
    /// Travel in the targets takes `percent`% of normal time (e.g. 200 = twice as long).
    case travelSlowed(targets: [ZoneTarget], percent: Int, fromMinute: Int, untilMinute: Int?)
}
