import BCPText

/// One field of a program as a person reads it: label, value (amounts with thousands separators,
/// years as fiscal years) and the source line it was read from.
public struct RegistryField: Sendable, Equatable {
    public var label: String
    public var value: String
    public var source: SourceRef?
    /// Indented under the field before it (a menu's own fields).
    public var nested: Bool = false
    /// The text as the source prints it, when known.
    public var printed: String? = nil
}

/// The program registry as people read it: `bcpsim registry show ID` as labelled lines, and
/// registry.html (`bcpsim registry --format html`, and in every run folder): programs by effort
/// and fiscal year, amounts with thousands separators, subsidy rates, each program's history across
/// years, and every value linked to the source line it was read from (listed, with its document,
/// at the end of the page). One language per page.
public enum RegistryPage {
    static func t(_ lang: Language, _ ja: String, _ en: String) -> String { lang.pick(ja: ja, en: en) }

    /// "002:26" for a source reference (the document's number and the line).
    public static func short(_ s: SourceRef) -> String {
        let doc = s.file.split(separator: "_").first.map(String.init) ?? s.file
        return doc + ":" + (s.endLine.map { "\(s.line)-\($0)" } ?? "\(s.line)")
    }

    static func anchor(_ s: SourceRef) -> String {
        "src-" + (s.file.split(separator: "_").first.map(String.init) ?? s.file) + "-" + String(s.line)
    }

    static func thousandYen(_ n: Int, _ lang: Language) -> String {
        lang == .ja ? NumberFormat.grouped(n) + "千円" : NumberFormat.grouped(n) + " thousand yen"
    }

    /// The fields of a program in a fixed order, in `lang`.
    public static func fields(_ p: Program, lang: Language) -> [RegistryField] {
        var f: [RegistryField] = []
        func add(_ ja: String, _ en: String, _ v: String, _ s: SourceRef?, nested: Bool = false, printed: String? = nil) {
            f.append(RegistryField(label: t(lang, ja, en), value: v, source: s, nested: nested, printed: printed))
        }
        add("年度", "Fiscal year", RegistryRenderer.fiscalYearText(p, lang) + (lang == .ja ? "（\(p.fiscalYear.value)年度）" : " (\(p.fiscalYear.era))"),
            p.fiscalYear.source, printed: p.fiscalYear.quote ?? p.fiscalYear.era)
        add("事業名", "Program", p.nameJa.value + (lang == .en ? " (" + p.nameEn + ")" : ""), p.nameJa.source, printed: p.nameJa.quote ?? p.nameJa.value)
        for a in p.aliases { add("別の表記", "Also printed as", a.value, a.source, printed: a.quote ?? a.value) }
        if let s = p.section { add("掲載箇所", "Listed under", s.value, s.source, printed: s.quote ?? s.value) }
        for e in p.efforts { add("取組", "Effort", t(lang, "取組\(e.value)", "effort \(e.value)") + (e.inferred == true ? t(lang, "（推定）", " (inferred)") : ""), e.source, printed: e.quote) }
        if let b = p.budgetThousandYen { add("予算額", "Budget", thousandYen(b.value, lang), b.source, printed: b.quote ?? String(b.value)) }
        if let b = p.previousBudgetThousandYen { add("前年度予算額", "Previous budget", thousandYen(b.value, lang), b.source, printed: b.quote) }
        if let n = p.isNew { add("新規・継続", "New or continuing", n.value ? t(lang, "新規", "new") : t(lang, "継続", "continuing"), n.source, printed: n.quote) }
        if let c = p.continuingSince { add("開始年度", "Since", t(lang, "\(c.value)年度", "FY\(c.value)"), c.source) }
        if let s = p.fundingScheme { add("補助の枠組み", "Funding scheme", s.value, s.source, printed: s.quote ?? s.value) }
        for r in p.subsidyRates {
            add("補助率", "Subsidy rate", RegistryRenderer.rateText(r, lang), r.source, printed: r.quote ?? r.value)
            if let c = r.condition { add("適用条件", "Condition", c.value, c.source, nested: true, printed: c.quote ?? c.value) }
        }
        for a in p.baseAmounts {
            add(a.kind == "ceiling" ? "上限額" : "基準額", a.kind == "ceiling" ? "Ceiling" : "Base amount", thousandYen(a.value, lang), a.source, printed: a.quote)
        }
        for r in p.recipients { add("補助先", "Recipient", r.value, r.source, printed: r.quote ?? r.value) }
        if let period = p.period {
            add("期間（から）", "Period from", t(lang, "\(period.from.value)年度", "FY\(period.from.value)"), period.from.source, printed: period.from.quote)
            add("期間（まで）", "Period to", t(lang, "\(period.to.value)年度", "FY\(period.to.value)"), period.to.source, printed: period.to.quote)
        }
        if let i = p.implementation { add("実施方法", "Implementation", i.value, i.source, printed: i.quote ?? i.value) }
        if let b = p.benefitStandard {
            add("給付基準", "Benefit standard",
                t(lang, "人口\(NumberFormat.grouped(b.residentsPerUnit.value))人あたり各品目\(b.unitsPerItem.value)台（\(b.items.value)）",
                  "\(b.unitsPerItem.value) unit of each item per \(NumberFormat.grouped(b.residentsPerUnit.value)) residents (\(b.items.value))"),
                b.residentsPerUnit.source, printed: b.residentsPerUnit.quote)
            if b.unitsPerItem.source != b.residentsPerUnit.source {
                add("給付基準（台数）", "Benefit standard (units)", String(b.unitsPerItem.value), b.unitsPerItem.source, nested: true, printed: b.unitsPerItem.quote)
            }
            if b.items.source != b.residentsPerUnit.source {
                add("給付基準（品目）", "Benefit standard (items)", b.items.value, b.items.source, nested: true, printed: b.items.quote)
            }
        }
        if lang == .ja, let s = p.summaryJa { add("概要", "Summary", s.value, s.source, printed: s.quote ?? s.value) }
        if lang == .en, let s = p.summaryEn { add("概要", "Summary", s, p.summaryJa?.source, printed: p.summaryJa.map { $0.quote ?? $0.value }) }
        for x in p.background ?? [] { add("現状・課題", "Background", x.value, x.source, printed: x.quote ?? x.value) }
        for x in p.overview ?? [] { add("事業の内容", "Overview", x.value, x.source, printed: x.quote ?? x.value) }
        for m in p.menus {
            add("メニュー", "Menu", lang == .ja ? m.nameJa.value : m.nameEn + " (" + m.nameJa.value + ")", m.nameJa.source, printed: m.nameJa.quote ?? m.nameJa.value)
            if let n = m.isNew, n.value { add("新規", "New", t(lang, "新規", "new"), n.source, nested: true) }
            for r in m.subsidyRates {
                add("補助率", "Subsidy rate", RegistryRenderer.rateText(r, lang), r.source, nested: true, printed: r.quote ?? r.value)
                if let c = r.condition { add("適用条件", "Condition", c.value, c.source, nested: true, printed: c.quote ?? c.value) }
            }
            for a in m.baseAmounts {
                add(a.kind == "ceiling" ? "上限額" : "基準額", a.kind == "ceiling" ? "Ceiling" : "Base amount", thousandYen(a.value, lang), a.source, nested: true,
                    printed: a.quote)
            }
            for r in m.recipients { add("補助先", "Recipient", r.value, r.source, nested: true, printed: r.quote ?? r.value) }
            for d in m.details { add("内容", "Detail", d.value, d.source, nested: true, printed: d.quote ?? d.value) }
            for x in m.background ?? [] { add("現状・課題", "Background", x.value, x.source, nested: true, printed: x.quote ?? x.value) }
            for x in m.overview ?? [] { add("事業の内容", "Overview", x.value, x.source, nested: true, printed: x.quote ?? x.value) }
        }
        for d in p.details { add("内容", "Detail", d.value, d.source, printed: d.quote ?? d.value) }
        for (ja, en, list) in [("令和6年度計画", "FY2024 plan", p.fy2024Plan), ("令和6年度実績", "FY2024 result", p.fy2024Result),
                               ("令和6年度（計画・実績の別不明）", "FY2024 (plan or result)", p.fy2024Figures)] {
            for o in list {
                add(ja, en, outcome(o, lang), o.item.source, printed: o.item.quote ?? o.item.value)
                if let q = o.quantity, q.source != o.item.source { add("数量", "Quantity", q.value, q.source, nested: true, printed: q.quote ?? q.value) }
                if let a = o.attendance, a.source != o.item.source {
                    add("参加者", "Attendance", NumberFormat.grouped(a.value), a.source, nested: true, printed: a.quote)
                }
            }
        }
        if lang == .en { for n in p.notes { add("注", "Note", n, nil) } }
        return f
    }

    static func outcome(_ o: Outcome, _ lang: Language) -> String {
        var s = o.item.value
        if let q = o.quantity { s += " " + q.value }
        if let a = o.attendance { s += t(lang, "（\(NumberFormat.grouped(a.value))人）", " (\(NumberFormat.grouped(a.value)) people)") }
        return s
    }

    /// `bcpsim registry show ID`: the program's fields as labelled lines, each with its source line.
    public static func show(_ p: Program, lang: Language) -> String {
        var out = ["# " + p.name(lang) + " (" + p.id + ")", ""]
        for f in fields(p, lang: lang) {
            let src = f.source.map { "  [" + $0.label + "]" } ?? ""
            out.append((f.nested ? "    " : "") + f.label + ": " + f.value + src)
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: The page

    static let css = """
        <style>
        a.src{font-size:.75rem;color:#2b6cb0;text-decoration:none;white-space:nowrap}
        dl.program{grid-template-columns:max-content 1fr}dd.nested,dt.nested{padding-left:1.5rem}
        .sources li{margin:.15rem 0}
        </style>
        """

    static func link(_ s: SourceRef?) -> String {
        guard let s else { return "" }
        return " <a class=\"src\" href=\"#\(escapeHTML(anchor(s)))\">[\(escapeHTML(short(s)))]</a>"
    }

    /// registry.html: one self-contained page in `lang`.
    public static func html(_ registry: Registry, lang: Language) -> String {
        let title = t(lang, "東京都の在宅療養関連事業（事業台帳）", "Tokyo home-care programs (registry)")
        var page = HTMLPage(title: title, lang: lang)
        page.rawTrusted(css)
        page.heading(title, level: 1)
        page.paragraph(t(lang,
            "5つの資料（下の「出典」）に載っている事業を、年度ごとに1件として収めたものです。金額は千円単位、補助率は資料の表記どおり。各値の右の［番号:行］は、その値を読み取った資料の行です。",
            "Every program printed in the five source documents (see Sources below), one record per fiscal year. Amounts in thousand yen, subsidy rates as printed. The [document:line] after each value is the line it was read from."))
        // Every line cited, with the first printed text seen for it.
        var sources: [(ref: SourceRef, printed: String?)] = []
        func cite(_ s: SourceRef?, _ printed: String? = nil) -> String {
            if let s {
                if let k = sources.firstIndex(where: { anchor($0.ref) == anchor(s) }) {
                    if sources[k].printed == nil { sources[k].printed = printed }
                } else {
                    sources.append((s, printed))
                }
            }
            return link(s)
        }

        // Programs by effort, then fiscal year.
        page.heading(t(lang, "取組別・年度別の事業", "Programs by effort and fiscal year"), level: 2)
        let efforts = registry.data.efforts
        var groups: [(String, [Program])] = efforts.map { e in
            (t(lang, "取組\(e.number.value)　\(e.nameJa.value)", "Effort \(e.number.value): \(e.nameEn)"),
             registry.programs.filter { p in p.efforts.contains { $0.value == e.number.value } })
        }
        groups.append((t(lang, "取組の記載なし", "No effort named"), registry.programs.filter { $0.efforts.isEmpty }))
        for (heading, programs) in groups where !programs.isEmpty {
            page.heading(heading, level: 3)
            var rows = "<table>\n<thead><tr>" + [t(lang, "年度", "FY"), t(lang, "事業", "Program"), t(lang, "予算額（千円）", "Budget (thousand yen)"),
                                                  t(lang, "補助率", "Subsidy rate"), t(lang, "新規", "New")]
                .enumerated().map { "<th\($0.offset == 2 ? " class=\"num\"" : "") scope=\"col\">\(escapeHTML($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for p in programs.sorted(by: { ($0.fiscalYear.value, $0.id) < ($1.fiscalYear.value, $1.id) }) {
                let budget = p.budgetThousandYen.map { escapeHTML(NumberFormat.grouped($0.value)) + cite($0.source, $0.quote) } ?? ""
                let rates = p.allSubsidyRates.isEmpty ? "" : escapeHTML(RegistryRenderer.rateSummary(p, lang))
                    + cite(p.allSubsidyRates.first?.source, p.allSubsidyRates.first.map { $0.quote ?? $0.value })
                let new = p.isNew.map { escapeHTML($0.value ? t(lang, "新規", "new") : t(lang, "継続", "continuing")) + cite($0.source, $0.quote) } ?? ""
                rows += "<tr><td>\(escapeHTML(RegistryRenderer.fiscalYearText(p, lang)))</td>"
                    + "<td><a href=\"#\(escapeHTML(p.id))\">\(escapeHTML(p.name(lang)))</a></td>"
                    + "<td class=\"num\">\(budget)</td><td>\(rates)</td><td>\(new)</td></tr>\n"
            }
            page.rawTrusted(rows + "</tbody>\n</table>")
        }

        // History across years: programs printed in more than one year.
        page.heading(t(lang, "事業の経年", "Programs across fiscal years"), level: 2)
        var keys: [String] = []
        for p in registry.programs where !keys.contains(p.programKey) { keys.append(p.programKey) }
        for key in keys {
            let records = registry.programs.filter { $0.programKey == key }.sorted { ($0.fiscalYear.value, $0.id) < ($1.fiscalYear.value, $1.id) }
            guard records.count > 1, let last = records.last else { continue }
            page.heading(last.name(lang), level: 3)
            var rows = "<table>\n<thead><tr>" + [t(lang, "年度", "FY"), t(lang, "資料の事業名", "Name as printed"), t(lang, "予算額（千円）", "Budget (thousand yen)"),
                                                  t(lang, "補助率", "Subsidy rate")]
                .enumerated().map { "<th\($0.offset == 2 ? " class=\"num\"" : "") scope=\"col\">\(escapeHTML($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for p in records {
                let budget = p.budgetThousandYen.map { escapeHTML(NumberFormat.grouped($0.value)) + cite($0.source, $0.quote) } ?? ""
                rows += "<tr><td>\(escapeHTML(RegistryRenderer.fiscalYearText(p, lang)))</td>"
                    + "<td><a href=\"#\(escapeHTML(p.id))\">\(escapeHTML(p.nameJa.value))</a>\(cite(p.nameJa.source, p.nameJa.value))</td>"
                    + "<td class=\"num\">\(budget)</td><td>\(escapeHTML(RegistryRenderer.rateSummary(p, lang)))</td></tr>\n"
            }
            page.rawTrusted(rows + "</tbody>\n</table>")
        }

        // Every program in full.
        page.heading(t(lang, "各事業の内容", "Each program in full"), level: 2)
        for p in registry.programs {
            page.heading(p.name(lang) + " — " + RegistryRenderer.fiscalYearText(p, lang), level: 3, id: p.id)
            var dl = "<dl class=\"program\">\n"
            for f in fields(p, lang: lang) {
                let c = f.nested ? " class=\"nested\"" : ""
                dl += "<dt\(c)>\(escapeHTML(f.label))</dt><dd\(c)>\(escapeHTML(f.value))\(cite(f.source, f.printed))</dd>\n"
            }
            page.rawTrusted(dl + "</dl>")
        }

        // The source lines, by document and line.
        page.heading(t(lang, "出典", "Sources"), level: 2)
        var docs = "<ul class=\"sources\">\n"
        for d in registry.data.documents {
            docs += "<li>" + escapeHTML(d.file.split(separator: "_").first.map(String.init) ?? d.file) + ": "
                + escapeHTML(lang == .ja ? d.titleJa.value + "（" + d.fiscalYear.era + "）" : d.titleEn + " (" + d.titleJa.value + ", FY\(d.fiscalYear.value))")
                + escapeHTML(t(lang, "、ファイル docs/sources/seeds/", ", file docs/sources/seeds/")) + escapeHTML(d.file) + "</li>\n"
        }
        page.rawTrusted(docs + "</ul>")
        var list = "<ul class=\"sources\">\n"
        let sorted = sources.sorted { ($0.ref.file, $0.ref.line) < ($1.ref.file, $1.ref.line) }
        for (s, printed) in sorted {
            list += "<li id=\"\(escapeHTML(anchor(s)))\">[\(escapeHTML(short(s)))] " + escapeHTML(s.label)
                + (printed.map { escapeHTML(t(lang, "：「", ": \u{201C}") + $0 + t(lang, "」", "\u{201D}")) } ?? "") + "</li>\n"
        }
        page.rawTrusted(list + "</ul>")
        return page.render()
    }
}
