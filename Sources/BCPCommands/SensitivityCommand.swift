import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import Foundation
import BCPText

/// `bcpsim sensitivity SCENARIO --out DIR`: which assumptions move the harm most.
enum SensitivityCommand {
    static let synopsis =
        "sensitivity SCENARIO --out DIR [--objective MEASURE] [--replicas N] [--samples N] [--plan-budget YEN] [--threads T] [--lang ja|en] [--no-bom] [--force]"

    static let info = CommandInfo(
        name: "sensitivity", summary: "show which of the model's assumptions move the harm most, and whether a plan changes",
        synopsis: synopsis,
        discussion: """
            Moves each of the model's uncertain parameters (delays, travel times, household
            shares; each with the range docs/MODEL.md "Uncertainty ranges" gives, most of them
            assumptions) to the low and the high end of its range, one at a time, and reports the
            mean harm under each (a tornado chart in sensitivity.html). Then draws --samples N
            Latin-hypercube samples over all ranges at once (default 20; 0 skips) and reports the
            spread and each parameter's rank correlation with the harm.

            With --plan-budget YEN, 'plan' is run for that budget (3 changes) at the defaults and
            with each of the three most influential parameters at either end of its range, to show
            whether the plan's first changes hold within the ranges.

            --objective as for 'plan' (default beyond-tolerance). --replicas N seeds each run
            (default 10). Writes sensitivity.md, .html, .csv and .json into DIR (real data:
            DIR/restricted/). The output does not depend on --threads.
            """,
        options: [
            Options.out.spec, PlanCommand.Options.objective.spec, Options.replicas.spec, Options.samples.spec, Options.planBudget.spec,
            CommonOptions.threads.spec, CommonOptions.lang.spec, CommonOptions.noBOM.spec, CommonOptions.force.spec,
        ],
        positionals: 1...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let outArg = try args.required(Options.out, command: "sensitivity", synopsis: synopsis)
        let lang = args[CommonOptions.lang] ?? .ja
        let loaded = try ScenarioLoader.load(folder: args.positionals[0]).get()
        for n in loaded.notes { t.err("note: \(n)") }
        let s = loaded.scenario
        let output = try PlanOutput(outArg, synthetic: s.synthetic, kind: .sensitivity, command: "sensitivity", force: args[CommonOptions.force], terminal: t)
        let objective = args[PlanCommand.Options.objective] ?? .beyondTolerance
        let replicas = args[Options.replicas] ?? 10
        let threads = args[CommonOptions.threads] ?? CommonOptions.cores
        let result = Sensitivity.run(s, objective: objective, replicas: replicas, samples: args[Options.samples] ?? 20, threads: threads)
        let stability = args[Options.planBudget].map { budget in
            PlanStability.check(s, budget: budget, objective: objective, parameters: result.ranked.prefix(3).map(\.parameter),
                                replicas: min(replicas, 3), steps: 3, threads: threads)
        }
        let report = SensitivityReport(result: result, stability: stability, scenario: s, lang: lang)
        let files = [("sensitivity.md", report.markdown()), ("sensitivity.html", report.html()),
                     ("sensitivity.csv", report.csv(bom: CommonOptions.bomWanted(args))), ("sensitivity.json", report.json())]
        try output.commit(files, page: "sensitivity.html", answer: report.answer(), lang: lang, terminal: t)
        return ExitCode.success
    }

    enum Options {
        static let out = CommonOptions.out.help("Folder for sensitivity.md, .html, .csv and .json (real data: DIR/restricted/).")
        static let replicas = Option<Int>.int("replicas", "N", 1...1_000, help: "Seeds each run uses (default 10).")
        static let samples = Option<Int>.int("samples", "N", 0...1_000, help: "Latin-hypercube samples over all ranges at once (default 20; 0 skips).")
        static let planBudget = Option<Int>(
            "plan-budget", placeholder: "YEN", help: "Also check whether the plan for this budget changes within the ranges.",
            expectation: "yen from 1 to 1,000,000,000,000: digits (50000000, 50,000,000) or 万/億 (5000万, 2億)",
            parse: PlanCommand.Options.parseYen)
    }
}
