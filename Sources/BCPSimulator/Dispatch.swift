import BCPEngine
import BCPModel

/// What was missing when the dispatcher tried to help a patient, noted for the shortfall reasons.
struct ShortfallFlags: OptionSet {
    let rawValue: UInt8
    static let noPowerUnit = ShortfallFlags(rawValue: 1)
    static let noDeliveryTeam = ShortfallFlags(rawValue: 2)
    static let noBackupBed = ShortfallFlags(rawValue: 4)
}

/// Where a lendable unit is: in stock at its depot, out with a patient, on the way back, or being
/// recharged or refuelled.
struct UnitState {
    var depot = -1
    var out = false
}

/// The depots a patient may draw units from, in order of preference on equal arrival: the
/// provider's own (institutional and above), its linked partners' (linked and above, by id), the
/// patient's municipality, then under a regional BCP the other municipalities of the same
/// secondary area (by code), which open `mutualAidDelayMinutes` after the outage episode starts.
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

/// One way to bring power to a patient: a unit from a depot, or cylinders from the supplier.
struct Option {
    var depot: Int
    /// The unit, or -1 for a cylinder delivery.
    var unit: Int
    var depart: Int
    var arrive: Int
    var travel: Int
}

extension SimulationRun {
    @inline(__always)
    func depotWorking(_ d: Int, _ now: Int) -> Bool { d >= pr.providerCount || pr.working(provider: d, at: now) }

    /// The unit of a depot that gives patient i the most use-minutes (ties: lowest id); nil if none fits.
    @inline(__always)
    func bestUnit(_ d: Int, for i: Int) -> Int? {
        var best: Int? = nil, bestMinutes = 0
        for u in stock[d] {
            let m = pr.unitMinutes(u, for: i)
            if m > bestMinutes { best = u; bestMinutes = m }
        }
        return best
    }

    /// When the depot's first team is free (nil: the depot has no team). Teams are interchangeable
    /// (only their free minutes matter), so each depot keeps its free minutes as a min-heap and the
    /// first is at the root: a supplier may have a thousand delivery teams, and a look must not walk
    /// them all.
    @inline(__always)
    func earliestTeam(_ depot: Int) -> Int? {
        teamFree[depot].first
    }

    /// The depot's first free team leaves and is free again at `back` (a later minute): it moves down
    /// the depot's heap.
    mutating func teamLeaves(_ depot: Int, freeAgainAt back: Int) {
        teamFree[depot].withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let c = (l + 1 < n && h[l + 1] < h[l]) ? l + 1 : l
                if back <= h[c] { break }
                h[i] = h[c]
                i = c
            }
            h[i] = back
        }
    }

    /// Puts a known patient on the dispatcher's list if they need help: at home (or on the way),
    /// grid off, the reserve runs out before the grid comes back (the dispatcher is assumed to
    /// know it, from the power company's estimates), nothing on the way, not admitted.
    mutating func markNeedy(_ i: Int) {
        dispatchDirty = true
        list.needy[i] = true
        enqueue(i)
    }

    @inline(__always)
    func needsHelp(_ i: Int) -> Bool {
        current[i] >= 0 && known[i] && place[i] == .home && !enRoute[i] && depletion[i] < episodeEnd(i) && depletion[i] < pr.horizon
    }

    /// The minute by which help must arrive for the patient to come to no harm: the depletion plus
    /// the tolerance (and the bridge, where there is one), in minutes of need.
    @inline(__always)
    func deadline(_ i: Int) -> Int {
        guard depletion[i] < Int.max else { return Int.max }
        let slack = pr.patTolerance[i] + (pr.patBridge[i] ? pr.params.bridgeMaxMinutes : 0)
        return pr.patClock[i].time(afterNeed: slack, from: depletion[i])
    }

    /// The dispatcher's round at `now`. Triage (docs/MODEL.md, "Dispatch"): patients whose help can
    /// still arrive by their deadline are served first, most urgent deadline first, ties by id;
    /// then the others, whose help can only shorten their gap, in the same order. A unit is never
    /// sent to arrive at or after the patient's power is back or the horizon. Patients whose look
    /// cannot have changed wait instead of being looked at (DispatchList.swift).
    mutating func dispatch(_ now: Int) {
        list.inRound = true
        defer { list.inRound = false }
        wakeDue(now)
        guard !list.heap.isEmpty else { return }
        list.actedInRound = false
        var later: [Int] = []
        while let e = list.heap.pop() {
            let i = Int(e.key.patient)
            list.inHeap[i] = false
            guard list.needy[i], needsHelp(i) else {
                list.needy[i] = false
                continue
            }
            let dl = deadline(i)
            if e.key.deadline != dl {  // filed under an older deadline: file again
                list.inHeap[i] = true
                list.heap.push(Urgency(dl, i), ())
                continue
            }
            list.roundKey = e.key
            looks += 1
            let look = survey(i, now)
            if let o = look.best, o.arrive > dl {
                later.append(i)
                continue
            }
            decide(i, look, now)
        }
        list.secondPass = true
        for i in later where needsHelp(i) {
            looks += 1
            decide(i, survey(i, now), now)
        }
        list.roundKey = nil
        list.secondPass = false
        let next = list.nextRound
        list.nextRound.removeAll(keepingCapacity: true)
        for i in next {
            list.inNextRound[i] = false
            enqueue(i)
        }
        // Patients whose look changed after their turn are looked at in a round one minute later
        // (not at whatever minute something else happens next). Looking at everyone, a round
        // follows every round that acted, and the extra rounds change nothing.
        if !next.isEmpty || (list.lookAtEveryone && list.actedInRound && !list.everyone.isEmpty) { redispatch(at: now + 1) }
    }

    /// What the dispatcher sees for one patient: the option that arrives first, whether any depot
    /// open to them has a unit, the earliest arrival if no team had to be waited for, whether a depot
    /// with a unit has no team at all, and until when acting on it cannot change.
    ///
    /// `firstChange` is the earliest future minute at which a team or mutual-aid depot becomes free
    /// or a travel disruption starts or ends. Until then every option's departure and arrival stay
    /// as they are; after a team or depot becomes free its option only gets later (it leaves when
    /// looked at), and a backup bed's arrival (now plus the transfer) only gets later too. So a
    /// patient who was not helped at this look can be helped by time passing alone only when the
    /// chosen option can leave or the travel times change: that is `until` (DispatchList.swift;
    /// any other change to their options wakes them through their watches). Looking at everyone,
    /// rounds are held at `firstChange` as well, and the test that compares the two finds that those
    /// rounds change nothing.
    struct Look {
        var best: Option?
        var anyStock = false
        var noWaitArrival = Int.max
        var teamless = false
        var until = Int.max
        var firstChange = Int.max
    }

    /// The look for patient i at `now`. Options: a unit from each open depot of the list (its
    /// best unit, its earliest team; a mutual-aid depot opens `mutualAidDelayMinutes` after the
    /// episode starts), cylinders from the supplier once it has been in contact. The first to
    /// arrive wins; ties keep the depot list's order, the supplier last.
    @inline(__always)
    func survey(_ i: Int, _ now: Int) -> Look {
        var look = Look()
        look.until = pr.nextTravelChange(after: now)
        look.firstChange = look.until
        let pm = pr.patMuni[i]
        let epStart = pr.episodes[current[i]].start
        var list = DepotList(i, pr)
        while let (depot, aid) = list.next() {
            guard depotWorking(depot, now), let u = bestUnit(depot, for: i) else { continue }
            look.anyStock = true
            let open = aid ? epStart + pr.params.mutualAidDelayMinutes : 0
            let t = max(now, open)
            if t > now { look.firstChange = min(look.firstChange, t) }
            look.noWaitArrival = min(look.noWaitArrival, t + pr.travelMinutes(from: pr.depotMunicipality(depot), to: pm, at: t))
            guard let free = earliestTeam(depot) else {
                look.teamless = true
                continue
            }
            consider(&look, depot: depot, unit: u, depart: max(t, free), to: pm, now)
        }
        let s = pr.patSupplier[i]
        if s >= 0 && supplierContact[i] >= 0 && cylindersLeft[s] > 0 && pr.working(provider: s, at: now),
            let free = earliestTeam(s)
        {
            consider(&look, depot: s, unit: -1, depart: max(now, free), to: pm, now)
        }
        if let b = look.best, b.depart > now { look.until = min(look.until, b.depart) }
        return look
    }

    @inline(__always)
    private func consider(_ look: inout Look, depot: Int, unit: Int, depart: Int, to pm: Int, _ now: Int) {
        if depart > now { look.firstChange = min(look.firstChange, depart) }
        let travel = pr.travelMinutes(from: pr.depotMunicipality(depot), to: pm, at: depart)
        let o = Option(depot: depot, unit: unit, depart: depart, arrive: depart + travel, travel: travel)
        if look.best == nil || o.arrive < look.best!.arrive { look.best = o }
    }

    /// Acts for patient i on `look`: sends the best unit or cylinders, or moves the patient to a
    /// backup bed, or waits for a team; notes what was missing. If nothing was done, the patient
    /// waits (DispatchList.swift).
    mutating func decide(_ i: Int, _ look: Look, _ now: Int) {
        let d = depletion[i], end = episodeEnd(i)
        let o = look.best
        // What was missing: no unit anywhere open, or a unit that would have been in time but for
        // the wait for a team.
        if look.teamless { flags[i].insert(.noDeliveryTeam) }
        if !look.anyStock && !(pr.patSupplier[i] >= 0 && cylindersLeft[pr.patSupplier[i]] > 0) { flags[i].insert(.noPowerUnit) }
        if (o?.arrive ?? Int.max) > d && look.noWaitArrival <= d { flags[i].insert(.noDeliveryTeam) }

        let h = freeBed(i, now)
        let bedArrive = h == nil ? Int.max : now + pr.slowed(pr.params.transferMinutes, pr.patMuni[i], pr.patMuni[i], at: now)
        if let b = o, b.arrive < end, b.arrive < pr.horizon, b.arrive <= d {
            // In time. If this power will not carry the patient to restoration but a bed is
            // reachable in time, the bed is the safer choice (it lasts; a further unit may not come).
            let lasts = pr.patClock[i].time(ofUse: depleteUse[i] + optionMinutes(b, i))
            if let hb = h, bedArrive <= d, lasts < end {
                admit(i, .planned, hospital: hb, arriving: bedArrive, now)
                return
            }
            if send(i, b, now) { return }
        } else if let hb = h, bedArrive < (o?.arrive ?? Int.max), bedArrive < end {
            admit(i, .planned, hospital: hb, arriving: bedArrive, now)
            return
        } else {
            if h == nil { flags[i].insert(.noBackupBed) }
            if let b = o, b.arrive < end, b.arrive < pr.horizon, send(i, b, now) { return }
        }
        wait(i, until: look.until, firstChange: look.firstChange, best: look.best?.depot ?? -1)
    }

    @inline(__always)
    func optionMinutes(_ o: Option, _ i: Int) -> Int {
        o.unit >= 0 ? pr.unitMinutes(o.unit, for: i) : pr.params.cylinderDeliveryMinutes
    }

    /// Sends the option if its team can leave now (true); otherwise asks for a dispatch when it can.
    mutating func send(_ i: Int, _ o: Option, _ now: Int) -> Bool {
        guard o.depart == now else {
            redispatch(at: o.depart)
            return false
        }
        if o.unit >= 0 {
            stock[o.depot].removeAll { $0 == o.unit }
            unitState[o.unit] = UnitState(depot: o.depot, out: true)
            unitsLent[o.depot] += 1
            schedule(o.arrive, .unitArrival(patient: Int32(i), unit: Int32(o.unit)))
        } else {
            cylindersLeft[o.depot] -= 1
            schedule(o.arrive, .cylinderArrival(patient: Int32(i)))
        }
        list.actedInRound = true
        let back = o.depart + 2 * o.travel
        teamLeaves(o.depot, freeAgainAt: back)  // the option's team is the depot's first free one (survey)
        trips[o.depot] += 1
        enRoute[i] = true
        list.needy[i] = false
        notifySent(o.depot)
        redispatch(at: back)
        return true
    }

    mutating func unitArrived(_ i: Int, _ u: Int, _ now: Int) {
        enRoute[i] = false
        firstHelp[i] = min(firstHelp[i], now)
        delivered[i].append(Int32(u))
        // A patient who has gone to hospital or whose power is back hands the unit back at once.
        guard current[i] >= 0, place[i] != .hospital else {
            sendBack(u, from: pr.patMuni[i], now)
            return
        }
        lentUnits[i].append(Int32(u))
        addPower(i, pr.unitMinutes(u, for: i), now)
    }

    mutating func cylindersArrived(_ i: Int, _ now: Int) {
        enRoute[i] = false
        firstHelp[i] = min(firstHelp[i], now)
        cylinderDeliveries[i] += 1
        addPower(i, pr.params.cylinderDeliveryMinutes, now)
    }

    /// Units at the patient's home go back to their depots (power back, or admitted).
    mutating func returnUnits(_ i: Int, _ now: Int) {
        for u in lentUnits[i] { sendBack(Int(u), from: pr.patMuni[i], now) }
        lentUnits[i].removeAll()
    }

    mutating func sendBack(_ u: Int, from m: Int, _ now: Int) {
        let d = unitState[u].depot
        schedule(now + pr.travelMinutes(from: pr.depotMunicipality(d), to: m, at: now), .unitHome(unit: Int32(u)))
    }

    /// A unit is back at its depot: a battery is recharged once the site has power (a municipal
    /// depot always has: assumption), a generator refuelled; then it can be lent again.
    mutating func unitHome(_ u: Int, _ now: Int) {
        let d = unitState[u].depot
        if pr.units[u].kind == .generator {
            schedule(now + pr.params.unitRefuelMinutes, .unitReady(unit: Int32(u)))
        } else if d >= pr.providerCount || pr.sitePowered(provider: d, at: now) {
            schedule(now + pr.params.unitRechargeMinutes, .unitReady(unit: Int32(u)))
        } else {
            unitState[u].out = true  // waits, discharged, for the site's power (siteChange)
            waitingForPower.append(u)
        }
    }

    mutating func unitReady(_ u: Int, _ now: Int) {
        let d = unitState[u].depot
        unitState[u].out = false
        stock[d].append(u)
        stock[d].sort()
        notifyReady(d, unit: u)
        dispatchDirty = true
    }

    /// A provider's site lost or regained power: discharged units waiting at it start recharging.
    mutating func siteChange(_ p: Int, _ now: Int) {
        notifyProvider(p, depot: false)
        guard pr.sitePowered(provider: p, at: now) else { return }
        let waiting = waitingForPower.filter { unitState[$0].depot == p }
        waitingForPower.removeAll { unitState[$0].depot == p }
        for u in waiting { schedule(now + pr.params.unitRechargeMinutes, .unitReady(unit: Int32(u))) }
        dispatchDirty = true
    }
}
