/// Exact decimal-to-integer conversion for numbers written in files ("14.9" hours, "0.14"
/// restored), so that no floating-point rounding reaches a decision.
public enum FixedPoint {
    /// A plain decimal number taken apart: `digits` (no leading or trailing zeros; empty for
    /// zero) times 10^-`scale`, with its sign.
    struct Parsed: Equatable {
        var negative: Bool
        var digits: [UInt8]
        var scale: Int
    }

    /// The exponent is clamped to this magnitude: a number of at most `maxDigits` significant
    /// digits (JSON numbers are at most 40 characters) is past any Int at 10^1000 and rounds to
    /// 0 at 10^-1000 whatever the multiplier, so the clamp cannot change an answer.
    static let exponentClamp = 1_000
    /// More significant digits than this are not read (a JSON number has at most 40 characters;
    /// the cap keeps the work bounded for any caller).
    static let maxDigits = 1_000

    /// Parses digits, optional sign, point and exponent; nil for anything else.
    static func parse(_ text: String) -> Parsed? {
        var t = Substring(text)
        var negative = false
        if t.first == "-" { negative = true; t = t.dropFirst() } else if t.first == "+" { t = t.dropFirst() }
        var exponent = 0
        if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var x = t[t.index(after: e)...]
            var negativeExponent = false
            if x.first == "-" { negativeExponent = true; x = x.dropFirst() } else if x.first == "+" { x = x.dropFirst() }
            guard !x.isEmpty, x.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            // Saturating: 1e99999999999999999999 is as far past Int as 1e1000.
            for b in x.utf8 { exponent = min(exponentClamp, exponent * 10 + Int(b - 48)) }
            if negativeExponent { exponent = -exponent }
            t = t[..<e]
        }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        let frac = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && frac.isEmpty), (whole + frac).utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        // Leading zeros say nothing; trailing zeros only move the point (100.000 is 100000 x 10^-3).
        var digits = Array((whole + frac).utf8.map { $0 - 48 }.drop { $0 == 0 })
        var scale = frac.count - exponent
        while digits.last == 0 {
            digits.removeLast()
            scale -= 1
        }
        guard digits.count <= maxDigits else { return nil }
        return Parsed(negative: negative, digits: digits, scale: digits.isEmpty ? 0 : scale)
    }

    /// `text` x `multiplier`, rounded half away from zero; nil if `text` is not a plain decimal
    /// number (digits, optional sign, point and exponent), `multiplier` is negative, or the
    /// result does not fit an Int. However many digits the text has, only its value counts:
    /// `100.0000000000000000` is 100 and `0.50000000000000000000001` rounds to 1.
    public static func scaled(_ text: String, by multiplier: Int) -> Int? {
        guard multiplier >= 0, let d = parse(text) else { return nil }
        guard let magnitude = scaledMagnitude(d, by: multiplier) else { return nil }
        return d.negative ? -magnitude : magnitude
    }

    /// The value of `text` if it is a whole number that fits an Int (`100`, `100.000`, `1e2`),
    /// nil otherwise.
    public static func wholeNumber(_ text: String) -> Int? {
        guard let d = parse(text), d.scale <= 0 else { return nil }
        return scaled(text, by: 1)
    }

    /// Whether `text` is a plain decimal number whose value is not whole (`2.5`, `1e-1`).
    public static func hasFraction(_ text: String) -> Bool {
        guard let d = parse(text) else { return false }
        return d.scale > 0
    }

    /// |digits x 10^-scale x multiplier|, rounded half up; nil past Int.max.
    private static func scaledMagnitude(_ d: Parsed, by multiplier: Int) -> Int? {
        if d.digits.isEmpty || multiplier == 0 { return 0 }
        // Split at the point: the whole part q (digits before it) and the fraction's digits.
        let wholeCount = max(0, d.digits.count - max(d.scale, 0))
        var q = 0
        for digit in d.digits.prefix(wholeCount) {
            let (m, o1) = q.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(digit))
            if o1 || o2 { return nil }
            q = a
        }
        // A negative scale appends zeros to the whole part.
        for _ in 0..<max(0, -d.scale) {
            let (m, o) = q.multipliedReportingOverflow(by: 10)
            if o { return nil }
            q = m
        }
        let (whole, o1) = q.multipliedReportingOverflow(by: multiplier)
        if o1 { return nil }
        guard d.scale > 0 else { return whole }
        // The fraction 0.f1 f2 ... f_scale (zeros first when scale passes the digits) times the
        // multiplier, digit by digit from the last, as on paper: `carry` ends as the whole part
        // of the product, `first` as the first digit of its fraction, which alone decides the
        // rounding (0.5 and above round up: first >= 5).
        let fraction = d.digits.dropFirst(wholeCount)
        let zeros = d.scale - fraction.count
        // Past 20 leading zeros the product is below 10^-20 x Int.max < 0.5: it rounds to 0.
        if zeros > 20 { return whole }
        var carry = 0
        var first = 0
        var remaining = d.scale
        func step(_ digit: Int) -> Bool {
            let (p, o1) = digit.multipliedReportingOverflow(by: multiplier)
            let (t, o2) = p.addingReportingOverflow(carry)
            if o1 || o2 { return false }
            first = t % 10
            carry = t / 10
            remaining -= 1
            return true
        }
        for digit in fraction.reversed() { guard step(Int(digit)) else { return nil } }
        while remaining > 0 { guard step(0) else { return nil } }
        let (a, o2) = whole.addingReportingOverflow(carry)
        let (r, o3) = a.addingReportingOverflow(first >= 5 ? 1 : 0)
        if o2 || o3 { return nil }
        return r
    }
}
