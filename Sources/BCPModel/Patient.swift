/// How long stored energy runs a device: the one rule (docs/MODEL.md, "Energy").
public enum Energy {
    /// Minutes of the device running (use-minutes) that `wh` watt-hours give at `drawW`:
    /// floor(Wh x 60 / W). How long that lasts on the clock depends on the hours of use.
    @inlinable
    public static func useMinutes(wh: Int, drawW: Int) -> Int {
        guard drawW > 0, wh > 0 else { return 0 }
        return wh * 60 / drawW
    }

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
    /// Minutes without the device before it is dangerous (nil: the device's default).
    public var toleranceMinutes: Int?
    /// Whether the household has and can use the device's manual bridge (bagging, a manual
    /// suction pump, gravity feeding).
    public var manualBridge: Bool
    /// A car the household can run the device from, if any.
    public var car: CarPower
    /// Oxygen on hand in cylinders, in minutes at the prescribed flow (oxygen users).
    public var cylinderMinutes: Int
    /// The oxygen supplier (a provider of kind supplier) that confirms and delivers cylinders.
    public var supplierId: String?
    /// Clock minute of the day a part-time device's daily window starts (nil: the device's default).
    public var useFromMinute: Int?

    public init(
        id: String, municipality: MunicipalityCode, device: DeviceKind, drawW: Int, hoursPerDay: Int,
        internalBatteryWh: Int, externalBatteryWh: Int, generator: OwnGenerator?, providerId: String,
        registeredSupportPlan: Bool, toleranceMinutes: Int? = nil, manualBridge: Bool = false, car: CarPower = .none,
        cylinderMinutes: Int = 0, supplierId: String? = nil, useFromMinute: Int? = nil
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
        self.toleranceMinutes = toleranceMinutes
        self.manualBridge = manualBridge
        self.car = car
        self.cylinderMinutes = cylinderMinutes
        self.supplierId = supplierId
        self.useFromMinute = useFromMinute
    }

    /// Tolerance in minutes of need: the patient's own, else the device's default.
    public var tolerance: Int { toleranceMinutes ?? device.defaultToleranceMinutes(hoursPerDay: hoursPerDay) }

    /// A device whose loss is an emergency within the hour: TPPV, 24-hour NPPV (by default).
    /// These patients are taken to hospital when their power runs out.
    public var lifeCritical: Bool { tolerance <= 60 }

    /// Whether the device runs 20 hours a day or more (Sapporo 2018: the strongest predictor of
    /// admission, prevalence ratio 9.07; Kabami et al. 2022).
    public var roundTheClock: Bool { hoursPerDay >= 20 }

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
