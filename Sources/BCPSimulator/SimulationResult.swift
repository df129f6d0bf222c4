import BCPModel

/// How a patient came through the outage.
public enum Outcome: String, CaseKey {
    /// The grid never failed for this patient within the horizon.
    case unaffected
    /// Own batteries, own generator, units placed at home and cylinders on hand lasted until power
    /// came back (or the horizon).
    case coveredOwnMeans
    /// No gap, thanks to what the household did itself: the car, or a battery recharged elsewhere.
    case coveredBySelfHelp
    /// No gap, thanks to at least one delivered unit or cylinder delivery.
    case coveredByUnit
    /// No gap before the patient was admitted to hospital (planned, or taken there by the family).
    case evacuated
    /// Some minutes without power.
    case uncovered
}

/// The channel through which a patient's need first became known.
public enum DetectionChannel: String, CaseKey {
    case providerCall, linkedPartner, municipalConfirmation, supplierCall, selfCall
}

/// How a patient came to be admitted to hospital.
public enum AdmissionRoute: String, CaseKey {
    /// Arranged by a responder before the power ran out: an evacuation admission under a
    /// regional BCP or a pre-arranged system, a backup bed found by the dispatcher, or a provider's
    /// admission before an announced rolling blackout.
    case planned
    /// Taken to hospital by the family when the reserve ran low.
    case family
    /// Brought to the emergency department after the power ran out (ambulance or family car).
    case emergency
}

/// What would have closed an uncovered patient's gap (several can apply). See docs/MODEL.md.
public enum ShortfallReason: String, CaseKey {
    case noPowerUnit, noContact, noDeliveryTeam, noBackupBed, providerWithoutBCP, noRegionalBCP
}

public struct PatientOutcome: Sendable, Equatable {
    public var id: String
    public var municipality: MunicipalityCode
    /// Secondary area, Japanese name.
    public var area: String
    public var providerId: String
    /// The provider's tier in this run (after any override).
    public var tier: BCPTier
    public var device: DeviceKind
    /// Own reserve at the start of an outage: batteries, usable own generator, own units.
    public var ownReserveMinutes: Int
    public var outcome: Outcome
    public var gapMinutes: Int
    /// Minute the grid first failed for this patient (nil: never within the horizon).
    public var firstOutageMinute: Int?
    /// Minute the grid came back for the last time (nil: never failed, or still off at the horizon).
    public var restorationMinute: Int?
    /// Total minutes with the grid off.
    public var gridOffMinutes: Int
    /// First minute the patient's power would have run out without (further) help: the minute help
    /// was needed by. Nil when own means always lasted.
    public var depletionMinute: Int?
    public var detectionMinute: Int?
    public var detectionChannel: DetectionChannel?
    /// First minute a delivered unit or a backup bed reached the patient.
    public var firstHelpMinute: Int?
    /// Units delivered, in order of arrival.
    public var unitIds: [String]
    /// The hospital (provider id) whose backup bed took the patient.
    public var bedProviderId: String?
    /// For uncovered patients, in the order of ShortfallReason.allCases.
    public var shortfall: [ShortfallReason]
    /// Minutes the device was needed and kept going by hand (bagging, a manual pump, gravity).
    public var bridgeMinutes: Int
    /// Minutes the device was needed, without power and without a bridge, beyond the patient's
    /// tolerance: the harm measure (docs/MODEL.md, "Harm").
    public var beyondToleranceMinutes: Int
    /// How the patient was admitted, if they were; and when they arrived.
    public var admission: AdmissionRoute?
    public var admissionMinute: Int?
    /// Power beyond the patient's own batteries was used: an own generator, a unit placed at home,
    /// the car, a recharged battery, a delivered unit or cylinders.
    public var otherPower: Bool
    /// The household ran the device from the car / recharged a battery elsewhere.
    public var usedCar: Bool
    public var recharged: Bool
    /// Cylinder deliveries received, and when the oxygen supplier first confirmed the patient.
    public var cylinderDeliveries: Int
    public var supplierContactMinute: Int?

    public init(
        id: String, municipality: MunicipalityCode, area: String, providerId: String, tier: BCPTier, device: DeviceKind,
        ownReserveMinutes: Int, outcome: Outcome, gapMinutes: Int, firstOutageMinute: Int?, restorationMinute: Int?,
        gridOffMinutes: Int, depletionMinute: Int?, detectionMinute: Int?, detectionChannel: DetectionChannel?,
        firstHelpMinute: Int?, unitIds: [String], bedProviderId: String?, shortfall: [ShortfallReason],
        bridgeMinutes: Int = 0, beyondToleranceMinutes: Int = 0, admission: AdmissionRoute? = nil, admissionMinute: Int? = nil,
        otherPower: Bool = false, usedCar: Bool = false, recharged: Bool = false, cylinderDeliveries: Int = 0,
        supplierContactMinute: Int? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.area = area
        self.providerId = providerId
        self.tier = tier
        self.device = device
        self.ownReserveMinutes = ownReserveMinutes
        self.outcome = outcome
        self.gapMinutes = gapMinutes
        self.firstOutageMinute = firstOutageMinute
        self.restorationMinute = restorationMinute
        self.gridOffMinutes = gridOffMinutes
        self.depletionMinute = depletionMinute
        self.detectionMinute = detectionMinute
        self.detectionChannel = detectionChannel
        self.firstHelpMinute = firstHelpMinute
        self.unitIds = unitIds
        self.bedProviderId = bedProviderId
        self.shortfall = shortfall
        self.bridgeMinutes = bridgeMinutes
        self.beyondToleranceMinutes = beyondToleranceMinutes
        self.admission = admission
        self.admissionMinute = admissionMinute
        self.otherPower = otherPower
        self.usedCar = usedCar
        self.recharged = recharged
        self.cylinderDeliveries = cylinderDeliveries
        self.supplierContactMinute = supplierContactMinute
    }

    /// What the tallies count of this patient.
    public var facts: OutcomeFacts {
        OutcomeFacts(
            outcome: outcome, gapMinutes: gapMinutes, unitsDelivered: unitIds.count,
            bed: bedProviderId != nil,
            detectionDelay: detectionMinute.flatMap { d in firstOutageMinute.map { d - $0 } }, shortfall: shortfall,
            bridgeMinutes: bridgeMinutes, beyondToleranceMinutes: beyondToleranceMinutes, admission: admission,
            otherPower: otherPower, usedCar: usedCar, recharged: recharged, cylinderDeliveries: cylinderDeliveries)
    }
}

/// What a Tally counts of one patient. The simulator derives it from its run state (for
/// replica summaries) and PatientOutcome from its fields (for full results); `Tally.add` is the
/// one place a patient is counted.
public struct OutcomeFacts: Sendable, Equatable {
    public var outcome: Outcome
    public var gapMinutes: Int
    public var unitsDelivered: Int
    public var bed: Bool
    /// Minutes from the first outage minute to detection; nil when never detected.
    public var detectionDelay: Int?
    public var shortfall: [ShortfallReason]
    public var bridgeMinutes: Int
    public var beyondToleranceMinutes: Int
    public var admission: AdmissionRoute?
    public var otherPower: Bool
    public var usedCar: Bool
    public var recharged: Bool
    public var cylinderDeliveries: Int
}

/// Counts over a group of patients.
public struct Tally: Sendable, Equatable {
    public var patients = 0
    /// Grid off at least once within the horizon.
    public var affected = 0
    /// Affected patients whom neither their own reserve nor the household's own means carried
    /// through: they were helped from outside (a delivery, an admission) or had a gap. By outcome,
    /// coveredByUnit + evacuated + uncovered, so that affected = coveredOwnMeans +
    /// coveredBySelfHelp + atRisk (docs/MODEL.md, "Coverage and outcomes"). Not "reserve ran out":
    /// an admission arranged at the low-reserve moment comes before the reserve runs out.
    public var atRisk = 0
    public var coveredOwnMeans = 0
    public var coveredBySelfHelp = 0
    public var coveredByUnit = 0
    public var evacuated = 0
    public var uncovered = 0
    public var gapMinutes = 0
    public var maxGapMinutes = 0
    public var unitsDelivered = 0
    public var bedsUsed = 0
    /// Affected patients whose need became known, and the sum and maximum of the delay from their
    /// first outage minute to detection.
    public var detected = 0
    public var detectionDelayTotal = 0
    public var detectionDelayMax = 0
    /// Uncovered patients per reason.
    public var shortfall = PerCase<ShortfallReason, Int>(repeating: 0)
    /// Patients beyond their tolerance (harmed), and the minutes beyond it in all.
    public var harmed = 0
    public var beyondToleranceMinutes = 0
    /// Minutes kept going by a manual bridge.
    public var bridgeMinutes = 0
    /// Patients admitted to hospital, by route (emergency = emergency presentations).
    public var admissions = PerCase<AdmissionRoute, Int>(repeating: 0)
    /// Patients who used power beyond their own batteries; who ran the device from the car; who
    /// recharged a battery elsewhere.
    public var otherPower = 0
    public var usedCar = 0
    public var recharged = 0
    public var cylinderDeliveries = 0

    public init() {}

    /// Patients with no gap among the affected.
    public var covered: Int { coveredOwnMeans + coveredBySelfHelp + coveredByUnit + evacuated }

    /// Patients admitted to hospital by any route.
    public var admitted: Int { admissions.total }

    /// Counts one patient.
    public mutating func add(_ p: OutcomeFacts) {
        patients += 1
        guard p.outcome != .unaffected else { return }
        affected += 1
        switch p.outcome {
        case .unaffected: break
        case .coveredOwnMeans: coveredOwnMeans += 1
        case .coveredBySelfHelp: coveredBySelfHelp += 1
        case .coveredByUnit: coveredByUnit += 1; atRisk += 1
        case .evacuated: evacuated += 1; atRisk += 1
        case .uncovered: uncovered += 1; atRisk += 1
        }
        gapMinutes += p.gapMinutes
        maxGapMinutes = max(maxGapMinutes, p.gapMinutes)
        unitsDelivered += p.unitsDelivered
        if p.bed { bedsUsed += 1 }
        if let d = p.detectionDelay {
            detected += 1
            detectionDelayTotal += d
            detectionDelayMax = max(detectionDelayMax, d)
        }
        for r in p.shortfall { shortfall[r] += 1 }
        if p.beyondToleranceMinutes > 0 { harmed += 1 }
        beyondToleranceMinutes += p.beyondToleranceMinutes
        bridgeMinutes += p.bridgeMinutes
        if let a = p.admission { admissions[a] += 1 }
        if p.otherPower { otherPower += 1 }
        if p.usedCar { usedCar += 1 }
        if p.recharged { recharged += 1 }
        cylinderDeliveries += p.cylinderDeliveries
    }

    /// Adds the counts of another group (sums, and the larger of the maxima).
    public mutating func merge(_ o: Tally) {
        patients += o.patients
        affected += o.affected
        atRisk += o.atRisk
        coveredOwnMeans += o.coveredOwnMeans
        coveredBySelfHelp += o.coveredBySelfHelp
        coveredByUnit += o.coveredByUnit
        evacuated += o.evacuated
        uncovered += o.uncovered
        gapMinutes += o.gapMinutes
        maxGapMinutes = max(maxGapMinutes, o.maxGapMinutes)
        unitsDelivered += o.unitsDelivered
        bedsUsed += o.bedsUsed
        detected += o.detected
        detectionDelayTotal += o.detectionDelayTotal
        detectionDelayMax = max(detectionDelayMax, o.detectionDelayMax)
        shortfall += o.shortfall
        harmed += o.harmed
        beyondToleranceMinutes += o.beyondToleranceMinutes
        bridgeMinutes += o.bridgeMinutes
        admissions += o.admissions
        otherPower += o.otherPower
        usedCar += o.usedCar
        recharged += o.recharged
        cylinderDeliveries += o.cylinderDeliveries
    }
}

/// Units, teams and beds a municipality holds (its own stock and teams plus those of providers
/// located there), and how many were used.
public struct ResourceUse: Sendable, Equatable {
    public var unitsHeld = 0
    public var unitsLent = 0
    public var teams = 0
    public var teamTrips = 0
    public var bedsHeld = 0
    public var bedsUsed = 0
    public init() {}
    public var unitsLeft: Int { unitsHeld - unitsLent }
    public var bedsLeft: Int { bedsHeld - bedsUsed }

    public mutating func merge(_ o: ResourceUse) {
        unitsHeld += o.unitsHeld
        unitsLent += o.unitsLent
        teams += o.teams
        teamTrips += o.teamTrips
        bedsHeld += o.bedsHeld
        bedsUsed += o.bedsUsed
    }
}

public struct MunicipalitySummary: Sendable, Equatable {
    public var code: MunicipalityCode
    public var nameJa: String
    public var nameEn: String
    public var areaJa: String
    public var population: Int
    /// Whether a regional BCP was in force in this run.
    public var regionalBCP: Bool
    public var tally: Tally
    public var resources: ResourceUse

    public init(
        code: MunicipalityCode, nameJa: String, nameEn: String, areaJa: String, population: Int, regionalBCP: Bool,
        tally: Tally = Tally(), resources: ResourceUse = ResourceUse()
    ) {
        self.code = code
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.areaJa = areaJa
        self.population = population
        self.regionalBCP = regionalBCP
        self.tally = tally
        self.resources = resources
    }
}

public struct AreaSummary: Sendable, Equatable {
    public var nameJa: String
    public var nameEn: String
    public var tally: Tally
    public var resources: ResourceUse

    public init(nameJa: String, nameEn: String, tally: Tally = Tally(), resources: ResourceUse = ResourceUse()) {
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.tally = tally
        self.resources = resources
    }
}

/// Patients per hour h, over minutes [60h, 60h + 60) clipped to the horizon.
public struct HourPoint: Sendable, Equatable {
    public var hour: Int
    /// Patients with the grid off at minute 60h.
    public var gridOff: Int
    /// Patients without any power at minute 60h.
    public var withoutPower: Int
    /// Patient-minutes without power during the hour.
    public var gapMinutes: Int

    public init(hour: Int, gridOff: Int, withoutPower: Int, gapMinutes: Int) {
        self.hour = hour
        self.gridOff = gridOff
        self.withoutPower = withoutPower
        self.gapMinutes = gapMinutes
    }
}

public struct SimulationResult: Sendable, Equatable {
    public var scenarioNameJa: String
    public var scenarioNameEn: String
    public var seed: UInt64
    public var tier: TierOverride
    public var horizonMinutes: Int
    public var parameters: PolicyParameters
    public var totals: Tally
    /// Sorted by code.
    public var municipalities: [MunicipalitySummary]
    /// Sorted by Japanese name.
    public var areas: [AreaSummary]
    /// By the provider's tier in the run.
    public var tiers: PerCase<BCPTier, Tally>
    public var devices: PerCase<DeviceKind, Tally>
    public var timeline: [HourPoint]
    public var resources: ResourceUse
    /// Sorted by id.
    public var patients: [PatientOutcome]

    public init(
        scenarioNameJa: String, scenarioNameEn: String, seed: UInt64, tier: TierOverride, horizonMinutes: Int,
        parameters: PolicyParameters, totals: Tally, municipalities: [MunicipalitySummary], areas: [AreaSummary],
        tiers: PerCase<BCPTier, Tally>, devices: PerCase<DeviceKind, Tally>, timeline: [HourPoint], resources: ResourceUse,
        patients: [PatientOutcome]
    ) {
        self.scenarioNameJa = scenarioNameJa
        self.scenarioNameEn = scenarioNameEn
        self.seed = seed
        self.tier = tier
        self.horizonMinutes = horizonMinutes
        self.parameters = parameters
        self.totals = totals
        self.municipalities = municipalities
        self.areas = areas
        self.tiers = tiers
        self.devices = devices
        self.timeline = timeline
        self.resources = resources
        self.patients = patients
    }

    /// The earliest minute any patient's own power ran out (nil: nobody's did).
    public var firstDepletionMinute: Int? { patients.compactMap(\.depletionMinute).min() }
}
