import BCPEngine
import BCPModel

/// The deterministic outage simulator. Rules: docs/MODEL.md.
public enum Simulator {
    /// Runs `scenario` once. `seed` replaces the scenario's seed; `tier` plays everyone at one tier.
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, tier: TierOverride = .asConfigured)
        -> SimulationResult
    {
        run(scenario, seed: seed, tier: tier, uniform: nil)
    }

    /// Test hook: `uniform(zoneId, key)` replaces the stable hash draw (key is [patientId],
    /// ["provider", providerId] or [choice, patientId] under the zone id "self-help"); values in
    /// 0..<1,000,000. Public to the test support module only (`@_spi(Testing)`), so that a release
    /// build of every target works. `lookAtEveryone` turns off waiting in the dispatcher (every
    /// needy patient is looked at every round), the rule that DispatchList.swift claims to follow
    /// with less work; tests compare the two.
    @_spi(Testing) public static func run(
        _ scenario: Scenario, seed: UInt64?, tier: TierOverride, uniform: ((String, [String]) -> Int)?,
        lookAtEveryone: Bool = false
    ) -> SimulationResult {
        let s = tier.apply(to: scenario)
        let seed = seed ?? scenario.seed
        var state = SimulationRun(Prepared(s, seed: seed, uniform: uniform))
        state.list.lookAtEveryone = lookAtEveryone
        state.run()
        return state.result(seed: seed, tier: tier)
    }

    /// A scenario under a tier, ready to run with many seeds. The tier override is applied once;
    /// each run prepares its own seed-dependent state.
    public struct Plan: Sendable {
        public let scenario: Scenario
        public let tier: TierOverride
        /// Prepared once (under the scenario's seed); each run reseeds it.
        let base: Prepared

        public init(_ scenario: Scenario, tier: TierOverride = .asConfigured) {
            self.scenario = scenario
            self.tier = tier
            base = Prepared(tier.apply(to: scenario), seed: scenario.seed, uniform: nil)
        }

        /// The full result, the same as `Simulator.run(scenario, seed:, tier:)`.
        public func run(seed: UInt64) -> SimulationResult {
            var state = SimulationRun(base.reseeded(seed))
            state.run()
            return state.result(seed: seed, tier: tier)
        }

        /// Only what an ensemble keeps of a replica, without building every patient's outcome.
        public func summary(seed: UInt64) -> ReplicaSummary {
            var state = SimulationRun(base.reseeded(seed))
            state.run()
            return state.summary()
        }

        /// Each municipality's tally (by code), for incremental reruns (Coupling.swift).
        public func municipalityTallies(seed: UInt64) -> [Tally] {
            var state = SimulationRun(base.reseeded(seed))
            state.run()
            return state.municipalityTallies()
        }

        /// Runs once and reports the work done: events through the queue and dispatch looks.
        public func measure(seed: UInt64) -> (result: ReplicaSummary, events: Int, looks: Int) {
            var state = SimulationRun(base.reseeded(seed))
            state.run()
            return (state.summary(), Int(state.queue.nextSequence), state.looks)
        }
    }
}

/// Events of the loop; small values, no closures. Patient, provider, unit and channel numbers are
/// indices; `gen` is the patient's power generation when the event was scheduled (an event whose
/// generation has moved on is stale: the patient's reserve changed since).
enum Event {
    case episodeEnd(patient: Int32)
    case unitArrival(patient: Int32, unit: Int32)
    case cylinderArrival(patient: Int32)
    case carReady(patient: Int32, episode: Int32)
    case rechargeBack(patient: Int32, episode: Int32)
    case hospitalArrival(patient: Int32)
    case discharge(patient: Int32)
    case unitHome(unit: Int32)
    case unitReady(unit: Int32)
    case providerOut(Int32)
    case providerBack(Int32)
    case siteChange(Int32)
    case episodeStart(patient: Int32, episode: Int32)
    case scheduledAdmission(patient: Int32, episode: Int32)
    case lowReserve(patient: Int32, gen: UInt32)
    case depletion(patient: Int32, gen: UInt32)
    case symptomatic(patient: Int32, gen: UInt32)
    case arrangeAdmission(patient: Int32, gen: UInt32)
    case redispatch
    case eligible(channel: Int32, patient: Int32, episode: Int32, kind: DetectionChannel)
    case takeover(patient: Int32, episode: Int32)
    case contactDone(channel: Int32, patient: Int32, episode: Int32, kind: DetectionChannel)
    case selfCall(patient: Int32, episode: Int32)

    /// Order within a minute: restorations, then arrivals of power and people, units and providers
    /// changing, new outages, households acting, then detection. Dispatch runs after all events of
    /// a minute.
    var priority: Int {
        switch self {
        case .episodeEnd: return 0
        case .unitArrival, .cylinderArrival, .carReady, .rechargeBack, .hospitalArrival: return 1
        case .discharge, .unitHome, .unitReady, .providerOut, .providerBack, .siteChange: return 2
        case .episodeStart, .scheduledAdmission: return 3
        case .lowReserve: return 4
        case .depletion, .symptomatic, .arrangeAdmission: return 5
        case .redispatch: return 6
        case .eligible, .takeover: return 7
        case .contactDone: return 8
        case .selfCall: return 9
        }
    }
}

/// Where the patient is: at home, on the way to hospital (the device still runs on the home
/// reserve), or admitted.
enum Place: UInt8 {
    case home, travelling, hospital
}

/// Mutable state of one run. The rules live in extensions by subject: Household.swift (power at
/// home, self-help, gaps, harm), Detection.swift (who learns of a patient), Dispatch.swift (units
/// and cylinders), Admission.swift (hospital).
struct SimulationRun {
    let pr: Prepared
    var queue = EventQueue<Event>()

    // Per patient: the outage and the home reserve.
    var current: [Int]           // current episode index, -1 when the grid is on
    var place: [Place]
    /// The use-count (UseClock.used) at which the home reserve runs out; its wall minute.
    var depleteUse: [Int]
    var depletion: [Int]         // Int.max when nothing runs out (grid on, admitted)
    var powerGen: [UInt32]
    var gapStart: [Int]          // -1 when not in a gap
    var selfHelpDone: [Bool]     // the household's own plan acted in this episode
    var carUsed: [Bool]
    var rechargedAny: [Bool]
    var episodeStartUse: [Int]   // used() at the episode's start (to tell batteries from other power)

    // Per patient: detection.
    var known: [Bool]
    var detectionMinute: [Int]
    var detectionChannel: [DetectionChannel?]
    var supplierContact: [Int]   // -1
    /// Patients of a provider that was out of action when they needed a partner, waiting for one.
    var awaitingPartner: [[Int]]

    // Per patient: help.
    var enRoute: [Bool]          // a unit or cylinders are on the way
    var lentUnits: [[Int32]]     // units at the patient's home, to return
    var delivered: [[Int32]]
    var cylinderDeliveries: [Int]
    var firstHelp: [Int]         // Int.max
    var admission: [AdmissionRoute?]
    var admissionMinute: [Int]   // -1
    var bed: [Int]               // hospital (provider index) whose bed the patient holds now, -1
    var hospitalOf: [Int]        // hospital the patient was admitted to (with a bed), -1
    var flags: [ShortfallFlags]

    // Per patient: outcomes.
    var gap: [Int]
    var bridgeUsed: [Int]
    var beyond: [Int]
    var otherPowerUsed: [Bool]
    var firstDepletion: [Int]    // -1
    var gapSpans: [Interval] = []

    // Detection channels: provider i is channel i, municipality m is channel providers + m.
    var channels: [Channel]
    var dirtyChannels: [Int] = []
    var channelDirty: [Bool]
    var eligibleCount = 0

    // Resources.
    var stock: [[Int]]           // units available per depot, by id
    var unitState: [UnitState]
    /// Returned batteries waiting, discharged, at a provider site without power.
    var waitingForPower: [Int] = []
    var teamFree: [[Int]]        // minute each team is free, a min-heap per depot (earliestTeam)
    var cylindersLeft: [Int]     // per provider (suppliers)
    var bedsLeft: [Int]          // per provider (hospitals)
    var overCapacity: [Int]      // admissions beyond a hospital's beds
    var bedsTaken: [Int]         // admissions into a hospital's beds in all
    var unitsLent: [Int]
    var trips: [Int]

    // Dispatch.
    var list: DispatchList
    var dispatchDirty = false
    var redispatchAt = Set<Int>()

    /// Calls of `decide` (for bench: the dispatcher's work).
    var looks = 0

    init(_ pr: Prepared) {
        self.pr = pr
        let n = pr.pats.count
        current = .init(repeating: -1, count: n)
        place = .init(repeating: .home, count: n)
        depleteUse = .init(repeating: 0, count: n)
        depletion = .init(repeating: Int.max, count: n)
        powerGen = .init(repeating: 0, count: n)
        gapStart = .init(repeating: -1, count: n)
        selfHelpDone = .init(repeating: false, count: n)
        carUsed = .init(repeating: false, count: n)
        rechargedAny = .init(repeating: false, count: n)
        episodeStartUse = .init(repeating: 0, count: n)
        known = .init(repeating: false, count: n)
        detectionMinute = .init(repeating: -1, count: n)
        detectionChannel = .init(repeating: nil, count: n)
        supplierContact = .init(repeating: -1, count: n)
        awaitingPartner = .init(repeating: [], count: pr.provs.count)
        enRoute = .init(repeating: false, count: n)
        lentUnits = .init(repeating: [], count: n)
        delivered = .init(repeating: [], count: n)
        cylinderDeliveries = .init(repeating: 0, count: n)
        firstHelp = .init(repeating: Int.max, count: n)
        admission = .init(repeating: nil, count: n)
        admissionMinute = .init(repeating: -1, count: n)
        bed = .init(repeating: -1, count: n)
        hospitalOf = .init(repeating: -1, count: n)
        flags = .init(repeating: [], count: n)
        gap = .init(repeating: 0, count: n)
        bridgeUsed = .init(repeating: 0, count: n)
        beyond = .init(repeating: 0, count: n)
        otherPowerUsed = .init(repeating: false, count: n)
        firstDepletion = .init(repeating: -1, count: n)
        channels = pr.provs.map { Channel(perHour: $0.contactsPerHour, provider: true) }
            + pr.munis.map { Channel(perHour: $0.contactsPerHour, provider: false) }
        channelDirty = .init(repeating: false, count: channels.count)
        stock = pr.depotUnits
        unitState = .init(repeating: UnitState(), count: pr.units.count)
        teamFree = pr.depotTeams.map { [Int](repeating: 0, count: $0) }
        cylindersLeft = pr.provs.map { $0.kind == .supplier ? $0.cylinders : 0 }
        bedsLeft = pr.provs.map { max(0, $0.backupBeds) }
        overCapacity = .init(repeating: 0, count: pr.provs.count)
        bedsTaken = .init(repeating: 0, count: pr.provs.count)
        unitsLent = .init(repeating: 0, count: pr.depotTeams.count)
        trips = .init(repeating: 0, count: pr.depotTeams.count)
        list = DispatchList(patients: n, depots: pr.depotTeams.count, areas: pr.areas.count, horizon: pr.horizon)
    }

    mutating func schedule(_ minute: Int, _ e: Event) {
        queue.push(minute: minute, priority: e.priority, e)
    }

    mutating func run() {
        queue.reserveCapacity(pr.episodes.count * 4 + 16)
        let lead = pr.params.plannedAdmissionDelayMinutes + pr.params.transferMinutes
        for i in pr.pats.indices {
            for k in pr.epOffset[i]..<pr.epOffset[i + 1] {
                let e = pr.episodes[k]
                schedule(e.start, .episodeStart(patient: Int32(i), episode: Int32(k)))
                // An announced block lets the provider arrange an admission ahead of it.
                if e.scheduled { schedule(max(0, e.start - lead), .scheduledAdmission(patient: Int32(i), episode: Int32(k))) }
            }
        }
        for (i, spans) in pr.provOut.enumerated() {
            for d in spans {
                schedule(d.start, .providerOut(Int32(i)))
                schedule(d.end, .providerBack(Int32(i)))
            }
        }
        for (i, spans) in pr.provDark.enumerated() {
            for d in spans {
                schedule(d.start, .siteChange(Int32(i)))
                schedule(d.end, .siteChange(Int32(i)))
            }
        }
        while true {
            // The next minute with an event, or with a waiting patient to look at again.
            let next = min(queue.peek()?.minute ?? Int.max, list.wakes.nextMinute() ?? Int.max)
            if next == Int.max || next >= pr.horizon { break }
            let now = next
            while let e = queue.peek(), e.minute == now {
                _ = queue.pop()
                handle(e.payload, now)
            }
            kickChannels(now)
            if list.wakes.nextMinute() == now { dispatchDirty = true }
            if dispatchDirty {
                dispatchDirty = false
                dispatch(now)
            }
        }
        // Close the gaps of patients still without power at the horizon.
        for i in pr.pats.indices where current[i] >= 0 { closeGap(i, pr.horizon) }
    }

    mutating func handle(_ e: Event, _ now: Int) {
        switch e {
        case .episodeEnd(let p): endEpisode(Int(p), now)
        case .unitArrival(let p, let u): unitArrived(Int(p), Int(u), now)
        case .cylinderArrival(let p): cylindersArrived(Int(p), now)
        case .carReady(let p, let k): carReady(Int(p), Int(k), now)
        case .rechargeBack(let p, let k): rechargeBack(Int(p), Int(k), now)
        case .hospitalArrival(let p): arriveAtHospital(Int(p), now)
        case .discharge(let p): discharge(Int(p), now)
        case .unitHome(let u): unitHome(Int(u), now)
        case .unitReady(let u): unitReady(Int(u), now)
        case .providerOut(let i): providerOut(Int(i), now)
        case .providerBack(let i): providerBack(Int(i), now)
        case .siteChange(let i): siteChange(Int(i), now)
        case .episodeStart(let p, let k): startEpisode(Int(p), Int(k), now)
        case .scheduledAdmission(let p, let k): scheduledAdmission(Int(p), Int(k), now)
        case .lowReserve(let p, let g): if powerGen[Int(p)] == g { lowReserve(Int(p), now) }
        case .depletion(let p, let g): if powerGen[Int(p)] == g { depleted(Int(p), now) }
        case .symptomatic(let p, let g): if powerGen[Int(p)] == g { symptomatic(Int(p), now) }
        case .arrangeAdmission(let p, let g): if powerGen[Int(p)] == g { arrangedAdmission(Int(p), now) }
        case .redispatch:
            redispatchAt.remove(now)
            dispatchDirty = true
        case .eligible(let c, let p, let k, let kind): makeEligible(Int(c), Int(p), Int(k), kind)
        case .takeover(let p, let k): takeover(Int(p), Int(k), now)
        case .contactDone(let c, let p, let k, let kind): contactDone(Int(c), Int(p), Int(k), kind, now)
        case .selfCall(let p, let k): selfCall(Int(p), Int(k), now)
        }
    }

    @inline(__always)
    func episodeEnd(_ i: Int) -> Int { current[i] >= 0 ? pr.episodes[current[i]].end : Int.min }

    /// Asks for a dispatch round at `t` (once per minute).
    mutating func redispatch(at t: Int) {
        guard t < pr.horizon, !redispatchAt.contains(t) else { return }
        redispatchAt.insert(t)
        schedule(t, .redispatch)
    }
}
