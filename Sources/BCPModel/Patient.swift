/// How long stored energy runs a device: the one rule (docs/MODEL.md, "Energy").
public enum Energy {
    /// Minutes `wh` watt-hours keep a device running that draws `drawW` for `hoursPerDay` hours a
    /// day, spread over the day: floor(Wh x 60 x 24 / (W x hours)); floor(Wh x 60 / W) round the clock.
    @inlinable
    public static func minutes(wh: Int, drawW: Int, hoursPerDay: Int) -> Int {
        guard drawW > 0, hoursPerDay > 0, wh > 0 else { return 0 }
        return wh * 60 * 24 / (drawW * hoursPerDay)
    }
}

/// A generator or car inverter the patient owns.
public struct OwnGenerator: Sendable, Equatable {
    public var ratedW: Int
    /// Minutes one tank (or a pair of gas cans) lasts at the patient's load.
    public var runtimePerTankMinutes: Int
    public var tanks: Int
    /// Whether someone in the household can start and run it (Sapporo 2018: many could not).
    public var operable: Bool

    public init(ratedW: Int, runtimePerTankMinutes: Int, tanks: Int, operable: Bool = true) {
        self.ratedW = ratedW
        self.runtimePerTankMinutes = runtimePerTankMinutes
        self.tanks = tanks
        self.operable = operable
    }

    /// Total minutes of power from fuel on hand.
    public var runtimeMinutes: Int { runtimePerTankMinutes * tanks }
}

/// An electricity-dependent person living at home. Only a pseudonymous id, never a name.
public struct Patient: Sendable, Equatable {
    public var id: String
    public var municipality: MunicipalityCode
    public var device: DeviceKind
    /// Average draw while the device runs, in watts (> 0).
    public var drawW: Int
    /// Hours per day the device runs (1...24).
    public var hoursPerDay: Int
    public var internalBatteryWh: Int
    public var externalBatteryWh: Int
    public var generator: OwnGenerator?
    /// The provider responsible for the patient's home care.
    public var providerId: String
    /// Whether an individual support plan (個別支援計画) is registered with the municipality.
    public var registeredSupportPlan: Bool

    public init(
        id: String, municipality: MunicipalityCode, device: DeviceKind, drawW: Int, hoursPerDay: Int,
        internalBatteryWh: Int, externalBatteryWh: Int, generator: OwnGenerator?, providerId: String,
        registeredSupportPlan: Bool
    ) {
        self.id = id
        self.municipality = municipality
        self.device = device
        self.drawW = drawW
        self.hoursPerDay = hoursPerDay
        self.internalBatteryWh = internalBatteryWh
        self.externalBatteryWh = externalBatteryWh
        self.generator = generator
        self.providerId = providerId
        self.registeredSupportPlan = registeredSupportPlan
    }

    /// Battery energy on hand, internal then external.
    public var batteryWh: Int { internalBatteryWh + externalBatteryWh }

    /// Minutes `wh` watt-hours keep the device running, spread over the day by hours of use:
    /// floor(Wh x 60 x 24 / (draw x hoursPerDay)). For a 24-hour device this is floor(Wh x 60 / draw).
    public func minutes(ofEnergyWh wh: Int) -> Int { Energy.minutes(wh: wh, drawW: drawW, hoursPerDay: hoursPerDay) }

    /// Minutes of own generator power: its fuel on hand, if the household can run it and it is
    /// big enough for the device (rated W >= draw); 0 otherwise.
    public var generatorMinutes: Int {
        guard let g = generator, g.operable, g.ratedW >= drawW else { return 0 }
        return g.runtimeMinutes
    }

    /// Minutes of own reserve: internal and external batteries, then the own generator.
    public var ownReserveMinutes: Int { minutes(ofEnergyWh: batteryWh) + generatorMinutes }
}
