import BCPInput
import BCPModel
import BCPSynthetic
import Foundation

/// `bcpsim generate`: a synthetic Tokyo scenario folder, deterministic from its seed.
enum GenerateCommand {
    static let info = CommandInfo(
        name: "generate", summary: "write a synthetic Tokyo scenario (patients spread by population)",
        synopsis: "generate --out DIR [--patients N] [--seed S] [--force]",
        discussion: """
            Writes a scenario folder with a synthetic roster: patients spread over Tokyo's 62
            municipalities by population, device mix, batteries and generators drawn from
            published figures (docs/MODEL.md cites each), providers in every municipality, and
            municipal stock of subsidized units in 18 municipalities. The outage is a whole-Tokyo
            blackout restored like Hokkaido in September 2018, over 7 days.

            Every output says it is synthetic. The same N and seed always give the same files.
            The default N is Tokyo's population share of Japan's 20,293 home ventilator users
            (end FY2018) plus 10% other electricity-dependent devices.
            """,
        options: [
            OptionSpec("out", value: "DIR", help: "Folder to write (created; must be empty unless --force)."),
            OptionSpec("patients", value: "N", help: "Number of patients (default: Tokyo's share, 2,502)."),
            OptionSpec("seed", value: "S", help: "Seed of the data set and the scenario (default 2025)."),
            OptionSpec("force", help: "Overwrite files in an existing folder."),
        ],
        positionals: 0...0,
        run: { args, t in
            guard let out = args.value("out") else {
                throw UsageError("'generate' needs --out DIR", hint: "usage: bcpsim generate --out DIR [--patients N] [--seed S] [--force]")
            }
            let tokyo = try TokyoMunicipalities.load()
            let population = tokyo.reduce(0) { $0 + $1.population }
            let n = try args.int("patients", in: 0...10_000_000, fallback: RosterGenerator.tokyoDefaultPatients(population: population), command: "generate")
            let seed = try args.int("seed", in: 0...Int.max, fallback: 2025, command: "generate")
            let scenario = SyntheticTokyo.scenario(patients: n, seed: UInt64(seed), municipalities: tokyo)
            let files = ScenarioWriter.files(for: scenario, builtIn: tokyo, sources: SyntheticTokyo.sources)
            try OutputFolder.write(files, to: out, force: args.has("force"))
            t.out("wrote \(files.count) files to \(out): \(scenario.patients.count) patients, \(scenario.providers.count) providers, \(scenario.units.count) units (synthetic)")
            return ExitCode.success
        })
}

/// The shipped synthetic Tokyo scenario's definition, shared by `generate` and its tests.
enum SyntheticTokyo {
    static let sources = [
        "Synthetic roster: see docs/MODEL.md (Synthetic rosters) for every figure and assumption.",
        "Restoration curve: Hokkaido blackout of 6 Sep 2018 (HEPCO notices; NHK, Kyodo, Mainichi reports).",
        "Population: Tokyo Metropolitan Government estimate, 2023-01-01 (docs/sources/data).",
    ]

    static func scenario(patients: Int, seed: UInt64, municipalities: [Municipality]) -> Scenario {
        let data = RosterGenerator(patients: patients, seed: seed).generate(municipalities: municipalities)
        return Scenario(
            nameJa: "東京都全域停電（北海道2018型の復旧）・合成データ",
            nameEn: "Tokyo-wide blackout (Hokkaido 2018 restoration), synthetic data",
            description: "All 62 municipalities lose power at hour 0 and are restored like Hokkaido in September 2018. "
                + "Synthetic roster of \(patients) patients (seed \(seed)); not real people.",
            horizonMinutes: 7 * 24 * 60, seed: seed, municipalities: data.municipalities, patients: data.patients,
            providers: data.providers, units: data.units,
            zones: [OutageTemplates.wholeArea(municipalities, curve: OutageTemplates.hokkaido2018)], synthetic: true)
    }
}

/// Writes a set of files into a folder, each atomically (temporary file, then rename).
/// Refuses a non-empty folder unless forced, so that a typo cannot overwrite someone's work.
enum OutputFolder {
    static func write(_ files: [(String, String)], to dir: String, force: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CommandFailure(code: ExitCode.cannotCreate, "\(dir) exists and is not a folder") }
            let existing = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            if !existing.isEmpty && !force {
                throw CommandFailure(code: ExitCode.cannotCreate, "\(dir) is not empty; choose a new folder or pass --force to overwrite")
            }
        } else {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw CommandFailure(code: ExitCode.cannotCreate, "cannot create \(dir): \(error.localizedDescription)")
            }
        }
        for (name, text) in files {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
                throw CommandFailure(code: ExitCode.cannotCreate, "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
