import BCPModel
import BCPSimulator

/// The harm a plan reduces: one of the ensemble's measures over the whole scenario.
public enum PlanObjective: String, Sendable, CaseIterable {
    /// Patient-minutes beyond the device's tolerance (the model's harm measure; the default).
    case beyondTolerance = "beyond-tolerance"
    /// Patients who went beyond their device's tolerance.
    case harmed
    /// Patient-minutes without power (any gap).
    case gap
    /// Patients with any time without power.
    case uncovered
    /// Emergency presentations (ambulance, family to the emergency department).
    case emergency

    public var measure: EnsembleMeasure {
        switch self {
        case .beyondTolerance: return .beyondToleranceMinutes
        case .harmed: return .harmed
        case .gap: return .gapMinutes
        case .uncovered: return .uncovered
        case .emergency: return .emergency
        }
    }
}

/// One change the search may add to a plan: a lever, where, and by how much.
public struct PlanStepChoice: Sendable, Equatable, Hashable {
    public var lever: Lever
    public var code: MunicipalityCode
    public var amount: Int

    public init(lever: Lever, code: MunicipalityCode, amount: Int) {
        self.lever = lever
        self.code = code
        self.amount = amount
    }
}

/// A set of changes: how much of each lever in each municipality, in all.
public struct Portfolio: Sendable, Equatable {
    /// (lever, municipality) -> amount, kept sorted by municipality, then Lever order.
    public private(set) var amounts: [(key: PlanKey, amount: Int)] = []

    public struct PlanKey: Sendable, Equatable, Hashable, Comparable {
        public var code: MunicipalityCode
        public var lever: Lever
        public static func < (a: PlanKey, b: PlanKey) -> Bool {
            a.code != b.code ? a.code < b.code : Lever.allCases.firstIndex(of: a.lever)! < Lever.allCases.firstIndex(of: b.lever)!
        }
    }

    public init() {}

    public func adding(_ c: PlanStepChoice) -> Portfolio {
        var p = self
        let key = PlanKey(code: c.code, lever: c.lever)
        if let i = p.amounts.firstIndex(where: { $0.key == key }) {
            p.amounts[i].amount += c.amount
        } else {
            p.amounts.append((key, c.amount))
            p.amounts.sort { $0.key < $1.key }
        }
        return p
    }

    public static func == (a: Portfolio, b: Portfolio) -> Bool {
        a.amounts.count == b.amounts.count && zip(a.amounts, b.amounts).allSatisfy { $0.key == $1.key && $0.amount == $1.amount }
    }
}

/// What a plan search needs to know and may use.
public struct PlanOptions: Sendable {
    /// Yen the municipality may spend, net of Tokyo's share.
    public var budgetYen: Int
    public var objective: PlanObjective = .beyondTolerance
    /// Municipalities where the plan may spend; empty: every municipality with uncovered patients.
    public var municipalities: [MunicipalityCode] = []
    /// Seeds each plan is judged on (the ensemble's first `replicas` seeds).
    public var replicas = 10
    public var threads = 1
    /// Steps at most (each step is one choice).
    public var maxSteps = 100
    /// Candidates re-evaluated together when the best one's figure is out of date. A constant,
    /// not the thread count, so that the answer does not depend on the machine.
    public var batch = 4

    public init(budgetYen: Int, objective: PlanObjective = .beyondTolerance, municipalities: [MunicipalityCode] = [],
                replicas: Int = 10, threads: Int = 1) {
        self.budgetYen = budgetYen
        self.objective = objective
        self.municipalities = municipalities
        self.replicas = replicas
        self.threads = threads
    }
}

/// A plan's harm over the seeds: the objective per seed, in seed order.
public struct PlanEvaluation: Sendable, Equatable {
    public var values: [Int]
    public var sum: Int { values.reduce(0, +) }
    public var summary: CountSummary { CountSummary(values: values) }
}

/// One step of a plan as the search took it.
public struct PlanStep: Sendable, Equatable {
    public var choice: PlanStepChoice
    /// What the step costs (over the plan before it).
    public var cost: PlanCost
    /// The objective after the step, per seed.
    public var after: PlanEvaluation
    /// The reduction the step brought, per seed (before - after).
    public var reduction: CountSummary
    /// Delivery teams that came with the units (the unit lever).
    public var teamsAdded: Int
}

/// Why a candidate was never taken (listed in the report, so no lever is silently absent).
public struct PlanCandidateNote: Sendable, Equatable {
    public var lever: Lever
    public var code: MunicipalityCode
    public enum Reason: String, Sendable {
        /// The change cannot be made here (no hospital in reach, every site powered, ...).
        case notApplicable
        /// No patient of the municipality was without power under any seed.
        case nothingToReduce
        /// Tried; it did not reduce the measure.
        case noGain
        /// It reduced the measure, but less per yen than the changes taken, until the plan stopped.
        case outranked
        /// It never fitted in the budget left.
        case overBudget
    }
    public var reason: Reason
}

public struct PlanResult: Sendable, Equatable {
    public var options: PlanOptionsEcho
    public var seeds: [UInt64]
    public var unit: UnitSpec
    public var prices: PlanPrices
    /// The objective before any change, per seed.
    public var base: PlanEvaluation
    public var steps: [PlanStep]
    /// The plan's total reduction per seed (base - final).
    public var reduction: CountSummary
    public var cost: PlanCost
    /// Municipalities the plan could spend in.
    public var municipalities: [MunicipalityCode]
    /// Their patients without power and minutes without power under each seed, before and
    /// after the plan (the objective is counted over the whole scenario).
    public var scopeUncovered: BeforeAfter
    public var scopeGapMinutes: BeforeAfter
    /// Levers and places never taken, with the reason, in municipality then Lever order.
    public var notTaken: [PlanCandidateNote]
    /// Simulator runs (seeds x plans evaluated).
    public var runs: Int
    public var final: PlanEvaluation { steps.last?.after ?? base }
}

/// A figure per seed before and after the plan.
public struct BeforeAfter: Sendable, Equatable {
    public var before: [Int]
    public var after: [Int]
}

/// The options as the result records them (without the thread count, which changes nothing).
public struct PlanOptionsEcho: Sendable, Equatable {
    public var budgetYen: Int
    public var objective: PlanObjective
    public var municipalities: [MunicipalityCode]
    public var replicas: Int
    public var maxSteps: Int
}

/// `bcpsim plan`: greedy search, with re-evaluation by simulation, for the changes that cut the
/// objective most per yen the municipality pays (docs/PLAN.md states the method and its limits).
///
/// Candidates are (lever, municipality, amount) for the municipalities in scope, with amounts
/// from a short ladder (one team's load of units, or one; and enough for the municipality's
/// uncovered patients). Each step takes the candidate with the largest reduction of the
/// objective (summed over the seeds) per net yen among those within the remaining budget.
/// Figures are re-evaluated lazily: a candidate's last reduction is its bound, and only the best
/// few by bound are rerun at each step (a reduction that grew since would be missed: the limit
/// docs/PLAN.md shows against exhaustive search). Every evaluation runs every seed; runs are
/// spread over the threads, and results combined in a fixed order, so the plan does not depend
/// on the thread count.
public struct PlanSearch: Sendable {
    public let scenario: Scenario
    public let options: PlanOptions
    public let prices: PlanPrices
    public let unit: UnitSpec
    public let seeds: [UInt64]
    /// The `homeUnit` lever's homes per municipality, from the base run of the first seed.
    let homes: [MunicipalityCode: [String]]
    public let scope: [MunicipalityCode]
    public let candidates: [PlanStepChoice]
    public let notApplicable: [PlanCandidateNote]
    public let base: PlanEvaluation
    /// The most uncovered patients of each municipality in scope under any seed.
    let mostUncovered: [MunicipalityCode: Int]
    /// Indices of the scope's municipalities in a result's municipality list (sorted by code).
    let scopeIndices: [Int]
    let scopeBefore: (uncovered: [Int], gap: [Int])
    /// The scenario's figures under every seed, which changes are measured against.
    let start: IncrementalBase

    public init(_ scenario: Scenario, options: PlanOptions, prices: PlanPrices? = nil) {
        self.scenario = scenario
        self.options = options
        let spec = Counterfactual.unitSpec(scenario)
        unit = spec
        self.prices = prices ?? PlanPrices(unitYen: spec.priceYen)
        seeds = Ensemble.seeds(from: scenario.seed, count: max(1, options.replicas))
        let plan = Simulator.Plan(scenario)
        let seeds = self.seeds, measure = options.objective.measure
        // The first seed in full (its outcomes give the homes), the others as municipality
        // tallies: the base every change is measured against, incrementally (Incremental.swift).
        let first = plan.run(seed: seeds[0])
        let tallies = [first.municipalities.map(\.tally)]
            + parallelMap(seeds.count - 1, threads: options.threads) { k in plan.municipalityTallies(seed: seeds[k + 1]) }
        start = IncrementalBase(scenario: scenario, seeds: seeds, tallies: tallies)
        let baseRuns = tallies.map { ReplicaSummary(municipalities: $0) }
        base = PlanEvaluation(values: baseRuns.map { $0.totals[measure] })
        // Uncovered patients per municipality: the most over the seeds sizes the larger amounts.
        let codes = first.municipalities.map(\.code)
        var most: [MunicipalityCode: Int] = [:]
        for (i, c) in codes.enumerated() { most[c] = baseRuns.map { $0.muniUncovered[i] }.max() ?? 0 }
        scope = options.municipalities.isEmpty ? codes.filter { (most[$0] ?? 0) > 0 } : options.municipalities.sorted()
        mostUncovered = most
        let indices = scope.compactMap { codes.firstIndex(of: $0) }
        scopeIndices = indices
        scopeBefore = (baseRuns.map { r in indices.reduce(0) { $0 + r.muniUncovered[$1] } },
                       baseRuns.map { r in indices.reduce(0) { $0 + r.muniGap[$1] } })
        var homes: [MunicipalityCode: [String]] = [:]
        var candidates: [PlanStepChoice] = []
        var notApplicable: [PlanCandidateNote] = []
        for code in scope {
            let h = Counterfactual.homes(scenario, base: first, code: code)
            homes[code] = h
            let n = max(1, most[code] ?? 0)
            let lost = Set(h)
            let oxygen = scenario.patients.filter { $0.municipality == code && $0.device == .oxygenConcentrator && lost.contains($0.id) }.count
            let per = Counterfactual.unitsPerTeam
            let ladders: [Lever: [Int]] = [
                .unit: [per, max(per, (n + per - 1) / per * per)], .homeUnit: [1, min(n, h.count)], .team: [1], .contact: [1],
                .bed: [1, n], .tier: [1], .siteBackup: [1], .oxygen: [1, min(n, oxygen)],
            ]
            for lever in Lever.allCases {
                let amounts = ladders[lever]!.reduce(into: [Int]()) { if $1 >= 1 && !$0.contains($1) { $0.append($1) } }
                // The team lever is tried even without stock: the unit lever may bring some.
                let applies = lever == .team ? true : Counterfactual.apply(lever, amount: 1, to: scenario, code: code, unit: spec, homes: h) != nil
                if !applies || amounts.isEmpty {
                    notApplicable.append(PlanCandidateNote(lever: lever, code: code, reason: .notApplicable))
                    continue
                }
                for a in amounts { candidates.append(PlanStepChoice(lever: lever, code: code, amount: a)) }
            }
        }
        self.homes = homes
        self.candidates = candidates
        self.notApplicable = notApplicable
    }

    /// The scenario with every change of the portfolio made, in municipality then Lever order;
    /// nil if one does not apply.
    public func scenario(with p: Portfolio) -> Scenario? {
        var s = scenario
        for (key, amount) in p.amounts {
            guard let next = Counterfactual.apply(key.lever, amount: amount, to: s, code: key.code, unit: unit, homes: homes[key.code] ?? [])
            else { return nil }
            s = next
        }
        return s
    }

    /// The portfolio's cost over the scenario as given.
    public func cost(of p: Portfolio) -> PlanCost? {
        scenario(with: p).map { PlanCost.of($0, over: scenario, prices: prices) }
    }

    /// The objective under each portfolio, every seed, spread over the threads; each portfolio is
    /// simulated only where it differs from `base` (the scenario as given, else the plan so far).
    public func evaluate(_ portfolios: [Scenario], against base: IncrementalBase? = nil) -> [PlanEvaluation] {
        let n = seeds.count, measure = options.objective.measure
        let base = base ?? start
        let reruns = portfolios.map { base.prepare($0) }
        let values = parallelMap(reruns.count * n, threads: options.threads) { j in base.summary(reruns[j / n], seed: j % n).totals[measure] }
        return reruns.indices.map { PlanEvaluation(values: Array(values[$0 * n..<($0 + 1) * n])) }
    }

    /// Reduction `g1` at cost `c1` against `g2` at `c2` (both g > 0), per yen, in exact integers
    /// (g1 x c2 against g2 x c1, 128-bit): -1 when the first is worth more, 1 when less, 0 when
    /// equal. A cost of 0 is worth most; between two, the larger reduction.
    static func compareValue(_ g1: Int, _ c1: Int, _ g2: Int, _ c2: Int) -> Int {
        if c1 == 0 || c2 == 0 {
            if c1 != c2 { return c1 == 0 ? -1 : 1 }
            return g1 == g2 ? 0 : (g1 > g2 ? -1 : 1)
        }
        let a = g1.multipliedFullWidth(by: c2), b = g2.multipliedFullWidth(by: c1)
        if a == b { return 0 }
        return (a.high != b.high ? a.high > b.high : a.low > b.low) ? -1 : 1
    }

    /// Runs the greedy search.
    public func run() -> PlanResult {
        var portfolio = Portfolio()
        var current = base
        var measuredFrom = start
        var spent = PlanCost.zero
        var steps: [PlanStep] = []
        var runs = seeds.count
        // Each candidate's last reduction (summed over seeds) and the step it was measured at.
        var bound = [Int?](repeating: nil, count: candidates.count)
        var measuredAt = [Int](repeating: -1, count: candidates.count)
        var after = [PlanEvaluation?](repeating: nil, count: candidates.count)
        var everGained = [Bool](repeating: false, count: candidates.count)
        var everFit = [Bool](repeating: false, count: candidates.count)
        var everApplied = [Bool](repeating: false, count: candidates.count)
        // Each candidate's cost over the plan so far (nil inside: it does not apply); nil: unknown.
        var costOver = [PlanCost??](repeating: nil, count: candidates.count)
        var everPriced = [Bool](repeating: false, count: candidates.count)
        // Every measure is a count or minutes, never below 0: at 0 nothing can reduce it.
        while steps.count < options.maxSteps && current.sum > 0 {
            let step = steps.count
            // What each candidate would cost now; those that do not fit, or do not apply, drop out.
            // A candidate's cost over the plan so far changes only when a step is taken in its own
            // municipality (units bring teams up to one per 4 held; homes, sites and oxygen
            // patients run out), or, for tier steps, when any tier step is taken (providers care
            // for patients of several municipalities): only those are worked out again, by making
            // the changes. Scenarios are not kept: one lever (oxygen) copies the patient table.
            var feasible: [(index: Int, cost: PlanCost)] = []
            for (i, c) in candidates.enumerated() {
                everPriced[i] = true
                if costOver[i] == nil {
                    costOver[i] = .some(scenario(with: portfolio.adding(c)).map { PlanCost.of($0, over: scenario, prices: prices) - spent })
                }
                guard let cost = costOver[i]! else { continue }
                everApplied[i] = true
                guard cost.net <= options.budgetYen - spent.net, cost.total > 0 || cost.counts.contains(where: { $0 > 0 }) else { continue }
                everFit[i] = true
                feasible.append((i, cost))
            }
            if feasible.isEmpty { break }
            // Not yet measured first; then those that reduced the measure, best value per yen
            // first; ties, and those that did not, in candidate order.
            func ranked() -> [Int] {
                feasible.indices.sorted { a, b in
                    let x = feasible[a], y = feasible[b]
                    switch (bound[x.index], bound[y.index]) {
                    case (nil, nil): return x.index < y.index
                    case (nil, _): return true
                    case (_, nil): return false
                    case let (gx?, gy?):
                        if (gx > 0) != (gy > 0) { return gx > 0 }
                        if gx > 0 {
                            let c = PlanSearch.compareValue(gx, x.cost.net, gy, y.cost.net)
                            if c != 0 { return c < 0 }
                        }
                        return x.index < y.index
                    }
                }
            }
            var chosen: Int?
            func measure(_ all: [Int]) {
                // In chunks: each evaluation holds its scenarios and prepared runs in memory.
                guard all.count <= 8 else {
                    for start in stride(from: 0, to: all.count, by: 8) { measure(Array(all[start..<min(all.count, start + 8)])) }
                    return
                }
                let picks = all
                let evaluated = evaluate(picks.map { scenario(with: portfolio.adding(candidates[feasible[$0].index]))! }, against: measuredFrom)
                runs += picks.count * self.seeds.count
                for (k, f) in picks.enumerated() {
                    let i = feasible[f].index
                    bound[i] = current.sum - evaluated[k].sum
                    measuredAt[i] = step
                    after[i] = evaluated[k]
                    if bound[i]! > 0 { everGained[i] = true }
                }
            }
            while true {
                let order = ranked()
                guard let top = order.first else { break }
                if (bound[feasible[top].index] ?? 1) <= 0 {
                    // Nothing is worth taking by the figures measured so far. Before stopping, every
                    // candidate measured on an earlier plan is measured again: a change that did
                    // nothing then can help now (calls that find patients a later unit can reach).
                    let old = order.filter { measuredAt[feasible[$0].index] != step }
                    if old.isEmpty { break }
                    measure(old)
                    continue
                }
                if measuredAt[feasible[top].index] == step { chosen = top; break }
                // Rerun the best few whose figures are out of date (a fixed number, in rank order).
                measure(Array(order.filter { measuredAt[feasible[$0].index] != step && (bound[feasible[$0].index] ?? 1) > 0 }.prefix(options.batch)))
            }
            guard let pick = chosen else { break }
            let f = feasible[pick], c = candidates[f.index], a = after[f.index]!
            let teams = { (x: Scenario) in x.municipality(c.code)?.deliveryTeams ?? 0 }
            let before = scenario(with: portfolio)!
            let chosenScenario = scenario(with: portfolio.adding(c))!
            steps.append(PlanStep(
                choice: c, cost: f.cost, after: a,
                reduction: CountSummary(values: zip(current.values, a.values).map { $0 - $1 }),
                teamsAdded: c.lever == .unit ? teams(chosenScenario) - teams(before) : 0))
            portfolio = portfolio.adding(c)
            let newSpent = PlanCost.of(chosenScenario, over: scenario, prices: prices)
            // Costs add up across municipalities, so the others' costs over the plan stay as they were.
            for j in candidates.indices where candidates[j].code == c.code || (c.lever == .tier && candidates[j].lever == .tier) {
                costOver[j] = nil
            }
            spent = newSpent
            current = a
            measuredFrom = measuredFrom.advanced(to: chosenScenario, threads: options.threads)
        }
        // The scope's own figures after the plan (the base the last step was advanced to).
        let seeds = self.seeds, indices = scopeIndices
        let finals = measuredFrom.tallies.map { ReplicaSummary(municipalities: $0) }
        runs += seeds.count
        // Every lever and place never taken, once, with the reason.
        var notes = notApplicable
        for code in scope {
            for lever in Lever.allCases where !notes.contains(where: { $0.code == code && $0.lever == lever }) {
                let idx = candidates.indices.filter { candidates[$0].code == code && candidates[$0].lever == lever }
                if steps.contains(where: { $0.choice.code == code && $0.choice.lever == lever }) { continue }
                if !idx.isEmpty && !idx.contains(where: { everPriced[$0] }) {
                    // The measure was 0 before the search reached it.
                    notes.append(PlanCandidateNote(lever: lever, code: code, reason: .nothingToReduce))
                } else if idx.isEmpty || !idx.contains(where: { everApplied[$0] }) {
                    notes.append(PlanCandidateNote(lever: lever, code: code, reason: .notApplicable))
                } else if !idx.contains(where: { everFit[$0] }) {
                    notes.append(PlanCandidateNote(lever: lever, code: code, reason: .overBudget))
                } else if !idx.contains(where: { everGained[$0] }) {
                    notes.append(PlanCandidateNote(lever: lever, code: code, reason: (mostUncovered[code] ?? 0) == 0 ? .nothingToReduce : .noGain))
                } else {
                    notes.append(PlanCandidateNote(lever: lever, code: code, reason: .outranked))
                }
            }
        }
        notes.sort { a, b in
            a.code != b.code ? a.code < b.code : Lever.allCases.firstIndex(of: a.lever)! < Lever.allCases.firstIndex(of: b.lever)!
        }
        return PlanResult(
            options: PlanOptionsEcho(budgetYen: options.budgetYen, objective: options.objective, municipalities: options.municipalities,
                                     replicas: seeds.count, maxSteps: options.maxSteps),
            seeds: seeds, unit: unit, prices: prices, base: base, steps: steps,
            reduction: CountSummary(values: zip(base.values, current.values).map { $0 - $1 }), cost: spent,
            municipalities: scope,
            scopeUncovered: BeforeAfter(before: scopeBefore.uncovered, after: finals.map { r in indices.reduce(0) { $0 + r.muniUncovered[$1] } }),
            scopeGapMinutes: BeforeAfter(before: scopeBefore.gap, after: finals.map { r in indices.reduce(0) { $0 + r.muniGap[$1] } }),
            notTaken: notes, runs: runs)
    }
}
