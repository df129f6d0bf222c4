// The non-program parts of the registry: documents, efforts, indicators, coordination survey.

/// One of the five source documents.
public struct SourceDocument: Codable, Sendable, Hashable {
    public let file: String
    public let titleJa: Cited<String>
    public let titleEn: String
    /// The year the document is for (inferred, with reasoning, where not printed).
    public let fiscalYear: FiscalYear
    public let yearEvidence: [Cited<String>]
    /// Where the document says it comes from (a meeting paper, a draft-budget excerpt), as printed.
    public let provenance: [Cited<String>]
}

/// An effort (取組) of the health plan's home-care section: names, goal and text from the skeleton (001), the
/// plan's own name and issue from the evaluation (000).
public struct Effort: Codable, Sendable, Hashable {
    public let number: Cited<Int>
    /// The skeleton's name (001).
    public let nameJa: Cited<String>
    public let nameEn: String
    /// The name in the plan of March 2024 as the evaluation (000) prints it; it differs from the skeleton's
    /// for efforts 2 and 5, whose skeleton names became the plan's issues (課題).
    public let planNameJa: Cited<String>
    public let planNameEn: String
    /// The goal (目標) in full.
    public let goalJa: Cited<String>
    public let goalEn: String
    /// The issue (課題) of the plan (000).
    public let issueJa: Cited<String>
    /// The skeleton's これまでの取組 (work so far), one point per bullet.
    public let progress: [TextPoint]
    /// The skeleton's 課題 (challenges), one point per bullet.
    public let challenges: [TextPoint]
    /// The skeleton's 今後の方向性 (directions), one point per bullet.
    public let directions: [TextPoint]
}

/// A sentence or bullet of a document with our English rendering, and the heading it is printed under.
public struct TextPoint: Codable, Sendable, Hashable {
    public let heading: Cited<String>?
    public let textJa: Cited<String>
    public let textEn: String
}

/// 訪問診療必要量の見直し of the skeleton (001 lines 234-243): how the required volume of home-visit care is to be
/// reviewed. Not a budget item.
public struct DemandReview: Codable, Sendable, Hashable {
    public let title: Cited<String>
    public let titleEn: String
    /// ① and ②; what they stand for is not printed.
    public let points: [TextPoint]
    /// 保健医療計画中間見直し（令和3年7月）, printed alone at the end (line 243).
    public let midTermReview: TextPoint
    public let note: String
}

/// An indicator (指標) of the skeleton. Baseline and target are not printed in the sources.
public struct Indicator: Codable, Sendable, Hashable {
    public let number: Cited<Int>
    public let nameJa: Cited<String>
    public let nameEn: String
    /// The 〇 marks of the effort columns as printed (their columns are lost).
    public let effortMarks: Cited<String>
    public let baseline: Cited<String>?
    public let target: Cited<String>?
    /// Number of efforts the indicator is marked for.
    public var effortMarkCount: Int { effortMarks.value.filter { $0 == "〇" || $0 == "○" }.count }
}

/// Population and title of the FY2018/FY2017 municipal coordination survey (004).
public struct SurveyFrame: Codable, Sendable, Hashable {
    public let population: Cited<Int>
    public let excludes: Cited<String>
    public let title: Cited<String>
    /// The legend of the ※ mark (※は実施数のみ記載, 004 line 94), with our reading in `note`.
    public let markLegend: Cited<String>
    /// 今後の都の取組の方向性 (004 line 117), printed after the survey.
    public let directionsHeading: Cited<String>
    /// Tokyo's directions after the survey, one point per ● heading (004 lines 119-125).
    public let directions: [TextPoint]
}

/// One row of the survey: counts of municipalities doing an item, 1 April 2018 vs end of FY2017.
public struct SurveyRow: Codable, Sendable, Hashable {
    public let item: Cited<String>
    public let content: Cited<String>
    public let fy2018Count: Cited<Int>
    public let fy2018Percent: Cited<String>
    public let fy2017Count: Cited<Int>
    public let fy2017Percent: Cited<String>
    public let changePoints: Cited<String>
    /// Present when the FY2018 count is marked ※: read as municipalities that have implemented the item only,
    /// excluding work planned within FY2018 (see `SurveyFrame.markLegend`). The name is kept for the schema.
    public let countOnly: Cited<Bool>?
}

/// The 国庫負担 (national treasury share) column of the evaluation table (000): its headers and every ○ mark as
/// printed. The marks come out apart from their rows, so they cannot be tied to programs.
public struct NationalShareColumn: Codable, Sendable, Hashable {
    /// The header 国庫負担, printed once per page, one character per line.
    public let headers: [Cited<String>]
    /// Marks that stand apart from any name (on a line of their own, or after 【再掲】), in document order.
    public let marks: [Cited<String>]
    /// Marks glued to a program name (○訪問看護人材確保事業): the column's mark of some row, or a bullet.
    public let marksWithNames: [Cited<String>]
    /// Our count per page and reading (English).
    public let note: String
}

/// The whole registry file.
public struct RegistryData: Codable, Sendable, Hashable {
    public let schemaVersion: Int
    public let note: String
    public let documents: [SourceDocument]
    public let efforts: [Effort]
    public let indicators: [Indicator]
    public let indicatorTargetNote: Cited<String>
    /// The skeleton's review of the required volume of home-visit care.
    public let visitDemandReview: DemandReview
    public let surveyFrame: SurveyFrame
    public let coordinationSurvey: [SurveyRow]
    /// The 国庫負担 marks of 000, as printed.
    public let nationalShareColumn: NationalShareColumn
    public let programs: [Program]
}
