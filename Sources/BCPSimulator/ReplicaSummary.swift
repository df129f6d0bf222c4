import BCPModel

/// The counts an ensemble summarises over its replicas, in result.json order.
public enum EnsembleMeasure: String, CaseKey {
    case affected, atRisk, covered, coveredOwnMeans, coveredByUnit, evacuated, uncovered, gapMinutes, maxGapMinutes,
        unitsDelivered, bedsUsed, detected
    /// Model v2's outcome and harm measures, so that every headline row has its interval.
    case coveredBySelfHelp, harmed, beyondToleranceMinutes, admitted, emergency

    /// This measure of a tally.
    public func value(in t: Tally) -> Int {
        switch self {
        case .affected: return t.affected
        case .atRisk: return t.atRisk
        case .covered: return t.covered
        case .coveredOwnMeans: return t.coveredOwnMeans
        case .coveredByUnit: return t.coveredByUnit
        case .evacuated: return t.evacuated
        case .uncovered: return t.uncovered
        case .gapMinutes: return t.gapMinutes
        case .maxGapMinutes: return t.maxGapMinutes
        case .unitsDelivered: return t.unitsDelivered
        case .bedsUsed: return t.bedsUsed
        case .detected: return t.detected
        case .coveredBySelfHelp: return t.coveredBySelfHelp
        case .harmed: return t.harmed
        case .beyondToleranceMinutes: return t.beyondToleranceMinutes
        case .admitted: return t.admitted
        case .emergency: return t.admissions[.emergency]
        }
    }

    /// Whether the measure is in minutes (shown as hours).
    public var isMinutes: Bool { self == .gapMinutes || self == .maxGapMinutes || self == .beyondToleranceMinutes }

    /// For minutes: the patients they are the minutes of (their figures are withheld when those
    /// are few).
    public var minutesOf: EnsembleMeasure? {
        switch self {
        case .gapMinutes, .maxGapMinutes: return .uncovered
        case .beyondToleranceMinutes: return .harmed
        default: return nil
        }
    }
}

/// What an ensemble keeps of one replica: the measures over all patients, and uncovered patients
/// and gap minutes per municipality (by code). Replicas after the first are reduced to this as
/// soon as they finish, so 1,000 replicas do not hold 1,000 full results.
public struct ReplicaSummary: Sendable, Equatable {
    public var totals: PerCase<EnsembleMeasure, Int>
    public var muniUncovered: [Int]
    public var muniGap: [Int]

    public init(totals: PerCase<EnsembleMeasure, Int>, muniUncovered: [Int], muniGap: [Int]) {
        self.totals = totals
        self.muniUncovered = muniUncovered
        self.muniGap = muniGap
    }

    public init(_ totals: Tally, municipalities: [Tally]) {
        self.totals = PerCase { $0.value(in: totals) }
        muniUncovered = municipalities.map(\.uncovered)
        muniGap = municipalities.map(\.gapMinutes)
    }

    /// From each municipality's tally (by code): the totals are their merge, the same counts,
    /// sums and maxima as counting every patient once.
    public init(municipalities: [Tally]) {
        var totals = Tally()
        for t in municipalities { totals.merge(t) }
        self.init(totals, municipalities: municipalities)
    }

    public init(_ r: SimulationResult) {
        self.init(r.totals, municipalities: r.municipalities.map(\.tally))
    }
}
