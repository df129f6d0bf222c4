import BCPModel

/// The price of one thing a plan can buy or fund, and the share Tokyo pays of it.
public struct PlanPrice: Sendable, Equatable {
    /// Yen for one of the thing (one unit, one team, one bed, one more call an hour at one
    /// provider, one BCP tier step of one provider, one municipality's regional BCP).
    public var yen: Int
    /// Tokyo's share as a fraction (numerator, denominator); (0, 1) when no program pays.
    public var tokyoShare: (Int, Int)
    /// The registry program that pays Tokyo's share, if any.
    public var programId: String?
    /// Where the price comes from.
    public enum Source: String, Sendable { case published, given, assumption }
    public var source: Source

    public init(yen: Int, tokyoShare: (Int, Int) = (0, 1), programId: String? = nil, source: Source) {
        self.yen = yen
        self.tokyoShare = tokyoShare
        self.programId = programId
        self.source = source
    }

    /// Tokyo's yen for `n` of the thing: floor(price x share) each, so an odd yen stays with the
    /// municipality (as CostSplit).
    public func tokyoYen(_ n: Int) -> Int { tokyoShare.1 == 0 ? 0 : n * (yen * tokyoShare.0 / tokyoShare.1) }

    public static func == (a: PlanPrice, b: PlanPrice) -> Bool {
        a.yen == b.yen && a.tokyoShare == b.tokyoShare && a.programId == b.programId && a.source == b.source
    }
}

/// What each thing a plan can change costs (docs/PLAN.md "Prices"). Only the units' price is
/// published; the rest are assumptions a ward replaces with its own (`--prices FILE`).
public struct PlanPrices: Sendable, Equatable {
    /// What a plan can change, in the order of the cost table.
    public enum Item: String, Sendable, CaseIterable {
        case unit, team, contact, bed, tierStep = "tier-step", regionalBCP = "regional-bcp", siteBackup = "site-backup", oxygen
    }

    public var unit: PlanPrice
    public var team: PlanPrice
    public var contact: PlanPrice
    public var bed: PlanPrice
    public var tierStep: PlanPrice
    public var regionalBCP: PlanPrice
    public var siteBackup: PlanPrice
    public var oxygen: PlanPrice

    /// Defaults: the unit at `unitYen` (the allocation check's price of the scenario's usual
    /// municipal unit) with Tokyo's 1/2 (ventilator program); beds with the municipal home-care
    /// program's rate from year 4 (1/2; the first three years are 10/10, see docs/PLAN.md); the
    /// others are assumptions with no Tokyo share (no program in the documents pays for teams
    /// or calls; BCP support is commissioned work with no subsidy rate).
    public init(unitYen: Int) {
        unit = PlanPrice(yen: unitYen, tokyoShare: (1, 2), programId: "ventilator-support-fy2025", source: .published)
        team = PlanPrice(yen: 500_000, source: .assumption)
        contact = PlanPrice(yen: 50_000, source: .assumption)
        bed = PlanPrice(yen: 1_000_000, tokyoShare: (1, 2), programId: "municipal-home-care-promotion-fy2025", source: .assumption)
        tierStep = PlanPrice(yen: 200_000, programId: "disaster-home-care-bcp-fy2025", source: .assumption)
        regionalBCP = PlanPrice(yen: 2_000_000, programId: "disaster-home-care-bcp-fy2025", source: .assumption)
        siteBackup = PlanPrice(yen: 3_000_000, source: .assumption)
        oxygen = PlanPrice(yen: 20_000, source: .assumption)
    }

    public subscript(item: Item) -> PlanPrice {
        get {
            switch item {
            case .unit: return unit
            case .team: return team
            case .contact: return contact
            case .bed: return bed
            case .tierStep: return tierStep
            case .regionalBCP: return regionalBCP
            case .siteBackup: return siteBackup
            case .oxygen: return oxygen
            }
        }
        set {
            switch item {
            case .unit: unit = newValue
            case .team: team = newValue
            case .contact: contact = newValue
            case .bed: bed = newValue
            case .tierStep: tierStep = newValue
            case .regionalBCP: regionalBCP = newValue
            case .siteBackup: siteBackup = newValue
            case .oxygen: oxygen = newValue
            }
        }
    }
}

/// What a change to a scenario costs: its things counted, priced and split.
public struct PlanCost: Sendable, Equatable {
    /// How many of each thing, in `PlanPrices.Item` order.
    public var counts: [Int]
    public var total: Int
    public var tokyo: Int
    /// What the municipality pays: total - Tokyo's share. The budget is spent in these yen.
    public var net: Int { total - tokyo }

    public static let zero = PlanCost(counts: Array(repeating: 0, count: PlanPrices.Item.allCases.count), total: 0, tokyo: 0)

    public static func + (a: PlanCost, b: PlanCost) -> PlanCost {
        PlanCost(counts: zip(a.counts, b.counts).map { $0 + $1 }, total: a.total + b.total, tokyo: a.tokyo + b.tokyo)
    }

    public static func - (a: PlanCost, b: PlanCost) -> PlanCost {
        PlanCost(counts: zip(a.counts, b.counts).map { $0 - $1 }, total: a.total - b.total, tokyo: a.tokyo - b.tokyo)
    }

    public func count(_ item: PlanPrices.Item) -> Int { counts[PlanPrices.Item.allCases.firstIndex(of: item)!] }

    /// The things `changed` has that `base` has not, priced: units added (in stock or at homes),
    /// delivery teams, calls an hour (providers' and municipalities'), backup beds, BCP tier
    /// steps of providers, regional BCPs, provider sites given backup power, deliveries' worth of
    /// oxygen placed at homes. Anything the plan's levers do not change costs nothing.
    public static func of(_ changed: Scenario, over base: Scenario, prices: PlanPrices) -> PlanCost {
        var n = Array(repeating: 0, count: PlanPrices.Item.allCases.count)
        n[0] = max(0, changed.units.count - base.units.count)
        // Levers only add to these; both scenarios list municipalities and providers in one order.
        for (a, b) in zip(changed.municipalities, base.municipalities) {
            n[1] += max(0, a.deliveryTeams - b.deliveryTeams)
            n[2] += max(0, a.contactsPerHour - b.contactsPerHour)
            if a.hasRegionalBCP && !b.hasRegionalBCP { n[5] += 1 }
        }
        for (a, b) in zip(changed.providers, base.providers) {
            n[1] += max(0, a.deliveryTeams - b.deliveryTeams)
            n[2] += max(0, a.contactsPerHour - b.contactsPerHour)
            n[3] += max(0, a.backupBeds - b.backupBeds)
            n[4] += max(0, a.tier.rawValue - b.tier.rawValue)
            if a.hasBackupPower && !b.hasBackupPower { n[6] += 1 }
        }
        let delivery = max(1, changed.parameters.cylinderDeliveryMinutes)
        for (a, b) in zip(changed.patients, base.patients) { n[7] += max(0, a.cylinderMinutes - b.cylinderMinutes) / delivery }
        var total = 0, tokyo = 0
        for (i, item) in PlanPrices.Item.allCases.enumerated() {
            total += n[i] * prices[item].yen
            tokyo += prices[item].tokyoYen(n[i])
        }
        return PlanCost(counts: n, total: total, tokyo: tokyo)
    }
}
