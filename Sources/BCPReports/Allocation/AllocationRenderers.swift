import BCPAnalysis
import BCPModel
import BCPText

/// The allocation report in each output format. Every format starts with the parameters,
/// the rounding rule first among them, so that no table travels without its rule.
public enum AllocationFormat: String, Sendable, CaseIterable {
    case md, csv, json, html

    public var fileName: String { "allocation.\(rawValue)" }
}

extension AllocationReport {
    /// The report in `format`. `bom` (on by default, for Excel) applies to CSV only.
    public func rendered(_ format: AllocationFormat, lang: Language, bom: Bool = true) -> String {
        switch format {
        case .md: return markdown(lang: lang)
        case .csv: return csv(lang: lang, bom: bom)
        case .json: return json(lang: lang)
        case .html: return html(lang: lang)
        }
    }

    // MARK: Markdown and HTML

    /// allocation.md and allocation.html render this one document. In Markdown each table is
    /// introduced by a level-3 heading; the HTML page carries the same headings.
    public func document(lang: Language) -> Document {
        typealias T = AllocationTables
        var d = Document(title: T.title(self, lang), lang: lang, css: "<style>svg.map text{font-family:inherit}</style>")
        let pub = AllocationPublic(self)
        d.add(.heading(T.L("allocation.section.answer", lang), level: 2))
        d.add(.list(T.answer(self, pub, lang)))
        d.add(.definitions(T.parameters(self, lang)))
        d.add(.notes(T.notes(self, lang)))
        d.add(.heading(T.L("allocation.section.map", lang), level: 2))
        d.add(.figure(svg: AllocationMap.map(self, lang).svg(), caption: T.L("allocation.map.caption", lang) + " " + TokyoMap.credit(lang),
                      markdown: T.L("map.inHTML", lang, "allocation.html")))
        for (key, municipal, areas) in T.sections(self, pub, lang) {
            d.add([.heading(T.L(key, lang), level: 2),
                   .heading(T.L("allocation.sub.areas", lang), level: 3), .table(areas),
                   .heading(T.L("allocation.sub.municipalities", lang), level: 3), .table(municipal)])
        }
        d.add(.heading(T.L("allocation.section.ranking", lang), level: 2))
        if ranking.isEmpty {
            d.add(.paragraph(T.L("allocation.note.noRanking", lang)))
        } else {
            d.add([.paragraph(T.rankingNote(self, lang)), .table(T.rankingTable(self, pub, lang))])
        }
        return d
    }

    public func markdown(lang: Language) -> String { document(lang: lang).markdown() }

    /// The page's "in short" sentences (what the terminal prints too).
    public func answer(lang: Language) -> [String] { AllocationTables.answer(self, AllocationPublic(self), lang) }

    public func html(lang: Language) -> String { document(lang: lang).html() }

    // MARK: CSV

    /// One table, one row per municipality, then areas, then Tokyo; plain integers (yen
    /// included) so Excel can sum them. The parameters repeat on every row, so that a row
    /// copied elsewhere still says which rule made it.
    public func csv(lang: Language, bom: Bool = true) -> String {
        typealias T = AllocationTables
        let kinds = PowerUnitKind.allCases
        var w = CSVWriter(bom: bom)
        var header = [T.L("common.col.level", lang), T.L("common.col.code", lang), T.L("common.col.municipality", lang), T.L("common.col.area", lang),
                      T.L("common.col.population", lang), T.L("common.col.populationDate", lang), T.L("allocation.col.standard", lang)]
        header += kinds.map { T.L("allocation.col.heldOf", lang, T.item($0, lang)) }
        header += kinds.map { T.L("allocation.col.shortOf", lang, T.item($0, lang)) }
        header += kinds.map { T.L("allocation.col.excessOf", lang, T.item($0, lang)) }
        header += [T.L("allocation.col.patients", lang), T.L("allocation.col.belowTarget", lang), T.L("allocation.col.batteriesNeeded", lang),
                   T.L("allocation.col.patientsOnGenerators", lang), T.L("allocation.col.coveredByGenerators", lang), T.L("allocation.col.needGap", lang),
                   T.L("allocation.col.standardShort", lang), T.L("allocation.col.standardSpare", lang), T.L("allocation.col.verdict", lang),
                   T.L("allocation.col.municipalitiesUnder", lang)]
        header += kinds.map { T.L("common.yenSuffix", lang, T.L("allocation.col.costOf", lang, T.item($0, lang))) }
        header += [T.L("common.yenSuffix", lang, T.L("allocation.col.costStandardTotal", lang)), T.L("common.yenSuffix", lang, T.L("allocation.col.costStandardTokyo", lang)),
                   T.L("common.yenSuffix", lang, T.L("allocation.col.costStandardMunicipal", lang)),
                   T.L("allocation.col.costNeedUnits", lang), T.L("allocation.col.costNeedSubsidized", lang),
                   T.L("common.yenSuffix", lang, T.L("allocation.col.costNeedTotal", lang)), T.L("common.yenSuffix", lang, T.L("allocation.col.costNeedTokyo", lang)),
                   T.L("common.yenSuffix", lang, T.L("allocation.col.costNeedMunicipal", lang)),
                   T.L("common.col.rank", lang), T.L("allocation.col.rounding", lang), T.L("allocation.col.targetHours", lang),
                   T.L("allocation.col.batteryWh", lang), T.L("allocation.col.devices", lang)]
        header += kinds.map { T.L("allocation.col.priceOf", lang, T.item($0, lang)) }
        header.append(T.L("allocation.col.privacy", lang))
        // The patient figures that may be shown as a band or withheld: a flag column each, at the end.
        let flagged = [T.L("allocation.col.patients", lang), T.L("allocation.col.belowTarget", lang), T.L("allocation.col.batteriesNeeded", lang),
                       T.L("allocation.col.patientsOnGenerators", lang), T.L("allocation.col.coveredByGenerators", lang), T.L("allocation.col.needGap", lang),
                       T.L("allocation.col.standardShort", lang), T.L("allocation.col.standardSpare", lang), T.L("allocation.col.verdict", lang),
                       T.L("allocation.col.municipalitiesUnder", lang), T.L("allocation.col.costNeedSubsidized", lang), T.L("allocation.col.costNeedTotal", lang),
                       T.L("allocation.col.costNeedTokyo", lang), T.L("allocation.col.costNeedMunicipal", lang)]
        header += flagged.map { T.L("csv.flag", lang, $0) }
        w.row(texts: header)

        let pub = AllocationPublic(self)
        var rank: [MunicipalityCode: Int] = [:]
        for (i, r) in pub.ranking(self) { if let i, let c = r.code { rank[c] = i } }
        let mode = CSVCell.text(T.privacyShort(self, lang))
        let noData = CSVCell.text(T.L("common.noPatientData", lang))
        for r in municipalities + areas + [total] {
            var cells: [CSVCell] = [.text(T.L("common.level.\(r.level.rawValue)", lang)), r.code.map { .text($0.description) } ?? .empty,
                                    .text(r.level == .total ? T.L("common.tokyoTotal", lang) : r.name(lang)),
                                    r.level == .total ? .empty : .text(r.area(lang)),
                                    .number(r.population), .text(r.populationDate), .number(r.standard.generator)]
            cells += kinds.map { .number(r.held[$0]) }
            cells += kinds.map { .number(r.shortOfStandard[$0]) }
            cells += kinds.map { .number(r.excessOverStandard[$0]) }
            var flags: [CSVCell] = []
            if let n = r.need {
                var verdict: CSVCell = n.verdict == nil ? .empty : pub.verdictKey(r).map { .text(T.L("allocation.verdict.\($0)", lang)) } ?? .empty
                var verdictFlag = CSVCell.empty
                if pub.verdictHidden(r) {
                    verdict = .empty
                    verdictFlag = .text(DisclosureText.withheld)
                }
                for c in [AllocationPublic.Col.patients, .belowTarget, .batteriesNeeded, .onGenerators, .covered, .gap, .standardShort, .standardSpare] {
                    let x = pub.csv(r, c, lang)
                    cells.append(x.value)
                    flags.append(x.flag)
                }
                let under = pub.csv(r, .municipalitiesUnder, lang)
                cells += [verdict, under.value]
                flags += [verdictFlag, under.flag]
            } else {
                cells += Array(repeating: noData, count: 10)
                flags += Array(repeating: .empty, count: 10)
            }
            cells += kinds.map { .number(r.costStandard[$0].total) }
            let all = r.costStandard.all
            cells += [.number(all.total), .number(all.tokyo), .number(all.municipal)]
            if let c = r.costNeed {
                let sub = pub.csv(r, .subsidized, lang), total = DisclosureText.csv(pub.gapDerived(r, c.total), lang)
                let tokyo = DisclosureText.csv(pub.gapDerived(r, c.tokyo), lang), municipal = DisclosureText.csv(pub.gapDerived(r, c.municipal), lang)
                cells += [pub.csv(r, .gap, lang).value, sub.value, total.value, tokyo.value, municipal.value]
                // Every withheld yen has its flag (an empty cell without one read as unknown).
                flags += [sub.flag, total.flag, tokyo.flag, municipal.flag]
            } else {
                cells += Array(repeating: noData, count: 5)
                flags += [.empty, .empty, .empty, .empty]
            }
            cells.append(r.code.flatMap { rank[$0] }.map { .number($0) } ?? .empty)
            cells += [.text(options.rounding.rawValue), .number(options.targetHours), .number(options.batteryWh), .text(options.devices.rawValue)]
            cells += kinds.map { .number(options.prices[$0]) }
            cells.append(mode)
            w.row(cells + flags)
        }
        return w.text
    }

    // MARK: JSON

    /// Keys in a fixed order; machine names in English, both languages' names for places,
    /// human descriptions in `lang`. Need fields are null without patient data.
    public func json(lang: Language) -> String {
        typealias T = AllocationTables
        let o = options
        func items(_ c: ItemCounts) -> OrderedJSON { .object(PowerUnitKind.allCases.map { ($0.rawValue, .int(c[$0])) }) }
        let pub = AllocationPublic(self)
        func needSplit(_ r: AllocationRow, _ c: CostSplit) -> OrderedJSON {
            .object([("units", pub.json(r, .gap)), ("subsidized_units", pub.json(r, .subsidized)), ("total_yen", DisclosureText.json(pub.gapDerived(r, c.total))),
                     ("tokyo_yen", DisclosureText.json(pub.gapDerived(r, c.tokyo))), ("municipal_yen", DisclosureText.json(pub.gapDerived(r, c.municipal)))])
        }
        func split(_ c: CostSplit) -> OrderedJSON {
            .object([("units", .int(c.units)), ("subsidized_units", .int(c.subsidizedUnits)), ("total_yen", .int(c.total)),
                     ("tokyo_yen", .int(c.tokyo)), ("municipal_yen", .int(c.municipal))])
        }
        func row(_ r: AllocationRow) -> OrderedJSON {
            var m: [(String, OrderedJSON)] = [("level", .string(r.level.rawValue))]
            if let c = r.code { m.append(("code", .string(c.description))) }
            m += [("name_ja", .string(r.nameJa)), ("name_en", .string(r.nameEn))]
            if r.level == .municipality { m += [("area_ja", .string(r.areaJa)), ("area_en", .string(r.areaEn))] }
            if r.level != .municipality { m.append(("municipalities", .int(r.municipalityCount))) }
            m += [("population", .int(r.population)), ("population_date", .string(r.populationDate)),
                  ("standard", items(r.standard)), ("held", items(r.held)), ("short_of_standard", items(r.shortOfStandard)),
                  ("excess_over_standard", items(r.excessOverStandard))]
            if let n = r.need {
                var nm: [(String, OrderedJSON)] = [
                    ("patients", pub.json(r, .patients)), ("below_target", pub.json(r, .belowTarget)), ("batteries_needed", pub.json(r, .batteriesNeeded)),
                    ("patients_on_held_generators", pub.json(r, .onGenerators)), ("covered_by_held_generators", pub.json(r, .covered)),
                    ("gap", pub.json(r, .gap)), ("standard_short", pub.json(r, .standardShort)), ("standard_spare", pub.json(r, .standardSpare)),
                ]
                if let v = n.verdict {
                    _ = v
                    nm.append(("verdict", .string(pub.verdictKey(r) ?? DisclosureText.withheld)))
                } else {
                    nm.append(("municipalities_under", pub.json(r, .municipalitiesUnder)))
                }
                m.append(("need", .object(nm)))
            } else {
                m.append(("need", .null))
            }
            var cs: [(String, OrderedJSON)] = PowerUnitKind.allCases.map { ($0.rawValue, split(r.costStandard[$0])) }
            cs.append(("all", split(r.costStandard.all)))
            m.append(("cost_to_standard", .object(cs)))
            m.append(("cost_to_close_need_gap", r.costNeed.map { needSplit(r, $0) } ?? .null))
            return .object(m)
        }
        let source: OrderedJSON
        switch heldSource {
        case .scenarioUnits: source = .string("scenario-units")
        case .stockFile: source = .string("stock-file")
        case .none: source = .string("none")
        }
        var stockPath: OrderedJSON = .null
        if case .stockFile(let p) = heldSource { stockPath = .string(p) }
        let doc: OrderedJSON = .object([
            ("report", .string("allocation")),
            ("schema", .int(3)),
            ("lang", .string(lang.rawValue)),
            ("title", .string(T.title(self, lang))),
            ("privacy", privacyJSON(lang)),
            ("scenario", scenarioNameJa == nil ? .null : .object([("name_ja", .string(scenarioNameJa)), ("name_en", .string(scenarioNameEn)), ("synthetic", .bool(synthetic))])),
            ("parameters", .object([
                ("rounding", .string(o.rounding.rawValue)),
                ("rounding_description", .string(T.rounding(self, lang))),
                ("residents_per_unit", .int(o.residentsPerUnit)),
                ("target_hours", .int(o.targetHours)),
                ("battery_wh", .int(o.batteryWh)),
                ("devices", .string(o.devices.rawValue)),
                ("prices_yen", .object(PowerUnitKind.allCases.map { ($0.rawValue, .int(o.prices[$0])) })),
                ("subsidy_rate", .string("1/2")),
                ("subsidy_rule", .string(T.L("allocation.subsidy.value", lang))),
                ("need_rule", .string(T.L("allocation.needRule.text", lang, NumberFormat.grouped(o.batteryWh)))),
                ("held_source", source),
                ("stock_file", stockPath),
                ("patient_data", .bool(hasPatientData)),
            ])),
            ("municipalities", .array(municipalities.map(row))),
            ("areas", .array(areas.map(row))),
            ("total", row(total)),
            ("ranking", .array(pub.ranking(self).map { rank, r in
                .object([("rank", .int(rank)), ("code", .string(r.code?.description ?? "")), ("need_gap", pub.json(r, .gap))])
            })),
        ])
        return doc.render() + "\n"
    }

    /// The mode, first thing after the title: `restricted` true in exact mode.
    func privacyJSON(_ lang: Language) -> OrderedJSON {
        typealias T = AllocationTables
        switch privacy {
        case .exact:
            return .object([("mode", .string("exact")), ("restricted", .bool(true)), ("threshold", .null), ("range_text", .null),
                            ("description", .string(T.privacy(self, lang)))])
        case .syntheticData:
            return .object([("mode", .string("synthetic")), ("restricted", .bool(false)), ("threshold", .null), ("range_text", .null),
                            ("description", .string(T.privacy(self, lang)))])
        case .suppressed(let t):
            let p = DisclosurePolicy.protected(t)
            return .object([("mode", .string("suppressed")), ("restricted", .bool(false)), ("threshold", .int(p.threshold)),
                            ("range_text", .string(DisclosureText.count(p.smallBand, lang))), ("description", .string(T.privacy(self, lang)))])
        }
    }
}
