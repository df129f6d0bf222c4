/// The electrical medical device a patient depends on.
public enum DeviceKind: String, Sendable, CaseIterable, Codable, Comparable {
    /// Invasive ventilation through a tracheostomy (気管切開下陽圧換気): usually round the clock.
    case tppv
    /// Non-invasive ventilation through a mask (非侵襲的陽圧換気): often night-time only.
    case nppv
    case oxygenConcentrator = "oxygen"
    case suction
    case feedingPump = "feeding"

    /// Defaults used when a patient row leaves draw or hours blank.
    /// Sources are in docs/MODEL.md ("Device defaults").
    public var defaultDrawW: Int {
        switch self {
        case .tppv: return 60          // ventilator ~20 W + heated humidifier ~40 W (maeashi-labo)
        case .nppv: return 45          // ventilator ~20-30 W + humidifier on a lower setting
        case .oxygenConcentrator: return 120  // Japanese planning example
        case .suction: return 30       // intermittent use, averaged
        case .feedingPump: return 10
        }
    }

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
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
