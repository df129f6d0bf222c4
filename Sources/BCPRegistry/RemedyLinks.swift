import BCPText

// Which registry programs fund the remedy of each kind of shortfall the simulator reports, and, where no
// program in the source documents funds it, a statement saying so with the closest text they do have.

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
    /// Staff were not trained for the outage. Not reported by the simulator (the model has no training state).
    case staffNotTrained
    /// No transport (such as a hospital ambulance) could take the patient to a hospital in time. Not yet reported
    /// by the simulator: admission to hospital is a route the model is to gain.
    case noTransport
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
    /// The printed text of the program that funds this remedy, each with its source line (a line the
    /// program's record cites). A link without such text is not made.
    public let evidence: [Cited<String>]

    /// The reason in the given language.
    public func reason(_ lang: Language) -> String { lang == .ja ? reasonJa : reasonEn }
}

/// A shortfall kind whose remedy no program in the source documents funds.
public struct UnfundedRemedy: Sendable, Hashable, Codable {
    public let kind: ShortfallKind
    public let statementJa: String
    public let statementEn: String
    /// The closest relevant text of the documents (not a budget line), each with its source line.
    public let closest: [Cited<String>]

    /// The statement in the given language.
    public func statement(_ lang: Language) -> String { lang == .ja ? statementJa : statementEn }

    /// The statement followed by the source lines of the closest text: "… (001_…txt:71-74)".
    public func text(_ lang: Language) -> String {
        let refs = closest.map(\.source.label).joined(separator: "; ")
        return statement(lang) + (lang == .ja ? "（出典: \(refs)）" : " (source: \(refs))")
    }
}

/// What the source documents offer for one shortfall kind: programs, or the statement that none funds it.
public struct RemedyFunding: Sendable, Hashable {
    public let kind: ShortfallKind
    /// The funding programs, in table order; empty exactly when `unfunded` is set.
    public let links: [RemedyLink]
    public let unfunded: UnfundedRemedy?
}

/// The remedy table. Rates and amounts are those of the cited registry records.
public enum RemedyLinks {
    static let f001 = "001_34d4023f9fa2167b.txt", f002 = "002_0f0e66cbedaeb88e.txt", f003 = "003_9cb320aed5e28b3f.txt"

    static func cite(_ text: String, _ file: String, _ line: Int, _ endLine: Int? = nil) -> Cited<String> {
        Cited(value: text, source: SourceRef(file: file, line: line, endLine: endLine), quote: nil, inferred: nil, note: nil)
    }

    /// Every current link (FY2025 programs), in ShortfallKind order, then table order.
    public static let all: [RemedyLink] = [
        RemedyLink(kind: .noPowerUnit, programId: "ventilator-support-fy2025", menuJa: nil, rates: ["1/2"], baseAmountThousandYen: nil,
                   reasonJa: "自家発電装置等を人口25,000人当たり各品目1台を給付基準として区市町村に1/2補助",
                   reasonEn: "Generators and similar items for home-ventilator users: municipalities get 1/2, standard one unit per item per 25,000 residents",
                   evidence: [cite("自家発電装置等について、人口25,000人当たり各補助対象品目1台を給付基準とし、それらを整備するために必要な費用について補助", f002, 26)]),
        RemedyLink(kind: .noBackupBed, programId: "municipal-home-care-promotion-fy2025", menuJa: "切れ目のない在宅医療提供体制の構築や医療・介護関係者等への情報共有に対する支援",
                   rates: ["10/10", "1/2"], baseAmountThousandYen: nil,
                   reasonJa: "後方支援病床の確保（開始3年間10/10、4年目以降1/2）",
                   reasonEn: "Securing backup beds (10/10 for three years, then 1/2)",
                   evidence: [cite("後方支援病床の確保", f002, 16), cite("〈補助率：10/10〉※4年目以降：1/2", f002, 10)]),
        RemedyLink(kind: .providerWithoutBCP, programId: "disaster-home-care-bcp-fy2025", menuJa: "訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "診療所等へのBCP策定支援・災害対応力強化セミナー（委託事業、補助率なし）",
                   reasonEn: "BCP support and disaster-preparedness seminars for home-visit providers (commissioned work, no subsidy rate)",
                   evidence: [cite("診療所等へのBCP策定支援", f002, 158), cite("訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", f002, 163)]),
        RemedyLink(kind: .noRegionalBCP, programId: "disaster-home-care-bcp-fy2025", menuJa: "連携型BCP・地域BCP策定に向けたモデル事業実施", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "地域BCP策定に向けたモデル事業（令和7～9年度、委託）",
                   reasonEn: "Model projects for regional BCPs (FY2025-FY2027, commissioned)",
                   evidence: [cite("連携型BCP・地域BCP策定に向けたモデル事業実施", f002, 164), cite("令和7年度～令和9年度", f002, 169)]),
        RemedyLink(kind: .staffNotTrained, programId: "disaster-home-care-bcp-fy2025", menuJa: "訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", rates: [], baseAmountThousandYen: nil,
                   reasonJa: "災害対応力強化セミナー（委託事業）",
                   reasonEn: "Disaster-preparedness seminars (commissioned work)",
                   evidence: [cite("訪問診療を行う医療機関等の災害対応力強化に向けたセミナー開催", f002, 163)]),
        RemedyLink(kind: .noTransport, programId: "municipal-home-care-promotion-fy2025", menuJa: "在宅医療と介護の提供体制の充実に向けた先駆的な取組への支援",
                   rates: ["10/10", "1/2"], baseAmountThousandYen: nil,
                   reasonJa: "病院救急車等を活用した搬送体制の確保（開始3年間10/10、4年目以降1/2）",
                   reasonEn: "Patient transport using hospital ambulances and the like (10/10 for three years, then 1/2)",
                   evidence: [cite("病院救急車等を活用した搬送体制の確保", f002, 13), cite("〈補助率：10/10〉※4年目以降：1/2", f002, 10)]),
    ]

    /// Kinds for which no program in the documents funds the remedy, with the closest text they have.
    public static let unfunded: [UnfundedRemedy] = [
        UnfundedRemedy(
            kind: .noContact,
            statementJa: "患者への連絡（安否確認）に財源を出す事業は、資料にありません。ICTを活用した情報共有や多職種連携ポータルは医療・介護関係者間の情報共有で、患者への連絡ではありません。最も近い記述は骨子案の「在宅人工呼吸器使用者に関する災害時個別支援計画の作成を区市町村に働きかける」取組で、予算事業ではありません。",
            statementEn: "No program in the documents funds reaching patients (safety confirmation). The ICT menu and the multi-profession portal share information among professionals; they do not contact patients. The closest text is the skeleton's work urging municipalities to draw up individual disaster support plans for home-ventilator users, which is not a budget line.",
            closest: [cite("在宅人工呼吸器使用者に関する災害時個別支援計画の作成を区市町村に働きかける等、災害時の要支援者への支援体制の確保に向け、取組を推進", f001, 71, 74)]),
        UnfundedRemedy(
            kind: .noDeliveryTeam,
            statementJa: "電源を患者に届ける班に財源を出す事業は、資料にありません。病院救急車等を活用した搬送体制は患者の搬送、24時間診療体制は診療の提供です。在宅人工呼吸器使用者療養支援事業が補助するのは自家発電装置等の整備費で、届ける体制ではありません。最も近い記述は骨子案の「在宅人工呼吸器使用者に関する災害時個別支援計画の作成を区市町村に働きかける」取組で、予算事業ではありません。",
            statementEn: "No program in the documents funds teams that bring power units to patients (the hospital-ambulance transport menu moves patients; the 24-hour care menu provides medical care). The ventilator program pays for the generators and similar items themselves, not for bringing them. The closest text is the skeleton's work urging municipalities to draw up individual disaster support plans for home-ventilator users, which is not a budget line.",
            closest: [cite("在宅人工呼吸器使用者に関する災害時個別支援計画の作成を区市町村に働きかける等、災害時の要支援者への支援体制の確保に向け、取組を推進", f001, 71, 74),
                      cite("それらを整備するために必要な費用について補助", f002, 26)]),
    ]

    /// Links to programs of earlier years, for history only: never shown as current funding.
    public static let historical: [RemedyLink] = [
        RemedyLink(kind: .noBackupBed, programId: "home-care-environment-support-fy2011", menuJa: "在宅療養後方支援病床確保事業", rates: ["10/10", "1/2"], baseAmountThousandYen: 5580,
                   reasonJa: "平成23年度の在宅療養後方支援病床確保事業（基準額5,580千円、先駆3年間10/10、選択4年目以降1/2）",
                   reasonEn: "FY2011 backup-bed menu (base 5,580 thousand yen; 10/10 for the first three years, 1/2 from year 4)",
                   evidence: [cite("地域の医療機関に患者急変時等に利用できる病床を確保", f003, 128, 130)]),
    ]

    /// Short text for the program column when no program funds a remedy.
    public static func noProgramLabel(_ lang: Language) -> String {
        lang == .ja ? "財源となる事業なし（資料に記載なし）" : "No funding program in the source documents"
    }

    /// The current links for one shortfall kind, in table order (empty when no program funds it).
    public static func links(for kind: ShortfallKind) -> [RemedyLink] { all.filter { $0.kind == kind } }

    /// The statement for a kind that no program funds, nil when it has links.
    public static func unfunded(for kind: ShortfallKind) -> UnfundedRemedy? { unfunded.first { $0.kind == kind } }

    /// The links of a kind, or the statement that no program funds it.
    public static func funding(for kind: ShortfallKind) -> RemedyFunding {
        RemedyFunding(kind: kind, links: links(for: kind), unfunded: unfunded(for: kind))
    }
}
