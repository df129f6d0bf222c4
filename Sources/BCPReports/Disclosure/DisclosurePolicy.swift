import BCPText

/// What a public output may show: the one rule every renderer follows (docs/DISCLOSURE.md).
///
/// The practice followed is Japan's Ministry of Health, Labour and Welfare rule for publishing
/// figures from patient data, the "minimum aggregation unit" (最小集計単位の原則) of its guideline
/// on providing anonymised claims data (匿名レセプト情報・匿名特定健診等情報の提供に関するガイドライン):
/// no published cell may count 1 to 9 patients (0 may be shown). bcpsim shows such a count as the
/// band "1～9" (under 10, not the count) rather than a blank. Where a published sum would let a
/// reader work a band back to one value (the check e-Stat's on-site service asks of suppressed
/// cells, 秘匿インターバル), another cell of the sum is shown as a band of 10 (e.g. "140～149")
/// rather than hidden; Tokyo-wide figures are widened only when no other cell can protect, and
/// never withheld.
///
/// A scenario marked synthetic holds no real person, so by default its figures are shown exactly
/// and every page says so; `--suppress N` applies the rule to it anyway.
public struct DisclosurePolicy: Sendable, Equatable {
    public enum Basis: String, Sendable, Equatable {
        /// Small counts banded, published sums protected.
        case protected
        /// A synthetic scenario shown exactly (no real person in it).
        case synthetic
        /// Exact figures for restricted output only (`allocation --exact`).
        case restricted
    }

    public let basis: Basis
    /// Counts 1...threshold-1 are small. 1 when nothing is small.
    public let threshold: Int

    public init(basis: Basis, threshold: Int) {
        self.basis = basis
        self.threshold = basis == .protected ? max(1, threshold) : 1
    }

    /// The policy of a public output from a scenario: protected with the scenario's threshold,
    /// unless the scenario is synthetic; an explicit `requested` threshold (`--suppress N`)
    /// always protects.
    public static func forScenario(synthetic: Bool, threshold: Int, requested: Int? = nil) -> DisclosurePolicy {
        if let requested { return DisclosurePolicy(basis: .protected, threshold: requested) }
        return synthetic ? DisclosurePolicy(basis: .synthetic, threshold: 1) : DisclosurePolicy(basis: .protected, threshold: threshold)
    }

    /// Protected with threshold `t` (tests, and outputs with no scenario flag).
    public static func protected(_ t: Int) -> DisclosurePolicy { DisclosurePolicy(basis: .protected, threshold: t) }
    /// Nothing is small (synthetic data).
    public static let open = DisclosurePolicy(basis: .synthetic, threshold: 1)

    /// Whether anything is ever banded or withheld.
    public var protects: Bool { basis == .protected && threshold > 1 }

    /// Whether a count of people is small: 1...threshold-1.
    public func isSmall(_ v: Int) -> Bool { protects && v >= 1 && v < threshold }

    /// The band of a small count: 1...threshold-1.
    public var smallBand: Shown { .band(1, max(1, threshold - 1)) }

    /// A count that belongs to no published sum: exact, or the small band.
    public func count(_ v: Int) -> Shown { isSmall(v) ? smallBand : .exact(v) }

    /// A magnitude (minutes, batteries) of `contributors` people that belongs to no published sum:
    /// withheld when they are few.
    public func magnitude(_ v: Int, contributors: Int) -> Shown { isSmall(contributors) ? .withheld : .exact(v) }

    /// One person's value (a first time, a longest gap) drawn from `group` people: shown only when
    /// the group is not small and not empty.
    public func extreme(_ v: Int, group: Int) -> Shown { group == 0 || isSmall(group) ? .withheld : .exact(v) }
}

/// A figure as a public output may show it.
public enum Shown: Sendable, Equatable, Hashable {
    case exact(Int)
    /// The value lies in lo...hi (a count).
    case band(Int, Int)
    /// Not shown ("x").
    case withheld

    public var exactValue: Int? {
        if case .exact(let v) = self { return v }
        return nil
    }

    public var isExact: Bool { exactValue != nil }

    /// The values a reader knows it can have (nil: any).
    public var bounds: ClosedRange<Int>? {
        switch self {
        case .exact(let v): return v...v
        case .band(let lo, let hi): return lo...hi
        case .withheld: return nil
        }
    }

    /// The figure minus another (both counts): exact when both are, else the band of differences,
    /// withheld when either is.
    public func minus(_ other: Shown) -> Shown {
        switch (self, other) {
        case (.exact(let a), .exact(let b)): return .exact(a - b)
        case (.withheld, _), (_, .withheld): return .withheld
        default:
            let a = bounds!, b = other.bounds!
            return .band(a.lowerBound - b.upperBound, a.upperBound - b.lowerBound)
        }
    }
}

/// How shown figures are written. Bands use a character that no spreadsheet reads as a date or a
/// minus sign: "1～9" (Japanese), "1–9" (English pages, an en dash) and "1 to 9" (English CSV).
public enum DisclosureText {
    /// The sign of a withheld figure, as in Japan's official statistics tables.
    public static let withheld = "x"

    /// A count: "1,234", "1～9" / "1–9", "x".
    public static func count(_ s: Shown, _ lang: Language) -> String {
        switch s {
        case .exact(let v): return NumberFormat.grouped(v)
        case .band(let lo, let hi): return band(lo, hi, lang)
        case .withheld: return withheld
        }
    }

    /// A difference of counts with its sign: "+3", "-2", "0", "+1～+9", "x".
    public static func signedCount(_ s: Shown, _ lang: Language) -> String {
        switch s {
        case .exact(let v): return NumberFormat.signed(v)
        case .band(let lo, let hi):
            return NumberFormat.signed(lo) + (lang == .ja ? "～" : "–") + NumberFormat.signed(hi)
        case .withheld: return withheld
        }
    }

    /// Minutes as hours: "12.5", "x" (minutes are never banded).
    public static func hours(_ s: Shown) -> String {
        if case .exact(let v) = s { return NumberFormat.hours(v) }
        return withheld
    }

    public static func band(_ lo: Int, _ hi: Int, _ lang: Language) -> String {
        if lo == hi { return NumberFormat.grouped(lo) }
        return NumberFormat.grouped(lo) + (lang == .ja ? "～" : "–") + NumberFormat.grouped(hi)
    }

    /// A band as a CSV cell's text: Japanese "1～9", English "1 to 9". A negative bound (a band
    /// of differences) takes the minus sign U+2212, so that no spreadsheet reads the cell as a
    /// formula (and the formula guard need not prefix it).
    public static func csvBand(_ lo: Int, _ hi: Int, _ lang: Language) -> String {
        func n(_ v: Int) -> String { v < 0 ? "\u{2212}" + NumberFormat.grouped(-v) : NumberFormat.grouped(v) }
        return lang == .ja ? n(lo) + "～" + n(hi) : n(lo) + " to " + n(hi)
    }

    /// A figure as two CSV cells: the number (empty unless exact) and the flag (empty when exact;
    /// else the band or "x"), so that the number column stays numeric in a spreadsheet.
    public static func csv(_ s: Shown, _ lang: Language) -> (value: CSVCell, flag: CSVCell) {
        switch s {
        case .exact(let v): return (.number(v), .empty)
        case .band(let lo, let hi): return (.empty, .text(csvBand(lo, hi, lang)))
        case .withheld: return (.empty, .text(withheld))
        }
    }

    /// A figure as JSON: an integer, or {"min": lo, "max": hi}, or null with "withheld".
    public static func json(_ s: Shown) -> OrderedJSON {
        switch s {
        case .exact(let v): return .int(v)
        case .band(let lo, let hi): return .object([("min", .int(lo)), ("max", .int(hi))])
        case .withheld: return .string(withheld)
        }
    }
}
