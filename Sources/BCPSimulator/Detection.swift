import BCPEngine
import BCPModel

/// One safety-confirmation channel (a provider's calls, or a municipality's confirmation) with a
/// capacity in contacts per hour. A contact takes exactly 60/perHour minutes: the channel keeps its
/// busy time in units of 1/perHour minute, so no rate is lost to rounding; a contact is credited at
/// the whole minute its exact end falls in.
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
}

extension SimulationRun {
    /// At the start of an outage episode of a patient nobody knows about yet, the channels that can
    /// reach them open, each after its delay.
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
        if pr.patRegional[i] && pr.pats[i].registeredSupportPlan {
            let c = pr.providerCount + pr.patMuni[i]
            schedule(now + prm.municipalConfirmDelayMinutes, .eligible(channel: Int32(c), patient: p32, episode: k32, kind: .municipalConfirmation))
        }
        // The patient calls once reserve is below the threshold (at once if it already is).
        let call = max(now, depletion[i] - prm.selfCallThresholdMinutes) + prm.selfCallDelayMinutes
        if call < pr.episodes[k].end { schedule(call, .selfCall(patient: p32, episode: k32)) }
    }

    /// A provider stops working: under the linked tier its partners take over its patients who are
    /// without grid power and not yet known, after the takeover delay.
    mutating func providerDown(_ pi: Int, _ now: Int) {
        guard pr.provs[pi].tier >= .linked else { return }
        for i in pr.provPatients[pi] where current[i] >= 0 && !known[i] {
            schedule(now + pr.params.linkedTakeoverDelayMinutes, .takeover(patient: Int32(i), episode: Int32(current[i])))
        }
    }

    /// The first working partner (by id) adds the patient to its own call list.
    mutating func takeover(_ i: Int, _ k: Int, _ now: Int) {
        guard !known[i], current[i] == k else { return }
        let pi = pr.patProv[i]
        guard !pr.working(provider: pi, at: now) else { return }
        for partner in pr.provPartners[pi] where pr.working(provider: partner, at: now) {
            makeEligible(partner, i, k, .linkedPartner)
            return
        }
    }

    mutating func makeEligible(_ c: Int, _ i: Int, _ k: Int, _ kind: DetectionChannel) {
        guard !known[i], current[i] == k else { return }
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
            guard !known[i], current[i] == Int(e.value.episode) else { continue }
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
        if !known[i] && current[i] == k { detect(i, kind, now) }
    }

    mutating func detect(_ i: Int, _ kind: DetectionChannel, _ now: Int) {
        known[i] = true
        detectionMinute[i] = now
        detectionChannel[i] = kind
        pushNeedyIfNeeded(i)
    }
}
