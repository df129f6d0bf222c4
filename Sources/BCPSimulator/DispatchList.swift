import BCPEngine

/// Who the dispatcher looks at in a round, and who waits.
///
/// The rule (docs/MODEL.md, "Dispatch") is that every round looks at every needy patient in
/// triage order. A look that changes nothing would change nothing again until something it depends
/// on changes, so such a patient waits instead of being looked at:
///
/// - until a minute the look named: the departure of the chosen option, or a travel disruption
///   starting or ending (every other option and the bed's arrival stay or only get later while
///   time passes, so waiting cannot turn "nothing to do" into an action; Dispatch.swift, `Look`);
/// - or until a depot of their list changes in a way that can matter to them (a unit they can use
///   comes back, the depot of their chosen option sends, a depot sends its last unit usable by them,
///   a provider starts or stops working), or a bed of their area becomes free or runs out, or their
///   own reserve changes (`markNeedy`, `refreshDepletion`).
///
/// A waiting patient woken during a round is looked at in this round if they come after the
/// patient being looked at (the full rule would reach them later in the round), else in the next
/// round. The outputs are the same as looking at everyone every round; only the work is less.

/// Triage order: the earliest deadline first, ties by patient index (= id order).
struct Urgency: Comparable {
    var deadline: Int
    var patient: Int32

    init(_ deadline: Int, _ patient: Int) {
        self.deadline = deadline
        self.patient = Int32(patient)
    }

    static func < (a: Urgency, b: Urgency) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.patient < b.patient
    }
}

/// When waiting patients are looked at again: a bucket of (patient, generation) per minute of the
/// horizon. Waking is only filing into the round's triage heap, whose order does not depend on the
/// order of filing, so a minute's entries need no order; a bucket per minute makes filing and
/// taking O(1) where a heap of ten million wakes cost a fifth of a large run (perf).
struct WakeCalendar {
    private var buckets: [[Watch]]
    /// No entry is filed before this minute.
    private var cursor = 0

    init(horizon: Int) {
        buckets = .init(repeating: [], count: max(0, horizon))
    }

    /// Files a wake at `minute` (within the horizon).
    mutating func add(_ minute: Int, patient: Int, gen: UInt32) {
        buckets[minute].append(Watch(patient: Int32(patient), gen: gen))
        cursor = min(cursor, minute)
    }

    /// The first minute with a wake filed, if any.
    mutating func nextMinute() -> Int? {
        while cursor < buckets.count && buckets[cursor].isEmpty { cursor += 1 }
        return cursor < buckets.count ? cursor : nil
    }

    /// Takes the wakes filed at `minute`.
    mutating func take(_ minute: Int) -> [Watch] {
        let entries = buckets[minute]
        buckets[minute] = []
        return entries
    }
}

/// An entry in a depot's or area's watch list; stale once the patient's watch generation moves on.
struct Watch {
    var patient: Int32
    var gen: UInt32
}

/// The dispatcher's list: needy patients to look at (a heap in triage order), waiting patients and
/// what they watch.
struct DispatchList {
    /// On the list: known, needed help at their last look or since.
    var needy: [Bool]
    var waiting: [Bool]
    var inHeap: [Bool]
    var inNextRound: [Bool]
    /// Bumped at every wait and wake, so that old wake entries are ignored.
    var gen: [UInt32]
    /// A patient's watch entries stay in place from one wait to the next (most waits end at a
    /// minute, not through a watch, and a patient watches up to a dozen depots). `registered` says
    /// all of them are still there; a notification that drops one clears it, and the next wait
    /// files a new set under a new `watchGen` (the old entries are then ignored).
    var watchGen: [UInt32]
    var registered: [Bool]
    /// The depot of a waiting patient's chosen option (-1 for none).
    var waitBest: [Int]
    var heap = MinHeap<Urgency, Void>()
    var wakes: WakeCalendar
    var depotWatch: [[Watch]]
    var areaWatch: [[Watch]]
    var nextRound: [Int] = []
    /// During a round: the patient being looked at, and whether the round is in its second pass
    /// (patients whose help cannot come in time).
    var roundKey: Urgency? = nil
    var secondPass = false
    /// True from the start to the end of a round (`dispatch`).
    var inRound = false
    /// A patient was sent help or admitted in the current round.
    var actedInRound = false
    /// Test switch: nobody waits; every needy patient is looked at in every round.
    var lookAtEveryone = false
    /// With `lookAtEveryone`: the patients to look at again next round.
    var everyone: [Int] = []

    init(patients n: Int, depots: Int, areas: Int, horizon: Int) {
        wakes = WakeCalendar(horizon: horizon)
        needy = .init(repeating: false, count: n)
        waiting = .init(repeating: false, count: n)
        inHeap = .init(repeating: false, count: n)
        inNextRound = .init(repeating: false, count: n)
        gen = .init(repeating: 0, count: n)
        watchGen = .init(repeating: 0, count: n)
        registered = .init(repeating: false, count: n)
        waitBest = .init(repeating: -1, count: n)
        depotWatch = .init(repeating: [], count: depots)
        areaWatch = .init(repeating: [], count: max(1, areas))
    }

    /// Empties depot d's watch list and returns its entries that are still current.
    mutating func drainDepot(_ d: Int) -> [Watch] {
        guard !depotWatch[d].isEmpty else { return [] }
        let entries = depotWatch[d]
        depotWatch[d].removeAll(keepingCapacity: true)
        return entries.filter { watchGen[Int($0.patient)] == $0.gen }
    }

    /// Empties area a's watch list and returns its entries that are still current.
    mutating func drainArea(_ a: Int) -> [Watch] {
        guard !areaWatch[a].isEmpty else { return [] }
        let entries = areaWatch[a]
        areaWatch[a].removeAll(keepingCapacity: true)
        return entries.filter { watchGen[Int($0.patient)] == $0.gen }
    }
}

extension SimulationRun {
    /// Files patient i to be looked at: this round if a round is under way and they come after the
    /// patient being looked at (first pass only), else the next round. A waiting patient stops
    /// waiting.
    mutating func enqueue(_ i: Int) {
        if list.waiting[i] {
            list.waiting[i] = false
            list.gen[i] &+= 1
        }
        guard !list.inHeap[i], !list.inNextRound[i] else { return }
        // Outside a round (an event woke them), a round follows in this minute: a patient's look
        // never waits for an unrelated event elsewhere (so that separate parts of a scenario run
        // as they would alone; docs/MODEL.md "Dispatch").
        if !list.inRound { dispatchDirty = true }
        let key = Urgency(deadline(i), i)
        if let r = list.roundKey, list.secondPass || key < r {
            list.inNextRound[i] = true
            list.nextRound.append(i)
        } else {
            list.inHeap[i] = true
            list.heap.push(key, ())
        }
    }

    /// Patient i's look changed nothing: they wait until `until` or a change they watch.
    /// A round is held at `until` (the main loop runs one at the first wake's minute), whatever
    /// else happens then. Looking at everyone (the test switch), rounds are held at `firstChange`
    /// instead, the earlier minute at which any of their options changes (Look): more rounds, the
    /// same results.
    mutating func wait(_ i: Int, until: Int, firstChange: Int, best: Int) {
        if list.lookAtEveryone {
            list.everyone.append(i)
            // A round at `firstChange` (the entry wakes no one).
            if firstChange < pr.horizon { list.wakes.add(firstChange, patient: i, gen: list.gen[i] &- 1) }
            return
        }
        list.waiting[i] = true
        list.gen[i] &+= 1
        list.waitBest[i] = best
        if until < pr.horizon { list.wakes.add(until, patient: i, gen: list.gen[i]) }
        guard !list.registered[i] else { return }
        list.registered[i] = true
        list.watchGen[i] &+= 1
        let entry = Watch(patient: Int32(i), gen: list.watchGen[i])
        var depots = DepotList(i, pr)
        while let (d, _) = depots.next() { list.depotWatch[d].append(entry) }
        let s = pr.patSupplier[i]
        if s >= 0 { list.depotWatch[s].append(entry) }
        list.areaWatch[pr.muniArea[pr.patMuni[i]]].append(entry)
    }

    /// Patient i's entry was taken off a watch list (and the patient woken, if waiting).
    mutating func dropWatch(_ i: Int) {
        list.registered[i] = false
        wake(i)
    }

    /// A waiting patient whose look may have changed.
    mutating func wake(_ i: Int) {
        if list.waiting[i] { enqueue(i) }
    }

    /// The patients whose wait ends by `now`.
    mutating func wakeDue(_ now: Int) {
        let all = list.everyone
        list.everyone.removeAll()
        for i in all { enqueue(i) }
        while let m = list.wakes.nextMinute(), m <= now {
            for w in list.wakes.take(m) where list.gen[Int(w.patient)] == w.gen { wake(Int(w.patient)) }
        }
    }

    /// Every watcher of depot d (a provider started or stopped working).
    mutating func notifyDepot(_ d: Int) {
        for w in list.drainDepot(d) { dropWatch(Int(w.patient)) }
    }

    /// Every watcher of area a's beds.
    mutating func notifyArea(_ a: Int) {
        for w in list.drainArea(a) { dropWatch(Int(w.patient)) }
    }

    /// Depot d sent a unit or cylinders: one fewer and a team busy longer. That changes the look of
    /// a watcher only if d held their chosen option or now has nothing they can use (the "no power
    /// unit" flag); every other option of d only got worse.
    mutating func notifySent(_ d: Int) {
        let entries = list.drainDepot(d)
        for w in entries {
            let i = Int(w.patient)
            guard list.waiting[i] else {
                keepIfQueued(w, d)
                continue
            }
            let nothingLeft = d < pr.providerCount && pr.provs[d].kind == .supplier
                ? cylindersLeft[d] <= 0 : bestUnit(d, for: i) == nil
            if list.waitBest[i] == d || nothingLeft {
                dropWatch(i)
            } else {
                list.depotWatch[d].append(w)
            }
        }
    }

    /// Unit u is ready at depot d again: watchers who can use it may now have a better option.
    mutating func notifyReady(_ d: Int, unit u: Int) {
        let entries = list.drainDepot(d)
        for w in entries {
            let i = Int(w.patient)
            guard list.waiting[i] else {
                keepIfQueued(w, d)
                continue
            }
            if pr.unitMinutes(u, for: i) > 0 {
                dropWatch(i)
            } else {
                list.depotWatch[d].append(w)
            }
        }
    }

    /// The entry of a patient who is not waiting: kept while they are to be looked at (they will
    /// likely wait again), else dropped (helped, or no longer in need).
    mutating func keepIfQueued(_ w: Watch, _ d: Int) {
        let i = Int(w.patient)
        if list.inHeap[i] || list.inNextRound[i] {
            list.depotWatch[d].append(w)
        } else {
            list.registered[i] = false
        }
    }

    /// Hospital h's free beds changed: only running out or having one again changes `freeBed`.
    mutating func notifyBeds(_ h: Int) {
        guard bedsLeft[h] <= 1 else { return }
        notifyArea(pr.muniArea[pr.provMuni[h]])
    }

    /// A provider starts or stops working, or its site gains or loses power: its depot, and its beds
    /// if it is a hospital.
    mutating func notifyProvider(_ p: Int, depot: Bool) {
        if depot { notifyDepot(p) }
        if pr.provs[p].backupBeds > 0 { notifyArea(pr.muniArea[pr.provMuni[p]]) }
    }
}
