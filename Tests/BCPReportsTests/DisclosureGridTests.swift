import BCPText
import XCTest

@testable import BCPReports

/// The disclosure grid on crafted tables (Sources/BCPReports/Disclosure/DisclosureGrid.swift).
/// Each expectation is worked out by hand in the comments, and an independent brute-force
/// "attacker" enumerates every table consistent with what is published to confirm that no banded
/// or withheld cell has only one possible value (the subtraction attack).
final class DisclosureGridTests: XCTestCase {
    let p10 = DisclosurePolicy.protected(10)

    /// One row of counts: cells 0..<n are members, cell n is the published total.
    func row(_ members: [Int], tokyoTotal: Bool = false) -> [Shown] {
        var g = DisclosureGrid(policy: p10)
        let cells = members.map { g.count($0) }
        let total = g.count(members.reduce(0, +), tokyo: tokyoTotal)
        g.sum(total: total, of: cells)
        g.protect()
        XCTAssertTrue(g.pinnedSums.isEmpty)
        return (cells + [total]).map(g.shown)
    }

    /// Every assignment of the non-exact cells consistent with what is shown and the equations:
    /// a band's values, a withheld cell 0...maxValue. Returns the possible values per hidden cell.
    func attack(values: [Int], shown: [Shown], equations: [(total: Int, members: [Int])], maxValue: Int) -> [Int: Set<Int>] {
        // Hidden cells equation by equation, so that each equation is checked as early as possible.
        var hidden: [Int] = []
        for e in equations { for c in e.members + [e.total] where !shown[c].isExact && !hidden.contains(c) { hidden.append(c) } }
        for c in shown.indices where !shown[c].isExact && !hidden.contains(c) { hidden.append(c) }
        var possible: [Int: Set<Int>] = [:]
        var current = values
        var assigned = shown.map(\.isExact)
        // A withheld cell is at least 0 and at most any total it is a member of (counts are not negative).
        func cap(_ i: Int) -> Int {
            equations.filter { $0.members.contains(i) }.compactMap { shown[$0.total].bounds?.upperBound }.min() ?? maxValue
        }
        func domain(_ i: Int) -> [Int] { shown[i].bounds.map { Array($0) } ?? Array(0...min(maxValue, cap(i))) }
        // An equation is checked as soon as all its cells have values (prunes the search).
        func ok(_ e: (total: Int, members: [Int])) -> Bool {
            guard assigned[e.total], e.members.allSatisfy({ assigned[$0] }) else { return true }
            return e.members.reduce(0) { $0 + current[$1] } == current[e.total]
        }
        func go(_ k: Int) {
            if k == hidden.count {
                for i in hidden { possible[i, default: []].insert(current[i]) }
                return
            }
            for v in domain(hidden[k]) {
                current[hidden[k]] = v
                assigned[hidden[k]] = true
                if equations.allSatisfy(ok) { go(k + 1) }
                assigned[hidden[k]] = false
            }
        }
        go(0)
        return possible
    }

    func assertSafe(_ values: [Int], _ shown: [Shown], _ equations: [(total: Int, members: [Int])], maxValue: Int,
                    file: StaticString = #filePath, line: UInt = #line) {
        let possible = attack(values: values, shown: shown, equations: equations, maxValue: maxValue)
        for (cell, set) in possible {
            XCTAssertGreaterThan(set.count, 1, "cell \(cell) (value \(values[cell])) can be recovered: \(set)", file: file, line: line)
            XCTAssertTrue(set.contains(values[cell]), file: file, line: line)
        }
    }

    /// The subtraction attack: 30 = 5 + 12 + 13. Showing 5 as 1～9 alone would leave 30 - 12 - 13 = 5.
    /// The 12 (the smallest non-zero member; widening it, 13 or the total each unpins the row) is
    /// shown as its band of ten, 10～19: then 5 + x = 17 with x in 10...16, the 5 in 1...7.
    func testSubtractionAttackOnARow() {
        let s = row([5, 12, 13])
        XCTAssertEqual(s, [.band(1, 9), .band(10, 19), .exact(13), .exact(30)])
        assertSafe([5, 12, 13, 30], s, [(3, [0, 1, 2])], maxValue: 40)
    }

    /// 24 = 1 + 10 + 13. Banding 10 as 10～19 is not enough: 1 + x = 11 with x at least 10 gives
    /// x = 10, the 1 pinned. Banding 13 as 10～19 (or the total) is: 1 + y = 14, y in 10...13.
    /// The member goes before the total.
    func testAWideningThatDoesNotUnpinIsSkipped() {
        let s = row([1, 10, 13])
        XCTAssertEqual(s, [.band(1, 9), .exact(10), .band(10, 19), .exact(24)])
        assertSafe([1, 10, 13, 24], s, [(3, [0, 1, 2])], maxValue: 40)
    }

    /// 30 = 9 + 9 + 12: two small cells summing to 18 would both be 9; the 12 becomes 10～19
    /// (the total's band 30～39 would still leave 18...27 - 9 = 9 at the top).
    func testTwoSmallCellsAtTheTopOfTheirRange() {
        let s = row([9, 9, 12])
        XCTAssertEqual(s, [.band(1, 9), .band(1, 9), .band(10, 19), .exact(30)])
        assertSafe([9, 9, 12, 30], s, [(3, [0, 1, 2])], maxValue: 40)
    }

    /// 25 = 0 + 4 + 21: the non-zero member 21 goes first (20～29); the zero stays 0.
    func testZeroCellsStayShownWhenANonZeroOneWillDo() {
        XCTAssertEqual(row([0, 4, 21]), [.exact(0), .band(1, 9), .band(20, 29), .exact(25)])
    }

    /// A total below the threshold: all three are 1～9, and 2 + 3 = 5 has many solutions.
    func testAllSmall() {
        XCTAssertEqual(row([2, 3]), [.band(1, 9), .band(1, 9), .band(1, 9)])
    }

    func testNothingSmallNothingHidden() {
        XCTAssertEqual(row([0, 10, 25]), [.exact(0), .exact(10), .exact(25), .exact(35)])
    }

    /// Ten municipalities of one patient each in an area of ten: ten cells in 1...9 summing to 10
    /// are all 1, so the area total becomes 10～19.
    func testManyOnesSummingToTheirCount() {
        XCTAssertEqual(row(Array(repeating: 1, count: 10)).last, .band(10, 19))
    }

    /// A 2 x 2 table with row and column totals:
    ///
    ///          c1   c2 | row
    ///     r1    3   20 |  23
    ///     r2   15   25 |  40
    ///     col  18   45 |  63
    ///
    /// 3 is small. r1 = 3 + 20 pins it: banding 20 (20～29) unpins r1 but leaves column c2 pinning
    /// 20 (45 - 25), banding r1 leaves the grand total pinning r1 (63 - 40): one sum each, so the
    /// member 20 goes. c1 = 3 + 15 likewise: 15 becomes 10～19. c2 = 20～29 + 25 = 45 then pins
    /// 20; banding 25 (20～29) pins nothing, banding c2 would be undone by the grand total: 25 goes.
    /// Totals stay exact: the 3 could be 1, 2 or 3.
    func testRowAndColumnAttack() {
        var g = DisclosureGrid(policy: p10)
        let values = [3, 20, 15, 25, 23, 40, 18, 45, 63]
        let c = values.map { g.count($0) }
        let eqs: [(total: Int, members: [Int])] = [(4, [0, 1]), (5, [2, 3]), (6, [0, 2]), (7, [1, 3]), (8, [4, 5]), (8, [6, 7])]
        for e in eqs { g.sum(total: c[e.total], of: e.members.map { c[$0] }) }
        g.protect()
        let s = c.map(g.shown)
        XCTAssertEqual(s, [.band(1, 9), .band(20, 29), .band(10, 19), .band(20, 29), .exact(23), .exact(40), .exact(18), .exact(45), .exact(63)])
        assertSafe(values, s, eqs, maxValue: 70)
    }

    /// Minutes of few patients: 500 min of 3 patients is withheld; the column total 10,500 = 500 +
    /// 4,000 + 6,000 would give it away, so the smaller other member (4,000) is withheld too
    /// (minutes are never banded).
    func testMagnitudeColumn() {
        var g = DisclosureGrid(policy: p10)
        let a = g.magnitude(500, contributors: 3), b = g.magnitude(4_000, contributors: 20), c = g.magnitude(6_000, contributors: 30)
        let total = g.magnitude(10_500, contributors: 53)
        g.sum(total: total, of: [a, b, c])
        g.protect()
        XCTAssertEqual([a, b, c, total].map(g.shown), [.withheld, .withheld, .exact(6_000), .exact(10_500)])
    }

    /// Tokyo-wide cells are widened only when nothing else can protect, and never withheld. The
    /// Tokyo row's identity needed help = unit + bed + uncovered, 1,965 = 41 + 8 + 1,916, pins
    /// the 8 (1～9). All cells are Tokyo's; each band unpins it; the least important goes: the
    /// 41 (importance 0, against uncovered 2 and needed help 1) as 40～49 - the 8 is then 1...8.
    func testTokyoRowIdentity() {
        var g = DisclosureGrid(policy: p10)
        let risk = g.count(1_965, importance: 1, tokyo: true), unit = g.count(41, tokyo: true), bed = g.count(8, tokyo: true)
        let unc = g.count(1_916, importance: 2, tokyo: true)
        g.sum(total: risk, of: [unit, bed, unc])
        g.protect()
        XCTAssertEqual([risk, unit, bed, unc].map(g.shown), [.exact(1_965), .band(40, 49), .band(1, 9), .exact(1_916)])
    }

    /// A figure no table shows (the patients who never lost power = patients - affected) is in the
    /// sums a reader can use, but is not itself protected: it never forces a widening, even when
    /// the published cells pin it. Rows A (135 patients, 135 lost power) and B (3, 3), Tokyo
    /// (138, 138); every unaffected count is 0. B's 3s are primary bands (1～9); Tokyo's column sums
    /// 138 = A + B would give them away, so A's 135s are widened (the only non-Tokyo exact members)
    /// to 130～139: then B is 138 - 130...139 = 0...8, with the band 1...8. Row A, 135 = 0 + 135,
    /// pins A's unaffected 0 to 0, which is not published: nothing more is widened, and Tokyo's
    /// figures stay exact. (In the full tables of tokyo-synthetic, where the unaffected were
    /// published zeros, one was widened to protect a row, the column's Tokyo 0 then had to follow,
    /// and after it Tokyo's patients: the headline read "2,500～2,509 patients" beside an exact
    /// 2,502 who lost power. PublicOutputsAgreeTests checks the Tokyo totals of a real-data run.)
    func testAnUnpublishedFigureForcesNoWidening() {
        var g = DisclosureGrid(policy: p10)
        let aP = g.count(135), aU = g.unpublished(0), aA = g.count(135)
        let bP = g.count(3), bU = g.unpublished(0), bA = g.count(3)
        let tP = g.count(138, tokyo: true), tU = g.unpublished(0), tA = g.count(138, tokyo: true)
        g.sum(total: aP, of: [aU, aA])
        g.sum(total: bP, of: [bU, bA])
        g.sum(total: tP, of: [tU, tA])
        for (t, m) in [(tP, [aP, bP]), (tU, [aU, bU]), (tA, [aA, bA])] { g.sum(total: t, of: m) }
        g.protect()
        XCTAssertEqual([aP, aA, bP, bA, tP, tA].map(g.shown), [.band(130, 139), .band(130, 139), .band(1, 9), .band(1, 9), .exact(138), .exact(138)])
        XCTAssertTrue(g.pinnedSums.isEmpty)
        // The attacker: the unaffected are derived (all 0, since Tokyo's 138 - 138 = 0), not
        // shown; every published banded cell keeps several values.
        let values = [135, 0, 135, 3, 0, 3, 138, 0, 138]
        let possible = attack(values: values, shown: (0..<9).map(g.shown),
                              equations: [(aP, [aU, aA]), (bP, [bU, bA]), (tP, [tU, tA]), (tP, [aP, bP]), (tU, [aU, bU]), (tA, [aA, bA])],
                              maxValue: 140)
        XCTAssertEqual(possible[aU], [0])
        for c in [aP, aA, bP, bA] { XCTAssertGreaterThan(possible[c]?.count ?? 0, 1, "cell \(c): \(possible[c] ?? [])") }
        XCTAssertEqual(possible[bA], Set(1...8))
    }

    /// An area's withheld minutes against an exact Tokyo total: another area is withheld, never
    /// Tokyo's total.
    func testTokyoMinutesAreNeverWithheld() {
        var g = DisclosureGrid(policy: p10)
        let a = g.magnitude(100, contributors: 2), b = g.magnitude(900, contributors: 30), tokyo = g.magnitude(1_000, contributors: 32, tokyo: true)
        g.sum(total: tokyo, of: [a, b])
        g.protect()
        XCTAssertEqual([a, b, tokyo].map(g.shown), [.withheld, .withheld, .exact(1_000)])
    }

    /// Without protection (a synthetic scenario), nothing changes.
    func testOpenPolicyShowsEverything() {
        var g = DisclosureGrid(policy: .open)
        let a = g.count(3), b = g.magnitude(50, contributors: 1), t = g.count(3)
        g.sum(total: t, of: [a])
        g.protect()
        XCTAssertEqual([a, b, t].map(g.shown), [.exact(3), .exact(50), .exact(3)])
    }

    /// A grouped block: when the trigger is not exact, the dependents are widened (counts to their
    /// band of ten, minutes withheld).
    func testGroupsWidenTogether() {
        var g = DisclosureGrid(policy: p10)
        let few = g.count(4), many = g.count(57), minutes = g.magnitude(900, contributors: 57)
        g.group(trigger: [few], dependents: [many, minutes])
        g.protect()
        XCTAssertEqual([few, many, minutes].map(g.shown), [.band(1, 9), .band(50, 59), .withheld])
    }

    /// Random rows and 2 x k tables: whatever the solver shows, the brute-force attacker never pins
    /// a hidden cell (values kept small so that enumeration is quick).
    func testRandomTablesResistTheAttack() {
        var seed: UInt64 = 12345
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<24 {
            let k = 2 + next(2)
            let top = (0..<k).map { _ in [0, 1, 3, 8, 12, 20][next(6)] }, bottom = (0..<k).map { _ in [0, 2, 9, 11, 25][next(5)] }
            var g = DisclosureGrid(policy: p10)
            let values = top + bottom + [top.reduce(0, +), bottom.reduce(0, +)] + zip(top, bottom).map { $0 + $1 } + [top.reduce(0, +) + bottom.reduce(0, +)]
            let c = values.map { g.count($0) }
            var eqs: [(total: Int, members: [Int])] = [(2 * k, Array(0..<k)), (2 * k + 1, Array(k..<(2 * k)))]
            for j in 0..<k { eqs.append((2 * k + 2 + j, [j, k + j])) }
            eqs.append((3 * k + 2, [2 * k, 2 * k + 1]))
            eqs.append((3 * k + 2, Array((2 * k + 2)..<(3 * k + 2))))
            for e in eqs { g.sum(total: c[e.total], of: e.members.map { c[$0] }) }
            g.protect()
            let shown = c.map(g.shown)
            // No cell exceeds the grand total, so a withheld cell is 0...grand total.
            assertSafe(values, shown, eqs, maxValue: values.last!)
            XCTAssertTrue(g.pinnedSums.isEmpty)
        }
    }
}
