import BCPAnalysis
import XCTest

@testable import BCPReports

/// Small-count suppression on crafted tables. Each expectation is worked out by hand in the
/// comments, and an independent brute-force "attacker" enumerates every table consistent with what
/// is published to confirm that no hidden cell has only one possible value.
final class SuppressionTests: XCTestCase {
    typealias M = Suppression.Mark

    /// One row: cells 0..<n are members, cell n is the published total.
    func protectRow(_ members: [Int], threshold: Int = 10) -> [M] {
        let values = members + [members.reduce(0, +)]
        let primary = values.map { Suppression.isSmall($0, threshold: threshold) }
        return Suppression.protect(
            values: values, kinds: values.map { _ in .count }, primary: primary,
            constraints: [.init(total: members.count, members: Array(0..<members.count))], threshold: threshold)
    }

    /// Every assignment of the hidden cells consistent with the published cells and equations:
    /// primary cells in 1...t-1, secondary cells 0 or t...maxValue. Returns the possible values per hidden cell.
    func attack(values: [Int], marks: [M], equations: [(total: Int, members: [Int])], threshold t: Int, maxValue: Int) -> [Int: Set<Int>] {
        let hidden = marks.indices.filter { marks[$0] != .shown }
        var possible: [Int: Set<Int>] = [:]
        var current = values
        func domain(_ i: Int) -> [Int] { marks[i] == .primary ? Array(1..<t) : [0] + Array(t...maxValue) }
        func consistent() -> Bool {
            equations.allSatisfy { e in e.members.reduce(0) { $0 + current[$1] } == current[e.total] }
        }
        func go(_ k: Int) {
            if k == hidden.count {
                if consistent() { for i in hidden { possible[i, default: []].insert(current[i]) } }
                return
            }
            for v in domain(hidden[k]) {
                current[hidden[k]] = v
                go(k + 1)
            }
        }
        go(0)
        return possible
    }

    func assertSafe(_ values: [Int], _ marks: [M], _ equations: [(total: Int, members: [Int])], maxValue: Int, file: StaticString = #filePath, line: UInt = #line) {
        let possible = attack(values: values, marks: marks, equations: equations, threshold: 10, maxValue: maxValue)
        for (cell, set) in possible {
            XCTAssertGreaterThan(set.count, 1, "cell \(cell) (value \(values[cell])) can be recovered: \(set)", file: file, line: line)
            XCTAssertTrue(set.contains(values[cell]), file: file, line: line)
        }
    }

    func testRangeText() {
        XCTAssertEqual(Suppression.rangeText(10), "1-9")
        XCTAssertEqual(Suppression.rangeText(5), "1-4")
        XCTAssertFalse(Suppression.isSmall(0, threshold: 10))
        XCTAssertTrue(Suppression.isSmall(1, threshold: 10))
        XCTAssertTrue(Suppression.isSmall(9, threshold: 10))
        XCTAssertFalse(Suppression.isSmall(10, threshold: 10))
    }

    /// The subtraction attack: 30 = 5 + 12 + 13. Hiding only the 5 would leave 30 - 12 - 13 = 5.
    /// The smallest other non-zero cell, 12, is hidden too: then 5 + 12 = 17 with the 5 in 1..9 and
    /// the 12 being 0 or >= 10, so the 5 could be 1...7 — not recoverable.
    func testSubtractionAttackOnARow() {
        let marks = protectRow([5, 12, 13])
        XCTAssertEqual(marks, [.primary, .secondary, .shown, .shown])
        assertSafe([5, 12, 13, 30], marks, [(3, [0, 1, 2])], maxValue: 30)
    }

    /// 24 = 1 + 10 + 13. Hiding 1 and 10 is not enough: their sum 11, with the second being 0 or
    /// at least 10, forces (1, 10). The 13 goes too; then 1 + 10 + 13 = 24 has many solutions.
    func testSecondaryCellMustNotBePinnedByTheThreshold() {
        let marks = protectRow([1, 10, 13])
        XCTAssertEqual(marks, [.primary, .secondary, .secondary, .shown])
        assertSafe([1, 10, 13, 24], marks, [(3, [0, 1, 2])], maxValue: 24)
    }

    /// 30 = 9 + 9 + 12: two small cells summing to 18 would both be 9; the 12 is hidden as well.
    func testTwoSmallCellsAtTheTopOfTheirRange() {
        let marks = protectRow([9, 9, 12])
        XCTAssertEqual(marks, [.primary, .primary, .secondary, .shown])
        assertSafe([9, 9, 12, 30], marks, [(3, [0, 1, 2])], maxValue: 30)
    }

    /// 25 = 0 + 4 + 21: the zero stays shown; the 21 is hidden (4 + 21 = 25, 4 in 1..9).
    func testZeroCellsStayShownWhenANonZeroOneWillDo() {
        XCTAssertEqual(protectRow([0, 4, 21]), [.shown, .primary, .secondary, .shown])
    }

    /// A total below the threshold: everything is a range already and nothing is pinned
    /// (2 + 3 = 5, all three in 1..9: many solutions).
    func testAllSmall() {
        XCTAssertEqual(protectRow([2, 3]), [.primary, .primary, .primary])
    }

    func testNothingSmallNothingHidden() {
        XCTAssertEqual(protectRow([0, 10, 25]), [.shown, .shown, .shown, .shown])
    }

    /// A 2 x 2 table with row and column totals (the classic case):
    ///
    ///          c1   c2 | row
    ///     r1    3   20 |  23
    ///     r2   15   25 |  40
    ///     col  18   45 |  63
    ///
    /// 3 is small. Row r1 hides 20; column c1 (3 + 15 = 18) hides 15; column c2 (20 + 25 = 45)
    /// then has one hidden cell, so 25 goes; row r2 has two. All four inner cells hidden, totals
    /// shown: a = 3 gives b = 23 - a, c = 18 - a, d = 22 + a, with c >= 10: a in 1...8.
    func testRowAndColumnAttack() {
        // cells: 0 a, 1 b, 2 c, 3 d, 4 r1, 5 r2, 6 c1, 7 c2, 8 grand
        let values = [3, 20, 15, 25, 23, 40, 18, 45, 63]
        let eqs: [(total: Int, members: [Int])] = [(4, [0, 1]), (5, [2, 3]), (6, [0, 2]), (7, [1, 3]), (8, [4, 5]), (8, [6, 7])]
        let marks = Suppression.protect(
            values: values, kinds: values.map { _ in .count }, primary: values.map { Suppression.isSmall($0, threshold: 10) },
            constraints: eqs.map { .init(total: $0.total, members: $0.members) }, threshold: 10)
        XCTAssertEqual(marks, [.primary, .secondary, .secondary, .secondary, .shown, .shown, .shown, .shown, .shown])
        assertSafe(values, marks, eqs, maxValue: 63)
    }

    /// Ten municipalities of one patient each in an area of ten: hiding each "1" as 1-9 is not
    /// enough (ten cells in 1..9 summing to 10 are all 1). The check is per equation, so the area
    /// total is hidden as well.
    func testManyOnesSummingToTheirCount() {
        let members = Array(repeating: 1, count: 10)
        let marks = protectRow(members)
        XCTAssertEqual(marks.last, .secondary)
    }

    /// A magnitude (minutes without power) hidden because its patients are few is protected from
    /// the column total the same way.
    func testMagnitudeColumn() {
        var g = SuppressionGrid(threshold: 10)
        let a = g.magnitude(500, contributors: 3)     // 3 uncovered: hidden
        let b = g.magnitude(4_000, contributors: 20)
        let c = g.magnitude(6_000, contributors: 30)
        let total = g.magnitude(10_500, contributors: 53)
        g.constrain(total: total, members: [a, b, c])
        g.protect()
        XCTAssertEqual([g.mark(a), g.mark(b), g.mark(c), g.mark(total)], [.primary, .secondary, .shown, .shown])
    }
}
