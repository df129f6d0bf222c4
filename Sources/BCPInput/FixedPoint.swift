/// Exact decimal-to-integer conversion for numbers written in files ("14.9" hours, "0.14"
/// restored), so that no floating-point rounding reaches a decision.
public enum FixedPoint {
    /// `text` x `multiplier`, rounded half away from zero; nil if `text` is not a plain decimal
    /// number (digits, optional sign, point and exponent) or the result overflows.
    public static func scaled(_ text: String, by multiplier: Int) -> Int? {
        var t = Substring(text)
        var negative = false
        if t.first == "-" { negative = true; t = t.dropFirst() } else if t.first == "+" { t = t.dropFirst() }
        var exponent = 0
        if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(t[t.index(after: e)...]), abs(x) <= 30 else { return nil }
            exponent = x
            t = t[..<e]
        }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        let frac = parts.count == 2 ? parts[1] : ""
        guard (whole + frac).allSatisfy({ $0.isASCII && $0.isNumber }), !(whole + frac).isEmpty else { return nil }
        // digits as an integer mantissa with `scale` decimal places.
        var mantissaDigits = Array(String(whole + frac)).drop { $0 == "0" }
        var scale = frac.count - exponent
        if mantissaDigits.count > 30 { return nil }
        if mantissaDigits.isEmpty { mantissaDigits = ["0"] }
        var value = 0
        for d in mantissaDigits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(String(d))!)
            if o1 || o2 { return nil }
            value = a
        }
        var (result, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if overflow { return nil }
        while scale < 0 {
            (result, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            scale += 1
        }
        if scale > 0 {
            // Compare the remainder with half the divisor: adding the half first could overflow.
            if scale > 19 { return 0 }  // Int.max is below half of 10^20
            var divisor: UInt = 1
            for _ in 0..<scale { divisor *= 10 }
            let (q, r) = result.magnitude.quotientAndRemainder(dividingBy: divisor)
            let rounded = Int(q + (r >= divisor / 2 ? 1 : 0))
            result = result < 0 ? -rounded : rounded
        }
        return negative ? -result : result
    }
}
