import BCPModel
import BCPText

/// The allocation check: the 25,000-resident standard against units held and patients' need.
/// Pure: no files, no clock; the same inputs give the same report.
public enum AllocationCheck {
    /// Minutes in a day: energy over a deficit spreads the device's hours of use over the day.
    static let minutesPerDay = 1_440

    /// Runs the check over a scenario: its municipalities, its patients, and its municipally owned
    /// units (or `stock`, which replaces them when given).
    public static func run(
        scenario s: Scenario, stock: [MunicipalityCode: ItemCounts]? = nil, stockPath: String? = nil, options: AllocationOptions
    ) -> AllocationReport {
        let held = stock ?? heldUnits(s)
        var o = options
        if o.privacy == nil { o.privacy = .suppressed(threshold: s.parameters.suppressionThreshold) }
        var r = run(
            municipalities: s.municipalities, patients: s.patients, held: held, options: o,
            heldSource: stock != nil ? .stockFile(stockPath ?? "") : .scenarioUnits)
        r.scenarioNameJa = s.nameJa
        r.scenarioNameEn = s.nameEn
        r.synthetic = s.synthetic
        return r
    }

    /// Units each municipality owns in the scenario, by kind (subsidized or not).
    public static func heldUnits(_ s: Scenario) -> [MunicipalityCode: ItemCounts] {
        var out: [MunicipalityCode: ItemCounts] = [:]
        for u in s.units {
            if case .municipality(let code) = u.owner { out[code, default: .zero][u.kind] += 1 }
        }
        return out
    }

    /// One patient's need under the target (docs/ALLOCATION.md, "Need").
    public static func need(of p: Patient, targetHours: Int, batteryWh: Int) -> PatientNeed {
        let reserve = p.ownReserveMinutes
        let deficit = max(0, targetHours * 60 - reserve)
        let energy = deficit * p.drawW * p.hoursPerDay
        let wh = (energy + minutesPerDay - 1) / minutesPerDay
        let batteries = batteryWh > 0 ? (wh + batteryWh - 1) / batteryWh : 0
        return PatientNeed(id: p.id, municipality: p.municipality, reserveMinutes: reserve, deficitMinutes: deficit, deficitWh: wh, batteries: batteries)
    }

    /// Runs the check over a municipality list. `patients` nil means no patient data (the need
    /// columns say so); `held` maps codes to units held (missing codes hold none).
    public static func run(
        municipalities: [Municipality], patients: [Patient]?, held: [MunicipalityCode: ItemCounts], options o: AllocationOptions,
        heldSource: HeldSource = .none
    ) -> AllocationReport {
        let list = municipalities.sorted { $0.code < $1.code }
        // Patients' needs grouped by municipality, in a fixed order (batteries descending, then id).
        var needs: [MunicipalityCode: [PatientNeed]] = [:]
        var inScope: [MunicipalityCode: Int] = [:]
        for p in patients ?? [] where o.devices.includes(p.device) {
            inScope[p.municipality, default: 0] += 1
            let n = need(of: p, targetHours: o.targetHours, batteryWh: o.batteryWh)
            if n.batteries > 0 { needs[p.municipality, default: []].append(n) }
        }

        var rows: [AllocationRow] = []
        for m in list {
            let s = o.rounding.units(population: m.population, per: o.residentsPerUnit)
            let standard = ItemCounts.each(s)
            let h = held[m.code] ?? .zero
            var short = ItemCounts.zero, excess = ItemCounts.zero
            var costs = ItemCosts.zero
            for k in PowerUnitKind.allCases {
                short[k] = max(0, standard[k] - h[k])
                excess[k] = max(0, h[k] - standard[k])
                // Every unit of a shortfall against the standard is within the standard: all subsidized.
                costs[k] = CostSplit.of(units: short[k], price: o.prices[k], subsidizedUnits: short[k])
            }
            var needFigures: NeedFigures?
            var costNeed: CostSplit?
            if patients != nil {
                let list = (needs[m.code] ?? []).sorted { $0.batteries != $1.batteries ? $0.batteries > $1.batteries : $0.id < $1.id }
                let batteries = list.map(\.batteries)
                var f = NeedFigures()
                f.patients = inScope[m.code] ?? 0
                f.belowTarget = list.count
                f.batteriesNeeded = batteries.reduce(0, +)
                // Held generators: one per patient, to the patients needing the most batteries.
                f.patientsOnHeldGenerators = min(h.generator, list.count)
                f.coveredByHeldGenerators = batteries.prefix(f.patientsOnHeldGenerators).reduce(0, +)
                f.gap = max(0, f.batteriesNeeded - f.coveredByHeldGenerators - h.battery)
                // The standard's generators and batteries under the same rule.
                let onStdGenerators = min(s, list.count)
                f.patientsOnStandardGenerators = onStdGenerators
                let rest = f.batteriesNeeded - batteries.prefix(onStdGenerators).reduce(0, +)
                f.standardShort = max(0, rest - s)
                f.standardSpare = (s - onStdGenerators) + max(0, s - rest)
                f.verdict = f.standardShort > 0 ? .under : (f.standardSpare > 0 ? .over : .matches)
                f.municipalitiesUnder = f.verdict == .under ? 1 : 0
                needFigures = f
                // Batteries to close the need gap: subsidized up to the standard's room for batteries.
                costNeed = CostSplit.of(units: f.gap, price: o.prices.battery, subsidizedUnits: max(0, s - h.battery))
            }
            rows.append(
                AllocationRow(
                    level: .municipality, code: m.code, nameJa: m.nameJa, nameEn: m.nameEn, areaJa: m.area.nameJa, areaEn: m.area.nameEn,
                    municipalityCount: 1, population: m.population, populationDate: m.populationDate, standard: standard, held: h,
                    shortOfStandard: short, excessOverStandard: excess, need: needFigures, costStandard: costs, costNeed: costNeed))
        }

        // Areas in order of their first municipality's code.
        var areaOrder: [SecondaryArea] = []
        for m in list where !areaOrder.contains(m.area) { areaOrder.append(m.area) }
        let areas = areaOrder.map { a in
            sum(rows.filter { $0.areaJa == a.nameJa && $0.areaEn == a.nameEn }, level: .area, nameJa: a.nameJa, nameEn: a.nameEn)
        }
        let total = sum(rows, level: .total, nameJa: "東京都", nameEn: "Tokyo")
        let ranking = patients == nil ? [] : rows.sorted {
            let a = $0.need?.gap ?? 0, b = $1.need?.gap ?? 0
            return a != b ? a > b : $0.code! < $1.code!
        }
        return AllocationReport(
            options: o, scenarioNameJa: nil, scenarioNameEn: nil, synthetic: false, heldSource: heldSource,
            privacy: o.privacy ?? .suppressed(threshold: PolicyParameters().suppressionThreshold),
            municipalities: rows, areas: areas, total: total, ranking: ranking)
    }

    /// The sum of `rows` as one row (area or Tokyo total).
    static func sum(_ rows: [AllocationRow], level: AllocationLevel, nameJa: String, nameEn: String) -> AllocationRow {
        var dates: [String] = []
        for r in rows where !dates.contains(r.populationDate) { dates.append(r.populationDate) }
        dates.sort()
        let date = dates.count <= 1 ? (dates.first ?? "") : "\(dates.first!) – \(dates.last!)"
        var need: NeedFigures? = rows.isEmpty || rows.allSatisfy({ $0.need != nil }) ? NeedFigures() : nil
        var costNeed: CostSplit? = need == nil ? nil : .zero
        var out = AllocationRow(
            level: level, code: nil, nameJa: nameJa, nameEn: nameEn, areaJa: level == .area ? nameJa : "", areaEn: level == .area ? nameEn : "",
            municipalityCount: rows.count, population: 0, populationDate: date, standard: .zero, held: .zero, shortOfStandard: .zero,
            excessOverStandard: .zero, need: nil, costStandard: ItemCosts.zero, costNeed: nil)
        for r in rows {
            out.population += r.population
            out.standard = out.standard + r.standard
            out.held = out.held + r.held
            out.shortOfStandard = out.shortOfStandard + r.shortOfStandard
            out.excessOverStandard = out.excessOverStandard + r.excessOverStandard
            out.costStandard = out.costStandard + r.costStandard
            if let n = r.need, let acc = need { need = acc + n }
            if let c = r.costNeed, let acc = costNeed { costNeed = acc + c }
        }
        out.need = need
        out.costNeed = costNeed
        return out
    }
}
