import BCPAnalysis
import XCTest
@testable import BCPReports

/// Secondary suppression hides the least important cell first, so that a planner keeps the
/// headline figure (uncovered patients) wherever another cell can protect the small count.
final class SuppressionImportanceTests: XCTestCase {
    // Cells: 0 affected 257, 1 own means 26, 2 at risk 231, 3 by unit 5, 4 evacuated 0, 5 uncovered 226.
    // Equations: affected = own + at risk (257 = 26 + 231); at risk = unit + evacuated + uncovered
    // (231 = 5 + 0 + 226). Threshold 10, so "by unit" (5) is primary.
    let values = [257, 26, 231, 5, 0, 226]
    let constraints = [
        Suppression.Constraint(total: 0, members: [1, 2]), Suppression.Constraint(total: 2, members: [3, 4, 5]),
    ]
    let primary = [false, false, false, true, false, false]

    func testHeadlineCellIsKeptWhenLessImportantCellsCanProtect() {
        // Importance: uncovered 2, affected and at risk 1, the rest 0.
        // Equation 2 pins unit = 231 - 0 - 226 = 5. Candidates by importance: evacuated (0, a zero
        // member) is hidden first; unit + evacuated = 5 with evacuated in {0} or >= 10 still pins
        // unit = 5, so at risk (importance 1) is hidden next. Equation 1 then pins at risk =
        // 257 - 26 = 231, so own means (importance 0) is hidden. Uncovered stays shown.
        let marks = Suppression.protect(
            values: values, kinds: Array(repeating: .count, count: 6), primary: primary, constraints: constraints, threshold: 10,
            importance: [1, 0, 1, 0, 0, 2])
        XCTAssertEqual(marks, [.shown, .secondary, .secondary, .primary, .secondary, .shown])
    }

    func testWithoutImportanceTheSmallestMemberGoes() {
        // The plain rule hides the smallest non-zero shown member of equation 2: uncovered (226).
        let marks = Suppression.protect(
            values: values, kinds: Array(repeating: .count, count: 6), primary: primary, constraints: constraints, threshold: 10)
        XCTAssertEqual(marks, [.shown, .shown, .shown, .primary, .shown, .secondary])
    }
}
