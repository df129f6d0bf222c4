import BCPAnalysis
import BCPInput
import BCPModel
import BCPSynthetic
import Foundation

/// `bcpsim generate`: a synthetic Tokyo scenario folder, deterministic from its seed.
enum GenerateCommand {
    static let info = CommandInfo(
        name: "generate", summary: "write a synthetic Tokyo scenario (patients spread by population)",
        synopsis: "generate --out DIR [--patients N] [--seed S] [--outage PRESET] [--region tokyo|japan] [--event EVENT] [--force]",
        discussion: """
            Writes a scenario folder with a synthetic roster: patients spread over Tokyo's 62
            municipalities by population; home ventilator and home oxygen users in the
            proportions of the national counts; batteries, cars, oxygen cylinders and manual
            bridges drawn from published figures (docs/MODEL.md cites each); providers and
            hospitals in every municipality, oxygen suppliers in every area, and the subsidized
            generators and batteries given to patients in 18 municipalities. The outage is one of the
            presets: hokkaido2018 (all of Tokyo, restored like Hokkaido in September 2018, 7 days),
            chiba2019 (southern Tama, restored like Chiba after typhoon Faxai, 15 days),
            rolling2011 (Tama, rolling blackouts of March 2011, 7 days), island-typhoon (the
            islands, slow restoration, no aid across the sea for 3 days, 14 days), inland-quake
            (eastern and central wards after an earthquake under Tokyo, an assumption, 14 days).

            Every output says it is synthetic. The same N and seed always give the same files.
            The default N is Tokyo's population share of Japan's 19,646 home ventilator users
            (2021 claims) and 156,696 home oxygen patients (2019), plus suction and feeding-pump
            users: 19,714.

            --region japan spreads the patients over all of Japan for large runs: Tokyo's 62 real
            municipalities plus synthetic municipalities for the other 46 prefectures (populations
            from the 2020 census, split by a rank-size rule; names and areas say "synthetic"; see
            docs/PERFORMANCE.md). Its default N is all of Japan's users, about 177,000. The presets'
            outages keep their Tokyo targets, except hokkaido2018, which then covers all of Japan.

            --event NAME writes a real event's scenario for the backtest instead: sapporo2018
            (Hokkaido blackout, Sapporo's 230 ventilator users), chiba2019 (typhoon Faxai),
            kumamoto2016 (the earthquake, under Kumamoto's evacuation-admission system) or
            rolling2011 (Tama's rolling blackouts as carried out, 14-28 March 2011). The place,
            restoration and patient counts are the records; the roster is synthetic. The shipped
            ones are Scenarios/backtest-NAME; 'bcpsim backtest' runs them.
            """,
        options: [
            Options.out.spec, Options.patients.spec, Options.seed.spec, Options.outage.spec, Options.region.spec, Options.event.spec,
            CommonOptions.force.spec,
        ],
        positionals: 0...0,
        run: { args, t in try run(args, t) })

    enum Region: String, CaseIterable, Sendable { case tokyo, japan }

    enum Options {
        static let out = CommonOptions.out.help("Folder to write (created, or replaced whole if bcpsim wrote it for the same command; see --force).")
        static let patients = Option<Int>.int("patients", "N", 0...10_000_000, help: "Number of patients (default: Tokyo's share, 19,714).")
        static let seed = CommonOptions.seed.help("Seed of the data set and the scenario (default 2025).")
        static let outage = Option<ScenarioPreset>.choice(
            "outage", "PRESET", help: "The outage, shaped like a real one (default hokkaido2018; see Scenarios/README.md).")
        static let region = Option<Region>.choice(
            "region", "REGION", help: "tokyo (default): Tokyo's 62 municipalities; japan: all prefectures, synthetic outside Tokyo.")
        static let event = Option<EventScenario>.choice(
            "event", "EVENT", help: "A real event for the backtest instead of a Tokyo preset (see docs/BACKTEST.md).")
    }

    static func run(_ args: ParsedArguments, _ t: Terminal) throws -> Int32 {
        let out = try args.required(Options.out, command: "generate", synopsis: info.synopsis)
        let tokyo = try TokyoMunicipalities.load()
        if let event = args[Options.event] {
            for other in [Options.patients.name, Options.outage.name, Options.region.name] where args.value(other) != nil {
                throw UsageError("--event and --\(other) do not go together: an event has its own place and patients", hint: "usage: bcpsim \(info.synopsis)")
            }
            let folder = try OutputFolder.prepare(out, kind: .scenario, command: "generate", force: args[CommonOptions.force], terminal: t)
            let scenario = event.scenario(tokyo: tokyo, seed: args[Options.seed] ?? 2025)
            let files = ScenarioWriter.files(for: scenario, builtIn: tokyo, sources: EventScenarios.sources(event))
            try folder.commit(files)
            t.out("wrote \(files.count) files to \(out): \(scenario.patients.count) patients, \(scenario.providers.count) providers, \(scenario.units.count) units (synthetic roster of a real event)")
            return ExitCode.success
        }
        let japan = args[Options.region] == .japan
        let population = (japan ? JapanMunicipalities.all(tokyo: tokyo) : tokyo).reduce(0) { $0 + $1.population }
        let fallback = RosterGenerator.defaultPatients(population: population)
        let n = args[Options.patients] ?? fallback
        // What the loader could not read back is refused before anything is made (issue 16).
        guard n <= InputLimits.maxDataRows else {
            throw UsageError(
                "--patients \(n) is more than a scenario can hold: patients.csv is read up to \(InputLimits.maxDataRows) patients "
                    + "(\(InputLimits.maxRows) rows, the header included) and \(InputLimits.maxFileBytes / (1024 * 1024)) MiB, "
                    + "which a generated roster reaches at about 1.6 million patients", hint: "see 'bcpsim generate --help'")
        }
        let folder = try OutputFolder.prepare(out, kind: .scenario, command: "generate", force: args[CommonOptions.force], terminal: t)
        let seed = args[Options.seed] ?? 2025
        let preset = args[Options.outage] ?? .hokkaido2018
        let scenario = japan
            ? SyntheticJapan.scenario(patients: n, seed: seed, tokyo: tokyo, preset: preset)
            : SyntheticTokyo.scenario(patients: n, seed: seed, municipalities: tokyo, preset: preset)
        let files = ScenarioWriter.files(for: scenario, builtIn: tokyo, sources: japan ? SyntheticJapan.sources : SyntheticTokyo.sources)
        if let problem = InputLimits.sizeProblem(scenarioFiles: files) {
            throw UsageError("the scenario would be too large to load: \(problem)", hint: "use fewer --patients")
        }
        try folder.commit(files)
        t.out("wrote \(files.count) files to \(out): \(scenario.patients.count) patients, \(scenario.providers.count) providers, \(scenario.units.count) units (synthetic)")
        return ExitCode.success
    }
}

/// The shipped synthetic Tokyo scenario's definition, shared by `generate` and its tests.
enum SyntheticTokyo {
    static let sources = [
        "Synthetic roster: see docs/MODEL.md (Synthetic rosters) for every figure and assumption.",
        "Outage: see the preset in Sources/BCPSynthetic/ScenarioPresets.swift and the folder's README.",
        "Population: Tokyo Metropolitan Government estimate, 2023-01-01 (docs/sources/data).",
    ]

    static func scenario(patients: Int, seed: UInt64, municipalities: [Municipality], preset: ScenarioPreset = .hokkaido2018) -> Scenario {
        let data = RosterGenerator(patients: patients, seed: seed).generate(municipalities: municipalities)
        return Scenario(
            nameJa: preset.nameJa + "・合成データ", nameEn: preset.nameEn + ", synthetic data",
            description: "Synthetic roster of \(patients) patients over Tokyo's 62 municipalities (seed \(seed)); not real people. "
                + "Outage preset \(preset.rawValue): see the folder's README for its sources and assumptions.",
            horizonMinutes: preset.horizonMinutes, seed: seed, municipalities: data.municipalities, patients: data.patients,
            providers: data.providers, units: data.units, zones: preset.zones(municipalities), disruptions: preset.disruptions(),
            parameters: preset.parameters(), synthetic: true)
    }
}

/// The Japan-wide synthetic scenario (`generate --region japan`), also used by `bench`.
enum SyntheticJapan {
    static let sources = [
        "Synthetic roster: see docs/MODEL.md (Synthetic rosters) for every figure and assumption.",
        "Municipalities outside Tokyo are synthetic: 2020 census prefecture populations split by a rank-size rule (docs/PERFORMANCE.md).",
        "Outage: see the preset in Sources/BCPSynthetic/ScenarioPresets.swift.",
        "Population: Tokyo Metropolitan Government estimate, 2023-01-01; other prefectures: 2020 census (Statistics Bureau).",
    ]

    static func scenario(patients: Int, seed: UInt64, tokyo: [Municipality], preset: ScenarioPreset = .hokkaido2018) -> Scenario {
        let municipalities = JapanMunicipalities.all(tokyo: tokyo)
        let share = { (tokyoCount: Int) in max(1, tokyoCount * municipalities.count / tokyo.count) }
        let data = RosterGenerator(
            patients: patients, seed: seed, idDigits: 6,
            municipalitiesWithStock: share(PublishedFigures.municipalitiesWithStock),
            municipalitiesWithRegionalBCP: share(PublishedFigures.municipalitiesWithRegionalBCP)
        ).generate(municipalities: municipalities)
        return Scenario(
            nameJa: (preset == .hokkaido2018 ? "全国停電（北海道2018型の復旧）" : "全国・" + preset.nameJa) + "・合成データ",
            nameEn: (preset == .hokkaido2018 ? "Japan-wide blackout (Hokkaido 2018 restoration)" : "Japan-wide roster, " + preset.nameEn) + ", synthetic data",
            description: "Synthetic roster of \(patients) patients over Japan (\(municipalities.count) municipalities: Tokyo's 62 "
                + "and synthetic ones for the other 46 prefectures; seed \(seed)); not real people or places outside Tokyo. "
                + "Outage preset \(preset.rawValue)" + (preset == .hokkaido2018 ? " over all of Japan." : " (Tokyo targets)."),
            horizonMinutes: preset.horizonMinutes, seed: seed, municipalities: data.municipalities, patients: data.patients,
            providers: data.providers, units: data.units,
            zones: preset == .hokkaido2018
                ? [OutageTemplates.wholeArea(municipalities, curve: OutageTemplates.hokkaido2018, id: "japan")]
                : preset.zones(municipalities),
            disruptions: preset.disruptions(), parameters: preset.parameters(), synthetic: true)
    }
}

/// The sources line of an event scenario's scenario.json.
enum EventScenarios {
    static func sources(_ e: EventScenario) -> [String] {
        [
            "Event: see the folder's README (records and assumptions) and backtest.json (published outcomes); docs/BACKTEST.md.",
            "Synthetic roster: drawn like Tokyo's (docs/MODEL.md, Synthetic rosters) with the event's own counts.",
        ]
    }
}
