import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// The counts the public outputs print, after small-count suppression. Every public renderer
/// reads numbers from here (never from the raw tallies), so all of them hide the same cells.
public struct PublicTables: Sendable {
    /// Columns of a tally row. Derived columns (unaffected) are cells too, since a reader can
    /// compute them from the shown ones.
    public enum Col: Int, Sendable, CaseIterable {
        case patients, unaffected, affected, atRisk, ownMeans, byUnit, evacuated, uncovered, gap, detected,
             unitsDelivered, bedsUsed
        case noPowerUnit, noContact, noDeliveryTeam, noBackupBed, providerWithoutBCP, noRegionalBCP
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
    public let threshold: Int
    var grid: SuppressionGrid
    var cells: [Row: [Int]] = [:]
    var hourCells: [(gridOff: Int, withoutPower: Int)] = []

    static func value(_ t: Tally, _ c: Col) -> Int {
        switch c {
        case .patients: return t.patients
        case .unaffected: return t.patients - t.affected
        case .affected: return t.affected
        case .atRisk: return t.atRisk
        case .ownMeans: return t.coveredOwnMeans
        case .byUnit: return t.coveredByUnit
        case .evacuated: return t.evacuated
        case .uncovered: return t.uncovered
        case .gap: return t.gapMinutes
        case .detected: return t.detected
        case .unitsDelivered: return t.unitsDelivered
        case .bedsUsed: return t.bedsUsed
        default:
            return ShortfallReason.allCases.first { column($0) == c }.map { t.shortfall[$0] } ?? 0
        }
    }

    /// The headline figures a planner reads first are hidden last by secondary suppression:
    /// uncovered patients and patients, then those who lost power or needed help and the gap hours.
    static func importance(_ c: Col) -> Int {
        switch c {
        case .uncovered, .patients: return 2
        case .affected, .atRisk, .gap: return 1
        default: return 0
        }
    }

    public init(_ data: ResultDocument, threshold: Int) {
        self.data = data
        self.threshold = max(1, threshold)
        grid = SuppressionGrid(threshold: self.threshold)
        let geoCols = Col.allCases
        let groupCols: [Col] = [.patients, .unaffected, .affected, .atRisk, .ownMeans, .byUnit, .evacuated, .uncovered, .gap, .detected]

        func addRow(_ row: Row, _ t: Tally, _ cols: [Col]) {
            var idx = [Int](repeating: -1, count: Col.allCases.count)
            for c in cols {
                idx[c.rawValue] = c == .gap
                    ? grid.magnitude(t.gapMinutes, contributors: t.uncovered, importance: PublicTables.importance(c))
                    : grid.count(PublicTables.value(t, c), importance: PublicTables.importance(c))
            }
            cells[row] = idx
            // Row identities, when they hold.
            let ids: [(Col, [Col])] = [(.patients, [.unaffected, .affected]), (.affected, [.ownMeans, .atRisk]),
                                       (.atRisk, [.byUnit, .evacuated, .uncovered])]
            for (total, parts) in ids where PublicTables.value(t, total) == parts.reduce(0, { $0 + PublicTables.value(t, $1) }) {
                grid.constrain(total: idx[total.rawValue], members: parts.map { idx[$0.rawValue] })
            }
        }
        addRow(.total, data.result.totals, geoCols)
        for (i, m) in data.result.municipalities.enumerated() { addRow(.municipality(i), m.tally, geoCols) }
        for (i, a) in data.result.areas.enumerated() { addRow(.area(i), a.tally, geoCols) }
        for (k, t) in data.result.tiers.pairs { addRow(.tier(k), t, groupCols) }
        for (k, t) in data.result.devices.pairs { addRow(.device(k), t, groupCols) }

        // Column identities: municipalities sum to their area, areas / tiers / devices to the total.
        func columnSums(_ total: Row, _ parts: [Row], _ cols: [Col]) {
            for c in cols {
                let t = cells[total]![c.rawValue]
                let ms = parts.map { cells[$0]![c.rawValue] }
                if grid.values[t] == ms.reduce(0, { $0 + grid.values[$1] }) { grid.constrain(total: t, members: ms) }
            }
        }
        for (a, area) in data.result.areas.enumerated() {
            let ms = data.result.municipalities.indices.filter { data.result.municipalities[$0].areaJa == area.nameJa }.map { Row.municipality($0) }
            columnSums(.area(a), ms, geoCols)
        }
        columnSums(.total, data.result.areas.indices.map { .area($0) }, geoCols)
        columnSums(.total, BCPTier.allCases.map { .tier($0) }, groupCols)
        columnSums(.total, DeviceKind.allCases.map { .device($0) }, groupCols)

        for h in data.result.timeline { hourCells.append((grid.count(h.gridOff), grid.count(h.withoutPower))) }
        grid.protect()
    }

    // MARK: Reading cells

    public func mark(_ row: Row, _ c: Col) -> Suppression.Mark {
        guard let idx = cells[row]?[c.rawValue], idx >= 0 else { return .shown }
        return grid.mark(idx)
    }

    public func raw(_ row: Row, _ c: Col) -> Int {
        guard let idx = cells[row]?[c.rawValue], idx >= 0 else { return 0 }
        return grid.values[idx]
    }

    /// A count as text: "1,234", the range ("1-9"), or "x".
    public func text(_ row: Row, _ c: Col) -> String {
        if c == .gap { return gapHoursText(row) }
        return PublicTables.render(raw(row, c), mark(row, c), threshold: threshold)
    }

    public static func render(_ v: Int, _ m: Suppression.Mark, threshold: Int) -> String {
        switch m {
        case .shown: return NumberFormat.grouped(v)
        case .primary: return Suppression.rangeText(threshold)
        case .secondary: return "x"
        }
    }

    /// A standalone count (no equations): the range if small.
    public func count(_ v: Int) -> String {
        PublicTables.render(v, Suppression.isSmall(v, threshold: threshold) ? .primary : .shown, threshold: threshold)
    }

    /// A count as a CSV cell: a number, or the range / "x" as text.
    public func csv(_ row: Row, _ c: Col) -> CSVCell {
        mark(row, c) == .shown ? .number(raw(row, c)) : .text(text(row, c))
    }

    public func gapHoursText(_ row: Row) -> String {
        mark(row, .gap) == .shown ? NumberFormat.hours(raw(row, .gap)) : "x"
    }

    /// Mean minutes from outage to detection, rounded half up; "x" when the detected count is
    /// hidden, "-" when nobody was detected.
    public func meanDelay(_ row: Row, _ t: Tally) -> String {
        if mark(row, .detected).hidden { return "x" }
        guard let mean = NumberFormat.mean(t.detectionDelayTotal, t.detected) else { return "-" }
        return NumberFormat.grouped(mean)
    }

    public func meanDelayCSV(_ row: Row, _ t: Tally) -> CSVCell {
        if mark(row, .detected).hidden { return .text("x") }
        guard let mean = NumberFormat.mean(t.detectionDelayTotal, t.detected) else { return .empty }
        return .number(mean)
    }

    public func hour(_ h: Int) -> (gridOff: String, withoutPower: String, gridOffMark: Suppression.Mark, withoutMark: Suppression.Mark) {
        let c = hourCells[h]
        let a = grid.mark(c.gridOff), b = grid.mark(c.withoutPower)
        return (PublicTables.render(grid.values[c.gridOff], a, threshold: threshold),
                PublicTables.render(grid.values[c.withoutPower], b, threshold: threshold), a, b)
    }

}
