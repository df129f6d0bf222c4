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
        "allocation [SCENARIO] [--stock FILE] [--rounding RULE] [--target-hours H] [--suppress N | --exact] [--format md|csv|json|html] [--lang ja|en] [--out DIR] [--bom]"

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

            Patient figures are suppressed by default, as in the shortfall reports: counts of 1
            to N-1 patients are shown as a range ("1-9"), figures from so few patients (batteries
            needed, gaps, their costs, the verdict) as "x", and further cells as "x" where a sum
            would give a hidden one away. N is --suppress N, else the scenario's
            suppression_threshold (10). --exact prints every number unsuppressed and marks every
            output RESTRICTED in its header; with --out the files then go to DIR/restricted/.
            Population, standard, units held and the shortfall against the standard are never
            hidden.

            Without --out the report is printed in --format (default md). With --out DIR all four
            formats are written there (allocation.md, .csv, .json, .html), each atomically.
            Exit status 0 on success, 64 for a wrong command line, 65 for bad input data,
            73 when the output cannot be written.
            """,
        options: [
            OptionSpec("stock", value: "FILE", help: "Units held from a CSV (code,item,units) instead of the scenario's units."),
            OptionSpec("rounding", value: "RULE", choices: RoundingRule.allCases.map(\.rawValue), help: "How a fraction of 25,000 residents rounds (default floor-min1)."),
            OptionSpec("target-hours", value: "H", help: "Own reserve each patient should have, hours (default: the scenario's target_reserve_hours, else 72)."),
            OptionSpec("battery-wh", value: "WH", help: "Capacity of the battery the need is counted in (default 1000 Wh)."),
            OptionSpec("devices", value: "SCOPE", choices: DeviceScope.allCases.map(\.rawValue), help: "Patients counted in the need (default ventilator)."),
            OptionSpec("price-generator", value: "YEN", help: "Unit price of a generator (default 212000)."),
            OptionSpec("price-battery", value: "YEN", help: "Unit price of a battery / portable power station (default 104000)."),
            OptionSpec("price-ups", value: "YEN", help: "Unit price of a UPS (default 41000)."),
            OptionSpec("format", value: "FORMAT", choices: AllocationFormat.allCases.map(\.rawValue), help: "Output format when printing (default md)."),
            OptionSpec("lang", value: "LANG", choices: Language.allCases.map(\.rawValue), help: "Language of the output (default ja)."),
            OptionSpec("out", value: "DIR", help: "Write allocation.md, .csv, .json and .html into DIR (created if missing)."),
            OptionSpec("force", help: "Write into an existing folder that bcpsim did not create."),
            OptionSpec("bom", help: "Start CSV output with a UTF-8 byte order mark (for Excel)."),
            OptionSpec("suppress", value: "N", help: "Show patient counts 1...N-1 as a range (default: the scenario's suppression_threshold, 10)."),
            OptionSpec("exact", help: "Print patient figures unsuppressed; every output is marked RESTRICTED (with --out: DIR/restricted/)."),
        ],
        positionals: 0...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let name = "allocation"
        var o = AllocationOptions()
        if let r = args.value("rounding") { o.rounding = RoundingRule(rawValue: r)! }
        if let d = args.value("devices") { o.devices = DeviceScope(rawValue: d)! }
        o.batteryWh = try args.int("battery-wh", in: 1...100_000, fallback: o.batteryWh, command: name)
        o.prices.generator = try args.int("price-generator", in: 0...100_000_000, fallback: o.prices.generator, command: name)
        o.prices.battery = try args.int("price-battery", in: 0...100_000_000, fallback: o.prices.battery, command: name)
        o.prices.ups = try args.int("price-ups", in: 0...100_000_000, fallback: o.prices.ups, command: name)
        let format = args.value("format").flatMap(AllocationFormat.init(rawValue:)) ?? .md
        let lang = args.value("lang").flatMap(Language.init(rawValue:)) ?? .ja
        // Checked before any file is read, so that a typo is reported as a usage error.
        let targetOverride = args.value("target-hours") == nil ? nil : try args.int("target-hours", in: 1...720, fallback: 72, command: name)
        if args.has("exact") && args.value("suppress") != nil {
            throw UsageError("--exact and --suppress cannot be combined", hint: "usage: bcpsim \(synopsis)")
        }
        if args.has("exact") {
            o.privacy = .exact
        } else if args.value("suppress") != nil {
            o.privacy = .suppressed(threshold: try args.int("suppress", in: 1...1_000, fallback: 10, command: name))
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
            let stock = try args.value("stock").map { try readStock($0, loaded.scenario.municipalities) }
            report = AllocationCheck.run(scenario: loaded.scenario, stock: stock, stockPath: args.value("stock"), options: o)
        } else {
            o.targetHours = targetOverride ?? PolicyParameters().targetReserveHours
            let tokyo = try TokyoMunicipalities.load()
            let stockPath = args.value("stock")
            let stock = try stockPath.map { try readStock($0, tokyo) }
            report = AllocationCheck.run(
                municipalities: tokyo, patients: nil, held: stock ?? [:], options: o, heldSource: stockPath.map { .stockFile($0) } ?? .none)
        }

        let bom = args.has("bom")
        guard var out = args.value("out") else {
            t.out(report.rendered(format, lang: lang, bom: bom))
            return ExitCode.success
        }
        // Unsuppressed files are restricted: written apart from public output.
        if report.privacy.isExact { out = (out as NSString).appendingPathComponent("restricted") }
        let files = AllocationFormat.allCases.map { (name: $0.fileName, text: report.rendered($0, lang: lang, bom: bom)) }
        try OutputFolder.write(files.map { ($0.name, $0.text) }, to: out, force: args.has("force"))
        let mode: String
        switch report.privacy {
        case .exact: mode = "exact, RESTRICTED"
        case .suppressed(let n): mode = "suppressed, threshold \(n)"
        }
        t.out("wrote \(files.map(\.name).joined(separator: ", ")) to \(out) (rounding \(o.rounding.rawValue), target \(o.targetHours) h, \(mode))")
        return ExitCode.success
    }

    static func readStock(_ path: String, _ municipalities: [Municipality]) throws -> [MunicipalityCode: ItemCounts] {
        switch StockFile.load(path: path, municipalities: municipalities) {
        case .success(let s): return s
        case .failure(let e): throw e
        }
    }
}
