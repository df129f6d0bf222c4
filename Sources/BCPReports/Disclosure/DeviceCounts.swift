import BCPModel

/// The patients per device at Tokyo level, decided once from the counts alone, so that every
/// output that shows them agrees: the run's device table (its patients column is fixed to these),
/// the workshop's data set and the allocation check's ventilator users (TPPV + NPPV, published
/// exactly as a Tokyo total). Decided apart, two outputs could each be safe and together give a
/// small count away (a ward official's trial: the allocation check's 266 ventilator users minus
/// the run's 165 NPPV patients gave TPPV exactly, and with it the 9 suction patients).
public struct DeviceCounts: Sendable, Equatable {
    public var total: Shown
    public var devices: PerCase<DeviceKind, Shown>

    /// Sums published: all patients = the devices' patients; ventilator users = TPPV + NPPV
    /// (both Tokyo totals, never widened while a device count can be).
    public init(_ counts: PerCase<DeviceKind, Int>, policy: DisclosurePolicy) {
        var g = DisclosureGrid(policy: policy)
        let cells = PerCase<DeviceKind, Int> { g.count(counts[$0], importance: 1) }
        let total = g.count(counts.values.reduce(0, +), importance: 2, tokyo: true)
        let ventilator = g.count(counts[.tppv] + counts[.nppv], importance: 2, tokyo: true)
        g.sum(total: total, of: cells.values)
        g.sum(total: ventilator, of: [cells[.tppv], cells[.nppv]])
        g.protect()
        self.total = g.shown(total)
        devices = PerCase { g.shown(cells[$0]) }
    }

    /// The counts of a scenario's patients.
    public static func counts(_ patients: [Patient]) -> PerCase<DeviceKind, Int> {
        var c = PerCase<DeviceKind, Int>(repeating: 0)
        for p in patients { c[p.device] += 1 }
        return c
    }
}
