import BCPAnalysis
import BCPInput
import BCPModel
import Foundation

/// `bcpsim validate SCENARIO`: reads everything, reports all problems, summarises a valid scenario.
enum ValidateCommand {
    static let maxErrors = Option<Int>.int("max-errors", "N", 1...100_000, help: "Stop listing after N problems (default 200).")

    static let info = CommandInfo(
        name: "validate", summary: "check a scenario folder and report every problem with its location",
        synopsis: "validate SCENARIO [--max-errors N]",
        discussion: """
            Reads SCENARIO/scenario.json and the CSV tables it names (patients.csv, providers.csv,
            units.csv, and municipalities.csv if present) and checks every field: municipality codes
            and their check digit, ids, units and ranges, references between tables, restoration
            curves, zones. Each problem is printed as PATH:LINE:COLUMN: error: MESSAGE.

            A valid scenario gets a short summary: patients and providers per municipality and tier,
            and warnings (PATH: warning: MESSAGE) about plans that cannot work as written: units in
            stock with no delivery team to bring them, a linked BCP with no partner, an outage zone
            that reaches no patient. Warnings do not make the scenario invalid.
            Exit status 0 when valid, 65 when the data has errors, 64 for a wrong command line.
            """,
        options: [maxErrors.spec],
        positionals: 1...1,
        run: { args, t in
            let cap = args[maxErrors] ?? Diagnostics.defaultCap
            switch ScenarioLoader.load(folder: args.positionals[0], diagnosticCap: cap) {
            case .failure(let e):
                t.err(lines: e.diagnostics.lines)
                t.err("\(e.diagnostics.errorCount) error\(e.diagnostics.errorCount == 1 ? "" : "s"); the scenario was not accepted")
                return ExitCode.dataError
            case .success(let loaded):
                for n in loaded.notes { t.err("note: \(n)") }
                // Plans that cannot work as written: warnings, the scenario stays valid.
                let warnings = PlanChecks.warnings(loaded.scenario)
                t.err(lines: planWarnings(warnings, folder: args.positionals[0]))
                t.out(lines: ScenarioSummary.lines(loaded.scenario))
                if !warnings.isEmpty {
                    t.out("\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): plans that cannot work as written (listed above)")
                }
                return ExitCode.success
            }
        })

    /// PlanChecks' warnings as diagnostics (`path: warning: message`): validate lists them, and
    /// run, compare and workshop print them too, so that a purchase that cannot work (units no
    /// team can carry) is said where its result is read, not only by validate.
    static func planWarnings(_ warnings: [PlanChecks.Warning], folder: String) -> [String] {
        let folder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return warnings.map { Diagnostic(path: folder + "/" + $0.file, line: 0, column: 0, severity: .warning, message: $0.message).description }
    }
}

/// The one-paragraph summary of a valid scenario, and counts per municipality and tier.
enum ScenarioSummary {
    static func lines(_ s: Scenario) -> [String] {
        var lines: [String] = []
        // Counted once per patient and provider (a scan per municipality was quadratic: 7 s of
        // validating a 1M roster).
        var patientCount: [MunicipalityCode: Int] = [:]
        for p in s.patients { patientCount[p.municipality, default: 0] += 1 }
        var providersIn: [MunicipalityCode: [Provider]] = [:]
        for p in s.providers { providersIn[p.municipality, default: []].append(p) }
        let populated = s.municipalities.filter { (patientCount[$0.code] ?? 0) > 0 }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        lines.append(
            "\(s.nameEn) (\(s.nameJa))\(s.synthetic ? " [synthetic data]" : ""): valid. "
                + "\(count(s.patients.count, "patient", "patients")) in \(count(populated.count, "municipality", "municipalities")), "
                + "\(count(s.providers.count, "provider", "providers")), \(count(s.units.count, "power unit", "power units")), "
                + "\(count(s.zones.count, "outage zone", "outage zones")), "
                + "horizon \(s.horizonMinutes / 60) h\(s.horizonMinutes % 60 == 0 ? "" : " \(s.horizonMinutes % 60) min"), seed \(s.seed).")
        lines.append("")
        lines.append("code    municipality            patients  providers  none  inst  linked  regional")
        for m in s.municipalities {
            let providers = providersIn[m.code] ?? []
            let pc = patientCount[m.code] ?? 0
            if pc == 0 && providers.isEmpty { continue }
            let tiers = BCPTier.allCases.map { t in providers.filter { $0.tier == t }.count }
            lines.append(
                "\(m.code)  \(m.nameEn.padding(toLength: 22, withPad: " ", startingAt: 0))  \(pad(pc, 8))  \(pad(providers.count, 9))  "
                    + "\(pad(tiers[0], 4))  \(pad(tiers[1], 4))  \(pad(tiers[2], 6))  \(pad(tiers[3], 8))")
        }
        return lines
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

}
