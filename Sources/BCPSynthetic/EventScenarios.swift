import BCPModel

/// Real events played by the model for the backtest (`bcpsim generate --event NAME`, `bcpsim
/// backtest`): the place, the restoration as recorded, the patients as counted, and what is known of
/// the arrangements at the time. The roster itself is synthetic (drawn like Tokyo's, with the
/// event's own counts). Each scenario folder's README separates records from assumptions, and its
/// backtest.json holds the published outcomes (docs/BACKTEST.md).
public enum EventScenario: String, CaseIterable, Sendable {
    case sapporo2018
    case chiba2019
    case kumamoto2016
    case rolling2011

    public var folderName: String { "backtest-" + rawValue }

    public var nameJa: String {
        switch self {
        case .sapporo2018: return "北海道胆振東部地震の全域停電（札幌市、2018年9月）"
        case .chiba2019: return "台風15号の停電（千葉県、2019年9月）"
        case .kumamoto2016: return "熊本地震の停電（熊本県、2016年4月）"
        case .rolling2011: return "東日本大震災後の計画停電（多摩、2011年3月14日〜28日の実施どおり）"
        }
    }

    public var nameEn: String {
        switch self {
        case .sapporo2018: return "Hokkaido 2018 blackout (Sapporo, September 2018)"
        case .chiba2019: return "Typhoon Faxai outage (Chiba, September 2019)"
        case .kumamoto2016: return "Kumamoto earthquake outage (April 2016)"
        case .rolling2011: return "Rolling blackouts after the 2011 earthquake (Tama, as carried out 14-28 March)"
        }
    }

    // MARK: Restoration as recorded

    /// Kumamoto, main shock 16 Apr 2016 01:25; out of a peak of 476,600 households (Kyushu
    /// Electric via KKT): 203,700 out at about 04:00 (2.6 h, three prefectures; Nishinippon),
    /// 164,100 at 12:00 (10.6 h; NHK), about 86,300 in Kumamoto at 19:00 (17.6 h; METI), 33,800 on
    /// 18 Apr 06:00 (52.6 h; Kyushu Electric via NHK), about 13,000 on 19 Apr 13:30 (84.1 h; METI),
    /// restored except inaccessible areas on 20 Apr 19:10 (113.8 h; KKT). About 68% of Kumamoto's
    /// 704,730 households (2015 census) lost power: the curve starts at 32% restored, and the
    /// recorded shares apply to the other 68%.
    public static let kumamoto2016Curve: RestorationCurve = {
        let outShare = 476_600 * 1_000_000 / 704_730  // ppm of households that lost power
        func restored(_ outOfPeak: Int) -> Int { 1_000_000 - outShare * outOfPeak / 476_600 }
        return RestorationCurve(points: [
            CurvePoint(minute: 0, restoredPPM: 1_000_000 - outShare),
            CurvePoint(minute: 156, restoredPPM: restored(203_700)), CurvePoint(minute: 636, restoredPPM: restored(164_100)),
            CurvePoint(minute: 1_056, restoredPPM: restored(86_300)), CurvePoint(minute: 3_156, restoredPPM: restored(33_800)),
            CurvePoint(minute: 5_046, restoredPPM: restored(13_000)), CurvePoint(minute: 6_828, restoredPPM: 1_000_000),
        ])
    }()

    /// The rolling blackouts as carried out, 14-28 March 2011, minute 0 = 14 March 00:00. Ten
    /// groups: TEPCO's groups 1-5, each split in two halves (a and b), so that a cut of part of a
    /// group can be played (14 March: part of group 5, about 113,000 households; 25 March: part of
    /// group 2; 28 March: sub-groups 2-A, 2-B and 2-C, about 1.55 of group 2's 2.98 million). A
    /// cut lasted "up to about 3 hours" within TEPCO's window: 3 hours from the window's start
    /// unless a report gives the times. Same-day news reports (Mainichi, Yomiuri, Jiji, NHK, Asahi,
    /// Response); the table with each day's sources is in the scenario's README. Not played: 17
    /// March's second rounds (decided, no report that they happened) and 23 March (no report found).
    public static let rolling2011Schedule: RollingSchedule = {
        // (day of March, TEPCO group, half: 0 both, 1 a only, start "HH:MM" as minutes, end)
        func hm(_ h: Int, _ m: Int) -> Int { h * 60 + m }
        let cuts: [(Int, Int, Int, Int, Int)] = [
            (14, 5, 1, hm(17, 0), hm(18, 30)),
            (15, 3, 0, hm(7, 0), hm(10, 0)), (15, 4, 0, hm(9, 20), hm(12, 20)), (15, 5, 0, hm(12, 20), hm(15, 20)),
            (15, 1, 0, hm(15, 20), hm(18, 20)), (15, 2, 0, hm(18, 20), hm(21, 0)),
            (16, 4, 0, hm(6, 20), hm(9, 20)), (16, 5, 0, hm(9, 20), hm(12, 20)), (16, 1, 0, hm(12, 20), hm(15, 20)),
            (16, 2, 0, hm(15, 20), hm(18, 20)), (16, 3, 0, hm(18, 20), hm(21, 0)),
            (17, 5, 0, hm(7, 0), hm(10, 0)), (17, 1, 0, hm(9, 20), hm(12, 20)), (17, 2, 0, hm(12, 20), hm(15, 20)),
            (17, 3, 0, hm(15, 20), hm(18, 20)), (17, 4, 0, hm(18, 20), hm(21, 20)),
            (18, 1, 0, hm(6, 20), hm(9, 20)), (18, 2, 0, hm(9, 20), hm(12, 20)), (18, 3, 0, hm(12, 20), hm(15, 20)),
            (18, 4, 0, hm(15, 20), hm(18, 20)), (18, 5, 0, hm(18, 20), hm(21, 20)),
            (22, 1, 0, hm(9, 20), hm(12, 20)), (22, 2, 0, hm(12, 20), hm(15, 20)), (22, 3, 0, hm(15, 20), hm(18, 20)),
            (22, 4, 0, hm(18, 20), hm(21, 20)),
            (24, 1, 0, hm(18, 20), hm(21, 0)),
            (25, 2, 1, hm(18, 20), hm(21, 20)),
            (28, 2, 1, hm(9, 20), hm(11, 10)),
        ]
        var blocks: [RollingBlock] = []
        for (day, group, half, from, to) in cuts {
            let start = (day - 14) * 1_440 + from
            let halves = half == 0 ? [1, 2] : [half]
            for h in halves {
                blocks.append(RollingBlock(group: (group - 1) * 2 + h, startMinute: start, durationMinutes: to - from))
            }
        }
        return RollingSchedule(groups: 10, blocks: blocks.sorted { ($0.startMinute, $0.group) < ($1.startMinute, $1.group) })
    }()

    // MARK: Scenarios

    /// 札幌市 as one municipality (2015 census population), its own secondary medical area.
    static let sapporo = Municipality(
        code: MunicipalityCode("011002")!, nameJa: "札幌市", nameEn: "Sapporo-shi / Sapporo City", kind: .city, island: false,
        population: 1_952_356, populationDate: "2015-10-01", area: SecondaryArea(nameJa: "札幌", nameEn: "Sapporo"))

    /// The scenario, built from the Tokyo table (`tokyo`) where the event needs Tokyo's places.
    public func scenario(tokyo: [Municipality], seed: UInt64 = 2025) -> Scenario {
        var settings = RosterGenerator.Settings()
        // Before the FY2022 model projects few home-care providers had a BCP, but clinics phoned
        // their patients (Sapporo 2018: a clinic phoned those it could reach and visited the rest).
        // Assumption: half of the providers call (institutional), none is linked.
        settings.tierNonePerMille = 500
        settings.tierInstitutionalPerMille = 500
        settings.chargingPoints = []
        var municipalities: [Municipality]
        var zones: [OutageZone]
        var disruptions: [Disruption] = []
        var horizon = 7 * 1_440
        var startClock = 0
        var lateSupplier = false
        switch self {
        case .sapporo2018:
            // 230 ventilator users (Kabami et al. 2022), TPPV at the national 2021 share; home
            // oxygen at the national rate for Sapporo's population (156,696 x 1.95 M / 126.2 M).
            // Hokkaido has about one car per household (2.82 M cars, 2.76 M households, 2018):
            // assumption 700 per mille of Sapporo's households have one. Ward offices with emergency
            // power let families charge (Kyodo 2019-08-27, 白石区): one charging point per ward.
            municipalities = [Self.sapporo]
            let tppv = 230 * PublishedFigures.tppvPerMille / 1000
            settings.deviceCounts = [(.tppv, tppv), (.nppv, 230 - tppv), (.oxygenConcentrator, Self.hotFor(population: Self.sapporo.population))]
            settings.carElsewherePerMille = 700
            settings.chargingPoints = [("011002", 10)]
            zones = [OutageZone(id: "hokkaido", targets: [.area("札幌")], startMinute: 0, shape: .restoration(OutageTemplates.hokkaido2018))]
            horizon = 5 * 1_440
            startClock = 3 * 60 + 8
        case .kumamoto2016:
            // 164 ventilator users in Kumamoto (MHLW via cbnews 48754); home oxygen at the national
            // rate. Kumamoto's evacuation-admission system for home-ventilated people (Medica
            // 2026-01): every municipality; assumption: 900 per mille of users registered in it.
            municipalities = JapanMunicipalities.prefecture(43)
            let population = municipalities.reduce(0) { $0 + $1.population }
            let tppv = 164 * PublishedFigures.tppvPerMille / 1000
            settings.deviceCounts = [(.tppv, tppv), (.nppv, 164 - tppv), (.oxygenConcentrator, Self.hotFor(population: population))]
            settings.admissionSystem = true
            settings.supportPlanPerMille = 900
            settings.carElsewherePerMille = 700  // Kyushu: about one car per household (assumption)
            zones = [OutageTemplates.wholeArea(municipalities, curve: Self.kumamoto2016Curve, id: "kumamoto")]
            startClock = 1 * 60 + 25
        case .chiba2019:
            // The synthetic Chiba municipalities, smallest first, until they hold the 1.47 million
            // people of Chiba's 637,100 households cut at the peak (TEPCO PG; 2.3 people per
            // household, assumption): rural Boso was cut longest. Patients at the national rates.
            let all = JapanMunicipalities.prefecture(12).sorted { ($0.population, $0.code) < ($1.population, $1.code) }
            var chosen: [Municipality] = []
            var people = 0
            for m in all where people < 1_465_330 {
                chosen.append(m)
                people += m.population
            }
            municipalities = chosen.sorted { $0.code < $1.code }
            settings.carElsewherePerMille = 700  // Chiba outside the cities: about one car per household (assumption)
            var codes: [ZoneTarget] = []
            for m in municipalities { codes.append(.municipality(m.code)) }
            zones = [OutageZone(id: "chiba", targets: codes, startMinute: 0, shape: .restoration(ScenarioPreset.chiba2019Curve))]
            // Fallen trees blocked roads: travel x1.5 for 3 days (assumption, as in the Tokyo preset).
            disruptions = [.travelSlowed(targets: codes, percent: 150, fromMinute: 0, untilMinute: 4_320)]
            horizon = 15 * 1_440
            startClock = 5 * 60  // landfall 05:00, 9 Sep 2019
            lateSupplier = true
        case .rolling2011:
            // Tama (the 23 wards were mostly left out of the rolling blackouts), patients at the
            // national rates, the schedule as carried out.
            municipalities = tokyo.filter { ScenarioPreset.tamaAreas.contains($0.area.nameJa) }
            settings.chargingPoints = []
            zones = [OutageZone(id: "tama-rolling", targets: ScenarioPreset.tamaAreas.map(ZoneTarget.area), startMinute: 0,
                                shape: .rolling(Self.rolling2011Schedule))]
            horizon = 15 * 1_440
        }
        let n = settings.deviceCounts == nil ? RosterGenerator.defaultPatients(population: municipalities.reduce(0) { $0 + $1.population }) : 0
        var data = RosterGenerator(
            patients: n, seed: seed, municipalitiesWithStock: 0, municipalitiesWithRegionalBCP: 0, settings: settings
        ).generate(municipalities: municipalities)
        if lateSupplier { Self.addLateSupplier(&data, &disruptions) }
        var s = Scenario(
            nameJa: nameJa + "・合成名簿", nameEn: nameEn + ", synthetic roster",
            description: "Backtest scenario: the real event's place, restoration and patient counts with a synthetic roster "
                + "(\(data.patients.count) patients, seed \(seed)); not real people. The folder's README separates records from "
                + "assumptions; backtest.json holds the published outcomes.",
            horizonMinutes: horizon, seed: seed, municipalities: data.municipalities, patients: data.patients,
            providers: data.providers, units: data.units, zones: zones, disruptions: disruptions, synthetic: true)
        s.startClockMinute = startClock
        return s
    }

    /// Home-oxygen patients for a population at the national rate.
    static func hotFor(population: Int) -> Int {
        PublishedFigures.japanHOTPatients2019 * (population / 100) / (PublishedFigures.japanPopulation2019 / 100)
    }

    /// Chiba 2019: about 9,040 of 9,480 home-oxygen users in Chiba, Kanagawa and Ibaraki had been
    /// confirmed by 11-12 September; the 440 (4.6%) were one large supplier's patients not yet
    /// checked, and MHLW sent staff to that company (MHLW status of 12 Sep, as transcribed). Every
    /// 22nd home-oxygen patient (4.5%) is that company's, whose staff could not start until 75
    /// hours after landfall.
    static func addLateSupplier(_ data: inout RosterGenerator.DataSet, _ disruptions: inout [Disruption]) {
        guard let host = data.municipalities.max(by: { ($0.population, $1.code) < ($1.population, $0.code) }) else { return }
        var k = 0, n = 0
        for i in data.patients.indices where data.patients[i].device == .oxygenConcentrator {
            k += 1
            if k % 22 == 0 {
                data.patients[i].supplierId = "S-LATE"
                n += 1
            }
        }
        data.providers.append(
            Provider(
                id: "S-LATE", kind: .supplier, municipality: host.code, tier: .none, linkedGroup: nil, hasBackupPower: true,
                contactsPerHour: max(1, (n + PublishedFigures.supplierHoursToCallAll - 1) / PublishedFigures.supplierHoursToCallAll),
                deliveryTeams: max(1, (n + PublishedFigures.supplierPatientsPerTeam - 1) / PublishedFigures.supplierPatientsPerTeam),
                backupBeds: 0, cylinders: n * PublishedFigures.supplierDeliveriesPerPatient))
        disruptions.append(.providerOut(providerId: "S-LATE", fromMinute: 0, untilMinute: 75 * 60))
    }
}
