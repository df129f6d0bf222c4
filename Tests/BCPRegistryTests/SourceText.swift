import Foundation
@testable import BCPRegistry

/// The five source documents as the tests read them, with the normalisation the citations are checked under.
enum SourceText {
    /// `docs/sources/seeds/`, found from this file up to the package root.
    static let seedsDir: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { break }
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("docs/sources/seeds")
    }()

    static let files = ["000_5141937cf89c2df9.txt", "001_34d4023f9fa2167b.txt", "002_0f0e66cbedaeb88e.txt",
                        "003_9cb320aed5e28b3f.txt", "004_44318edd24dd28d6.txt"]

    /// Raw lines of a document (1-based line n is `lines(f)[n - 1]`); empty if unreadable.
    static func lines(_ file: String) -> [String] { raw[file] ?? [] }

    static let raw: [String: [String]] = Dictionary(uniqueKeysWithValues: files.map { f in
        let s = (try? String(contentsOf: seedsDir.appendingPathComponent(f), encoding: .utf8)) ?? ""
        return (f, s.components(separatedBy: "\n"))
    })

    static let normalized: [String: [String]] = Dictionary(uniqueKeysWithValues: files.map { f in
        (f, lines(f).map { normalize($0, file: f) })
    })

    /// Undo the 4-fold repetition of bold runs in 003: "予算額予算額予算額予算額" -> "予算額".
    static func collapse(_ s: String) -> String {
        let c = Array(s)
        var out: [Character] = []
        var i = 0
        while i < c.count {
            var step = 0
            var len = 1
            while i + 4 * len <= c.count {
                let seg = c[i..<(i + len)]
                if (1..<4).allSatisfy({ k in c[(i + k * len)..<(i + (k + 1) * len)] == seg }) { step = len; break }
                len += 1
            }
            if step > 0 { out += c[i..<(i + step)]; i += 4 * step } else { out.append(c[i]); i += 1 }
        }
        return String(out)
    }

    /// NFKC (full-width digits, letters, punctuation to ASCII), no whitespace, no commas inside numbers.
    static func normalize(_ s: String, file: String? = nil) -> String {
        var t = file?.hasPrefix("003") == true ? collapse(s) : s
        t = t.precomposedStringWithCompatibilityMapping
        t = String(t.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
        return t.replacingOccurrences(of: #"(?<=\d),(?=\d)"#, with: "", options: .regularExpression)
    }

    /// Normalised text of lines `line...end` joined.
    static func text(_ file: String, _ line: Int, _ end: Int?) -> String? {
        guard let ls = normalized[file] else { return nil }
        let last = end ?? line
        guard line >= 1, last >= line, last <= ls.count else { return nil }
        return (line...last).map { ls[$0 - 1] }.joined()
    }

    /// Western years named in a text by era: 令和N / R N -> 2018+N, 平成N / H N -> 1988+N.
    static func westernYears(_ s: String) -> [Int] {
        guard let re = try? NSRegularExpression(pattern: #"(令和|平成|R|H)(\d+)"#) else { return [] }
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            guard let n = Int(ns.substring(with: m.range(at: 2))) else { return nil }
            return n + (["令和", "R"].contains(ns.substring(with: m.range(at: 1))) ? 2018 : 1988)
        }
    }
}

/// registry.json as a generic tree, walked by the citation test (the module itself reads the file
/// through its Codable types and no longer needs one).
indirect enum Node: Decodable {
    case bool(Bool), int(Int), string(String), array([Node]), object([String: Node]), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([Node].self) { self = .array(a) }
        else { self = .object(try c.decode([String: Node].self)) }
    }
}

extension Node {
    var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return String(b)
        default: return nil
        }
    }
}
