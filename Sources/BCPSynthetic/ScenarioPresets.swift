import BCPModel

/// Outages shaped like ones that really happened (or are officially assumed), applied to Tokyo.
/// Each preset says which numbers come from records and which are assumptions; the scenario
/// folders' READMEs repeat it with the sources.
public enum ScenarioPreset: String, CaseIterable, Sendable {
    case hokkaido2018
    case chiba2019
    case rolling2011
    case islandTyphoon = "island-typhoon"
    case inlandQuake = "inland-quake"

    public var nameJa: String {
        switch self {
        case .hokkaido2018: return "東京都全域停電（北海道2018型の復旧）"
        case .chiba2019: return "南多摩の台風停電（千葉2019型の復旧）"
        case .rolling2011: return "多摩地域の計画停電（2011年3月型）"
        case .islandTyphoon: return "伊豆諸島・小笠原の台風停電（長期・海を越えた応援なし）"
        case .inlandQuake: return "首都直下地震による区部の停電（想定）"
        }
    }

    public var nameEn: String {
        switch self {
        case .hokkaido2018: return "Tokyo-wide blackout (Hokkaido 2018 restoration)"
        case .chiba2019: return "Typhoon outage in southern Tama (Chiba 2019 restoration)"
        case .rolling2011: return "Rolling blackouts in Tama (March 2011 pattern)"
        case .islandTyphoon: return "Island typhoon outage (slow restoration, no aid across the sea)"
        case .inlandQuake: return "Inland earthquake under Tokyo: ward outage (assumed)"
        }
    }

    public var horizonMinutes: Int {
        switch self {
        case .hokkaido2018, .rolling2011: return 7 * 1440
        case .chiba2019: return 15 * 1440
        case .islandTyphoon, .inlandQuake: return 14 * 1440
        }
    }

    /// Typhoon Faxai, Chiba, Sep 2019 (TEPCO PG figures via m3.com, NHK, Jiji, Kyodo), hours
    /// from the peak: 33% at 53.2 h, 40% 63.8, 45% 68.2, 71% 105.2, 78% 134.2, 86% 167.2,
    /// 88% 177.2, 93% 223.7, 99.4% 298.2, 99.7% 360.2.
    public static let chiba2019Curve = RestorationCurve(points: [
        CurvePoint(minute: 3192, restoredPPM: 330_000), CurvePoint(minute: 3828, restoredPPM: 400_000),
        CurvePoint(minute: 4092, restoredPPM: 450_000), CurvePoint(minute: 6312, restoredPPM: 710_000),
        CurvePoint(minute: 8052, restoredPPM: 780_000), CurvePoint(minute: 10032, restoredPPM: 860_000),
        CurvePoint(minute: 10632, restoredPPM: 880_000), CurvePoint(minute: 13422, restoredPPM: 930_000),
        CurvePoint(minute: 17892, restoredPPM: 994_000), CurvePoint(minute: 21612, restoredPPM: 997_000),
    ])

    /// Noto, 1 Jan 2024 (METI, Hokuriku EPCO, Hokkoku Shimbun), days from 16:10: 40% at 4.6 d,
    /// 42% 4.9 d, 87% 21.8 d, 92% 27.8 d. Used for the islands as a slow, access-limited case.
    public static let noto2024Curve = RestorationCurve(points: [
        CurvePoint(minute: 6624, restoredPPM: 400_000), CurvePoint(minute: 7056, restoredPPM: 420_000),
        CurvePoint(minute: 31392, restoredPPM: 870_000), CurvePoint(minute: 40032, restoredPPM: 920_000),
    ])

    /// Assumption built on Tokyo's 2022 damage assumption (首都直下地震等による東京の被害想定,
    /// 2022-05-25, 4.1 電力): supply shortfall at first, distribution-line outages of a few
    /// percent after a day, repairs from day 3, distribution outages resolved in about a week,
    /// almost all restored in a month. Our numbers: nobody restored in the first 6 h; 50% at
    /// 24 h; 90% at 72 h; 97% at one week; 100% at 30 days.
    public static let inlandQuakeCurve = RestorationCurve(points: [
        CurvePoint(minute: 360, restoredPPM: 0), CurvePoint(minute: 1440, restoredPPM: 500_000),
        CurvePoint(minute: 4320, restoredPPM: 900_000), CurvePoint(minute: 10080, restoredPPM: 970_000),
        CurvePoint(minute: 43200, restoredPPM: 1_000_000),
    ])

    /// Rolling blackouts of 14 Mar 2011 in the TEPCO area (five groups, each cut about 3 hours
    /// within 06:20-22:00): G1 06:20-10:00 and 16:50-20:30; G2 09:20-13:00 and 18:20-22:00;
    /// G3 12:20-16:00; G4 13:50-17:30; G5 15:20-19:00. Repeated daily (assumption: in 2011 not
    /// every group was cut every day).
    public static let rolling2011Schedule: RollingSchedule = {
        let day: [(Int, Int, Int)] = [
            (1, 380, 600), (2, 560, 780), (3, 740, 960), (4, 830, 1050), (5, 920, 1140), (1, 1010, 1230), (2, 1100, 1320),
        ]
        var blocks: [RollingBlock] = []
        for d in 0..<7 {
            for (g, from, to) in day { blocks.append(RollingBlock(group: g, startMinute: d * 1440 + from, durationMinutes: to - from)) }
        }
        return RollingSchedule(groups: 5, blocks: blocks.sorted { ($0.startMinute, $0.group) < ($1.startMinute, $1.group) })
    }()

    public static let tamaAreas = ["西多摩", "南多摩", "北多摩西部", "北多摩南部", "北多摩北部"]
    public static let wardEastAndCentre = ["区中央部", "区東部", "区東北部", "区南部"]

    public func zones(_ municipalities: [Municipality]) -> [OutageZone] {
        switch self {
        case .hokkaido2018:
            return [OutageTemplates.wholeArea(municipalities, curve: OutageTemplates.hokkaido2018)]
        case .chiba2019:
            return [OutageZone(id: "south-tama", targets: [.area("南多摩")], startMinute: 0, shape: .restoration(Self.chiba2019Curve))]
        case .rolling2011:
            return [OutageZone(id: "tama-rolling", targets: Self.tamaAreas.map(ZoneTarget.area), startMinute: 0, shape: .rolling(Self.rolling2011Schedule))]
        case .islandTyphoon:
            return [OutageZone(id: "islands", targets: [.area("島しょ")], startMinute: 0, shape: .restoration(Self.noto2024Curve))]
        case .inlandQuake:
            return [OutageZone(id: "wards-east", targets: Self.wardEastAndCentre.map(ZoneTarget.area), startMinute: 0, shape: .restoration(Self.inlandQuakeCurve))]
        }
    }

    public func disruptions() -> [Disruption] {
        switch self {
        case .chiba2019:
            // Fallen trees blocked roads (the cause of Chiba's slow restoration): assumption x1.5 for 3 days.
            return [.travelSlowed(targets: [.area("南多摩")], percent: 150, fromMinute: 0, untilMinute: 4320)]
        case .inlandQuake:
            // Road damage and traffic control after the quake: assumption x3 for 3 days.
            return [.travelSlowed(targets: Self.wardEastAndCentre.map(ZoneTarget.area), percent: 300, fromMinute: 0, untilMinute: 4320)]
        default:
            return []
        }
    }

    public func parameters() -> PolicyParameters {
        var p = PolicyParameters()
        if self == .islandTyphoon {
            // No ship or helicopter for three days after a typhoon (assumption), so aid from other
            // islands or the mainland waits, and travel between islands takes a day.
            p.mutualAidDelayMinutes = 3 * 1440
            p.travelIslandMinutes = 1440
        }
        return p
    }
}
