/// One point of a restoration curve: at `minute` after the zone's outage start,
/// `restoredPPM` parts per million of the zone's customers have power back.
public struct CurvePoint: Sendable, Equatable {
    public var minute: Int
    public var restoredPPM: Int
    public init(minute: Int, restoredPPM: Int) {
        self.minute = minute
        self.restoredPPM = restoredPPM
    }
}

/// Fraction of customers restored over time, piecewise linear between points, as published
/// for real outages (e.g. Hokkaido 2018: 14% at 14.9 h ... 99% at 46.9 h).
///
/// Fractions are integers in parts per million so that no decision rests on floating point.
/// An implicit point (0 min, 0 ppm) precedes the first point. A curve that ends below 1,000,000
/// leaves the rest of its customers without power for the whole horizon.
public struct RestorationCurve: Sendable, Equatable {
    public static let full = 1_000_000
    public var points: [CurvePoint]

    public init(points: [CurvePoint]) { self.points = points }

    /// Why this curve is not a valid restoration curve, or nil if it is: minutes strictly
    /// increasing and >= 0, fractions within 0...1,000,000 and never decreasing.
    public var invalidReason: String? {
        if points.isEmpty { return "a curve needs at least one point" }
        var lastMinute = -1, lastPPM = 0
        for (i, p) in points.enumerated() {
            if p.minute < 0 { return "point \(i + 1): hour must be >= 0" }
            if p.minute <= lastMinute { return "point \(i + 1): hours must increase strictly" }
            if p.restoredPPM < 0 || p.restoredPPM > RestorationCurve.full {
                return "point \(i + 1): fraction restored must be within 0...1"
            }
            if p.restoredPPM < lastPPM { return "point \(i + 1): fraction restored must not decrease (curve is not monotone)" }
            lastMinute = p.minute
            lastPPM = p.restoredPPM
        }
        return nil
    }

    /// Fraction restored at `minute`, ppm, by linear interpolation (integer, rounded down).
    public func restoredPPM(atMinute minute: Int) -> Int {
        var prev = CurvePoint(minute: 0, restoredPPM: 0)
        for p in points {
            if minute < p.minute {
                let span = p.minute - prev.minute
                guard span > 0 else { return p.restoredPPM }
                return prev.restoredPPM + (p.restoredPPM - prev.restoredPPM) * (minute - prev.minute) / span
            }
            prev = p
        }
        return prev.restoredPPM
    }

    /// The inverse of the curve: the first minute at which the restored fraction exceeds `u`
    /// (u in 0..<1,000,000), i.e. the restoration minute of a customer whose uniform draw is u.
    /// Nil when the curve never gets above u (the customer is not restored).
    public func restorationMinute(uniformPPM u: Int) -> Int? {
        var prev = CurvePoint(minute: 0, restoredPPM: 0)
        for p in points {
            if p.restoredPPM > u {
                // Smallest t in (prev.minute, p.minute] with prev.ppm + rise*(t-prev.minute)/span > u.
                let rise = p.restoredPPM - prev.restoredPPM
                let span = p.minute - prev.minute
                if rise <= 0 || span <= 0 { return p.minute }
                let need = u - prev.restoredPPM + 1  // rise*(dt)/span >= need (integer division above)
                let dt = (need * span + rise - 1) / rise
                return prev.minute + max(0, min(span, dt))
            }
            prev = p
        }
        return nil
    }
}
