/// A 6-digit Japanese local government code (全国地方公共団体コード), e.g. 131016 for 千代田区.
///
/// The sixth digit is a check digit: weights 6,5,4,3,2 on the first five digits,
/// check = (11 - sum mod 11) mod 10. Only codes whose check digit is right can be built.
public struct MunicipalityCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The six digits as an integer (leading digit of Tokyo codes is 1, so no zero padding is lost).
    public let value: Int

    /// Parses exactly six ASCII digits with a valid check digit; nil otherwise.
    public init?(_ text: String) {
        let digits = text.utf8.map { Int($0) - 48 }
        guard digits.count == 6, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        guard MunicipalityCode.checkDigit(of: Array(digits.prefix(5))) == digits[5] else { return nil }
        value = digits.reduce(0) { $0 * 10 + $1 }
    }

    /// The check digit the first five digits call for.
    public static func checkDigit(of firstFive: [Int]) -> Int {
        let weights = [6, 5, 4, 3, 2]
        var sum = 0
        for (d, w) in zip(firstFive, weights) { sum += d * w }
        return (11 - sum % 11) % 10
    }

    /// The first five digits of `text` completed with their check digit, for error hints.
    public static func expectedCode(for text: String) -> String? {
        let digits = text.utf8.map { Int($0) - 48 }
        guard digits.count >= 5, digits.prefix(5).allSatisfy({ (0...9).contains($0) }) else { return nil }
        let five = Array(digits.prefix(5))
        return five.map(String.init).joined() + String(checkDigit(of: five))
    }

    public var description: String {
        let s = String(value)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
