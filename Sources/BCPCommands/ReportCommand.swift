import BCPAnalysis
import BCPRegistry
import BCPReports
import Foundation
import BCPText

/// `bcpsim report RESULT --out DIR`: render the reports again from a result file written by
/// `bcpsim run` (DIR/restricted/result.json), e.g. in the other language. The files are those
/// `run` writes, byte for byte, for the same options.
enum ReportCommand {
    static let synopsis = "report RESULT --out DIR [--lang ja|en] [--bom] [--suppress N] [--force]"

    static let info = CommandInfo(
        name: "report", summary: "render the shortfall reports again from a saved result",
        synopsis: synopsis,
        discussion: """
            Reads RESULT, the restricted/result.json that 'bcpsim run' wrote, and writes the same
            report files into DIR: summary.md, summary.html, the CSV tables, the registry,
            manifest.json, and restricted/ (patients.csv, README.txt and a copy of RESULT).
            Nothing is simulated again: the reruns of "what would have closed the gap" are read
            from RESULT. With the options 'run' was given, the folder is byte-identical to the
            one 'run' wrote; change --lang or --suppress to render another version.
            """,
        options: [
            OptionSpec("out", value: "DIR", help: "Folder for the reports (created; must be empty unless --force)."),
            OptionSpec("lang", value: "LANG", choices: Language.allCases.map(\.rawValue), help: "Language of the reports (default ja)."),
            OptionSpec("bom", help: "Start CSV files with a UTF-8 byte order mark (for Excel)."),
            OptionSpec("suppress", value: "N", help: "Show counts 1...N-1 as a range in public files (default: the threshold stored in RESULT)."),
            OptionSpec("force", help: "Overwrite files in an existing folder."),
        ],
        positionals: 1...1,
        run: { args, t in
            guard let out = args.value("out") else {
                throw UsageError("'report' needs --out DIR", hint: "usage: bcpsim \(synopsis)")
            }
            let options = try options(args, command: "report")
            let path = args.positionals[0]
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(code: ExitCode.dataError, "cannot read \(path)")
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw CommandFailure(code: ExitCode.dataError, "\(path) is not UTF-8 text")
            }
            let doc: ResultDocument
            do { doc = try ResultDocument.decode(text) } catch let e as DocumentError {
                throw CommandFailure(code: ExitCode.dataError, "not a bcpsim result: \(e.message)")
            }
            let files = try render(doc, options: options)
            try OutputFolder.write(files.map { ($0.path, $0.text) }, to: out, force: args.has("force"))
            t.out(wroteLine(out, files))
            return ExitCode.success
        })

    static func options(_ args: ParsedArguments, command: String) throws -> ShortfallOptions {
        let lang = args.value("lang").flatMap(Language.init(rawValue:)) ?? .ja
        let suppress = try args.value("suppress").map { _ in try args.int("suppress", in: 1...1000, fallback: 10, command: command) }
        return ShortfallOptions(lang: lang, bom: args.has("bom"), suppress: suppress, toolVersion: BCPSim.version)
    }

    /// The files of a result document (the one function 'run', 'report' and 'merge' use).
    static func render(_ doc: ResultDocument, options: ShortfallOptions) throws -> [OutputFile] {
        let registry: Registry
        do { registry = try Registry.load() } catch {
            throw CommandFailure(code: ExitCode.dataError, "cannot load the program registry: \(error)")
        }
        return ShortfallReport.files(doc, options: options, registry: registry)
    }

    static func wroteLine(_ out: String, _ files: [OutputFile]) -> String {
        let restricted = files.filter(\.restricted).count
        return "wrote \(files.count) files to \(out) (\(restricted) restricted, with patient ids, in \(out)/restricted/; open \(out)/summary.html)"
    }
}
