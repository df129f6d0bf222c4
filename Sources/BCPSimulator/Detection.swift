import BCPEngine
import BCPModel

/// One safety-confirmation channel (a provider's or supplier's calls, or a municipality's
/// confirmation) with a capacity in contacts per hour. A contact takes exactly 60/perHour minutes:
/// the channel keeps its busy time in units of 1/perHour minute, so no rate is lost to rounding; a
/// contact is credited at the whole minute its exact end falls in.
struct Channel {
    struct Entry {
        var patient: Int32
        var episode: Int32
        var kind: DetectionChannel
    }

    /// Contact order: least remaining reserve (earliest depletion) first, ties by patient index,
    /// then by the order the patient became eligible.
    struct Order: Comparable {
        var depletion: Int
        var patient: Int32
        var sequence: Int

        static func < (a: Order, b: Order) -> Bool {
            if a.depletion != b.depletion { return a.depletion < b.depletion }
            if a.patient != b.patient { return a.patient < b.patient }
            return a.sequence < b.sequence
        }
    }

    let perHour: Int
    let provider: Bool
    var busy = false
    /// End of the last contact, in minutes x perHour.
    var busyScaled = 0
    /// Patients waiting for a contact, in contact order.
    var pending = MinHeap<Order, Entry>()

    init(perHour: Int, provider: Bool) {
        self.perHour = max(0, perHour)
        self.provider = provider
    }

    /// When the channel would start its next contact, in minutes (for spreading a takeover).
    var freeFrom: Int { perHour > 0 ? busyScaled / perHour : Int.max }
}

extension SimulationRun {
    /// At the start of an outage episode of a patient nobody knows about yet, the channels that can
    /// reach them open, each after its delay. docs/MODEL.md, "Detection".
    mutating func scheduleDetection(_ i: Int, _ k: Int, _ now: Int) {
        let prm = pr.params
        let pi = pr.patProv[i]
        let tier = pr.provs[pi].tier
        let p32 = Int32(i), k32 = Int32(k)
        if tier >= .institutional {
            schedule(now + prm.providerCallDelayMinutes, .eligible(channel: Int32(pi), patient: p32, episode: k32, kind: .providerCall))
        }
        if tier >= .linked && !pr.working(provider: pi, at: now) {
            schedule(now + prm.linkedTakeoverDelayMinutes, .takeover(patient: p32, episode: k32))
        }
        // The municipality confirms registered patients under a regional BCP, and registered
        // ventilator users under a pre-arranged admission system.
        let registered = pr.pats[i].registeredSupportPlan
        if registered && (pr.patRegional[i] || pr.patPlanned[i]) {
            let c = pr.providerCount + pr.patMuni[i]
            schedule(now + prm.municipalConfirmDelayMinutes, .eligible(channel: Int32(c), patient: p32, episode: k32, kind: .municipalConfirmation))
        }
        // The oxygen supplier confirms its patients (Sapporo 2018: the next morning).
        let s = pr.patSupplier[i]
        if s >= 0 {
            schedule(now + prm.supplierCallDelayMinutes, .eligible(channel: Int32(s), patient: p32, episode: k32, kind: .supplierCall))
        }
        // The patient calls once reserve is below the threshold (at once if it already is).
        let call = max(now, depletion[i] == Int.max ? Int.max - prm.selfCallDelayMinutes : depletion[i] - prm.selfCallThresholdMinutes)
            + prm.selfCallDelayMinutes
        if call < pr.episodes[k].end { schedule(call, .selfCall(patient: p32, episode: k32)) }
    }

    /// A provider's staff stop working (provider_out): under the linked tier its partners take over
    /// its patients who are without grid power and not yet known, after the takeover delay.
    mutating func providerOut(_ pi: Int, _ now: Int) {
        dispatchDirty = true
        notifyProvider(pi, depot: true)
        guard pr.provs[pi].tier >= .linked else { return }
        for i in pr.provPatients[pi] where current[i] >= 0 && !known[i] {
            schedule(now + pr.params.linkedTakeoverDelayMinutes, .takeover(patient: Int32(i), episode: Int32(current[i])))
        }
    }

    /// A provider's staff are back: its own call list starts again, and patients of its partners
    /// who were waiting for a working partner are taken over now.
    mutating func providerBack(_ pi: Int, _ now: Int) {
        markChannel(pi)
        dispatchDirty = true
        notifyProvider(pi, depot: true)
        for other in pr.provPartners[pi] where !awaitingPartner[other].isEmpty {
            let waiting = awaitingPartner[other]
            awaitingPartner[other].removeAll()
            for i in waiting where current[i] >= 0 { takeover(i, current[i], now) }
        }
    }

    /// The working partner with the most spare calling capacity (its call list free soonest, ties
    /// by id) adds the patient to its own list; with none working, the patient waits for one.
    mutating func takeover(_ i: Int, _ k: Int, _ now: Int) {
        guard !known[i], current[i] == k else { return }
        let pi = pr.patProv[i]
        guard !pr.working(provider: pi, at: now) else { return }
        var best = -1, bestFree = Int.max
        for partner in pr.provPartners[pi] where pr.working(provider: partner, at: now) && channels[partner].perHour > 0 {
            let free = max(now, channels[partner].freeFrom) + channels[partner].pending.count * 60 / channels[partner].perHour
            if free < bestFree { best = partner; bestFree = free }
        }
        if best >= 0 {
            makeEligible(best, i, k, .linkedPartner)
        } else if !awaitingPartner[pi].contains(i) {
            awaitingPartner[pi].append(i)
        }
    }

    mutating func makeEligible(_ c: Int, _ i: Int, _ k: Int, _ kind: DetectionChannel) {
        guard current[i] == k else { return }
        // A supplier confirms its patient even if someone else found them first.
        if kind == .supplierCall ? supplierContact[i] >= 0 : known[i] { return }
        eligibleCount += 1
        channels[c].pending.push(
            Channel.Order(depletion: depletion[i], patient: Int32(i), sequence: eligibleCount),
            Channel.Entry(patient: Int32(i), episode: Int32(k), kind: kind))
        markChannel(c)
    }

    mutating func markChannel(_ c: Int) {
        if !channelDirty[c] {
            channelDirty[c] = true
            dirtyChannels.append(c)
        }
    }

    /// Starts a contact on every idle channel that has someone waiting, in channel order.
    mutating func kickChannels(_ now: Int) {
        guard !dirtyChannels.isEmpty else { return }
        dirtyChannels.sort()
        let list = dirtyChannels
        dirtyChannels.removeAll(keepingCapacity: true)
        for c in list {
            channelDirty[c] = false
            startContact(c, now)
        }
    }

    mutating func startContact(_ c: Int, _ now: Int) {
        let ch = channels[c]
        guard !ch.busy, ch.perHour > 0, !ch.pending.isEmpty else { return }
        if ch.provider && !pr.working(provider: c, at: now) { return }
        while let e = channels[c].pending.pop() {
            let i = Int(e.value.patient)
            let wanted = e.value.kind == .supplierCall ? supplierContact[i] < 0 : !known[i]
            guard wanted, current[i] == Int(e.value.episode) else { continue }
            let per = channels[c].perHour
            let start = max(channels[c].busyScaled, now * per)
            let end = start + 60
            channels[c].busyScaled = end
            channels[c].busy = true
            schedule(end / per, .contactDone(channel: Int32(c), patient: e.value.patient, episode: e.value.episode, kind: e.value.kind))
            return
        }
    }

    mutating func contactDone(_ c: Int, _ i: Int, _ k: Int, _ kind: DetectionChannel, _ now: Int) {
        channels[c].busy = false
        markChannel(c)
        guard current[i] == k else { return }
        if kind == .supplierCall {
            supplierContact[i] = now
            markNeedy(i)
        }
        if !known[i] { detect(i, kind, now) }
    }

    /// The patient phones as the reserve runs low: their provider, and an oxygen user also their
    /// supplier's round-the-clock line (assumption: suppliers keep one), which puts them on the
    /// supplier's delivery list at once.
    mutating func selfCall(_ i: Int, _ k: Int, _ now: Int) {
        guard current[i] == k else { return }
        let s = pr.patSupplier[i]
        if s >= 0 && supplierContact[i] < 0 && pr.working(provider: s, at: now) {
            supplierContact[i] = now
            markNeedy(i)
        }
        if !known[i] { detect(i, .selfCall, now) }
    }

    mutating func detect(_ i: Int, _ kind: DetectionChannel, _ now: Int) {
        known[i] = true
        detectionMinute[i] = now
        detectionChannel[i] = kind
        afterDetection(i, now)
    }

    /// A known patient without power: an evacuation admission where one is arranged for them,
    /// else the dispatcher's list.
    mutating func afterDetection(_ i: Int, _ now: Int) {
        guard current[i] >= 0, place[i] == .home else { return }
        if pr.patPlanned[i] && admission[i] == nil && plannedAdmission(i, now) { return }
        markNeedy(i)
        // Found with less than the low-reserve margin left, or already without power: the next
        // minute, after the dispatcher has looked, it is as if the reserve had just run low.
        let lowAt = pr.patClock[i].time(ofUse: depleteUse[i] - pr.params.selfHelpThresholdMinutes)
        if gapStart[i] >= 0 || lowAt <= now { schedule(now + 1, .lowReserve(patient: Int32(i), gen: powerGen[i])) }
    }
}
