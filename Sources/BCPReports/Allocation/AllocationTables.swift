import BCPAnalysis
import BCPModel
import BCPText

/// The parts of the allocation report that Markdown and HTML share: the parameter lines and
/// the tables (already formatted with thousands separators and yen).
enum AllocationTables {
    static func L(_ key: String, _ lang: Language, _ args: String...) -> String { AllocationLabels.text(key, lang, args: args) }

    static func item(_ k: PowerUnitKind, _ lang: Language) -> String { L("common.item.\(k.rawValue)", lang) }

    /// The title; in exact mode it starts with the restricted mark.
    static func title(_ r: AllocationReport, _ lang: Language) -> String {
        let t = L("allocation.title", lang, NumberFormat.grouped(r.options.residentsPerUnit))
        return r.privacy.isExact ? L("allocation.privacy.restrictedTitle", lang, t) : t
    }

    /// Which mode the output is in, as echoed in every output's header.
    static func privacy(_ r: AllocationReport, _ lang: Language) -> String {
        switch r.privacy {
        case .exact: return L("allocation.privacy.exact", lang)
        case .syntheticData: return L("allocation.privacy.synthetic", lang)
        case .suppressed(let t):
            let p = DisclosurePolicy.protected(t)
            return L("allocation.privacy.suppressed", lang, DisclosureText.count(p.smallBand, lang), String(p.threshold))
        }
    }

    /// The same, short, for the CSV column repeated on every row.
    static func privacyShort(_ r: AllocationReport, _ lang: Language) -> String {
        switch r.privacy {
        case .exact: return L("allocation.privacy.short.exact", lang)
        case .syntheticData: return L("allocation.privacy.short.synthetic", lang)
        case .suppressed(let t): return L("allocation.privacy.short.suppressed", lang, String(max(1, t)))
        }
    }

    /// The rounding rule as echoed in every output's header.
    static func rounding(_ r: AllocationReport, _ lang: Language) -> String {
        let per = r.options.residentsPerUnit
        return L("allocation.rounding.\(r.options.rounding.rawValue)", lang, NumberFormat.grouped(per), NumberFormat.grouped(per / 2))
    }

    static func heldSource(_ r: AllocationReport, _ lang: Language) -> String {
        switch r.heldSource {
        case .scenarioUnits: return L("allocation.held.scenario", lang)
        case .stockFile(let p): return L("allocation.held.stock", lang, p)
        case .none: return L("allocation.held.none", lang)
        }
    }

    /// (label, value) lines of the header, in a fixed order.
    static func parameters(_ r: AllocationReport, _ lang: Language) -> [(String, String)] {
        let o = r.options
        var out: [(String, String)] = []
        if let ja = r.scenarioNameJa, let en = r.scenarioNameEn {
            out.append((L("allocation.param.scenario", lang), (lang == .ja ? ja : en) + (r.synthetic ? " [" + L("common.synthetic", lang) + "]" : "")))
        } else {
            out.append((L("allocation.param.scenario", lang), L("allocation.param.builtin", lang)))
        }
        out.append((L("allocation.param.privacy", lang), privacy(r, lang)))
        out.append((L("allocation.param.rounding", lang), rounding(r, lang)))
        out.append((L("allocation.param.held", lang), heldSource(r, lang)))
        out.append((L("allocation.param.target", lang), L("allocation.target.value", lang, String(o.targetHours))))
        out.append((L("allocation.param.devices", lang), L("allocation.devices.\(o.devices.rawValue)", lang)))
        out.append((L("allocation.param.needRule", lang), L("allocation.needRule.text", lang, NumberFormat.grouped(o.batteryWh))))
        out.append((
            L("allocation.param.prices", lang),
            L("allocation.prices.value", lang, NumberFormat.yen(o.prices.generator, lang), NumberFormat.yen(o.prices.battery, lang), NumberFormat.yen(o.prices.ups, lang))
        ))
        out.append((L("allocation.param.subsidy", lang), L("allocation.subsidy.value", lang)))
        return out
    }

    static func notes(_ r: AllocationReport, _ lang: Language) -> [String] {
        var n = [L("allocation.note.diff", lang), L("allocation.note.sums", lang)]
        n.append(r.hasPatientData ? L("allocation.note.verdict", lang) : L("allocation.note.noPatientData", lang))
        if r.hasPatientData, case .suppressed = r.privacy { n.append(L("allocation.note.suppression", lang)) }
        return n
    }

    /// The note above the ranking: how it is ordered in this mode.
    static func rankingNote(_ r: AllocationReport, _ lang: Language) -> String {
        L(AllocationPublic.policy(r.privacy).protects ? "allocation.note.rankingSuppressed" : "allocation.note.ranking", lang)
    }

    /// The answer first, in sentences a meeting reads: Tokyo's standard against the units held and
    /// the cost of reaching it; then, with patient data, the need and the municipalities where the
    /// standard itself would not meet it (by name: the verdict is always shown). Every figure as
    /// the tables show it.
    static func answer(_ r: AllocationReport, _ p: AllocationPublic, _ lang: Language) -> [String] {
        let t = r.total, all = t.costStandard.all
        var out = [L("allocation.answer.standard", lang, g(t.municipalityCount), g(t.standard.generator), g(t.held.generator), g(t.held.battery),
                     g(t.held.ups), NumberFormat.yen(all.total, lang), NumberFormat.yen(all.tokyo, lang))]
        guard t.need != nil else { return out }
        out.append(L("allocation.answer.need", lang, p.text(t, .patients, lang), g(r.options.targetHours), p.text(t, .belowTarget, lang),
                     p.text(t, .batteriesNeeded, lang), p.text(t, .gap, lang)))
        let under = r.municipalities.filter { p.verdictKey($0) == "under" }
        if under.isEmpty {
            out.append(L("allocation.answer.noneUnder", lang))
        } else {
            let shownNames = under.prefix(10).map { $0.name(lang) }
            let names = shownNames.joined(separator: lang == .ja ? "、" : ", ")
                + (under.count > shownNames.count ? L("allocation.answer.more", lang, g(under.count - shownNames.count)) : "")
            out.append(L("allocation.answer.under", lang, g(under.count), g(r.municipalities.count), names))
        }
        return out
    }

    static func g(_ n: Int) -> String { NumberFormat.grouped(n) }

    /// Leading identity columns: code and name for municipalities; name for sums.
    static func identity(_ row: AllocationRow, _ lang: Language) -> [String] {
        switch row.level {
        case .municipality: return [row.code?.description ?? "", row.name(lang)]
        case .area: return ["", row.name(lang)]
        case .total: return ["", L("common.tokyoTotal", lang)]
        }
    }

    static func identityHeaders(_ lang: Language) -> [String] { [L("common.col.code", lang), L("common.col.municipality", lang)] }

    /// Rows of a table: municipalities, or areas followed by the Tokyo total (in bold).
    static func fill(_ t: inout TextTable, _ rows: [AllocationRow], _ total: AllocationRow?, _ cells: (AllocationRow) -> [String]) {
        for r in rows { t.add(cells(r)) }
        if let total { t.add(cells(total), strong: true) }
    }

    static func standardTable(_ rows: [AllocationRow], total: AllocationRow?, _ lang: Language) -> TextTable {
        let kinds = PowerUnitKind.allCases
        var t = TextTable(
            headers: identityHeaders(lang) + [L("common.col.population", lang), L("common.col.populationDate", lang), L("allocation.col.standard", lang)]
                + kinds.map { L("allocation.col.heldOf", lang, item($0, lang)) } + kinds.map { L("allocation.col.diffOf", lang, item($0, lang)) },
            alignments: [.left, .left, .right, .left] + Array(repeating: .right, count: 1 + 2 * kinds.count))
        fill(&t, rows, total) { r in
            identity(r, lang) + [g(r.population), r.populationDate, g(r.standard.generator)]
                + kinds.map { g(r.held[$0]) }
                + kinds.map { NumberFormat.signed(r.excessOverStandard[$0] - r.shortOfStandard[$0]) }
        }
        return t
    }

    static func needCells(_ r: AllocationRow, _ p: AllocationPublic, _ lang: Language) -> [String] {
        guard let n = r.need else { return Array(repeating: L("common.noPatientData", lang), count: 8) }
        let diff = p.differenceHidden(r) ? DisclosureText.withheld : NumberFormat.signed(n.standardSpare - n.standardShort)
        let verdict: String
        if p.verdictHidden(r) {
            verdict = DisclosureText.withheld
        } else if let v = p.verdictKey(r) {
            verdict = L("allocation.verdict.withDiff", lang, L("allocation.verdict.\(v)", lang), diff)
        } else {
            verdict = L("allocation.verdict.aggregate", lang, g(n.municipalitiesUnder), g(r.municipalityCount), diff)
        }
        return [p.text(r, .patients, lang), p.text(r, .belowTarget, lang), p.text(r, .batteriesNeeded, lang), p.text(r, .onGenerators, lang),
                p.text(r, .covered, lang), g(r.held.battery), p.text(r, .gap, lang), verdict]
    }

    static func needHeaders(_ lang: Language) -> [String] {
        [L("allocation.col.patients", lang), L("allocation.col.belowTarget", lang), L("allocation.col.batteriesNeeded", lang),
         L("allocation.col.patientsOnGenerators", lang), L("allocation.col.coveredByGenerators", lang),
         L("allocation.col.heldOf", lang, item(.battery, lang)), L("allocation.col.needGap", lang), L("allocation.col.verdict", lang)]
    }

    static func needTable(_ rows: [AllocationRow], total: AllocationRow?, _ p: AllocationPublic, _ lang: Language) -> TextTable {
        var t = TextTable(headers: identityHeaders(lang) + needHeaders(lang), alignments: [.left, .left] + Array(repeating: .right, count: 7) + [.left])
        fill(&t, rows, total) { identity($0, lang) + needCells($0, p, lang) }
        return t
    }

    static func costStandardTable(_ rows: [AllocationRow], total: AllocationRow?, _ lang: Language) -> TextTable {
        let kinds = PowerUnitKind.allCases
        var t = TextTable(
            headers: identityHeaders(lang) + kinds.map { L("allocation.col.shortOf", lang, item($0, lang)) }
                + kinds.map { L("allocation.col.costOf", lang, item($0, lang)) }
                + [L("allocation.col.costTotal", lang), L("common.col.tokyo", lang), L("common.col.municipal", lang)],
            alignments: [.left, .left] + Array(repeating: .right, count: 2 * kinds.count + 3))
        fill(&t, rows, total) { r in
            let all = r.costStandard.all
            return identity(r, lang) + kinds.map { g(r.shortOfStandard[$0]) } + kinds.map { NumberFormat.yen(r.costStandard[$0].total, lang) }
                + [NumberFormat.yen(all.total, lang), NumberFormat.yen(all.tokyo, lang), NumberFormat.yen(all.municipal, lang)]
        }
        return t
    }

    static func costNeedTable(_ rows: [AllocationRow], total: AllocationRow?, _ p: AllocationPublic, _ lang: Language) -> TextTable {
        var t = TextTable(
            headers: identityHeaders(lang) + [L("allocation.col.needGap", lang), L("allocation.col.subsidizedUnits", lang), L("allocation.col.costTotal", lang),
                                              L("common.col.tokyo", lang), L("common.col.municipal", lang)],
            alignments: [.left, .left, .right, .right, .right, .right, .right])
        fill(&t, rows, total) { r in
            guard let c = r.costNeed else { return identity(r, lang) + Array(repeating: L("common.noPatientData", lang), count: 5) }
            func yen(_ v: Int) -> String { p.gapDerived(r, v).exactValue.map { NumberFormat.yen($0, lang) } ?? DisclosureText.withheld }
            return identity(r, lang) + [p.text(r, .gap, lang), p.text(r, .subsidized, lang), yen(c.total), yen(c.tokyo), yen(c.municipal)]
        }
        return t
    }

    static func rankingTable(_ r: AllocationReport, _ p: AllocationPublic, _ lang: Language) -> TextTable {
        var t = TextTable(
            headers: [L("common.col.rank", lang)] + identityHeaders(lang)
                + [L("allocation.col.needGap", lang), L("allocation.col.belowTarget", lang), L("allocation.col.batteriesNeeded", lang),
                   L("allocation.col.standard", lang), L("allocation.col.verdict", lang), L("allocation.col.costNeedMunicipal", lang)],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .left, .right])
        for (rank, row) in p.ranking(r) {
            let n = row.need ?? NeedFigures()
            t.add([rank.map(g) ?? "-"] + identity(row, lang) + [
                p.text(row, .gap, lang), p.text(row, .belowTarget, lang), p.text(row, .batteriesNeeded, lang), g(row.standard.generator),
                p.verdictHidden(row) ? DisclosureText.withheld : p.verdictKey(row).map { L("allocation.verdict.\($0)", lang) } ?? "",
                p.gapDerived(row, row.costNeed?.municipal ?? 0).exactValue.map { NumberFormat.yen($0, lang) } ?? DisclosureText.withheld,
            ])
        }
        return t
    }

    /// The sections in order: (heading key, municipality table, area+total table).
    static func sections(_ r: AllocationReport, _ p: AllocationPublic, _ lang: Language) -> [(String, TextTable, TextTable)] {
        [
            ("allocation.section.standard", standardTable(r.municipalities, total: nil, lang), standardTable(r.areas, total: r.total, lang)),
            ("allocation.section.need", needTable(r.municipalities, total: nil, p, lang), needTable(r.areas, total: r.total, p, lang)),
            ("allocation.section.costStandard", costStandardTable(r.municipalities, total: nil, lang), costStandardTable(r.areas, total: r.total, lang)),
            ("allocation.section.costNeed", costNeedTable(r.municipalities, total: nil, p, lang), costNeedTable(r.areas, total: r.total, p, lang)),
        ]
    }
}
