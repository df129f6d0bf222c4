import BCPText
import BCPAnalysis
import BCPRegistry
import Foundation

/// `bcpsim registry`: the Tokyo home-care programs extracted from the five source documents.
enum RegistryCommand {
    static let synopsis = "registry [list | show ID | history NAME-OR-ID] [--fy YEAR] [--new] [--effort N] [--search TEXT] [--format md|csv|json|html] [--lang ja|en] [--no-bom]"

    static let info = CommandInfo(
        name: "registry", summary: "list, show and trace the funding programs of the source documents",
        synopsis: synopsis,
        discussion: """
            The registry holds every Tokyo home-care program that the five source documents
            describe (FY2011 budget, a later budget, FY2024 evaluation, the plan's skeleton, FY2025
            draft budget), one record per program and fiscal year, and cites for every field the
            document file and line it was read from (docs/REGISTRY.md).

            list (the default) prints a table of the programs that pass the filters; with
            --format html, the whole registry as one page: programs by effort and fiscal year,
            amounts with thousands separators, subsidy rates, each program's history across
            years and every field in full, each value linked to the source line it was read from
            (the same page as registry.html in a run folder).
            show ID prints one record, every field labelled and followed by its source line.
            history NAME-OR-ID prints one program across fiscal years.
            """,
        options: [
            Options.fy.spec, Options.new.spec, Options.effort.spec, Options.search.spec, Options.format.spec,
            CommonOptions.lang.help("Language of headings and names (default ja).").spec,
            CommonOptions.noBOM.spec, CommonOptions.bom.spec,
        ],
        positionals: 0...2,
        run: { args, t in
            let registry: Registry
            do { registry = try Registry.load() } catch {
                throw CommandFailure(code: ExitCode.dataError, "the program registry cannot be read: \(error)")
            }
            let lang: Language = args[CommonOptions.lang] == .en ? .en : .ja
            let verb = args.positionals.first ?? "list"
            switch (verb, args.positionals.count) {
            case ("show", 2):
                guard let p = registry.program(id: args.positionals[1]) else {
                    throw UsageError("no program with id '\(args.positionals[1])'", hint: "list the ids with 'bcpsim registry --format csv'")
                }
                t.document(RegistryRenderer.show(p, lang: lang))
            case ("history", 2):
                let found = registry.history(nameOrId: args.positionals[1])
                guard !found.isEmpty else {
                    throw UsageError("no program matches '\(args.positionals[1])'", hint: "try 'bcpsim registry --search TEXT'")
                }
                t.document(RegistryRenderer.history(found, lang: lang))
            case ("list", 1), ("list", 0):
                let query = RegistryQuery(
                    fiscalYear: args[Options.fy], newOnly: args[Options.new], effort: args[Options.effort], search: args[Options.search])
                let programs = registry.query(query)
                switch args[Options.format] ?? .md {
                case .csv: t.document(RegistryRenderer.csv(programs, lang: lang, bom: CommonOptions.bomWanted(args)))
                case .html: t.document(RegistryPage.html(registry, lang: lang))
                case .json: t.document(RegistryRenderer.json(programs))
                case .md: t.document(RegistryRenderer.markdown(programs, lang: lang))
                }
            default:
                throw UsageError("expected 'list', 'show ID' or 'history NAME-OR-ID', found '\(args.positionals.joined(separator: " "))'", hint: "usage: bcpsim \(synopsis)")
            }
            return ExitCode.success
        })
}

extension RegistryCommand {
    enum Format: String, CaseIterable, Sendable { case md, csv, json, html }

    enum Options {
        static let fy = Option<Int>.int("fy", "YEAR", 1900...2100, help: "Only this fiscal year (western, e.g. 2025).")
        static let new = Option<Bool>.flag("new", help: "Only programs printed as new (新規), or with a menu printed as new.")
        static let effort = Option<Int>.int("effort", "N", 1...5, help: "Only programs serving effort (取組) N of the health plan, 1 to 5.")
        static let search = Option<String>.text("search", "TEXT", help: "Only programs whose Japanese or English name contains TEXT.")
        static let format = Option<Format>.choice("format", "FORMAT", help: "Output format (default md).")
    }
}
