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

    /// Test hook: `uniform(zoneId, key)` replaces the stable hash draw (key is [patientId] or
    /// ["provider", providerId]); values in 0..<1,000,000.
    static func run(
        _ scenario: Scenario, seed: UInt64?, tier: TierOverride, uniform: ((String, [String]) -> Int)?
    ) -> SimulationResult {
        let s = tier.apply(to: scenario)
        let seed = seed ?? scenario.seed
        var state = SimulationRun(Prepared(s, seed: seed, uniform: uniform))
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

        /// Runs once and reports the work done: events through the queue and dispatch looks.
        public func measure(seed: UInt64) -> (result: ReplicaSummary, events: Int, looks: Int) {
            var state = SimulationRun(base.reseeded(seed))
            state.run()
            return (state.summary(), Int(state.queue.nextSequence), state.looks)
        }
    }
}

/// Events of the loop; small values, no closures. Patient, provider and channel numbers are indices.
enum Event {
    case episodeEnd(patient: Int32)
    case unitArrival(patient: Int32, unit: Int32)
    case evacArrival(patient: Int32)
    case providerDown(Int32)
    case providerUp(Int32)
    case episodeStart(patient: Int32, episode: Int32)
    case redispatch
    case eligible(channel: Int32, patient: Int32, episode: Int32, kind: DetectionChannel)
    case takeover(patient: Int32, episode: Int32)
    case contactDone(channel: Int32, patient: Int32, episode: Int32, kind: DetectionChannel)
    case selfCall(patient: Int32, episode: Int32)

    /// Order within a minute: restorations, then arrivals, provider changes, new outages, then
    /// detection. Dispatch runs once after all events of a minute.
    var priority: Int {
        switch self {
        case .episodeEnd: return 0
        case .unitArrival, .evacArrival: return 1
        case .providerDown, .providerUp: return 2
        case .episodeStart: return 3
        case .redispatch: return 4
        case .eligible, .takeover: return 5
        case .contactDone: return 6
        case .selfCall: return 7
        }
    }
}

/// A patient's dispatch state: looked at each round (awake), waiting for something that will
/// change their look (waiting), or with nothing to be done until a provider works again (parked).
enum Sleep: UInt8 {
    case awake, waiting, parked
}

/// The order in which needy patients are looked at: least remaining reserve first (earliest
/// depletion), ties by patient index (= id order).
struct Urgency: Comparable {
    var depletion: Int
    var patient: Int32

    init(_ depletion: Int, _ patient: Int) {
        self.depletion = depletion
        self.patient = Int32(patient)
    }

    static func < (a: Urgency, b: Urgency) -> Bool {
        a.depletion != b.depletion ? a.depletion < b.depletion : a.patient < b.patient
    }
}

/// When a waiting patient is looked at again: the minute, ties by patient index.
struct Wake: Comparable {
    var minute: Int
    var patient: Int32

    static func < (a: Wake, b: Wake) -> Bool {
        a.minute != b.minute ? a.minute < b.minute : a.patient < b.patient
    }
}

/// An entry in a depot's or area's watch list; stale once the patient's generation moves on.
struct Watch {
    var patient: Int32
    var gen: UInt32
}

/// Mutable state of one run.
struct SimulationRun {
    let pr: Prepared
    var queue = EventQueue<Event>()

    // Per patient.
    var current: [Int]          // current episode index, -1 when the grid is on
    var depletion: [Int]        // minute power runs out in the current episode
    var unitMinutes: [Int]      // minutes of all units delivered so far (restored at each episode start)
    var known: [Bool]
    var detectionMinute: [Int]
    var detectionChannel: [DetectionChannel?]
    var enRoute: [Bool]
    var evacArrival: [Int]      // Int.max when not evacuated
    var bed: [Int]              // provider index of the bed, -1
    var inNeedy: [Bool]
    var gap: [Int]
    var firstDepletion: [Int]   // -1
    var firstHelp: [Int]        // Int.max
    var delivered: [[Int32]]
    var flags: [ShortfallFlags]
    var gapSpans: [Interval] = []

    // Detection channels: provider i is channel i, municipality m is channel providers + m.
    var channels: [Channel]
    var dirtyChannels: [Int] = []
    /// Eligibilities so far: the tie-break of a channel's contact order.
    var eligibleCount = 0
    var channelDirty: [Bool]

    // Dispatch.
    var needy = MinHeap<Urgency, Void>()
    /// Parked patients whose depots or area beds changed since they were parked.
    var dirtyParked: [Int] = []
    var stock: [[Int]]          // units left per depot, by id
    var teamFree: [[Int]]       // minute each team is free
    var bedsLeft: [Int]
    var unitsLent: [Int]
    var trips: [Int]
    var dispatchDirty = false
    var redispatchAt = Set<Int>()

    // Sleeping waiters (see `dispatch` and `sleep(_:until:)` in Dispatch.swift).
    var sleepState: [Sleep]
    /// Bumped at every sleep, park and wake, so that old heap and watch entries are ignored.
    var sleepGen: [UInt32]
    var parkedDirty: [Bool]
    /// The depot of a waiting patient's chosen option (-1 when parked).
    var sleepBest: [Int]
    /// Waiting patients by the minute their look can next change, with the generation they slept at.
    var sleepers = MinHeap<Wake, UInt32>()
    /// Sleeping or parked patients to notify when a depot's stock, teams or working change,
    /// or when an area's beds change.
    var depotWatch: [[Watch]]
    var areaWatch: [[Watch]]
    /// Minutes at which some travel disruption starts or ends, ascending.
    let travelChanges: [Int]
    var inRound = false
    var roundKey = Urgency(0, 0)
    var nextRound: [Int] = []
    /// Calls of `decide` (for bench: the dispatcher's work).
    var looks = 0

    init(_ pr: Prepared) {
        self.pr = pr
        let n = pr.pats.count
        current = .init(repeating: -1, count: n)
        depletion = .init(repeating: Int.max, count: n)
        unitMinutes = .init(repeating: 0, count: n)
        known = .init(repeating: false, count: n)
        detectionMinute = .init(repeating: -1, count: n)
        detectionChannel = .init(repeating: nil, count: n)
        enRoute = .init(repeating: false, count: n)
        evacArrival = .init(repeating: Int.max, count: n)
        bed = .init(repeating: -1, count: n)
        inNeedy = .init(repeating: false, count: n)
        gap = .init(repeating: 0, count: n)
        firstDepletion = .init(repeating: -1, count: n)
        firstHelp = .init(repeating: Int.max, count: n)
        delivered = .init(repeating: [], count: n)
        flags = .init(repeating: [], count: n)
        channels = pr.provs.map { Channel(perHour: $0.contactsPerHour, provider: true) }
            + pr.munis.map { Channel(perHour: $0.contactsPerHour, provider: false) }
        channelDirty = .init(repeating: false, count: channels.count)
        stock = pr.depotUnits
        teamFree = pr.depotTeams.map { [Int](repeating: 0, count: $0) }
        bedsLeft = pr.provs.map { max(0, $0.backupBeds) }
        unitsLent = .init(repeating: 0, count: pr.depotTeams.count)
        trips = .init(repeating: 0, count: pr.depotTeams.count)
        sleepState = .init(repeating: .awake, count: n)
        sleepGen = .init(repeating: 0, count: n)
        parkedDirty = .init(repeating: false, count: n)
        sleepBest = .init(repeating: -1, count: n)
        depotWatch = .init(repeating: [], count: pr.depotTeams.count)
        areaWatch = .init(repeating: [], count: pr.areas.count)
        var changes = Set<Int>()
        for d in pr.scenario.disruptions {
            if case .travelSlowed(_, _, let from, let until) = d {
                changes.insert(from)
                if let u = until { changes.insert(u) }
            }
        }
        travelChanges = changes.sorted()
    }

    mutating func schedule(_ minute: Int, _ e: Event) {
        queue.push(minute: minute, priority: e.priority, e)
    }

    mutating func run() {
        queue.reserveCapacity(pr.episodes.count * 2 + 16)
        for i in pr.pats.indices {
            for k in pr.epOffset[i]..<pr.epOffset[i + 1] {
                schedule(pr.episodes[k].start, .episodeStart(patient: Int32(i), episode: Int32(k)))
            }
        }
        for (i, spans) in pr.provDown.enumerated() {
            for d in spans {
                schedule(d.start, .providerDown(Int32(i)))
                schedule(d.end, .providerUp(Int32(i)))
            }
        }
        while let first = queue.peek() {
            let now = first.minute
            if now >= pr.horizon { break }
            while let e = queue.peek(), e.minute == now {
                _ = queue.pop()
                handle(e.payload, now)
            }
            kickChannels(now)
            if dispatchDirty {
                dispatchDirty = false
                dispatch(now)
            }
        }
        // Close the gaps of patients still without power at the horizon.
        for i in pr.pats.indices where current[i] >= 0 { endEpisode(i, pr.horizon) }
    }

    mutating func handle(_ e: Event, _ now: Int) {
        switch e {
        case .episodeEnd(let p): endEpisode(Int(p), now)
        case .unitArrival(let p, let u): unitArrived(Int(p), Int(u), now)
        case .evacArrival(let p): evacArrived(Int(p), now)
        case .providerDown(let i):
            notifyProvider(Int(i))
            providerDown(Int(i), now)
        case .providerUp(let i):
            notifyProvider(Int(i))
            markChannel(Int(i))
            unpark()
            dispatchDirty = true
        case .episodeStart(let p, let k): startEpisode(Int(p), Int(k), now)
        case .redispatch:
            redispatchAt.remove(now)
            dispatchDirty = true
        case .eligible(let c, let p, let k, let kind): makeEligible(Int(c), Int(p), Int(k), kind)
        case .takeover(let p, let k): takeover(Int(p), Int(k), now)
        case .contactDone(let c, let p, let k, let kind): contactDone(Int(c), Int(p), Int(k), kind, now)
        case .selfCall(let p, let k):
            if !known[Int(p)] && current[Int(p)] == Int(k) { detect(Int(p), .selfCall, now) }
        }
    }

    func episodeEnd(_ i: Int) -> Int { pr.episodes[current[i]].end }

    func inHospital(_ i: Int, _ now: Int) -> Bool { evacArrival[i] <= now }

    mutating func addGap(_ i: Int, _ from: Int, _ to: Int) {
        guard from < to else { return }
        gap[i] += to - from
        gapSpans.append(Interval(start: from, end: to))
    }

    mutating func startEpisode(_ i: Int, _ k: Int, _ now: Int) {
        current[i] = k
        let end = pr.episodes[k].end
        schedule(end, .episodeEnd(patient: Int32(i)))
        if inHospital(i, now) {
            depletion[i] = Int.max
            return
        }
        let d = now + pr.patOwnMinutes[i] + unitMinutes[i]
        depletion[i] = d
        if d < end && firstDepletion[i] < 0 { firstDepletion[i] = d }
        if known[i] {
            pushNeedyIfNeeded(i)
        } else {
            scheduleDetection(i, k, now)
        }
    }

    mutating func endEpisode(_ i: Int, _ now: Int) {
        guard current[i] >= 0 else { return }
        let cutoff = min(now, evacArrival[i])
        if depletion[i] < cutoff { addGap(i, depletion[i], cutoff) }
        current[i] = -1
        depletion[i] = Int.max
    }

    mutating func unitArrived(_ i: Int, _ u: Int, _ now: Int) {
        enRoute[i] = false
        firstHelp[i] = min(firstHelp[i], now)
        delivered[i].append(Int32(u))
        let m = pr.unitMinutes(u, for: i)
        unitMinutes[i] += m
        guard current[i] >= 0, !inHospital(i, now) else { return }
        if depletion[i] < now {
            addGap(i, depletion[i], now)
            depletion[i] = now + m
        } else {
            depletion[i] += m
        }
        pushNeedyIfNeeded(i)
    }

    mutating func evacArrived(_ i: Int, _ now: Int) {
        firstHelp[i] = min(firstHelp[i], now)
        guard current[i] >= 0 else { return }
        if depletion[i] < now { addGap(i, depletion[i], now) }
        depletion[i] = Int.max
    }

    /// Whether patient i needs a unit or a bed now: grid off, power runs out before it comes back,
    /// known, nothing on the way.
    func needsHelp(_ i: Int) -> Bool {
        current[i] >= 0 && known[i] && !enRoute[i] && evacArrival[i] == Int.max
            && depletion[i] < episodeEnd(i)
    }

    mutating func pushNeedyIfNeeded(_ i: Int) {
        guard needsHelp(i) else { return }
        dispatchDirty = true
        if sleepState[i] != .awake {
            // Their own state changed: a sleeper (counted in `needy`) is filed again now; a parked
            // patient stops being parked, as the full rule would look at them this round.
            if sleepState[i] == .waiting { needy.push(Urgency(depletion[i], i), ()) }
            sleepState[i] = .awake
            sleepGen[i] &+= 1
        }
        if !inNeedy[i] {
            inNeedy[i] = true
            needy.push(Urgency(depletion[i], i), ())
        }
    }
}
