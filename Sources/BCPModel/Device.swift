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
    /// exchanger in an outage). Sources are in docs/MODEL.md ("Device defaults").
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

    public static func < (a: Self, b: Self) -> Bool {
        a.position < b.position
    }
}
