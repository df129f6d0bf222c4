import BCPAnalysis
import BCPText

/// Small-count suppression for public outputs.
///
/// Primary: a count from 1 to threshold-1 is shown as the range "1-(threshold-1)" (e.g. "1-9");
/// a magnitude (gap minutes, delays) whose contributors are that few is shown as "x".
///
/// Secondary: the tables publish sums (a municipality's patients are the sum of its outcome
/// columns; an area's row is the sum of its municipalities' rows; Tokyo is the sum of the areas,
/// of the tiers, of the devices). For every such equation, a reader who knows the rule (primary
/// cells lie in 1...threshold-1; secondary cells are 0 or at least the threshold, else they would be
/// primary) must not be able to pin a hidden cell to one value. While some equation does, one more
/// cell of it is hidden ("x"): among its shown cells, the least important one (a cell's importance
/// is given by the table: the headline figures a planner needs, such as uncovered patients, are
/// hidden last); at equal importance the smallest non-zero member, else a zero member, else the
/// total. Equations are checked one at a time (row and column), not in combination.
public enum Suppression {
    public enum Mark: Sendable, Equatable {
        case shown, primary, secondary
        public var hidden: Bool { self != .shown }
    }

    public enum Kind: Sendable, Equatable {
        /// Persons or events: primary cells lie in 1...threshold-1.
        case count
        /// Minutes and similar: primary cells are positive, of unknown size.
        case magnitude
    }

    /// `sum(members) == total`, over cell indices.
    public struct Constraint: Sendable, Equatable {
        public var total: Int
        public var members: [Int]
        public init(total: Int, members: [Int]) {
            self.total = total
            self.members = members
        }
    }

    /// The range a primary count is shown as: "1-9" for threshold 10.
    public static func rangeText(_ threshold: Int) -> String { threshold <= 2 ? "1" : "1-\(threshold - 1)" }

    /// Whether a count is small enough to suppress.
    public static func isSmall(_ v: Int, threshold: Int) -> Bool { v >= 1 && v < threshold }

    /// Marks cells: `primary` as given, then secondary cells until no equation pins a hidden cell.
    public static func protect(
        values: [Int], kinds: [Kind], primary: [Bool], constraints: [Constraint], threshold: Int, importance: [Int]? = nil
    ) -> [Mark] {
        var marks = primary.map { $0 ? Mark.primary : Mark.shown }
        var changed = true
        while changed {
            changed = false
            for c in constraints {
                while pinned(c, values: values, kinds: kinds, marks: marks, threshold: threshold) != nil {
                    guard let pick = nextToHide(c, values: values, marks: marks, importance: importance) else { break }
                    marks[pick] = .secondary
                    changed = true
                }
            }
        }
        return marks
    }

    /// Picks the cell to hide next in an equation: the shown cell of least importance (all 0 when
    /// `importance` is nil); at equal importance the smallest non-zero member (ties: lower cell),
    /// else the first zero member, else the total.
    static func nextToHide(_ c: Constraint, values: [Int], marks: [Mark], importance: [Int]? = nil) -> Int? {
        func rank(_ cell: Int, position: Int, isTotal: Bool) -> (Int, Int, Int, Int) {
            let weight = importance?[cell] ?? 0
            if isTotal { return (weight, 2, 0, 0) }
            return values[cell] != 0 ? (weight, 0, values[cell], cell) : (weight, 1, 0, position)
        }
        var best: (rank: (Int, Int, Int, Int), cell: Int)?
        for (position, m) in c.members.enumerated() where marks[m] == .shown {
            let r = rank(m, position: position, isTotal: false)
            if best == nil || r < best!.rank { best = (r, m) }
        }
        if marks[c.total] == .shown {
            let r = rank(c.total, position: 0, isTotal: true)
            if best == nil || r < best!.rank { best = (r, c.total) }
        }
        return best?.cell
    }

    /// The feasible values of a hidden cell as the reader sees them: a union of closed intervals.
    typealias Ranges = [ClosedRange<Int>]
    static let big = 1 << 40

    static func domain(_ kind: Kind, _ mark: Mark, threshold: Int) -> Ranges {
        switch (kind, mark) {
        case (.count, .primary): return [1...max(1, threshold - 1)]
        case (.count, _): return threshold <= 1 ? [0...big] : [0...0, threshold...big]
        case (.magnitude, .primary): return [1...big]
        case (.magnitude, _): return [0...big]
        }
    }

    static func merge(_ r: Ranges) -> Ranges {
        let s = r.sorted { $0.lowerBound < $1.lowerBound }
        var out: Ranges = []
        for x in s {
            if let last = out.last, x.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, x.upperBound)
            } else {
                out.append(x)
            }
        }
        return out
    }

    static func add(_ a: Ranges, _ b: Ranges) -> Ranges {
        var out: Ranges = []
        for x in a { for y in b { out.append(min(big, x.lowerBound + y.lowerBound)...min(big, x.upperBound + y.upperBound)) } }
        return merge(out)
    }

    static func intersect(_ a: Ranges, _ b: Ranges) -> Ranges {
        var out: Ranges = []
        for x in a { for y in b where x.lowerBound <= y.upperBound && y.lowerBound <= x.upperBound {
            out.append(max(x.lowerBound, y.lowerBound)...min(x.upperBound, y.upperBound))
        } }
        return merge(out)
    }

    /// A hidden cell of `c` whose value the reader can pin down from the equation alone, if any.
    /// The equation is sum(members) - total = 0; each hidden cell's feasible values are its domain
    /// intersected with what the others' domains leave.
    static func pinned(_ c: Constraint, values: [Int], kinds: [Kind], marks: [Mark], threshold: Int) -> Int? {
        // Unknowns with sign: +1 members, -1 the total.
        var unknowns: [(cell: Int, sign: Int)] = c.members.filter { marks[$0].hidden }.map { ($0, 1) }
        if marks[c.total].hidden { unknowns.append((c.total, -1)) }
        if unknowns.isEmpty { return nil }
        // Known part: sum of shown members - shown total; unknown signed sum = -known.
        var known = 0
        for m in c.members where !marks[m].hidden { known += values[m] }
        if !marks[c.total].hidden { known -= values[c.total] }
        let target = -known
        if unknowns.count > 10 { return nil }  // too many hidden cells to pin one (and costly to check)
        for (k, u) in unknowns.enumerated() {
            // Sum of the others' signed values: members add, the total subtracts.
            var pos: Ranges = [0...0], neg: Ranges = [0...0]
            for (j, o) in unknowns.enumerated() where j != k {
                let d = domain(kinds[o.cell], marks[o.cell], threshold: threshold)
                if o.sign > 0 { pos = add(pos, d) } else { neg = add(neg, d) }
            }
            // u.sign * x = target - (pos - neg)  =>  x in sign * (target - pos + neg)
            var others: Ranges = []
            for p in pos { for n in neg {
                others.append((target - p.upperBound + n.lowerBound)...(target - p.lowerBound + n.upperBound))
            } }
            others = merge(others)
            let xs: Ranges = u.sign > 0 ? others : merge(others.map { (-$0.upperBound)...(-$0.lowerBound) })
            let feasible = intersect(xs, domain(kinds[u.cell], marks[u.cell], threshold: threshold))
            if feasible.count == 1 && feasible[0].lowerBound == feasible[0].upperBound { return u.cell }
        }
        return nil
    }
}

/// A set of cells under suppression: add cells and equations, then `protect()`.
public struct SuppressionGrid: Sendable {
    public let threshold: Int
    public private(set) var values: [Int] = []
    public private(set) var kinds: [Suppression.Kind] = []
    public private(set) var primary: [Bool] = []
    /// How much readers need each cell; higher is hidden later by secondary suppression.
    public private(set) var importance: [Int] = []
    public private(set) var constraints: [Suppression.Constraint] = []
    public private(set) var marks: [Suppression.Mark] = []

    public init(threshold: Int) { self.threshold = threshold }

    /// A count cell; primary when 1...threshold-1.
    public mutating func count(_ v: Int, importance weight: Int = 0) -> Int {
        importance.append(weight)
        values.append(v)
        kinds.append(.count)
        primary.append(Suppression.isSmall(v, threshold: threshold))
        return values.count - 1
    }

    /// A magnitude cell, primary when its contributors are few (`contributors` is a count).
    public mutating func magnitude(_ v: Int, contributors: Int, importance weight: Int = 0) -> Int {
        importance.append(weight)
        values.append(v)
        kinds.append(.magnitude)
        primary.append(Suppression.isSmall(contributors, threshold: threshold))
        return values.count - 1
    }

    public mutating func constrain(total: Int, members: [Int]) {
        constraints.append(Suppression.Constraint(total: total, members: members))
    }

    public mutating func protect() {
        marks = Suppression.protect(
            values: values, kinds: kinds, primary: primary, constraints: constraints, threshold: threshold, importance: importance)
    }

    public func mark(_ cell: Int) -> Suppression.Mark { marks.isEmpty ? .shown : marks[cell] }
}
