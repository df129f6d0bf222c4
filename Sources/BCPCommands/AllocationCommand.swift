import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import Foundation
import BCPText

/// `bcpsim allocation`: the 25,000-resident standard per municipality, against units held and
/// against the scenario's patients' need, with the cost of closing each shortfall.
enum AllocationCommand {
    static let synopsis =
        "allocation [SCENARIO] [--stock FILE] [--rounding RULE] [--target-hours H] [--suppress N | --exact] [--format md|csv|json|html] [--lang ja|en] [--out DIR] [--no-bom]"

    static let info = CommandInfo(
        name: "allocation", summary: "check units per 25,000 residents against stock and patients' need",
        synopsis: synopsis,
        discussion: """
            The benefit standard of 在宅人工呼吸器使用者療養支援事業 is one unit of each subsidized
            item (generator, battery / portable power station, UPS) per 25,000 residents, at a 1/2
            Tokyo subsidy. For each municipality, each secondary medical area and Tokyo as a whole
            this prints: population and its date; units the standard allows under the rounding
            rule; units held and the shortfall or excess; the patients whose own reserve is below
            the target hours and the batteries that would bring them to it; the need gap left
            after the units held; whether the standard under- or over-provides; and the cost of
            closing each shortfall, split into Tokyo's 1/2 and the municipal share (subsidy
            capped at the standard). A ranking lists municipalities by need gap.

            SCENARIO is a scenario folder: its municipalities, its patients, and the units it
            lists as owned by each municipality. Without SCENARIO the built-in table of Tokyo's
            62 municipalities is used with no units held (unless --stock) and no patient data.
            --stock FILE replaces the units held: a CSV with columns code,item,units (item is
            generator, battery or ups).

            Rounding rules (no source says how a fraction of 25,000 rounds): floor, ceil,
            nearest (half up), floor-min1 (floor, at least 1 for any municipality with
            residents; the default). The rule is printed at the top of every output.
            docs/ALLOCATION.md states every rule with a worked example.

            Patient figures follow the disclosure policy of every bcpsim output
            (docs/DISCLOSURE.md): counts of 1 to N-1 patients are shown as a band ("1～9"),
            figures from so few patients (batteries needed, gaps, their costs, the verdict) as
            "x", and further cells as a band of ten or "x" where a sum would give a hidden one
            away. N is --suppress N, else the scenario's suppression_threshold (10); a scenario
            marked synthetic is not suppressed unless --suppress is given. --exact prints every
            number unsuppressed and marks every output RESTRICTED in its header; with --out the
            files then go to DIR/restricted/. Population, standard, units held and the shortfall
            against the standard are never hidden.

            Without --out the report is printed in --format (default md). With --out DIR all four
            formats are written there (allocation.md, .csv, .json, .html), each atomically.
            Exit status 0 on success, 64 for a wrong command line, 65 for bad input data,
            73 when the output cannot be written.
            """,
        options: [
            Options.stock.spec, Options.rounding.spec, Options.targetHours.spec, Options.batteryWh.spec, Options.devices.spec,
            Options.priceGenerator.spec, Options.priceBattery.spec, Options.priceUPS.spec, Options.format.spec,
            CommonOptions.lang.spec, Options.out.spec, Options.force.spec, CommonOptions.noBOM.spec, CommonOptions.bom.spec,
            Options.suppress.spec, Options.exact.spec,
        ],
        positionals: 0...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        var o = AllocationOptions()
        if let r = args[Options.rounding] { o.rounding = r }
        if let d = args[Options.devices] { o.devices = d }
        o.batteryWh = args[Options.batteryWh] ?? o.batteryWh
        o.prices.generator = args[Options.priceGenerator] ?? o.prices.generator
        o.prices.battery = args[Options.priceBattery] ?? o.prices.battery
        o.prices.ups = args[Options.priceUPS] ?? o.prices.ups
        let format = args[Options.format] ?? .md
        let lang = args[CommonOptions.lang] ?? .ja
        let targetOverride = args[Options.targetHours]
        if args[Options.exact] && args[Options.suppress] != nil {
            throw UsageError("--exact and --suppress cannot be combined", hint: "usage: bcpsim \(synopsis)")
        }
        if args[Options.exact] {
            o.privacy = .exact
        } else if let n = args[Options.suppress] {
            o.privacy = .suppressed(threshold: n)
        }
        /// The disclosure policy of a scenario's check: --suppress N, else the scenario's
        /// threshold, and none for a synthetic scenario (DisclosurePolicy, the one rule).
        func privacy(_ s: Scenario) -> AllocationPrivacy? {
            guard o.privacy == nil else { return o.privacy }
            let p = DisclosurePolicy.forScenario(synthetic: s.synthetic, threshold: s.parameters.suppressionThreshold)
            return p.basis == .synthetic ? .syntheticData : .suppressed(threshold: p.threshold)
        }

        // The output folder is checked and locked before any work. Unsuppressed files are
        // restricted: written apart from public output, in DIR/restricted/ (0700, files 0600).
        let out = args[Options.out].map { args[Options.exact] ? ($0 as NSString).appendingPathComponent("restricted") : $0 }
        let outFolder = try out.map {
            try OutputFolder.prepare(
                $0, kind: .allocation, command: "allocation", force: args[Options.force], restrictedRoot: args[Options.exact], terminal: t)
        }

        let report: AllocationReport
        if let folder = args.positionals.first {
            let loaded: LoadedScenario
            switch ScenarioLoader.load(folder: folder) {
            case .failure(let e): throw e
            case .success(let l): loaded = l
            }
            for n in loaded.notes { t.err("note: \(n)") }
            o.targetHours = targetOverride ?? loaded.scenario.parameters.targetReserveHours
            o.privacy = privacy(loaded.scenario)
            let stock = try args[Options.stock].map { try readStock($0, loaded.scenario.municipalities) }
            report = AllocationCheck.run(scenario: loaded.scenario, stock: stock, stockPath: args[Options.stock], options: o)
        } else {
            o.targetHours = targetOverride ?? PolicyParameters().targetReserveHours
            let tokyo = try TokyoMunicipalities.load()
            let stockPath = args[Options.stock]
            let stock = try stockPath.map { try readStock($0, tokyo) }
            report = AllocationCheck.run(
                municipalities: tokyo, patients: nil, held: stock ?? [:], options: o, heldSource: stockPath.map { .stockFile($0) } ?? .none)
        }

        let bom = CommonOptions.bomWanted(args)
        guard let out, let outFolder else {
            t.document(report.rendered(format, lang: lang, bom: bom))
            return ExitCode.success
        }
        let files = AllocationFormat.allCases.map { (name: $0.fileName, text: report.rendered($0, lang: lang, bom: bom)) }
        try outFolder.commit(files.map { ($0.name, $0.text) })
        let mode: String
        switch report.privacy {
        case .exact: mode = AllocationLabels.text("allocation.privacy.short.exact", lang, args: [])
        case .syntheticData: mode = AllocationLabels.text("allocation.privacy.short.synthetic", lang, args: [])
        case .suppressed(let n): mode = AllocationLabels.text("allocation.privacy.short.suppressed", lang, args: [String(n)])
        }
        // The answer the page leads with, then where the files are.
        t.out(lines: report.answer(lang: lang))
        t.out(Labels.text("terminal.allocation.wrote", lang, files.map(\.name).joined(separator: ", "), out, o.rounding.rawValue,
                          String(o.targetHours), mode))
        return ExitCode.success
    }

    enum Options {
        static let stock = Option<String>.text("stock", "FILE", help: "Units held from a CSV (code,item,units) instead of the scenario's units.")
        static let rounding = Option<RoundingRule>.choice("rounding", "RULE", help: "How a fraction of 25,000 residents rounds (default floor-min1).")
        static let targetHours = Option<Int>.int(
            "target-hours", "H", 1...720, help: "Own reserve each patient should have, hours (default: the scenario's target_reserve_hours, else 72).")
        static let batteryWh = Option<Int>.int("battery-wh", "WH", 1...100_000, help: "Capacity of the battery the need is counted in (default 1000 Wh).")
        static let devices = Option<DeviceScope>.choice("devices", "SCOPE", help: "Patients counted in the need (default ventilator).")
        static let priceGenerator = Option<Int>.int("price-generator", "YEN", 0...100_000_000, help: "Unit price of a generator (default 212000).")
        static let priceBattery = Option<Int>.int(
            "price-battery", "YEN", 0...100_000_000, help: "Unit price of a battery / portable power station (default 104000).")
        static let priceUPS = Option<Int>.int("price-ups", "YEN", 0...100_000_000, help: "Unit price of a UPS (default 41000).")
        static let format = Option<AllocationFormat>.choice("format", "FORMAT", help: "Output format when printing (default md).")
        static let out = CommonOptions.out.help("Write allocation.md, .csv, .json and .html into DIR (created, or replaced whole if allocation wrote it; with --exact DIR/restricted/).")
        static let force = CommonOptions.force
        static let suppress = Option<Int>.int(
            "suppress", "N", 1...1_000, help: "Show patient counts 1...N-1 as a range (default: the scenario's suppression_threshold, 10).")
        static let exact = Option<Bool>.flag(
            "exact", help: "Print patient figures unsuppressed; every output is marked RESTRICTED (with --out: DIR/restricted/).")
    }

    static func readStock(_ path: String, _ municipalities: [Municipality]) throws -> [MunicipalityCode: ItemCounts] {
        switch StockFile.load(path: path, municipalities: municipalities) {
        case .success(let s): return s
        case .failure(let e): throw e
        }
    }
}
