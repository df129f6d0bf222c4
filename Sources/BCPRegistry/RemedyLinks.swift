// Which registry programs fund the remedy of each kind of shortfall the simulator reports.

/// A kind of shortfall reported by the simulator.
public enum ShortfallKind: String, CaseIterable, Sendable, Codable {
    /// The patient had no generator or battery to bridge the outage.
    case noPowerUnit
    /// No contact (provider, partner, municipality) reached the patient in time.
    case noContact
    /// No delivery team could bring a unit in time.
    case noDeliveryTeam
    /// No backup bed (後方支援病床) could take the patient.
    case noBackupBed
    /// The patient's provider had no BCP.
    case providerWithoutBCP
    /// The municipality had no regional BCP (地域BCP).
    case noRegionalBCP
    /// Staff were not trained for the outage.
    case staffNotTrained
}

/// One link from a shortfall kind to a program (and menu) that funds its remedy.
public struct RemedyLink: Sendable, Hashable, Codable {
    public let kind: ShortfallKind
    /// A registry program id.
    public let programId: String
    /// The menu of the program that applies, by its Japanese name, if any.
    public let menuJa: String?
    /// Subsidy rates that apply, in order (e.g. ["10/10", "1/2"] for 10/10 in years 1-3, then 1/2). Empty: none printed.
    public let rates: [String]
    /// Base amount or ceiling in thousand yen, if printed.
    public let baseAmountThousandYen: Int?
    public let reasonJa: String
    public let reasonEn: String

    /// The reason in the given language.
    public func reason(_ lang: RegistryLanguage) -> String { lang == .ja ? reasonJa : reasonEn }
}

/// The remedy table. Rates and amounts are those of the cited registry records.
public enum RemedyLinks {
    /// Every link, in ShortfallKind order, then table order.
    public static let all: [RemedyLink] = [
        RemedyLink(kind: .noPowerUnit, programId: "ventilator-support-fy2025", menuJa: nil, rates: ["1/2"], baseAmountThousandYen: nil,
                   reasonJa: "自家発電装置等を人口25,000人当たり各品目1台を給付基準として区市町村に1/2補助",
                   reasonEn: "Generators and similar items for home-ventilator users: municipalities get 1/2, standard one unit per item per 25,000 residents"),
        RemedyLink(kind: .noContact, programId: "disaster-home-care-bcp-fy2025", menuJa: "連携型BCP・地域BCP策定に向けたモデル事業実施", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "連携型BCP・地域BCPで安否確認の経路を整える（委託事業、補助率なし）",
                   reasonEn: "Linked and regional BCPs set up contact channels (commissioned work, no subsidy rate)"),
        RemedyLink(kind: .noContact, programId: "municipal-home-care-promotion-fy2025", menuJa: "切れ目のない在宅医療提供体制の構築や医療・介護関係者等への情報共有に対する支援",
                   rates: ["10/10", "1/2"], baseAmountThousandYen: nil,
                   reasonJa: "ICTを活用した情報共有・多職種連携（開始3年間10/10、4年目以降1/2）",
                   reasonEn: "ICT information sharing among professions (10/10 for three years, then 1/2)"),
        RemedyLink(kind: .noContact, programId: "multi-profession-portal-fy2025", menuJa: nil, rates: [], baseAmountThousandYen: nil,
                   reasonJa: "都が運営する多職種連携ポータルサイトで患者情報を共有",
                   reasonEn: "The metropolitan multi-profession portal shares patient information"),
        RemedyLink(kind: .noDeliveryTeam, programId: "municipal-home-care-promotion-fy2025", menuJa: "在宅医療と介護の提供体制の充実に向けた先駆的な取組への支援",
                   rates: ["10/10", "1/2"], baseAmountThousandYen: nil,
                   reasonJa: "病院救急車等を活用した搬送体制の確保（開始3年間10/10、4年目以降1/2）",
                   reasonEn: "Transport systems such as hospital ambulances (10/10 for three years, then 1/2)"),
        RemedyLink(kind: .noDeliveryTeam, programId: "home-care-enhancement-fy2025", menuJa: "地域における24時間診療体制の構築の推進", rates: ["10/10"], baseAmountThousandYen: nil,
                   reasonJa: "地区医師会の24時間診療体制（補助率10/10）",
                   reasonEn: "24-hour care systems of district medical associations (10/10)"),
        RemedyLink(kind: .noBackupBed, programId: "municipal-home-care-promotion-fy2025", menuJa: "切れ目のない在宅医療提供体制の構築や医療・介護関係者等への情報共有に対する支援",
                   rates: ["10/10", "1/2"], baseAmountThousandYen: nil,
                   reasonJa: "後方支援病床の確保（開始3年間10/10、4年目以降1/2）",
                   reasonEn: "Securing backup beds (10/10 for three years, then 1/2)"),
        RemedyLink(kind: .noBackupBed, programId: "home-care-environment-support-fy2011", menuJa: "在宅療養後方支援病床確保事業", rates: ["1/2"], baseAmountThousandYen: 5580,
                   reasonJa: "平成23年度の在宅療養後方支援病床確保事業（基準額5,580千円、選択1/2）",
                   reasonEn: "FY2011 backup-bed menu (base 5,580 thousand yen, 1/2 from year 4), for history"),
        RemedyLink(kind: .providerWithoutBCP, programId: "disaster-home-care-bcp-fy2025", menuJa: "訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "訪問診療を行う医療機関のBCP策定支援（委託事業、補助率なし）",
                   reasonEn: "BCP support for home-visit providers (commissioned work, no subsidy rate)"),
        RemedyLink(kind: .noRegionalBCP, programId: "disaster-home-care-bcp-fy2025", menuJa: "連携型BCP・地域BCP策定に向けたモデル事業実施", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "地域BCP策定に向けたモデル事業（令和7～9年度、委託）",
                   reasonEn: "Model projects for regional BCPs (FY2025-FY2027, commissioned)"),
        RemedyLink(kind: .staffNotTrained, programId: "disaster-home-care-bcp-fy2025", menuJa: "訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "災害対応力強化セミナー（委託事業）",
                   reasonEn: "Disaster-preparedness seminars (commissioned work)"),
        RemedyLink(kind: .staffNotTrained, programId: "home-care-training-fy2025", menuJa: nil, rates: [], baseAmountThousandYen: nil,
                   reasonJa: "在宅療養研修事業（東京都医師会・地区医師会との連携）",
                   reasonEn: "Home-care training program run with the medical associations"),
    ]

    /// The links for one shortfall kind, in table order.
    public static func links(for kind: ShortfallKind) -> [RemedyLink] { all.filter { $0.kind == kind } }
}
