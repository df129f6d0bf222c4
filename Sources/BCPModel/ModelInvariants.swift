/// Checks on a scenario built in code (BCPInput checks files more finely, with locations).
/// Returns human-readable problems, empty when the scenario is sound.
public enum ModelInvariants {
    public static func problems(in s: Scenario) -> [String] {
        var out: [String] = []
        func duplicates(_ ids: [String], _ what: String) {
            var sorted = ids.sorted()
            var i = 1
            while i < sorted.count {
                if sorted[i] == sorted[i - 1] { out.append("duplicate \(what) id \(sorted[i])") }
                i += 1
            }
            sorted.removeAll()
        }
        duplicates(s.patients.map(\.id), "patient")
        duplicates(s.providers.map(\.id), "provider")
        duplicates(s.units.map(\.id), "unit")
        duplicates(s.zones.map(\.id), "zone")
        duplicates(s.municipalities.map(\.code.description), "municipality")
        if s.horizonMinutes <= 0 { out.append("horizon must be > 0 minutes") }
        let codes = Set(s.municipalities.map(\.code))
        let providerIds = Set(s.providers.map(\.id))
        for p in s.patients {
            if !codes.contains(p.municipality) { out.append("patient \(p.id): unknown municipality \(p.municipality)") }
            if !providerIds.contains(p.providerId) { out.append("patient \(p.id): unknown provider \(p.providerId)") }
            if p.drawW <= 0 { out.append("patient \(p.id): draw must be > 0 W") }
            if !(1...24).contains(p.hoursPerDay) { out.append("patient \(p.id): hours per day must be 1...24") }
        }
        for z in s.zones {
            if case .restoration(let c) = z.shape, let why = c.invalidReason { out.append("zone \(z.id): \(why)") }
        }
        return out
    }
}
