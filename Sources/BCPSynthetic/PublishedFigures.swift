import BCPModel

/// The published figures a synthetic roster rests on, each with its source (docs/MODEL.md,
/// "Synthetic rosters", lists the publications). Shares are per mille (1/1000) so that every draw
/// is an integer comparison. A number marked "assumption" has no published source.
public enum PublishedFigures {
    // MARK: How many patients

    /// Home ventilator claims in Japan, 2021: 7,144 via a tracheostomy (TPPV) and 12,502 by mask
    /// (NPPV) (社会医療診療行為別統計 令和3年, as quoted in 日本呼吸ケア・リハビリテーション学会's proposal to
    /// 中医協 医療技術評価分科会, 2023-11-20).
    public static let japanTPPVUsers2021 = 7_144
    public static let japanNPPVUsers2021 = 12_502
    /// Japan's population, 1 Oct 2021 (Statistics Bureau estimate).
    public static let japanPopulation2021 = 125_502_000
    /// Home oxygen (HOT) patients in Japan, 2019 industry survey: 156,696 (産報出版, 2019-12-16).
    public static let japanHOTPatients2019 = 156_696
    /// Japan's population, 1 Oct 2019 (Statistics Bureau estimate).
    public static let japanPopulation2019 = 126_167_000
    /// Assumption: suction-unit and feeding-pump users who are not counted above, per mille of the
    /// ventilator users (the same proportions as the first synthetic roster: 3% and 1% of
    /// ventilator-like patients).
    public static let suctionPerMilleOfVentilators = 31
    public static let feedingPerMilleOfVentilators = 10

    /// Patients of each device per 10 million residents, from the figures above: ventilators
    /// 19,646 / 125.502 M = 1,565; HOT 156,696 / 126.167 M = 12,419; suction and feeding from the
    /// ventilators. The generator draws a device in these proportions.
    public static let perTenMillion: [(DeviceKind, Int)] = {
        let ventUsers: Int = japanTPPVUsers2021 + japanNPPVUsers2021
        let vent: Int = ventUsers * 10_000 / (japanPopulation2021 / 1_000)
        let hot: Int = japanHOTPatients2019 * 10_000 / (japanPopulation2019 / 1_000)
        let tppv: Int = vent * tppvPerMille / 1000
        let suction: Int = vent * suctionPerMilleOfVentilators / 1000
        let feeding: Int = vent * feedingPerMilleOfVentilators / 1000
        return [(.tppv, tppv), (.nppv, vent - tppv), (.oxygenConcentrator, hot), (.suction, suction), (.feedingPump, feeding)]
    }()

    /// TPPV share of home ventilator users: 7,144 of 19,646 (2021 claims above) = 363 per mille (363.6, rounded down).
    public static let tppvPerMille = japanTPPVUsers2021 * 1000 / (japanTPPVUsers2021 + japanNPPVUsers2021)

    // MARK: Ventilator users

    /// Assumption: NPPV users who use the mask 20 hours a day or more (neuromuscular disease); the
    /// others use it at night, 12 hours from 21:00. No published share was found; Sapporo 2018
    /// shows 24-hour use as the strongest predictor of admission (Kabami et al. 2022).
    public static let nppvRoundTheClockPerMille = 200
    /// Tokyo survey of 1 June 2011 (785 users, 550 visiting-nurse stations; reported by CBnews,
    /// July 2011): internal battery none 34.8%, yes 53.9%, unknown 11.3%. Of those who answered,
    /// 348 / 887 = 392 per mille have none.
    public static let noInternalBatteryPerMille = 392
    /// The same survey: external battery none 36.9%, yes 43.2%: 432 / 801 = 539 per mille of those
    /// who answered have one. Used for part-time users.
    public static let externalBatteryPartTimePerMille = 539
    /// Osaka, May 2012: 17 of 611 people on 24-hour ventilation had neither an internal nor an
    /// external battery (2.8%; Osaka prefecture via kaigo-news). External batteries became an
    /// insured item in 2012. With internal batteries missing for 392 per mille, an external one is
    /// missing for 28 / 392 = 71 per mille of 24-hour users: 929 per mille have one.
    public static let externalBatteryRoundTheClockPerMille = 929
    /// Internal battery hours by model: Trilogy 100 3 h, Astral 8 h, Newport HT70 up to 10 h.
    public static let internalBatteryHours = [3, 8, 10]
    /// One external pack: +3 h (Trilogy detachable) to +8 h (Astral pack), 16 h for two packs.
    /// (Hokkaido 2018: ventilator batteries lasted 0.5 to 11 h; MHLW working group, 2019-03-18.)
    public static let externalBatteryHours = [3, 8, 16]
    /// A household's own power station or generator bought before: Sapporo 2018, 9% of
    /// respiratory-impaired residents had a spare battery or storage beforehand (Sapporo city
    /// survey, Nikkei 2019-07-07). Modelled as a cassette-gas generator.
    public static let ownGeneratorPerMille = 90
    /// Honda EU9iGB (900 VA): two gas cans give 1.1-2.2 h; we take 2 h per pair of cans at a
    /// ventilator's light load, and 3 pairs on hand (assumption).
    public static let cassetteGeneratorW = 900
    public static let cassetteGeneratorMinutesPerPair = 120
    public static let cassettePairsOnHand = 3
    /// Assumption: households that can start and run their generator in an emergency.
    public static let generatorOperablePerMille = 700
    /// Assumption: ventilator users with an individual support plan (個別支援計画) registered with
    /// the municipality. Tokyo's guideline asks for one for every user; coverage is not published.
    public static let supportPlanPerMille = 600
    /// Assumption: TPPV households that can bag by hand (a resuscitation bag is listed in ward
    /// plans, e.g. 港区; a trained family member is needed).
    public static let baggingPerMille = 900
    /// Tokyo 2011 survey (above): a foot-operated suction pump 12.1%.
    public static let manualSuctionPerMille = 121

    // MARK: Home oxygen

    /// A 2 L portable cylinder with a demand valve lasts about 6-7 h at 2 L/min and one spare is
    /// kept (St. Luke's International University home-oxygen guide): 2 x 6.5 h = 780 minutes.
    public static let cylinderMinutesOnHand = 780
    /// Portable concentrators: 9,306 of 156,696 HOT patients (2019 survey above) = 59 per mille;
    /// assumption: their battery runs 2 hours.
    public static let portableConcentratorPerMille = 59
    public static let portableConcentratorBatteryHours = 2
    /// Assumption: oxygen supplier service centres per secondary medical area (several national
    /// companies serve every area).
    public static let suppliersPerArea = 3
    /// Assumption: a supplier centre confirms all its patients within 12 hours of starting (Sapporo
    /// 2018: the supplier phoned in the morning and was at the door; Iwate 2011, after the
    /// tsunami, one supplier reached 45% on day 1, 90% by day 3).
    public static let supplierHoursToCallAll = 12
    /// Assumption: a centre brings cylinders to all its patients within about a day (every driver
    /// and office worker delivering, as after Sapporo 2018 and Chiba 2019): one delivery team per
    /// 8 patients (a round trip in the area takes 3 hours), cylinders for 3 deliveries per patient
    /// in stock (a disaster stock like 北良's of 2008).
    public static let supplierPatientsPerTeam = 8
    public static let supplierDeliveriesPerPatient = 3

    // MARK: Cars

    /// Passenger cars per household: Tokyo 0.422 (AIRIA, March 2021); 特別区部 29.7% against Tokyo
    /// 34.7% (2022 table, another count): wards 0.422 x 29.7 / 34.7 = 0.361, the rest of Tokyo
    /// about 0.58. Assumption: 85% of that is the share of households with a car (few have two):
    /// wards 307, elsewhere 495 per mille.
    public static let carWardsPerMille = 307
    public static let carElsewherePerMille = 495
    /// Cars with a 100 V, 1,500 W outlet (hybrid or EV): 67 of 377 Sapporo households (TTRI 2019).
    public static let carOutletPerMille = 178

    // MARK: Providers, hospitals, municipalities

    /// Assumption: patients per home-visit clinic and per visiting-nurse station (Tokyo has about
    /// 1,600 of each kind of home-care provider for about 20,000 electricity-dependent patients).
    public static let patientsPerClinic = 12
    public static let ventilatorPatientsPerStation = 8
    /// Assumption: linked groups (連携型BCP) are a handful of neighbouring providers; the size of
    /// real groups is not published.
    public static let linkedGroupSize = 6
    /// Assumption: beds a municipality's hospitals can give power-dependent patients in an outage,
    /// one per 10,000 residents (Sapporo, 1.95 M residents, admitted 83 of its 230 ventilator
    /// users in 2018 besides oxygen users; Kabami et al. 2022).
    public static let residentsPerAdmissionBed = 10_000
    /// The ventilator users' support program (subsidised generators and batteries) was used by 18
    /// 区市 in FY2024 (Tokyo's program table); which ones is not published, so they are drawn.
    /// Units are given to patients (江東区, 港区, 豊島区, 江戸川区 要綱: 給付), at most one of each item
    /// per 25,000 residents (the 給付基準 of the 1/2 subsidy).
    public static let municipalitiesWithStock = 18
    public static let residentsPerSubsidizedUnit = 25_000
    /// Assumption: municipalities running a regional BCP in the synthetic Tokyo scenario (the
    /// national model projects covered 13 areas in FY2022, 26 in FY2023, 6 in FY2024).
    public static let municipalitiesWithRegionalBCP = 6
    /// 中野区's charging station (すこやか福祉センター, 中野区 要綱 2015): the one outage-time charging
    /// point found in Tokyo.
    public static let chargingPointMunicipalities = ["131148"]
}
