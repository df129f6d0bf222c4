import BCPModel
import BCPAnalysis
import BCPText
/// The restricted outputs: the per-patient priority list and its README. These are the only
/// report files (with the result file) that hold patient ids; they go under `restricted/`.
public struct RestrictedFiles: Sendable {
    public let data: ResultDocument
    public let lang: Language
    public let bom: Bool
    public init(data: ResultDocument, lang: Language, bom: Bool) {
        self.data = data
        self.lang = lang
        self.bom = bom
    }

    /// Patients who lost grid power, in priority order: earliest depletion first (those whose own
    /// means lasted come last), ties by id.
    public func patientsCSV() -> String {
        var w = CSVWriter(bom: bom)
        // The header in the report's language, like every bcpsim CSV; values keep their keys.
        w.row(texts: ["priority", "patientId", "municipality", "municipalityName", "area", "provider", "tier", "device",
                      "ownReserve", "firstOutage", "depletion", "detection", "detectionChannel",
                      "firstHelp", "help", "outcome", "gap", "restoration", "shortfall"].map { Labels.text("restricted.col.\($0)", lang) })
        let affected = data.result.patients.filter { $0.outcome != .unaffected }
        let ordered = affected.sorted { a, b in
            switch (a.depletionMinute, b.depletionMinute) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, .none): return true
            case (.none, .some): return false
            default: return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            }
        }
        func opt(_ n: Int?) -> CSVCell { n.map { .number($0) } ?? .empty }
        var names: [MunicipalityCode: String] = [:]
        for m in data.result.municipalities { names[m.code] = m.name(lang) }
        for (k, p) in ordered.enumerated() {
            var help = p.unitIds
            if let b = p.bedProviderId { help.append("bed:" + b) }
            w.row([.number(k + 1), .text(p.id), .text(p.municipality.description), .text(names[p.municipality] ?? ""), .text(p.area),
                   .text(p.providerId), .text(p.tier.name), .text(p.device.rawValue), .number(p.ownReserveMinutes),
                   opt(p.firstOutageMinute), opt(p.depletionMinute), opt(p.detectionMinute), .text(p.detectionChannel?.rawValue ?? ""),
                   opt(p.firstHelpMinute), .text(help.joined(separator: " ")), .text(p.outcome.rawValue), .number(p.gapMinutes),
                   opt(p.restorationMinute), .text(p.shortfall.map(\.rawValue).joined(separator: " "))])
        }
        return w.text
    }

    public func readme() -> String {
        // Both languages always: whoever finds the folder must understand it is restricted.
        Labels.text("shortfall.restricted.readme", .ja) + "\n\n" + Labels.text("shortfall.restricted.readme", .en) + "\n"
    }
}
