import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The figures the shortfall outputs print, under the disclosure policy. Every public renderer
/// (summary, CSV, charts, map, terminal headline) reads numbers from here, never from the raw
/// tallies, so all of them show the same figure for the same cell.
public struct PublicTables: Sendable {
    /// Columns of a tally row. Derived columns (unaffected) are cells too, since a reader can
    /// compute them from the shown ones. Model v2's measures are cells like the others: self-help
    /// is one of the five outcomes (the affected are their sum, so leaving it out would let a
    /// reader work it out), the patients harmed beyond their device's tolerance and their minutes
    /// beyond it, and the hospital admissions by route (emergency: the emergency presentations).
    public enum Col: Int, Sendable, CaseIterable {
        case patients, unaffected, affected, atRisk, ownMeans, selfHelp, byUnit, evacuated, uncovered, gap, detected,
             unitsDelivered, bedsUsed
        case harmed, beyondTolerance, admitted, admittedPlanned, admittedFamily, emergency
        case noPowerUnit, noContact, noDeliveryTeam, noBackupBed, providerWithoutBCP, noRegionalBCP
        /// Derived, shown nowhere: admitted after a gap (admitted - covered by admission; every one
        /// of them is uncovered), the other admissions after a gap than emergency presentations,
        /// and the uncovered never admitted. A reader who sees 0 uncovered knows admitted =
        /// covered by admission; these cells carry that into the sums.
        case admittedAfterGap, admittedAfterGapOther, uncoveredNotAdmitted

        /// A figure no table shows but a reader can derive (DisclosureGrid's unpublished cell).
        public var isUnpublished: Bool { [.unaffected, .admittedAfterGap, .admittedAfterGapOther, .uncoveredNotAdmitted].contains(self) }

        /// Minutes (shown as hours, withheld rather than banded), and the column of the patients
        /// they are the minutes of.
        public var minutesOf: Col? {
            switch self {
            case .gap: return .uncovered
            case .beyondTolerance: return .harmed
            default: return nil
            }
        }
    }

    /// The column counting patients with this shortfall reason.
    public static func column(_ r: ShortfallReason) -> Col {
        switch r {
        case .noPowerUnit: return .noPowerUnit
        case .noContact: return .noContact
        case .noDeliveryTeam: return .noDeliveryTeam
        case .noBackupBed: return .noBackupBed
        case .providerWithoutBCP: return .providerWithoutBCP
        case .noRegionalBCP: return .noRegionalBCP
        }
    }

    public enum Row: Hashable, Sendable {
        case total, municipality(Int), area(Int), tier(BCPTier), device(DeviceKind)
    }

    public let data: ResultDocument
    public let policy: DisclosurePolicy
    var grid: DisclosureGrid
    var cells: [Row: [Int]] = [:]
    var hourCells: [(gridOff: Int, withoutPower: Int)] = []

    public var threshold: Int { policy.threshold }

    static func value(_ t: Tally, _ c: Col) -> Int {
        switch c {
        case .patients: return t.patients
        case .unaffected: return t.patients - t.affected
        case .affected: return t.affected
        case .atRisk: return t.atRisk
        case .ownMeans: return t.coveredOwnMeans
        case .selfHelp: return t.coveredBySelfHelp
        case .byUnit: return t.coveredByUnit
        case .evacuated: return t.evacuated
        case .uncovered: return t.uncovered
        case .gap: return t.gapMinutes
        case .detected: return t.detected
        case .unitsDelivered: return t.unitsDelivered
        case .bedsUsed: return t.bedsUsed
        case .harmed: return t.harmed
        case .beyondTolerance: return t.beyondToleranceMinutes
        case .admitted: return t.admitted
        case .admittedPlanned: return t.admissions[.planned]
        case .admittedFamily: return t.admissions[.family]
        case .emergency: return t.admissions[.emergency]
        case .admittedAfterGap: return t.admitted - t.evacuated
        case .admittedAfterGapOther: return t.admitted - t.evacuated - t.admissions[.emergency]
        case .uncoveredNotAdmitted: return t.uncovered - (t.admitted - t.evacuated)
        default:
            return ShortfallReason.allCases.first { column($0) == c }.map { t.shortfall[$0] } ?? 0
        }
    }

    /// The headline figures a planner reads first are widened last: uncovered and harmed patients
    /// and patients, then those who lost power or were helped from outside, the gap hours, the hours beyond
    /// tolerance and the emergency presentations.
    static func importance(_ c: Col) -> Int {
        switch c {
        case .uncovered, .harmed, .patients: return 2
        case .affected, .atRisk, .gap, .beyondTolerance, .emergency: return 1
        default: return 0
        }
    }

    /// The tables of `data` under `policy`.
    public init(_ data: ResultDocument, policy: DisclosurePolicy) {
        self.data = data
        self.policy = policy
        grid = DisclosureGrid(policy: policy)
        let geoCols = Col.allCases
        let groupCols: [Col] = [.patients, .unaffected, .affected, .atRisk, .ownMeans, .selfHelp, .byUnit, .evacuated, .uncovered, .gap, .detected,
                                .harmed, .beyondTolerance, .admitted, .admittedPlanned, .admittedFamily, .emergency,
                                .admittedAfterGap, .admittedAfterGapOther, .uncoveredNotAdmitted]

        // The patients per device (and so Tokyo's patients) are decided once for every output
        // that shows them (DeviceCounts); here they are fixed cells.
        let devicePatients = DeviceCounts(data.result.devices.map(\.patients), policy: policy)

        func addRow(_ row: Row, _ t: Tally, _ cols: [Col]) {
            let isTokyo = row == .total
            var idx = [Int](repeating: -1, count: Col.allCases.count)
            for c in cols {
                // Derived figures shown nowhere (the unaffected: patients - affected).
                if c.isUnpublished {
                    idx[c.rawValue] = grid.unpublished(PublicTables.value(t, c))
                    continue
                }
                if c == .patients {
                    if case .device(let d) = row {
                        idx[c.rawValue] = grid.fixed(t.patients, shown: devicePatients.devices[d])
                        continue
                    }
                    if isTokyo {
                        idx[c.rawValue] = grid.fixed(t.patients, shown: devicePatients.total)
                        continue
                    }
                }
                idx[c.rawValue] = c.minutesOf.map {
                    grid.magnitude(PublicTables.value(t, c), contributors: PublicTables.value(t, $0), importance: PublicTables.importance(c), tokyo: isTokyo)
                } ?? grid.count(PublicTables.value(t, c), importance: PublicTables.importance(c), tokyo: isTokyo)
            }
            cells[row] = idx
            // Row identities: the five outcomes partition the affected, "outside help" (atRisk) is
            // the sum of the three outcomes that needed it, and the admissions are the sum of their
            // routes (DisclosureGrid.sum protects each against subtraction).
            let ids: [(Col, [Col])] = [(.patients, [.unaffected, .affected]), (.affected, [.ownMeans, .selfHelp, .atRisk]),
                                       (.atRisk, [.byUnit, .evacuated, .uncovered]),
                                       (.affected, [.ownMeans, .selfHelp, .byUnit, .evacuated, .uncovered]),
                                       (.admitted, [.admittedPlanned, .admittedFamily, .emergency]),
                                       // Admissions = covered by admission + admitted after a gap,
                                       // and those are uncovered; emergency presentations among them.
                                       (.admitted, [.evacuated, .admittedAfterGap]),
                                       (.uncovered, [.admittedAfterGap, .uncoveredNotAdmitted]),
                                       (.admittedAfterGap, [.emergency, .admittedAfterGapOther])]
            for (total, parts) in ids { grid.sum(total: idx[total.rawValue], of: parts.map { idx[$0.rawValue] }) }
            // Minutes are 0 exactly when their patients are 0: a count widened to protect a sum
            // takes its minutes with it (a shown "0.0 hours" told a "0～9" uncovered was 0).
            for (count, minutes) in [(Col.uncovered, Col.gap), (.harmed, .beyondTolerance)] where idx[count.rawValue] >= 0 && idx[minutes.rawValue] >= 0 {
                grid.group(trigger: [idx[count.rawValue]], dependents: [idx[minutes.rawValue]])
            }
            // Every uncovered patient has a reason: reasons all shown as 0 beside a widened "0～9"
            // uncovered would tell it was 0 (a trial read one from a shortfall row); they widen
            // with it.
            let reasons = ShortfallReason.allCases.map { idx[PublicTables.column($0).rawValue] }.filter { $0 >= 0 }
            if idx[Col.uncovered.rawValue] >= 0 && !reasons.isEmpty {
                grid.group(trigger: [idx[Col.uncovered.rawValue]], dependents: reasons)
            }
        }
        addRow(.total, data.result.totals, geoCols)
        for (i, m) in data.result.municipalities.enumerated() { addRow(.municipality(i), m.tally, geoCols) }
        for (i, a) in data.result.areas.enumerated() { addRow(.area(i), a.tally, geoCols) }
        for (k, t) in data.result.tiers.pairs { addRow(.tier(k), t, groupCols) }
        for (k, t) in data.result.devices.pairs { addRow(.device(k), t, groupCols) }

        // Column identities: municipalities sum to their area, areas / tiers / devices to the total.
        func columnSums(_ total: Row, _ parts: [Row], _ cols: [Col]) {
            for c in cols { grid.sum(total: cells[total]![c.rawValue], of: parts.map { cells[$0]![c.rawValue] }) }
        }
        for (a, area) in data.result.areas.enumerated() {
            let ms = data.result.municipalities.indices.filter { data.result.municipalities[$0].areaJa == area.nameJa }.map { Row.municipality($0) }
            columnSums(.area(a), ms, geoCols)
        }
        columnSums(.total, data.result.areas.indices.map { .area($0) }, geoCols)
        columnSums(.total, BCPTier.allCases.map { .tier($0) }, groupCols)
        columnSums(.total, DeviceKind.allCases.map { .device($0) }, groupCols)

        // Tokyo-wide counts per hour (no sum is published over hours).
        for h in data.result.timeline {
            hourCells.append((grid.count(h.gridOff, tokyo: true), grid.count(h.withoutPower, tokyo: true)))
        }
        grid.protect()
    }

    // MARK: Reading cells

    /// What a cell shows.
    public func shown(_ row: Row, _ c: Col) -> Shown {
        guard let idx = cells[row]?[c.rawValue], idx >= 0 else { return .exact(0) }
        return grid.shown(idx)
    }

    /// The cell's true value (for drawing what is shown exactly, and for tests).
    public func raw(_ row: Row, _ c: Col) -> Int {
        guard let idx = cells[row]?[c.rawValue], idx >= 0 else { return 0 }
        return grid.values[idx]
    }

    /// A count as text: "1,234", a band, or "x"; minutes (the gap, the time beyond tolerance) as hours.
    public func text(_ row: Row, _ c: Col, _ lang: Language) -> String {
        c.minutesOf != nil ? DisclosureText.hours(shown(row, c)) : DisclosureText.count(shown(row, c), lang)
    }

    /// A count with no published sum: exact or the small band.
    public func count(_ v: Int) -> Shown { policy.count(v) }

    /// A count with no published sum, as text.
    public func countText(_ v: Int, _ lang: Language) -> String { DisclosureText.count(policy.count(v), lang) }

    /// Mean minutes from outage to detection, rounded half up: withheld when the detected patients
    /// are few, nil when nobody was detected.
    public func meanDelay(_ t: Tally) -> Shown? {
        guard let mean = NumberFormat.mean(t.detectionDelayTotal, t.detected) else { return nil }
        return policy.isSmall(t.detected) ? .withheld : .exact(mean)
    }

    public func meanDelayText(_ t: Tally, _ lang: Language) -> String {
        meanDelay(t).map { DisclosureText.count($0, lang) } ?? "-"
    }

    /// The longest time one patient was without power, Tokyo-wide: 0 when the uncovered are shown
    /// as 0; else one person's value, shown only when the uncovered are not few.
    public func longestGap() -> Shown {
        let t = data.result.totals
        if shown(.total, .uncovered) == .exact(0) { return .exact(0) }
        return policy.extreme(t.maxGapMinutes, group: t.uncovered)
    }

    /// Patients with the grid off and without any power at hour `h` (Tokyo-wide).
    public func hour(_ h: Int) -> (gridOff: Shown, withoutPower: Shown) {
        let c = hourCells[h]
        return (grid.shown(c.gridOff), grid.shown(c.withoutPower))
    }

    /// Sums that still let a reader pin a cell (empty unless nothing could be widened).
    public var pinnedSums: Int { grid.pinnedSums.count }
}
