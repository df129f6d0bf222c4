public enum PowerUnitKind: String, CaseKey, Codable, Comparable {
    /// 自家発電装置: rated watts and fuel.
    case generator
    /// 蓄電池 / portable power station / a ventilator's dedicated external battery: Wh.
    case battery
    /// 無停電電源装置: Wh.
    case ups

    public static func < (a: Self, b: Self) -> Bool {
        a.position < b.position
    }
}

/// Who holds a unit: a municipality's stock, a provider's lendable units, or a patient's own.
public enum UnitOwner: Sendable, Hashable {
    case municipality(MunicipalityCode)
    case provider(String)
    case patient(String)
}

/// A power source that can be lent and carried to a patient.
public struct PowerUnit: Sendable, Equatable {
    public var id: String
    public var kind: PowerUnitKind
    /// Stored energy for batteries and UPS, Wh (0 for generators).
    public var capacityWh: Int
    /// Rated output for generators (and a battery's inverter), W.
    public var ratedW: Int
    /// Generators: minutes per tank and tanks supplied with the unit.
    public var runtimePerTankMinutes: Int
    public var tanks: Int
    public var owner: UnitOwner
    /// Bought with the ventilator users' support program subsidy (or similar).
    public var subsidized: Bool

    public init(
        id: String, kind: PowerUnitKind, capacityWh: Int, ratedW: Int, runtimePerTankMinutes: Int, tanks: Int,
        owner: UnitOwner, subsidized: Bool
    ) {
        self.id = id
        self.kind = kind
        self.capacityWh = capacityWh
        self.ratedW = ratedW
        self.runtimePerTankMinutes = runtimePerTankMinutes
        self.tanks = tanks
        self.owner = owner
        self.subsidized = subsidized
    }

    /// Minutes this unit keeps `patient`'s device running once delivered.
    /// A generator runs on its fuel if it is big enough for the device; a battery adds its energy.
    public func minutes(for patient: Patient) -> Int { minutes(drawW: patient.drawW, hoursPerDay: patient.hoursPerDay) }

    /// Minutes of the device running (use-minutes) this unit gives a device drawing `drawW`: a
    /// generator's fuel if it is big enough, a battery's Wh x 60 / W.
    @inlinable
    public func useMinutes(drawW: Int) -> Int {
        Self.useMinutes(
            generator: kind == .generator, capacityWh: capacityWh, ratedW: ratedW,
            fuelMinutes: runtimePerTankMinutes * tanks, drawW: drawW)
    }

    /// The rule of `useMinutes(drawW:)` on plain integers, for loops that keep a unit's figures in
    /// arrays.
    @inlinable
    public static func useMinutes(generator: Bool, capacityWh: Int, ratedW: Int, fuelMinutes: Int, drawW: Int) -> Int {
        generator ? (ratedW >= drawW ? fuelMinutes : 0) : Energy.useMinutes(wh: capacityWh, drawW: drawW)
    }

    /// The same spread over a day for a device drawing `drawW` for `hoursPerDay` hours a day.
    @inlinable
    public func minutes(drawW: Int, hoursPerDay: Int) -> Int {
        switch kind {
        case .generator:
            return ratedW >= drawW ? runtimePerTankMinutes * tanks : 0
        case .battery, .ups:
            return Energy.minutes(wh: capacityWh, drawW: drawW, hoursPerDay: hoursPerDay)
        }
    }
}
