import BCPModel
import BCPSimulator

/// Sharded ensembles for a cluster: `run ... --replicas N --shard K/M` runs its share of the
/// replicas and writes a partial result; `merge` joins the parts into exactly the result document
/// of the unsharded run. docs/CLUSTER.md shows the set-ups.
///
/// A partial result is a small versioned text file (`partial.txt`):
///
///     bcpsim.partial/2
///     replicas N
///     shard K M
///     range A B                  replicas A ..< B
///     seed S                     the base seed (replica 0's)
///     tier TIER
///     input NAME FNV             one line per scenario file read, as in the result's "inputs"
///     arg TOKEN                  the report options of run (--lang, --bom, --suppress), in order
///     municipalities C CODE...   count and codes, sorted
///     replica K v1 ... v12 | u1 ... uC | g1 ... gC     one line per replica in range order
///     result BYTES               (the shard holding replica 0 only) then BYTES bytes: replica 0's
///                                result document (ResultDocument, no ensemble)
///     end
///
/// Counts are decimal integers; everything a merge needs and nothing else.
public struct PartialResult: Equatable, Sendable {
    public static let version = "bcpsim.partial/2"
    public static let fileName = "partial.txt"
    /// The most replicas a run may ask for (RunCommand's --replicas bound).
    public static let maxReplicas = 100_000
    /// Bytes of a partial.txt `merge` reads (2 GiB): replica 0's result (at most
    /// DocumentLimits.maxFileBytes) and one line per replica (12 totals and two counts per
    /// municipality: 100,000 replicas of Tokyo's 62 municipalities take about 50 MB).
    public static let maxFileBytes = 1 << 31

    public struct FormatError: Error, Equatable, Sendable {
        public var message: String
    }

    public var replicas: Int
    public var shard: Int
    public var shards: Int
    public var range: Range<Int>
    public var seed: UInt64
    public var tier: TierOverride
    public var inputs: [InputFile]
    public var reportArgs: [String]
    /// Municipality codes in result order (sorted by code).
    public var codes: [MunicipalityCode]
    public var summaries: [ReplicaSummary]
    /// Replica 0's document, in the shard that ran it.
    public var document: ResultDocument?

    public init(
        replicas: Int, shard: Int, shards: Int, seed: UInt64, tier: TierOverride, inputs: [InputFile], reportArgs: [String],
        codes: [MunicipalityCode], summaries: [ReplicaSummary], document: ResultDocument?
    ) {
        self.replicas = replicas
        self.shard = shard
        self.shards = shards
        self.range = PartialResult.range(shard: shard, of: shards, replicas: replicas)
        self.seed = seed
        self.tier = tier
        self.inputs = inputs
        self.reportArgs = reportArgs
        self.codes = codes
        self.summaries = summaries
        self.document = document
    }

    /// Replicas of shard k (1-based) of m: floor((k-1)N/m) ..< floor(kN/m).
    public static func range(shard k: Int, of m: Int, replicas n: Int) -> Range<Int> {
        ((k - 1) * n / m)..<(k * n / m)
    }

    /// Runs shard `shard` of `shards` of an ensemble of `replicas` seeds from `seed`. `report`
    /// builds the run's report metadata from replica 0's result, exactly as the unsharded run does.
    public static func run(
        _ scenario: Scenario, replicas: Int, shard: Int, shards: Int, seed: UInt64, tier: TierOverride, threads: Int,
        inputs: [InputFile], reportArgs: [String], report: (SimulationResult) -> RunReport,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> PartialResult {
        let seeds = Ensemble.seeds(from: seed, count: replicas)
        let range = PartialResult.range(shard: shard, of: shards, replicas: replicas)
        let share = Ensemble.runShare(scenario, seeds: seeds, range: range, threads: threads, tier: tier, progress: progress)
        return PartialResult(
            replicas: replicas, shard: shard, shards: shards, seed: seed, tier: tier, inputs: inputs, reportArgs: reportArgs,
            codes: scenario.municipalities.map(\.code).sorted(), summaries: share.summaries,
            document: share.replica0.map { ResultDocument(result: $0, ensemble: nil, report: report($0)) })
    }

    public func encode() -> String {
        var s = "\(Self.version)\nreplicas \(replicas)\nshard \(shard) \(shards)\nrange \(range.lowerBound) \(range.upperBound)\n"
        s += "seed \(seed)\ntier \(tier.rawValue)\n"
        for i in inputs { s += "input \(i.name) \(i.fnv1a64)\n" }
        for a in reportArgs { s += "arg \(a)\n" }
        s += "municipalities \(codes.count)" + codes.map { " " + $0.description }.joined() + "\n"
        for (j, r) in summaries.enumerated() {
            s += "replica \(range.lowerBound + j) " + r.totals.values.map(String.init).joined(separator: " ")
            s += " | " + r.muniUncovered.map(String.init).joined(separator: " ")
            s += " | " + r.muniGap.map(String.init).joined(separator: " ") + "\n"
        }
        if let document {
            let text = document.encode()
            s += "result \(text.utf8.count)\n" + text + "\n"
        }
        return s + "end\n"
    }

    public static func parse(_ text: String) throws -> PartialResult {
        let bytes = Array(text.utf8)
        var pos = 0
        func fail(_ m: String) -> FormatError { FormatError(message: m) }
        func line() throws -> String {
            guard pos < bytes.count, let nl = bytes[pos...].firstIndex(of: 10) else { throw fail("unexpected end of file") }
            let l = String(decoding: bytes[pos..<nl], as: UTF8.self)
            pos = nl + 1
            return l
        }
        func fields(_ key: String, _ count: Int) throws -> [String] {
            let f = try line().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard f.first == key, f.count == count + 1 else { throw fail("expected '\(key)' with \(count) value(s)") }
            return Array(f.dropFirst())
        }
        func int(_ s: String, _ range: ClosedRange<Int>, _ what: String) throws -> Int {
            guard let v = Int(s), range.contains(v) else { throw fail("\(what) '\(s)' is not a whole number in \(range.lowerBound)...\(range.upperBound)") }
            return v
        }
        guard try line() == version else { throw fail("not a \(version) file (written by 'bcpsim run --shard' of this version)") }
        let n = try int(try fields("replicas", 1)[0], 1...maxReplicas, "replicas")
        let sk = try fields("shard", 2)
        let shards = try int(sk[1], 1...maxReplicas, "shard count")
        let shard = try int(sk[0], 1...shards, "shard")
        let rg = try fields("range", 2)
        let expected = range(shard: shard, of: shards, replicas: n)
        guard try int(rg[0], 0...n, "range start") == expected.lowerBound, try int(rg[1], 0...n, "range end") == expected.upperBound else {
            throw fail("shard \(shard) of \(shards) holds replicas \(expected.lowerBound)..<\(expected.upperBound)")
        }
        guard let seed = UInt64(try fields("seed", 1)[0]) else { throw fail("the seed is not a whole number 0...2^64-1") }
        let tierName = try fields("tier", 1)[0]
        guard let tier = TierOverride(rawValue: tierName) else { throw fail("unknown tier '\(tierName)'") }
        var inputs: [InputFile] = [], args: [String] = []
        var l = try line()
        while l.hasPrefix("input ") {
            let f = l.split(separator: " ").map(String.init)
            guard f.count == 3 else { throw fail("expected 'input NAME HASH'") }
            inputs.append(InputFile(name: f[1], fnv1a64: f[2]))
            l = try line()
        }
        while l.hasPrefix("arg ") { args.append(String(l.dropFirst(4))); l = try line() }
        // The count first, and the line's length against it before it is split: a line of 20
        // million codes cost 1.6 GB before the count was checked (issue 16 trial).
        let head = l.split(separator: " ", maxSplits: 2).map(String.init)
        guard head.first == "municipalities", head.count >= 2 else { throw fail("expected 'municipalities'") }
        let count = try int(head[1], 0...DocumentLimits.maxPlaces, "municipality count")
        guard l.utf8.count <= "municipalities ".utf8.count + head[1].utf8.count + 7 * count else {
            throw fail("expected \(count) municipality codes")
        }
        let mf = l.split(separator: " ").map(String.init)
        let codes = try mf.dropFirst(2).map { c -> MunicipalityCode in
            guard let code = MunicipalityCode(c) else { throw fail("bad municipality code '\(c)'") }
            return code
        }
        guard codes.count == count else { throw fail("expected \(count) municipality codes") }
        var summaries: [ReplicaSummary] = []
        let t = EnsembleMeasure.allCases.count
        for k in expected {
            let text = try line()
            // Each field is a count of at most 19 digits: a longer line is refused before it is split.
            guard text.utf8.count <= 20 * (4 + t + 2 * count) else { throw fail("expected the line of replica \(k)") }
            let f = text.split(separator: " ").map(String.init)
            guard f.count == 2 + t + 1 + count + 1 + count, f[0] == "replica", f[1] == String(k),
                  f[2 + t] == "|", f[3 + t + count] == "|" else {
                throw fail("expected the line of replica \(k)")
            }
            // Each part read from its own place: a "|" where a count belongs is not a count
            // (the fuzz target `partial` found a line that shifted the counts this way).
            func counts(_ r: Range<Int>) throws -> [Int] { try f[r].map { try int($0, 0...DocumentLimits.maxInteger, "count") } }
            let totals = try counts(2..<(2 + t))
            let uncovered = try counts((3 + t)..<(3 + t + count)), gap = try counts((4 + t + count)..<(4 + t + 2 * count))
            summaries.append(ReplicaSummary(totals: PerCase { totals[$0.position] }, muniUncovered: uncovered, muniGap: gap))
        }
        var document: ResultDocument? = nil
        let next = try line()
        if next.hasPrefix("result ") {
            let size = try int(String(next.dropFirst(7)), 0...min(bytes.count - pos, DocumentLimits.maxFileBytes), "result size")
            guard pos + size < bytes.count, bytes[pos + size] == 10 else { throw fail("the 'result' block is cut short") }
            let text = String(decoding: bytes[pos..<(pos + size)], as: UTF8.self)
            pos += size + 1
            do { document = try ResultDocument.decode(text) } catch let e as DocumentError {
                throw fail("replica 0's result: \(e.message)")
            }
            guard try line() == "end" else { throw fail("expected 'end'") }
        } else if next != "end" {
            throw fail("expected 'end'")
        }
        return PartialResult(
            replicas: n, shard: shard, shards: shards, seed: seed, tier: tier, inputs: inputs, reportArgs: args, codes: codes,
            summaries: summaries, document: document)
    }

    /// The result document of the unsharded run.
    public static func merge(_ parts: [PartialResult]) throws -> ResultDocument {
        guard let first = parts.first else { throw FormatError(message: "no parts given") }
        for p in parts {
            guard p.replicas == first.replicas, p.shards == first.shards, p.seed == first.seed, p.tier == first.tier,
                p.inputs == first.inputs, p.reportArgs == first.reportArgs, p.codes == first.codes
            else {
                throw FormatError(message: "shard \(p.shard) comes from another run than shard \(first.shard) (scenario, seed, tier, replicas or options differ)")
            }
        }
        let sorted = parts.sorted { $0.shard < $1.shard }
        guard sorted.map(\.shard) == Array(1...first.shards) else {
            let have = Set(parts.map(\.shard))
            let missing = (1...first.shards).filter { !have.contains($0) }
            throw FormatError(message: missing.isEmpty
                ? "a shard is given twice" : "missing shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(first.shards)")
        }
        guard var doc = sorted.first(where: { $0.range.contains(0) })?.document else {
            throw FormatError(message: "the shard holding replica 0 has no result")
        }
        guard doc.result.municipalities.map(\.code) == first.codes else {
            throw FormatError(message: "replica 0's result does not list the shards' municipalities")
        }
        if first.replicas > 1 {
            let summaries = sorted.flatMap(\.summaries)
            // Each measure's values together within the bound the statistics need (issue 16, item 5).
            func tooLarge(_ values: [Int]) -> Bool { values.reduce(0, +) > DocumentLimits.maxEnsembleSum }
            for m in EnsembleMeasure.allCases where tooLarge(summaries.map { $0.totals[m] }) {
                throw FormatError(message: "the replicas' \(m.rawValue) add up to more than \(DocumentLimits.maxEnsembleSum)")
            }
            for k in first.codes.indices where tooLarge(summaries.map { $0.muniUncovered[k] }) || tooLarge(summaries.map { $0.muniGap[k] }) {
                throw FormatError(message: "the replicas' counts of municipality \(first.codes[k]) add up to more than \(DocumentLimits.maxEnsembleSum)")
            }
            // Every replica simulates the same roster: a count of patients is at most its
            // patients, minutes at most every patient's whole horizon (issue 16 trial: a replica
            // line claiming 10^12 patients lost power for a roster of 60 merged without a word).
            let patients = doc.result.totals.patients, horizon = doc.result.horizonMinutes
            let (maxMinutes, overflow) = patients.multipliedReportingOverflow(by: max(1, horizon))
            for (r, summary) in summaries.enumerated() {
                for m in EnsembleMeasure.allCases {
                    let bound = m.isMinutes ? (overflow ? Int.max : maxMinutes) : (m == .unitsDelivered ? Int.max : patients)
                    if summary.totals[m] > bound {
                        throw FormatError(message: "replica \(r): \(m.rawValue) is \(summary.totals[m]), more than the roster of \(patients) patients allows")
                    }
                    // Counts of affected patients are parts of the affected.
                    if !m.isMinutes, m != .affected, m != .unitsDelivered, summary.totals[m] > summary.totals[.affected] {
                        throw FormatError(message: "replica \(r): \(m.rawValue) is \(summary.totals[m]), more than its \(summary.totals[.affected]) affected patients")
                    }
                }
                for k in first.codes.indices where summary.muniUncovered[k] > patients || summary.muniGap[k] > (overflow ? Int.max : maxMinutes) {
                    throw FormatError(message: "replica \(r): municipality \(first.codes[k]) has more uncovered patients or minutes than the roster of \(patients) patients allows")
                }
            }
            doc.ensemble = EnsembleStatistics(
                seeds: Ensemble.seeds(from: first.seed, count: first.replicas), replicas: summaries, codes: first.codes)
        }
        return doc
    }
}
