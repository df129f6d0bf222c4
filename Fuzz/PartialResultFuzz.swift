import BCPAnalysis
import BCPReports
import BCPText
import Foundation

/// libFuzzer target `partial`: the partial.txt files `bcpsim merge` reads, split at the byte 0x1E
/// (ASCII record separator) into one file per shard. Each is parsed by PartialResult.parse; a part
/// it accepts must encode to text that parses back to the same part. The parts are merged
/// (PartialResult.merge, which checks that they belong together and that their sums stay within
/// the ensemble's bounds), and the merged document is rendered as `merge` renders it
/// (ShortfallReport.files, with the report options the parts carry).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialResult(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    var parts: [PartialResult] = []
    for piece in data.split(separator: 0x1E, omittingEmptySubsequences: false) {
        guard let text = String(data: Data(piece), encoding: .utf8) else { return 0 }
        do {
            let p = try PartialResult.parse(text)
            precondition((try? PartialResult.parse(p.encode())) == p, "parse(encode(p)) differs from p")
            parts.append(p)
        } catch let e as PartialResult.FormatError {
            precondition(!e.message.isEmpty, "an error without a message")
            return 0
        } catch {
            preconditionFailure("parse threw something else than a FormatError: \(error)")
        }
    }
    let doc: ResultDocument
    do {
        doc = try PartialResult.merge(parts)
    } catch let e as PartialResult.FormatError {
        precondition(!e.message.isEmpty, "an error without a message")
        return 0
    } catch {
        preconditionFailure("merge threw something else than a FormatError: \(error)")
    }
    precondition(doc.replicas == parts[0].replicas, "the merged document has another replica count")
    _ = ShortfallReport.files(doc, options: options(parts[0].reportArgs), registry: nil)
    return 0
}

/// The report options of `run` the parts carry (--lang, --no-bom, --bom, --suppress), as merge reads them;
/// values `run` would refuse are left out.
private func options(_ args: [String]) -> ShortfallOptions {
    var o = ShortfallOptions(toolVersion: "fuzz")
    var i = 0
    while i < args.count {
        switch args[i] {
        // CSV files start with a byte order mark unless --no-bom (issue 15); --bom is the default.
        case "--no-bom": o.bom = false
        case "--bom": o.bom = true
        case "--lang" where i + 1 < args.count:
            i += 1
            o.lang = args[i] == "en" ? .en : .ja
        case "--suppress" where i + 1 < args.count:
            i += 1
            if let n = Int(args[i]), (1...1_000).contains(n) { o.suppress = n }
        default: break
        }
        i += 1
    }
    return o
}
