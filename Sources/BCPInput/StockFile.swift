import BCPInput
import BCPModel
import Foundation
import BCPText

/// A stock CSV for `bcpsim allocation --stock FILE`: one row per municipality and item,
///
///     code,item,units
///     131016,generator,2
///     131016,battery,1
///
/// `item` is generator, battery or ups. Municipalities or items without a row hold 0. Errors are
/// located (path:line:column) like the scenario's own tables.
public enum StockFile {
    public static let specs: [ColumnSpec] = [
        ColumnSpec("code", required: true, .code),
        ColumnSpec("item", required: true, .choice(PowerUnitKind.allCases.map(\.rawValue))),
        ColumnSpec("units", required: true, .integer(0...100_000, unit: "units")),
    ]

    /// Reads the file at `path` (UTF-8, or Shift_JIS as Excel saves it in Japan).
    public static func load(path: String, municipalities: [Municipality]) -> Result<[MunicipalityCode: ItemCounts], InputError> {
        let text: String
        switch SideFile.text(path: path, what: "the stock file") {
        case .failure(let e): return .failure(e)
        case .success(let t): text = t
        }
        var d = Diagnostics()
        let stock = parse(path: path, text: text, municipalities: municipalities, into: &d)
        return d.hasErrors ? .failure(InputError(d)) : .success(stock)
    }

    /// Parses stock text; problems go to `diags` and their rows are skipped.
    public static func parse(path: String, text: String, municipalities: [Municipality], into diags: inout Diagnostics) -> [MunicipalityCode: ItemCounts] {
        guard let t = CSVTable.read(path: path, text: text, specs: specs, into: &diags) else { return [:] }
        var out: [MunicipalityCode: ItemCounts] = [:]
        var seen: [String: Int] = [:]
        for row in t.rows {
            let code = t.code(row, "code", &diags)
            let item = t.choice(row, "item", fallback: nil, &diags).flatMap(PowerUnitKind.init(rawValue:))
            let units = t.int(row, "units", fallback: nil, &diags)
            guard let code, let item, let units else { continue }
            guard municipalities.contains(where: { $0.code == code }) else {
                t.error(row, "code", "municipality \(code) is not in the municipality table (Tokyo's 62, plus the scenario's own)", &diags)
                continue
            }
            let key = "\(code)/\(item.rawValue)"
            if let first = seen[key] {
                t.error(row, "item", "\(item.rawValue) for \(code) is listed twice (first at line \(first)); give one row with the total", &diags)
                continue
            }
            seen[key] = row.line
            out[code, default: .zero][item] = units
        }
        return out
    }
}
