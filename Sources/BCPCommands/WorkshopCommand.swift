import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import BCPSimulator
import Foundation
import BCPText

/// `bcpsim workshop SCENARIO --out DIR`: the printable pack for a 90-minute BCP tier workshop.
enum WorkshopCommand {
    static let synopsis = "workshop SCENARIO --out DIR [--lang ja|en] [--seed S] [--msel-tier TIER] [--bom] [--force]"

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
            OptionSpec("out", value: "DIR", help: "Folder for the pack (created; must be empty unless --force)."),
            OptionSpec("lang", value: "LANG", choices: Language.allCases.map(\.rawValue), help: "Language of the pack (default ja)."),
            OptionSpec("seed", value: "S", help: "Seed instead of the scenario's."),
            OptionSpec(
                "msel-tier", value: "TIER", choices: TierOverride.allCases.map(\.rawValue),
                help: "The run the MSEL and timing points come from (default as-configured)."),
            OptionSpec("bom", help: "Start CSV files with a UTF-8 byte order mark (for Excel)."),
            OptionSpec("force", help: "Overwrite files in an existing folder."),
        ],
        positionals: 1...1,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        guard let out = args.value("out") else {
            throw UsageError("'workshop' needs --out DIR", hint: "usage: bcpsim \(synopsis)")
        }
        let lang = args.value("lang").flatMap(Language.init(rawValue:)) ?? .ja
        let seed = try args.value("seed").map { _ in UInt64(try args.int("seed", in: 0...Int.max, fallback: 0, command: "workshop")) }
        let reference = args.value("msel-tier").flatMap(TierOverride.init(rawValue:)) ?? .asConfigured
        let loaded = try ScenarioLoader.load(folder: args.positionals[0]).get()
        for n in loaded.notes { t.err("note: \(n)") }
        let runs = WorkshopRuns.run(loaded.scenario, seed: seed, reference: reference)
        let pack = WorkshopPack(runs: runs, lang: lang)
        let files = pack.files(bom: args.has("bom"))
        try OutputFolder.write(files.map { ($0.name, $0.text) }, to: out, force: args.has("force"))
        for f in runs.figures {
            t.out("\(f.tier.rawValue): uncovered \(f.totals.uncovered), hours without power \(NumberFormat.hours(f.totals.gapMinutes)), units \(f.totals.unitsDelivered), beds \(f.totals.bedsUsed)")
        }
        t.out("\(pack.msel.count) injects from the \(reference.rawValue) run")
        t.out("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)")
        return ExitCode.success
    }
}
