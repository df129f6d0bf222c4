import BCPModel

extension SimulationRun {
    /// Shortfall reasons of an uncovered patient. See docs/MODEL.md, "Shortfall reasons".
    func reasons(_ i: Int) -> [ShortfallReason] {
        var r: [ShortfallReason] = []
        let f = flags[i]
        let need = firstDepletion[i]
        let noUnit = f & Flag.noPowerUnit != 0
        let noTeam = f & Flag.noDeliveryTeam != 0
        let late = detectionMinute[i] < 0 || detectionMinute[i] + pr.params.travelSameMunicipalityMinutes > need
        let tier = pr.provs[pr.patProv[i]].tier
        if noUnit { r.append(.noPowerUnit) }
        if late { r.append(.noContact) }
        if noTeam { r.append(.noDeliveryTeam) }
        if f & Flag.noBackupBed != 0 { r.append(.noBackupBed) }
        if tier == .none && (late || noUnit) { r.append(.providerWithoutBCP) }
        if !pr.patRegional[i] && (late || noUnit || noTeam) { r.append(.noRegionalBCP) }
        return r
    }

    func outcome(_ i: Int) -> PatientOutcome {
        let p = pr.pats[i]
        let eps = pr.episodes[pr.epOffset[i]..<pr.epOffset[i + 1]]
        let kind: Outcome
        if eps.isEmpty {
            kind = .unaffected
        } else if gap[i] > 0 {
            kind = .uncovered
        } else if bed[i] >= 0 {
            kind = .evacuated
        } else if !delivered[i].isEmpty {
            kind = .coveredByUnit
        } else {
            kind = .coveredOwnMeans
        }
        let m = pr.munis[pr.patMuni[i]]
        let restored = eps.last.map(\.end).flatMap { $0 < pr.horizon ? $0 : nil }
        return PatientOutcome(
            id: p.id, municipality: p.municipality, area: m.area.nameJa, providerId: p.providerId,
            tier: pr.provs[pr.patProv[i]].tier, device: p.device, ownReserveMinutes: pr.patOwnMinutes[i],
            outcome: kind, gapMinutes: gap[i], firstOutageMinute: eps.first?.start, restorationMinute: restored,
            gridOffMinutes: eps.reduce(0) { $0 + $1.end - $1.start },
            depletionMinute: firstDepletion[i] >= 0 ? firstDepletion[i] : nil,
            detectionMinute: detectionMinute[i] >= 0 ? detectionMinute[i] : nil,
            detectionChannel: detectionChannel[i],
            firstHelpMinute: firstHelp[i] == Int.max ? nil : firstHelp[i],
            unitIds: delivered[i].map { pr.units[Int($0)].id },
            bedProviderId: bed[i] >= 0 ? pr.provs[bed[i]].id : nil,
            shortfall: kind == .uncovered ? reasons(i) : [])
    }

    func result(seed: UInt64, tier: TierOverride) -> SimulationResult {
        let outcomes = pr.pats.indices.map(outcome)
        var totals = Tally()
        var byMuni = [Tally](repeating: Tally(), count: pr.munis.count)
        var byTier = [Tally](repeating: Tally(), count: BCPTier.allCases.count)
        var byDevice = [Tally](repeating: Tally(), count: DeviceKind.allCases.count)
        for (i, o) in outcomes.enumerated() {
            totals.add(o)
            byMuni[pr.patMuni[i]].add(o)
            byTier[o.tier.rawValue].add(o)
            byDevice[DeviceKind.allCases.firstIndex(of: o.device)!].add(o)
        }
        // Resources by the municipality where they are held.
        var res = [ResourceUse](repeating: ResourceUse(), count: pr.munis.count)
        for d in pr.depotTeams.indices {
            let m = depotMunicipality(d)
            res[m].unitsHeld += pr.depotUnits[d].count
            res[m].unitsLent += unitsLent[d]
            res[m].teams += pr.depotTeams[d]
            res[m].teamTrips += trips[d]
        }
        for h in pr.provs.indices {
            res[pr.provMuni[h]].bedsHeld += max(0, pr.provs[h].backupBeds)
            res[pr.provMuni[h]].bedsUsed += max(0, pr.provs[h].backupBeds) - bedsLeft[h]
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

    /// The replica summary straight from the run's state: the same counts as `result` gives
    /// (Tally.add over each PatientOutcome), without building outcomes (strings, arrays).
    func summary() -> ReplicaSummary {
        var totals = Tally()
        var byMuni = [Tally](repeating: Tally(), count: pr.munis.count)
        for i in pr.pats.indices {
            let m = pr.patMuni[i]
            totals.patients += 1
            byMuni[m].patients += 1
            let a = pr.epOffset[i], b = pr.epOffset[i + 1]
            guard a < b else { continue }  // unaffected
            func add(_ t: inout Tally) {
                t.affected += 1
                if firstDepletion[i] >= 0 { t.atRisk += 1 }
                if gap[i] > 0 {
                    t.uncovered += 1
                } else if bed[i] >= 0 {
                    t.evacuated += 1
                } else if !delivered[i].isEmpty {
                    t.coveredByUnit += 1
                } else {
                    t.coveredOwnMeans += 1
                }
                t.gapMinutes += gap[i]
                t.maxGapMinutes = max(t.maxGapMinutes, gap[i])
                t.unitsDelivered += delivered[i].count
                if bed[i] >= 0 { t.bedsUsed += 1 }
                if detectionMinute[i] >= 0 {
                    let delay = detectionMinute[i] - pr.episodes[a].start
                    t.detected += 1
                    t.detectionDelayTotal += delay
                    t.detectionDelayMax = max(t.detectionDelayMax, delay)
                }
            }
            add(&totals)
            add(&byMuni[m])
        }
        return ReplicaSummary(totals, municipalities: byMuni)
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

extension Tally {
    mutating func merge(_ o: Tally) {
        patients += o.patients
        affected += o.affected
        atRisk += o.atRisk
        coveredOwnMeans += o.coveredOwnMeans
        coveredByUnit += o.coveredByUnit
        evacuated += o.evacuated
        uncovered += o.uncovered
        gapMinutes += o.gapMinutes
        maxGapMinutes = max(maxGapMinutes, o.maxGapMinutes)
        unitsDelivered += o.unitsDelivered
        bedsUsed += o.bedsUsed
        detected += o.detected
        detectionDelayTotal += o.detectionDelayTotal
        detectionDelayMax = max(detectionDelayMax, o.detectionDelayMax)
        for k in shortfall.indices { shortfall[k] += o.shortfall[k] }
    }
}

extension ResourceUse {
    mutating func merge(_ o: ResourceUse) {
        unitsHeld += o.unitsHeld
        unitsLent += o.unitsLent
        teams += o.teams
        teamTrips += o.teamTrips
        bedsHeld += o.bedsHeld
        bedsUsed += o.bedsUsed
    }
}
