import BCPModel
@_spi(Testing) import BCPSimulator

/// Small scenarios built in code. Four real Tokyo municipalities: 千代田区 and 中央区 (区中央部),
/// 新宿区 (区西部), 大島町 (島しょ, an island).
public enum Fx {
    public static let chiyoda = MunicipalityCode("131016")!
    public static let chuo = MunicipalityCode("131024")!
    public static let shinjuku = MunicipalityCode("131041")!
    public static let oshima = MunicipalityCode("133612")!
    public static let central = SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu")
    public static let western = SecondaryArea(nameJa: "区西部", nameEn: "Ku-seibu")
    public static let islands = SecondaryArea(nameJa: "島しょ", nameEn: "Tosho")

    public static func municipalities() -> [Municipality] {
        [
            Municipality(code: chiyoda, nameJa: "千代田区", nameEn: "Chiyoda", kind: .ward, island: false,
                         population: 67549, populationDate: "2023-01-01", area: central),
            Municipality(code: chuo, nameJa: "中央区", nameEn: "Chuo", kind: .ward, island: false,
                         population: 173130, populationDate: "2023-01-01", area: central),
            Municipality(code: shinjuku, nameJa: "新宿区", nameEn: "Shinjuku", kind: .ward, island: false,
                         population: 351085, populationDate: "2023-01-01", area: western),
            Municipality(code: oshima, nameJa: "大島町", nameEn: "Oshima", kind: .town, island: true,
                         population: 6823, populationDate: "2023-01-01", area: islands),
        ]
    }

    /// A 24-hour TPPV device at 60 W with `reserve` minutes of battery (reserve Wh at 60 W =
    /// reserve minutes). Its tolerance is TPPV's 5 minutes (life-critical: taken to the emergency
    /// department when the power runs out) unless `tolerance` says otherwise.
    public static func patient(_ id: String, reserve: Int, in m: MunicipalityCode = chiyoda, provider: String = "C1",
                               registered: Bool = false, tolerance: Int? = nil, external: Int = 0, bridge: Bool = false,
                               car: CarPower = .none, device: DeviceKind = .tppv, hours: Int = 24) -> Patient {
        Patient(id: id, municipality: m, device: device, drawW: 60, hoursPerDay: hours, internalBatteryWh: reserve,
                externalBatteryWh: external, generator: nil, providerId: provider, registeredSupportPlan: registered,
                toleranceMinutes: tolerance, manualBridge: bridge, car: car)
    }

    /// A patient who waits at home for help when the power runs out (tolerance far beyond any
    /// horizon: not life-critical, no emergency, no harm), for tests of detection and dispatch.
    public static func waiting(_ id: String, reserve: Int, in m: MunicipalityCode = chiyoda, provider: String = "C1",
                               registered: Bool = false) -> Patient {
        patient(id, reserve: reserve, in: m, provider: provider, registered: registered, tolerance: 1_000_000)
    }

    /// Parameters with the household shares set (per mille): family to hospital, car (12 V socket),
    /// car outlet, recharge trips. Everything else at its default.
    public static func households(hospital: Int = 0, car: Int = 0, outlet: Int = 0, recharge: Int = 0) -> PolicyParameters {
        var p = PolicyParameters()
        p.hospitalSharePerMille = hospital
        p.carPowerSharePerMille = car
        p.outletUseSharePerMille = outlet
        p.rechargeSharePerMille = recharge
        return p
    }

    public static func provider(_ id: String, in m: MunicipalityCode = chiyoda, tier: BCPTier = .none, group: String? = nil,
                         backup: Bool = true, perHour: Int = 60, teams: Int = 0, beds: Int = 0,
                         kind: ProviderKind = .clinic) -> Provider {
        Provider(id: id, kind: kind, municipality: m, tier: tier, linkedGroup: group, hasBackupPower: backup,
                 contactsPerHour: perHour, deliveryTeams: teams, backupBeds: beds)
    }

    /// A battery of `wh` Wh (at 60 W: wh minutes).
    public static func battery(_ id: String, wh: Int, owner: UnitOwner) -> PowerUnit {
        PowerUnit(id: id, kind: .battery, capacityWh: wh, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0,
                  owner: owner, subsidized: true)
    }

    /// Everyone restored exactly at `restore` minutes after the start, whatever the draw:
    /// points (restore-1, 0) and (restore, 100%) make the inverse `restore` for every u < 10^6.
    public static func step(_ id: String = "Z", start: Int = 0, restore: Int, targets: [ZoneTarget] = [.area("区中央部")]) -> OutageZone {
        OutageZone(id: id, targets: targets, startMinute: start, shape: .restoration(RestorationCurve(points: [
            CurvePoint(minute: restore - 1, restoredPPM: 0), CurvePoint(minute: restore, restoredPPM: 1_000_000),
        ])))
    }

    /// A zone that is never restored: the curve stays at 0.
    public static func never(_ id: String = "Z", targets: [ZoneTarget] = [.area("区中央部")]) -> OutageZone {
        OutageZone(id: id, targets: targets, startMinute: 0,
                   shape: .restoration(RestorationCurve(points: [CurvePoint(minute: 1, restoredPPM: 0)])))
    }

    public static func scenario(
        patients: [Patient], providers: [Provider] = [provider("C1")], units: [PowerUnit] = [],
        zones: [OutageZone], disruptions: [Disruption] = [], horizon: Int = 7 * 1440,
        params: PolicyParameters = PolicyParameters(), edit: (inout [Municipality]) -> Void = { _ in }
    ) -> Scenario {
        var m = municipalities()
        edit(&m)
        return Scenario(nameJa: "テスト", nameEn: "test", horizonMinutes: horizon, seed: 1, municipalities: m,
                        patients: patients, providers: providers, units: units, zones: zones,
                        disruptions: disruptions, parameters: params)
    }

    public static func run(_ s: Scenario, tier: TierOverride = .asConfigured, uniform: ((String, [String]) -> Int)? = nil)
        -> SimulationResult
    {
        Simulator.run(s, seed: nil, tier: tier, uniform: uniform)
    }
}

extension SimulationResult {
    public func patient(_ id: String) -> PatientOutcome { patients.first { $0.id == id }! }
}
