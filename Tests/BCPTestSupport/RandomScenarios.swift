import BCPEngine
import BCPModel
import BCPSimulator

/// Random small scenarios from a seeded xoshiro256**, for property tests.
public enum RandomScenario {
    public static func make(_ seed: UInt64, patients n: Int = 24) -> Scenario {
        var g = Xoshiro256StarStar(seed: seed)
        let codes = [Fx.chiyoda, Fx.chuo, Fx.shinjuku, Fx.oshima]
        var munis = Fx.municipalities()
        for i in munis.indices {
            munis[i].hasRegionalBCP = g.next(below: 3) == 0
            munis[i].deliveryTeams = g.int(in: 0...2)
            munis[i].contactsPerHour = g.int(in: 0...20)
            munis[i].admissionSystem = g.next(below: 4) == 0
            munis[i].chargingPoints = g.next(below: 3) == 0 ? 1 : 0
        }
        let tiers = BCPTier.allCases
        var providers: [Provider] = []
        for k in 0..<6 {
            let kind: ProviderKind = k >= 4 ? .hospital : (k % 2 == 0 ? .clinic : .nursingStation)
            providers.append(Provider(
                id: "C\(k)", kind: kind, municipality: codes[g.int(in: 0...3)], tier: tiers[g.int(in: 0...3)],
                linkedGroup: g.next(below: 2) == 0 ? "G\(g.int(in: 0...1))" : nil, hasBackupPower: g.next(below: 2) == 0,
                contactsPerHour: g.int(in: 0...12), deliveryTeams: g.int(in: 0...2),
                backupBeds: kind == .hospital ? g.int(in: 0...3) : 0))
        }
        // An oxygen supplier with a few cylinder deliveries.
        providers.append(Provider(
            id: "S6", kind: .supplier, municipality: codes[g.int(in: 0...3)], tier: .none, linkedGroup: nil,
            hasBackupPower: true, contactsPerHour: g.int(in: 0...12), deliveryTeams: g.int(in: 0...2), backupBeds: 0,
            cylinders: g.int(in: 0...6)))
        var patients: [Patient] = []
        for k in 0..<n { patients.append(patient(&g, id: "P\(String(k + 100))", codes: codes)) }
        var units: [PowerUnit] = []
        for k in 0..<g.int(in: 0...10) {
            let owner: UnitOwner = g.next(below: 2) == 0
                ? .municipality(codes[g.int(in: 0...3)]) : .provider("C\(g.int(in: 0...5))")
            units.append(unit(&g, id: "U\(k + 10)", owner: owner))
        }
        var zones: [OutageZone] = []
        for k in 0..<g.int(in: 1...2) {
            let target: ZoneTarget = g.next(below: 2) == 0 ? .area(["区中央部", "区西部", "島しょ"][g.int(in: 0...2)])
                : .municipality(codes[g.int(in: 0...3)])
            let shape: OutageShape
            if g.next(below: 4) == 0 {
                var blocks: [RollingBlock] = []
                for b in 0..<4 { blocks.append(RollingBlock(group: b % 2 + 1, startMinute: b * 300, durationMinutes: g.int(in: 60...240))) }
                shape = .rolling(RollingSchedule(groups: 2, blocks: blocks))
            } else {
                var pts: [CurvePoint] = []
                var minute = 0, ppm = 0
                for _ in 0..<g.int(in: 1...4) {
                    minute += g.int(in: 60...900)
                    ppm = min(1_000_000, ppm + g.int(in: 0...600_000))
                    pts.append(CurvePoint(minute: minute, restoredPPM: ppm))
                }
                shape = .restoration(RestorationCurve(points: pts))
            }
            zones.append(OutageZone(id: "Z\(k)", targets: [target], startMinute: g.int(in: 0...120), shape: shape))
        }
        var disruptions: [Disruption] = []
        if g.next(below: 2) == 0 {
            disruptions.append(.providerOut(providerId: "C\(g.int(in: 0...5))", fromMinute: g.int(in: 0...300), untilMinute: g.next(below: 2) == 0 ? nil : 900))
        }
        if g.next(below: 2) == 0 {
            disruptions.append(.travelSlowed(targets: [.municipality(codes[g.int(in: 0...3)])], percent: g.int(in: 100...300), fromMinute: 0, untilMinute: nil))
        }
        return Scenario(nameJa: "乱数", nameEn: "random \(seed)", horizonMinutes: g.int(in: 600...3000), seed: seed,
                        municipalities: munis, patients: patients, providers: providers, units: units, zones: zones,
                        disruptions: disruptions)
    }

    /// A random scenario whose parts can come apart: a second oxygen supplier, so that the two
    /// suppliers do not join every oxygen patient into one component (RandomScenario has one).
    /// Providers, linked groups and areas stay random, so some scenarios split and some do not.
    public static func splittable(_ seed: UInt64) -> Scenario {
        var s = RandomScenario.make(seed, patients: 30)
        if var second = s.providers.first(where: { $0.id == "S6" }) {
            second.id = "S7"
            second.municipality = Fx.oshima
            s.providers.append(second)
        }
        var g = Xoshiro256StarStar(seed: seed &+ 99)
        for k in s.providers.indices where g.next(below: 4) != 0 {
            // Most linked groups within one area.
            let area = s.municipality(s.providers[k].municipality)?.area.nameJa ?? ""
            s.providers[k].linkedGroup = s.providers[k].linkedGroup.map { $0 + area }
        }
        for i in s.patients.indices {
            // Each patient's provider from its own area where one exists, else any (some
            // scenarios keep a cross-area provider, which join areas).
            let area = s.municipality(s.patients[i].municipality)?.area.nameJa
            let local = s.providers.filter { $0.kind != .supplier && s.municipality($0.municipality)?.area.nameJa == area }
            if !local.isEmpty && g.next(below: 40) != 0 { s.patients[i].providerId = local[Int(g.next(below: UInt64(local.count)))].id }
            if s.patients[i].supplierId != nil { s.patients[i].supplierId = area == "区中央部" ? "S6" : "S7" }
        }
        return s
    }

    /// A random patient of any device, with the v2 fields drawn too: tolerance (the device's default
    /// or a random one), a manual bridge, a car, cylinders and the supplier for oxygen, a use window.
    public static func patient(_ g: inout Xoshiro256StarStar, id: String, codes: [MunicipalityCode]) -> Patient {
        let device = DeviceKind.allCases[g.int(in: 0...DeviceKind.allCases.count - 1)]
        var p = Patient(id: id, municipality: codes[g.int(in: 0...3)], device: device,
                drawW: g.int(in: 15...120), hoursPerDay: g.int(in: 6...24), internalBatteryWh: g.int(in: 0...200),
                externalBatteryWh: g.next(below: 2) == 0 ? 0 : g.int(in: 0...600),
                generator: g.next(below: 5) == 0 ? OwnGenerator(ratedW: 900, runtimePerTankMinutes: 90, tanks: g.int(in: 1...3)) : nil,
                providerId: "C\(g.int(in: 0...5))", registeredSupportPlan: g.next(below: 2) == 0)
        if g.next(below: 3) == 0 { p.toleranceMinutes = g.int(in: 0...600) }
        p.manualBridge = g.next(below: 3) == 0
        p.car = [CarPower.none, .socket, .outlet][g.int(in: 0...2)]
        if device == .oxygenConcentrator {
            p.cylinderMinutes = g.int(in: 0...800)
            if g.next(below: 3) != 0 { p.supplierId = "S6" }
        }
        if g.next(below: 3) == 0 { p.useFromMinute = g.int(in: 0...1439) }
        return p
    }

    public static func unit(_ g: inout Xoshiro256StarStar, id: String, owner: UnitOwner) -> PowerUnit {
        g.next(below: 3) == 0
            ? PowerUnit(id: id, kind: .generator, capacityWh: 0, ratedW: 900, runtimePerTankMinutes: g.int(in: 60...300),
                        tanks: g.int(in: 1...4), owner: owner, subsidized: true)
            : PowerUnit(id: id, kind: .battery, capacityWh: g.int(in: 200...2000), ratedW: 300, runtimePerTankMinutes: 0,
                        tanks: 0, owner: owner, subsidized: true)
    }
}
