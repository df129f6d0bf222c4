import BCPAnalysis
import BCPModel
import BCPSimulator
import XCTest

@testable import BCPReports

/// `compare` on the hand-worked scenario of WorkshopFixture. Differences are B - A.
final class CompareTests: XCTestCase {
    func row(_ rows: [Comparison.Row], _ name: String, _ metric: String) -> Comparison.Row {
        rows.first { $0.nameJa == name && $0.metric == metric }!
    }

    /// Tiers: none (A) against institutional (B). By hand (WorkshopTests): uncovered 2 -> 1, gap
    /// 540 -> 180 min, units 0 -> 1, all in 区中央部; both patients live in 千代田区, so the unit
    /// CLINIC-ONE lends counts there (patients are counted where they live).
    func testTierComparisonDeltas() {
        let s = WorkshopFixture.scenario()
        let c = Comparison(a: Simulator.run(s, tier: .none), b: Simulator.run(s, tier: .institutional), labelA: "none", labelB: "inst")
        XCTAssertEqual(row(c.headline, "東京都", "workshop.metric.uncovered").difference, -1)
        XCTAssertEqual(row(c.headline, "東京都", "workshop.metric.gap").difference, -360)
        XCTAssertEqual(row(c.headline, "東京都", "csv.col.unitsDelivered").difference, 1)
        XCTAssertEqual(row(c.headline, "東京都", "csv.col.meanDelay").a, 180)
        XCTAssertEqual(row(c.headline, "東京都", "csv.col.meanDelay").difference, -14)  // 166 - 180
        XCTAssertEqual(row(c.areas, "区中央部", "workshop.metric.uncovered").difference, -1)
        XCTAssertEqual(row(c.areas, "区西部", "workshop.metric.uncovered").difference, 0)
        XCTAssertEqual(row(c.municipalities, "千代田区", "csv.col.unitsDelivered").a, 0)
        XCTAssertEqual(row(c.municipalities, "千代田区", "csv.col.unitsDelivered").b, 1)
        XCTAssertEqual(row(c.municipalities, "千代田区", "workshop.metric.uncovered").difference, -1)
        XCTAssertEqual(row(c.municipalities, "中央区", "workshop.metric.affected").a, 0)
        let md = CompareRenderer(c, lang: .en).markdown()
        XCTAssertTrue(md.contains("Patients left without power 2 → 1 (-1); hours without power 9.0 → 3.0 (-6.0); units delivered 0 → 1 (+1)."), md)
    }

    /// Before and after buying one battery for 千代田区 (with one delivery team), both at tier none.
    /// After: P-ALPHA calls at 90, the battery arrives at 90 + 60 = 150 < 240: covered. P-BRAVO calls
    /// at 270 and finds the stock empty: without power 420-600. Uncovered 2 -> 1, gap 540 -> 180.
    func testBeforeAndAfterAPurchase() {
        let before = WorkshopFixture.scenario()
        let after = WorkshopFixture.scenario(extraUnits: [WorkshopFixture.battery("NEW-1", .municipality(WorkshopFixture.chiyoda))], chiyodaTeams: 1)
        let c = Comparison(a: Simulator.run(before, tier: .none), b: Simulator.run(after, tier: .none), labelA: "before", labelB: "after")
        XCTAssertEqual(row(c.headline, "東京都", "workshop.metric.uncovered").a, 2)
        XCTAssertEqual(row(c.headline, "東京都", "workshop.metric.uncovered").b, 1)
        XCTAssertEqual(row(c.headline, "東京都", "workshop.metric.gap").difference, -360)
        XCTAssertEqual(row(c.headline, "東京都", "csv.col.unitsHeld").difference, 1)
        XCTAssertEqual(row(c.municipalities, "千代田区", "csv.col.unitsHeld").difference, 1)
        XCTAssertEqual(row(c.municipalities, "千代田区", "csv.col.deliveryTeams").difference, 1)
        XCTAssertEqual(row(c.municipalities, "千代田区", "csv.col.unitsDelivered").difference, 1)
        let csv = CompareRenderer(c, lang: .en).csv(bom: false)
        // Figures as numbers, then the flag columns (empty: nothing banded without protection).
        XCTAssertTrue(csv.contains("\r\nTokyo total,,Tokyo,\"Time without power, total (min)\",540,180,-360,,,\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\nmunicipality,131016,Chiyoda,Units in the municipality (municipal stock and providers' lending units),1,2,1,,,\r\n"), csv)  // CLINIC-ONE's unit is held in 千代田区 too
        // Patients are counted where they live: both are 千代田区's, and the new unit reaches one.
        XCTAssertTrue(csv.contains("\r\nmunicipality,131016,Chiyoda,Units delivered to patients living here,0,1,1,,,\r\n"), csv)
        // Under protection the 2 and 1 uncovered are bands, their hours withheld, the difference a band.
        let protected = CompareRenderer(c, lang: .en, policy: .protected(10)).csv(bom: false)
        XCTAssertTrue(protected.contains("\r\nTokyo total,,Tokyo,Left without power (uncovered),,,,1 to 9,1 to 9,\u{2212}8 to 8\r\n"), protected)
        XCTAssertTrue(protected.contains("\r\nTokyo total,,Tokyo,\"Time without power, total (min)\",,,,x,x,x\r\n"), protected)
        // Printed tables list only places where something differs or someone lost power.
        let md = CompareRenderer(c, lang: .en).markdown()
        XCTAssertTrue(md.contains("| Chiyoda |"))
        XCTAssertFalse(md.contains("| Shinjuku |"))
        XCTAssertFalse(md.contains("P-ALPHA") || csv.contains("P-ALPHA"))
    }

    func testHTMLEscapedAndDeterministic() {
        let s = WorkshopFixture.scenario()
        let c = Comparison(a: Simulator.run(s, tier: .none), b: Simulator.run(s, tier: .regional), labelA: "<A&>", labelB: "\"B\"")
        let html = CompareRenderer(c, lang: .ja).html()
        XCTAssertTrue(html.contains("&lt;A&amp;&gt;"))
        XCTAssertFalse(html.contains("<A&>"))
        let c2 = Comparison(a: Simulator.run(s, tier: .none), b: Simulator.run(s, tier: .regional), labelA: "<A&>", labelB: "\"B\"")
        XCTAssertEqual(CompareRenderer(c2, lang: .ja).html(), html)
        XCTAssertEqual(CompareRenderer(c2, lang: .ja).csv(bom: true), CompareRenderer(c, lang: .ja).csv(bom: true))
        XCTAssertFalse(html.contains("⟦"))
    }
}
