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

/// One tunable number of PolicyParameters: its name in scenario.json (snake_case), the field it
/// sets, its accepted range and unit. The one list of parameters: the scenario reader accepts
/// exactly these, and result.json writes and reads them in this order (under `jsonKey`).
public struct ParameterSpec: Sendable {
    public enum Value: Sendable {
        case integer(WritableKeyPath<PolicyParameters, Int> & Sendable, range: ClosedRange<Int>, unit: String)
        case flag(WritableKeyPath<PolicyParameters, Bool> & Sendable)
    }

    /// The key in scenario.json's "parameters", e.g. `provider_call_delay_minutes`.
    public let name: String
    public let value: Value

    /// The key in result.json: the name in lower camel case, e.g. `providerCallDelayMinutes`.
    public var jsonKey: String {
        let parts = name.split(separator: "_")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func minutes(_ name: String, _ field: WritableKeyPath<PolicyParameters, Int> & Sendable, _ range: ClosedRange<Int>) -> ParameterSpec {
        ParameterSpec(name: name, value: .integer(field, range: range, unit: "minutes"))
    }
}

extension PolicyParameters {
    public static let specs: [ParameterSpec] = [
        .minutes("provider_call_delay_minutes", \.providerCallDelayMinutes, 0...10_080),
        .minutes("linked_takeover_delay_minutes", \.linkedTakeoverDelayMinutes, 0...10_080),
        .minutes("municipal_confirm_delay_minutes", \.municipalConfirmDelayMinutes, 0...10_080),
        .minutes("self_call_threshold_minutes", \.selfCallThresholdMinutes, 0...10_080),
        .minutes("self_call_delay_minutes", \.selfCallDelayMinutes, 0...10_080),
        .minutes("travel_same_municipality_minutes", \.travelSameMunicipalityMinutes, 1...10_080),
        .minutes("travel_same_area_minutes", \.travelSameAreaMinutes, 1...10_080),
        .minutes("travel_elsewhere_minutes", \.travelElsewhereMinutes, 1...10_080),
        .minutes("travel_island_minutes", \.travelIslandMinutes, 1...43_200),
        .minutes("mutual_aid_delay_minutes", \.mutualAidDelayMinutes, 0...43_200),
        .minutes("transfer_minutes", \.transferMinutes, 1...10_080),
        ParameterSpec(name: "target_reserve_hours", value: .integer(\.targetReserveHours, range: 1...720, unit: "hours")),
        ParameterSpec(name: "suppression_threshold", value: .integer(\.suppressionThreshold, range: 1...1_000, unit: "count")),
        ParameterSpec(name: "own_generators_usable", value: .flag(\.ownGeneratorsUsable)),
    ]
}
