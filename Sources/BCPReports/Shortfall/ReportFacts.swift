import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// What the shortfall reports read from a result document besides the simulator's result, with
/// the defaults of a document that carries no "report" member (a result written by other tools).
extension ResultDocument {
    public var scenarioId: String { report?.scenarioId ?? "" }
    public var synthetic: Bool { report?.synthetic ?? false }
    /// The scenario's small-count threshold.
    public var suppressionThreshold: Int { report?.suppressionThreshold ?? result.parameters.suppressionThreshold }
    public var inputs: [InputFile] { report?.inputs ?? [] }
    public var counterfactual: CounterfactualResult? { report?.counterfactual }

    public func name(_ lang: Language) -> String { lang == .ja ? result.scenarioNameJa : result.scenarioNameEn }

    /// The secondary area's English name for a Japanese one (the Japanese name if unknown).
    func areaEn(_ ja: String) -> String { result.areas.first { $0.nameJa == ja }?.nameEn ?? ja }
}

extension MunicipalitySummary {
    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
}

extension AreaSummary {
    public func name(_ lang: Language) -> String { lang == .ja ? nameJa : nameEn }
}
