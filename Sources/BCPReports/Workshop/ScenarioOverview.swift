import BCPAnalysis
import BCPModel
import BCPText

/// What participants may know before the exercise: the scenario's inputs only (the outage, the
/// data set at Tokyo level, the three tiers). Takes no simulation result, so it cannot leak one.
public enum ScenarioOverview {
    public static func blocks(_ s: Scenario, seed: UInt64, _ lang: Language, policy: DisclosurePolicy = .open) -> [Document.Block] {
        func L(_ k: String, _ a: String...) -> String { Labels.text("workshop.overview." + k, lang, args: a) }
        let g = NumberFormat.grouped
        var out: [Document.Block] = [.heading(L("heading"), level: 2)]
        var defs: [(String, String)] = [
            (L("scenario"), lang.pick(ja: s.nameJa, en: s.nameEn)),
            (L("horizon"), L("horizon.value", g(s.horizonMinutes / 60), WorkshopFormat.clock(s.horizonMinutes, lang))),
            (L("seed"), String(seed)),
        ]
        if s.synthetic { defs.append((L("data"), Labels.text("common.synthetic", lang))) }
        out.append(.definitions(defs))
        // The scenario's description is free text in one language: printed only on a page in that
        // language, so that a Japanese pack carries no English paragraph.
        if !s.description.isEmpty, writtenIn(s.description) == lang { out.append(.paragraph(s.description)) }

        out.append(.heading(L("outage"), level: 3))
        out.append(.list(s.zones.map { zone(s, $0, lang) }))
        let disruptions = s.disruptions.compactMap { disruption(s, $0, lang) }
        if !disruptions.isEmpty {
            out.append(.heading(L("disruptions"), level: 3))
            out.append(.list(disruptions))
        }

        out.append(.heading(L("dataset"), level: 3))
        var t = TextTable(headers: [L("col.item"), L("col.count")], alignments: [.left, .right])
        // Patients are counted under the disclosure policy (Tokyo-wide: small counts as a band);
        // the patients per device as every other output shows them (DeviceCounts).
        let p = { (n: Int) in DisclosureText.count(policy.count(n), lang) }
        let counts = DeviceCounts.counts(s.patients)
        let devices = DeviceCounts(counts, policy: policy)
        t.add([L("patients"), DisclosureText.count(devices.total, lang)], strong: true)
        for d in DeviceKind.allCases where counts[d] > 0 {
            t.add(["  " + Labels.text("workshop.device." + d.rawValue, lang), DisclosureText.count(devices.devices[d], lang)])
        }
        t.add([L("registered"), p(s.patients.filter(\.registeredSupportPlan).count)])
        for k in ProviderKind.allCases {
            let ps = s.providers.filter { $0.kind == k }
            if ps.isEmpty { continue }
            t.add([Labels.text("workshop.providerKind.plural." + k.rawValue, lang), g(ps.count)])
            t.add(["  " + L("noBackup"), g(ps.filter { !$0.hasBackupPower }.count)])
        }
        t.add([L("linkedGroups"), g(Set(s.providers.compactMap(\.linkedGroup)).count)])
        t.add([L("regionalBCP"), g(s.municipalities.filter(\.hasRegionalBCP).count)])
        var municipal = 0, provider = 0
        for u in s.units {
            switch u.owner {
            case .municipality: municipal += 1
            case .provider: provider += 1
            case .patient: break
            }
        }
        t.add([L("unitsMunicipal"), g(municipal)])
        t.add([L("unitsProvider"), g(provider)])
        t.add([L("teams"), g(s.municipalities.reduce(0) { $0 + $1.deliveryTeams } + s.providers.reduce(0) { $0 + max(0, $1.deliveryTeams) })])
        t.add([L("beds"), g(s.providers.reduce(0) { $0 + max(0, $1.backupBeds) })])
        out.append(.table(t, caption: nil))

        out.append(.heading(L("tiers"), level: 3))
        out.append(.definitions(WorkshopRuns.tierOrder.map { (TierText.name($0, lang), Labels.text("workshop.tier.\($0.rawValue).explain", lang)) }))
        return out
    }

    /// The language a free text is written in: Japanese if it holds kana or kanji.
    static func writtenIn(_ text: String) -> Language {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) } ? .ja : .en
    }

    static func percent(_ ppm: Int) -> String {
        let tenths = (ppm + 500) / 1000
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func places(_ s: Scenario, _ targets: [ZoneTarget], _ lang: Language) -> String {
        lang.join(targets.map { t in
            switch t {
            case .municipality(let c): return s.municipality(c).map { lang.pick(ja: $0.nameJa, en: $0.nameEn) } ?? c.description
            case .area(let a): return s.areas.first { $0.nameJa == a }.map { lang.pick(ja: $0.nameJa, en: $0.nameEn) } ?? a
            }
        })
    }

    static func zone(_ s: Scenario, _ z: OutageZone, _ lang: Language) -> String {
        let where_ = places(s, z.targets, lang)
        switch z.shape {
        case .restoration(let curve):
            let pts = curve.points.map { Labels.text("workshop.overview.point", lang, NumberFormat.hours($0.minute), percent($0.restoredPPM)) }
            return Labels.text("workshop.overview.zone.restoration", lang, where_, WorkshopFormat.clock(z.startMinute, lang), lang.join(pts))
        case .rolling(let r):
            let first = r.blocks.map(\.startMinute).min() ?? 0
            let hours = r.blocks.first.map { NumberFormat.hours($0.durationMinutes) } ?? "0.0"
            return Labels.text("workshop.overview.zone.rolling", lang, where_, WorkshopFormat.clock(z.startMinute + first, lang),
                               NumberFormat.grouped(r.groups), NumberFormat.grouped(r.blocks.count), hours)
        }
    }

    static func disruption(_ s: Scenario, _ d: Disruption, _ lang: Language) -> String? {
        func until(_ u: Int?) -> String { u.map { WorkshopFormat.clock($0, lang) } ?? Labels.text("workshop.untilEnd", lang) }
        switch d {
        case .providerOut(let id, let from, let to):
            guard let p = s.providers.first(where: { $0.id == id }), let m = s.municipality(p.municipality) else { return nil }
            return Labels.text("workshop.overview.providerOut", lang,
                               Labels.text("workshop.providerKind.one." + p.kind.rawValue, lang),
                               lang.pick(ja: m.nameJa, en: m.nameEn), WorkshopFormat.clock(from, lang), until(to))
        case .travelSlowed(let targets, let pct, let from, let to):
            return Labels.text("workshop.overview.travel", lang, places(s, targets, lang), String(pct), WorkshopFormat.clock(from, lang), until(to))
        }
    }
}
