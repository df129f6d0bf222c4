import BCPText
import Foundation

/// Renders registry programs as Markdown, CSV or JSON, one record in full (`show`), or a history.
/// Output is deterministic: no dictionary order reaches it.
public enum RegistryRenderer {
    /// Column headers of the list table in a language.
    static func headers(_ lang: RegistryLanguage) -> [String] {
        lang == .ja
            ? ["ID", "年度", "事業名", "予算額（千円）", "補助率", "新規", "取組", "出典"]
            : ["ID", "FY", "Program", "Budget (thousand yen)", "Subsidy rate", "New", "Efforts", "Source"]
    }

    /// One row of the list table.
    static func row(_ p: Program, _ lang: RegistryLanguage) -> [String] {
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
    static func fiscalYearText(_ p: Program, _ lang: RegistryLanguage) -> String {
        let mark = p.fiscalYear.inferred == true ? (lang == .ja ? "（推定）" : " (inferred)") : ""
        return (lang == .ja ? p.fiscalYear.era : "FY\(p.fiscalYear.value)") + mark
    }

    /// The subsidy rates of a program (its own, else its menus'), with their phase.
    public static func rateSummary(_ p: Program, _ lang: RegistryLanguage) -> String {
        let own = p.subsidyRates.map { rateText($0, lang) }
        if !own.isEmpty { return own.joined(separator: "; ") }
        return p.menus.flatMap { m in m.subsidyRates.map { "\(lang == .ja ? m.nameJa.value : m.nameEn): \(rateText($0, lang))" } }
            .joined(separator: "; ")
    }

    static func rateText(_ r: SubsidyRate, _ lang: RegistryLanguage) -> String {
        // A rate is printed in Japanese where it offers a choice (1/2または3/4, 002 line 59).
        let value = lang == .ja ? r.value : r.value.replacingOccurrences(of: "または", with: " or ")
        switch r.phase {
        case "first3Years"?: return value + (lang == .ja ? "（開始3年間）" : " (years 1-3)")
        case "fromYear4"?: return value + (lang == .ja ? "（4年目以降）" : " (from year 4)")
        default: return value
        }
    }

    /// A Markdown table of the programs.
    public static func markdown(_ programs: [Program], lang: RegistryLanguage) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: " | ") + " |"
        }
        let h = headers(lang)
        var out = [line(h), "|" + String(repeating: " --- |", count: h.count)]
        out += programs.map { line(row($0, lang)) }
        return out.joined(separator: "\n") + "\n"
    }

    /// CSV (RFC 4180: fields quoted when needed, quotes doubled, CRLF line ends), optionally with a UTF-8 BOM for Excel.
    public static func csv(_ programs: [Program], lang: RegistryLanguage, bom: Bool = false) -> String {
        let lines = ([headers(lang)] + programs.map { row($0, lang) }).map { $0.map(csvField).joined(separator: ",") }
        return (bom ? "\u{FEFF}" : "") + lines.map { $0 + "\r\n" }.joined()
    }

    /// One CSV field, quoted if it holds a comma, quote, CR or LF.
    public static func csvField(_ s: String) -> String { TextEscaping.csvField(s) }

    /// The programs as JSON (sorted keys, pretty printed, stable). Returns "[]" if encoding fails.
    public static func json(_ programs: [Program]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? enc.encode(programs), let s = String(data: data, encoding: .utf8) else { return "[]\n" }
        return s + "\n"
    }

    /// One record with every field, each followed by its source `[file:line]` and the printed text «quote».
    public static func show(_ p: Program, lang: RegistryLanguage) -> String {
        var out = ["# \(p.name(lang)) (\(p.id))", ""]
        out.append(lang == .ja
            ? "年度: \(p.fiscalYear.era)（\(p.fiscalYear.value)）  出典: \(p.file)"
            : "Fiscal year: FY\(p.fiscalYear.value) (\(p.fiscalYear.era))  Source: \(p.file)")
        out.append("")
        guard let data = try? JSONEncoder().encode(p), let node = try? JSONDecoder().decode(JSONNode.self, from: data)
        else { return out.joined(separator: "\n") + "\n" }
        node.flatten(path: "", into: &out)
        return out.joined(separator: "\n") + "\n"
    }

    /// A program across fiscal years: one table row per record, oldest first.
    public static func history(_ programs: [Program], lang: RegistryLanguage) -> String {
        guard let first = programs.last else { return lang == .ja ? "該当する事業はありません。\n" : "No matching program.\n" }
        let title = lang == .ja ? "# 事業の経年: \(first.name(lang))" : "# Program history: \(first.name(lang))"
        let h = lang == .ja ? ["年度", "ID", "事業名", "予算額（千円）", "補助率", "出典"]
                            : ["FY", "ID", "Program", "Budget (thousand yen)", "Subsidy rate", "Source"]
        var out = [title, "", "| " + h.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: h.count)]
        for p in programs {
            let fy = fiscalYearText(p, lang)
            let budget = p.budgetThousandYen.map { "\($0.value)" } ?? ""
            let cells = [fy, p.id, p.nameJa.value + (lang == .en ? " / \(p.nameEn)" : ""), budget, rateSummary(p, lang), p.nameJa.source.label]
            out.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A minimal JSON tree used to list every field of a record in sorted-key order.
indirect enum JSONNode: Decodable {
    case bool(Bool), int(Int), string(String), array([JSONNode]), object([String: JSONNode]), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONNode].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONNode].self)) }
    }

    var scalar: String? {
        switch self {
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .string(let s): return s
        case .null: return "null"
        default: return nil
        }
    }

    /// Appends `path: value  [file:line] «quote»` lines, keys sorted; cited objects on one line.
    func flatten(path: String, into out: inout [String]) {
        switch self {
        case .array(let items):
            for (i, item) in items.enumerated() { item.flatten(path: "\(path)[\(i)]", into: &out) }
        case .object(let o):
            if case .object(let src)? = o["source"] {
                let file = src["file"]?.scalar ?? "?", line = src["line"]?.scalar ?? "?"
                let range = src["endLine"]?.scalar.map { "\(line)-\($0)" } ?? line
                var s = "\(path): \(o["value"]?.scalar ?? "")  [\(file):\(range)]"
                if let q = o["quote"]?.scalar, q != o["value"]?.scalar { s += " «\(q)»" }
                if o["inferred"]?.scalar == "true" { s += " (inferred)" }
                out.append(s)
                for k in o.keys.sorted() where !["value", "source", "quote", "inferred"].contains(k) {
                    o[k]?.flatten(path: "\(path).\(k)", into: &out)
                }
            } else {
                for k in o.keys.sorted() { o[k]?.flatten(path: path.isEmpty ? k : "\(path).\(k)", into: &out) }
            }
        default:
            out.append("\(path): \(scalar ?? "")")
        }
    }
}
