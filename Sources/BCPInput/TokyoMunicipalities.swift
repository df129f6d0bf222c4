import BCPModel
import Foundation

/// Tokyo's 62 municipalities as shipped with the tool (docs/sources/data, 2023-01-01 population;
/// provenance in docs/sources/data/tokyo-municipalities-SOURCES.md).
public enum TokyoMunicipalities {
    public static let fileName = "tokyo-municipalities.csv"

    /// The built-in table, parsed and checked. A broken resource is a packaging fault, so it throws.
    /// It is read once per process: every scenario load starts from it.
    public static func load() throws -> [Municipality] { try builtIn.get() }

    private static let builtIn: Result<[Municipality], InputError> = {
        guard let url = Bundle.module.url(forResource: "tokyo-municipalities", withExtension: "csv") else {
            return .failure(InputError(path: fileName, "the built-in Tokyo municipality table is missing from the installation"))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(InputError(path: fileName, "the built-in Tokyo municipality table cannot be read"))
        }
        var diags = Diagnostics()
        let list = parse(data: data, path: fileName, into: &diags)
        return diags.hasErrors ? .failure(InputError(diags)) : .success(list)
    }()

    static let specs: [ColumnSpec] = [
        ColumnSpec("code", required: true, .code),
        ColumnSpec("name_ja", required: true), ColumnSpec("name_en", required: true),
        ColumnSpec("kind", required: true, .choice(MunicipalityKind.allCases.map(\.rawValue))),
        ColumnSpec("island", required: true, .boolean),
        ColumnSpec("population", required: true, .integer(0...100_000_000, unit: "residents")),
        ColumnSpec("population_date", required: true),
        ColumnSpec("secondary_medical_area_ja", required: true), ColumnSpec("secondary_medical_area_en", required: true),
    ]

    /// Parses a table in the shared data's layout.
    static func parse(data: Data, path: String, into diags: inout Diagnostics) -> [Municipality] {
        guard case .success(let (text, _)) = TextDecoding.decode(data, as: .utf8),
            let table = CSVTable.read(path: path, text: text, specs: specs, into: &diags)
        else {
            diags.error(path, 0, 0, "cannot read the municipality table")
            return []
        }
        var out: [Municipality] = []
        for row in table.rows {
            guard let code = table.code(row, "code", &diags),
                let nameJa = table.string(row, "name_ja", &diags), let nameEn = table.string(row, "name_en", &diags),
                let kind = table.choice(row, "kind", fallback: nil, &diags).flatMap(MunicipalityKind.init(rawValue:)),
                let island = table.bool(row, "island", fallback: false, &diags),
                let population = table.int(row, "population", fallback: nil, &diags),
                let date = table.string(row, "population_date", &diags),
                let areaJa = table.string(row, "secondary_medical_area_ja", &diags),
                let areaEn = table.string(row, "secondary_medical_area_en", &diags)
            else { continue }
            out.append(
                Municipality(
                    code: code, nameJa: nameJa, nameEn: Municipality.englishName(nameEn), kind: kind, island: island, population: population,
                    populationDate: date, area: SecondaryArea(nameJa: areaJa, nameEn: areaEn)))
        }
        return out.sorted { $0.code < $1.code }
    }
}
