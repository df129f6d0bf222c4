import BCPModel

/// Hospital admission: planned (arranged by responders before the power runs out), by the family
/// when the reserve runs low, or as an emergency after it ran out; beds and discharge.
/// docs/MODEL.md, "Admission".
extension SimulationRun {
    /// A working hospital of the patient's secondary area with a free bed and power on its site:
    /// the patient's own municipality first, then by provider id.
    @inline(__always)
    func freeBed(_ i: Int, _ now: Int) -> Int? {
        let pm = pr.patMuni[i]
        var best: Int? = nil
        for h in pr.areaHospitals[pr.muniArea[pm]] {
            guard bedsLeft[h] > 0, pr.working(provider: h, at: now), pr.sitePowered(provider: h, at: now) else { continue }
            if pr.provMuni[h] == pm { return h }
            if best == nil { best = h }
        }
        return best
    }

    /// Minutes to take the patient to hospital: the family's car, else an ambulance or welfare
    /// taxi; slowed by travel disruptions.
    func transportMinutes(_ i: Int, emergency: Bool, _ now: Int) -> Int {
        let base = pr.pats[i].car != .none && !emergency ? pr.params.familyCarMinutes
            : (emergency ? pr.params.emergencyMinutes : pr.params.transferMinutes)
        return pr.slowed(base, pr.patMuni[i], pr.patMuni[i], at: now)
    }

    /// An evacuation admission for a patient found without power under a regional BCP or a
    /// pre-arranged system: a bed is reserved, the admission is arranged, the patient travels.
    /// False when no bed is free.
    mutating func plannedAdmission(_ i: Int, _ now: Int) -> Bool {
        guard let h = freeBed(i, now) else {
            flags[i].insert(.noBackupBed)
            return false
        }
        let arrive = now + pr.params.plannedAdmissionDelayMinutes + transportMinutes(i, emergency: false, now)
        admit(i, .planned, hospital: h, arriving: arrive, now)
        return true
    }

    /// Before an announced block (rolling blackouts), the patient's provider arranges an admission
    /// for a patient whose own reserve will not cover the block (JMARI 2013: clinics with
    /// ventilator patients did so in March 2011). Needs a working provider and a free bed.
    mutating func scheduledAdmission(_ i: Int, _ k: Int, _ now: Int) {
        guard place[i] == .home, admission[i] == nil || current[i] < 0 else { return }
        let e = pr.episodes[k]
        let clock = pr.patClock[i]
        let need = clock.used(e.end) - clock.used(e.start)
        let carCovers = pr.patSelfHelp[i] == .car && pr.params.carFuelMinutes > 0
        guard need > pr.patOwnUse[i] + pr.patCylinderUse[i], !carCovers else { return }
        guard pr.working(provider: pr.patProv[i], at: now), let h = freeBed(i, now) else { return }
        let arrive = max(e.start, now + pr.params.plannedAdmissionDelayMinutes + transportMinutes(i, emergency: false, now))
        admit(i, .planned, hospital: h, arriving: arrive, now)
    }

    /// The patient's provider knows the patient will run out within hours (low reserve, or found
    /// in that state or already without power) and no unit or cylinders are on the way: it
    /// arranges an admission, in a set-aside bed if one is free, else beyond them (hospitals took
    /// patients whose devices were about to stop: Hokkaido 2018, Chiba 2019; JMARI 2013 for the
    /// clinics that arranged it). Needs a working provider; not when cylinders are on the way or an
    /// announced block will end first. Beyond the set-aside beds, some hospital of the area or
    /// nearby takes the patient, as the emergency department does (assumption).
    mutating func arrangedAdmission(_ i: Int, _ now: Int) {
        guard known[i], place[i] == .home, !enRoute[i], pr.working(provider: pr.patProv[i], at: now) else { return }
        // Cylinders are coming: the supplier knows the patient and has some left.
        let s = pr.patSupplier[i]
        if s >= 0 && supplierContact[i] >= 0 && cylindersLeft[s] > 0 && pr.working(provider: s, at: now) { return }
        // An announced block (rolling blackouts) ends when announced: the reserve left covers it.
        let e = pr.episodes[current[i]]
        if e.scheduled && depletion[i] >= e.end { return }
        let arrive = now + pr.params.plannedAdmissionDelayMinutes + transportMinutes(i, emergency: false, now)
        // Too late for a life-critical patient: when the power stops, the ambulance is quicker.
        if pr.patLifeCritical[i] && depletion[i] < Int.max && arrive > depletion[i] + transportMinutes(i, emergency: true, now) { return }
        admit(i, .planned, hospital: freeBed(i, now), arriving: arrive, now)
    }

    /// The family takes the patient to hospital (reserve low), or to the emergency department
    /// (power out). The device keeps running on the home reserve on the way.
    mutating func goToHospital(_ i: Int, _ route: AdmissionRoute, _ now: Int) {
        guard place[i] == .home else { return }
        let arrive = now + transportMinutes(i, emergency: route == .emergency, now)
        admit(i, route, hospital: freeBed(i, now), arriving: arrive, now)
    }

    /// The patient sets off for hospital `h` (nil: no bed free; the emergency department admits
    /// them anyway, beyond the beds set aside). A bed is held from now.
    mutating func admit(_ i: Int, _ route: AdmissionRoute, hospital h: Int?, arriving t: Int, _ now: Int) {
        place[i] = .travelling
        if admission[i] == nil { admission[i] = route }
        list.needy[i] = false
        list.actedInRound = true
        if let h {
            bedsLeft[h] -= 1
            notifyBeds(h)
            bedsTaken[h] += 1
            bed[i] = h
            hospitalOf[i] = h
        } else if let any = pr.areaHospitals[pr.muniArea[pr.patMuni[i]]].first {
            overCapacity[any] += 1
        }
        schedule(t, .hospitalArrival(patient: Int32(i)))
    }

    /// Admitted: any gap ends, home power no longer matters, units at home go back.
    mutating func arriveAtHospital(_ i: Int, _ now: Int) {
        noteOtherPower(i, now)
        closeGap(i, now)
        place[i] = .hospital
        admissionMinute[i] = now
        firstHelp[i] = min(firstHelp[i], now)
        depletion[i] = Int.max
        powerGen[i] &+= 1
        returnUnits(i, now)
        if current[i] < 0 { schedule(now + pr.params.dischargeAfterRestoreMinutes, .discharge(patient: Int32(i))) }
    }

    /// The patient goes home (the grid has been back for the discharge delay); the bed is free.
    /// A new outage before then keeps them in (its end schedules the discharge again).
    mutating func discharge(_ i: Int, _ now: Int) {
        guard place[i] == .hospital, current[i] < 0 else { return }
        place[i] = .home
        if bed[i] >= 0 {
            bedsLeft[bed[i]] += 1
            notifyBeds(bed[i])
            bed[i] = -1
            dispatchDirty = true
        }
    }
}
