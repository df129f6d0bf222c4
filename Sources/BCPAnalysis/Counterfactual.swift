import BCPModel
import BCPSimulator
import BCPText

/// One kind of change tried for a municipality with uncovered patients. Each is a bundle a ward
/// can buy or fund whole: a unit comes with what it needs to reach a patient (issue 14: "add 13
/// units" changed 13 uncovered to 13 where no team could carry them, and the report read as if
/// generators did not help).
public enum Lever: String, Sendable, CaseIterable, Equatable {
    /// `amount` more units in the municipality's own stock (the scenario's usual municipal unit),
    /// with delivery teams up to one per `Counterfactual.unitsPerTeam` units held where it has
    /// fewer (stock nobody can carry changes nothing).
    case unit
    /// `amount` units placed in advance at the homes of the municipality's `amount` patients with
    /// the least own reserve among those who lost power: how the ventilator program provides
    /// units (給付・貸与 to the patient), needing no delivery.
    case homeUnit
    /// `amount` more delivery teams for the municipality's stock; not applicable when it holds no
    /// stock (the unit lever brings stock and a team together).
    case team
    /// `amount` more safety-confirmation calls per hour for each provider caring for the
    /// municipality's patients, and for the municipality itself.
    case contact
    /// `amount` more backup beds at the nearest hospital (in the municipality, else in its area).
    case bed
    /// The providers caring for the municipality's patients move `amount` BCP tiers up
    /// (none, institutional, linked, regional); linked needs a group, so providers without one are
    /// grouped with each other; reaching regional also gives the municipality a regional BCP.
    case tier
    /// Backup power (a standby generator) at `amount` provider sites in the municipality that have
    /// none, hospitals first, then by id: a site with power can admit into its beds, recharge
    /// returned batteries and be a place where families charge (docs/MODEL.md "Provider
    /// disruptions and dark sites"). `plan` only.
    case siteBackup
    /// Oxygen cylinders placed in advance at the homes of the municipality's `amount` oxygen
    /// patients who lost power, least cylinder oxygen first: one supplier delivery's worth each
    /// (`cylinder_delivery_minutes`). `plan` only.
    case oxygen
}

extension Lever {
    /// The levers `run`'s what-if tries (its rerun budget is shared by five municipalities);
    /// `plan` tries every lever.
    public static let whatIfCases: [Lever] = [.unit, .homeUnit, .team, .contact, .bed, .tier]

    /// Whether the change buys units (priced at the item's price, funded by the ventilator program).
    public var buysUnits: Bool { self == .unit || self == .homeUnit }
}

/// The unit added by the `unit` and `homeUnit` levers.
public struct UnitSpec: Sendable, Equatable {
    public var kind: PowerUnitKind
    public var capacityWh: Int
    public var ratedW: Int
    public var runtimePerTankMinutes: Int
    public var tanks: Int
    /// Yen per unit (the allocation check's default price of the item).
    public var priceYen: Int

    public init(kind: PowerUnitKind, capacityWh: Int, ratedW: Int, runtimePerTankMinutes: Int, tanks: Int, priceYen: Int) {
        self.kind = kind
        self.capacityWh = capacityWh
        self.ratedW = ratedW
        self.runtimePerTankMinutes = runtimePerTankMinutes
        self.tanks = tanks
        self.priceYen = priceYen
    }
}

public struct CounterfactualTrial: Sendable, Equatable {
    public var lever: Lever
    public var amount: Int
    /// The municipality's uncovered patients after the change.
    public var uncoveredAfter: Int
    /// The municipality's patient-minutes without power after the change.
    public var gapMinutesAfter: Int
    /// Uncovered patients in the whole scenario after the change.
    public var totalUncoveredAfter: Int
    /// Delivery teams that came with the units (the unit lever, where the municipality had fewer
    /// than one per `Counterfactual.unitsPerTeam` units held).
    public var teamsAdded = 0

    public init(lever: Lever, amount: Int, uncoveredAfter: Int, gapMinutesAfter: Int, totalUncoveredAfter: Int, teamsAdded: Int = 0) {
        self.lever = lever
        self.amount = amount
        self.uncoveredAfter = uncoveredAfter
        self.gapMinutesAfter = gapMinutesAfter
        self.totalUncoveredAfter = totalUncoveredAfter
        self.teamsAdded = teamsAdded
    }
}

public struct CounterfactualEntry: Sendable, Equatable {
    public var code: MunicipalityCode
    public var uncovered: Int
    /// The municipality's patient-minutes without power before any change.
    public var gapMinutes: Int
    /// In the order tried.
    public var trials: [CounterfactualTrial]
    /// Index into trials of the answer: the smallest change that covers everyone, else the one
    /// that covers most; nil when no change helped.
    public var best: Int?
    /// Levers that could not be tried (no hospital in reach, every provider already regional).
    public var notApplicable: [Lever]
    /// True when the rerun budget ran out before the search finished.
    public var budgetExhausted: Bool

    public var bestTrial: CounterfactualTrial? { best.map { trials[$0] } }
    public var coversAll: Bool { bestTrial?.uncoveredAfter == 0 }
}

public struct CounterfactualResult: Sendable, Equatable {
    public var maxMunicipalities: Int
    public var maxReruns: Int
    public var rerunsUsed: Int
    /// Municipalities with at least one uncovered patient (analysed or not).
    public var municipalitiesWithUncovered: Int
    public var unit: UnitSpec
    /// Sorted by uncovered patients, most first, ties by code.
    public var entries: [CounterfactualEntry]
}

public struct CounterfactualOptions: Sendable, Equatable {
    /// Municipalities analysed: those with the most uncovered patients.
    public var maxMunicipalities = 5
    /// Reruns of the simulator in all, shared equally between the municipalities analysed.
    public var maxReruns = 80
    public var threads = 1
    public init(maxMunicipalities: Int = 5, maxReruns: Int = 80, threads: Int = 1) {
        self.maxMunicipalities = maxMunicipalities
        self.maxReruns = maxReruns
        self.threads = threads
    }
}

/// "What would have closed the gap", computed by rerunning the scenario with one change at a time.
///
/// For each of the municipalities with the most uncovered patients (at most `maxMunicipalities`),
/// each lever is tried with amount 1. If none covers all its uncovered patients, each is tried
/// with amount n (n = the uncovered count; tiers: as far as regional). Levers that cover everyone
/// at n are then bisected for the smallest amount that does (assuming more never hurts; the
/// simulator is not guaranteed monotone, so the amount is the smallest found, not proven). The
/// answer is the covering change with the smallest amount (ties in Lever order), else the change
/// that leaves the fewest uncovered. Every rerun uses the result's seed and tier.
public enum Counterfactual {
    public static func run(
        _ scenario: Scenario, base: SimulationResult, options: CounterfactualOptions = CounterfactualOptions()
    ) -> CounterfactualResult {
        let s = base.tier.apply(to: scenario)
        let spec = unitSpec(s)
        let withUncovered = base.municipalities.filter { $0.tally.uncovered > 0 }
        let chosen = withUncovered.sorted {
            $0.tally.uncovered != $1.tally.uncovered ? $0.tally.uncovered > $1.tally.uncovered : $0.code < $1.code
        }.prefix(max(0, options.maxMunicipalities))
        let targets = Array(chosen)
        let perMunicipality = targets.isEmpty ? 0 : max(1, options.maxReruns / targets.count)
        // Each change is simulated only where it can reach; the rest keeps the base run's figures.
        let incremental = IncrementalBase(scenario: s, result: base)
        let found = parallelMap(targets.count, threads: options.threads) { k in
            search(s, incremental: incremental, code: targets[k].code, uncovered: targets[k].tally.uncovered,
                   gap: targets[k].tally.gapMinutes, spec: spec, budget: perMunicipality, homes: homes(s, base: base, code: targets[k].code))
        }
        return CounterfactualResult(
            maxMunicipalities: options.maxMunicipalities, maxReruns: options.maxReruns,
            rerunsUsed: found.reduce(0) { $0 + $1.reruns }, municipalitiesWithUncovered: withUncovered.count,
            unit: spec, entries: found.map(\.entry))
    }

    /// The most common municipal unit of the scenario (ties: generator first, then the larger),
    /// else a 900 W generator with 4 tanks of 240 minutes.
    public static func unitSpec(_ s: Scenario) -> UnitSpec {
        var counts: [(UnitSpec, Int)] = []
        let prices = UnitPrices()
        for u in s.units {
            guard case .municipality = u.owner else { continue }
            let spec = UnitSpec(kind: u.kind, capacityWh: u.capacityWh, ratedW: u.ratedW,
                                runtimePerTankMinutes: u.runtimePerTankMinutes, tanks: u.tanks, priceYen: prices[u.kind])
            if let i = counts.firstIndex(where: { $0.0 == spec }) { counts[i].1 += 1 } else { counts.append((spec, 1)) }
        }
        let best = counts.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.0.kind != b.0.kind { return a.0.kind < b.0.kind }
            let ka = [a.0.capacityWh, a.0.ratedW, a.0.runtimePerTankMinutes * a.0.tanks]
            let kb = [b.0.capacityWh, b.0.ratedW, b.0.runtimePerTankMinutes * b.0.tanks]
            return ka.lexicographicallyPrecedes(kb, by: >)
        }.first?.0
        return best ?? UnitSpec(kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: 240, tanks: 4,
                                priceYen: prices.generator)
    }

    /// Providers caring for the municipality's patients, by id.
    static func providerIds(_ s: Scenario, _ code: MunicipalityCode) -> [String] {
        var ids: [String] = []
        for p in s.patients where p.municipality == code && !ids.contains(p.providerId) { ids.append(p.providerId) }
        return ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The hospital that gets the extra beds: the first (by id) with beds or of kind hospital in
    /// the municipality, else in its secondary area; nil if none.
    static func hospital(_ s: Scenario, _ code: MunicipalityCode) -> Int? {
        guard let m = s.municipality(code) else { return nil }
        let candidates = s.providers.indices.filter { s.providers[$0].backupBeds > 0 || s.providers[$0].kind == .hospital }
            .sorted { s.providers[$0].id.utf8.lexicographicallyPrecedes(s.providers[$1].id.utf8) }
        if let h = candidates.first(where: { s.providers[$0].municipality == code }) { return h }
        return candidates.first { s.municipality(s.providers[$0].municipality)?.area == m.area }
    }

    /// How many tiers the municipality's providers can still move up (0: all regional already).
    static func maxTierSteps(_ s: Scenario, _ code: MunicipalityCode) -> Int {
        let ids = providerIds(s, code)
        let tiers = s.providers.filter { ids.contains($0.id) }.map(\.tier.rawValue)
        guard let low = tiers.min() else { return 0 }
        let regionalAlready = s.municipality(code)?.hasRegionalBCP ?? false
        let steps = BCPTier.regional.rawValue - low
        return steps == 0 && regionalAlready ? 0 : max(steps, regionalAlready ? 0 : 1)
    }

    /// Units one delivery team is taken to carry in the first hours (assumption: with an hour's
    /// travel each way, a team makes about four round trips in the eight hours before the
    /// shortest reserves run out).
    public static let unitsPerTeam = 4

    /// Units the municipality holds in its own stock.
    static func stock(_ s: Scenario, _ code: MunicipalityCode) -> Int {
        s.units.filter { if case .municipality(let c) = $0.owner { return c == code } else { return false } }.count
    }

    /// The municipality's patients who lost power in `base`, least own reserve first (ties by id):
    /// the homes the `homeUnit` lever places units at. Own reserve as the allocation check counts
    /// it (batteries and the patient's generator).
    static func homes(_ s: Scenario, base: SimulationResult, code: MunicipalityCode) -> [String] {
        var affected = Set<String>()
        for p in base.patients where p.municipality == code && p.firstOutageMinute != nil { affected.insert(p.id) }
        return s.patients.filter { $0.municipality == code && affected.contains($0.id) }
            .map { ($0.id, AllocationCheck.need(of: $0, targetHours: 0, batteryWh: 1).reserveMinutes) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .map(\.0)
    }

    /// The scenario with one change made; nil if the lever does not apply. `homes`: the patients
    /// the `homeUnit` lever serves, in order (Counterfactual.homes).
    public static func apply(_ lever: Lever, amount k: Int, to scenario: Scenario, code: MunicipalityCode, unit spec: UnitSpec,
                             homes: [String] = []) -> Scenario?
    {
        var s = scenario
        guard let mi = s.municipalities.firstIndex(where: { $0.code == code }), k > 0 else { return nil }
        func add(_ id: String, _ owner: UnitOwner) {
            s.units.append(PowerUnit(
                id: id, kind: spec.kind, capacityWh: spec.capacityWh, ratedW: spec.ratedW,
                runtimePerTankMinutes: spec.runtimePerTankMinutes, tanks: spec.tanks, owner: owner, subsidized: true))
        }
        switch lever {
        case .unit:
            for i in 1...k { add("WHATIF-\(code)-\(i)", .municipality(code)) }
            // A unit in stock reaches a patient only with a team to carry it, and one team's round
            // trips (an hour each way in the same municipality) carry a few units in the hours
            // that matter: the municipality gets one team per `unitsPerTeam` units it holds, if
            // it has fewer (assumption, docs/MODEL.md "What-if bundles").
            let held = stock(s, code)
            let needed = (held + unitsPerTeam - 1) / unitsPerTeam
            if s.municipalities[mi].deliveryTeams < needed { s.municipalities[mi].deliveryTeams = needed }
        case .homeUnit:
            guard k <= homes.count else { return nil }
            for (i, id) in homes.prefix(k).enumerated() { add("WHATIF-HOME-\(code)-\(i + 1)", .patient(id)) }
        case .team:
            guard stock(s, code) > 0 else { return nil }
            s.municipalities[mi].deliveryTeams += k
        case .contact:
            let ids = providerIds(s, code)
            for i in s.providers.indices where ids.contains(s.providers[i].id) { s.providers[i].contactsPerHour += k }
            s.municipalities[mi].contactsPerHour += k
        case .bed:
            guard let h = hospital(s, code) else { return nil }
            s.providers[h].backupBeds += k
        case .tier:
            guard maxTierSteps(s, code) > 0 else { return nil }
            let ids = providerIds(s, code)
            var regional = false
            for i in s.providers.indices where ids.contains(s.providers[i].id) {
                let t = BCPTier(rawValue: min(BCPTier.regional.rawValue, s.providers[i].tier.rawValue + k))!
                s.providers[i].tier = t
                if t >= .linked && s.providers[i].linkedGroup == nil { s.providers[i].linkedGroup = "WHATIF-\(code)" }
                if t == .regional { regional = true }
            }
            if regional { s.municipalities[mi].hasRegionalBCP = true }
        case .siteBackup:
            let sites = s.providers.indices.filter { s.providers[$0].municipality == code && !s.providers[$0].hasBackupPower }
                .sorted { a, b in
                    let ha = s.providers[a].kind == .hospital, hb = s.providers[b].kind == .hospital
                    return ha != hb ? ha : s.providers[a].id.utf8.lexicographicallyPrecedes(s.providers[b].id.utf8)
                }
            guard k <= sites.count else { return nil }
            for i in sites.prefix(k) { s.providers[i].hasBackupPower = true }
        case .oxygen:
            let lost = Set(homes)
            let patients = s.patients.indices.filter { s.patients[$0].municipality == code && s.patients[$0].device == .oxygenConcentrator && lost.contains(s.patients[$0].id) }
                .sorted { a, b in
                    let ca = s.patients[a].cylinderMinutes, cb = s.patients[b].cylinderMinutes
                    return ca != cb ? ca < cb : s.patients[a].id.utf8.lexicographicallyPrecedes(s.patients[b].id.utf8)
                }
            guard k <= patients.count else { return nil }
            for i in patients.prefix(k) { s.patients[i].cylinderMinutes += s.parameters.cylinderDeliveryMinutes }
        }
        return s
    }

    struct Found {
        var entry: CounterfactualEntry
        var reruns: Int
    }

    static func search(_ s: Scenario, incremental: IncrementalBase, code: MunicipalityCode, uncovered n: Int, gap: Int, spec: UnitSpec, budget: Int,
                       homes: [String]) -> Found {
        var trials: [CounterfactualTrial] = []
        var reruns = 0
        var exhausted = false
        var notApplicable: [Lever] = []
        let codes = s.municipalities.map(\.code).sorted()
        let maxAmount: [Lever: Int] = [.unit: n, .homeUnit: min(n, homes.count), .team: n, .contact: n, .bed: n, .tier: maxTierSteps(s, code)]

        func trial(_ lever: Lever, _ k: Int) -> CounterfactualTrial? {
            if let t = trials.first(where: { $0.lever == lever && $0.amount == k }) { return t }
            guard reruns < budget else {
                exhausted = true
                return nil
            }
            guard let changed = apply(lever, amount: k, to: s, code: code, unit: spec, homes: homes) else { return nil }
            reruns += 1
            let r = ReplicaSummary(municipalities: incremental.tallies(incremental.prepare(changed), seed: 0))
            let mi = codes.firstIndex(of: code)
            let teams = { (x: Scenario) in x.municipality(code)?.deliveryTeams ?? 0 }
            let t = CounterfactualTrial(lever: lever, amount: k, uncoveredAfter: mi.map { r.muniUncovered[$0] } ?? 0,
                                        gapMinutesAfter: mi.map { r.muniGap[$0] } ?? 0,
                                        totalUncoveredAfter: r.totals[.uncovered],
                                        teamsAdded: lever == .unit ? teams(changed) - teams(s) : 0)
            trials.append(t)
            return t
        }

        var levers: [Lever] = []
        for l in Lever.whatIfCases {
            if (maxAmount[l] ?? 0) < 1 || apply(l, amount: 1, to: s, code: code, unit: spec, homes: homes) == nil { notApplicable.append(l) } else { levers.append(l) }
        }
        // Amount 1 for every lever (each is tried, even after one covers everyone).
        let coveredAtOne = levers.map { trial($0, 1)?.uncoveredAfter == 0 }
        if !coveredAtOne.contains(true) {
            // The most each lever may take.
            var atMax: [Lever] = []
            for l in levers where maxAmount[l]! > 1 {
                if trial(l, maxAmount[l]!)?.uncoveredAfter == 0 { atMax.append(l) }
            }
            // Bisect for the smallest covering amount.
            for l in atMax {
                var lo = 1, hi = maxAmount[l]!
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    guard let t = trial(l, mid) else { break }
                    if t.uncoveredAfter == 0 { hi = mid } else { lo = mid }
                }
            }
        }
        let best = bestIndex(trials, uncovered: n, gapMinutes: gap)
        return Found(
            entry: CounterfactualEntry(code: code, uncovered: n, gapMinutes: gap, trials: trials, best: best,
                                       notApplicable: notApplicable, budgetExhausted: exhausted),
            reruns: reruns)
    }

    /// The covering trial with the smallest amount (ties: Lever order), else the trial leaving the
    /// fewest uncovered, then the fewest minutes without power (ties: smaller amount, then Lever
    /// order); nil if none reduced either.
    public static func bestIndex(_ trials: [CounterfactualTrial], uncovered n: Int, gapMinutes gap: Int) -> Int? {
        func order(_ l: Lever) -> Int { Lever.allCases.firstIndex(of: l)! }
        let ranked = trials.indices.sorted { a, b in
            let x = trials[a], y = trials[b]
            if x.uncoveredAfter != y.uncoveredAfter { return x.uncoveredAfter < y.uncoveredAfter }
            if x.uncoveredAfter > 0 && x.gapMinutesAfter != y.gapMinutesAfter { return x.gapMinutesAfter < y.gapMinutesAfter }
            if x.amount != y.amount { return x.amount < y.amount }
            if x.lever != y.lever { return order(x.lever) < order(y.lever) }
            return a < b
        }
        guard let first = ranked.first, trials[first].uncoveredAfter < n || trials[first].gapMinutesAfter < gap else { return nil }
        return first
    }
}
