import BCPModel

/// Synthetic municipalities for Japan-wide runs (`bcpsim generate --region japan`).
///
/// Choice (issue 10): Tokyo keeps its 62 real municipalities (the built-in table); every other
/// prefecture is split into synthetic municipalities whose populations add up to the prefecture's
/// 2020 census population. Nothing outside Tokyo is a real place: names say "synthetic" (合成), codes
/// use the real prefecture number with a made-up city number (check digit valid), and every
/// municipality is a "city" on the mainland. We did not scale Tokyo up, because a 9x Tokyo would
/// have Tokyo's density and areas everywhere; splitting each prefecture keeps the national
/// distribution of patients across prefectures right, which is what a Japan-wide load needs.
public enum JapanMunicipalities {
    /// Prefectures other than Tokyo: (JIS code, Japanese name, English name, population at the
    /// 2020 census, 令和2年国勢調査, Statistics Bureau of Japan).
    public static let prefectures: [(code: Int, ja: String, en: String, population: Int)] = [
        (1, "北海道", "Hokkaido", 5_224_614), (2, "青森県", "Aomori", 1_237_984), (3, "岩手県", "Iwate", 1_210_534),
        (4, "宮城県", "Miyagi", 2_301_996), (5, "秋田県", "Akita", 959_502), (6, "山形県", "Yamagata", 1_068_027),
        (7, "福島県", "Fukushima", 1_833_152), (8, "茨城県", "Ibaraki", 2_867_009), (9, "栃木県", "Tochigi", 1_933_146),
        (10, "群馬県", "Gunma", 1_939_110), (11, "埼玉県", "Saitama", 7_344_765), (12, "千葉県", "Chiba", 6_284_480),
        (14, "神奈川県", "Kanagawa", 9_237_337), (15, "新潟県", "Niigata", 2_201_272), (16, "富山県", "Toyama", 1_034_814),
        (17, "石川県", "Ishikawa", 1_132_526), (18, "福井県", "Fukui", 766_863), (19, "山梨県", "Yamanashi", 809_974),
        (20, "長野県", "Nagano", 2_048_011), (21, "岐阜県", "Gifu", 1_978_742), (22, "静岡県", "Shizuoka", 3_633_202),
        (23, "愛知県", "Aichi", 7_542_415), (24, "三重県", "Mie", 1_770_254), (25, "滋賀県", "Shiga", 1_413_610),
        (26, "京都府", "Kyoto", 2_578_087), (27, "大阪府", "Osaka", 8_837_685), (28, "兵庫県", "Hyogo", 5_465_002),
        (29, "奈良県", "Nara", 1_324_473), (30, "和歌山県", "Wakayama", 922_584), (31, "鳥取県", "Tottori", 553_407),
        (32, "島根県", "Shimane", 671_126), (33, "岡山県", "Okayama", 1_888_432), (34, "広島県", "Hiroshima", 2_799_702),
        (35, "山口県", "Yamaguchi", 1_342_059), (36, "徳島県", "Tokushima", 719_559), (37, "香川県", "Kagawa", 950_244),
        (38, "愛媛県", "Ehime", 1_334_841), (39, "高知県", "Kochi", 691_527), (40, "福岡県", "Fukuoka", 5_135_214),
        (41, "佐賀県", "Saga", 811_442), (42, "長崎県", "Nagasaki", 1_312_317), (43, "熊本県", "Kumamoto", 1_738_301),
        (44, "大分県", "Oita", 1_123_852), (45, "宮崎県", "Miyazaki", 1_069_576), (46, "鹿児島県", "Kagoshima", 1_588_256),
        (47, "沖縄県", "Okinawa", 1_467_480),
    ]

    /// About one synthetic municipality per 70,000 residents, at least 8 per prefecture
    /// (Japan has 1,718 municipalities and 23 wards for 126 million people: about 72,000 each).
    public static let residentsPerMunicipality = 70_000
    /// Synthetic secondary areas group 8 municipalities (Japan has 335 areas: about 5 each; we use
    /// larger ones so mutual aid under a regional BCP has neighbours to draw on). Assumption.
    public static let municipalitiesPerArea = 8

    /// Tokyo's table plus the synthetic municipalities of the other 46 prefectures, sorted by code.
    public static func all(tokyo: [Municipality]) -> [Municipality] {
        var out = tokyo
        for p in prefectures { out += municipalities(of: p) }
        return out.sorted { $0.code < $1.code }
    }

    /// The synthetic municipalities of one prefecture (by its JIS number, not Tokyo's 13), by code.
    public static func prefecture(_ code: Int) -> [Municipality] {
        prefectures.first { $0.code == code }.map(municipalities(of:)) ?? []
    }

    static func municipalities(of p: (code: Int, ja: String, en: String, population: Int)) -> [Municipality] {
        var out: [Municipality] = []
        let k = max(8, (p.population + residentsPerMunicipality / 2) / residentsPerMunicipality)
        // Sizes fall off like 1/(j + 1) (a rank-size rule: a few cities, many small towns);
        // populations by largest remainder so they add up to the prefecture's exactly.
        let weights = (0..<k).map { 1_000_000 / ($0 + 2) }
        let total = weights.reduce(0, +)
        var pops = weights.map { p.population * $0 / total }
        let order = (0..<k).sorted { (p.population * weights[$0] % total, $1) > (p.population * weights[$1] % total, $0) }
        var left = p.population - pops.reduce(0, +)
        for j in order where left > 0 {
            pops[j] += 1
            left -= 1
        }
        for j in 0..<k {
            let five = [p.code / 10, p.code % 10, 2 + (j + 1) / 100, ((j + 1) / 10) % 10, (j + 1) % 10]
            let code = MunicipalityCode(five.map(String.init).joined() + String(MunicipalityCode.checkDigit(of: five)))!
            let n = String(j + 1).leftPadded(3)
            let a = String(j / municipalitiesPerArea + 1).leftPadded(2)
            out.append(
                Municipality(
                    code: code, nameJa: "合成市\(p.ja)\(n)", nameEn: "Synthetic city \(p.en)-\(n)", kind: .city, island: false,
                    population: pops[j], populationDate: "2020-10-01",
                    area: SecondaryArea(nameJa: "合成圏\(p.ja)\(a)", nameEn: "Synthetic area \(p.en)-\(a)")))
        }
        return out.sorted { $0.code < $1.code }
    }
}
