/// The rules' tunable numbers. Every default is explained, with its source, in docs/MODEL.md.
/// All times are minutes, all capacities integers.
public struct PolicyParameters: Sendable, Equatable {
    /// Providers start safety-confirmation calls this long after the outage reaches them.
    public var providerCallDelayMinutes = 60
    /// A linked partner takes over an out-of-action provider's patients after this delay.
    public var linkedTakeoverDelayMinutes = 180
    /// The municipality starts confirming registered patients (regional BCP) after this delay.
    public var municipalConfirmDelayMinutes = 120
    /// A patient with no other channel calls for help when reserve falls below this...
    public var selfCallThresholdMinutes = 180
    /// ...and the call gets through after this delay.
    public var selfCallDelayMinutes = 30
    /// One-way travel of a delivery team, by distance class.
    public var travelSameMunicipalityMinutes = 60
    public var travelSameAreaMinutes = 90
    public var travelElsewhereMinutes = 150
    public var travelIslandMinutes = 720
    /// Under a regional BCP, neighbours in the same area lend stock after this delay.
    public var mutualAidDelayMinutes = 360
    /// Moving a patient to a backup bed (ambulance or welfare taxi, including handover).
    public var transferMinutes = 120
    /// Whether patients' own generators can be run at all (households often cannot: fuel, skill).
    public var ownGeneratorsUsable = true
    /// Target hours of own reserve for the allocation check (Japan ALS Association: 3 days).
    public var targetReserveHours = 72
    /// Public outputs show counts 1...threshold-1 as a range (small-count suppression).
    public var suppressionThreshold = 10

    public init() {}
}
