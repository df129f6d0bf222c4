import BCPAnalysis
import BCPText

/// The summary's map: patients left without power per 10,000 residents, by municipality, under
/// the disclosure policy (a banded count is coloured only when its whole band falls in one class).
struct ShortfallMap {
    let tables: PublicTables
    let lang: Language

    /// Per 10,000 residents, in hundredths, rounded half up, and never 0 for a count above 0 (a
    /// municipality with people left without power is never drawn in the "0" colour): 132
    /// patients of 936,846 residents -> 141 (1.41); 3 of 943,664 -> 3 (0.03); 1 of 10,000,000 -> 1.
    static func rateHundredths(_ count: Int, population: Int) -> Int {
        guard population > 0, count > 0 else { return 0 }
        return max(1, (count * 1_000_000 + population / 2) / population)
    }

    static func hundredthsText(_ t: Int) -> String { String(t / 100) + "." + (t % 100 < 10 ? "0" : "") + String(t % 100) }

    /// "a～b", or "a" when the range is one value.
    static func rangeText(_ r: ClosedRange<Int>, _ lang: Language) -> String {
        r.lowerBound == r.upperBound ? hundredthsText(r.lowerBound)
            : hundredthsText(r.lowerBound) + (lang == .ja ? "～" : "–") + hundredthsText(r.upperBound)
    }

    func map() -> TokyoMap {
        let ms = tables.data.result.municipalities
        var shown: [(code: String, name: String, rate: ClosedRange<Int>?, count: Shown, affected: Bool)] = []
        for (i, m) in ms.enumerated() {
            let s = tables.shown(.municipality(i), .uncovered)
            let rate = s.bounds.map {
                ShortfallMap.rateHundredths($0.lowerBound, population: m.population)...ShortfallMap.rateHundredths($0.upperBound, population: m.population)
            }
            shown.append((m.code.description, m.name(lang), rate, s, m.tally.affected > 0))
        }
        // Classes from the figures shown exactly only, so that they give nothing hidden away (and a
        // band of a small island's 1～9, a wide range of rates, does not stretch them).
        // The mainland sets the scale: an island of a few thousand residents with one patient has
        // a rate ten times any ward's and would put every ward in the first class (a second trial:
        // Edogawa's 13 looked like Adachi's 1). The islands then fall in the open top class.
        let islands = Set(TokyoMapShapes.islands.map(\.code))
        let mainland = shown.filter { $0.affected && !islands.contains($0.code) }.compactMap { $0.count.isExact ? $0.rate?.upperBound : nil }.max()
        let top = mainland ?? shown.filter(\.affected).compactMap { $0.count.isExact ? $0.rate?.upperBound : nil }.max() ?? 0
        let scale = TokyoMap.Scale.sequential(max: top)
        let classes = scale.ranges.enumerated().map { k, r -> MapClass in
            let label: String
            if k == 0 { label = "0" } else if r.upperBound == Int.max {
                label = L("shortfall.map.orMore", lang, ShortfallMap.hundredthsText(r.lowerBound))
            } else {
                label = ShortfallMap.rangeText(r, lang)
            }
            return MapClass(label, TokyoMap.sequential[k])
        }
        let areas = shown.map { a -> MapArea in
            guard a.affected else { return MapArea(code: a.code, fill: .none, tooltip: L("shortfall.map.tipNone", lang, a.name)) }
            let count = DisclosureText.count(a.count, lang)
            let rate = a.rate.map { ShortfallMap.rangeText($0, lang) } ?? DisclosureText.withheld
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
