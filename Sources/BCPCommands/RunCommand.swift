import BCPAnalysis
import BCPInput
import BCPModel
import BCPRegistry
import BCPReports
import BCPSimulator
import Foundation
import BCPText

/// `bcpsim run SCENARIO --out DIR`: simulate the outage and write the reports (ReportCommand
/// renders the same files again from the result file).
enum RunCommand {
    static let synopsis = "run SCENARIO --out DIR [--seed S] [--replicas N] [--tier TIER] [--threads T] [--lang ja|en] [--no-bom] [--suppress N] [--what-if N] [--shard K/M] [--force]"

    static let info = CommandInfo(
        name: "run", summary: "simulate a scenario's outage and write the result",
        synopsis: synopsis,
        discussion: """
            Loads and validates SCENARIO, then follows every patient minute by minute from the
            outage start to the horizon: when their grid power fails and returns, how long their
            batteries and own generator last, who learns they need help and when (their provider,
            a linked partner, the municipality, or their own call), which unit or backup bed
            reaches them, and how many minutes they spend without power. docs/MODEL.md states
            every rule.

            Writes the shortfall reports into DIR (Reports/README.md describes every file):
            summary.md and summary.html (headline, tables by area, municipality, BCP tier and
            device, the timeline of patients without power, the reasons, what would have closed
            the gap and the programs that fund it), tidy CSV tables, the program registry, and
            manifest.json. Public files follow the disclosure policy (docs/DISCLOSURE.md): with
            real data, counts of 1 to 9 patients are shown as the band 1～9 and sums are protected
            with bands of ten; a scenario marked synthetic is shown exactly unless --suppress N is
            given. CSV files start with a byte order mark for Excel (--no-bom for pipelines) and
            have their header row in the report's language. DIR/restricted/ holds the files
            with patient ids: patients.csv (the priority list) and result.json (schema
            bcpsim.result/1, every aggregate and every patient's outcome, plus what the reports
            need); 'bcpsim report DIR/restricted/result.json --out DIR2' renders the same files.

            "What would have closed the gap": for the --what-if N municipalities with the most
            uncovered patients (default 5, 0 to skip), the scenario is rerun with one change at a
            time (units with the teams to carry them, units at homes, teams, calls, beds, or a
            higher BCP tier), at most 80 reruns. 'bcpsim plan' searches for a costed plan.
            --replicas N seeds (default 10) derived from the scenario's seed are run in parallel,
            so that every headline figure has its interval: the summary gives the mean and the
            5th, 50th and 95th percentiles; the tables are those of the first seed (--replicas 1
            for one seed only). The output does not depend on --threads.

            With --shard K/M, only shard K of M of the replicas is run and DIR/partial.txt is
            written; 'bcpsim merge' joins the M parts into the files of the unsharded run
            (docs/CLUSTER.md). Long runs show progress on standard error when it is a terminal.
            """,
        options: [
            Options.out.spec, Options.seed.spec, Options.replicas.spec, CommonOptions.tier.spec, CommonOptions.threads.spec,
        ] + ReportOptions.specs + [Options.whatIf.spec, Options.shard.spec, CommonOptions.force.spec],
        positionals: 1...1,
        run: { args, t in
            let out = try args.required(Options.out, command: "run", synopsis: synopsis)
            let replicas = args[Options.replicas] ?? RunCommand.defaultReplicas
            let threads = args[CommonOptions.threads] ?? CommonOptions.cores
            let seed = args[Options.seed]
            let tier = args[CommonOptions.tier] ?? .asConfigured
            let whatIf = args[Options.whatIf] ?? 5
            let options = ReportOptions.read(args)
            // The output folder is checked and locked before any work (issue 16, item 15).
            let shard = args[Options.shard]
            let folder = try OutputFolder.prepare(
                out, kind: shard == nil ? .reports : .partial, command: shard == nil ? "run" : "run --shard",
                force: args[CommonOptions.force], terminal: t)
            let loaded = try ScenarioLoader.load(folder: args.positionals[0]).get()
            for n in loaded.notes { t.err("note: \(n)") }
            t.err(lines: ValidateCommand.planWarnings(PlanChecks.warnings(loaded.scenario), folder: args.positionals[0]))
            let report = { (replica0: SimulationResult) -> RunReport in
                let whatIfResult = whatIf == 0 ? nil : Counterfactual.run(
                    loaded.scenario, base: replica0,
                    options: CounterfactualOptions(maxMunicipalities: whatIf, maxReruns: 80, threads: threads))
                return RunReport(
                    scenarioId: URL(fileURLWithPath: args.positionals[0]).standardizedFileURL.lastPathComponent,
                    synthetic: loaded.scenario.synthetic, suppressionThreshold: loaded.scenario.parameters.suppressionThreshold,
                    inputs: loaded.files.map { InputFile(name: $0.name, fnv1a64: $0.fnv1a64) }, counterfactual: whatIfResult)
            }
            if let shard {
                return try ShardRun.run(
                    args, shard: shard, scenario: loaded.scenario, inputs: loaded.files.map { InputFile(name: $0.name, fnv1a64: $0.fnv1a64) },
                    replicas: replicas, threads: threads, tier: tier, seed: seed, out: out, folder: folder, report: report, t)
            }
            let progress = Progress.terminal(total: replicas, what: "replicas")
            let ensemble = Ensemble.run(loaded.scenario, replicas: replicas, threads: threads, tier: tier, seed: seed, progress: progress?.update)
            progress?.finish()
            let doc = ResultDocument(
                result: ensemble.replica0, ensemble: replicas > 1 ? ensemble.statistics : nil, report: report(ensemble.replica0))
            let files = try ReportCommand.render(doc, options: options)
            try folder.commit(files.map { ($0.path, $0.text) })
            // One terminal-safe line each: a line break in the scenario's name cannot start a line.
            t.out(lines: ShortfallReport.terminalHeadlineLines(doc, options: options))
            t.out(ReportCommand.wroteLine(out, files, lang: options.lang))
            return ExitCode.success
        })
}

extension RunCommand {
    /// Seeds a run uses unless told: enough for the 5th and 95th percentiles of every headline
    /// figure to mean something (issue 14: "uncertainty in every headline"), at a small cost
    /// (replicas after the first keep only their summary).
    static let defaultReplicas = 10

    /// run's own options.
    enum Options {
        static let out = CommonOptions.out.help("Folder for the result (created, or replaced whole if bcpsim wrote it for the same command; see --force).")
        static let seed = CommonOptions.seed
        static let replicas = Option<Int>.int("replicas", "N", 1...PartialResult.maxReplicas, help: "Number of seeds to run (default 10, at most 100000).")
        static let whatIf = Option<Int>.int(
            "what-if", "N", 0...62, help: "Municipalities to rerun for what would have closed the gap (default 5; 0 skips).")
        static let shard = Option<ShardSpec>(
            "shard", placeholder: "K/M", help: "Run only shard K of M of the replicas and write a partial result (see 'bcpsim merge').",
            expectation: "K/M with 1 <= K <= M", parse: ShardSpec.init)
    }
}

/// `--shard K/M`: shard K (1-based) of M.
struct ShardSpec: Sendable, Equatable {
    var k: Int
    var m: Int

    init?(_ text: String) {
        let f = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard f.count == 2, let k = f[0], let m = f[1], m >= 1, m <= PartialResult.maxReplicas, (1...m).contains(k) else { return nil }
        self.k = k
        self.m = m
    }
}
