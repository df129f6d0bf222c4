import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import BCPSimulator
import Foundation
import BCPText

/// `bcpsim compare A B`: two scenarios (or one at two tiers) side by side, differences B - A.
enum CompareCommand {
    static let synopsis =
        "compare A B [--out DIR] [--lang ja|en] [--seed S] [--tier-a TIER] [--tier-b TIER] [--format md|csv|html] [--bom] [--force]"

    static let info = CommandInfo(
        name: "compare", summary: "compare two scenarios or two tiers: headline, areas, municipalities",
        synopsis: synopsis,
        discussion: """
            A and B are scenario folders; each is run once (as `bcpsim run` would) and the
            results are set side by side with the difference B - A: the headline figures for
            Tokyo, patient figures and resources per secondary medical area, and resources per
            municipality (units held and lent, teams, trips, beds). Patient counts are not shown
            per municipality until small-count suppression is available.

            Before and after a purchase: copy the scenario folder, add the units to units.csv
            of the copy, and compare the two folders. Tier comparison: give the same folder
            twice with --tier-a and --tier-b (for example none and regional).

            Both runs use their scenario's seed unless --seed is given; if the seeds differ the
            report says so, since restoration draws then differ too. result.json files are not
            accepted (there is no reader for them yet).

            Without --out the report is printed in --format (default md). With --out DIR,
            compare.md, compare.csv and compare.html are written there.
            """,
        options: [
            OptionSpec("out", value: "DIR", help: "Write compare.md, compare.csv and compare.html into DIR (must be empty unless --force)."),
            OptionSpec("lang", value: "LANG", choices: Language.allCases.map(\.rawValue), help: "Language of the output (default ja)."),
            OptionSpec("seed", value: "S", help: "Seed for both runs instead of the scenarios' own."),
            OptionSpec("tier-a", value: "TIER", choices: TierOverride.allCases.map(\.rawValue), help: "Tier to play A at (default as-configured)."),
            OptionSpec("tier-b", value: "TIER", choices: TierOverride.allCases.map(\.rawValue), help: "Tier to play B at (default as-configured)."),
            OptionSpec("format", value: "FORMAT", choices: ["md", "csv", "html"], help: "Output format when printing (default md)."),
            OptionSpec("bom", help: "Start CSV output with a UTF-8 byte order mark (for Excel)."),
            OptionSpec("force", help: "Overwrite files in an existing folder."),
        ],
        positionals: 2...2,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let lang = args.value("lang").flatMap(Language.init(rawValue:)) ?? .ja
        let seed = try args.value("seed").map { _ in UInt64(try args.int("seed", in: 0...Int.max, fallback: 0, command: "compare")) }
        let tierA = args.value("tier-a").flatMap(TierOverride.init(rawValue:)) ?? .asConfigured
        let tierB = args.value("tier-b").flatMap(TierOverride.init(rawValue:)) ?? .asConfigured
        for p in args.positionals where p.hasSuffix(".json") {
            throw UsageError("'\(p)' looks like a result file; compare takes scenario folders", hint: "usage: bcpsim \(synopsis)")
        }
        let a = try ScenarioLoader.load(folder: args.positionals[0]).get()
        let b = try ScenarioLoader.load(folder: args.positionals[1]).get()
        for n in a.notes + b.notes { t.err("note: \(n)") }
        let ra = Simulator.run(a.scenario, seed: seed, tier: tierA)
        let rb = Simulator.run(b.scenario, seed: seed, tier: tierB)
        let c = Comparison(a: ra, b: rb, labelA: label(args.positionals[0], tierA, lang), labelB: label(args.positionals[1], tierB, lang))
        let r = CompareRenderer(c, lang: lang)
        let bom = args.has("bom")
        guard let out = args.value("out") else {
            switch args.value("format") ?? "md" {
            case "csv": t.out(r.csv(bom: bom))
            case "html": t.out(r.html())
            default: t.out(r.markdown())
            }
            return ExitCode.success
        }
        let files = [("compare.md", r.markdown()), ("compare.csv", r.csv(bom: bom)), ("compare.html", r.html())]
        try OutputFolder.write(files, to: out, force: args.has("force"))
        t.out("uncovered \(ra.totals.uncovered) -> \(rb.totals.uncovered); hours without power \(NumberFormat.hours(ra.totals.gapMinutes)) -> \(NumberFormat.hours(rb.totals.gapMinutes))")
        t.out("wrote compare.md, compare.csv, compare.html to \(out)")
        return ExitCode.success
    }

    /// The folder's last path component, with the tier when one is imposed.
    static func label(_ path: String, _ tier: TierOverride, _ lang: Language) -> String {
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        return tier == .asConfigured ? name : Labels.text("compare.tierSuffix", lang, name, TierText.name(tier, lang))
    }
}
