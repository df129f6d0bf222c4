import BCPEngine
import BCPModel

/// Flags noted while trying to help a patient, for shortfall reasons.
enum Flag {
    static let noPowerUnit: UInt8 = 1
    static let noDeliveryTeam: UInt8 = 2
    static let noBackupBed: UInt8 = 4
}

/// The rules that pick what to send to whom. See docs/MODEL.md, "Support".
public enum DispatchPolicy {
    /// Depots a patient may draw units from, in order of preference on equal arrival: the
    /// provider's own (institutional and above), its linked partners' (linked and above, by id),
    /// the patient's municipality, then under a regional BCP the other municipalities of the same
    /// secondary area (by code), which open `mutualAidDelayMinutes` after the outage episode starts.
    static func depots(for i: Int, in pr: Prepared) -> [(depot: Int, mutualAid: Bool)] {
        var out: [(Int, Bool)] = []
        let pi = pr.patProv[i]
        if pr.provs[pi].tier >= .institutional { out.append((pi, false)) }
        for q in pr.provPartners[pi] { out.append((q, false)) }
        let m = pr.patMuni[i]
        out.append((pr.muniDepot(m), false))
        if pr.patRegional[i] {
            for n in pr.areaMunis[pr.muniArea[m]] where n != m { out.append((pr.muniDepot(n), true)) }
        }
        return out
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
            let m = pr.units[u].minutes(for: pr.pats[i])
            if m > bestMinutes { best = u; bestMinutes = m }
        }
        return best
    }

    /// Earliest-depletion-first over known patients who need help, ties by id. Patients for whom
    /// nothing can be done (no unit open to them with a team, no bed) are parked until a provider or
    /// hospital starts working again: stock, teams and beds never grow during a run.
    mutating func dispatch(_ now: Int) {
        guard !needy.isEmpty else { return }
        var waiting: [Int] = []
        while let e = needy.pop() {
            let i = Int(e.payload)
            inNeedy[i] = false
            guard needsHelp(i) else { continue }
            if e.minute != depletion[i] {  // stale key: file again under the current depletion
                inNeedy[i] = true
                needy.push(minute: depletion[i], priority: i, e.payload)
                continue
            }
            switch decide(i, now) {
            case .acted: break
            case .wait: waiting.append(i)
            case .park: parked.append(i)
            }
        }
        for i in waiting where !inNeedy[i] {
            inNeedy[i] = true
            needy.push(minute: depletion[i], priority: i, Int32(i))
        }
    }

    /// A provider or hospital is back at work: parked patients are looked at again.
    mutating func unpark() {
        let list = parked
        parked.removeAll()
        for i in list { pushNeedyIfNeeded(i) }
    }

    enum Decision { case acted, wait, park }

    /// Acts for patient i, or says why not.
    mutating func decide(_ i: Int, _ now: Int) -> Decision {
        let d = depletion[i]
        let epStart = pr.episodes[current[i]].start
        let pm = pr.patMuni[i]
        var best: UnitOption? = nil
        var anyStock = false
        var bestWithoutWaiting = Int.max
        for (depot, aid) in DispatchPolicy.depots(for: i, in: pr) where depotWorking(depot, now) {
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
        if !anyStock { flags[i] |= Flag.noPowerUnit }
        let unitArrive = best?.arrive ?? Int.max
        if unitArrive > d && bestWithoutWaiting <= d { flags[i] |= Flag.noDeliveryTeam }
        if anyStock && best == nil { flags[i] |= Flag.noDeliveryTeam }

        let bed = freeBed(for: i, now)
        let bedArrive = bed == nil ? Int.max : now + pr.slowed(pr.params.transferMinutes, pm, pm, at: now)
        if let b = best, b.arrive <= d {
            // In time. If this unit will not carry the patient to restoration but a bed is reachable
            // in time, the bed is the safer choice (it lasts; a further unit may not come).
            let lastsUntil = d + pr.units[b.unit].minutes(for: pr.pats[i])
            if let h = bed, bedArrive <= d, lastsUntil < episodeEnd(i) {
                evacuate(i, to: h, arriving: bedArrive)
                return .acted
            }
            return send(i, b, now) ? .acted : .wait
        }
        if let h = bed {
            if bedArrive < unitArrive {
                evacuate(i, to: h, arriving: bedArrive)
                return .acted
            }
        } else {
            flags[i] |= Flag.noBackupBed
        }
        if let b = best { return send(i, b, now) ? .acted : .wait }
        return bedArrive == Int.max ? .park : .wait
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
        bed[i] = h
        evacArrival[i] = t
        schedule(t, .evacArrival(patient: Int32(i)))
    }
}
