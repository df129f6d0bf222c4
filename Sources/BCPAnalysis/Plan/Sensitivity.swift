import BCPEngine
import BCPModel
import BCPSimulator

/// One uncertain parameter of the model with the range `sensitivity` explores. The ranges are
/// those of docs/MODEL.md "Uncertainty ranges", each with its source or marked as an assumption.
public struct UncertainParameter: Sendable, Equatable {
    /// The scenario.json key (PolicyParameters.specs).
    public var name: String
    public var low: Int
    public var high: Int
    /// Where the range comes from, in a few words (English; docs/MODEL.md gives the references).
    public var basis: String

    public init(_ name: String, _ low: Int, _ high: Int, _ basis: String) {
        self.name = name
        self.low = low
        self.high = high
        self.basis = basis
    }

    /// The parameters with their value set, nil if the name is not a parameter.
    public func setting(_ value: Int, in p: PolicyParameters) -> PolicyParameters {
        var q = p
        guard let spec = PolicyParameters.specs.first(where: { $0.name == name }), case .integer(let kp, _, _) = spec.value else { return q }
        q[keyPath: kp] = value
        return q
    }

    public func value(in p: PolicyParameters) -> Int {
        guard let spec = PolicyParameters.specs.first(where: { $0.name == name }), case .integer(let kp, _, _) = spec.value else { return 0 }
        return p[keyPath: kp]
    }

    /// The model's uncertain parameters and their ranges (docs/MODEL.md "Uncertainty ranges").
    public static let all: [UncertainParameter] = [
        UncertainParameter("provider_call_delay_minutes", 30, 180, "assumption: half an hour to three hours"),
        UncertainParameter("municipal_confirm_delay_minutes", 60, 360, "assumption: half to three times the default"),
        UncertainParameter("self_call_threshold_minutes", 60, 360, "assumption: half to double"),
        UncertainParameter("travel_same_municipality_minutes", 30, 120, "assumption: half to double"),
        UncertainParameter("transfer_minutes", 60, 240, "assumption: half to double"),
        UncertainParameter("supplier_call_delay_minutes", 180, 1_440, "next morning (Sapporo 2018) to a day; 95% reached by 72 h (Chiba 2019)"),
        UncertainParameter("cylinder_delivery_minutes", 780, 2_340, "assumption: two to six cylinders of 6.5 h"),
        UncertainParameter("self_help_threshold_minutes", 60, 360, "assumption: half to double"),
        UncertainParameter("car_fuel_minutes", 720, 2_880, "assumption: half to double a day of idling"),
        UncertainParameter("hospital_share_per_mille", 100, 360, "fitted 20%; 36% admitted in Sapporo 2018 as the top"),
        UncertainParameter("car_power_share_per_mille", 150, 500, "15% of all ran the device from a car (Sapporo 2018) to 50%"),
        UncertainParameter("outlet_use_share_per_mille", 500, 900, "about 70% used the outlet (Sapporo 2018), +-20 points"),
        UncertainParameter("recharge_share_per_mille", 600, 1_000, "fitted 90%; the low end is an assumption"),
        UncertainParameter("planned_admission_delay_minutes", 30, 240, "assumption: half an hour to four hours"),
        UncertainParameter("emergency_minutes", 30, 180, "assumption: half to three times"),
        UncertainParameter("bridge_max_minutes", 360, 4_320, "assumption up to 3 days: families bagged for 3-4 days in 2011"),
        UncertainParameter("unit_recharge_minutes", 180, 720, "assumption: half to double"),
    ]
}

/// One parameter's one-at-a-time result: the objective at its low and high value, per seed.
public struct OneAtATime: Sendable, Equatable {
    public var parameter: UncertainParameter
    public var base: Int
    public var low: [Int]
    public var high: [Int]
    public var lowSummary: CountSummary { CountSummary(values: low) }
    public var highSummary: CountSummary { CountSummary(values: high) }
    /// |high mean - low mean| in thousandths: the bar's length in the tornado.
    public var swingMilli: Int { abs(highSummary.meanMilli - lowSummary.meanMilli) }
}

/// One Latin-hypercube sample: the values drawn, and the objective per seed.
public struct HypercubeSample: Sendable, Equatable {
    public var values: [Int]
    public var objective: [Int]
}

public struct SensitivityResult: Sendable, Equatable {
    public var objective: PlanObjective
    public var seeds: [UInt64]
    public var base: [Int]
    /// In the order of `UncertainParameter.all`.
    public var oneAtATime: [OneAtATime]
    /// Sorted by swing, largest first (ties: list order).
    public var ranked: [OneAtATime] {
        oneAtATime.enumerated().sorted { a, b in
            a.element.swingMilli != b.element.swingMilli ? a.element.swingMilli > b.element.swingMilli : a.offset < b.offset
        }.map(\.element)
    }
    public var samples: [HypercubeSample]
    /// The objective's mean of each sample, summarised (the spread over all the ranges at once).
    public var sampleMeans: CountSummary {
        CountSummary(values: samples.map { ($0.objective.reduce(0, +) * 2 + $0.objective.count) / (2 * max(1, $0.objective.count)) })
    }

    /// Spearman's rank correlation of each parameter's sampled value with the sample's mean
    /// objective, in thousandths (mid-ranks for ties), in the order of `UncertainParameter.all`.
    public var rankCorrelationsMilli: [Int] {
        let y = ranks2(samples.map { $0.objective.reduce(0, +) })
        return UncertainParameter.all.indices.map { j in
            let x = ranks2(samples.map { $0.values[j] })
            return Self.correlationMilli(x, y)
        }
    }

    /// Twice the mid-rank of each value (integers: ties share the average of their ranks).
    func ranks2(_ v: [Int]) -> [Int] {
        let order = v.indices.sorted { v[$0] != v[$1] ? v[$0] < v[$1] : $0 < $1 }
        var r = [Int](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = i + j + 2 }
            i = j + 1
        }
        return r
    }

    /// Pearson correlation of two integer series x 1000, rounded; 0 when one is constant.
    static func correlationMilli(_ x: [Int], _ y: [Int]) -> Int {
        let n = x.count
        guard n > 1 else { return 0 }
        let sx = x.reduce(0, +), sy = y.reduce(0, +)
        var sxy = 0, sxx = 0, syy = 0
        for i in 0..<n {
            sxy += x[i] * y[i]
            sxx += x[i] * x[i]
            syy += y[i] * y[i]
        }
        let cov = n * sxy - sx * sy, vx = n * sxx - sx * sx, vy = n * syy - sy * sy
        guard vx > 0, vy > 0 else { return 0 }
        // A figure for the page only (no decision rests on it): IEEE square root and division
        // are correctly rounded, so the value is the same on every machine.
        let r = Double(cov) / (Double(vx).squareRoot() * Double(vy).squareRoot())
        return Int((r * 1000).rounded())
    }
}

/// `bcpsim sensitivity`: which of the model's uncertain parameters move the harm most.
/// One-at-a-time: each parameter at its low and its high value, the others at the scenario's.
/// Latin hypercube: `samples` draws over all ranges at once (each range cut into `samples`
/// strata, each stratum used once per parameter, seeded by the scenario's seed), showing the
/// spread when everything is uncertain together and which parameter goes with it (rank
/// correlation). Every run uses the same `replicas` seeds; results do not depend on threads.
public enum Sensitivity {
    public static func run(_ scenario: Scenario, objective: PlanObjective, replicas: Int, samples: Int, threads: Int) -> SensitivityResult {
        let seeds = Ensemble.seeds(from: scenario.seed, count: max(1, replicas))
        let params = UncertainParameter.all
        var scenarios: [Scenario] = [scenario]
        for p in params {
            for v in [p.low, p.high] {
                var s = scenario
                s.parameters = p.setting(v, in: s.parameters)
                scenarios.append(s)
            }
        }
        // The hypercube: for parameter j, a permutation of the strata and a point within each.
        var g = SplitMix64(seed: scenario.seed ^ 0x5345_4E53_4954_4956)  // "SENSITIV"
        let n = max(0, samples)
        var values = [[Int]](repeating: [], count: n)
        for p in params {
            var strata = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            for i in 0..<n {
                let u = Int(g.next() % 1_000_000)
                values[i].append(Self.point(p, stratum: strata[i], of: n, u: u))
            }
        }
        for v in values {
            var s = scenario
            for (j, p) in params.enumerated() { s.parameters = p.setting(v[j], in: s.parameters) }
            scenarios.append(s)
        }
        let r = seeds.count, measure = objective.measure
        let plans = scenarios.map { Simulator.Plan($0) }
        let out = parallelMap(plans.count * r, threads: threads) { j in plans[j / r].summary(seed: seeds[j % r]).totals[measure] }
        func runs(_ k: Int) -> [Int] { Array(out[k * r..<(k + 1) * r]) }
        let oat = params.enumerated().map { i, p in
            OneAtATime(parameter: p, base: p.value(in: scenario.parameters), low: runs(1 + 2 * i), high: runs(2 + 2 * i))
        }
        let hyper = values.enumerated().map { i, v in HypercubeSample(values: v, objective: runs(1 + 2 * params.count + i)) }
        return SensitivityResult(objective: objective, seeds: seeds, base: runs(0), oneAtATime: oat, samples: hyper)
    }

    /// The value at fraction (stratum + u / 10^6) / n of the range, rounded down.
    static func point(_ p: UncertainParameter, stratum k: Int, of n: Int, u: Int) -> Int {
        p.low + ((p.high - p.low) * (k * 1_000_000 + u)) / (n * 1_000_000)
    }
}

/// Whether `plan`'s answer holds within the ranges: the first steps of the plan at the defaults
/// and with each of the most influential parameters at its low and its high value.
public struct PlanStability: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        /// nil: the scenario's own parameters.
        public var parameter: String?
        public var value: Int
        public var steps: [PlanStepChoice]
    }

    public var budgetYen: Int
    public var variants: [Variant]

    /// The variants whose first steps differ from the defaults' (the first variant).
    public var changed: [Variant] { variants.dropFirst().filter { $0.steps != variants[0].steps } }

    /// Plans of `steps` changes for `budget`, at the defaults and at the low and high value of
    /// each of `parameters`, judged on `replicas` seeds.
    public static func check(_ scenario: Scenario, budget: Int, objective: PlanObjective, parameters: [UncertainParameter],
                             replicas: Int, steps: Int, threads: Int) -> PlanStability {
        var runs: [(String?, Int, Scenario)] = [(nil, 0, scenario)]
        for p in parameters {
            for v in [p.low, p.high] {
                var s = scenario
                s.parameters = p.setting(v, in: s.parameters)
                runs.append((p.name, v, s))
            }
        }
        let variants = runs.map { name, value, s -> Variant in
            var o = PlanOptions(budgetYen: budget, objective: objective, replicas: replicas, threads: threads)
            o.maxSteps = steps
            return Variant(parameter: name, value: value, steps: PlanSearch(s, options: o).run().steps.map(\.choice))
        }
        return PlanStability(budgetYen: budget, variants: variants)
    }
}
