import BCPAnalysis
import BCPModel
import BCPSimulator
import XCTest
import BCPText

@testable import BCPReports

/// The workshop pack on the hand-worked scenario of WorkshopFixture.
///
/// By hand, per tier (minutes):
/// - none: nobody calls. P-ALPHA calls itself at 240 - 180 + 30 = 90, P-BRAVO at 420 - 180 + 30 = 270.
///   千代田区 holds no stock and no pool is open: P-ALPHA is without power 240-600 (360), P-BRAVO
///   420-600 (180). Uncovered 2, gap 540 (9.0 h), found 2 (delays 90, 270: mean 180, max 270), units 0.
/// - institutional: CLINIC-ONE calls P-ALPHA at 60, the contact ends at 61; its team brings U-ONE at
///   61 + 60 = 121 < 240: covered. CLINIC-TWO is dark 0-600 and cannot call: P-BRAVO as under none.
///   Uncovered 1, gap 180 (3.0 h), delays 61 and 270 (mean 165.5 -> 166, max 270), units 1 (own provider).
/// - linked: CLINIC-TWO is out at the episode start, so at 180 its partner CLINIC-THREE takes P-BRAVO
///   over, contact ends at 181; U-THREE comes from 新宿区 (another area, 150): 331 < 420, covered.
///   Uncovered 0, gap 0, delays 61 and 181 (mean 121, max 181), units 2 (own provider 1, partner 1),
///   1 provider taken over.
/// - regional: 千代田区 confirms registered patients from 120: P-BRAVO at 121 (P-ALPHA is known already).
///   U-THREE arrives 121 + 150 = 271; 中央区's stock would open only at 360 (+90). Uncovered 0, gap 0,
///   delays 61 and 121 (mean 91), units 2, found by the municipality 1.
/// Everyone is found before depletion under every tier (90 <= 240, 270 <= 420, ...), but found by
/// someone else than themselves only from institutional on: none 0 (two own calls), institutional
/// 1 (CLINIC-ONE at 61 <= 240; P-BRAVO calls itself), linked 2 (181 <= 420), regional 2 (121 <= 420).
final class WorkshopTests: XCTestCase {
    static let runs = WorkshopRuns.run(WorkshopFixture.scenario())

    func testTierFiguresWorkedOutByHand() {
        let f = Self.runs.figures
        XCTAssertEqual(f.map(\.tier), [.none, .institutional, .linked, .regional])
        XCTAssertEqual(f.map(\.totals.uncovered), [2, 1, 0, 0])
        XCTAssertEqual(f.map(\.totals.gapMinutes), [540, 180, 0, 0])
        XCTAssertEqual(f.map(\.totals.detected), [2, 2, 2, 2])
        XCTAssertEqual(f.map(\.meanDelay), [180, 166, 121, 91])
        XCTAssertEqual(f.map(\.totals.detectionDelayMax), [270, 270, 181, 121])
        XCTAssertEqual(f.map(\.foundBySystem), [0, 1, 2, 2])
        XCTAssertEqual(f.map(\.totals.unitsDelivered), [0, 1, 2, 2])
        XCTAssertEqual(f.map(\.unitsOwnProvider), [0, 1, 1, 1])
        XCTAssertEqual(f.map(\.unitsPartner), [0, 0, 1, 1])
        XCTAssertEqual(f.map(\.unitsNeighbour), [0, 0, 0, 0])
        XCTAssertEqual(f.map { $0.channel(.selfCall) }, [2, 1, 0, 0])
        XCTAssertEqual(f.map { $0.channel(.providerCall) }, [0, 1, 1, 1])
        XCTAssertEqual(f.map { $0.channel(.linkedPartner) }, [0, 0, 1, 0])
        XCTAssertEqual(f.map { $0.channel(.municipalConfirmation) }, [0, 0, 0, 1])
        XCTAssertEqual(f.map(\.providersTakenOver), [0, 0, 1, 0])
    }

    func testWhatEachTierAddsAndWhy() {
        let s = TierStep.ladder(Self.runs.figures).map { $0.sentence(TierTable(Self.runs.figures, results: Self.runs.results, policy: .open), .en) }
        XCTAssertEqual(s.count, 3)
        XCTAssertTrue(s[0].hasPrefix("No BCP → Institutional BCP: patients left without power 2 → 1 (-1); hours without power 9.0 → 3.0 (-6.0)"), s[0])
        XCTAssertTrue(s[0].contains("(1 found by their provider's call) and lend their own units (1 delivered)"), s[0])
        XCTAssertTrue(s[1].contains("1 → 0 (-1); hours without power 3.0 → 0.0 (-3.0)"), s[1])
        XCTAssertTrue(s[1].contains("the patients of 1 provider out of action (1 patient found by a partner)"), s[1])
        XCTAssertTrue(s[2].contains("0 → 0 (0)"), s[2])
        XCTAssertTrue(s[2].contains("(1 found by the municipality)"), s[2])
        XCTAssertFalse(s.joined().contains("Note:"), "no step makes things worse here")
    }

    func testDiscussionPointsFromTheResults() {
        let pack = WorkshopPack(runs: Self.runs, lang: .en, policy: .open)
        let points = Discussion.points(Self.runs, events: pack.events, tiers: pack.tiers, areas: pack.areas, .en)
        // none -> institutional removes 360 min, institutional -> linked 180: the first step is the biggest.
        XCTAssertEqual(points[0].finding, "The tiers differ most from No BCP to Institutional BCP: patients left without power -1, hours without power -6.0.")
        XCTAssertTrue(points.contains { $0.finding.contains("Ku-chubu: patients left without power 2 → 0, hours without power 9.0 → 0.0") })
        // The reference run (as configured: CLINIC-ONE institutional, the others linked) covers everyone.
        XCTAssertTrue(points.contains { $0.finding == "Under the scenario as configured, no patient is left without power." })
        XCTAssertTrue(points.contains { $0.finding == "Under the scenario as configured, no municipal stock and no area's beds run out." })
    }

    /// The as-configured run plays like the linked one. Its timeline, by hand: outage, the dark
    /// clinic and CLINIC-TWO out of action at 0; P-ALPHA is under 6 h of reserve from the start
    /// (240 < 360); CLINIC-ONE reaches P-ALPHA at 61; U-ONE arrives at 121; CLINIC-THREE reaches
    /// P-BRAVO at 181; everyone's grid is back at 600 (hour 10 is the first hour mark with nobody
    /// off); the horizon ends at 1,440.
    func testMSELFromAKnownTimeline() {
        let pack = WorkshopPack(runs: Self.runs, lang: .en, policy: .open)
        XCTAssertEqual(pack.events.map(\.kind), [.outageStart, .providersLosePower, .providerOut, .underSixHours, .providerCall,
                                                 .firstUnit, .linkedTakeover, .restoredHalf, .restoredMost, .restoredAll, .endex])
        XCTAssertEqual(pack.events.map(\.minute), [0, 0, 0, 0, 61, 121, 181, 600, 600, 600, 1440])
        let rows = pack.msel
        XCTAssertEqual(rows.map(\.number), Array(1...11))
        XCTAssertEqual(rows[1].time, "Day 1 00:00")
        XCTAssertEqual(rows[1].type, .expectedAction)
        XCTAssertEqual(rows[1].message, "1 provider without backup power in Ku-chubu (clinics 1) lose power: they can still phone "
                       + "their patients by mobile, but cannot recharge returned batteries or offer families a place to charge.")
        XCTAssertEqual(rows[1].from, "Home-care provider")
        XCTAssertEqual(rows[1].to, "Linked partner, Municipality (disaster HQ)")
        XCTAssertEqual(rows[1].objective, "O2 institutional, O3 linked")
        XCTAssertEqual(rows[2].time, "Day 1 00:00")
        XCTAssertEqual(rows[4].time, "Day 1 01:01")
        XCTAssertEqual(rows[4].type, .contingent)
        XCTAssertEqual(rows[6].time, "Day 1 03:01")
        XCTAssertEqual(rows[7].message, "Power is back for at least half of the patients who lost it (0 still off; 2 at the peak).")
        XCTAssertEqual(rows[10].time, "Day 2 00:00")
        XCTAssertEqual(rows[10].type, .contextual)
        let csv = MSELRenderer(rows: rows, lang: .en).csv(bom: false)
        XCTAssertTrue(csv.hasPrefix("No.,Time (from start),Minute from start,Inject type,From,To,Message,Expected player action,Objective\r\n"))
        XCTAssertTrue(csv.contains("\r\n5,Day 1 01:01,61,Contingent,Exercise control,Home-care provider,"))
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 13)  // header, 11 rows, empty tail
        // No time here is "at the earliest" (no bed was taken by a patient who also had a unit),
        // so the note does not explain it; with one such row it does.
        XCTAssertFalse(rows.contains(where: \.approximate))
        XCTAssertEqual(MSELRenderer.note(rows, .en), "No patient or provider identifier is included.")
        var marked = rows
        marked[5].approximate = true
        XCTAssertTrue(MSELRenderer.note(marked, .en).hasPrefix("Times marked \"at the earliest\" are the earliest possible"))
    }

    func testClockAndHours() {
        XCTAssertEqual(WorkshopFormat.clock(0, .en), "Day 1 00:00")
        XCTAssertEqual(WorkshopFormat.clock(1470, .en), "Day 2 00:30")
        XCTAssertEqual(WorkshopFormat.clock(2 * 1440 + 14 * 60 + 5, .ja), "3日目 14:05")
        XCTAssertEqual(NumberFormat.hours(90), "1.5")
        XCTAssertEqual(NumberFormat.hours(-45), "-0.8")
        XCTAssertEqual(NumberFormat.signedHours(180), "+3.0")
        XCTAssertEqual(NumberFormat.signedHours(0), "0.0")
        XCTAssertEqual(NumberFormat.mean(331, 2), 166)
    }

    func testAgendaFillsNinetyMinutes() {
        XCTAssertEqual(Agenda.totalMinutes, 90)
        let t = Agenda.table(.en, facilitator: true)
        XCTAssertEqual(t.rows.first?.first, "0:00–0:10")
        XCTAssertEqual(t.rows[t.rows.count - 2].first, "1:25–1:30")
    }

    func testNoPatientOrProviderIdInAnyFile() {
        for lang in Language.allCases {
            for f in WorkshopPack(runs: Self.runs, lang: lang).files(bom: true) {
                for id in ["P-ALPHA", "P-BRAVO", "CLINIC-ONE", "CLINIC-TWO", "CLINIC-THREE", "U-ONE", "U-THREE", "M-CHUO"] {
                    XCTAssertFalse(f.text.contains(id), "\(id) in \(f.name) (\(lang))")
                }
                XCTAssertFalse(f.text.contains("⟦"), "missing label in \(f.name) (\(lang))")
            }
        }
    }

    func testParticipantVersionHoldsNoResults() {
        for lang in Language.allCases {
            let pack = WorkshopPack(runs: Self.runs, lang: lang)
            let files = Dictionary(uniqueKeysWithValues: pack.files().map { ($0.name, $0.text) })
            for name in ["participant.md", "participant.html"] {
                let p = files[name]!
                // Result figures of the tier table (hours 9.0 and 3.0, mean delays 2.8/2.0/1.5 h),
                // MSEL times, and the facilitator's sections.
                // ("1.5" also occurs in the HTML page's CSS, so it is checked in Markdown only.)
                for s in ["9.0", "3.0", "2.8", "2.0", "01:01", "03:01", WorkshopFormat.clock(181, lang),
                          Labels.text("workshop.facilitator.confidential", lang), Labels.text("workshop.tiers.intro", lang),
                          Labels.text("workshop.metric.coveredByUnit", lang)] + (name.hasSuffix(".md") ? ["1.5"] : []) {
                    XCTAssertFalse(p.contains(s), "'\(s)' in \(name) (\(lang))")
                }
            }
            // The participant pack depends on the scenario only: results from another seed change nothing.
            let other = WorkshopRuns.run(WorkshopFixture.scenario(), seed: 99)
            XCTAssertEqual(WorkshopPack(runs: other, lang: lang).participant().markdown(),
                           WorkshopPack.participant(WorkshopFixture.scenario(), seed: 99, lang: lang).markdown())
            // The facilitator pack has them (the fixture is not marked synthetic: shown without protection here).
            XCTAssertTrue(WorkshopPack(runs: Self.runs, lang: lang, policy: .open).facilitator().markdown().contains("9.0"))
        }
    }

    func testHTMLIsEscaped() {
        let s = WorkshopFixture.scenario(name: "<script>alert('x')</script> & 停電", nameEn: "<b>\"quoted\"</b> & co")
        let runs = WorkshopRuns.run(s)
        for lang in Language.allCases {
            for f in WorkshopPack(runs: runs, lang: lang).files() where f.name.hasSuffix(".html") {
                XCTAssertFalse(f.text.contains("<script>"), f.name)
                XCTAssertFalse(f.text.contains("<b>"), f.name)
            }
        }
        let html = WorkshopPack(runs: runs, lang: .en).facilitator().html()
        XCTAssertTrue(html.contains("&lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; co"))
        let md = WorkshopPack(runs: runs, lang: .en).facilitator().markdown()
        XCTAssertTrue(md.contains("\\<b\\>"))
    }

    func testDeterministicBytes() {
        let a = WorkshopPack(runs: WorkshopRuns.run(WorkshopFixture.scenario()), lang: .ja).files(bom: true)
        let b = WorkshopPack(runs: WorkshopRuns.run(WorkshopFixture.scenario()), lang: .ja).files(bom: true)
        XCTAssertEqual(a.map(\.name), WorkshopPack.fileNames)
        XCTAssertEqual(a.map(\.text), b.map(\.text))
    }

    func testTiersCSV() {
        let csv = TierTable(Self.runs.figures, results: Self.runs.results, policy: .open).csv(.en, bom: false)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("tier,Tier,Patients who lost grid power,"))
        XCTAssertTrue(lines[0].contains(",Backup beds used,Patients who lost grid power: band / withheld,"), lines[0])
        // affected, own means, self-help, outside help, unit, bed, uncovered, gap (min), longest (0
        // when nobody is uncovered), beyond tolerance (patients, min: the fixture's 1,440-minute
        // tolerance is never reached), admitted, emergency presentations (nobody goes to
        // hospital), found, found in time by others (none: both called themselves; linked:
        // CLINIC-ONE and the partner), mean, max
        XCTAssertTrue(lines[1].hasPrefix("none,No BCP,2,0,0,2,0,0,2,540,360,0,0,0,0,2,0,180,270,"), lines[1])
        XCTAssertTrue(lines[3].hasPrefix("linked,Linked BCP,2,0,0,2,2,0,0,0,0,0,0,0,0,2,2,121,181,"), lines[3])
    }

    /// Model v2's self-help outcome and the oxygen supplier's calls are rows of the tier table and
    /// members of its published sums (the five outcomes make up the affected, the five channels the
    /// patients found): a small count of either is a band, and since the other cells of its sum
    /// would give it away, one of them is widened to a band of ten. Without them in the sums, the
    /// difference of the shown cells would tell the count exactly.
    func testSelfHelpAndSupplierCallsAreProtectedInTheTierTable() {
        var f = Self.runs.figures[0]
        var t = Tally()
        t.patients = 100
        t.affected = 100
        t.coveredOwnMeans = 40
        t.coveredBySelfHelp = 5
        t.coveredByUnit = 20
        t.evacuated = 15
        t.uncovered = 20
        t.atRisk = 55  // 20 + 15 + 20: outside help, so that 100 = 40 + 5 + 55
        t.detected = 80
        f.totals = t
        f.byChannel = PerCase(repeating: 0)
        f.byChannel[.providerCall] = 50
        f.byChannel[.linkedPartner] = 12
        f.byChannel[.municipalConfirmation] = 15
        f.byChannel[.supplierCall] = 3
        // A run whose Tokyo totals are `t` (its places, tiers and devices left out or all in one).
        var r = Self.runs.results[0]
        r.totals = t
        r.municipalities = []
        r.areas = []
        r.tiers = PerCase(repeating: Tally())
        r.tiers[.none] = t
        r.devices = PerCase(repeating: Tally())
        r.devices[.tppv] = t
        r.timeline = []
        let table = TierTable([f], results: [r], policy: .protected(10))
        XCTAssertEqual(table.text(0, "coveredBySelfHelp", .en), "1–9")
        XCTAssertEqual(table.text(0, "bySupplierCall", .en), "1–9")
        let outcomes = ["affected", "coveredOwnMeans", "coveredByUnit", "evacuated", "uncovered"]
        XCTAssertTrue(outcomes.contains { table.shown(0, $0)?.isExact == false }, outcomes.map { table.text(0, $0, .en) }.joined(separator: " "))
        // Nor through outside help: self-help = affected - own means - outside help.
        let viaHelp = ["affected", "coveredOwnMeans", "atRisk"]
        XCTAssertTrue(viaHelp.contains { table.shown(0, $0)?.isExact == false }, viaHelp.map { table.text(0, $0, .en) }.joined(separator: " "))
        let found = ["detected", "byProviderCall", "byLinkedPartner", "byMunicipality", "bySelfCall"]
        XCTAssertTrue(found.contains { table.shown(0, $0)?.isExact == false }, found.map { table.text(0, $0, .en) }.joined(separator: " "))
        // Open: every figure exact.
        XCTAssertEqual(TierTable([f], results: [r], policy: .open).text(0, "bySupplierCall", .en), "3")
    }

    /// Under a protected policy every count of the pack is banded: the tier runs' 2, 1, 0, 0
    /// uncovered patients read 1～9, 1～9, 0, 0; the hours of so few patients are "x"; the
    /// "what each tier adds" sentence quotes the same figures (the difference of two bands is a band).
    func testCountsFollowTheDisclosurePolicy() {
        let pack = WorkshopPack(runs: Self.runs, lang: .ja, policy: .protected(10))
        XCTAssertEqual((0..<4).map { pack.tiers.text($0, "uncovered", .ja) }, ["1～9", "1～9", "0", "0"])
        XCTAssertEqual((0..<4).map { pack.tiers.text($0, "gap", .ja) }, ["x", "x", "0.0", "0.0"])
        let s = TierStep.ladder(Self.runs.figures).map { $0.sentence(pack.tiers, .ja) }
        XCTAssertTrue(s[0].contains("電源のない時間が生じた患者 1～9→1～9人（-8～+8）"), s[0])
        for f in pack.files() where f.name != "participant.md" && f.name != "participant.html" {
            for small in ["患者 2人", "患者 1人", " 9.0", " 3.0"] { XCTAssertFalse(f.text.contains(small), "'\(small)' in \(f.name)") }
        }
        XCTAssertTrue(pack.facilitator().html().contains("<svg class=\"map\""))
        XCTAssertTrue(pack.participant().html().contains("<svg class=\"map\""), "the outage map, an input")
    }

    /// Repeated injects at one minute become one: three areas whose beds fill at 02:30 (3, 4 and 5
    /// beds) are one inject over 3 areas and 12 beds; a different minute stays apart.
    func testRepeatedInjectsAreMerged() {
        func beds(_ minute: Int, _ area: String, _ n: Int) -> TimelineEvent {
            var f = EventFigures()
            f.resources = n
            return TimelineEvent(minute: minute, kind: .bedsFull, places: [Place(ja: area, en: area)], figures: f)
        }
        let events = [beds(150, "A", 3), beds(150, "B", 4), beds(150, "C", 5), beds(151, "D", 2)]
        let merged = MSEL.merged(events)
        XCTAssertEqual(merged.map(\.count), [3, 1])
        XCTAssertEqual(merged[0].event.figures.resources, 12)
        let rows = MSEL.rows(events, .en)
        XCTAssertEqual(rows.map(\.number), [1, 2])
        XCTAssertEqual(rows[0].message, "Backup beds are full in 3 areas (12 beds in all): A, B, C.")
        XCTAssertEqual(rows[1].message, "All 2 backup beds in D are taken.")
    }

    /// The scenario's description (English here) is printed in the English pack only.
    func testOneLanguagePerPage() {
        var s = WorkshopFixture.scenario()
        s.description = "An English description of the scenario."
        let runs = WorkshopRuns.run(s)
        XCTAssertFalse(WorkshopPack(runs: runs, lang: .ja).participant().markdown().contains("English description"))
        XCTAssertTrue(WorkshopPack(runs: runs, lang: .en).participant().markdown().contains("English description"))
    }

    func testLabelsComplete() {
        XCTAssertEqual(Labels.incompleteKeys, [])
        XCTAssertTrue(WorkshopLabels.table.keys.allSatisfy { $0.hasPrefix("workshop.") || $0.hasPrefix("compare.") })
        for k in WorkshopLabels.table.keys { XCTAssertNotNil(Labels.table[k], k) }
    }
}
