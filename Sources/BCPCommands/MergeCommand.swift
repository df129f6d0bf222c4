import BCPAnalysis
import BCPInput
import BCPModel
import BCPReports
import BCPSimulator
import Foundation

/// Sharded ensembles for a cluster: `run ... --replicas N --shard K/M` runs its share of the
/// replicas and writes a partial result; `merge PARTS... --out DIR` joins the parts into exactly
/// the files the unsharded run writes. docs/CLUSTER.md shows Slurm and Kubernetes set-ups.
enum MergeCommand {
    static let info = CommandInfo(
        name: "merge", summary: "join the partial results of a sharded run (run --shard K/M)",
        synopsis: "merge PART... --out DIR [--force]",
        discussion: """
            Reads the partial results written by 'bcpsim run SCENARIO --replicas N --shard K/M
            --out DIR_K' (one file DIR_K/partial.txt per shard, K = 1...M) and writes into DIR
            the same files, byte for byte, as the unsharded 'bcpsim run SCENARIO --replicas N'
            with the same options. Every shard 1...M must be given exactly once; the parts must
            come from the same scenario files, seed, tier, replica count and report options.
            Shard K runs replicas floor((K-1)N/M) ... floor(KN/M)-1; shard 1 also holds replica
            0's full result and the what-if reruns. Format: docs/CLUSTER.md.
            """,
        options: [RunCommand.Options.out.spec, CommonOptions.force.spec],
        positionals: 1...100_000,
        run: { args, t in
            let out = try args.required(RunCommand.Options.out, command: "merge", synopsis: "merge PART... --out DIR [--force]")
            let folder = try OutputFolder.prepare(out, kind: .reports, command: "merge", force: args[CommonOptions.force], terminal: t)
            var parts: [PartialResult] = []
            for path in args.positionals {
                let file = FileManager.default.fileExists(atPath: path + "/" + PartialResult.fileName) ? path + "/" + PartialResult.fileName : path
                let data: Data
                switch BoundedFile.read(file, limit: PartialResult.maxFileBytes) {
                case .success(let d): data = d
                case .failure(let f): throw CommandFailure(code: ExitCode.dataError, "cannot read \(file): \(f.message)")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw CommandFailure(code: ExitCode.dataError, "\(file) is not UTF-8 text")
                }
                do { parts.append(try PartialResult.parse(text)) } catch let e as PartialResult.FormatError {
                    throw CommandFailure(code: ExitCode.dataError, "\(file): \(e.message)")
                }
            }
            let doc: ResultDocument
            do { doc = try PartialResult.merge(parts) } catch let e as PartialResult.FormatError {
                throw CommandFailure(code: ExitCode.dataError, e.message)
            }
            let parsed = try ParsedArguments.parse(parts[0].reportArgs, options: RunCommand.info.options, command: "run")
            let options = ReportOptions.read(parsed)
            let files = try ReportCommand.render(doc, options: options)
            try folder.commit(files.map { ($0.path, $0.text) })
            t.out("merged \(parts.count) shard\(parts.count == 1 ? "" : "s") of \(parts[0].replicas) replicas")
            t.out(ReportCommand.wroteLine(out, files, lang: options.lang))
            return ExitCode.success
        })
}

/// The sharded branch of `bcpsim run`.
enum ShardRun {
    /// Runs shard K of M and writes DIR/partial.txt. `report` builds the run's report metadata
    /// from replica 0's result, exactly as the unsharded run does (only the shard holding replica 0).
    static func run(
        _ args: ParsedArguments, shard: ShardSpec, scenario: Scenario, inputs: [InputFile], replicas: Int, threads: Int,
        tier: TierOverride, seed: UInt64?, out: String, folder: OutputFolder, report: (SimulationResult) -> RunReport, _ t: Terminal
    ) throws -> Int32 {
        let (k, m) = (shard.k, shard.m)
        // The report options, as merge will parse them again with run's declarations.
        var reportArgs: [String] = []
        if let v = args[CommonOptions.lang] { reportArgs += ["--lang", v.rawValue] }
        if args[CommonOptions.noBOM] { reportArgs.append("--no-bom") }
        if let v = args[ReportOptions.suppress] { reportArgs += ["--suppress", String(v)] }
        let range = PartialResult.range(shard: k, of: m, replicas: replicas)
        let progress = Progress.terminal(total: range.count, what: "replicas")
        let p = PartialResult.run(
            scenario, replicas: replicas, shard: k, shards: m, seed: seed ?? scenario.seed, tier: tier, threads: threads,
            inputs: inputs, reportArgs: reportArgs, report: report, progress: progress?.update)
        progress?.finish()
        try folder.commit([(PartialResult.fileName, p.encode())])
        // An empty shard (more shards than replicas) says so, rather than "replicas 0...0".
        let held = range.isEmpty ? "no replica" : range.count == 1 ? "replica \(range.lowerBound)" : "replicas \(range.lowerBound)...\(range.upperBound - 1)"
        t.out("shard \(k)/\(m): \(held) of \(replicas); wrote \(out)/\(PartialResult.fileName)")
        return ExitCode.success
    }
}

/// Progress on standard error for long runs: only when standard error is a terminal, at most five
/// updates a second, "replicas 120/1000, 350/s, 2.5 s left". Nothing at all otherwise.
final class Progress: @unchecked Sendable {
    let total: Int
    let what: String
    let start = Bench.now()
    private var last = 0.0
    private let lock = NSLock()

    init(total: Int, what: String) {
        self.total = total
        self.what = what
    }

    /// A reporter when stderr is a terminal and the run is long enough to need one; else nil.
    static func terminal(total: Int, what: String) -> Progress? {
        guard total > 1, isatty(STDERR_FILENO) == 1 else { return nil }
        return Progress(total: total, what: what)
    }

    @Sendable func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Bench.now()
        guard now - last >= 0.2 || done == total else { return }
        last = now
        let elapsed = now - start
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = "\r\(what) \(done)/\(total), \(String(format: "%.0f", rate))/s, \(String(format: "%.1f", left)) s left   "
        _ = Terminal.writeAll(STDERR_FILENO, line)
    }

    func finish() {
        _ = Terminal.writeAll(STDERR_FILENO, "\r" + String(repeating: " ", count: 60) + "\r")
    }
}
