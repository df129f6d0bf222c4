import BCPModel

extension SimulationRun {
    /// Shortfall reasons of an uncovered patient. See docs/MODEL.md, "Shortfall reasons".
    func reasons(_ i: Int) -> [ShortfallReason] {
        var r: [ShortfallReason] = []
        let f = flags[i]
        let need = firstDepletion[i]
        let noUnit = f.contains(.noPowerUnit)
        let noTeam = f.contains(.noDeliveryTeam)
        let late = detectionMinute[i] < 0 || detectionMinute[i] + pr.params.travelSameMunicipalityMinutes > need
        let tier = pr.provs[pr.patProv[i]].tier
        if noUnit { r.append(.noPowerUnit) }
        if late { r.append(.noContact) }
        if noTeam { r.append(.noDeliveryTeam) }
        if f.contains(.noBackupBed) { r.append(.noBackupBed) }
        if tier == .none && (late || noUnit) { r.append(.providerWithoutBCP) }
        if !pr.patRegional[i] && (late || noUnit || noTeam) { r.append(.noRegionalBCP) }
        return r
    }

    /// How patient i came through: the one classification rule (docs/MODEL.md, "Coverage and
    /// outcomes") for both full results and replica summaries.
    func outcomeKind(_ i: Int) -> Outcome {
        if pr.epOffset[i] == pr.epOffset[i + 1] { return .unaffected }
        if gap[i] > 0 { return .uncovered }
        if admission[i] != nil { return .evacuated }
        if !delivered[i].isEmpty || cylinderDeliveries[i] > 0 { return .coveredByUnit }
        if carUsed[i] || rechargedAny[i] { return .coveredBySelfHelp }
        return .coveredOwnMeans
    }

    /// What the tallies count of patient i, straight from the run's state (no strings): the same
    /// values as `outcome(i).facts` (tested).
    func facts(_ i: Int) -> OutcomeFacts {
        let kind = outcomeKind(i)
        let first = pr.epOffset[i] < pr.epOffset[i + 1] ? pr.episodes[pr.epOffset[i]].start : nil
        return OutcomeFacts(
            outcome: kind, gapMinutes: gap[i], unitsDelivered: delivered[i].count,
            bed: hospitalOf[i] >= 0, detectionDelay: detectionMinute[i] >= 0 ? first.map { detectionMinute[i] - $0 } : nil,
            shortfall: kind == .uncovered ? reasons(i) : [], bridgeMinutes: bridgeUsed[i], beyondToleranceMinutes: beyond[i],
            admission: admission[i], otherPower: otherPowerUsed[i], usedCar: carUsed[i], recharged: rechargedAny[i],
            cylinderDeliveries: cylinderDeliveries[i])
    }

    func outcome(_ i: Int) -> PatientOutcome {
        let p = pr.pats[i]
        let eps = pr.episodes[pr.epOffset[i]..<pr.epOffset[i + 1]]
        let kind = outcomeKind(i)
        let m = pr.munis[pr.patMuni[i]]
        let restored = eps.last.map(\.end).flatMap { $0 < pr.horizon ? $0 : nil }
        return PatientOutcome(
            id: p.id, municipality: p.municipality, area: m.area.nameJa, providerId: p.providerId,
            tier: pr.provs[pr.patProv[i]].tier, device: p.device,
            ownReserveMinutes: pr.patOwnUse[i] + pr.patCylinderUse[i],
            outcome: kind, gapMinutes: gap[i], firstOutageMinute: eps.first?.start, restorationMinute: restored,
            gridOffMinutes: eps.reduce(0) { $0 + $1.end - $1.start },
            depletionMinute: firstDepletion[i] >= 0 ? firstDepletion[i] : nil,
            detectionMinute: detectionMinute[i] >= 0 ? detectionMinute[i] : nil,
            detectionChannel: detectionChannel[i],
            firstHelpMinute: firstHelp[i] == Int.max ? nil : firstHelp[i],
            unitIds: delivered[i].map { pr.units[Int($0)].id },
            bedProviderId: hospitalOf[i] >= 0 ? pr.provs[hospitalOf[i]].id : nil,
            shortfall: kind == .uncovered ? reasons(i) : [], bridgeMinutes: bridgeUsed[i], beyondToleranceMinutes: beyond[i],
            admission: admission[i], admissionMinute: admissionMinute[i] >= 0 ? admissionMinute[i] : nil,
            otherPower: otherPowerUsed[i], usedCar: carUsed[i], recharged: rechargedAny[i],
            cylinderDeliveries: cylinderDeliveries[i], supplierContactMinute: supplierContact[i] >= 0 ? supplierContact[i] : nil)
    }

    func result(seed: UInt64, tier: TierOverride) -> SimulationResult {
        let outcomes = pr.pats.indices.map(outcome)
        var totals = Tally()
        var byMuni = [Tally](repeating: Tally(), count: pr.munis.count)
        var byTier = PerCase<BCPTier, Tally>(repeating: Tally())
        var byDevice = PerCase<DeviceKind, Tally>(repeating: Tally())
        for (i, o) in outcomes.enumerated() {
            let f = o.facts
            totals.add(f)
            byMuni[pr.patMuni[i]].add(f)
            byTier[o.tier].add(f)
            byDevice[o.device].add(f)
        }
        // Resources by the municipality where they are held.
        var res = [ResourceUse](repeating: ResourceUse(), count: pr.munis.count)
        for d in pr.depotTeams.indices {
            let m = pr.depotMunicipality(d)
            res[m].unitsHeld += pr.depotUnits[d].count
            res[m].unitsLent += unitsLent[d]
            res[m].teams += pr.depotTeams[d]
            res[m].teamTrips += trips[d]
        }
        for h in pr.provs.indices {
            res[pr.provMuni[h]].bedsHeld += max(0, pr.provs[h].backupBeds)
            res[pr.provMuni[h]].bedsUsed += bedsTaken[h]
        }
        let munis = pr.munis.indices.map { m in
            MunicipalitySummary(
                code: pr.munis[m].code, nameJa: pr.munis[m].nameJa, nameEn: pr.munis[m].nameEn,
                areaJa: pr.munis[m].area.nameJa, population: pr.munis[m].population,
                regionalBCP: pr.munis[m].hasRegionalBCP, tally: byMuni[m], resources: res[m])
        }
        let areas = pr.areas.indices.map { a in
            var t = Tally(), r = ResourceUse()
            for m in pr.areaMunis[a] {
                t.merge(byMuni[m])
                r.merge(res[m])
            }
            return AreaSummary(nameJa: pr.areas[a].nameJa, nameEn: pr.areas[a].nameEn, tally: t, resources: r)
        }
        var allRes = ResourceUse()
        for r in res { allRes.merge(r) }
        return SimulationResult(
            scenarioNameJa: pr.scenario.nameJa, scenarioNameEn: pr.scenario.nameEn, seed: seed, tier: tier,
            horizonMinutes: pr.horizon, parameters: pr.params, totals: totals, municipalities: munis,
            areas: areas, tiers: byTier, devices: byDevice, timeline: timeline(), resources: allRes,
            patients: outcomes)
    }

    /// The replica summary straight from the run's state: the same counts as `result` gives,
    /// without building outcomes (strings, arrays).
    func summary() -> ReplicaSummary {
        var totals = Tally()
        var byMuni = [Tally](repeating: Tally(), count: pr.munis.count)
        for i in pr.pats.indices {
            let f = facts(i)
            totals.add(f)
            byMuni[pr.patMuni[i]].add(f)
        }
        return ReplicaSummary(totals, municipalities: byMuni)
    }

    /// Each municipality's tally (municipalities by code): what an incremental rerun keeps of a
    /// replica, since a municipality's patients are never split between parts (Coupling.swift).
    func municipalityTallies() -> [Tally] {
        var byMuni = [Tally](repeating: Tally(), count: pr.munis.count)
        for i in pr.pats.indices { byMuni[pr.patMuni[i]].add(facts(i)) }
        return byMuni
    }

    /// Hour points from grid-off episodes and gap spans, by difference arrays.
    func timeline() -> [HourPoint] {
        let hours = (pr.horizon + 59) / 60
        var off = [Int](repeating: 0, count: hours + 1)
        var without = [Int](repeating: 0, count: hours + 1)
        var minutes = [Int](repeating: 0, count: hours)
        // Hour marks 60h inside [a, b): h from ceil(a/60) to ceil(b/60) - 1.
        func mark(_ arr: inout [Int], _ s: Interval) {
            let first = (s.start + 59) / 60, last = (s.end + 59) / 60
            if first < last { arr[first] += 1; arr[last] -= 1 }
        }
        for s in pr.episodes { mark(&off, s) }
        for s in gapSpans {
            mark(&without, s)
            var h = s.start / 60
            while h * 60 < s.end && h < hours {
                minutes[h] += min(s.end, h * 60 + 60) - max(s.start, h * 60)
                h += 1
            }
        }
        var out: [HourPoint] = []
        out.reserveCapacity(hours)
        var a = 0, b = 0
        for h in 0..<hours {
            a += off[h]
            b += without[h]
            out.append(HourPoint(hour: h, gridOff: a, withoutPower: b, gapMinutes: minutes[h]))
        }
        return out
    }
}

