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
        for p in programs { w.row(texts: row(p, lang)) }
        return w.text
    }

    /// The programs as JSON, keys sorted, written by the project's JSON writer.
    public static func json(_ programs: [Program]) -> String {
        guard let tree = try? OrderedJSONEncoder(sortedKeys: true).encode(programs) else { return "[]\n" }
        return tree.render() + "\n"
    }

    /// One record with every field, each followed by its source `[file:line]` and the printed text «quote».
    public static func show(_ p: Program, lang: Language) -> String {
        var out = ["# \(p.name(lang)) (\(p.id))", ""]
        out.append(lang == .ja
            ? "年度: \(p.fiscalYear.era)（\(p.fiscalYear.value)）  出典: \(p.file)"
            : "Fiscal year: FY\(p.fiscalYear.value) (\(p.fiscalYear.era))  Source: \(p.file)")
        out.append("")
        guard let tree = try? OrderedJSONEncoder(sortedKeys: true).encode(p) else { return out.joined(separator: "\n") + "\n" }
        flatten(tree, path: "", into: &out)
        return out.joined(separator: "\n") + "\n"
    }

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

extension RegistryRenderer {
    /// Appends `path: value  [file:line] «quote»` lines, keys in the tree's (sorted) order; cited
    /// objects on one line.
    static func flatten(_ v: OrderedJSON, path: String, into out: inout [String]) {
        func scalar(_ v: OrderedJSON?) -> String? {
            switch v {
            case .bool(let b)?: return String(b)
            case .int(let i)?: return String(i)
            case .string(let s)?: return s
            case .null?: return "null"
            default: return nil
            }
        }
        switch v {
        case .array(let items):
            for (i, item) in items.enumerated() { flatten(item, path: "\(path)[\(i)]", into: &out) }
        case .object(let members):
            func member(_ k: String) -> OrderedJSON? { members.first { $0.0 == k }?.1 }
            if case .object(let src)? = member("source") {
                func s(_ k: String) -> String? { scalar(src.first { $0.0 == k }?.1) }
                let file = s("file") ?? "?", line = s("line") ?? "?"
                let range = s("endLine").map { "\(line)-\($0)" } ?? line
                var text = "\(path): \(scalar(member("value")) ?? "")  [\(file):\(range)]"
                if let q = scalar(member("quote")), q != scalar(member("value")) { text += " «\(q)»" }
                if scalar(member("inferred")) == "true" { text += " (inferred)" }
                out.append(text)
                for (k, x) in members where !["value", "source", "quote", "inferred"].contains(k) {
                    flatten(x, path: "\(path).\(k)", into: &out)
                }
            } else {
                for (k, x) in members { flatten(x, path: path.isEmpty ? k : "\(path).\(k)", into: &out) }
            }
        default:
            out.append("\(path): \(scalar(v) ?? "")")
        }
    }
}
