import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// A place named in an event (municipality or secondary area), in both languages.
public struct Place: Sendable, Equatable {
    public var ja: String
    public var en: String
    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }
    public func name(_ lang: Language) -> String { lang == .ja ? ja : en }
}

/// The figures an inject quotes, each under its own name (which kinds of event carry which is
/// said per field).
public struct EventFigures: Sendable, Equatable {
    /// outageStart: the zone is a rolling blackout.
    public var rolling = false
    /// providersLosePower: providers without backup power in the zone, by kind.
    public var providersByKind = PerCase<ProviderKind, Int>(repeating: 0)
    /// providerOut: the kind of the provider out of action.
    public var providerKind: ProviderKind? = nil
    /// providerOut, travelSlowed: until this minute (nil: the rest of the run).
    public var until: Int? = nil
    /// travelSlowed: travel takes this percentage of normal time.
    public var percent = 0
    /// stockUsedUp: units in the stock; bedsFull: beds in the area.
    public var resources = 0
    /// restoredHalf, restoredMost, restoredAll, endex: patients with the grid off at that hour.
    public var gridOff = 0
    /// restoredHalf, restoredMost, restoredAll: patients with the grid off at the peak.
    public var peakGridOff = 0
    /// endex: patients without power at the end.
    public var withoutPower = 0

    public init() {}
}

/// A moment of a run worth an exercise inject, language-independent. No patient or provider id:
/// places are municipalities or secondary areas, and figures are counts of units, beds,
/// providers or patients at Tokyo level.
public struct TimelineEvent: Sendable, Equatable {
    /// In the order injects of the same minute are listed.
    public enum Kind: String, Sendable, CaseIterable {
        case outageStart, providersLosePower, providerOut, travelSlowed, underSixHours, providerCall,
            linkedTakeover, municipalConfirmation, selfCall, firstUnit, firstWithoutPower, firstBed,
            stockUsedUp, bedsFull, restoredHalf, restoredMost, restoredAll, endex

        var order: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public var minute: Int
    public var kind: Kind
    public var places: [Place] = []
    public var figures = EventFigures()
    /// The minute is the earliest it can have been (see docs/WORKSHOP.md): the simulator reports
    /// the first help a patient got, not the arrival of a second unit.
    public var approximate = false

    public init(minute: Int, kind: Kind, places: [Place] = [], figures: EventFigures = EventFigures(), approximate: Bool = false) {
        self.minute = minute
        self.kind = kind
        self.places = places
        self.figures = figures
        self.approximate = approximate
    }
}

/// Derives the events of one run from the scenario and the result. Rules: docs/WORKSHOP.md,
/// "How injects are derived".
public enum TimelineEvents {
    /// Reserve below which the "under 6 hours" inject fires.
    public static let lowReserveMinutes = 360

    public static func derive(_ s: Scenario, _ r: SimulationResult) -> [TimelineEvent] {
        var out: [TimelineEvent] = []
        // The first English name of each Japanese area (the loader refuses a scenario whose names
        // disagree; one built in code may still hold two, and must not trap here).
        let areaOf: [String: Place] = Dictionary(
            s.areas.map { ($0.nameJa, Place(ja: $0.nameJa, en: $0.nameEn)) }, uniquingKeysWith: { first, _ in first })
        func muniPlace(_ c: MunicipalityCode) -> Place {
            s.municipality(c).map { Place(ja: $0.nameJa, en: $0.nameEn) } ?? Place(ja: c.description, en: c.description)
        }
        func targets(_ ts: [ZoneTarget]) -> [Place] {
            ts.map { t in
                switch t {
                case .municipality(let c): return muniPlace(c)
                case .area(let a): return areaOf[a] ?? Place(ja: a, en: a)
                }
            }
        }
        func covered(_ ts: [ZoneTarget], _ c: MunicipalityCode) -> Bool {
            guard let m = s.municipality(c) else { return false }
            return ts.covers(code: c, areaJa: m.area.nameJa)
        }

        // The outage and the providers it puts out of action.
        for z in s.zones {
            var start = z.startMinute
            if case .rolling(let sch) = z.shape, let first = sch.blocks.map(\.startMinute).min() { start += first }
            guard start < r.horizonMinutes else { continue }
            var f = EventFigures()
            if case .rolling = z.shape { f.rolling = true }
            out.append(TimelineEvent(minute: start, kind: .outageStart, places: targets(z.targets), figures: f))
            let dark = s.providers.filter { !$0.hasBackupPower && covered(z.targets, $0.municipality) }
            if !dark.isEmpty {
                var d = EventFigures()
                for p in dark { d.providersByKind[p.kind] += 1 }
                out.append(TimelineEvent(minute: start, kind: .providersLosePower, places: targets(z.targets), figures: d))
            }
        }
        for d in s.disruptions {
            switch d {
            case .providerOut(let id, let from, let until):
                guard let p = s.providers.first(where: { $0.id == id }), from < r.horizonMinutes else { continue }
                var f = EventFigures()
                f.providerKind = p.kind
                f.until = until
                out.append(TimelineEvent(minute: max(0, from), kind: .providerOut, places: [muniPlace(p.municipality)], figures: f))
            case .travelSlowed(let ts, let pct, let from, let until):
                guard from < r.horizonMinutes else { continue }
                var f = EventFigures()
                f.percent = pct
                f.until = until
                out.append(TimelineEvent(minute: max(0, from), kind: .travelSlowed, places: targets(ts), figures: f))
            }
        }

        // Patients: the first of each kind of moment, placed by secondary area.
        func first(_ kind: TimelineEvent.Kind, _ time: (PatientOutcome) -> Int?) {
            var best: (Int, String)? = nil
            for p in r.patients {
                guard let t = time(p), t < r.horizonMinutes else { continue }
                if best == nil || t < best!.0 || (t == best!.0 && p.area.utf8.lexicographicallyPrecedes(best!.1.utf8)) { best = (t, p.area) }
            }
            if let (t, a) = best { out.append(TimelineEvent(minute: t, kind: kind, places: [areaOf[a] ?? Place(ja: a, en: a)])) }
        }
        first(.underSixHours) { p in
            guard let d = p.depletionMinute, let s0 = p.firstOutageMinute else { return nil }
            return max(s0, d - lowReserveMinutes)
        }
        for (kind, channel) in [(TimelineEvent.Kind.providerCall, DetectionChannel.providerCall), (.linkedTakeover, .linkedPartner),
                                (.municipalConfirmation, .municipalConfirmation), (.selfCall, .selfCall)] {
            first(kind) { $0.detectionChannel == channel ? $0.detectionMinute : nil }
        }
        first(.firstUnit) { $0.unitIds.isEmpty || $0.bedProviderId != nil ? nil : $0.firstHelpMinute }
        // The first hour with minutes without power; within it, no earlier than the first depletion
        // of an uncovered patient (a gap starts at a depletion).
        if let h = r.timeline.first(where: { $0.gapMinutes > 0 }) {
            let d = r.patients.filter { $0.outcome == .uncovered }.compactMap(\.depletionMinute).min() ?? 0
            out.append(TimelineEvent(minute: max(h.hour * 60, min(d, h.hour * 60 + 59)), kind: .firstWithoutPower))
        }

        // Beds.
        var hospitalMuni: [String: MunicipalityCode] = [:]
        for p in s.providers { hospitalMuni[p.id] = p.municipality }
        let bedded = r.patients.filter { $0.bedProviderId != nil && $0.firstHelpMinute != nil }
        if let b = bedded.min(by: { ($0.firstHelpMinute!, $0.area) < ($1.firstHelpMinute!, $1.area) }),
           let c = hospitalMuni[b.bedProviderId!]
        {
            out.append(TimelineEvent(minute: b.firstHelpMinute!, kind: .firstBed, places: [muniPlace(c)], approximate: !b.unitIds.isEmpty))
        }
        for a in r.areas where a.resources.bedsHeld > 0 && a.resources.bedsUsed >= a.resources.bedsHeld {
            let here = bedded.filter { p in hospitalMuni[p.bedProviderId!].flatMap { s.municipality($0) }?.area.nameJa == a.nameJa }
            guard let last = here.map({ $0.firstHelpMinute! }).max() else { continue }
            var f = EventFigures()
            f.resources = a.resources.bedsHeld
            out.append(TimelineEvent(
                minute: last, kind: .bedsFull, places: [Place(ja: a.nameJa, en: a.nameEn)], figures: f,
                approximate: here.contains { !$0.unitIds.isEmpty }))
        }

        // Municipal stocks used up: every unit of the stock delivered.
        var stockOf: [MunicipalityCode: Set<String>] = [:]
        for u in s.units { if case .municipality(let c) = u.owner { stockOf[c, default: []].insert(u.id) } }
        for m in s.municipalities {
            guard let stock = stockOf[m.code], !stock.isEmpty else { continue }
            var seen = 0, last = -1, approx = false
            for p in r.patients {
                for (k, u) in p.unitIds.enumerated() where stock.contains(u) {
                    seen += 1
                    if let t = p.firstHelpMinute { last = max(last, t) }
                    if k > 0 || p.bedProviderId != nil { approx = true }
                }
            }
            if seen >= stock.count && last >= 0 {
                var f = EventFigures()
                f.resources = stock.count
                out.append(TimelineEvent(minute: last, kind: .stockUsedUp, places: [muniPlace(m.code)], figures: f, approximate: approx))
            }
        }

        // Restoration, counted in patients whose grid is off (the timeline's hour points).
        if let peak = r.timeline.max(by: { $0.gridOff < $1.gridOff }), peak.gridOff > 0 {
            let peakAt = r.timeline.firstIndex { $0.gridOff == peak.gridOff }!
            let after = r.timeline[peakAt...]
            for (kind, ok) in [(TimelineEvent.Kind.restoredHalf, { (n: Int) in 2 * n <= peak.gridOff }),
                               (.restoredMost, { (n: Int) in 10 * n <= peak.gridOff }), (.restoredAll, { (n: Int) in n == 0 })] {
                if let h = after.first(where: { ok($0.gridOff) }) {
                    var f = EventFigures()
                    f.gridOff = h.gridOff
                    f.peakGridOff = peak.gridOff
                    out.append(TimelineEvent(minute: h.hour * 60, kind: kind, figures: f))
                }
            }
        }
        if let last = r.timeline.last {
            var f = EventFigures()
            f.gridOff = last.gridOff
            f.withoutPower = last.withoutPower
            out.append(TimelineEvent(minute: r.horizonMinutes, kind: .endex, figures: f))
        }
        return out.sorted { a, b in
            if a.minute != b.minute { return a.minute < b.minute }
            if a.kind.order != b.kind.order { return a.kind.order < b.kind.order }
            return (a.places.first?.ja ?? "").utf8.lexicographicallyPrecedes((b.places.first?.ja ?? "").utf8)
        }
    }
}
