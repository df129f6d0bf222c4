import BCPModel
import BCPSimulator

/// The model against a real event: the scenario's published outcomes (its EventRecord) and the
/// model's figures for the same statistics, pooled over replicas. docs/BACKTEST.md.
public struct BacktestRow: Sendable, Equatable {
    public var target: RecordTarget
    /// Patients (or clinics) counted, and how many of them had the outcome, over all replicas.
    public var numerator: Int
    public var denominator: Int

    /// The model's share in tenths of a percent, rounded half up (0 when nobody was counted).
    public var value: Int { denominator == 0 ? 0 : (numerator * 1000 * 2 + denominator) / (denominator * 2) }
    public var passed: Bool { denominator > 0 && target.holds(value) }
    /// Outside its band, for a reason the record file states (RecordTarget.knownGapJa).
    public var knownGap: Bool { !passed && target.knownGapEn != nil }
    /// Inside its band, or a stated known gap.
    public var acceptable: Bool { passed || knownGap }
}

public struct BacktestResult: Sendable, Equatable {
    /// The scenario's folder name (its id) and names; the event as the record names it.
    public var scenarioId: String
    public var scenarioNameJa: String
    public var scenarioNameEn: String
    public var eventJa: String
    public var eventEn: String
    public var notesJa = ""
    public var notesEn = ""
    public var seeds: [UInt64]
    public var patients: Int
    public var rows: [BacktestRow]

    /// Every figure inside its band or a stated known gap.
    public var passed: Bool { rows.allSatisfy(\.acceptable) }
}

public enum Backtest {
    /// Runs `replicas` seeds of `scenario` (replica 0 is the scenario's seed) on up to `threads`
    /// threads and counts every target of `record`.
    public static func run(
        _ scenario: Scenario, id: String, record: EventRecord, replicas: Int, threads: Int
    ) -> BacktestResult {
        let seeds = Ensemble.seeds(from: scenario.seed, count: max(1, replicas))
        let plan = Simulator.Plan(scenario)
        let counting = Counting(scenario)
        let perReplica: [[(Int, Int)]] = parallelMap(seeds.count, threads: threads) { k in
            let r = plan.run(seed: seeds[k])
            return record.targets.map { counting.count($0, in: r) }
        }
        var rows = record.targets.map { BacktestRow(target: $0, numerator: 0, denominator: 0) }
        for counts in perReplica {
            for (j, c) in counts.enumerated() {
                rows[j].numerator += c.0
                rows[j].denominator += c.1
            }
        }
        var result = BacktestResult(
            scenarioId: id, scenarioNameJa: scenario.nameJa, scenarioNameEn: scenario.nameEn, eventJa: record.nameJa,
            eventEn: record.nameEn, seeds: seeds, patients: scenario.patients.count, rows: rows)
        (result.notesJa, result.notesEn) = (record.notesJa, record.notesEn)
        return result
    }

    /// What the counting needs from the scenario: each patient's supplier, each provider's kind.
    struct Counting: Sendable {
        let hasSupplier: Set<String>
        let clinics: Set<String>

        init(_ s: Scenario) {
            hasSupplier = Set(s.patients.filter { $0.supplierId != nil }.map(\.id))
            clinics = Set(s.providers.filter { $0.kind == .clinic }.map(\.id))
        }

        /// (numerator, denominator) of one target in one run. Patients counted: those of the
        /// target's devices who lost grid power; "within" counts from their first outage.
        func count(_ t: RecordTarget, in r: SimulationResult) -> (Int, Int) {
            let counted = r.patients.filter { p in
                p.firstOutageMinute != nil && (t.devices.isEmpty || t.devices.contains(p.device))
            }
            func inTime(_ minute: Int?, _ p: PatientOutcome) -> Bool {
                guard let minute, let start = p.firstOutageMinute else { return false }
                return t.withinMinutes.map { minute - start <= $0 } ?? true
            }
            func admitted(_ p: PatientOutcome) -> Bool { p.admission != nil && inTime(p.admissionMinute, p) }
            switch t.statistic {
            case .admitted:
                return (counted.filter(admitted).count, counted.count)
            case .otherPowerAtHome:
                return (counted.filter { $0.otherPower && $0.admission == nil }.count, counted.count)
            case .usedCar:
                return (counted.filter(\.usedCar).count, counted.count)
            case .admittedOrOtherPower:
                return (counted.filter { admitted($0) || $0.otherPower }.count, counted.count)
            case .beyondTolerance:
                return (counted.filter { $0.beyondToleranceMinutes > 0 }.count, counted.count)
            case .supplierReached:
                let withSupplier = counted.filter { hasSupplier.contains($0.id) }
                return (withSupplier.filter { inTime($0.supplierContactMinute, $0) }.count, withSupplier.count)
            case .clinicsArrangingAdmission:
                // Clinics in id order; a clinic counts once however many patients it admitted.
                var caring: [String: Bool] = [:]
                for p in counted where clinics.contains(p.providerId) {
                    let arranged = p.admission == .planned && inTime(p.admissionMinute, p)
                    caring[p.providerId] = (caring[p.providerId] ?? false) || arranged
                }
                return (caring.values.filter { $0 }.count, caring.count)
            }
        }
    }
}
