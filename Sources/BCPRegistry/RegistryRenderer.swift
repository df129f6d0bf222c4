import BCPText
import Foundation

/// Renders registry programs as Markdown, CSV or JSON, one record in full (`show`), or a history.
/// Output is deterministic: no dictionary order reaches it.
public enum RegistryRenderer {
    /// Column headers of the list table in a language.
    static func headers(_ lang: Language) -> [String] {
        lang == .ja
            ? ["ID", "年度", "事業名", "予算額（千円）", "補助率", "新規", "取組", "出典"]
            : ["ID", "FY", "Program", "Budget (thousand yen)", "Subsidy rate", "New", "Efforts", "Source"]
    }

    /// One row of the list table.
    static func row(_ p: Program, _ lang: Language) -> [String] {
        let fy = fiscalYearText(p, lang)
        let budget = p.budgetThousandYen.map { String($0.value) } ?? ""
        var new: [String] = []
        switch p.isNew?.value {
        case true?: new.append(lang == .ja ? "新規" : "new")
        case false?: new.append(lang == .ja ? "継続" : "continuing")
        case nil: break
        }
        let menus = p.newMenus.map { lang == .ja ? $0.nameJa.value : $0.nameEn }
        if !menus.isEmpty { new.append((lang == .ja ? "新規メニュー：" : "new menu: ") + menus.joined(separator: lang == .ja ? "、" : ", ")) }
        let efforts = p.efforts.map { String($0.value) }.joined(separator: " ")
        return [p.id, fy, p.name(lang), budget, rateSummary(p, lang), new.joined(separator: "; "), efforts, p.nameJa.source.label]
    }

    /// "令和7年度" / "FY2025", marked when the year is inferred (document 004).
    static func fiscalYearText(_ p: Program, _ lang: Language) -> String {
        let mark = p.fiscalYear.inferred == true ? (lang == .ja ? "（推定）" : " (inferred)") : ""
        return (lang == .ja ? p.fiscalYear.era : "FY\(p.fiscalYear.value)") + mark
    }

    /// The subsidy rates of a program (its own, else its menus'), with their phase.
    public static func rateSummary(_ p: Program, _ lang: Language) -> String {
        let own = p.subsidyRates.map { rateText($0, lang) }
        if !own.isEmpty { return own.joined(separator: "; ") }
        return p.menus.flatMap { m in m.subsidyRates.map { "\(lang == .ja ? m.nameJa.value : m.nameEn): \(rateText($0, lang))" } }
            .joined(separator: "; ")
    }

    static func rateText(_ r: SubsidyRate, _ lang: Language) -> String {
        // A rate is printed in Japanese where it offers a choice (1/2または3/4, 002 line 59).
        let value = lang == .ja ? r.value : r.value.replacingOccurrences(of: "または", with: " or ")
        switch r.phase {
        case "first3Years"?: return value + (lang == .ja ? "（開始3年間）" : " (years 1-3)")
        case "fromYear4"?: return value + (lang == .ja ? "（4年目以降）" : " (from year 4)")
        default: return value
        }
    }

    /// A Markdown table of the programs (TextTable: cells escaped like every report's).
    public static func markdown(_ programs: [Program], lang: Language) -> String {
        var t = TextTable(headers: headers(lang))
        for p in programs { t.add(row(p, lang)) }
        return t.render()
    }

    /// CSV (CSVWriter: RFC 4180, CRLF, the formula guard), optionally with a UTF-8 BOM for Excel.
    public static func csv(_ programs: [Program], lang: Language, bom: Bool = false) -> String {
        var w = CSVWriter(bom: bom)
        w.row(texts: headers(lang))
        let rate = headers(lang).firstIndex(of: lang == .ja ? "補助率" : "Subsidy rate")
        for p in programs {
            var cells = row(p, lang)
            // Excel opens a cell "1/2" as the date 2 January: the rate's slashes are written as
            // the fraction slash U+2044 ("1⁄2"), which it keeps as text and shows the same.
            if let rate { cells[rate] = cells[rate].replacingOccurrences(of: "/", with: "\u{2044}") }
            w.row(texts: cells)
        }
        return w.text
    }

    /// The programs as JSON, keys sorted, written by the project's JSON writer.
    public static func json(_ programs: [Program]) -> String {
        guard let tree = try? OrderedJSONEncoder(sortedKeys: true).encode(programs) else { return "[]\n" }
        return tree.render() + "\n"
    }

    /// One record, every field labelled and followed by its source line (RegistryPage.fields).
    public static func show(_ p: Program, lang: Language) -> String { RegistryPage.show(p, lang: lang) }

    /// A program across fiscal years: one table row per record, oldest first.
    public static func history(_ programs: [Program], lang: Language) -> String {
        guard let first = programs.last else { return lang == .ja ? "該当する事業はありません。\n" : "No matching program.\n" }
        let title = lang == .ja ? "# 事業の経年: \(first.name(lang))" : "# Program history: \(first.name(lang))"
        let h = lang == .ja ? ["年度", "ID", "事業名", "予算額（千円）", "補助率", "出典"]
                            : ["FY", "ID", "Program", "Budget (thousand yen)", "Subsidy rate", "Source"]
        var t = TextTable(headers: h)
        for p in programs {
            let fy = fiscalYearText(p, lang)
            let budget = p.budgetThousandYen.map { "\($0.value)" } ?? ""
            t.add([fy, p.id, p.nameJa.value + (lang == .en ? " / \(p.nameEn)" : ""), budget, rateSummary(p, lang), p.nameJa.source.label])
        }
        return title + "\n\n" + t.render()
    }
}
