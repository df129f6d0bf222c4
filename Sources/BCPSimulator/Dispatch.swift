import BCPEngine
import BCPModel

/// What was missing when the dispatcher tried to help a patient, noted for the shortfall reasons.
struct ShortfallFlags: OptionSet {
    let rawValue: UInt8
    static let noPowerUnit = ShortfallFlags(rawValue: 1)
    static let noDeliveryTeam = ShortfallFlags(rawValue: 2)
    static let noBackupBed = ShortfallFlags(rawValue: 4)
}

/// The depots a patient may draw units from, in order of preference on equal arrival: the
/// provider's own (institutional and above), its linked partners' (linked and above, by id), the
/// patient's municipality, then under a regional BCP the other municipalities of the same
/// secondary area (by code), which open `mutualAidDelayMinutes` after the outage episode starts.
/// Walked without building an array: `decide` runs for every look at a needy patient, and an
/// array of tuples per look was 15% of a run.
struct DepotList {
    let own: [Int]
    let muni: Int
    let neighbours: [Int]
    let providerCount: Int
    var k = 0

    init(_ i: Int, _ pr: Prepared) {
        own = pr.provDepots[pr.patProv[i]]
        muni = pr.patMuni[i]
        neighbours = pr.patRegional[i] ? pr.areaMunis[pr.muniArea[muni]] : []
        providerCount = pr.providerCount
    }

    mutating func next() -> (depot: Int, mutualAid: Bool)? {
        if k < own.count {
            k += 1
            return (own[k - 1], false)
        }
        if k == own.count {
            k += 1
            return (providerCount + muni, false)
        }
        while k - own.count - 1 < neighbours.count {
            let n = neighbours[k - own.count - 1]
            k += 1
            if n != muni { return (providerCount + n, true) }
        }
        return nil
    }
}

struct UnitOption {
    var depot: Int
    var unit: Int
    var team: Int
    var depart: Int
    var arrive: Int
    var travel: Int
}

extension SimulationRun {
    func depotMunicipality(_ d: Int) -> Int { d < pr.providerCount ? pr.provMuni[d] : d - pr.providerCount }

    func depotWorking(_ d: Int, _ now: Int) -> Bool { d >= pr.providerCount || pr.working(provider: d, at: now) }

    /// The unit of a depot that gives patient i the most minutes (ties: lowest id); nil if none fits.
    func bestUnit(_ d: Int, for i: Int) -> Int? {
        var best: Int? = nil, bestMinutes = 0
        for u in stock[d] {
            let m = pr.unitMinutes(u, for: i)
            if m > bestMinutes { best = u; bestMinutes = m }
        }
        return best
    }

    /// Whether depot d still holds a unit that gives patient i any minutes (bestUnit != nil).
    func hasUsableUnit(_ d: Int, for i: Int) -> Bool {
        for u in stock[d] where pr.unitMinutes(u, for: i) > 0 { return true }
        return false
    }

    /// Earliest-depletion-first over known patients who need help, ties by id. Patients for whom
    /// nothing can be done (no unit open to them with a team, no bed) are parked until a provider or
    /// hospital starts working again: stock, teams and beds never grow during a run.
    ///
    /// Performance (issue 10): the rule is that every needy patient is looked at in every dispatch
    /// round. A patient who has to wait is not looked at again while the look would be a no-op
    /// (the same decision, the same flags): they sleep until the minute their chosen team can
    /// leave, the next change of a travel disruption, or a change to one of their depots (stock,
    /// teams, provider working) or to the beds of their area, whichever comes first. See
    /// `sleep(_:until:)` for why those are the only things that can change the look. Results are
    /// byte-identical to looking at everyone every round; only the work is less.
    mutating func dispatch(_ now: Int) {
        while let s = sleepers.peek(), s.key.minute <= now {
            _ = sleepers.pop()
            let i = Int(s.key.patient)
            if sleepState[i] == .waiting && sleepGen[i] == s.value { wake(i) }
        }
        guard !needy.isEmpty else { return }
        inRound = true
        while let e = needy.pop() {
            let i = Int(e.key.patient)
            inNeedy[i] = false
            guard needsHelp(i) else { continue }
            if e.key.depletion != depletion[i] {  // stale key: file again under the current depletion
                inNeedy[i] = true
                needy.push(Urgency(depletion[i], i), ())
                continue
            }
            roundKey = Urgency(depletion[i], i)
            looks += 1
            switch decide(i, now) {
            case .acted: break
            case .wait(let depart, let bestDepot):
                inNeedy[i] = true
                sleep(i, until: min(depart, nextTravelChange(after: now)), best: bestDepot)
            case .park: park(i)
            }
        }
        inRound = false
        // Sleepers woken during the round behind the patient being looked at: the full rule would
        // have looked at them earlier in this round (a no-op), so their next look is next round.
        for i in nextRound { needy.push(Urgency(depletion[i], i), ()) }
        nextRound.removeAll(keepingCapacity: true)
    }

    /// A provider or hospital is back at work: parked patients are looked at again. Those whose
    /// depots and area beds have not changed since their last look would be parked again with the
    /// same flags, so they stay parked (same bytes, less work).
    mutating func unpark() {
        let list = dirtyParked
        dirtyParked.removeAll(keepingCapacity: true)
        for i in list where sleepState[i] == .parked && parkedDirty[i] {
            sleepState[i] = .awake
            sleepGen[i] &+= 1
            pushNeedyIfNeeded(i)
        }
    }

    /// Puts a waiting patient to sleep until `until` or a change to what their look depends on.
    ///
    /// Why nothing else can change the look while they sleep: their depletion and episode are
    /// fixed (a change goes through `pushNeedyIfNeeded`, which wakes them); the chosen option
    /// leaves at a fixed minute (the team's free time or the pool's opening, both after now); every
    /// other option's arrival, the no-wait arrival and the bed's arrival only grow with time
    /// between changes of a travel disruption; stock, team times and bed counts change only by a
    /// send or an evacuation from a watched depot or area; providers start or stop working only at
    /// their own events, which notify the same watchers. So the decision stays "wait" and every
    /// flag it would set is already set.
    mutating func sleep(_ i: Int, until w: Int, best: Int) {
        sleepState[i] = .waiting
        sleepBest[i] = best
        sleepGen[i] &+= 1
        sleepers.push(Wake(minute: w, patient: Int32(i)), sleepGen[i])
        watch(i)
    }

    mutating func park(_ i: Int) {
        sleepState[i] = .parked
        sleepBest[i] = -1
        sleepGen[i] &+= 1
        parkedDirty[i] = false
        watch(i)
    }

    mutating func watch(_ i: Int) {
        let entry = Watch(patient: Int32(i), gen: sleepGen[i])
        var list = DepotList(i, pr)
        // A depot without stock never gets any (units only leave), so it cannot change the look.
        while let (d, _) = list.next() {
            if !stock[d].isEmpty { depotWatch[d].append(entry) }
        }
        areaWatch[pr.muniArea[pr.patMuni[i]]].append(entry)
    }

    /// A waiting patient's look may change: into this round if they come after the patient being
    /// looked at, else into the next.
    mutating func wake(_ i: Int) {
        sleepState[i] = .awake
        sleepGen[i] &+= 1
        if inRound && Urgency(depletion[i], i) < roundKey {
            nextRound.append(i)
        } else {
            needy.push(Urgency(depletion[i], i), ())
        }
    }

    /// Wakes (or marks dirty) a watcher whose look may have changed.
    mutating func touch(_ i: Int) {
        if sleepState[i] == .waiting {
            wake(i)
        } else if sleepState[i] == .parked && !parkedDirty[i] {
            parkedDirty[i] = true
            dirtyParked.append(i)
        }
    }

    /// Empties a watch list and returns its entries that are still current (not superseded by a
    /// later sleep, park or wake of their patient).
    func drain(_ list: inout [Watch]) -> [Watch] {
        guard !list.isEmpty else { return [] }
        let entries = list
        list.removeAll(keepingCapacity: true)
        return entries.filter { sleepGen[Int($0.patient)] == $0.gen }
    }

    /// Every watcher of depot d (a provider started or stopped working).
    mutating func notifyDepot(_ d: Int) {
        for w in drain(&depotWatch[d]) { touch(Int(w.patient)) }
    }

    /// Every watcher of area a's beds.
    mutating func notifyArea(_ a: Int) {
        for w in drain(&areaWatch[a]) { touch(Int(w.patient)) }
    }

    /// Depot d sent a unit: one unit fewer and one team busy longer. That can change the look of a
    /// watcher only if d held their chosen option, or if d now has no unit usable by them (the
    /// "no power unit" flag). Every other option of d only got worse, so the others keep sleeping.
    mutating func notifySent(_ d: Int) {
        for w in drain(&depotWatch[d]) {
            let i = Int(w.patient)
            if sleepBest[i] == d || !hasUsableUnit(d, for: i) {
                touch(i)
            } else {
                depotWatch[d].append(w)
            }
        }
    }

    /// Hospital h's beds changed. Only a hospital running out of beds changes which bed a patient
    /// of the area would get (freeBed looks only at "any left").
    mutating func notifyBeds(_ h: Int) {
        guard bedsLeft[h] <= 0 else { return }
        notifyArea(pr.muniArea[pr.provMuni[h]])
    }

    /// A provider starts or stops working: its depot, and its beds if it is a hospital.
    mutating func notifyProvider(_ p: Int) {
        notifyDepot(p)
        if pr.provs[p].backupBeds > 0 { notifyArea(pr.muniArea[pr.provMuni[p]]) }
    }

    /// The first minute after `now` at which a travel disruption starts or ends.
    func nextTravelChange(after now: Int) -> Int {
        for b in travelChanges where b > now { return b }
        return Int.max
    }

    enum Decision { case acted, wait(depart: Int, depot: Int), park }

    /// Acts for patient i, or says why not.
    mutating func decide(_ i: Int, _ now: Int) -> Decision {
        let d = depletion[i]
        let epStart = pr.episodes[current[i]].start
        let pm = pr.patMuni[i]
        var best: UnitOption? = nil
        var anyStock = false
        var bestWithoutWaiting = Int.max
        var list = DepotList(i, pr)
        while let (depot, aid) = list.next() {
            guard depotWorking(depot, now) else { continue }
            guard let u = bestUnit(depot, for: i) else { continue }
            anyStock = true
            let open = aid ? epStart + pr.params.mutualAidDelayMinutes : 0
            let dm = depotMunicipality(depot)
            let noWait = max(now, open)
            bestWithoutWaiting = min(bestWithoutWaiting, noWait + pr.travelMinutes(from: dm, to: pm, at: noWait))
            guard let (team, free) = earliestTeam(depot) else { continue }
            let depart = max(noWait, free)
            let travel = pr.travelMinutes(from: dm, to: pm, at: depart)
            let o = UnitOption(depot: depot, unit: u, team: team, depart: depart, arrive: depart + travel, travel: travel)
            if best == nil || o.arrive < best!.arrive { best = o }
        }
        if !anyStock { flags[i].insert(.noPowerUnit) }
        let unitArrive = best?.arrive ?? Int.max
        if unitArrive > d && bestWithoutWaiting <= d { flags[i].insert(.noDeliveryTeam) }
        if anyStock && best == nil { flags[i].insert(.noDeliveryTeam) }

        let bed = freeBed(for: i, now)
        let bedArrive = bed == nil ? Int.max : now + pr.slowed(pr.params.transferMinutes, pm, pm, at: now)
        if let b = best, b.arrive <= d {
            // In time. If this unit will not carry the patient to restoration but a bed is reachable
            // in time, the bed is the safer choice (it lasts; a further unit may not come).
            let lastsUntil = d + pr.unitMinutes(b.unit, for: i)
            if let h = bed, bedArrive <= d, lastsUntil < episodeEnd(i) {
                evacuate(i, to: h, arriving: bedArrive)
                return .acted
            }
            return send(i, b, now) ? .acted : .wait(depart: b.depart, depot: b.depot)
        }
        if let h = bed {
            if bedArrive < unitArrive {
                evacuate(i, to: h, arriving: bedArrive)
                return .acted
            }
        } else {
            flags[i].insert(.noBackupBed)
        }
        if let b = best { return send(i, b, now) ? .acted : .wait(depart: b.depart, depot: b.depot) }
        // No unit (best is nil) and no bed: bedArrive is Int.max here, so this parks.
        return .park
    }

    func earliestTeam(_ depot: Int) -> (Int, Int)? {
        var best: (Int, Int)? = nil
        for (k, t) in teamFree[depot].enumerated() where best == nil || t < best!.1 { best = (k, t) }
        return best
    }

    /// Sends the unit if its team can leave now; otherwise asks for a dispatch when it can.
    mutating func send(_ i: Int, _ o: UnitOption, _ now: Int) -> Bool {
        guard o.depart == now else {
            if !redispatchAt.contains(o.depart) {
                redispatchAt.insert(o.depart)
                schedule(o.depart, .redispatch)
            }
            return false
        }
        stock[o.depot].removeAll { $0 == o.unit }
        let back = o.depart + 2 * o.travel
        teamFree[o.depot][o.team] = back
        notifySent(o.depot)
        unitsLent[o.depot] += 1
        trips[o.depot] += 1
        enRoute[i] = true
        schedule(o.arrive, .unitArrival(patient: Int32(i), unit: Int32(o.unit)))
        if !redispatchAt.contains(back) {
            redispatchAt.insert(back)
            schedule(back, .redispatch)
        }
        return true
    }

    /// A working hospital of the patient's secondary area with a free backup bed: the patient's own
    /// municipality first, then by provider id.
    func freeBed(for i: Int, _ now: Int) -> Int? {
        let pm = pr.patMuni[i]
        var best: Int? = nil
        for h in pr.areaHospitals[pr.muniArea[pm]] {
            if bedsLeft[h] <= 0 || !pr.working(provider: h, at: now) { continue }
            if pr.provMuni[h] == pm { return h }
            if best == nil { best = h }
        }
        return best
    }

    mutating func evacuate(_ i: Int, to h: Int, arriving t: Int) {
        bedsLeft[h] -= 1
        notifyBeds(h)
        bed[i] = h
        evacArrival[i] = t
        schedule(t, .evacArrival(patient: Int32(i)))
    }
}
