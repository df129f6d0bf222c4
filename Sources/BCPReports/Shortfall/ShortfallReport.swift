import BCPAnalysis
import BCPEngine
import BCPRegistry
import BCPText

/// Options of a rendering: language, BOM on CSV files (on by default, for Excel), the suppression
/// threshold (nil: the scenario's, and none for a synthetic scenario), and the tool version for
/// the manifest.
public struct ShortfallOptions: Sendable, Equatable {
    public var lang: Language
    public var bom: Bool
    public var suppress: Int?
    public var toolVersion: String
    public init(lang: Language = .ja, bom: Bool = true, suppress: Int? = nil, toolVersion: String) {
        self.lang = lang
        self.bom = bom
        self.suppress = suppress
        self.toolVersion = toolVersion
    }
}

/// One output file: a path relative to the output folder, its text, and whether it is restricted.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var text: String
    public var restricted: Bool
}

/// All the files of a run's output folder, as one pure function of the result document.
/// `bcpsim run` renders the document it holds in memory; `bcpsim report` decodes the saved
/// result.json and renders it; since decode(encode(d)) == d, both give byte-identical folders.
public enum ShortfallReport {
    public static let resultPath = "restricted/result.json"

    /// Every file of the folder: the reports, the restricted files, the result document, manifest.json.
    public static func files(_ data: ResultDocument, options: ShortfallOptions, registry: Registry?) -> [OutputFile] {
        var files = render(data, options: options, registry: registry)
        files.append(OutputFile(path: resultPath, text: data.encode(), restricted: true))
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.withManifest(data, options)
    }

    /// The report files of `data` (without the result file and the manifest).
    public static func render(_ data: ResultDocument, options: ShortfallOptions, registry: Registry?) -> [OutputFile] {
        let tables = PublicTables(data, policy: policy(data, options))
        let doc = SummaryDocument(tables: tables, lang: options.lang, registry: registry).document()
        let csv = ShortfallCSV(tables: tables, bom: options.bom, lang: options.lang)
        let restricted = RestrictedFiles(data: data, lang: options.lang, bom: options.bom)
        let rl = options.lang
        var files = [
            OutputFile(path: "summary.md", text: doc.markdown(), restricted: false),
            OutputFile(path: "summary.html", text: doc.html(), restricted: false),
            OutputFile(path: "municipalities.csv", text: csv.municipalities(), restricted: false),
            OutputFile(path: "areas.csv", text: csv.areas(), restricted: false),
            OutputFile(path: "tiers.csv", text: csv.tiers(), restricted: false),
            OutputFile(path: "devices.csv", text: csv.devices(), restricted: false),
            OutputFile(path: "timeline.csv", text: csv.timeline(), restricted: false),
            OutputFile(path: "shortfalls.csv", text: csv.shortfalls(), restricted: false),
            OutputFile(path: "whatif.csv", text: csv.whatIf(), restricted: false),
            OutputFile(path: "restricted/patients.csv", text: restricted.patientsCSV(), restricted: true),
            OutputFile(path: "restricted/README.txt", text: restricted.readme(), restricted: true),
        ]
        if let registry {
            files += [
                OutputFile(path: "registry.html", text: RegistryPage.html(registry, lang: rl), restricted: false),
                OutputFile(path: "registry.md", text: RegistryRenderer.markdown(registry.programs, lang: rl), restricted: false),
                OutputFile(path: "registry.csv", text: RegistryRenderer.csv(registry.programs, lang: rl, bom: options.bom), restricted: false),
                OutputFile(path: "registry.json", text: RegistryRenderer.json(registry.programs), restricted: false),
            ]
        }
        return files
    }

    /// The disclosure policy of a rendering: `--suppress N` if given, else the scenario's threshold,
    /// or none for a synthetic scenario.
    public static func policy(_ data: ResultDocument, _ options: ShortfallOptions) -> DisclosurePolicy {
        DisclosurePolicy.forScenario(synthetic: data.synthetic, threshold: data.suppressionThreshold, requested: options.suppress)
    }

    /// manifest.json: tool, scenario, seed(s), replicas, options, input hashes, and every output
    /// with its FNV-1a 64 hash (public files only; restricted files are listed by path). No clock.
    static func manifest(_ data: ResultDocument, _ options: ShortfallOptions, _ files: [OutputFile]) -> String {
        let json = OrderedJSON.object([
            ("schema", .string("bcpsim.manifest/1")),
            ("tool", .object([("name", .string("bcpsim")), ("version", .string(options.toolVersion))])),
            ("scenario", .object([
                ("id", .string(data.scenarioId)), ("nameJa", .string(data.result.scenarioNameJa)), ("nameEn", .string(data.result.scenarioNameEn)),
                ("synthetic", .bool(data.synthetic)),
            ])),
            ("seed", .string(String(data.result.seed))),
            ("replicas", .int(data.replicas)),
            ("seeds", .array(data.seeds.map { .string(String($0)) })),
            ("tier", .string(data.result.tier.name)),
            ("horizonMinutes", .int(data.result.horizonMinutes)),
            ("lang", .string(options.lang.rawValue)),
            ("bom", .bool(options.bom)),
            ("disclosure", .object([("basis", .string(policy(data, options).basis.rawValue)), ("threshold", .int(policy(data, options).threshold))])),
            ("inputs", .array(data.inputs.map { .object([("file", .string($0.name)), ("fnv1a64", .string($0.fnv1a64))]) })),
            ("outputs", .array(files.map { f in
                .object([("path", .string(f.path)), ("restricted", .bool(f.restricted)),
                         ("fnv1a64", f.restricted ? .null : .string(StableHash.fnv1a64Hex(f.text.utf8)))])
            })),
        ])
        return json.render() + "\n"
    }
}

extension Array where Element == OutputFile {
    func withManifest(_ data: ResultDocument, _ options: ShortfallOptions) -> [OutputFile] {
        let m = OutputFile(path: "manifest.json", text: ShortfallReport.manifest(data, options, self), restricted: false)
        return (self + [m]).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
