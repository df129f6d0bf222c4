import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPSimulator
import BCPText

/// The tidy public CSV tables. Column names are fixed English identifiers (documented in
/// Reports/README.md), the same in both languages; names are given in both languages as columns.
/// Hidden counts are the text "1-9" (range) or "x".
public struct ShortfallCSV: Sendable {
    public let tables: PublicTables
    public let bom: Bool
    public init(tables: PublicTables, bom: Bool) {
        self.tables = tables
        self.bom = bom
    }

    var data: ResultDocument { tables.data }

    static let tallyHeader = ["patients", "affected", "at_risk", "covered_own_means", "covered_by_unit", "evacuated", "uncovered",
                              "gap_minutes", "detected", "mean_detection_delay_minutes", "units_delivered", "beds_used"]

    func tallyCells(_ row: PublicTables.Row, _ t: Tally, full: Bool = true) -> [CSVCell] {
        let cols: [PublicTables.Col] = [.patients, .affected, .atRisk, .ownMeans, .byUnit, .evacuated, .uncovered]
        var cells = cols.map { tables.csv(row, $0) }
        cells.append(tables.mark(row, .gap) == .shown ? .number(tables.raw(row, .gap)) : .text("x"))
        cells.append(tables.csv(row, .detected))
        cells.append(tables.meanDelayCSV(row, t))
        if full { cells += [tables.csv(row, .unitsDelivered), tables.csv(row, .bedsUsed)] }
        return cells
    }

    public func municipalities() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["code", "name_ja", "name_en", "area_ja", "area_en", "population", "regional_bcp"] + ShortfallCSV.tallyHeader
            + ["units_held", "delivery_teams", "backup_beds"])
        for (i, m) in data.result.municipalities.enumerated() {
            w.row([.text(m.code.description), .text(m.nameJa), .text(m.nameEn), .text(m.areaJa), .text(data.areaEn(m.areaJa)), .number(m.population),
                   .text(m.regionalBCP ? "yes" : "no")] + tallyCells(.municipality(i), m.tally)
                + [.number(m.resources.unitsHeld), .number(m.resources.teams), .number(m.resources.bedsHeld)])
        }
        return w.text
    }

    public func areas() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["level", "area_ja", "area_en", "municipalities", "population"] + ShortfallCSV.tallyHeader
            + ["units_held", "delivery_teams", "backup_beds"])
        for (i, a) in data.result.areas.enumerated() {
            let ms = data.result.municipalities.filter { $0.areaJa == a.nameJa }
            w.row([.text("area"), .text(a.nameJa), .text(a.nameEn), .number(ms.count), .number(ms.reduce(0) { $0 + $1.population })]
                + tallyCells(.area(i), a.tally) + [.number(a.resources.unitsHeld), .number(a.resources.teams), .number(a.resources.bedsHeld)])
        }
        w.row([.text("total"), .text("東京都 計"), .text("Total"), .number(data.result.municipalities.count),
               .number(data.result.municipalities.reduce(0) { $0 + $1.population })]
            + tallyCells(.total, data.result.totals) + [.number(data.result.resources.unitsHeld), .number(data.result.resources.teams), .number(data.result.resources.bedsHeld)])
        return w.text
    }

    public func tiers() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["tier", "label_ja", "label_en"] + ShortfallCSV.tallyHeader.prefix(10))
        for tier in BCPTier.allCases {
            w.row([.text(tier.name), .text(Labels.text("shortfall.tier.\(tier.name)", .ja)), .text(Labels.text("shortfall.tier.\(tier.name)", .en))]
                + tallyCells(.tier(tier), data.result.tiers[tier], full: false))
        }
        w.row([.text("total"), .text("計"), .text("Total")] + tallyCells(.total, data.result.totals, full: false))
        return w.text
    }

    public func devices() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["device", "label_ja", "label_en"] + ShortfallCSV.tallyHeader.prefix(10))
        for d in DeviceKind.allCases {
            w.row([.text(d.rawValue), .text(Labels.text("shortfall.device.\(d.rawValue)", .ja)), .text(Labels.text("shortfall.device.\(d.rawValue)", .en))]
                + tallyCells(.device(d), data.result.devices[d], full: false))
        }
        w.row([.text("total"), .text("計"), .text("Total")] + tallyCells(.total, data.result.totals, full: false))
        return w.text
    }

    public func timeline() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["hour", "minute", "grid_off", "without_power"])
        for h in data.result.timeline.indices {
            let c = tables.hour(h)
            let v = data.result.timeline[h]
            w.row([.number(h), .number(h * 60),
                   c.gridOffMark == .shown ? .number(v.gridOff) : .text(c.gridOff),
                   c.withoutMark == .shown ? .number(v.withoutPower) : .text(c.withoutPower)])
        }
        return w.text
    }

    /// One row per municipality with uncovered patients: counts per reason, and the change that
    /// would have closed the gap where it was computed.
    public func shortfalls() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["code", "name_ja", "name_en", "uncovered", "gap_minutes"] + ShortfallReason.allCases.map { snake($0.rawValue) }
            + ["whatif_change", "whatif_amount", "whatif_uncovered_after", "whatif_covers_all", "whatif_cost_yen", "whatif_tokyo_subsidy_yen",
               "whatif_programs", "whatif_subsidy_rates"])
        for (i, m) in data.result.municipalities.enumerated() where m.tally.uncovered > 0 {
            let row = PublicTables.Row.municipality(i)
            var cells: [CSVCell] = [.text(m.code.description), .text(m.nameJa), .text(m.nameEn), tables.csv(row, .uncovered),
                                    tables.mark(row, .gap) == .shown ? .number(tables.raw(row, .gap)) : .text("x")]
            cells += ShortfallReason.allCases.map { tables.csv(row, PublicTables.column($0)) }
            if let e = data.counterfactual?.entries.first(where: { $0.code == m.code }), let t = e.bestTrial {
                let after: CSVCell = Suppression.isSmall(t.uncoveredAfter, threshold: tables.threshold) ? .text(tables.count(t.uncoveredAfter)) : .number(t.uncoveredAfter)
                var costCells: [CSVCell] = [.empty, .empty]
                if t.lever == .unit, let c = data.counterfactual {
                    let split = CostSplit.of(units: t.amount, price: c.unit.priceYen, subsidizedUnits: t.amount)
                    costCells = [.number(split.total), .number(split.tokyo)]
                }
                let links = Remedies.links(t.lever)
                let ids = links.map(\.programId), rates = links.map { $0.rates.isEmpty ? "-" : $0.rates.joined(separator: ">") }
                cells += [.text(t.lever.rawValue), .number(t.amount), after, .text(t.uncoveredAfter == 0 ? "yes" : "no")] + costCells
                    + [.text(ids.joined(separator: " ")), .text(rates.joined(separator: " "))]
            } else {
                cells += Array(repeating: .empty, count: 8)
            }
            w.row(cells)
        }
        return w.text
    }

    /// Every change tried by the what-if reruns.
    public func whatIf() -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: ["code", "name_ja", "name_en", "uncovered", "lever", "amount", "uncovered_after", "gap_minutes_after", "answer"])
        for e in data.counterfactual?.entries ?? [] {
            let i = data.result.municipalities.firstIndex { $0.code == e.code }
            let m = i.map { data.result.municipalities[$0] }
            let before: CSVCell = i.map { tables.csv(.municipality($0), .uncovered) } ?? .text(tables.count(e.uncovered))
            for (k, t) in e.trials.enumerated() {
                let after: CSVCell = Suppression.isSmall(t.uncoveredAfter, threshold: tables.threshold) ? .text(tables.count(t.uncoveredAfter)) : .number(t.uncoveredAfter)
                let gap: CSVCell = Suppression.isSmall(t.uncoveredAfter, threshold: tables.threshold) ? .text("x") : .number(t.gapMinutesAfter)
                w.row([.text(e.code.description), .text(m?.nameJa ?? ""), .text(m?.nameEn ?? ""), before, .text(t.lever.rawValue), .number(t.amount), after,
                       gap, .text(e.best == k ? "yes" : "no")])
            }
        }
        return w.text
    }

    func snake(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
