import Foundation
import XCTest

@testable import BCPReports

/// The summary's charts (Sources/BCPReports/Shortfall/SVGCharts.swift).
final class SVGChartsTests: XCTestCase {
    /// ShortfallReportTests.v2Data puts all 80 patients under "no BCP": 40 own means, 4 self-help,
    /// 10 by delivery, 0 by admission, 26 uncovered, all shown exactly (open policy). The tier bar
    /// is drawn as five segments that together are exactly as long as the 80 who lost power (its
    /// label sits 8 px after the bar's end: 2 px, then 6), and the self-help segment is one of them.
    func testTierBarsAddUpToTheirLabel() throws {
        let svg = SVGCharts(tables: PublicTables(ShortfallReportTests.v2Data(), policy: .open), lang: .ja).svg(.tiers)
        // The first tier's row: rects at y = 28 + 5.
        let rect = try NSRegularExpression(pattern: #"<rect x="(\d+)" y="33" width="(\d+)" height="18" fill="([^"]+)"><title>([^<]*)</title>"#)
        let ns = svg as NSString
        let segments = rect.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { m in
            (x: Int(ns.substring(with: m.range(at: 1)))!, w: Int(ns.substring(with: m.range(at: 2)))!, title: ns.substring(with: m.range(at: 4)))
        }
        XCTAssertEqual(segments.map(\.title), ["自前で充足 40", "自力で充足 4", "配送で充足 10", "入院で充足 0", "未充足 26"])
        let label = try NSRegularExpression(pattern: #"<text x="(\d+)" y="46" text-anchor="start">80</text>"#)
        let m = try XCTUnwrap(label.firstMatch(in: svg, range: NSRange(location: 0, length: ns.length)), "the bar's label 80")
        let labelX = Int(ns.substring(with: m.range(at: 1)))!
        let start = segments[0].x
        XCTAssertEqual(segments.reduce(0) { $0 + $1.w }, labelX - 8 - start, "the segments fill the bar")
        for (a, b) in zip(segments, segments.dropFirst()) { XCTAssertEqual(a.x + a.w, b.x, "\(a.title) meets \(b.title)") }
    }
    /// Under protection the 4 self-help patients are "1～9": the hatched part of the bar says so in
    /// words after the bar's total, not only in a hover title (a printed page has none).
    func testTheHatchedPartIsWrittenOut() {
        let svg = SVGCharts(tables: PublicTables(ShortfallReportTests.v2Data(), policy: .protected(10)), lang: .ja).svg(.tiers)
        let label = svg.components(separatedBy: "text-anchor=\"start\">").dropFirst().map { $0.prefix { $0 != "<" } }
            .first { $0.contains("斜線") }
        XCTAssertNotNil(label, svg)
        XCTAssertTrue(label?.contains("自力で充足 1～9") ?? false, String(label ?? ""))
    }

    /// Axis tops: the first "nice" number at least the value: 2,502 -> 3,000 (it was 5,000, the
    /// line filling half the plot); 24 -> 25; 7 -> 10; 1 -> 1; 101 -> 120; 10,000 -> 10,000.
    func testNiceMax() {
        XCTAssertEqual([2_502, 24, 7, 1, 101, 10_000, 3].map(SVGCharts.niceMax), [3_000, 25, 10, 1, 120, 10_000, 5])
    }

    /// The patients without power have their own panel and scale: the shipped-scenario-like
    /// timeline of v2Data (80 with the grid off, 26 without power at hour 1) draws the 26 as a
    /// bar 26 / 30 of the 120 px panel (104 px), not 26 / 80 of a shared scale.
    func testThePatientsWithoutPowerHaveTheirOwnScale() {
        let svg = SVGCharts(tables: PublicTables(ShortfallReportTests.v2Data(), policy: .open), lang: .en).svg(.timeline)
        XCTAssertTrue(svg.contains("height=\"104\" fill=\"#c53030\""), svg)
    }
}
