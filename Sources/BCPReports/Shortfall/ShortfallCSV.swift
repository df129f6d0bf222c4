import BCPAnalysis
import BCPModel
import BCPRegistry
import BCPSimulator
import BCPText

/// The tidy public CSV tables, for a spreadsheet first: a header row in the report's language
/// (the rule of every bcpsim CSV), names in that language, a UTF-8 byte order mark unless
/// `--no-bom`. Number columns hold numbers only: a figure shown as a band or withheld leaves its
/// number cell empty and is written, as text, in the flag column named after it at the end of
/// the row ("未充足：範囲・秘匿" / "Uncovered: band / withheld"). Reports/README.md lists the columns.
public struct ShortfallCSV: Sendable {
    public let tables: PublicTables
    public let bom: Bool
    public let lang: Language
    public init(tables: PublicTables, bom: Bool, lang: Language) {
        self.tables = tables
        self.bom = bom
        self.lang = lang
    }

    var data: ResultDocument { tables.data }

    func L(_ key: String, _ args: String...) -> String { Labels.text(key, lang, args: args) }

    /// The tally columns: label key and cell (mean delay has its own). The last two (units
    /// delivered, beds used) are in the place files only.
    static let tallyKeys = ["patients", "affected", "atRisk", "ownMeans", "selfHelp", "byUnit", "evacuated", "uncovered", "gapMinutes",
                            "harmed", "beyondToleranceMinutes", "admitted", "admittedPlanned", "admittedFamily", "emergency", "detected",
                            "meanDelay", "unitsDelivered", "bedsUsed"]
    static let tallyCols: [PublicTables.Col?] = [.patients, .affected, .atRisk, .ownMeans, .selfHelp, .byUnit, .evacuated, .uncovered, .gap,
                                                 .harmed, .beyondTolerance, .admitted, .admittedPlanned, .admittedFamily, .emergency, .detected,
                                                 nil, .unitsDelivered, .bedsUsed]
    /// Columns of the group files (tiers, devices).
    static let groupCount = tallyKeys.count - 2

    func tallyHeader(full: Bool) -> [String] {
        (full ? ShortfallCSV.tallyKeys : Array(ShortfallCSV.tallyKeys.prefix(ShortfallCSV.groupCount))).map { L("csv.col.\($0)") }
    }

    func flagHeader(_ labels: [String]) -> [String] { labels.map { L("csv.flag", $0) } }

    /// The figures of a tally row: (number cells, flag cells).
    func tally(_ row: PublicTables.Row, _ t: Tally, full: Bool = true) -> ([CSVCell], [CSVCell]) {
        var values: [CSVCell] = [], flags: [CSVCell] = []
        for (k, c) in ShortfallCSV.tallyCols.enumerated() where full || k < ShortfallCSV.groupCount {
            let s: Shown
            if let c { s = tables.shown(row, c) } else if let m = tables.meanDelay(t) { s = m } else {
                values.append(.empty)
                flags.append(.empty)
                continue
            }
            let cells = DisclosureText.csv(s, lang)
            values.append(cells.value)
            flags.append(cells.flag)
        }
        return (values, flags)
    }

    func writer() -> CSVWriter { CSVWriter(bom: bom) }

    public func municipalities() -> String {
        var w = writer()
        let head = [L("common.col.code"), L("common.col.municipality"), L("common.col.area"), L("common.col.population"), L("shortfall.col.regionalBCP")]
            + tallyHeader(full: true) + [L("csv.col.unitsHeld"), L("csv.col.deliveryTeams"), L("csv.col.backupBeds")]
        w.row(texts: head + flagHeader(tallyHeader(full: true)))
        for (i, m) in data.result.municipalities.enumerated() {
            let (v, f) = tally(.municipality(i), m.tally)
            w.row([.text(m.code.description), .text(m.name(lang)), .text(area(m.areaJa)), .number(m.population),
                   .text(L(m.regionalBCP ? "shortfall.yes" : "shortfall.no"))] + v
                + [.number(m.resources.unitsHeld), .number(m.resources.teams), .number(m.resources.bedsHeld)] + f)
        }
        return w.text
    }

    func area(_ ja: String) -> String { lang == .ja ? ja : data.areaEn(ja) }

    public func areas() -> String {
        var w = writer()
        let head = [L("common.col.area"), L("csv.col.municipalities"), L("common.col.population")] + tallyHeader(full: true)
            + [L("csv.col.unitsHeld"), L("csv.col.deliveryTeams"), L("csv.col.backupBeds")]
        w.row(texts: head + flagHeader(tallyHeader(full: true)))
        for (i, a) in data.result.areas.enumerated() {
            let ms = data.result.municipalities.filter { $0.areaJa == a.nameJa }
            let (v, f) = tally(.area(i), a.tally)
            w.row([.text(a.name(lang)), .number(ms.count), .number(ms.reduce(0) { $0 + $1.population })] + v
                + [.number(a.resources.unitsHeld), .number(a.resources.teams), .number(a.resources.bedsHeld)] + f)
        }
        let (v, f) = tally(.total, data.result.totals)
        w.row([.text(L("common.tokyoTotal")), .number(data.result.municipalities.count), .number(data.result.municipalities.reduce(0) { $0 + $1.population })]
            + v + [.number(data.result.resources.unitsHeld), .number(data.result.resources.teams), .number(data.result.resources.bedsHeld)] + f)
        return w.text
    }

    public func tiers() -> String {
        var w = writer()
        w.row(texts: [L("csv.col.key"), L("shortfall.col.tier")] + tallyHeader(full: false) + flagHeader(tallyHeader(full: false)))
        for tier in BCPTier.allCases {
            let (v, f) = tally(.tier(tier), data.result.tiers[tier], full: false)
            w.row([.text(tier.name), .text(L("shortfall.tier.\(tier.name)"))] + v + f)
        }
        let (v, f) = tally(.total, data.result.totals, full: false)
        w.row([.text("total"), .text(L("common.tokyoTotal"))] + v + f)
        return w.text
    }

    public func devices() -> String {
        var w = writer()
        w.row(texts: [L("csv.col.key"), L("shortfall.col.device")] + tallyHeader(full: false) + flagHeader(tallyHeader(full: false)))
        for d in DeviceKind.allCases {
            let (v, f) = tally(.device(d), data.result.devices[d], full: false)
            w.row([.text(d.rawValue), .text(L("shortfall.device.\(d.rawValue)"))] + v + f)
        }
        let (v, f) = tally(.total, data.result.totals, full: false)
        w.row([.text("total"), .text(L("common.tokyoTotal"))] + v + f)
        return w.text
    }

    public func timeline() -> String {
        var w = writer()
        let head = [L("shortfall.col.gridOff"), L("shortfall.col.withoutPower")]
        w.row(texts: [L("shortfall.col.hour"), L("csv.col.minute")] + head + flagHeader(head))
        for h in data.result.timeline.indices {
            let c = tables.hour(h)
            let a = DisclosureText.csv(c.gridOff, lang), b = DisclosureText.csv(c.withoutPower, lang)
            w.row([.number(h), .number(h * 60), a.value, b.value, a.flag, b.flag])
        }
        return w.text
    }

    /// One row per municipality with uncovered patients: counts per reason, and the change that
    /// would have closed the gap where it was computed.
    public func shortfalls() -> String {
        var w = writer()
        let figures = [L("csv.col.uncovered"), L("csv.col.gapMinutes")] + ShortfallReason.allCases.map { L("shortfall.reason.\($0.rawValue)") }
        let whatif = ["change", "amount", "after", "coversAll", "cost", "tokyo", "programs", "rates"].map { L("csv.col.whatif.\($0)") }
        w.row(texts: [L("common.col.code"), L("common.col.municipality")] + figures + whatif
            + flagHeader(figures + [L("csv.col.whatif.amount"), L("csv.col.whatif.after")]))
        // The municipalities shown with uncovered patients, or with a band that may hide some:
        // listing only the true ones would tell that a "0～9" is 0 (a trial did).
        for (i, m) in data.result.municipalities.enumerated() where tables.shown(.municipality(i), .uncovered) != .exact(0) {
            let row = PublicTables.Row.municipality(i)
            var values: [CSVCell] = [], flags: [CSVCell] = []
            for c in [PublicTables.Col.uncovered, .gap] + ShortfallReason.allCases.map(PublicTables.column) {
                let cells = DisclosureText.csv(tables.shown(row, c), lang)
                values.append(cells.value)
                flags.append(cells.flag)
            }
            var cells: [CSVCell] = [.text(m.code.description), .text(m.name(lang))] + values
            if let e = data.counterfactual?.entries.first(where: { $0.code == m.code }), let t = e.bestTrial {
                let after = DisclosureText.csv(tables.count(t.uncoveredAfter), lang)
                var costCells: [CSVCell] = [.empty, .empty]
                let amount = DisclosureText.csv(Remedies.amount(t, tables.policy), lang)
                if t.lever.buysUnits, let c = data.counterfactual, amount.flag == .empty {
                    let split = CostSplit.of(units: t.amount, price: c.unit.priceYen, subsidizedUnits: t.amount)
                    costCells = [.number(split.total), .number(split.tokyo)]
                }
                let links = Remedies.links(t.lever)
                // Rates as the pages write them ("1/2 → 3/4"), with the fraction slash U+2044 that
                // no spreadsheet reads as a date ("1/2" became 2 January), and a word for none
                // (a bare "-" reached Excel as a formula guard's "'-").
                let ids = links.map(\.programId)
                let rates = links.map { $0.rates.isEmpty ? L("shortfall.funding.noRate") : $0.rates.joined(separator: " → ").replacingOccurrences(of: "/", with: "\u{2044}") }
                cells += [.text(L("csv.lever.\(t.lever.rawValue)")), amount.value, after.value, .text(L(t.uncoveredAfter == 0 ? "shortfall.yes" : "shortfall.no"))]
                    + costCells + [.text(ids.joined(separator: " ")), .text(rates.joined(separator: " "))]
                flags += [amount.flag, after.flag]
            } else {
                cells += Array(repeating: .empty, count: 8)
                flags += [.empty, .empty]
            }
            w.row(cells + flags)
        }
        return w.text
    }

    /// Every change tried by the what-if reruns.
    public func whatIf() -> String {
        var w = writer()
        let figures = [L("csv.col.uncovered"), L("csv.col.whatif.after"), L("csv.col.whatif.gapAfter")]
        w.row(texts: [L("common.col.code"), L("common.col.municipality"), figures[0], L("csv.col.whatif.change"), L("csv.col.whatif.amount"),
                      figures[1], figures[2], L("csv.col.whatif.answer")] + flagHeader(figures + [L("csv.col.whatif.amount")]))
        for e in Remedies.ordered(data.counterfactual?.entries ?? [], tables) {
            let i = data.result.municipalities.firstIndex { $0.code == e.code }
            let m = i.map { data.result.municipalities[$0] }
            let before = DisclosureText.csv(i.map { tables.shown(.municipality($0), .uncovered) } ?? tables.count(e.uncovered), lang)
            for (k, t) in e.trials.enumerated() {
                let after = DisclosureText.csv(tables.count(t.uncoveredAfter), lang)
                let gap = DisclosureText.csv(tables.policy.magnitude(t.gapMinutesAfter, contributors: t.uncoveredAfter), lang)
                let amount = DisclosureText.csv(Remedies.amount(t, tables.policy), lang)
                w.row([.text(e.code.description), .text(m?.name(lang) ?? ""), before.value, .text(L("csv.lever.\(t.lever.rawValue)")), amount.value,
                       after.value, gap.value, .text(L(e.best == k ? "shortfall.yes" : "shortfall.no")), before.flag, after.flag, gap.flag, amount.flag])
            }
        }
        return w.text
    }
}
