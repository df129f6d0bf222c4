import BCPModel

/// Typed, located access to a parsed JSON document: every bad value becomes a diagnostic
/// `file:line:column: error: key.path: message` and the accessor returns nil.
struct JSONReader {
    let path: String
    var diags: Diagnostics

    mutating func error(_ v: JSONValue, _ keyPath: String, _ message: String) {
        diags.error(path, v.line, v.column, keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    /// Object members, reporting keys not in `allowed` (typos would otherwise be silently ignored).
    mutating func object(_ v: JSONValue, _ keyPath: String, allowed: [String]) -> [(String, JSONValue)]? {
        guard case .object(let members) = v.kind else {
            error(v, keyPath, "expected an object, found \(v.typeName)")
            return nil
        }
        var seen: [String] = []
        for (k, value) in members {
            let kp = keyPath.isEmpty ? k : "\(keyPath).\(k)"
            if !allowed.contains(k) {
                error(value, kp, "unknown key \"\(k)\"; expected one of: \(allowed.joined(separator: ", "))")
            } else if seen.contains(k) {
                error(value, kp, "key \"\(k)\" is written twice")
            }
            seen.append(k)
        }
        return members
    }

    mutating func array(_ v: JSONValue, _ keyPath: String) -> [JSONValue]? {
        guard case .array(let items) = v.kind else {
            error(v, keyPath, "expected an array, found \(v.typeName)")
            return nil
        }
        return items
    }

    mutating func string(_ v: JSONValue, _ keyPath: String) -> String? {
        guard case .string(let s) = v.kind else {
            error(v, keyPath, "expected a string, found \(v.typeName)")
            return nil
        }
        return s
    }

    mutating func bool(_ v: JSONValue, _ keyPath: String) -> Bool? {
        guard case .bool(let b) = v.kind else {
            error(v, keyPath, "expected true or false, found \(v.typeName)")
            return nil
        }
        return b
    }

    /// A number times `multiplier` (e.g. hours x 60 = minutes), exact, within `range` of the result.
    mutating func scaled(_ v: JSONValue, _ keyPath: String, by multiplier: Int, range: ClosedRange<Int>, unit: String) -> Int? {
        guard case .number(let text) = v.kind else {
            error(v, keyPath, "expected a number (\(unit)), found \(v.typeName)")
            return nil
        }
        guard let x = FixedPoint.scaled(text, by: multiplier), range.contains(x) else {
            let lo = Self.describe(range.lowerBound, multiplier), hi = Self.describe(range.upperBound, multiplier)
            error(v, keyPath, "\(text) is outside the accepted range \(lo)...\(hi) \(unit)")
            return nil
        }
        return x
    }

    /// A whole number within `range`. Only the value counts: `100.0` and `1e2` are 100, as JSON
    /// writers that hold every number as a double write them; `100.5` is not whole.
    mutating func int(_ v: JSONValue, _ keyPath: String, range: ClosedRange<Int>, unit: String) -> Int? {
        if case .number(let text) = v.kind, FixedPoint.hasFraction(text) {
            error(v, keyPath, "expected a whole number (\(unit)), found \(text)")
            return nil
        }
        return scaled(v, keyPath, by: 1, range: range, unit: unit)
    }

    /// A seed: any whole number 0...2^64 - 1 (the range of the replica seeds `run` prints). As
    /// for `int`, only the value counts (`4.2e1` is 42); digits beyond Int's range must be plain.
    mutating func seed(_ v: JSONValue, _ keyPath: String) -> UInt64? {
        guard case .number(let text) = v.kind else {
            error(v, keyPath, "expected a number (seed), found \(v.typeName)")
            return nil
        }
        if let n = UInt64(text) { return n }
        if FixedPoint.hasFraction(text) {
            error(v, keyPath, "expected a whole number (seed), found \(text)")
            return nil
        }
        guard let n = FixedPoint.scaled(text, by: 1), n >= 0 else {
            error(v, keyPath, "\(text) is outside the accepted range 0...\(UInt64.max) seed")
            return nil
        }
        return UInt64(n)
    }

    /// Hours written as a decimal, converted to whole minutes (rounded half up).
    mutating func hoursAsMinutes(_ v: JSONValue, _ keyPath: String, max: Int = 100 * 24 * 60) -> Int? {
        scaled(v, keyPath, by: 60, range: 0...max, unit: "hours")
    }

    private static func describe(_ bound: Int, _ multiplier: Int) -> String {
        multiplier == 1 ? String(bound) : (bound % multiplier == 0 ? String(bound / multiplier) : "\(bound)/\(multiplier)")
    }
}
