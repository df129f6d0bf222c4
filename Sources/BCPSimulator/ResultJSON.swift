import BCPModel
import BCPText

/// The result file (`result.json`), schema "bcpsim.result/1": fixed key order, integers only
/// (seeds as decimal integers up to 2^64-1), times in minutes from scenario start, null where a
/// time did not happen. Same result, same bytes.
public enum ResultJSON {
    public static let schema = "bcpsim.result/1"

    public static func encode(_ r: SimulationResult) -> String {
        var w = JSONWriter()
        w.object { w in
            w.string("schema", schema)
            body(&w, r)
        }
        return w.text + "\n"
    }

    public static func encode(_ e: EnsembleResult) -> String {
        var w = JSONWriter()
        w.object { w in
            w.string("schema", schema)
            body(&w, e.replica0)
            ensemble(&w, e)
        }
        return w.text + "\n"
    }

    static func body(_ w: inout JSONWriter, _ r: SimulationResult) {
        w.object("scenario") { w in
            w.string("nameJa", r.scenarioNameJa)
            w.string("nameEn", r.scenarioNameEn)
            w.uint("seed", r.seed)
            w.string("tier", r.tier.name)
            w.int("horizonMinutes", r.horizonMinutes)
        }
        parameters(&w, r.parameters)
        tally(&w, "totals", r.totals)
        resources(&w, "resources", r.resources)
        w.array("municipalities") { w in
            for m in r.municipalities {
                w.object { w in
                    w.string("code", m.code.description)
                    w.string("nameJa", m.nameJa)
                    w.string("nameEn", m.nameEn)
                    w.string("area", m.areaJa)
                    w.int("population", m.population)
                    w.bool("regionalBCP", m.regionalBCP)
                    tally(&w, "tally", m.tally)
                    resources(&w, "resources", m.resources)
                }
            }
        }
        w.array("areas") { w in
            for a in r.areas {
                w.object { w in
                    w.string("nameJa", a.nameJa)
                    w.string("nameEn", a.nameEn)
                    tally(&w, "tally", a.tally)
                    resources(&w, "resources", a.resources)
                }
            }
        }
        w.array("tiers") { w in
            for t in BCPTier.allCases {
                w.object { w in
                    w.string("tier", t.name)
                    tally(&w, "tally", r.tiers[t.rawValue])
                }
            }
        }
        w.array("devices") { w in
            for (k, d) in DeviceKind.allCases.enumerated() {
                w.object { w in
                    w.string("device", d.rawValue)
                    tally(&w, "tally", r.devices[k])
                }
            }
        }
        w.object("timeline") { w in
            w.ints("gridOff", r.timeline.map(\.gridOff))
            w.ints("withoutPower", r.timeline.map(\.withoutPower))
            w.ints("gapMinutes", r.timeline.map(\.gapMinutes))
        }
        w.array("patients") { w in
            for p in r.patients { patient(&w, p) }
        }
    }

    static func parameters(_ w: inout JSONWriter, _ p: PolicyParameters) {
        w.object("parameters") { w in
            w.int("providerCallDelayMinutes", p.providerCallDelayMinutes)
            w.int("linkedTakeoverDelayMinutes", p.linkedTakeoverDelayMinutes)
            w.int("municipalConfirmDelayMinutes", p.municipalConfirmDelayMinutes)
            w.int("selfCallThresholdMinutes", p.selfCallThresholdMinutes)
            w.int("selfCallDelayMinutes", p.selfCallDelayMinutes)
            w.int("travelSameMunicipalityMinutes", p.travelSameMunicipalityMinutes)
            w.int("travelSameAreaMinutes", p.travelSameAreaMinutes)
            w.int("travelElsewhereMinutes", p.travelElsewhereMinutes)
            w.int("travelIslandMinutes", p.travelIslandMinutes)
            w.int("mutualAidDelayMinutes", p.mutualAidDelayMinutes)
            w.int("transferMinutes", p.transferMinutes)
            w.bool("ownGeneratorsUsable", p.ownGeneratorsUsable)
        }
    }

    static func tally(_ w: inout JSONWriter, _ key: String, _ t: Tally) {
        w.object(key) { w in
            w.int("patients", t.patients)
            w.int("affected", t.affected)
            w.int("atRisk", t.atRisk)
            w.int("covered", t.covered)
            w.int("coveredOwnMeans", t.coveredOwnMeans)
            w.int("coveredByUnit", t.coveredByUnit)
            w.int("evacuated", t.evacuated)
            w.int("uncovered", t.uncovered)
            w.int("gapMinutes", t.gapMinutes)
            w.int("maxGapMinutes", t.maxGapMinutes)
            w.int("unitsDelivered", t.unitsDelivered)
            w.int("bedsUsed", t.bedsUsed)
            w.int("detected", t.detected)
            w.int("detectionDelayTotalMinutes", t.detectionDelayTotal)
            w.int("detectionDelayMaxMinutes", t.detectionDelayMax)
            w.object("shortfall") { w in
                for (k, reason) in ShortfallReason.allCases.enumerated() { w.int(reason.rawValue, t.shortfall[k]) }
            }
        }
    }

    static func resources(_ w: inout JSONWriter, _ key: String, _ r: ResourceUse) {
        w.object(key) { w in
            w.int("unitsHeld", r.unitsHeld)
            w.int("unitsLent", r.unitsLent)
            w.int("unitsLeft", r.unitsLeft)
            w.int("teams", r.teams)
            w.int("teamTrips", r.teamTrips)
            w.int("bedsHeld", r.bedsHeld)
            w.int("bedsUsed", r.bedsUsed)
            w.int("bedsLeft", r.bedsLeft)
        }
    }

    static func patient(_ w: inout JSONWriter, _ p: PatientOutcome) {
        w.object { w in
            w.string("id", p.id)
            w.string("municipality", p.municipality.description)
            w.string("area", p.area)
            w.string("provider", p.providerId)
            w.string("tier", p.tier.name)
            w.string("device", p.device.rawValue)
            w.int("ownReserveMinutes", p.ownReserveMinutes)
            w.string("outcome", p.outcome.rawValue)
            w.int("gapMinutes", p.gapMinutes)
            w.int("firstOutageMinute", p.firstOutageMinute)
            w.int("restorationMinute", p.restorationMinute)
            w.int("gridOffMinutes", p.gridOffMinutes)
            w.int("depletionMinute", p.depletionMinute)
            w.int("detectionMinute", p.detectionMinute)
            w.string("detectionChannel", p.detectionChannel?.rawValue)
            w.int("firstHelpMinute", p.firstHelpMinute)
            w.strings("units", p.unitIds)
            w.string("bed", p.bedProviderId)
            w.strings("shortfall", p.shortfall.map(\.rawValue))
        }
    }

    /// The text `encode(e)` adds after replica 0's body: `encode(e)` is `encode(e.replica0)` without
    /// its last three bytes ("\n}\n"), then this, then "\n}\n". Sharded runs (`bcpsim merge`) use it
    /// to join replica 0's stored result with the summaries of every shard.
    public static func ensembleTail(seeds: [UInt64], totals: [CountSummary], municipalities: [MunicipalityCounts]) -> String {
        var w = JSONWriter()
        w.object { w in
            w.int("x", 0)
            ensemble(&w, replicas: seeds.count, seeds: seeds, totals: totals, municipalities: municipalities)
        }
        return String(w.text.dropFirst("{\n  \"x\": 0".utf8.count).dropLast(2))
    }

    static func ensemble(_ w: inout JSONWriter, _ e: EnsembleResult) {
        ensemble(&w, replicas: e.replicas, seeds: e.seeds, totals: e.totals, municipalities: e.municipalities)
    }

    static func ensemble(
        _ w: inout JSONWriter, replicas: Int, seeds: [UInt64], totals: [CountSummary], municipalities: [MunicipalityCounts]
    ) {
        w.object("ensemble") { w in
            w.int("replicas", replicas)
            w.uints("seeds", seeds)
            w.array("totals") { w in
                for s in totals { summary(&w, s) }
            }
            w.array("municipalities") { w in
                for m in municipalities {
                    w.object { w in
                        w.string("code", m.code.description)
                        w.array("counts") { w in
                            for s in m.counts { summary(&w, s) }
                        }
                    }
                }
            }
        }
    }

    static func summary(_ w: inout JSONWriter, _ s: CountSummary) {
        w.object { w in
            w.string("name", s.name)
            w.string("mean", s.meanText)
            w.int("meanMilli", s.meanMilli)
            w.int("p5", s.p5)
            w.int("p50", s.p50)
            w.int("p95", s.p95)
            w.int("min", s.min)
            w.int("max", s.max)
            w.ints("values", s.values)
        }
    }
}
