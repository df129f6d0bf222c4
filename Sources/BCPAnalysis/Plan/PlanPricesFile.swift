import BCPInput
import BCPModel
import BCPText
import Foundation

/// A prices CSV for `bcpsim plan --prices FILE`: one row per item whose price replaces the
/// default (docs/PLAN.md "Prices"),
///
///     item,yen
///     team,800000
///     bed,1500000
///
/// `item` is unit, team, contact, bed, tier-step or regional-bcp. A price given here counts as
/// the ward's own figure (no longer an assumption); Tokyo's share stays the program's.
public enum PlanPricesFile {
    public static let specs: [ColumnSpec] = [
        ColumnSpec("item", required: true, .choice(PlanPrices.Item.allCases.map(\.rawValue))),
        ColumnSpec("yen", required: true, .integer(0...10_000_000_000, unit: "yen")),
    ]

    public static func load(path: String, into prices: PlanPrices) -> Result<PlanPrices, InputError> {
        let text: String
        switch SideFile.text(path: path, what: "the prices file") {
        case .failure(let e): return .failure(e)
        case .success(let t): text = t
        }
        var d = Diagnostics()
        let out = parse(path: path, text: text, into: prices, &d)
        return d.hasErrors ? .failure(InputError(d)) : .success(out)
    }

    /// Parses prices text over `prices`; problems go to `diags` and their rows are skipped.
    public static func parse(path: String, text: String, into prices: PlanPrices, _ diags: inout Diagnostics) -> PlanPrices {
        var out = prices
        guard let t = CSVTable.read(path: path, text: text, specs: specs, into: &diags) else { return out }
        var seen: [String: Int] = [:]
        for row in t.rows {
            let item = t.choice(row, "item", fallback: nil, &diags).flatMap(PlanPrices.Item.init(rawValue:))
            let yen = t.int(row, "yen", fallback: nil, &diags)
            guard let item, let yen else { continue }
            if let first = seen[item.rawValue] {
                t.error(row, "item", "\(item.rawValue) is listed twice (first at line \(first)); give one row", &diags)
                continue
            }
            seen[item.rawValue] = row.line
            out[item].yen = yen
            out[item].source = .given
        }
        return out
    }
}
