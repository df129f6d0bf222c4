import BCPAnalysis
import BCPInput
import BCPModel
import BCPRegistry
import BCPReports
import Foundation
import BCPText

/// `bcpsim plan SCENARIO --budget YEN --out DIR`: what to buy or fund, and where, for a budget.
enum PlanCommand {
    static let synopsis =
        "plan SCENARIO --budget YEN --out DIR [--objective MEASURE] [--municipality CODE,...] [--replicas N] [--max-steps N] [--prices FILE] [--threads T] [--lang ja|en] [--no-bom] [--force]"

    static let info = CommandInfo(
        name: "plan", summary: "find what to buy or fund, and where, to cut harm most for a budget",
        synopsis: synopsis,
        discussion: """
            Searches the changes a ward can buy or fund (units in municipal stock with the teams
            to carry them, units placed at patients' homes, delivery teams, safety calls, backup
            beds, BCP tier steps, backup power at provider sites, oxygen cylinders placed at
            homes) for the plan that reduces the chosen harm the most within
            --budget, counted as the municipality's share after Tokyo's subsidy. Each step takes
            the change with the largest reduction per yen and is checked by rerunning the
            simulation under every seed; the plan lists each step with its cost, Tokyo's share,
            the program that pays it, and the reduction with its 5-95% range over the seeds.

            --objective: beyond-tolerance (default: patient-minutes beyond the device's
            tolerance), harmed, gap (any time without power), uncovered, emergency.
            --municipality limits where the plan may spend (codes, comma-separated); by default
            every municipality with patients without power under some seed. --replicas N seeds
            judge each plan (default 10). --prices FILE replaces the default prices (a CSV with
            columns item,yen; items unit, team, contact, bed, tier-step, regional-bcp, site-backup,
            oxygen). Only the
            unit price is published; the others are assumptions the report marks as such.

            Writes plan.md, plan.html, plan.csv and plan.json into DIR; with a scenario of real
            data, into DIR/restricted/ (figures may come from few patients). The plan does not
            depend on --threads. docs/PLAN.md states the method and its limits.
            """,
        options: [
            Options.budget.spec, Options.out.spec, Options.objective.spec, Options.municipality.spec, Options.replicas.spec,
            Options.maxSteps.spec, Options.prices.spec, CommonOptions.threads.spec, CommonOptions.lang.spec, CommonOptions.noBOM.spec, CommonOptions.force.spec,
        ],
        positionals: 1...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let budget = try args.required(Options.budget, command: "plan", synopsis: synopsis)
        let outArg = try args.required(Options.out, command: "plan", synopsis: synopsis)
        let lang = args[CommonOptions.lang] ?? .ja
        let loaded = try ScenarioLoader.load(folder: args.positionals[0]).get()
        for n in loaded.notes { t.err("note: \(n)") }
        t.err(lines: ValidateCommand.planWarnings(PlanChecks.warnings(loaded.scenario), folder: args.positionals[0]))
        let s = loaded.scenario
        let codes = args[Options.municipality] ?? []
        for c in codes where s.municipality(c) == nil {
            throw UsageError("--municipality \(c) is not a municipality of this scenario", hint: "give codes of its municipalities ('bcpsim validate' lists them), e.g. 131121 for Setagaya")
        }
        var prices = PlanPrices(unitYen: Counterfactual.unitSpec(s).priceYen)
        if let path = args[Options.prices] { prices = try PlanPricesFile.load(path: path, into: prices).get() }
        let output = try PlanOutput(outArg, synthetic: s.synthetic, kind: .plan, command: "plan", force: args[CommonOptions.force], terminal: t)
        var options = PlanOptions(budgetYen: budget, objective: args[Options.objective] ?? .beyondTolerance, municipalities: codes,
                                  replicas: args[Options.replicas] ?? 10, threads: args[CommonOptions.threads] ?? CommonOptions.cores)
        options.maxSteps = args[Options.maxSteps] ?? 100
        let result = PlanSearch(s, options: options, prices: prices).run()
        let report = PlanReport(result: result, scenario: s, registry: try? Registry.load(), lang: lang)
        let bom = CommonOptions.bomWanted(args)
        let files = [("plan.md", report.markdown()), ("plan.html", report.html()), ("plan.csv", report.csv(bom: bom)), ("plan.json", report.json())]
        try output.commit(files, page: "plan.html", answer: report.answer(), lang: lang, terminal: t)
        return ExitCode.success
    }

    enum Options {
        static let budget = Option<Int>(
            "budget", placeholder: "YEN", help: "Yen the municipality may spend, net of Tokyo's subsidy (e.g. 50000000 or 50,000,000).",
            expectation: "yen from 1 to 1,000,000,000,000: digits (50000000, 50,000,000) or 万/億 (5000万, 2億)", parse: parseYen)
        /// Yen as digits, with or without thousands separators ("50,000,000", "50_000_000"), or
        /// in 万 (10^4) or 億 (10^8) as a ward writes a budget ("5000万", "2億", "2億5000万").
        @Sendable static func parseYen(_ text: String) -> Int? {
            var rest = Substring(text.filter { $0 != "," && $0 != "_" && $0 != "円" })
            var total = 0
            for (mark, scale) in [("億", 100_000_000), ("万", 10_000)] {
                guard let r = rest.range(of: mark) else { continue }
                guard let n = Int(rest[..<r.lowerBound]), n >= 0, n <= 10_000 else { return nil }
                total += n * scale
                rest = rest[r.upperBound...]
            }
            if !rest.isEmpty {
                guard let n = Int(rest), n >= 0 else { return nil }
                total += n
            }
            return (1...1_000_000_000_000).contains(total) ? total : nil
        }
        static let out = CommonOptions.out.help("Folder for plan.md, .html, .csv and .json (real data: DIR/restricted/).")
        static let objective = Option<PlanObjective>.choice("objective", "MEASURE", help: "The harm to reduce (default beyond-tolerance).")
        static let municipality = Option<[MunicipalityCode]>(
            "municipality", placeholder: "CODE,...", help: "Municipalities where the plan may spend, by code (default: those with patients without power).",
            expectation: "municipality codes separated by commas, e.g. 131121,131130", parse: { text in
                let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
                let codes = parts.compactMap(MunicipalityCode.init)
                return codes.count == parts.count && !codes.isEmpty ? codes : nil
            })
        static let replicas = Option<Int>.int("replicas", "N", 1...1_000, help: "Seeds each plan is judged on (default 10).")
        static let maxSteps = Option<Int>.int("max-steps", "N", 1...1_000, help: "Changes at most in the plan (default 100).")
        static let prices = Option<String>.text("prices", "FILE", help: "Prices replacing the defaults (CSV: item,yen).")
    }
}

/// Where plan and sensitivity write: DIR for a synthetic scenario, DIR/restricted/ for real data
/// (its figures may come from few patients; docs/DISCLOSURE.md "Plans and sensitivity"). After
/// writing one, the other place's files of the same names are removed, so that DIR never shows an
/// older plan beside a newer one (the user trial of issue 14).
struct PlanOutput {
    let requested: String
    let synthetic: Bool
    let folder: OutputFolder

    /// The folder written to.
    var path: String { synthetic ? requested : (requested as NSString).appendingPathComponent("restricted") }

    /// Checks and locks the folder before any work.
    init(_ out: String, synthetic: Bool, kind: OutputKind, command: String, force: Bool, terminal: Terminal) throws {
        requested = out
        self.synthetic = synthetic
        let path = synthetic ? out : (out as NSString).appendingPathComponent("restricted")
        folder = try OutputFolder.prepare(path, kind: kind, command: command, force: force, restrictedRoot: !synthetic, terminal: terminal)
    }

    /// Writes the files, removes their stale counterparts, prints the answer and where the files
    /// are (`page`, the one to open).
    func commit(_ files: [(String, String)], page: String, answer: [String], lang: Language, terminal t: Terminal) throws {
        try folder.commit(files)
        let other = synthetic ? (requested as NSString).appendingPathComponent("restricted") : requested
        for (name, _) in files { try? FileManager.default.removeItem(atPath: (other as NSString).appendingPathComponent(name)) }
        t.out(lines: answer)
        t.out(PlanLabels.text("plan.terminal.wrote", lang, args: [String(files.count), path, (path as NSString).appendingPathComponent(page)]))
    }
}
