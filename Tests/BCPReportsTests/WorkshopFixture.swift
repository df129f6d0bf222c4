import BCPAnalysis
import BCPModel
import BCPSimulator

/// A scenario built in code whose four tier runs are worked out by hand (see WorkshopTests).
///
/// Both patients are ventilator users who can wait 24 h (tolerance 1,440 min: not life-critical,
/// so no emergency admission) and whose households do nothing of their own (the self-help shares
/// are 0): the runs turn on detection and units alone.
///
/// 区中央部 (千代田区, 中央区) loses power at minute 0; everyone, provider sites too, gets it back at
/// minute 600 (10 h). Horizon 1,440. Default parameters: provider call delay 60, linked takeover 180,
/// municipal confirmation 120, self-call 180 min before depletion + 30, travel 60 same
/// municipality / 90 same area / 150 elsewhere, mutual aid opens at 360.
///
/// - P-ALPHA-001, 千代田区, 240 min of battery, provider CLINIC-ONE (千代田区, backup power, 60 calls/h,
///   1 team, lends battery U-ONE of 600 min).
/// - P-BRAVO-002, 千代田区, 420 min of battery, provider CLINIC-TWO (千代田区, no backup power, out of
///   action 0-600 by a provider_out disruption, no teams, no units), linked group G.
/// - CLINIC-THREE (新宿区, 区西部, outside the outage), group G, 60 calls/h, 1 team, battery U-THREE.
/// - 中央区 holds battery M-CHUO (1 team): only mutual aid under the regional tier can reach 千代田区.
/// - 千代田区 makes 60 confirmation calls/h under a regional BCP; both patients are registered.
enum WorkshopFixture {
    static let chiyoda = MunicipalityCode("131016")!
    static let chuo = MunicipalityCode("131024")!
    static let shinjuku = MunicipalityCode("131041")!
    static let central = SecondaryArea(nameJa: "区中央部", nameEn: "Ku-chubu")
    static let western = SecondaryArea(nameJa: "区西部", nameEn: "Ku-seibu")

    static func scenario(name: String = "テスト", nameEn: String = "workshop test", extraUnits: [PowerUnit] = [], chiyodaTeams: Int = 0) -> Scenario {
        let munis = [
            Municipality(code: chiyoda, nameJa: "千代田区", nameEn: "Chiyoda", kind: .ward, island: false, population: 67549,
                         populationDate: "2023-01-01", area: central, deliveryTeams: chiyodaTeams, contactsPerHour: 60),
            Municipality(code: chuo, nameJa: "中央区", nameEn: "Chuo", kind: .ward, island: false, population: 173130,
                         populationDate: "2023-01-01", area: central, deliveryTeams: 1),
            Municipality(code: shinjuku, nameJa: "新宿区", nameEn: "Shinjuku", kind: .ward, island: false, population: 351085,
                         populationDate: "2023-01-01", area: western),
        ]
        func patient(_ id: String, _ reserve: Int, _ provider: String) -> Patient {
            Patient(id: id, municipality: chiyoda, device: .tppv, drawW: 60, hoursPerDay: 24, internalBatteryWh: reserve,
                    externalBatteryWh: 0, generator: nil, providerId: provider, registeredSupportPlan: true,
                    toleranceMinutes: 1440)
        }
        func provider(_ id: String, _ m: MunicipalityCode, _ tier: BCPTier, _ group: String?, backup: Bool, teams: Int) -> Provider {
            Provider(id: id, kind: .clinic, municipality: m, tier: tier, linkedGroup: group, hasBackupPower: backup,
                     contactsPerHour: 60, deliveryTeams: teams, backupBeds: 0)
        }
        func battery(_ id: String, _ owner: UnitOwner) -> PowerUnit {
            PowerUnit(id: id, kind: .battery, capacityWh: 600, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0, owner: owner, subsidized: true)
        }
        let zone = OutageZone(id: "Z", targets: [.area("区中央部")], startMinute: 0, shape: .restoration(RestorationCurve(points: [
            CurvePoint(minute: 599, restoredPPM: 0), CurvePoint(minute: 600, restoredPPM: 1_000_000),
        ])))
        var s = Scenario(
            nameJa: name, nameEn: nameEn, horizonMinutes: 1440, seed: 7, municipalities: munis,
            patients: [patient("P-ALPHA-001", 240, "CLINIC-ONE"), patient("P-BRAVO-002", 420, "CLINIC-TWO")],
            providers: [
                provider("CLINIC-ONE", chiyoda, .institutional, nil, backup: true, teams: 1),
                provider("CLINIC-TWO", chiyoda, .linked, "G", backup: false, teams: 0),
                provider("CLINIC-THREE", shinjuku, .linked, "G", backup: true, teams: 1),
            ],
            units: [battery("U-ONE", .provider("CLINIC-ONE")), battery("U-THREE", .provider("CLINIC-THREE")), battery("M-CHUO", .municipality(chuo))]
                + extraUnits,
            zones: [zone])
        // Households wait for help: nobody goes to hospital, runs the device from a car or charges a
        // battery elsewhere, so that the tier runs turn on detection and units alone.
        s.parameters.hospitalSharePerMille = 0
        s.parameters.carPowerSharePerMille = 0
        s.parameters.rechargeSharePerMille = 0
        // CLINIC-TWO's staff cannot work until the power is back (a dark clinic still phones in
        // model v2; this one is out of action).
        s.disruptions = [.providerOut(providerId: "CLINIC-TWO", fromMinute: 0, untilMinute: 600)]
        return s
    }

    static func battery(_ id: String, _ owner: UnitOwner) -> PowerUnit {
        PowerUnit(id: id, kind: .battery, capacityWh: 600, ratedW: 300, runtimePerTankMinutes: 0, tanks: 0, owner: owner, subsidized: true)
    }
}
