/// The published figures a synthetic roster rests on, each with its source (see
/// ../shared/REFERENCE-FIGURES.md and docs/MODEL.md). Shares are per mille (1/1000) so that
/// every draw is an integer comparison. Numbers marked "assumption" have no published source.
public enum PublishedFigures {
    /// Home ventilator users in Japan, end FY2018: 20,293 (MHLW research report, 8 companies).
    public static let japanVentilatorUsers = 20_293
    /// NPPV 12,539 of 20,293 (same report): 618 per mille.
    public static let nppvPerMille = 618
    /// Japan's population, 1 Oct 2018 (Statistics Bureau estimate): 126,443,000.
    public static let japanPopulation2018 = 126_443_000
    /// Tokyo survey of 1 June 2011 (842 users): about 1/3 on a ventilator with no internal battery.
    public static let noInternalBatteryPerMille = 349  // 294 / 842
    /// Same survey: about 40% without an external battery.
    public static let noExternalBatteryPerMille = 400
    /// Internal battery hours by model: Trilogy 100 3 h, Astral 8 h, Newport HT70 up to 10 h.
    public static let internalBatteryHours = [3, 8, 10]
    /// One external pack: +3 h (Trilogy detachable) to +8 h (Astral pack).
    public static let externalBatteryHours = [3, 8, 16]
    /// Assumption: share of households with an own cassette-gas generator or car inverter.
    /// (Sapporo 2018: only 9% had even spare batteries beforehand - Nikkei 2019.)
    public static let ownGeneratorPerMille = 100
    /// Honda EU9iGB (900 VA): two gas cans give 1.1-2.2 h; we take 2 h per pair of cans at a
    /// ventilator's light load, and 3 pairs on hand (assumption).
    public static let cassetteGeneratorW = 900
    public static let cassetteGeneratorMinutesPerPair = 120
    public static let cassettePairsOnHand = 3
    /// Assumption: households that can start and run their generator in an emergency.
    public static let generatorOperablePerMille = 700
    /// Assumption: share with an individual support plan (個別支援計画) registered.
    public static let supportPlanPerMille = 600
    /// Assumption: other electricity-dependent devices added to the ventilator roster,
    /// per mille of all patients: oxygen concentrators, suction units, feeding pumps.
    public static let otherDevicePerMille = (oxygen: 60, suction: 30, feeding: 10)
    /// Subsidized items held: the ventilator users' support program was used by 18 区市 in
    /// FY2024 (seed document 000); which ones is not published, so they are drawn.
    public static let municipalitiesWithStock = 18
    /// Assumption: municipalities running a regional BCP in the synthetic Tokyo scenario (the
    /// national model projects covered 13 areas in FY2022, 26 in FY2023, 6 in FY2024).
    public static let municipalitiesWithRegionalBCP = 6
}
