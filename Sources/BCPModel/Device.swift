/// The electrical medical device a patient depends on.
public enum DeviceKind: String, CaseKey, Codable, Comparable {
    /// Invasive ventilation through a tracheostomy (気管切開下陽圧換気): usually round the clock.
    case tppv
    /// Non-invasive ventilation through a mask (非侵襲的陽圧換気): often night-time only.
    case nppv
    case oxygenConcentrator = "oxygen"
    case suction
    case feedingPump = "feeding"

    /// Defaults used when a patient row leaves draw or hours blank: the device's own draw while
    /// running on battery, heated humidifier off (households switch to a heat-and-moisture
    /// exchanger in an outage). Sources are in docs/MODEL.md ("Devices").
    public var defaultDrawW: Int {
        switch self {
        case .tppv: return 25          // Astral 24 W, PB560 20 W, Trilogy Evo 18 W (maeashi-labo)
        case .nppv: return 30          // Trilogy 100 31 W with a leak mask, Vivo 60 27-34 W
        case .oxygenConcentrator: return 120  // Japanese planning example
        case .suction: return 30       // assumption: a small unit's motor while it runs
        case .feedingPump: return 5    // assumption: enteral pumps draw a few watts
        }
    }

    /// Hours a day the device runs (assumptions, see docs/MODEL.md).
    public var defaultHoursPerDay: Int {
        switch self {
        case .tppv: return 24
        case .nppv: return 12
        case .oxygenConcentrator: return 24
        case .suction: return 2
        case .feedingPump: return 12
        }
    }

    /// Ventilators are the life-critical devices the ventilator support program covers.
    public var isVentilator: Bool { self == .tppv || self == .nppv }

    /// How a part-time device's hours fall in the day: in one daily window (NPPV at night,
    /// feeding overnight) or spread over the day (suction, used a few minutes at a time).
    public var usesDailyWindow: Bool { self != .suction }

    /// Clock minute of the day a part-time device's window starts (assumption: night-time
    /// ventilation from 21:00, overnight feeding from 20:00).
    public var defaultUseFromMinute: Int {
        switch self {
        case .feedingPump: return 20 * 60
        default: return 21 * 60
        }
    }

    /// Minutes the patient can be without the device (and without a manual bridge) before it is
    /// dangerous, counted in minutes the device is needed. docs/MODEL.md ("Harm") gives the basis.
    public func defaultToleranceMinutes(hoursPerDay: Int) -> Int {
        switch self {
        case .tppv: return 5  // no or weak spontaneous breathing: brain damage after a few minutes
        case .nppv: return hoursPerDay >= 20 ? 60 : 720  // 24-h users vs one night without the mask
        case .oxygenConcentrator: return 360  // hours, individual (assumption; docs/MODEL.md, "Harm")
        case .suction: return 120
        case .feedingPump: return 1_440
        }
    }

    /// The manual bridge for the device, if any: bagging (TPPV), a hand or foot suction pump, or
    /// gravity feeding. Whether a household has and can use it is the patient's `manualBridge`.
    public var bridgeName: String? {
        switch self {
        case .tppv: return "bagging"
        case .suction: return "manual-pump"
        case .feedingPump: return "gravity"
        case .nppv, .oxygenConcentrator: return nil
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        a.position < b.position
    }
}

/// A car the household can run the device from: through a 12 V accessory socket and an inverter
/// (about 120-180 W), or a hybrid's or EV's 100 V outlet (1,500 W). docs/MODEL.md ("Car power").
public enum CarPower: String, CaseKey, Codable {
    case none, socket, outlet

    /// The most the car can supply, W.
    public var maxW: Int {
        switch self {
        case .none: return 0
        case .socket: return 150
        case .outlet: return 1_500
        }
    }
}
