import BCPAnalysis
import BCPModel
import BCPText

/// The allocation page's map: units held against the standard, by municipality (all three items
/// together: held units as a share of three times the standard). Public figures only.
enum AllocationMap {
    static func map(_ r: AllocationReport, _ lang: Language) -> TokyoMap {
        func L(_ k: String, _ a: String...) -> String { AllocationLabels.text(k, lang, args: a) }
        // Classes of the share held, in percent: none, under half, half or more, the standard or more.
        let scale = TokyoMap.Scale([0...0, 1...49, 50...99, 100...Int.max])
        let fills = ["#9b2c2c", "#f6ad55", "#fefcbf", "#68d391"]
        let classes = ["allocation.map.none", "allocation.map.underHalf", "allocation.map.half", "allocation.map.full"].enumerated().map {
            MapClass(L($0.element), fills[$0.offset])
        }
        var names: [String: String] = [:]
        let areas = r.municipalities.map { m -> MapArea in
            let code = m.code?.description ?? ""
            names[code] = MapNames.short(m.name(lang))
            let standard = 3 * m.standard.generator
            let held = PowerUnitKind.allCases.reduce(0) { $0 + min(m.held[$1], m.standard[$1]) }
            let items = PowerUnitKind.allCases.map { k in
                Labels.text("common.item.\(k.rawValue)", lang) + " " + String(m.held[k]) + "/" + String(m.standard[k])
            }
            let tip = L("allocation.map.tip", m.name(lang), lang.join(items))
            guard standard > 0 else { return MapArea(code: code, fill: .none, tooltip: tip) }
            return MapArea(code: code, fill: scale.fill(held * 100 / standard...held * 100 / standard), tooltip: tip)
        }
        return TokyoMap(title: L("allocation.map.title"), classes: classes, hiddenLabel: nil, noneLabel: L("allocation.map.noStandard"),
                        areas: areas, islandNames: names, islandsLabel: Labels.text("map.islands", lang))
    }
}
