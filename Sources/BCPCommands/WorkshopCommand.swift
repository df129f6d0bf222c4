import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import BCPSimulator
import Foundation
import BCPText

/// `bcpsim workshop SCENARIO --out DIR`: the printable pack for a 90-minute BCP tier workshop.
enum WorkshopCommand {
    static let synopsis = "workshop SCENARIO --out DIR [--lang ja|en] [--seed S] [--msel-tier TIER] [--no-bom] [--suppress N] [--force]"

    static let info = CommandInfo(
        name: "workshop", summary: "write a BCP workshop pack: tiers side by side, injects (MSEL), discussion points",
        synopsis: synopsis,
        discussion: """
            Plays SCENARIO four times, with every provider and municipality at one BCP tier:
            none, institutional (機関型), linked (連携型), regional (地域BCP). Writes into DIR:

              facilitator.md / .html  agenda for 90 minutes, the tiers side by side, what each
                                      tier adds and why, results by secondary area, discussion
                                      points, the MSEL, evaluation (P/S/M/U), improvement plan
              participant.md / .html  the same session without any result: scenario, tiers,
                                      agenda, prediction sheet, questions, improvement plan
              msel.csv / msel.html    master scenario events list (number, time, inject type,
                                      from, to, message, expected action, objective)
              tiers.csv               the tier figures, durations in minutes

            The MSEL is derived from the run as configured (or --msel-tier). Times are the day
            and clock time from the scenario start (Day 1 00:00 = start). No file holds a
            patient or provider id; counts are at Tokyo and secondary-area level only. Same
            scenario and seed give the same bytes. docs/WORKSHOP.md explains every file.
            """,
        options: [
            Options.out.spec, CommonOptions.lang.help("Language of the pack (default ja).").spec, CommonOptions.seed.spec,
            Options.mselTier.spec, CommonOptions.noBOM.spec, CommonOptions.bom.spec, ReportOptions.suppress.spec, CommonOptions.force.spec,
        ],
        positionals: 1...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let out = try args.required(Options.out, command: "workshop", synopsis: synopsis)
        let lang = args[CommonOptions.lang] ?? .ja
        let seed = args[CommonOptions.seed]
        let reference = args[Options.mselTier] ?? .asConfigured
        let folder = try OutputFolder.prepare(out, kind: .workshop, command: "workshop", force: args[CommonOptions.force], terminal: t)
        let loaded = try ScenarioLoader.load(folder: args.positionals[0]).get()
        for n in loaded.notes { t.err("note: \(n)") }
        t.err(lines: ValidateCommand.planWarnings(PlanChecks.warnings(loaded.scenario), folder: args.positionals[0]))
        let runs = WorkshopRuns.run(loaded.scenario, seed: seed, reference: reference)
        let policy = DisclosurePolicy.forScenario(
            synthetic: loaded.scenario.synthetic, threshold: loaded.scenario.parameters.suppressionThreshold, requested: args[ReportOptions.suppress])
        let pack = WorkshopPack(runs: runs, lang: lang, policy: policy)
        let files = pack.files(bom: CommonOptions.bomWanted(args))
        try folder.commit(files.map { ($0.name, $0.text) })
        t.out(lines: pack.terminalLines())
        t.out(Labels.text("terminal.files.wrote", lang, files.map(\.name).joined(separator: ", "), out))
        return ExitCode.success
    }
}

extension WorkshopCommand {
    enum Options {
        static let out = CommonOptions.out.help("Folder for the pack (created, or replaced whole if bcpsim wrote it for the same command; see --force).")
        static let mselTier = Option<TierOverride>.choice(
            "msel-tier", "TIER", help: "The run the MSEL and timing points come from (default as-configured).")
    }
}
