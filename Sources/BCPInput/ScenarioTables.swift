import BCPModel

/// Column specs of the scenario's CSV tables (documented in Scenarios/README.md) and row readers.
/// Ranges are limits of the plausible, so that a typo (60000 W) is caught, not simulated.
enum ScenarioTables {
    static let idPattern = "letters A-Z a-z, digits, '-', '_' or '.', at most 64 characters"

    static let patientSpecs: [ColumnSpec] = [
        ColumnSpec("id", required: true), ColumnSpec("municipality", required: true, .code),
        ColumnSpec("device", required: true, .choice(DeviceKind.allCases.map(\.rawValue))),
        ColumnSpec("draw_w", .integer(1...2_000, unit: "W")), ColumnSpec("hours_per_day", .integer(1...24, unit: "hours")),
        ColumnSpec("internal_wh", .integer(0...10_000, unit: "Wh")), ColumnSpec("external_wh", .integer(0...10_000, unit: "Wh")),
        ColumnSpec("generator_w", .integer(0...10_000, unit: "W")),
        ColumnSpec("generator_runtime_min", .integer(0...2_880, unit: "minutes per tank")),
        ColumnSpec("generator_tanks", .integer(0...100, unit: "tanks")), ColumnSpec("generator_operable", .boolean),
        ColumnSpec("provider", required: true), ColumnSpec("support_plan", .boolean),
        ColumnSpec("tolerance_min", .integer(0...43_200, unit: "minutes")), ColumnSpec("manual_bridge", .boolean),
        ColumnSpec("car", .choice(CarPower.allCases.map(\.rawValue))),
        ColumnSpec("cylinder_min", .integer(0...43_200, unit: "minutes of oxygen")), ColumnSpec("supplier"),
        ColumnSpec("use_from", .clock),
    ]

    static let providerSpecs: [ColumnSpec] = [
        ColumnSpec("id", required: true), ColumnSpec("kind", required: true, .choice(ProviderKind.allCases.map(\.rawValue))),
        ColumnSpec("municipality", required: true, .code),
        ColumnSpec("tier", required: true, .choice(BCPTier.allCases.map(\.name))), ColumnSpec("linked_group"),
        ColumnSpec("backup_power", .boolean), ColumnSpec("contacts_per_hour", .integer(0...10_000, unit: "contacts per hour")),
        ColumnSpec("delivery_teams", .integer(0...1_000, unit: "teams")), ColumnSpec("backup_beds", .integer(0...10_000, unit: "beds")),
        ColumnSpec("cylinders", .integer(0...1_000_000, unit: "cylinder deliveries")),
    ]

    static let unitSpecs: [ColumnSpec] = [
        ColumnSpec("id", required: true), ColumnSpec("kind", required: true, .choice(PowerUnitKind.allCases.map(\.rawValue))),
        ColumnSpec("capacity_wh", .integer(0...100_000, unit: "Wh")), ColumnSpec("rated_w", .integer(0...100_000, unit: "W")),
        ColumnSpec("runtime_per_tank_min", .integer(0...2_880, unit: "minutes per tank")), ColumnSpec("tanks", .integer(0...100, unit: "tanks")),
        ColumnSpec("owner_type", required: true, .choice(["municipality", "provider", "patient"])),
        ColumnSpec("owner", required: true), ColumnSpec("subsidized", .boolean),
    ]

    static let municipalitySpecs: [ColumnSpec] = [
        ColumnSpec("code", required: true, .code), ColumnSpec("name_ja"), ColumnSpec("name_en"),
        ColumnSpec("kind", .choice(MunicipalityKind.allCases.map(\.rawValue))), ColumnSpec("island", .boolean),
        ColumnSpec("population", .integer(0...100_000_000, unit: "residents")), ColumnSpec("population_date"),
        ColumnSpec("secondary_medical_area_ja"), ColumnSpec("secondary_medical_area_en"),
        ColumnSpec("regional_bcp", .boolean), ColumnSpec("delivery_teams", .integer(0...1_000, unit: "teams")),
        ColumnSpec("contacts_per_hour", .integer(0...10_000, unit: "contacts per hour")),
        ColumnSpec("admission_system", .boolean), ColumnSpec("charging_points", .integer(0...10_000, unit: "places")),
    ]

    static func validID(_ s: String) -> Bool {
        s.utf8.count <= 64 && !s.isEmpty
            && s.utf8.allSatisfy { b in
                (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
            }
    }

    static func id(_ t: CSVTable, _ row: CSVRecord, _ d: inout Diagnostics) -> String? {
        guard let v = t.string(row, "id", &d) else { return nil }
        guard validID(v) else {
            t.error(row, "id", "invalid id \"\(v.prefix(40))\": expected \(idPattern) (pseudonymous; never a name)", &d)
            return nil
        }
        return v
    }

    static func patient(_ t: CSVTable, _ row: CSVRecord, _ d: inout Diagnostics) -> Patient? {
        let id = id(t, row, &d)
        let code = t.code(row, "municipality", &d)
        let device = t.choice(row, "device", fallback: nil, &d).flatMap(DeviceKind.init(rawValue:))
        let draw = t.int(row, "draw_w", fallback: device?.defaultDrawW ?? 1, &d)
        let hours = t.int(row, "hours_per_day", fallback: device?.defaultHoursPerDay ?? 24, &d)
        let inner = t.int(row, "internal_wh", fallback: 0, &d), outer = t.int(row, "external_wh", fallback: 0, &d)
        let genW = t.int(row, "generator_w", fallback: 0, &d)
        let genMin = t.int(row, "generator_runtime_min", fallback: 0, &d), tanks = t.int(row, "generator_tanks", fallback: 0, &d)
        let operable = t.bool(row, "generator_operable", fallback: true, &d)
        let provider = t.string(row, "provider", &d), plan = t.bool(row, "support_plan", fallback: false, &d)
        let tolerance = t.text(row, "tolerance_min") == nil ? nil : t.int(row, "tolerance_min", fallback: nil, &d)
        let bridge = t.bool(row, "manual_bridge", fallback: false, &d)
        let car = t.choice(row, "car", fallback: CarPower.none.rawValue, &d).flatMap(CarPower.init(rawValue:))
        let cylinders = t.int(row, "cylinder_min", fallback: 0, &d)
        let useFrom = t.text(row, "use_from") == nil ? nil : t.clock(row, "use_from", &d)
        guard let id, let code, let device, let draw, let hours, let inner, let outer, let genW, let genMin, let tanks,
            let operable, let provider, let plan, let bridge, let car, let cylinders
        else { return nil }
        if t.text(row, "tolerance_min") != nil && tolerance == nil { return nil }
        if t.text(row, "use_from") != nil && useFrom == nil { return nil }
        var generator: OwnGenerator?
        if genW > 0 {
            if genMin == 0 || tanks == 0 {
                t.error(row, genMin == 0 ? "generator_runtime_min" : "generator_tanks", "a generator of \(genW) W needs a runtime per tank and tanks > 0", &d)
            }
            generator = OwnGenerator(ratedW: genW, runtimePerTankMinutes: genMin, tanks: tanks, operable: operable)
        }
        if cylinders > 0 && device != .oxygenConcentrator {
            t.error(row, "cylinder_min", "only oxygen users hold cylinders (device is \(device.rawValue))", &d)
        }
        return Patient(
            id: id, municipality: code, device: device, drawW: draw, hoursPerDay: hours, internalBatteryWh: inner,
            externalBatteryWh: outer, generator: generator, providerId: provider, registeredSupportPlan: plan,
            toleranceMinutes: tolerance, manualBridge: bridge, car: car, cylinderMinutes: cylinders, supplierId: t.text(row, "supplier"),
            useFromMinute: useFrom)
    }

    static func provider(_ t: CSVTable, _ row: CSVRecord, _ d: inout Diagnostics) -> Provider? {
        let id = id(t, row, &d)
        let kind = t.choice(row, "kind", fallback: nil, &d).flatMap(ProviderKind.init(rawValue:))
        let code = t.code(row, "municipality", &d)
        let tier = t.choice(row, "tier", fallback: nil, &d).flatMap(BCPTier.init(name:))
        let group = t.text(row, "linked_group")
        let power = t.bool(row, "backup_power", fallback: false, &d)
        let contacts = t.int(row, "contacts_per_hour", fallback: 0, &d)
        let teams = t.int(row, "delivery_teams", fallback: 0, &d), beds = t.int(row, "backup_beds", fallback: 0, &d)
        let cylinders = t.int(row, "cylinders", fallback: 0, &d)
        guard let id, let kind, let code, let tier, let power, let contacts, let teams, let beds, let cylinders else { return nil }
        if cylinders > 0 && kind != .supplier {
            t.error(row, "cylinders", "only oxygen suppliers deliver cylinders (kind is \(kind.rawValue))", &d)
        }
        if tier == .linked && group == nil {
            t.error(row, "linked_group", "a provider on the linked tier needs the name of its linked group", &d)
        }
        if beds > 0 && kind != .hospital {
            t.error(row, "backup_beds", "only hospitals hold backup beds (kind is \(kind.rawValue))", &d)
        }
        return Provider(
            id: id, kind: kind, municipality: code, tier: tier, linkedGroup: group, hasBackupPower: power,
            contactsPerHour: contacts, deliveryTeams: teams, backupBeds: beds, cylinders: cylinders)
    }

    /// Owner is resolved by the loader; here it is kept as written.
    static func unit(_ t: CSVTable, _ row: CSVRecord, _ d: inout Diagnostics) -> (PowerUnit, ownerType: String, owner: String)? {
        let id = id(t, row, &d)
        let kind = t.choice(row, "kind", fallback: nil, &d).flatMap(PowerUnitKind.init(rawValue:))
        let wh = t.int(row, "capacity_wh", fallback: 0, &d), w = t.int(row, "rated_w", fallback: 0, &d)
        let perTank = t.int(row, "runtime_per_tank_min", fallback: 0, &d), tanks = t.int(row, "tanks", fallback: 0, &d)
        let ownerType = t.choice(row, "owner_type", fallback: nil, &d), owner = t.string(row, "owner", &d)
        let subsidized = t.bool(row, "subsidized", fallback: false, &d)
        guard let id, let kind, let wh, let w, let perTank, let tanks, let ownerType, let owner, let subsidized else { return nil }
        switch kind {
        case .generator where w == 0 || perTank == 0 || tanks == 0:
            t.error(row, "rated_w", "a generator needs rated_w, runtime_per_tank_min and tanks > 0", &d)
        case .battery where wh == 0, .ups where wh == 0:
            t.error(row, "capacity_wh", "a \(kind.rawValue) needs capacity_wh > 0", &d)
        default: break
        }
        let placeholder = UnitOwner.provider(owner)
        return (
            PowerUnit(id: id, kind: kind, capacityWh: wh, ratedW: w, runtimePerTankMinutes: perTank, tanks: tanks, owner: placeholder, subsidized: subsidized),
            ownerType, owner
        )
    }
}
