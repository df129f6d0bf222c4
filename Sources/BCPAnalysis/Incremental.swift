import BCPModel
import BCPSimulator

/// A scenario's figures under each seed, kept so that a changed scenario is simulated only where
/// the change can reach (issue 18). A change made by a lever touches a municipality, its providers
/// or a few homes; Coupling finds the patients who share anything with those (their area, their
/// providers and linked groups, their supplier), and only they are simulated again. Everyone
/// else keeps the base figures. The results are the same numbers as a full rerun (a
/// municipality's patients are never split, so each municipality's tally is either the base's or
/// the rerun's), checked over random scenarios and levers in IncrementalTests.
public struct IncrementalBase: Sendable {
    public let scenario: Scenario
    public let seeds: [UInt64]
    /// Per seed, each municipality's tally (municipalities by code).
    public let tallies: [[Tally]]
    /// The scenario's coupling, which each change's edges are added to.
    let coupling: Coupling

    public init(scenario: Scenario, seeds: [UInt64], tallies: [[Tally]]) {
        self.scenario = scenario
        self.seeds = seeds
        self.tallies = tallies
        coupling = Coupling(scenario)
    }

    /// The base from full runs of `scenario` under each seed.
    public init(scenario: Scenario, seeds: [UInt64], threads: Int) {
        let plan = Simulator.Plan(scenario)
        self.init(scenario: scenario, seeds: seeds,
                  tallies: parallelMap(seeds.count, threads: threads) { plan.municipalityTallies(seed: seeds[$0]) })
    }

    /// The base of one run already made (its municipalities' tallies).
    public init(scenario: Scenario, result: SimulationResult) {
        self.init(scenario: scenario, seeds: [result.seed], tallies: [result.municipalities.map(\.tally)])
    }

    /// What has to be simulated for a changed scenario.
    public struct Rerun: Sendable {
        enum Kind: Sendable {
            /// No patient can be affected: the base figures stand.
            case same
            /// The change reaches everyone (parameters, zones, the patient list): a full run.
            case full(Simulator.Plan)
            /// Only the affected part, and the municipalities it holds.
            case part(Simulator.Plan, municipalities: [Bool])
        }
        let kind: Kind
        /// Patients simulated again (for the bench and the tests).
        public let patients: Int
    }

    public func prepare(_ changed: Scenario) -> Rerun {
        guard let part = coupling.change(from: scenario, to: changed) else {
            return Rerun(kind: .full(Simulator.Plan(changed)), patients: changed.patients.count)
        }
        let count = part.count
        if count == 0 { return Rerun(kind: .same, patients: 0) }
        var codes = Set<MunicipalityCode>()
        for (i, p) in changed.patients.enumerated() where part.patients[i] { codes.insert(p.municipality) }
        let munis = changed.municipalities.sorted { $0.code < $1.code }.map { codes.contains($0.code) }
        return Rerun(kind: .part(Simulator.Plan(part.apply(to: changed)), municipalities: munis), patients: count)
    }

    /// The changed scenario's municipality tallies under seed number k.
    public func tallies(_ r: Rerun, seed k: Int) -> [Tally] {
        switch r.kind {
        case .same: return tallies[k]
        case .full(let plan): return plan.municipalityTallies(seed: seeds[k])
        case .part(let plan, let munis):
            let part = plan.municipalityTallies(seed: seeds[k])
            return tallies[k].indices.map { munis[$0] ? part[$0] : tallies[k][$0] }
        }
    }

    /// The changed scenario's replica summary under seed number k.
    public func summary(_ r: Rerun, seed k: Int) -> ReplicaSummary {
        ReplicaSummary(municipalities: tallies(r, seed: k))
    }

    /// The changed scenario as the new base (its figures from this base, incrementally).
    public func advanced(to changed: Scenario, threads: Int) -> IncrementalBase {
        let r = prepare(changed)
        return IncrementalBase(scenario: changed, seeds: seeds,
                               tallies: parallelMap(seeds.count, threads: threads) { tallies(r, seed: $0) })
    }
}
