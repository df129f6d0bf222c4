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
        "compare A B [--out DIR] [--lang ja|en] [--seed S] [--tier-a TIER] [--tier-b TIER] [--format md|csv|html] [--no-bom] [--suppress N] [--force]"

    static let info = CommandInfo(
        name: "compare", summary: "compare two scenarios or two tiers: headline, areas, municipalities",
        synopsis: synopsis,
        discussion: """
            A and B are scenario folders; each is run once (as `bcpsim run` would) and the
            results are set side by side with the difference B - A: the headline figures for
            Tokyo, patient figures and resources per secondary medical area, and resources per
            municipality (units held and lent, teams, trips, beds). Every figure follows the
            disclosure policy of the reports (docs/DISCLOSURE.md): small counts as a band, unless
            both scenarios are synthetic; --suppress N applies it with threshold N.

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
            Options.out.spec, CommonOptions.lang.spec, Options.seed.spec, Options.tierA.spec, Options.tierB.spec, Options.format.spec,
            CommonOptions.noBOM.spec, CommonOptions.bom.spec, ReportOptions.suppress.spec, CommonOptions.force.spec,
        ],
        positionals: 2...2,
        run: { args, t in try run(args, t) })

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let lang = args[CommonOptions.lang] ?? .ja
        let seed = args[Options.seed]
        let tierA = args[Options.tierA] ?? .asConfigured
        let tierB = args[Options.tierB] ?? .asConfigured
        for p in args.positionals where p.hasSuffix(".json") {
            throw UsageError("'\(p)' looks like a result file; compare takes scenario folders", hint: "usage: bcpsim \(synopsis)")
        }
        let folder = try args[Options.out].map {
            try OutputFolder.prepare($0, kind: .compare, command: "compare", force: args[CommonOptions.force], terminal: t)
        }
        let a = try ScenarioLoader.load(folder: args.positionals[0]).get()
        let b = try ScenarioLoader.load(folder: args.positionals[1]).get()
        for n in a.notes + b.notes { t.err("note: \(n)") }
        t.err(lines: ValidateCommand.planWarnings(PlanChecks.warnings(a.scenario), folder: args.positionals[0])
            + ValidateCommand.planWarnings(PlanChecks.warnings(b.scenario), folder: args.positionals[1]))
        let ra = Simulator.run(a.scenario, seed: seed, tier: tierA)
        let rb = Simulator.run(b.scenario, seed: seed, tier: tierB)
        let c = Comparison(a: ra, b: rb, labelA: label(args.positionals[0], tierA, lang), labelB: label(args.positionals[1], tierB, lang))
        // One policy for both runs: the stricter (a real scenario, or --suppress) wins.
        let policy = [a.scenario, b.scenario].map {
            DisclosurePolicy.forScenario(synthetic: $0.synthetic, threshold: $0.parameters.suppressionThreshold, requested: args[ReportOptions.suppress])
        }.max { $0.threshold < $1.threshold }!
        let r = CompareRenderer(c, lang: lang, policy: policy)
        let bom = CommonOptions.bomWanted(args)
        guard let out = args[Options.out], let folder else {
            switch args[Options.format] ?? .md {
            case .csv: t.document(r.csv(bom: bom))
            case .html: t.document(r.html())
            case .md: t.document(r.markdown())
            }
            return ExitCode.success
        }
        let files = [("compare.md", r.markdown()), ("compare.csv", r.csv(bom: bom)), ("compare.html", r.html())]
        try folder.commit(files)
        t.out(r.terminalLine())
        t.out(Labels.text("terminal.files.wrote", lang, files.map(\.0).joined(separator: ", "), out))
        return ExitCode.success
    }

    enum Format: String, CaseIterable, Sendable { case md, csv, html }

    enum Options {
        static let out = CommonOptions.out.help("Write compare.md, compare.csv and compare.html into DIR (a new folder, or one compare wrote; see --force).")
        static let seed = CommonOptions.seed.help("Seed for both runs instead of the scenarios' own.")
        static let tierA = Option<TierOverride>.choice("tier-a", "TIER", help: "Tier to play A at (default as-configured).")
        static let tierB = Option<TierOverride>.choice("tier-b", "TIER", help: "Tier to play B at (default as-configured).")
        static let format = Option<Format>.choice("format", "FORMAT", help: "Output format when printing (default md).")
    }

    /// The folder's last path component, with the tier when one is imposed.
    static func label(_ path: String, _ tier: TierOverride, _ lang: Language) -> String {
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        return tier == .asConfigured ? name : Labels.text("compare.tierSuffix", lang, name, TierText.name(tier, lang))
    }
}
