/// What a backtest compares: an outcome statistic of a simulated event against the figure
/// published for the real one, with the band the model must land in. docs/BACKTEST.md.

/// An outcome share the simulator can be asked for, counted over the patients of the listed devices
/// who lost grid power (for `clinicsArrangingAdmission`, over the clinics caring for them).
public enum RecordStatistic: String, CaseKey, Codable {
    /// Admitted to hospital by any route (planned, family, emergency).
    case admitted
    /// Used power beyond their own batteries (a generator, the car, a charged battery, a unit,
    /// cylinders) and were not admitted.
    case otherPowerAtHome
    /// Ran the device from a car.
    case usedCar
    /// Admitted, or used power beyond their own batteries.
    case admittedOrOtherPower
    /// Were without the device longer than they can tolerate (harmed).
    case beyondTolerance
    /// Reached by their oxygen supplier's confirmation (of patients with a supplier).
    case supplierReached
    /// Clinics caring for one of these patients that arranged a planned admission for one of them.
    case clinicsArrangingAdmission
}

/// One published figure and the model's band around it.
public struct RecordTarget: Sendable, Equatable {
    /// A short key, unique in its file (e.g. "admitted").
    public var id: String
    public var statistic: RecordStatistic
    /// The devices counted; empty: every device.
    public var devices: [DeviceKind]
    /// Count only what happened within this many minutes of the patient's first outage (e.g. 48
    /// hours for "admitted within 48 h"); nil: any time in the horizon.
    public var withinMinutes: Int?
    /// What the record says, in both languages.
    public var labelJa: String
    public var labelEn: String
    /// The recorded share and the band, in tenths of a percent (36% = 360). `low` is 0 for "at most"
    /// targets and `high` 1000 for "at least" ones.
    public var record: Int
    public var low: Int
    public var high: Int
    /// Where the figure was published.
    public var source: String
    /// Why the model is known to miss this figure (a mechanism it leaves out), in both languages;
    /// nil for an ordinary target. A known gap outside its band is reported as such and does not
    /// fail the backtest; inside its band it passes like any other.
    public var knownGapJa: String?
    public var knownGapEn: String?

    public init(
        id: String, statistic: RecordStatistic, devices: [DeviceKind], withinMinutes: Int?, labelJa: String, labelEn: String,
        record: Int, low: Int, high: Int, source: String, knownGapJa: String? = nil, knownGapEn: String? = nil
    ) {
        self.id = id
        self.statistic = statistic
        self.devices = devices
        self.withinMinutes = withinMinutes
        self.labelJa = labelJa
        self.labelEn = labelEn
        self.record = record
        self.low = low
        self.high = high
        self.source = source
        self.knownGapJa = knownGapJa
        self.knownGapEn = knownGapEn
    }

    /// Whether a share (tenths of a percent) is inside the band.
    public func holds(_ value: Int) -> Bool { low <= value && value <= high }
}

/// A real event's published outcomes, kept beside the scenario that plays it (backtest.json).
public struct EventRecord: Sendable, Equatable {
    public var nameJa: String
    public var nameEn: String
    public var targets: [RecordTarget]
    /// What a reader of the report must know about these figures (e.g. which are fitted), both
    /// languages; empty when the file has none.
    public var notesJa = ""
    public var notesEn = ""

    public init(nameJa: String, nameEn: String, targets: [RecordTarget]) {
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.targets = targets
    }
}
