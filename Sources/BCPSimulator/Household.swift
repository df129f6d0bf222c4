import BCPModel

/// Power at home: the reserve, what the household does when it runs low, gaps and harm.
/// docs/MODEL.md, "Energy", "Households" and "Harm".
extension SimulationRun {
    /// The grid fails for patient i. A patient in hospital (or on the way) is not at home: nothing
    /// runs out. At home, the reserve is full again (batteries recharged and fuel restocked while
    /// the grid was on; cylinders restocked by the supplier).
    mutating func startEpisode(_ i: Int, _ k: Int, _ now: Int) {
        current[i] = k
        let end = pr.episodes[k].end
        schedule(end, .episodeEnd(patient: Int32(i)))
        selfHelpDone[i] = false
        guard place[i] == .home else { return }
        let clock = pr.patClock[i]
        episodeStartUse[i] = clock.used(now)
        depleteUse[i] = episodeStartUse[i] + pr.patOwnUse[i] + pr.patCylinderUse[i]
        refreshDepletion(i, now)
        if depletion[i] < end && firstDepletion[i] < 0 { firstDepletion[i] = depletion[i] }
        if known[i] {
            afterDetection(i, now)
        } else {
            scheduleDetection(i, k, now)
        }
    }

    /// The grid is back: any gap ends; units at home go back to their depots; an admitted patient
    /// goes home after the discharge delay.
    mutating func endEpisode(_ i: Int, _ now: Int) {
        guard current[i] >= 0 else { return }
        if place[i] != .hospital { closeGap(i, now) }
        noteOtherPower(i, now)
        current[i] = -1
        depletion[i] = Int.max
        powerGen[i] &+= 1
        returnUnits(i, now)
        if place[i] == .hospital { schedule(now + pr.params.dischargeAfterRestoreMinutes, .discharge(patient: Int32(i))) }
    }

    /// Recomputes when the home reserve runs out and schedules the household's low-reserve moment
    /// and the depletion (events of an older generation become stale).
    mutating func refreshDepletion(_ i: Int, _ now: Int) {
        powerGen[i] &+= 1
        defer { if list.needy[i] { enqueue(i) } }  // a new deadline: the dispatcher looks again
        guard current[i] >= 0, place[i] != .hospital else {
            depletion[i] = Int.max
            return
        }
        let clock = pr.patClock[i]
        let d = max(now, clock.time(ofUse: depleteUse[i]))
        depletion[i] = d
        let end = episodeEnd(i)
        guard d < end else { return }
        let low = max(now, clock.time(ofUse: depleteUse[i] - pr.params.selfHelpThresholdMinutes))
        if low < end { schedule(low, .lowReserve(patient: Int32(i), gen: powerGen[i])) }
        schedule(d, .depletion(patient: Int32(i), gen: powerGen[i]))
    }

    /// `m` use-minutes of power reach the patient at `now` (a unit, cylinders, the car, a charged
    /// battery). During a gap the gap ends now and the new power counts from now.
    mutating func addPower(_ i: Int, _ m: Int, _ now: Int) {
        guard current[i] >= 0, place[i] != .hospital else { return }
        if gapStart[i] >= 0 {
            closeGap(i, now)
            depleteUse[i] = pr.patClock[i].used(now) + m
        } else {
            depleteUse[i] += m
        }
        otherPowerUsed[i] = otherPowerUsed[i] || m > 0
        refreshDepletion(i, now)
        if known[i] { markNeedy(i) }
    }

    /// About 3 hours of reserve are left (selfHelpThresholdMinutes): the household's own plan, if
    /// it has one left; otherwise the patient's provider arranges an admission.
    mutating func lowReserve(_ i: Int, _ now: Int) {
        guard current[i] >= 0, place[i] == .home else { return }
        if !selfHelpDone[i] && ownPlan(i, now) { return }
        if pr.patLifeCritical[i] {
            arrangedAdmission(i, now)
        } else if gapStart[i] >= 0 {
            scheduleArrangedAdmission(i, now)
        }
    }

    /// The household's own plan (docs/MODEL.md, "Households"); true when it acted.
    mutating func ownPlan(_ i: Int, _ now: Int) -> Bool {
        let k = Int32(current[i])
        switch pr.patSelfHelp[i] {
        case .none:
            return false
        case .hospital:
            selfHelpDone[i] = true
            goToHospital(i, .family, now)
        case .car:
            selfHelpDone[i] = true
            schedule(now + pr.params.carSetupMinutes, .carReady(patient: Int32(i), episode: k))
        case .recharge:
            // Every time the reserve runs low again, as long as a powered place is within reach.
            guard chargingPlace(pr.patMuni[i], now) else { return false }
            selfHelpDone[i] = true
            schedule(now + pr.params.rechargeTripMinutes, .rechargeBack(patient: Int32(i), episode: k))
        }
        return true
    }

    mutating func carReady(_ i: Int, _ k: Int, _ now: Int) {
        guard current[i] == k, place[i] != .hospital else { return }
        carUsed[i] = true
        addPower(i, pr.params.carFuelMinutes, now)
    }

    mutating func rechargeBack(_ i: Int, _ k: Int, _ now: Int) {
        guard current[i] == k, place[i] != .hospital else { return }
        rechargedAny[i] = true
        selfHelpDone[i] = false  // the next low reserve may send the battery out again
        addPower(i, pr.patExtUse[i], now)
    }

    /// A powered place in the municipality where a family can charge a battery: one of its
    /// charging points, or a provider or hospital whose site has power (assumption: they let
    /// families charge).
    func chargingPlace(_ m: Int, _ now: Int) -> Bool {
        if pr.munis[m].chargingPoints > 0 { return true }
        for p in pr.provs.indices where pr.provMuni[p] == m && pr.provs[p].kind != .supplier && pr.sitePowered(provider: p, at: now) {
            return true
        }
        return false
    }

    /// The reserve has run out: a gap starts (kept going by hand where there is a bridge). A
    /// life-critical patient is taken to the emergency department at once; the others wait for
    /// power or help, and are taken there when the gap reaches their tolerance (and bridge): they
    /// have become unwell (`symptomatic`).
    mutating func depleted(_ i: Int, _ now: Int) {
        guard current[i] >= 0, place[i] != .hospital, gapStart[i] < 0 else { return }
        gapStart[i] = now
        guard place[i] == .home else { return }
        if pr.patLifeCritical[i] {
            goToHospital(i, .emergency, now)
        } else {
            let t = deadline(i)
            if t < episodeEnd(i) && t < pr.horizon { schedule(t, .symptomatic(patient: Int32(i), gen: powerGen[i])) }
            scheduleArrangedAdmission(i, now)
        }
    }

    /// A patient who is not life-critical can do without the device for a while: the provider
    /// arranges an admission so that the patient arrives as the gap reaches the tolerance (and
    /// bridge), not later, rather than at the first sign of a low reserve.
    mutating func scheduleArrangedAdmission(_ i: Int, _ now: Int) {
        let lead = pr.params.plannedAdmissionDelayMinutes + transportMinutes(i, emergency: false, now)
        let t = max(now, deadline(i) - lead)
        if t < episodeEnd(i) && t < pr.horizon { schedule(t, .arrangeAdmission(patient: Int32(i), gen: powerGen[i])) }
    }

    /// A patient still without power when the gap reaches their tolerance is taken to the
    /// emergency department.
    mutating func symptomatic(_ i: Int, _ now: Int) {
        guard current[i] >= 0, place[i] == .home, gapStart[i] >= 0 else { return }
        goToHospital(i, .emergency, now)
    }

    /// Ends a gap at `now`: the minutes the device was needed, those kept going by hand (up to the
    /// bridge's limit), and those beyond the tolerance (the harm).
    mutating func closeGap(_ i: Int, _ now: Int) {
        guard gapStart[i] >= 0 else { return }
        let a = gapStart[i], b = min(now, pr.horizon)
        gapStart[i] = -1
        guard a < b else { return }
        let need = pr.patClock[i].need(a, b)
        let bridge = pr.patBridge[i] ? min(need, pr.params.bridgeMaxMinutes) : 0
        gap[i] += need
        bridgeUsed[i] += bridge
        beyond[i] += max(0, need - bridge - pr.patTolerance[i])
        gapSpans.append(Interval(start: a, end: b))
    }

    /// Notes whether the episode so far used power beyond the patient's own batteries from the
    /// home reserve itself (an own generator, units placed at home, cylinders on hand). Power
    /// brought later (car, recharge, units) is noted when it arrives.
    mutating func noteOtherPower(_ i: Int, _ now: Int) {
        guard current[i] >= 0, place[i] != .hospital else { return }
        let used = pr.patClock[i].used(min(now, pr.horizon)) - episodeStartUse[i]
        let batteries = batteryUse(i)
        if used > batteries && pr.patOwnUse[i] + pr.patCylinderUse[i] > batteries { otherPowerUsed[i] = true }
    }

    /// Use-minutes of the patient's own batteries alone.
    func batteryUse(_ i: Int) -> Int { Energy.useMinutes(wh: pr.pats[i].batteryWh, drawW: pr.patDraw[i]) }
}
