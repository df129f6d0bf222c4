import BCPAnalysis
import BCPInput
import BCPRegistry
import BCPReports
import Foundation
import BCPText

/// `bcpsim report RESULT --out DIR`: render the reports again from a result file written by
/// `bcpsim run` (DIR/restricted/result.json), e.g. in the other language. The files are those
/// `run` writes, byte for byte, for the same options.
enum ReportCommand {
    static let synopsis = "report RESULT --out DIR [--lang ja|en] [--no-bom] [--suppress N] [--force]"

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
        options: [CommonOptions.out.help("Folder for the reports (created, or replaced whole if bcpsim wrote it for the same command; see --force).").spec]
            + [CommonOptions.lang.help("Language of the reports (default ja).").spec, CommonOptions.noBOM.spec, CommonOptions.bom.spec,
               ReportOptions.suppress.help("Show counts 1...N-1 as a range in public files (default: the threshold stored in RESULT).").spec,
               CommonOptions.force.spec],
        positionals: 1...1,
        run: { args, t in
            let out = try args.required(CommonOptions.out, command: "report", synopsis: synopsis)
            let options = ReportOptions.read(args)
            let folder = try OutputFolder.prepare(out, kind: .reports, command: "report", force: args[CommonOptions.force], terminal: t)
            let path = args.positionals[0]
            // Read through the bounded reader: its size is checked before a byte is read (issue 16, item 9).
            let bytes: Data
            switch BoundedFile.read(path, limit: DocumentLimits.maxFileBytes) {
            case .success(let d): bytes = d
            case .failure(let f): throw CommandFailure(code: ExitCode.dataError, "cannot read \(path): \(f.message)")
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw CommandFailure(code: ExitCode.dataError, "\(path) is not UTF-8 text")
            }
            let doc: ResultDocument
            do { doc = try ResultDocument.decode(text) } catch let e as DocumentError {
                throw CommandFailure(code: ExitCode.dataError, "not a bcpsim result: \(e.message)")
            }
            let files = try render(doc, options: options)
            try folder.commit(files.map { ($0.path, $0.text) })
            // The headline, as 'run' prints it, in the language and under the policy of these files.
            t.out(lines: ShortfallReport.terminalHeadlineLines(doc, options: options))
            t.out(wroteLine(out, files, lang: options.lang))
            return ExitCode.success
        })

    /// The files of a result document (the one function 'run', 'report' and 'merge' use).
    static func render(_ doc: ResultDocument, options: ShortfallOptions) throws -> [OutputFile] {
        let registry: Registry
        do { registry = try Registry.load() } catch {
            throw CommandFailure(code: ExitCode.dataError, "cannot load the program registry: \(error)")
        }
        return ShortfallReport.files(doc, options: options, registry: registry)
    }

    static func wroteLine(_ out: String, _ files: [OutputFile], lang: Language = .ja) -> String {
        let restricted = files.filter(\.restricted).count
        return Labels.text("terminal.wrote", lang, String(files.count), out, String(restricted))
    }
}
