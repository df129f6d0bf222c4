/// The cells of a set of published tables under one disclosure policy, and the sums they publish.
/// Add cells and sums, then `protect()`, then read each cell's `shown`.
///
/// Primary: a count of 1...t-1 people is shown as the band 1...t-1; a magnitude (minutes, batteries)
/// of so few people is withheld ("x").
///
/// Secondary: for every published sum (`total = members`), a reader who knows the rule (an exact
/// count is 0 or at least t, a "1～9" band is 1...t-1, a band of ten is what it says, a withheld
/// count or magnitude is at least 0) must not be able to pin a banded or withheld cell to one
/// value; by all the sums together (a reader who narrows a cell by one sum and uses it in the
/// next), a small count or a magnitude of few people. While some sum does, one more of its cells
/// is widened: an exact count to the band of ten that holds it (140 -> 140...149; 0 -> 0...9), an
/// exact magnitude to withheld, a band of ten to withheld. The cell chosen: exact cells before bands; Tokyo-wide cells only when nothing else is
/// left, and never beyond a band; then the least important; then the smallest non-zero member,
/// a zero member, the total. Sums are checked one at a time (as e-Stat's suppression-interval
/// check does per table), to a fixed point with the `group` rules.
public struct DisclosureGrid: Sendable {
    public enum Kind: Sendable, Equatable { case count, magnitude }

    enum State: Sendable, Equatable {
        case exact
        /// A small count: 1...t-1.
        case primaryBand
        /// A magnitude of few people: at least 1.
        case primaryWithheld
        /// A count widened to a band of t.
        case band(Int, Int)
        /// Widened to withheld: at least 0.
        case withheld
        /// A figure no table shows, which a reader can only derive from the sums it is in (e.g. the
        /// patients who never lost power = patients - affected): at least 0, never widened, and not
        /// itself protected (it is not published; the published cells of its sums are).
        case unpublished
    }

    struct Sum: Sendable {
        var total: Int
        var members: [Int]
    }

    public let policy: DisclosurePolicy
    public private(set) var values: [Int] = []
    var kinds: [Kind] = []
    var importance: [Int] = []
    var tokyo: [Bool] = []
    /// Cells decided elsewhere (`fixed`): never widened here.
    var frozen: [Bool] = []
    var states: [State] = []
    var sums: [Sum] = []
    var groups: [(trigger: [Int], dependents: [Int])] = []

    public init(policy: DisclosurePolicy) { self.policy = policy }

    var t: Int { policy.threshold }

    /// A count of people (or of things handed to people). `tokyo`: a Tokyo-wide figure, widened
    /// last and never withheld. Higher `importance` is widened later.
    public mutating func count(_ v: Int, importance weight: Int = 0, tokyo isTokyo: Bool = false) -> Int {
        add(v, .count, primary: policy.isSmall(v) ? .primaryBand : .exact, weight, isTokyo)
    }

    /// A count whose smallness the caller decides (a count public numbers give away unless
    /// another is small): banded when `small` and 1...t-1.
    public mutating func count(_ v: Int, small: Bool, importance weight: Int = 0, tokyo isTokyo: Bool = false) -> Int {
        add(v, .count, primary: small && policy.isSmall(v) ? .primaryBand : .exact, weight, isTokyo)
    }

    /// A count another grid has decided (e.g. the patients per device, `DeviceCounts`): shown as
    /// given, never widened here, so that every output that shows it agrees.
    public mutating func fixed(_ v: Int, shown: Shown) -> Int {
        let state: State
        switch shown {
        case .exact: state = .exact
        case .band(let lo, let hi): state = .band(lo, hi)
        case .withheld: state = .withheld
        }
        let c = add(v, .count, primary: state, 0, false)
        frozen[c] = true
        return c
    }

    /// A count no table shows but the sums imply (see `State.unpublished`).
    public mutating func unpublished(_ v: Int) -> Int { add(v, .count, primary: .unpublished, 0, false) }

    /// A magnitude of `contributors` people, withheld when they are few.
    public mutating func magnitude(_ v: Int, contributors: Int, importance weight: Int = 0, tokyo isTokyo: Bool = false) -> Int {
        add(v, .magnitude, primary: policy.isSmall(contributors) ? .primaryWithheld : .exact, weight, isTokyo)
    }

    /// A magnitude whose primary state the caller decides (allocation blocks): `small` withholds it.
    public mutating func magnitude(_ v: Int, small: Bool, importance weight: Int = 0, tokyo isTokyo: Bool = false) -> Int {
        add(v, .magnitude, primary: policy.protects && small ? .primaryWithheld : .exact, weight, isTokyo)
    }

    mutating func add(_ v: Int, _ kind: Kind, primary: State, _ weight: Int, _ isTokyo: Bool) -> Int {
        values.append(v)
        kinds.append(kind)
        states.append(primary)
        importance.append(weight)
        tokyo.append(isTokyo)
        frozen.append(false)
        return values.count - 1
    }

    /// Publishes `total = sum(members)`; ignored when the values do not add up (a reader cannot use it).
    public mutating func sum(total: Int, of members: [Int]) {
        guard values[total] == members.reduce(0, { $0 + values[$1] }) else { return }
        sums.append(Sum(total: total, members: members))
    }

    /// When any `trigger` cell is not exact, every `dependents` cell is widened too (figures tied
    /// by arithmetic the sums do not express, e.g. a need and its cost).
    public mutating func group(trigger: [Int], dependents: [Int]) { groups.append((trigger, dependents)) }

    /// For each cell, the sums it is in (built by `protect`).
    var sumsOf: [[Int]] = []

    /// Decides every cell. Without protection (synthetic data, restricted output) all stay exact.
    public mutating func protect() {
        guard policy.protects else { return }
        sumsOf = Array(repeating: [], count: values.count)
        for (k, s) in sums.enumerated() { for c in s.members + [s.total] { sumsOf[c].append(k) } }
        var changed = true
        while changed {
            changed = false
            for s in sums {
                while pinned(s) != nil {
                    guard let c = nextToWiden(s) else { break }
                    widen(c)
                    changed = true
                }
            }
            for g in groups where g.trigger.contains(where: { states[$0] != .exact }) {
                for d in g.dependents where states[d] == .exact && widened(d) != nil {
                    widen(d)
                    changed = true
                }
            }
            if changed { continue }
            // Sums taken together: a reader who narrows each cell by one sum and uses the narrowed
            // cell in the next (a row, then a column) may pin what no single sum pins. For each cell
            // so pinned, one more cell of one of its sums is widened.
            let bounds = narrowed()
            // Only a small count (or a magnitude of few people) must stay open here: a widened
            // cell that the sums together pin reveals a figure that was not small, and if that
            // gave a small one away, the propagation pins the small one too. (Checking widened
            // cells as well once dragged Tokyo's totals into bands: a device row's patients, fixed
            // by DeviceCounts, pin its affected, which no other cell could then protect.)
            for c in values.indices where isPrimary(c) && bounds[c].lowerBound == bounds[c].upperBound {
                // The best candidate over all of the cell's sums (a Tokyo cell only when none of
                // them has another).
                if let w = nextToWiden(sumsOf[c].map { sums[$0] }) {
                    widen(w)
                    changed = true
                }
            }
        }
    }

    /// Each cell's values as a reader narrows them by every sum in turn, until nothing narrows
    /// further (interval propagation; an outer bound of what the sums allow).
    func narrowed() -> [ClosedRange<Int>] {
        var b = values.indices.map { domain($0) }
        var changed = true, rounds = 0
        while changed && rounds < 100 {
            changed = false
            rounds += 1
            for s in sums {
                let cells = s.members.map { ($0, 1) } + [(s.total, -1)]
                for (k, (u, sign)) in cells.enumerated() where states[u] != .exact {
                    var lo = 0, hi = 0
                    for (j, (o, os)) in cells.enumerated() where j != k {
                        if os > 0 { lo += b[o].lowerBound; hi += b[o].upperBound } else { lo -= b[o].upperBound; hi -= b[o].lowerBound }
                    }
                    let xs = sign > 0 ? (-hi)...(-lo) : lo...hi
                    let nlo = max(b[u].lowerBound, xs.lowerBound), nhi = min(b[u].upperBound, xs.upperBound)
                    if nlo <= nhi, (nlo, nhi) != (b[u].lowerBound, b[u].upperBound) {
                        b[u] = nlo...nhi
                        changed = true
                    }
                }
            }
        }
        return b
    }

    /// What the cell shows.
    public func shown(_ cell: Int) -> Shown {
        switch states[cell] {
        case .exact: return .exact(values[cell])
        case .primaryBand: return policy.smallBand
        case .band(let lo, let hi): return .band(lo, hi)
        case .primaryWithheld, .withheld, .unpublished: return .withheld
        }
    }

    /// A small count or a magnitude of few people: the cells the policy is there to protect.
    func isPrimary(_ cell: Int) -> Bool { states[cell] == .primaryBand || states[cell] == .primaryWithheld }

    // MARK: The reader's view

    static let big = 1 << 40

    /// The values a reader who knows the rule allows for a cell (`assuming` one cell in another state).
    func domain(_ cell: Int, assuming a: (cell: Int, state: State)? = nil) -> ClosedRange<Int> {
        switch a?.cell == cell ? a!.state : states[cell] {
        case .exact: return values[cell]...values[cell]
        case .primaryBand: return 1...max(1, t - 1)
        case .primaryWithheld: return 1...DisclosureGrid.big
        case .band(let lo, let hi): return lo...hi
        case .withheld, .unpublished: return 0...DisclosureGrid.big
        }
    }

    /// A cell of the sum, not exact, that the sum and the other cells' domains pin to one value.
    func pinned(_ s: Sum, assuming a: (cell: Int, state: State)? = nil) -> Int? {
        func state(_ c: Int) -> State { a?.cell == c ? a!.state : states[c] }
        let cells = s.members.map { ($0, 1) } + [(s.total, -1)]
        // sum(sign * x) = 0 over the cells. For each non-exact cell u: sign_u * x_u = -(others).
        for (k, (u, sign)) in cells.enumerated() where state(u) != .exact && state(u) != .unpublished {
            var lo = 0, hi = 0
            for (j, (o, os)) in cells.enumerated() where j != k {
                let d = domain(o, assuming: a)
                if os > 0 { lo += d.lowerBound; hi += min(DisclosureGrid.big, d.upperBound) } else {
                    lo -= min(DisclosureGrid.big, d.upperBound); hi -= d.lowerBound
                }
            }
            // sign * x = -(others): x in [-hi, -lo] for a member, [lo, hi] for the total.
            let xs = sign > 0 ? (-hi)...(-lo) : lo...hi
            let d = domain(u, assuming: a)
            if max(xs.lowerBound, d.lowerBound) == min(xs.upperBound, d.upperBound) { return u }
        }
        return nil
    }

    /// The next state of a cell, nil when it cannot be widened.
    func widened(_ cell: Int) -> State? {
        if frozen[cell] { return nil }
        switch (states[cell], kinds[cell]) {
        case (.exact, .count):
            let v = max(0, values[cell]), lo = (v / t) * t
            return .band(lo, lo + t - 1)
        case (.exact, .magnitude): return tokyo[cell] ? nil : .withheld
        case (.band, _): return tokyo[cell] ? nil : .withheld
        default: return nil
        }
    }

    mutating func widen(_ cell: Int) {
        if let s = widened(cell) { states[cell] = s }
    }

    /// The cell of the sum to widen next (see the type's comment for the order). Among the cells
    /// of equal standing (Tokyo or not, exact or a band), one whose widening leaves fewer of its
    /// sums pinned goes first: widening an area whose municipalities are all exact would only be
    /// undone by their sum.
    func nextToWiden(_ s: Sum) -> Int? { nextToWiden([s]) }

    /// The next cell to widen among the cells of several sums, by the same order.
    func nextToWiden(_ sums: [Sum]) -> Int? {
        typealias Rank = (Int, Int, Int, Int, Int, Int)
        var best: (rank: Rank, cell: Int)?
        func consider(_ cell: Int, position: Int, isTotal: Bool) {
            guard let next = widened(cell) else { return }
            let stage = states[cell] == .exact ? 0 : 1
            let v = values[cell]
            let order = isTotal ? (2, 0) : (v != 0 ? (0, v) : (1, position))
            // (Ties: the first considered.)
            let r: Rank = (tokyo[cell] ? 1 : 0, stage, stillPinned(cell, as: next), importance[cell], order.0, order.1)
            if best == nil || r < best!.rank { best = (r, cell) }
        }
        for s in sums {
            for (p, m) in s.members.enumerated() { consider(m, position: p, isTotal: false) }
            consider(s.total, position: 0, isTotal: true)
        }
        return best?.cell
    }

    /// How many sums of `cell` would pin a cell if it were in state `next`.
    func stillPinned(_ cell: Int, as next: State) -> Int {
        (cell < sumsOf.count ? sumsOf[cell] : []).filter { pinned(sums[$0], assuming: (cell, next)) != nil }.count
    }

    /// Every sum that still pins a cell, on its own or with the others (empty after `protect()`
    /// unless nothing could be widened); for tests and the check of a run's outputs.
    public var pinnedSums: [(total: Int, members: [Int], cell: Int)] {
        guard policy.protects else { return [] }
        var out = sums.compactMap { s in pinned(s).map { (s.total, s.members, $0) } }
        let b = narrowed()
        for c in values.indices where isPrimary(c) && b[c].lowerBound == b[c].upperBound {
            if let s = sums.first(where: { $0.members.contains(c) || $0.total == c }) { out.append((s.total, s.members, c)) }
        }
        return out
    }
}
