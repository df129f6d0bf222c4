import BCPModel

/// Plans in a scenario that cannot work as written, found before any simulation: resources that
/// nothing can bring to a patient, partners who have no partner, outages that touch no one
/// (issue 14: a ward official added 20 municipal generators to units.csv and every figure
/// changed by 0, because no team could deliver them, and `validate` said nothing). These are
/// warnings, not errors: the scenario is valid and runs, but a planner reading its results
/// should know. Each names the table to change and why; the order is the scenario's.
public enum PlanChecks {
    public struct Warning: Sendable, Equatable {
        /// The table to look at (scenario.json, units.csv, providers.csv, municipalities.csv).
        public var file: String
        public var message: String
    }

    /// "1 unit", "3 units".
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    public static func warnings(_ s: Scenario) -> [Warning] {
        var out: [Warning] = []
        // Units held by each depot (a municipality's stock, a provider's lending units).
        var municipalUnits: [MunicipalityCode: Int] = [:], providerUnits: [String: Int] = [:]
        for u in s.units {
            switch u.owner {
            case .municipality(let c): municipalUnits[c, default: 0] += 1
            case .provider(let id): providerUnits[id, default: 0] += 1
            case .patient: break
            }
        }
        for m in s.municipalities where (municipalUnits[m.code] ?? 0) > 0 && m.deliveryTeams <= 0 {
            out.append(Warning(
                file: "municipalities.csv",
                message: "\(m.nameEn) (\(m.code)) holds \(count(municipalUnits[m.code]!, "unit", "units")) in stock but has no delivery team: "
                    + "no one can bring them to a patient, so they change no result (give it delivery_teams, or place the units at "
                    + "patients' homes in units.csv)"))
        }
        for p in s.providers where (providerUnits[p.id] ?? 0) > 0 && p.deliveryTeams <= 0 {
            out.append(Warning(
                file: "providers.csv",
                message: "provider \(p.id) holds \(count(providerUnits[p.id]!, "lending unit", "lending units")) but has no delivery team: they change no result "
                    + "(give it delivery_teams, or place the units at patients' homes in units.csv)"))
        }
        // A linked group in which only one provider is at linked or above: its linked BCP has no
        // partner to call on (docs/MODEL.md, "BCP tiers": partners are the group's members at
        // linked or above).
        var members: [String: [Provider]] = [:], order: [String] = []
        for p in s.providers {
            guard let g = p.linkedGroup else { continue }
            if members[g] == nil { order.append(g) }
            members[g, default: []].append(p)
        }
        for g in order {
            let linked = members[g]!.filter { $0.tier >= .linked }
            guard linked.count == 1 else { continue }
            out.append(Warning(
                file: "providers.csv",
                message: "provider \(linked[0].id) is the only provider at the linked tier or above in linked group '\(g)': its linked BCP "
                    + "has no partner to call on (add its partners to the group, at the linked tier)"))
        }
        // Zones that reach no patient.
        var patientsIn: Set<MunicipalityCode> = []
        for p in s.patients { patientsIn.insert(p.municipality) }
        for z in s.zones {
            let codes = z.targets.flatMap { t -> [MunicipalityCode] in
                switch t {
                case .municipality(let c): return [c]
                case .area(let a): return s.municipalities.filter { $0.area.nameJa == a }.map(\.code)
                }
            }
            if !codes.contains(where: patientsIn.contains) {
                out.append(Warning(file: "scenario.json", message: "outage zone '\(z.id)' covers no patient's municipality: it changes no result"))
            }
        }
        return out
    }
}
