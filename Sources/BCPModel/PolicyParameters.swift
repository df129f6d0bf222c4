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

    // Model v2: how households get through, hospital admission, oxygen, units that come back.

    /// Oxygen suppliers start confirming their patients this long after the outage starts.
    public var supplierCallDelayMinutes = 360
    /// Oxygen brought by one supplier delivery, in minutes at the prescribed flow.
    public var cylinderDeliveryMinutes = 1_560
    /// A household acts on its own (car, recharge, hospital) when this much reserve is left.
    public var selfHelpThresholdMinutes = 180
    /// Setting up an inverter or a cord from the car.
    public var carSetupMinutes = 30
    /// How long the car's fuel runs the device (idling).
    public var carFuelMinutes = 1_440
    /// A family member takes the external battery to a powered place and back, charged.
    public var rechargeTripMinutes = 180
    /// Share (per mille) of round-the-clock users whose family takes them to hospital when their
    /// reserve runs low, rather than running the device from the car or recharging. Fitted to
    /// Sapporo 2018 with the two shares below (docs/BACKTEST.md).
    public var hospitalSharePerMille = 200
    /// Share (per mille) of households with an ordinary car (12 V socket) who can run the device
    /// from it through an inverter.
    public var carPowerSharePerMille = 350  // fitted to Sapporo 2018 (docs/BACKTEST.md)
    /// Share (per mille) of households with a hybrid or EV's 100 V outlet who use it.
    public var outletUseSharePerMille = 700
    /// Share (per mille) of households with an external battery who recharge it at a powered place.
    /// Fitted to Sapporo 2018 (docs/BACKTEST.md).
    public var rechargeSharePerMille = 900
    /// Arranging a planned (evacuation) admission once the patient is found.
    public var plannedAdmissionDelayMinutes = 60
    /// Taking the patient to hospital in the family's car.
    public var familyCarMinutes = 60
    /// From a call for an ambulance to arrival at the emergency department, in a disaster.
    public var emergencyMinutes = 60
    /// An admitted patient goes home this long after their power is back.
    public var dischargeAfterRestoreMinutes = 720
    /// A family can keep up a manual bridge (bagging) for this long.
    public var bridgeMaxMinutes = 720
    /// Recharging a returned battery at a powered depot; refuelling a returned generator.
    public var unitRechargeMinutes = 360
    public var unitRefuelMinutes = 60
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
        .minutes("supplier_call_delay_minutes", \.supplierCallDelayMinutes, 0...10_080),
        .minutes("cylinder_delivery_minutes", \.cylinderDeliveryMinutes, 1...20_160),
        .minutes("self_help_threshold_minutes", \.selfHelpThresholdMinutes, 0...10_080),
        .minutes("car_setup_minutes", \.carSetupMinutes, 0...1_440),
        .minutes("car_fuel_minutes", \.carFuelMinutes, 0...20_160),
        .minutes("recharge_trip_minutes", \.rechargeTripMinutes, 1...1_440),
        ParameterSpec(name: "hospital_share_per_mille", value: .integer(\.hospitalSharePerMille, range: 0...1_000, unit: "per mille")),
        ParameterSpec(name: "car_power_share_per_mille", value: .integer(\.carPowerSharePerMille, range: 0...1_000, unit: "per mille")),
        ParameterSpec(name: "outlet_use_share_per_mille", value: .integer(\.outletUseSharePerMille, range: 0...1_000, unit: "per mille")),
        ParameterSpec(name: "recharge_share_per_mille", value: .integer(\.rechargeSharePerMille, range: 0...1_000, unit: "per mille")),
        .minutes("planned_admission_delay_minutes", \.plannedAdmissionDelayMinutes, 0...10_080),
        .minutes("family_car_minutes", \.familyCarMinutes, 1...1_440),
        .minutes("emergency_minutes", \.emergencyMinutes, 1...1_440),
        .minutes("discharge_after_restore_minutes", \.dischargeAfterRestoreMinutes, 0...43_200),
        .minutes("bridge_max_minutes", \.bridgeMaxMinutes, 0...20_160),
        .minutes("unit_recharge_minutes", \.unitRechargeMinutes, 0...10_080),
        .minutes("unit_refuel_minutes", \.unitRefuelMinutes, 0...10_080),
        ParameterSpec(name: "target_reserve_hours", value: .integer(\.targetReserveHours, range: 1...720, unit: "hours")),
        ParameterSpec(name: "suppression_threshold", value: .integer(\.suppressionThreshold, range: 1...1_000, unit: "count")),
        ParameterSpec(name: "own_generators_usable", value: .flag(\.ownGeneratorsUsable)),
    ]
}
