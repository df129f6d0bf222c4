import BCPModel

/// Applies a scenario's optional municipalities.csv to the built-in table: a row for a known code
/// changes the fields it fills; a row for a new code must fill every descriptive field.
enum MunicipalityOverrides {
    static func apply(_ t: CSVTable, to base: [Municipality], _ d: inout Diagnostics) -> [Municipality] {
        var list = base
        var seen: [(MunicipalityCode, Int)] = []
        for row in t.rows {
            guard let code = t.code(row, "code", &d) else { continue }
            if let first = seen.first(where: { $0.0 == code }) {
                t.error(row, "code", "duplicate municipality \(code) (first at line \(first.1))", &d)
                continue
            }
            seen.append((code, row.line))
            var m: Municipality
            if let i = list.firstIndex(where: { $0.code == code }) {
                m = list[i]
            } else {
                let required = ["name_ja", "name_en", "kind", "population", "population_date", "secondary_medical_area_ja", "secondary_medical_area_en"]
                let missing = required.filter { t.text(row, $0) == nil }
                guard missing.isEmpty else {
                    t.error(row, "code", "\(code) is not in the built-in Tokyo table, so the row must give \(missing.joined(separator: ", "))", &d)
                    continue
                }
                m = Municipality(
                    code: code, nameJa: "", nameEn: "", kind: .city, island: false, population: 0, populationDate: "",
                    area: SecondaryArea(nameJa: "", nameEn: ""))
            }
            if let v = t.text(row, "name_ja") { m.nameJa = v }
            if let v = t.text(row, "name_en") { m.nameEn = v }
            if let v = t.choice(row, "kind", fallback: m.kind.rawValue, &d).flatMap(MunicipalityKind.init(rawValue:)) { m.kind = v }
            if let v = t.bool(row, "island", fallback: m.island, &d) { m.island = v }
            if let v = t.int(row, "population", fallback: m.population, &d) { m.population = v }
            if let v = t.text(row, "population_date") { m.populationDate = v }
            if let ja = t.text(row, "secondary_medical_area_ja") {
                m.area = SecondaryArea(nameJa: ja, nameEn: t.text(row, "secondary_medical_area_en") ?? m.area.nameEn)
            }
            if let v = t.bool(row, "regional_bcp", fallback: m.hasRegionalBCP, &d) { m.hasRegionalBCP = v }
            if let v = t.int(row, "delivery_teams", fallback: m.deliveryTeams, &d) { m.deliveryTeams = v }
            if let v = t.int(row, "contacts_per_hour", fallback: m.contactsPerHour, &d) { m.contactsPerHour = v }
            if let i = list.firstIndex(where: { $0.code == code }) { list[i] = m } else { list.append(m) }
        }
        return list.sorted { $0.code < $1.code }
    }
}
