import BCPText
// Codable value types of the program registry (Resources/registry.json).
// Every value read from a source document is wrapped with its citation; English text is ours.

/// Where a value is printed: a file in `docs/sources/seeds/` and a 1-based line (or line range).
public struct SourceRef: Codable, Sendable, Hashable {
    public let file: String
    public let line: Int
    /// Last line when the value wraps over several lines.
    public let endLine: Int?
    /// `file:line` or `file:line-endLine`.
    public var label: String { endLine.map { "\(file):\(line)-\($0)" } ?? "\(file):\(line)" }
}

/// A value with its citation. `quote` is the printed text when it differs from `value`.
public struct Cited<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public let value: Value
    public let source: SourceRef
    public let quote: String?
    /// True when the value is a reading of the quote rather than printed as such.
    public let inferred: Bool?
    /// Our remark on the reading (English).
    public let note: String?
}

/// A fiscal year: Western year in `value`, Japanese era label in `era`.
public struct FiscalYear: Codable, Sendable, Hashable {
    public let value: Int
    public let era: String
    public let source: SourceRef
    public let quote: String?
    public let inferred: Bool?
    /// For an inferred year, the reasoning.
    public let note: String?
}

/// A subsidy rate such as "1/2"; `phase` is `first3Years` or `fromYear4` when the rate changes.
public struct SubsidyRate: Codable, Sendable, Hashable {
    public let value: String
    public let source: SourceRef
    public let quote: String?
    public let phase: String?
    /// The printed condition of the phase, e.g. 先駆（3年間）.
    public let condition: Cited<String>?
}

/// A base amount (基準額, kind `base`) or ceiling (上限, kind `ceiling`) in thousand yen.
public struct Amount: Codable, Sendable, Hashable {
    public let value: Int
    public let kind: String
    public let source: SourceRef
    public let quote: String?
}

/// A benefit standard such as one unit of each item per 25,000 residents.
public struct BenefitStandard: Codable, Sendable, Hashable {
    public let residentsPerUnit: Cited<Int>
    public let unitsPerItem: Cited<Int>
    public let items: Cited<String>
}

/// A period of years (Western years).
public struct Period: Codable, Sendable, Hashable {
    public let from: Cited<Int>
    public let to: Cited<Int>
}

/// One line of an FY2024 plan or result: item, quantity (e.g. "1回"), attendance (persons).
public struct Outcome: Codable, Sendable, Hashable {
    public let item: Cited<String>
    public let quantity: Cited<String>?
    public let attendance: Cited<Int>?
    public let note: String?
}

/// A menu (sub-program) inside a program.
public struct Menu: Codable, Sendable, Hashable {
    public let nameJa: Cited<String>
    public let nameEn: String
    public let isNew: Cited<Bool>?
    public let subsidyRates: [SubsidyRate]
    public let baseAmounts: [Amount]
    public let recipients: [Cited<String>]
    public let details: [Cited<String>]
    /// Why, as the menu's own page prints it (現状・課題 or 目的); absent when it has none.
    public let background: [Cited<String>]?
    /// What, as the menu's own page prints it (事業概要, 事業内容); absent when it has none.
    public let overview: [Cited<String>]?
}

/// One program in one fiscal year, from one document.
public struct Program: Codable, Sendable, Hashable, Identifiable {
    /// Stable id, e.g. `ventilator-support-fy2025`.
    public let id: String
    /// Same across fiscal years; used for history.
    public let programKey: String
    /// Source document file name.
    public let file: String
    public let fiscalYear: FiscalYear
    public let nameJa: Cited<String>
    public let nameEn: String
    /// Other places or names under which the same program appears in the document.
    public let aliases: [Cited<String>]
    /// The document section or heading the program is listed under.
    public let section: Cited<String>?
    /// Efforts (取組 1-5) of the health plan served.
    public let efforts: [Cited<Int>]
    public let summaryJa: Cited<String>?
    public let summaryEn: String?
    /// `true` for 新規, `false` for 継続, absent when the document does not say.
    public let isNew: Cited<Bool>?
    public let continuingSince: Cited<Int>?
    public let budgetThousandYen: Cited<Int>?
    /// Never printed in the five documents; kept for the schema.
    public let previousBudgetThousandYen: Cited<Int>?
    public let fundingScheme: Cited<String>?
    public let subsidyRates: [SubsidyRate]
    public let baseAmounts: [Amount]
    public let recipients: [Cited<String>]
    public let period: Period?
    public let implementation: Cited<String>?
    public let benefitStandard: BenefitStandard?
    public let menus: [Menu]
    public let details: [Cited<String>]
    /// Why, as the program's detail page prints it (現状・課題 or 目的); absent when it has none.
    public let background: [Cited<String>]?
    /// What, as the program's detail page prints it (事業概要, 事業内容); absent when it has none.
    public let overview: [Cited<String>]?
    public let fy2024Plan: [Outcome]
    public let fy2024Result: [Outcome]
    /// FY2024 figures whose column (plan or result) cannot be told.
    public let fy2024Figures: [Outcome]
    public let notes: [String]

    /// The name in the given language.
    public func name(_ lang: Language) -> String { lang == .ja ? nameJa.value : nameEn }
    /// All subsidy rates, the program's own first, then its menus'.
    public var allSubsidyRates: [SubsidyRate] { subsidyRates + menus.flatMap(\.subsidyRates) }
    /// The menus printed as new (新規), e.g. 在宅療養患者家族支援事業 of a continuing program.
    public var newMenus: [Menu] { menus.filter { $0.isNew?.value == true } }
    /// All base amounts and ceilings, the program's own first, then its menus'.
    public var allBaseAmounts: [Amount] { baseAmounts + menus.flatMap(\.baseAmounts) }
}

/// Output language.

