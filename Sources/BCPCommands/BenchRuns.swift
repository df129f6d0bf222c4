import BCPInput
import BCPModel
import BCPSimulator
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `bcpsim bench`'s whole-command rows (issue 18): what a user waits for, by phase. Each scenario
/// is written by `bcpsim generate` (not timed); then, in this process, the load and one
/// simulation are timed, and `bcpsim run` is timed as a child process twice (`--what-if 0` and
/// the default what-if), with the child's own peak memory (wait4). Reports and what-if are the
/// differences between those (the load and simulation inside `run` are the same work).
enum BenchRuns {
    struct Workload {
        var name: String
        var patients: Int
        var japan: Bool
    }

    struct Row {
        var workload: Workload
        var csvBytes: Int
        var load: Double
        var simulate: Double
        var events: Int
        var withoutWhatIf: Double
        var full: Double
        var peakMiB: Int
        /// The SimPy model's simulate seconds on the same scenario folder (bench/simpy), when it ran.
        var simpy: Double? = nil
        /// The dispatcher's looks in the simulation (Simulator.Plan.measure).
        var looks = 0
        var reports: Double { max(0, withoutWhatIf - load - simulate) }
        var whatIf: Double { max(0, full - withoutWhatIf) }
    }

    static let full = [
        Workload(name: "tokyo", patients: 2_502, japan: false), Workload(name: "tokyo", patients: 25_000, japan: false),
        Workload(name: "tokyo", patients: 100_000, japan: false), Workload(name: "japan", patients: 100_000, japan: true),
        Workload(name: "japan", patients: 1_000_000, japan: true),
    ]
    static let quick = [Workload(name: "tokyo", patients: 500, japan: false), Workload(name: "japan", patients: 1_000, japan: true)]

    /// The running executable (`bcpsim`), for the child processes.
    static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `bcpsim args` with output discarded; wall seconds, the child's peak RSS in MiB, exit status.
    static func spawn(_ args: [String]) -> (seconds: Double, peakMiB: Int, status: Int32) {
        let path = executable()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Bench.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return (0, 0, -1) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Bench.now() - start
        return (seconds, usage.ru_maxrss / 1024, (status >> 8) & 0xff)
    }

    static func measure(_ w: Workload, in dir: String, log: (String) -> Void) throws -> Row {
        let folder = dir + "/\(w.name)-\(w.patients)"
        log("bench: generating \(w.name) \(w.patients) (not timed)")
        var gen = ["generate", "--out", folder, "--patients", String(w.patients), "--seed", "2025", "--force"]
        if w.japan { gen += ["--region", "japan"] }
        guard spawn(gen).status == 0 else { throw CommandFailure(code: ExitCode.software, "bench: generate failed for \(folder)") }
        let bytes = ["patients.csv", "providers.csv", "units.csv", "municipalities.csv"].reduce(0) { sum, f in
            sum + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + f)[.size] as? Int) ?? 0)
        }
        log("bench: \(w.name) \(w.patients): load and simulate (in this process)")
        let (loaded, load, _) = Bench.timed { ScenarioLoader.load(folder: folder) }
        guard case .success(let scenario) = loaded else {
            if case .failure(let e) = loaded { log("\(e)") }
            throw CommandFailure(code: ExitCode.software, "bench: cannot load \(folder)")
        }
        let (m, simulate, _) = Bench.timed { Simulator.Plan(scenario.scenario).measure(seed: scenario.scenario.seed) }
        var simpy: Double? = nil
        if !w.japan && w.patients <= 25_000, let python = SimPyModel.python() {
            log("bench: \(w.name) \(w.patients): the SimPy model (bench/simpy/model.py)")
            simpy = SimPyModel.simulateSeconds(python: python, folder: folder, log: log)
        }
        log("bench: \(w.name) \(w.patients): bcpsim run --replicas 1 --what-if 0")
        let out = dir + "/out"
        let without = spawn(["run", folder, "--out", out, "--replicas", "1", "--what-if", "0", "--force"])
        log("bench: \(w.name) \(w.patients): bcpsim run --replicas 1")
        let whole = spawn(["run", folder, "--out", out, "--replicas", "1", "--force"])
        guard without.status == 0, whole.status == 0 else { throw CommandFailure(code: ExitCode.software, "bench: bcpsim run failed on \(folder)") }
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: out)
        return Row(workload: w, csvBytes: bytes, load: load, simulate: simulate, events: m.events,
                   withoutWhatIf: without.seconds, full: whole.seconds, peakMiB: whole.peakMiB, simpy: simpy, looks: m.looks)
    }

    static func table(_ rows: [Row]) -> String {
        let head = ["scenario", "patients", "load s", "simulate s", "reports s", "what-if s", "run without what-if s", "full run s", "peak MiB (full)"]
        var cells = [head]
        for r in rows {
            cells.append([
                r.workload.name, String(r.workload.patients), Bench.fmt(r.load, 2), Bench.fmt(r.simulate, 2), Bench.fmt(r.reports, 2),
                Bench.fmt(r.whatIf, 2), Bench.fmt(r.withoutWhatIf, 2), Bench.fmt(r.full, 2), String(r.peakMiB),
            ])
        }
        let widths = head.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        return cells.map { row in
            row.indices.map { c in
                c == 0 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Each performance target (docs/PERFORMANCE.md) with its measured value, met or not, and what
    /// limits it; "NOT JUDGED" where a workload is too small to time and "NOT MEASURED" where a tool
    /// is missing.
    static func verdict(_ rows: [Row]) -> [String] {
        var lines: [String] = []
        func row(_ name: String, _ n: Int) -> Row? { rows.first { $0.workload.name == name && $0.workload.patients == n } }
        if let big = row("japan", 1_000_000) {
            let phases = "load \(Bench.fmt(big.load, 1)) s, simulate \(Bench.fmt(big.simulate, 1)) s, reports \(Bench.fmt(big.reports, 1)) s, what-if \(Bench.fmt(big.whatIf, 1)) s"
            lines.append(Bench.check(big.full <= 10, "1M patients x 7 days, whole run with reports and what-if <= 10 s", "\(Bench.fmt(big.full, 1)) s: \(phases)")
                + (big.full <= 10 ? "" : "; limited by \(largest(big))"))
            lines.append(Bench.check(big.peakMiB <= 1024, "1M patients, whole run <= 1 GiB peak", "\(big.peakMiB) MiB")
                + (big.peakMiB <= 1024 ? "" : "; limited by the result held as values and as text (result.json) at once, and per-patient arrays of Int"))
            if let small = row("japan", 100_000) {
                let growth: [(String, Double, Double)] = [
                    ("load", small.load, big.load), ("simulate", small.simulate, big.simulate), ("reports", small.reports, big.reports),
                    ("what-if", small.whatIf, big.whatIf), ("full run", small.full, big.full),
                ]
                for (name, a, b) in growth {
                    let x = a > 0.005 ? b / a : 0
                    lines.append(Bench.check(x <= 12, "100k -> 1M growth of \(name) <= 12x", "x\(Bench.fmt(x, 1)) (\(Bench.fmt(a, 2)) s -> \(Bench.fmt(b, 2)) s)"))
                }
            }
            let rate = big.simulate > 0 ? Double(big.events) / big.simulate : 0
            lines.append(Bench.check(rate >= 20e6, "simulate >= 20M events/s at 1M", "\(Bench.fmt(rate / 1e6, 2))M events/s")
                + (rate >= 20e6 ? "" : "; " + dispatcherCause(big)))
            let mbps = big.load > 0 ? Double(big.csvBytes) / 1e6 / big.load : 0
            lines.append(Bench.check(mbps >= 200, "load >= 200 MB/s of CSV", "\(Bench.fmt(mbps, 0)) MB/s (\(big.csvBytes / 1_000_000) MB in \(Bench.fmt(big.load, 2)) s)")
                + (mbps >= 200 ? "" : "; limited by building the model: a String per cell, a Patient value per row, and dictionaries keyed by id strings for references and uniqueness"))
        }
        if row("japan", 1_000_000) == nil {
            lines.append("NOT JUDGED: the 1M targets (whole run <= 10 s, <= 1 GiB, 100k -> 1M growth, simulate events/s, load MB/s): "
                + "no 1,000,000-patient workload in this bench; run bench --runs without --quick")
        }
        let largestTokyo = rows.filter { $0.workload.name == "tokyo" }.max { $0.workload.patients < $1.workload.patients }
        if let tokyo = largestTokyo, tokyo.simulate < tooShort {
            let short = "Tokyo \(tokyo.workload.patients) simulates in \(Bench.fmt(tokyo.simulate, 4)) s, too short to time; run bench --runs without --quick"
            lines.append("NOT JUDGED: simulate >= 20M events/s at Tokyo density: " + short)
            lines.append("NOT JUDGED: what-if incremental, not whole reruns (the what-if, \(Bench.fmt(tokyo.whatIf, 2)) s, is compared with 80 "
                + "simulations): " + short)
        } else if let tokyo = largestTokyo {
            let rate = tokyo.simulate > 0 ? Double(tokyo.events) / tokyo.simulate : 0
            lines.append(Bench.check(rate >= 20e6, "simulate >= 20M events/s at Tokyo density (\(tokyo.workload.patients) patients)", "\(Bench.fmt(rate / 1e6, 2))M events/s")
                + (rate >= 20e6 ? "" : "; " + dispatcherCause(tokyo)))
            // run's what-if makes at most 80 reruns; whole reruns would cost 80 simulations.
            let whole = 80 * tokyo.simulate
            lines.append(Bench.check(tokyo.whatIf < whole, "what-if incremental, not whole reruns (Coupling.swift)",
                                     "\(Bench.fmt(tokyo.whatIf, 2)) s for up to 80 reruns at Tokyo \(tokyo.workload.patients), against \(Bench.fmt(whole, 0)) s for 80 whole simulations; \(Bench.fmt(tokyo.full > 0 ? tokyo.whatIf / tokyo.full * 100 : 0, 0))% of the full run"))
        }
        let compared = rows.filter { $0.simpy != nil && $0.simulate > 0 }
        if compared.isEmpty {
            lines.append("NOT MEASURED: simulate >= 100x the SimPy model (bench/simpy): run bench/install-simpy.sh "
                + "in the repository, then bench from there")
        }
        for r in compared where r.simulate < tooShort {
            lines.append("NOT JUDGED: simulate >= 100x the SimPy model, Tokyo \(r.workload.patients): bcpsim simulates in "
                + "\(Bench.fmt(r.simulate, 4)) s, too short to time (SimPy \(Bench.fmt(r.simpy!, 3)) s)")
        }
        for r in compared where r.simulate >= tooShort {
            let x = r.simpy! / r.simulate
            lines.append(Bench.check(x >= 100, "simulate >= 100x the SimPy model, Tokyo \(r.workload.patients)",
                                     "x\(Bench.fmt(x, 1)): SimPy \(Bench.fmt(r.simpy!, 3)) s, bcpsim \(Bench.fmt(r.simulate, 4)) s")
                + (x >= 100 ? "" : "; bcpsim runs richer rules (households, admissions, cylinders, triage rounds by deadline) "
                    + "and the dispatcher looks at each waiting patient again whenever their depot sends or a team comes back"))
        }
        return lines
    }

    /// Simulations shorter than this are not timed finely enough to judge a rate (the quick bench).
    static let tooShort = 0.05

    /// Why the simulation is slower than the event queue: the dispatcher's looks per event.
    static func dispatcherCause(_ r: Row) -> String {
        let perEvent = r.events > 0 ? Double(r.looks) / Double(r.events) : 0
        return "limited by the dispatcher, not the event queue: \(Bench.fmt(perEvent, 1)) looks per event; every patient "
            + "waiting for the same depot is looked at again each time that depot sends a unit or one of its delivery "
            + "teams comes back (docs/PERFORMANCE.md, round three)"
    }

    static func largest(_ r: Row) -> String {
        let phases = [("loading the CSV", r.load), ("the simulation", r.simulate), ("writing the reports and result.json", r.reports), ("the what-if reruns", r.whatIf)]
        return phases.max { $0.1 < $1.1 }!.0
    }
}

/// The SimPy model of bench/simpy (installed by bench/install-simpy.sh into .build/simpy-venv),
/// run on the same scenario folder as bcpsim; never needed by the tests.
enum SimPyModel {
    static let script = "bench/simpy/model.py"

    /// The venv's python, when bench runs from a repository where the model is installed.
    static func python() -> String? {
        let fm = FileManager.default
        let python = fm.currentDirectoryPath + "/.build/simpy-venv/bin/python"
        guard fm.isExecutableFile(atPath: python), fm.fileExists(atPath: script) else { return nil }
        return python
    }

    /// The model's `simulate_seconds` (time.perf_counter around env.run), nil if it failed.
    static func simulateSeconds(python: String, folder: String, log: (String) -> Void) -> Double? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script, folder, "--seed", "2025"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            log("bench: the SimPy model did not start: \(error)")
            return nil
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            log("bench: the SimPy model exited with \(p.terminationStatus)")
            return nil
        }
        return seconds(in: String(decoding: data, as: UTF8.self))
    }

    /// `simulate_seconds` from the model's one line of JSON.
    static func seconds(in line: String) -> Double? {
        guard let data = line.split(separator: "\n").last.map({ Data($0.utf8) }),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (object["simulate_seconds"] as? NSNumber)?.doubleValue
    }
}
