import BCPAnalysis
import BCPModel
import BCPSimulator
import BCPText

/// HSEEP inject types.
public enum InjectType: String, Sendable, CaseIterable {
    /// Sets the scene; no particular response expected.
    case contextual
    /// What the simulation says follows from the players' (simulated) actions; the controller
    /// uses it to check or steer play.
    case contingent
    /// Prompts a particular action from the players.
    case expectedAction = "expected-action"
}

/// Who sends or receives an inject.
public enum InjectRole: String, Sendable, CaseIterable {
    case control, powerCompany, family, provider, partner, municipality, hospital, players
}

/// One row of the master scenario events list, in the HSEEP columns.
public struct MSELRow: Sendable, Equatable {
    public var number: Int
    public var minute: Int
    public var time: String
    public var type: InjectType
    public var from: String
    public var to: String
    public var message: String
    public var expectedAction: String
    public var objective: String
    /// The time is the earliest it can have been ("以降" / "at the earliest").
    public var approximate = false
}

/// The exercise objectives the injects test (numbered O1...O5).
public enum WorkshopObjective: Int, Sendable, CaseIterable {
    case awareness = 1, providerContinuity, mutualBackup, resources, regional

    public func text(_ lang: Language) -> String { Labels.text("workshop.objective.\(rawValue)", lang) }
    public func short(_ lang: Language) -> String { "O\(rawValue) " + Labels.text("workshop.objective.\(rawValue).short", lang) }
}

/// Builds the MSEL from the events of a run.
public enum MSEL {
    struct Spec {
        var type: InjectType
        var from: InjectRole
        var to: [InjectRole]
        var objectives: [WorkshopObjective]
    }

    static func spec(_ k: TimelineEvent.Kind) -> Spec {
        switch k {
        case .outageStart: return Spec(type: .contextual, from: .powerCompany, to: [.players], objectives: [.awareness])
        case .providersLosePower: return Spec(type: .expectedAction, from: .provider, to: [.partner, .municipality], objectives: [.providerContinuity, .mutualBackup])
        case .providerOut: return Spec(type: .expectedAction, from: .control, to: [.partner], objectives: [.mutualBackup])
        case .travelSlowed: return Spec(type: .contextual, from: .control, to: [.players], objectives: [.resources])
        case .underSixHours: return Spec(type: .expectedAction, from: .family, to: [.provider], objectives: [.awareness, .resources])
        case .providerCall: return Spec(type: .contingent, from: .control, to: [.provider], objectives: [.providerContinuity])
        case .linkedTakeover: return Spec(type: .contingent, from: .control, to: [.partner], objectives: [.mutualBackup])
        case .municipalConfirmation: return Spec(type: .contingent, from: .control, to: [.municipality], objectives: [.regional])
        case .selfCall: return Spec(type: .expectedAction, from: .family, to: [.provider, .municipality], objectives: [.awareness])
        case .firstUnit: return Spec(type: .contingent, from: .control, to: [.players], objectives: [.resources])
        case .firstWithoutPower: return Spec(type: .expectedAction, from: .family, to: [.municipality], objectives: [.resources])
        case .firstBed: return Spec(type: .contingent, from: .hospital, to: [.municipality], objectives: [.resources])
        case .stockUsedUp: return Spec(type: .expectedAction, from: .municipality, to: [.players], objectives: [.resources, .regional])
        case .bedsFull: return Spec(type: .expectedAction, from: .hospital, to: [.municipality], objectives: [.resources, .regional])
        case .restoredHalf, .restoredMost, .restoredAll: return Spec(type: .contextual, from: .powerCompany, to: [.players], objectives: [.awareness])
        case .endex: return Spec(type: .contextual, from: .control, to: [.players], objectives: [.awareness])
        }
    }

    /// Injects of these kinds at the same minute are one inject with a count (12 areas whose beds
    /// fill at 02:30 are one "beds full in 12 areas" inject, not 12).
    static let mergeable: [TimelineEvent.Kind] = [.stockUsedUp, .bedsFull]

    /// The events with repeated injects merged: consecutive events of a mergeable kind at the same
    /// minute become one, with every place and the resources summed; `count` is how many.
    public static func merged(_ events: [TimelineEvent]) -> [(event: TimelineEvent, count: Int)] {
        var out: [(event: TimelineEvent, count: Int)] = []
        for e in events {
            if let last = out.last, mergeable.contains(e.kind), last.event.kind == e.kind, last.event.minute == e.minute {
                var m = last.event
                m.places += e.places
                m.figures.resources += e.figures.resources
                m.approximate = m.approximate || e.approximate
                out[out.count - 1] = (m, last.count + 1)
            } else {
                out.append((e, 1))
            }
        }
        return out
    }

    /// The MSEL rows; counts of patients are shown under `policy` (they are Tokyo-wide).
    public static func rows(_ events: [TimelineEvent], _ lang: Language, policy: DisclosurePolicy = .open) -> [MSELRow] {
        merged(events).enumerated().map { i, m in
            let e = m.event
            let sp = spec(e.kind)
            var time = WorkshopFormat.clock(e.minute, lang)
            if e.approximate { time = Labels.text("workshop.time.approx", lang, time) }
            return MSELRow(
                number: i + 1, minute: e.minute, time: time, type: sp.type,
                from: Labels.text("workshop.role." + sp.from.rawValue, lang),
                to: lang.join(sp.to.map { Labels.text("workshop.role." + $0.rawValue, lang) }),
                message: message(e, count: m.count, lang, policy),
                expectedAction: Labels.text("workshop.inject.\(e.kind.rawValue).action", lang),
                objective: lang.join(sp.objectives.map { $0.short(lang) }), approximate: e.approximate)
        }
    }

    static func message(_ e: TimelineEvent, count: Int = 1, _ lang: Language, _ policy: DisclosurePolicy = .open) -> String {
        let places = lang.join(e.places.map { $0.name(lang) })
        let key = "workshop.inject.\(e.kind.rawValue).message"
        let f = e.figures, g = NumberFormat.grouped
        let patients = { (n: Int) in DisclosureText.count(policy.count(n), lang) }
        let until = f.until.map { WorkshopFormat.clock($0, lang) } ?? Labels.text("workshop.untilEnd", lang)
        switch e.kind {
        case .outageStart:
            return Labels.text(f.rolling ? "workshop.inject.outageStart.rolling" : key, lang, places)
        case .providersLosePower:
            let kinds = f.providersByKind.pairs.compactMap { k, n -> String? in
                n > 0 ? Labels.text("workshop.providerKind." + k.rawValue, lang, g(n)) : nil
            }
            return Labels.text(key, lang, places, g(f.providersByKind.total), lang.join(kinds))
        case .providerOut:
            let kind = Labels.text("workshop.providerKind.one." + (f.providerKind ?? .clinic).rawValue, lang)
            return Labels.text(key, lang, places, kind, until)
        case .travelSlowed:
            return Labels.text(key, lang, places, g(f.percent), until)
        case .restoredHalf, .restoredMost, .restoredAll:
            return Labels.text(key, lang, places, patients(f.gridOff), patients(f.peakGridOff))
        case .endex:
            return Labels.text(key, lang, places, patients(f.gridOff), patients(f.withoutPower))
        case .stockUsedUp, .bedsFull:
            if count > 1 { return Labels.text("workshop.inject.\(e.kind.rawValue).many", lang, places, g(f.resources), g(count)) }
            return Labels.text(key, lang, places, g(f.resources))
        default:
            return Labels.text(key, lang, places)
        }
    }
}
