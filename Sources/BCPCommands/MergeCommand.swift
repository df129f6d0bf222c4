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
        options: [
            OptionSpec("out", value: "DIR", help: "Folder for the result (created; must be empty unless --force)."),
            OptionSpec("force", help: "Overwrite files in an existing folder."),
        ],
        positionals: 1...100_000,
        run: { args, t in
            guard let out = args.value("out") else {
                throw UsageError("'merge' needs --out DIR", hint: "usage: bcpsim merge PART... --out DIR [--force]")
            }
            var parts: [PartialResult] = []
            for path in args.positionals {
                let file = FileManager.default.fileExists(atPath: path + "/" + PartialResult.fileName) ? path + "/" + PartialResult.fileName : path
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    throw CommandFailure(code: ExitCode.dataError, "cannot read \(file)")
                }
                do { parts.append(try PartialResult.parse(text)) } catch let e as PartialResult.FormatError {
                    throw CommandFailure(code: ExitCode.dataError, "\(file): \(e.message)")
                }
            }
            let text: String
            do { text = try PartialResult.merge(parts) } catch let e as PartialResult.FormatError {
                throw CommandFailure(code: ExitCode.dataError, e.message)
            }
            let parsed = try ParsedArguments.parse(parts[0].reportArgs, options: RunCommand.info.options, command: "run")
            let files = try ReportCommand.render(text, options: try ReportCommand.options(parsed, command: "run"))
            try OutputFolder.write(files.map { ($0.path, $0.text) }, to: out, force: args.has("force"))
            t.out("merged \(parts.count) shard\(parts.count == 1 ? "" : "s") of \(parts[0].replicas) replicas")
            t.out(ReportCommand.wroteLine(out, files))
            return ExitCode.success
        })
}

/// One shard's share of an ensemble, as a small versioned text file (`partial.txt`):
///
///     bcpsim.partial/1
///     replicas N
///     shard K M
///     range A B                  replicas A ..< B
///     seed S                     the base seed (replica 0's)
///     tier TIER
///     input NAME FNV             one line per scenario file read, as in the result's "inputs"
///     arg TOKEN                  the report options of run (--lang, --bom, --suppress), in order
///     municipalities C CODE...  count and codes, sorted
///     replica K v1 ... v12 | u1 ... uC | g1 ... gC     one line per replica in range order
///     head BYTES                 (shard holding replica 0 only) then BYTES bytes of text: replica
///     tail BYTES                 0's result document without its closing "\n}\n"; then its report
///                                member and closing text
///     end
///
/// Counts are decimal integers; everything a merge needs and nothing else.
struct PartialResult: Equatable {
    static let version = "bcpsim.partial/1"
    static let fileName = "partial.txt"

    struct FormatError: Error { var message: String }

    var replicas: Int
    var shard: Int
    var shards: Int
    var range: Range<Int>
    var seed: UInt64
    var tier: String
    var inputs: [String] = []
    var reportArgs: [String] = []
    var municipalities: Int
    /// Municipality codes in result order (sorted by code).
    var codes: [MunicipalityCode] = []
    var summaries: [ReplicaSummary] = []
    var head: String? = nil
    var reportTail: String? = nil

    /// Replicas of shard k (1-based) of m: floor((k-1)N/m) ..< floor(kN/m).
    static func range(shard k: Int, of m: Int, replicas n: Int) -> Range<Int> {
        ((k - 1) * n / m)..<(k * n / m)
    }

    func encode() -> String {
        var s = "\(Self.version)\nreplicas \(replicas)\nshard \(shard) \(shards)\nrange \(range.lowerBound) \(range.upperBound)\n"
        s += "seed \(seed)\ntier \(tier)\n"
        for i in inputs { s += "input \(i)\n" }
        for a in reportArgs { s += "arg \(a)\n" }
        s += "municipalities \(municipalities)" + codes.map { " " + $0.description }.joined() + "\n"
        for (j, r) in summaries.enumerated() {
            s += "replica \(range.lowerBound + j) " + r.totals.map(String.init).joined(separator: " ")
            s += " | " + r.muniUncovered.map(String.init).joined(separator: " ")
            s += " | " + r.muniGap.map(String.init).joined(separator: " ") + "\n"
        }
        if let head, let reportTail {
            s += "head \(head.utf8.count)\n" + head + "\n"
            s += "tail \(reportTail.utf8.count)\n" + reportTail + "\n"
        }
        return s + "end\n"
    }

    static func parse(_ text: String) throws -> PartialResult {
        let bytes = Array(text.utf8)
        var pos = 0
        func line() throws -> String {
            guard pos < bytes.count, let nl = bytes[pos...].firstIndex(of: 10) else { throw FormatError(message: "unexpected end of file") }
            let l = String(decoding: bytes[pos..<nl], as: UTF8.self)
            pos = nl + 1
            return l
        }
        func fields(_ key: String, _ count: Int) throws -> [String] {
            let f = try line().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard f.first == key, f.count == count + 1 else { throw FormatError(message: "expected '\(key)' with \(count) value(s)") }
            return Array(f.dropFirst())
        }
        func int(_ s: String) throws -> Int {
            guard let v = Int(s) else { throw FormatError(message: "'\(s)' is not a whole number") }
            return v
        }
        func block(_ key: String) throws -> String {
            let n = try int(try fields(key, 1)[0])
            guard n >= 0, pos + n < bytes.count, bytes[pos + n] == 10 else { throw FormatError(message: "'\(key)' block is cut short") }
            let s = String(decoding: bytes[pos..<(pos + n)], as: UTF8.self)
            pos += n + 1
            return s
        }
        guard try line() == version else { throw FormatError(message: "not a \(version) file (written by 'bcpsim run --shard')") }
        let n = try int(try fields("replicas", 1)[0])
        let sk = try fields("shard", 2)
        let rg = try fields("range", 2)
        guard let seed = UInt64(try fields("seed", 1)[0]) else { throw FormatError(message: "bad seed") }
        let tier = try fields("tier", 1)[0]
        var p = PartialResult(
            replicas: n, shard: try int(sk[0]), shards: try int(sk[1]), range: try int(rg[0])..<max(try int(rg[0]), try int(rg[1])),
            seed: seed, tier: tier, municipalities: 0)
        var l = try line()
        while l.hasPrefix("input ") { p.inputs.append(String(l.dropFirst(6))); l = try line() }
        while l.hasPrefix("arg ") { p.reportArgs.append(String(l.dropFirst(4))); l = try line() }
        guard l.hasPrefix("municipalities ") else { throw FormatError(message: "expected 'municipalities'") }
        let mf = l.split(separator: " ").map(String.init)
        p.municipalities = try int(mf[1])
        p.codes = try mf.dropFirst(2).map { c in
            guard let code = MunicipalityCode(c) else { throw FormatError(message: "bad municipality code '\(c)'") }
            return code
        }
        guard p.codes.count == p.municipalities else { throw FormatError(message: "expected \(p.municipalities) municipality codes") }
        for k in p.range {
            let f = try line().split(separator: " ").map(String.init)
            let c = p.municipalities
            guard f.count == 2 + Ensemble.keys.count + 1 + c + 1 + c, f[0] == "replica", try int(f[1]) == k else {
                throw FormatError(message: "expected the line of replica \(k)")
            }
            let nums = f[2...].filter { $0 != "|" }
            let v = try nums.map(int)
            let t = Ensemble.keys.count
            p.summaries.append(ReplicaSummary(totals: Array(v[0..<t]), muniUncovered: Array(v[t..<(t + c)]), muniGap: Array(v[(t + c)...])))
        }
        let next = try line()
        if next.hasPrefix("head ") {
            pos -= next.utf8.count + 1
            p.head = try block("head")
            p.reportTail = try block("tail")
            guard try line() == "end" else { throw FormatError(message: "expected 'end'") }
        } else if next != "end" {
            throw FormatError(message: "expected 'end'")
        }
        return p
    }

    /// The result file text of the unsharded run.
    static func merge(_ parts: [PartialResult]) throws -> String {
        guard let first = parts.first else { throw FormatError(message: "no parts given") }
        for p in parts {
            guard p.replicas == first.replicas, p.shards == first.shards, p.seed == first.seed, p.tier == first.tier,
                p.inputs == first.inputs, p.reportArgs == first.reportArgs, p.codes == first.codes
            else { throw FormatError(message: "shard \(p.shard) comes from another run than shard \(first.shard) (scenario, seed, tier, replicas or options differ)") }
        }
        let sorted = parts.sorted { $0.shard < $1.shard }
        guard sorted.map(\.shard) == Array(1...first.shards) else {
            let have = Set(parts.map(\.shard))
            let missing = (1...first.shards).filter { !have.contains($0) }
            throw FormatError(message: missing.isEmpty
                ? "a shard is given twice" : "missing shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(first.shards)")
        }
        var summaries: [ReplicaSummary] = []
        for p in sorted {
            guard p.range == range(shard: p.shard, of: p.shards, replicas: p.replicas), p.summaries.count == p.range.count else {
                throw FormatError(message: "shard \(p.shard) does not hold replicas \(range(shard: p.shard, of: p.shards, replicas: p.replicas))")
            }
            summaries += p.summaries
        }
        guard let owner = sorted.first(where: { $0.range.contains(0) }), let head = owner.head, let tail = owner.reportTail else {
            throw FormatError(message: "the shard holding replica 0 has no result text")
        }
        if first.replicas == 1 { return head + tail }
        let seeds = Ensemble.seeds(from: first.seed, count: first.replicas)
        let stats = Ensemble.counts(summaries, codes: first.codes)
        return head + ResultJSON.ensembleTail(seeds: seeds, totals: stats.totals, municipalities: stats.municipalities) + tail
    }
}

/// The sharded branch of `bcpsim run`.
enum ShardRun {
    /// Parses "K/M" (1 <= K <= M <= replicas).
    static func parse(_ text: String, replicas: Int) throws -> (Int, Int) {
        let f = text.split(separator: "/").map { Int($0) }
        guard f.count == 2, let k = f[0], let m = f[1], m >= 1, m <= 100_000, (1...m).contains(k) else {
            throw UsageError("'--shard' expects K/M with 1 <= K <= M, found '\(text)'", hint: "see 'bcpsim run --help'")
        }
        return (k, m)
    }

    /// Runs shard K of M and writes DIR/partial.txt. `meta` builds the run's report metadata from
    /// replica 0's result, exactly as the unsharded run does (only the shard holding replica 0).
    static func run(
        _ args: ParsedArguments, scenario: Scenario, inputs: [(name: String, fnv1a64: String)], replicas: Int, threads: Int,
        tier: TierOverride, seed: UInt64?, out: String, meta: (SimulationResult) -> ReportMeta, _ t: Terminal
    ) throws -> Int32 {
        let (k, m) = try parse(args.value("shard") ?? "", replicas: replicas)
        let base = seed ?? scenario.seed
        let seeds = Ensemble.seeds(from: base, count: replicas)
        let range = PartialResult.range(shard: k, of: m, replicas: replicas)
        let progress = Progress.terminal(total: range.count, what: "replicas")
        let share = Ensemble.runShare(scenario, seeds: seeds, range: range, threads: threads, tier: tier, progress: progress?.update)
        progress?.finish()
        var reportArgs: [String] = []
        if let v = args.value("lang") { reportArgs += ["--lang", v] }
        if args.has("bom") { reportArgs.append("--bom") }
        if let v = args.value("suppress") { reportArgs += ["--suppress", v] }
        var p = PartialResult(
            replicas: replicas, shard: k, shards: m, range: range, seed: base, tier: tier.rawValue,
            inputs: inputs.map { "\($0.name) \($0.fnv1a64)" }, reportArgs: reportArgs,
            municipalities: scenario.municipalities.count, codes: scenario.municipalities.map(\.code).sorted(),
            summaries: share.summaries)
        if let r0 = share.replica0 {
            // The unsharded result text is ResultJSON.encode(ensemble) with the report member
            // spliced in; encode(ensemble) is encode(replica 0) less its closing "\n}\n" plus the
            // ensemble member. So the shard stores the first part and the report part.
            let single = ResultJSON.encode(r0)
            let head = String(single.dropLast(3))
            let full = ReportSource.encode(r0, ensemble: nil, meta: meta(r0))
            p.head = head
            p.reportTail = String(decoding: Array(full.utf8).dropFirst(head.utf8.count), as: UTF8.self)
        }
        try OutputFolder.write([(PartialResult.fileName, p.encode())], to: out, force: args.has("force"))
        t.out("shard \(k)/\(m): replicas \(range.lowerBound)...\(max(range.lowerBound, range.upperBound - 1)) of \(replicas); wrote \(out)/\(PartialResult.fileName)")
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
        FileHandle.standardError.writeQuietly(line)
    }

    func finish() {
        FileHandle.standardError.writeQuietly("\r" + String(repeating: " ", count: 60) + "\r")
    }
}
