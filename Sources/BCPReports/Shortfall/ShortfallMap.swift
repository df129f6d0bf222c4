import BCPAnalysis
import BCPText

/// The summary's map: patients left without power per 10,000 residents, by municipality, under
/// the disclosure policy (a banded count is coloured only when its whole band falls in one class).
struct ShortfallMap {
    let tables: PublicTables
    let lang: Language

    /// Per 10,000 residents, in tenths, rounded down: 132 patients of 936,846 residents -> 14 (1.4).
    static func rateTenths(_ count: Int, population: Int) -> Int { population > 0 ? count * 100_000 / population : 0 }

    static func tenthsText(_ t: Int) -> String { String(t / 10) + "." + String(t % 10) }

    func map() -> TokyoMap {
        let ms = tables.data.result.municipalities
        var shown: [(code: String, name: String, rate: ClosedRange<Int>?, count: Shown, affected: Bool)] = []
        for (i, m) in ms.enumerated() {
            let s = tables.shown(.municipality(i), .uncovered)
            let rate = s.bounds.map { ShortfallMap.rateTenths($0.lowerBound, population: m.population)...ShortfallMap.rateTenths($0.upperBound, population: m.population) }
            shown.append((m.code.description, m.name(lang), rate, s, m.tally.affected > 0))
        }
        // Classes from the figures shown exactly only, so that they give nothing hidden away (and a
        // band of a small island's 1～9, a wide range of rates, does not stretch them).
        let top = shown.filter(\.affected).compactMap { $0.count.isExact ? $0.rate?.upperBound : nil }.max() ?? 0
        let scale = TokyoMap.Scale.sequential(max: top)
        let classes = scale.ranges.enumerated().map { k, r -> MapClass in
            let label: String
            if k == 0 { label = "0" } else if r.upperBound == Int.max {
                label = L("shortfall.map.orMore", lang, ShortfallMap.tenthsText(r.lowerBound))
            } else {
                label = ShortfallMap.tenthsText(r.lowerBound) + (lang == .ja ? "～" : "–") + ShortfallMap.tenthsText(r.upperBound)
            }
            return MapClass(label, TokyoMap.sequential[k])
        }
        let areas = shown.map { a -> MapArea in
            guard a.affected else { return MapArea(code: a.code, fill: .none, tooltip: L("shortfall.map.tipNone", lang, a.name)) }
            let count = DisclosureText.count(a.count, lang)
            let rate = a.rate.map { r in r.lowerBound == r.upperBound ? ShortfallMap.tenthsText(r.lowerBound)
                : ShortfallMap.tenthsText(r.lowerBound) + (lang == .ja ? "～" : "–") + ShortfallMap.tenthsText(r.upperBound) } ?? DisclosureText.withheld
            return MapArea(code: a.code, fill: scale.fill(a.rate), tooltip: L("shortfall.map.tip", lang, a.name, count, rate))
        }
        var names: [String: String] = [:]
        for m in ms { names[m.code.description] = MapNames.short(m.name(lang)) }
        return TokyoMap(
            title: L("shortfall.map.title", lang), classes: classes,
            hiddenLabel: tables.policy.protects ? L("shortfall.map.hidden", lang) : nil, noneLabel: L("shortfall.map.none", lang),
            areas: areas, islandNames: names, islandsLabel: L("map.islands", lang))
    }
}

/// Short municipality names for map labels: the English "Chiyoda-ku / Chiyoda City" becomes
/// "Chiyoda-ku"; Japanese names are kept.
public enum MapNames {
    public static func short(_ name: String) -> String {
        guard let r = name.range(of: " / ") else { return name }
        return String(name[..<r.lowerBound])
    }
}
