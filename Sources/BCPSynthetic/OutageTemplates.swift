import BCPModel

/// Restoration curves of real outages, as published (see docs/MODEL.md and
/// docs/MODEL.md and the scenarios' READMEs for the sources), in the model's integer units.
public enum OutageTemplates {
    /// Hokkaido, 6 Sep 2018, whole-area blackout (about 2.95 million customers), hours from 03:08:
    /// 14% at 14.9 h, 22% at 20.9, 27% at 22.9, 44% at 26.9, 50% at 30.9, 99% at 46.9, 99.3% at
    /// 52.9, about 100% at 82.9 (HEPCO notices; NHK, Kyodo, Mainichi).
    public static let hokkaido2018 = RestorationCurve(points: [
        CurvePoint(minute: 894, restoredPPM: 140_000), CurvePoint(minute: 1254, restoredPPM: 220_000),
        CurvePoint(minute: 1374, restoredPPM: 270_000), CurvePoint(minute: 1614, restoredPPM: 440_000),
        CurvePoint(minute: 1854, restoredPPM: 500_000), CurvePoint(minute: 2814, restoredPPM: 990_000),
        CurvePoint(minute: 3174, restoredPPM: 993_000), CurvePoint(minute: 4974, restoredPPM: 1_000_000),
    ])

    /// The whole of Tokyo (every secondary area present) under one restoration curve.
    public static func wholeArea(_ municipalities: [Municipality], curve: RestorationCurve, id: String = "tokyo") -> OutageZone {
        var areas: [String] = []
        for m in municipalities.sorted(by: { $0.code < $1.code }) where !areas.contains(m.area.nameJa) { areas.append(m.area.nameJa) }
        return OutageZone(id: id, targets: areas.map(ZoneTarget.area), startMinute: 0, shape: .restoration(curve))
    }
}
