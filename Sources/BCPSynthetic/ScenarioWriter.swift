import BCPInput
import BCPModel
import BCPText

/// Writes a Scenario as a scenario folder's texts (scenario.json and the CSV tables), the
/// inverse of BCPInput's loader. Returns (file name, contents) pairs; the caller writes them.
public enum ScenarioWriter {
    public static func files(for s: Scenario, builtIn: [Municipality], sources: [String] = []) -> [(String, String)] {
        var out = [("scenario.json", scenarioJSON(s, sources: sources))]
        out.append(("patients.csv", patientsCSV(s.patients)))
        out.append(("providers.csv", providersCSV(s.providers)))
        out.append(("units.csv", unitsCSV(s.units)))
        if let m = municipalitiesCSV(s.municipalities, builtIn: builtIn) { out.append(("municipalities.csv", m)) }
        return out
    }

    /// Hours text that converts back to exactly `minutes` (whole hours plain, else 4 decimals).
    static func hours(_ minutes: Int) -> String {
        if minutes % 60 == 0 { return String(minutes / 60) }
        let tenThousandths = (minutes * 10_000 + 30) / 60
        return decimal(tenThousandths, places: 4)
    }

    static func decimal(_ value: Int, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        var frac = String(value % scale).leftPadded(places)
        while frac.hasSuffix("0") { frac.removeLast() }
        return frac.isEmpty ? String(value / scale) : "\(value / scale).\(frac)"
    }

    static func quote(_ s: String) -> String { TextEscaping.jsonString(s) }

    static func targets(_ ts: [ZoneTarget]) -> String {
        let codes = ts.compactMap { t -> String? in if case .municipality(let c) = t { return quote(c.description) }; return nil }
        let areas = ts.compactMap { t -> String? in if case .area(let a) = t { return quote(a) }; return nil }
        var parts: [String] = []
        if !codes.isEmpty { parts.append("\"municipalities\": [\(codes.joined(separator: ", "))]") }
        if !areas.isEmpty { parts.append("\"areas\": [\(areas.joined(separator: ", "))]") }
        return parts.joined(separator: ", ")
    }

    static func scenarioJSON(_ s: Scenario, sources: [String]) -> String {
        var j = "{\n  \"schema\": \(s.schemaVersion),\n"
        j += "  \"name\": {\"ja\": \(quote(s.nameJa)), \"en\": \(quote(s.nameEn))},\n"
        j += "  \"description\": \(quote(s.description)),\n"
        j += "  \"synthetic\": \(s.synthetic),\n  \"seed\": \(s.seed),\n"
        if s.startClockMinute != 0 { j += "  \"start_clock\": \(quote(ClockTime.text(s.startClockMinute))),\n" }
        j += "  \"horizon_hours\": \(hours(s.horizonMinutes)),\n"
        if !sources.isEmpty { j += "  \"sources\": [\n" + sources.map { "    " + quote($0) }.joined(separator: ",\n") + "\n  ],\n" }
        j += "  \"zones\": [\n"
        j += s.zones.map { z in
            var line = "    {\"id\": \(quote(z.id)), \(targets(z.targets)), \"start_hour\": \(hours(z.startMinute)), "
            switch z.shape {
            case .restoration(let c):
                line += "\"curve\": [" + c.points.map { "[\(hours($0.minute)), \(decimal($0.restoredPPM, places: 6))]" }.joined(separator: ", ") + "]}"
            case .rolling(let r):
                line += "\"rolling\": {\"groups\": \(r.groups), \"blocks\": ["
                line += r.blocks.map { "{\"group\": \($0.group), \"start_hour\": \(hours($0.startMinute)), \"hours\": \(hours($0.durationMinutes))}" }.joined(separator: ", ")
                line += "]}}"
            }
            return line
        }.joined(separator: ",\n")
        j += "\n  ]"
        if !s.disruptions.isEmpty {
            j += ",\n  \"disruptions\": [\n" + s.disruptions.map { "    " + disruption($0) }.joined(separator: ",\n") + "\n  ]"
        }
        let params = parameters(s.parameters)
        if !params.isEmpty { j += ",\n  \"parameters\": {" + params.joined(separator: ", ") + "}" }
        return j + "\n}\n"
    }

    static func disruption(_ d: Disruption) -> String {
        func until(_ u: Int?) -> String { u.map { ", \"until_hour\": \(hours($0))" } ?? "" }
        switch d {
        case .providerOut(let p, let from, let to):
            return "{\"type\": \"provider_out\", \"provider\": \(quote(p)), \"from_hour\": \(hours(from))\(until(to))}"
        case .travelSlowed(let ts, let pct, let from, let to):
            return "{\"type\": \"travel_slowed\", \(targets(ts)), \"percent\": \(pct), \"from_hour\": \(hours(from))\(until(to))}"
        }
    }

    /// The parameters that differ from the defaults, in the table's order.
    static func parameters(_ p: PolicyParameters) -> [String] {
        let defaults = PolicyParameters()
        return PolicyParameters.specs.compactMap { spec in
            switch spec.value {
            case .integer(let f, _, _): return p[keyPath: f] == defaults[keyPath: f] ? nil : "\"\(spec.name)\": \(p[keyPath: f])"
            case .flag(let f): return p[keyPath: f] == defaults[keyPath: f] ? nil : "\"\(spec.name)\": \(p[keyPath: f])"
            }
        }
    }

    static func csvField(_ s: String) -> String { TextEscaping.csvField(s) }

    static func patientsCSV(_ ps: [Patient]) -> String {
        var t = "id,municipality,device,draw_w,hours_per_day,internal_wh,external_wh,generator_w,generator_runtime_min,generator_tanks,"
        t += "generator_operable,provider,support_plan,tolerance_min,manual_bridge,car,cylinder_min,supplier,use_from\n"
        for p in ps {
            let g = p.generator
            var f: [String] = [csvField(p.id), p.municipality.description, p.device.rawValue, String(p.drawW), String(p.hoursPerDay)]
            f += [String(p.internalBatteryWh), String(p.externalBatteryWh), g.map { String($0.ratedW) } ?? ""]
            f += [g.map { String($0.runtimePerTankMinutes) } ?? "", g.map { String($0.tanks) } ?? "", g.map { String($0.operable) } ?? ""]
            f += [csvField(p.providerId), String(p.registeredSupportPlan), p.toleranceMinutes.map { String($0) } ?? ""]
            f += [p.manualBridge ? "true" : "", p.car == .none ? "" : p.car.rawValue, p.cylinderMinutes > 0 ? String(p.cylinderMinutes) : ""]
            f += [csvField(p.supplierId ?? ""), p.useFromMinute.map { ClockTime.text($0) } ?? ""]
            t += f.joined(separator: ",") + "\n"
        }
        return t
    }

    static func providersCSV(_ ps: [Provider]) -> String {
        var t = "id,kind,municipality,tier,linked_group,backup_power,contacts_per_hour,delivery_teams,backup_beds,cylinders\n"
        for p in ps {
            t += [
                csvField(p.id), p.kind.rawValue, p.municipality.description, p.tier.name, csvField(p.linkedGroup ?? ""),
                String(p.hasBackupPower), String(p.contactsPerHour), String(p.deliveryTeams), String(p.backupBeds),
                p.cylinders > 0 ? String(p.cylinders) : "",
            ].joined(separator: ",") + "\n"
        }
        return t
    }

    static func unitsCSV(_ us: [PowerUnit]) -> String {
        var t = "id,kind,capacity_wh,rated_w,runtime_per_tank_min,tanks,owner_type,owner,subsidized\n"
        for u in us {
            let (type, owner): (String, String)
            switch u.owner {
            case .municipality(let c): (type, owner) = ("municipality", c.description)
            case .provider(let p): (type, owner) = ("provider", p)
            case .patient(let p): (type, owner) = ("patient", p)
            }
            t += [
                csvField(u.id), u.kind.rawValue, String(u.capacityWh), String(u.ratedW), String(u.runtimePerTankMinutes),
                String(u.tanks), type, csvField(owner), String(u.subsidized),
            ].joined(separator: ",") + "\n"
        }
        return t
    }

    /// The municipalities that differ from the built-in table (BCP flag, capacities, or any
    /// other field), each written in full so nothing is lost on reading back.
    static func municipalitiesCSV(_ ms: [Municipality], builtIn: [Municipality]) -> String? {
        let changed = ms.filter { m in builtIn.first { $0.code == m.code } != m }
        guard !changed.isEmpty else { return nil }
        var t = "code,name_ja,name_en,kind,island,population,population_date,secondary_medical_area_ja,secondary_medical_area_en,"
        t += "regional_bcp,delivery_teams,contacts_per_hour,admission_system,charging_points\n"
        for m in changed {
            t += [
                m.code.description, csvField(m.nameJa), csvField(m.nameEn), m.kind.rawValue, String(m.island), String(m.population),
                csvField(m.populationDate), csvField(m.area.nameJa), csvField(m.area.nameEn), String(m.hasRegionalBCP),
                String(m.deliveryTeams), String(m.contactsPerHour), String(m.admissionSystem), String(m.chargingPoints),
            ].joined(separator: ",") + "\n"
        }
        return t
    }
}
