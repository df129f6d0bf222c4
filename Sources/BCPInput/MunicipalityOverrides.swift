import BCPModel

/// Applies a scenario's optional municipalities.csv to the built-in table: a row for a known code
/// changes the fields it fills; a row for a new code must fill every descriptive field.
enum MunicipalityOverrides {
    static func apply(_ t: CSVTable, to base: [Municipality], _ d: inout Diagnostics) -> [Municipality] {
        var list = base
        var seen: [(MunicipalityCode, Int)] = []
        var applied: [(MunicipalityCode, CSVRecord)] = []
        for row in t.rows {
            guard let code = t.code(row, "code", &d) else { continue }
            if let first = seen.first(where: { $0.0 == code }) {
                t.error(row, "code", "duplicate municipality \(code) (first at line \(first.1))", &d)
                continue
            }
            seen.append((code, row.line))
            applied.append((code, row))
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
            if let v = t.text(row, "name_en") { m.nameEn = Municipality.englishName(v) }
            if let v = t.choice(row, "kind", fallback: m.kind.rawValue, &d).flatMap(MunicipalityKind.init(rawValue:)) { m.kind = v }
            if let v = t.bool(row, "island", fallback: m.island, &d) { m.island = v }
            if let v = t.int(row, "population", fallback: m.population, &d) { m.population = v }
            if let v = t.text(row, "population_date") { m.populationDate = v }
            // Either name may be given alone (an English name alone used to be ignored silently).
            let areaJa = t.text(row, "secondary_medical_area_ja"), areaEn = t.text(row, "secondary_medical_area_en")
            if areaJa != nil || areaEn != nil {
                m.area = SecondaryArea(nameJa: areaJa ?? m.area.nameJa, nameEn: areaEn ?? m.area.nameEn)
            }
            if let v = t.bool(row, "regional_bcp", fallback: m.hasRegionalBCP, &d) { m.hasRegionalBCP = v }
            if let v = t.int(row, "delivery_teams", fallback: m.deliveryTeams, &d) { m.deliveryTeams = v }
            if let v = t.int(row, "contacts_per_hour", fallback: m.contactsPerHour, &d) { m.contactsPerHour = v }
            if let v = t.bool(row, "admission_system", fallback: m.admissionSystem, &d) { m.admissionSystem = v }
            if let v = t.int(row, "charging_points", fallback: m.chargingPoints, &d) { m.chargingPoints = v }
            if let i = list.firstIndex(where: { $0.code == code }) { list[i] = m } else { list.append(m) }
        }
        list.sort { $0.code < $1.code }
        checkAreaNames(list, applied, t, &d)
        return list
    }

    /// Within a scenario a Japanese secondary-area name has one English name and an English name
    /// names one Japanese area: reports and the workshop pack key areas by either (issue 16: a
    /// municipality moved to another area, or renamed in English alone, passed validation and
    /// crashed `workshop`). Municipalities no row touches keep the built-in table's names and set
    /// the reference; each row is then checked in file order against them and the rows before
    /// it, and located at the column that made the difference.
    static func checkAreaNames(_ list: [Municipality], _ applied: [(MunicipalityCode, CSVRecord)], _ t: CSVTable, _ d: inout Diagnostics) {
        var rowOf: [MunicipalityCode: CSVRecord] = [:]
        for (code, row) in applied { rowOf[code] = row }
        var byCode: [MunicipalityCode: Municipality] = [:]
        for m in list { byCode[m.code] = m }
        // The first municipality giving each name, with the line of its row (nil: built in).
        var english: [String: (Municipality, Int?)] = [:]
        var japanese: [String: (Municipality, Int?)] = [:]
        func who(_ m: Municipality, _ line: Int?) -> String {
            "\(m.code) \(m.nameJa)" + (line.map { ", line \($0)" } ?? ", built-in table")
        }
        let untouched = list.filter { rowOf[$0.code] == nil }.map { ($0, nil as CSVRecord?) }
        let rows = applied.compactMap { code, row in byCode[code].map { ($0, row as CSVRecord?) } }
        for (m, row) in untouched + rows {
            let ja = m.area.nameJa, en = m.area.nameEn
            var problem: (column: String, message: String)?
            if let (first, line) = english[ja], first.area.nameEn != en {
                problem = (
                    column(row, t, prefer: "secondary_medical_area_en", else: "secondary_medical_area_ja"),
                    "secondary medical area \(ja) is \"\(first.area.nameEn)\" in English (\(who(first, line))), not \"\(en)\": "
                        + "within a scenario a Japanese area name has one English name")
            } else if let (first, line) = japanese[en], first.area.nameJa != ja {
                problem = (
                    column(row, t, prefer: "secondary_medical_area_ja", else: "secondary_medical_area_en"),
                    "English area name \"\(en)\" already names \(first.area.nameJa) (\(who(first, line))), not \(ja): "
                        + "within a scenario an English area name names one Japanese area")
            }
            if let (column, message) = problem {
                if let row {
                    t.error(row, column, message, &d)
                } else {
                    // Only if the built-in table itself disagrees: a packaging fault.
                    d.error(TokyoMunicipalities.fileName, 0, 0, "\(m.code): \(message)")
                }
                continue
            }
            if english[ja] == nil { english[ja] = (m, row?.line) }
            if japanese[en] == nil { japanese[en] = (m, row?.line) }
        }
    }

    /// The column to point at: `prefer` if the row fills it, else `other` if it does, else `code`.
    private static func column(_ row: CSVRecord?, _ t: CSVTable, prefer: String, else other: String) -> String {
        guard let row else { return "code" }
        if t.text(row, prefer) != nil { return prefer }
        if t.text(row, other) != nil { return other }
        return "code"
    }
}
