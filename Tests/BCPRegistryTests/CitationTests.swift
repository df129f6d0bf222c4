import Foundation
import XCTest
@testable import BCPRegistry

/// Every cited value of registry.json is checked against the line(s) it cites.
final class CitationTests: XCTestCase {
    static let registryURL: URL = SourceText.seedsDir.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BCPRegistry/Resources/registry.json")

    func loadTree() throws -> Node {
        try JSONDecoder().decode(Node.self, from: Data(contentsOf: Self.registryURL))
    }

    /// Keys whose values are ours (ids, English text, remarks) and so carry no citation.
    static let uncitedKeys: Set<String> = ["id", "programKey", "file", "nameEn", "summaryEn", "titleEn", "planNameEn", "goalEn", "textEn",
                                           "note", "notes", "schemaVersion"]

    struct Finding { var path: String; var problem: String }

    func walk(_ node: Node, _ path: String, _ key: String, cited: inout Int, findings: inout [Finding]) {
        switch node {
        case .array(let items):
            for (i, n) in items.enumerated() { walk(n, "\(path)[\(i)]", key, cited: &cited, findings: &findings) }
        case .object(let o):
            if case .object(let src)? = o["source"] {
                cited += 1
                check(o, src, path, key, &findings)
                for (k, v) in o.sorted(by: { $0.key < $1.key }) where !["value", "source", "quote", "inferred", "note", "era", "phase", "kind"].contains(k) {
                    walk(v, "\(path).\(k)", k, cited: &cited, findings: &findings)
                }
            } else {
                for (k, v) in o.sorted(by: { $0.key < $1.key }) { walk(v, "\(path).\(k)", k, cited: &cited, findings: &findings) }
            }
        case .null: break
        default:
            if !Self.uncitedKeys.contains(key) { findings.append(Finding(path: path, problem: "value without a citation")) }
        }
    }

    func check(_ o: [String: Node], _ src: [String: Node], _ path: String, _ key: String, _ findings: inout [Finding]) {
        guard let file = src["file"]?.string, let lineText = src["line"]?.string, let line = Int(lineText) else {
            findings.append(Finding(path: path, problem: "malformed source")); return
        }
        let end = src["endLine"]?.string.flatMap { Int($0) }
        guard SourceText.files.contains(file), let text = SourceText.text(file, line, end) else {
            findings.append(Finding(path: path, problem: "no such file/line \(file):\(line)")); return
        }
        let value = o["value"]
        let quote = o["quote"]?.string
        guard let shown = quote ?? value?.string else { findings.append(Finding(path: path, problem: "no value")); return }
        let q = SourceText.normalize(shown)
        if q.isEmpty || !text.contains(q) {
            findings.append(Finding(path: path, problem: "«\(shown)» not in \(file):\(line)\(end.map { "-\($0)" } ?? "")"))
        }
        if case .bool(true)? = o["inferred"] { return }
        guard quote != nil, let value else { return }
        switch value {
        case .int(let v):
            let oku = q.range(of: #"(\d+)億円"#, options: .regularExpression).flatMap { Int(q[$0].dropLast(2)) }
            if !(q.contains(String(v)) || SourceText.westernYears(q).contains(v) || oku.map { $0 * 100_000 == v } == true) {
                findings.append(Finding(path: path, problem: "value \(v) does not follow from «\(shown)»"))
            }
        case .string(let v):
            if !q.contains(SourceText.normalize(v)) { findings.append(Finding(path: path, problem: "value \(v) not in «\(shown)»")) }
        case .bool(let b) where key == "isNew":
            if !q.contains(b ? "新規" : "継続") { findings.append(Finding(path: path, problem: "isNew \(b) vs «\(shown)»")) }
        default: break
        }
    }

    func testSourcesArePresent() {
        for f in SourceText.files { XCTAssertGreaterThan(SourceText.lines(f).count, 100, f) }
    }

    func testCollapseOfFourFoldBold() {
        XCTAssertEqual(SourceText.collapse("【【【【予算額予算額予算額予算額：：：：５５５５，，，，４５８４５８４５８４５８千円千円千円千円】】】】"), "【予算額：５，４５８千円】")
        XCTAssertEqual(SourceText.normalize("（（（（22222222 年度年度年度年度からからからから継続継続継続継続））））", file: "003_x.txt"), "(22年度から継続)")
        XCTAssertEqual(SourceText.normalize("１８，７２９ 千円"), "18729千円")
    }

    func testEveryCitedFieldIsOnItsLine() throws {
        var cited = 0
        var findings: [Finding] = []
        walk(try loadTree(), "", "", cited: &cited, findings: &findings)
        XCTAssertGreaterThanOrEqual(cited, 800, "cited fields")
        XCTAssertTrue(findings.isEmpty, findings.prefix(30).map { "\($0.path): \($0.problem)" }.joined(separator: "\n"))
    }

    func testRemedyLinkCitationsAreOnTheirLines() throws {
        // The evidence of each remedy link and the closest text of each unfunded remedy, checked like registry.json.
        let cited = (RemedyLinks.all + RemedyLinks.historical).flatMap(\.evidence) + RemedyLinks.unfunded.flatMap(\.closest)
        XCTAssertGreaterThanOrEqual(cited.count, 13)
        var findings: [Finding] = []
        for (i, c) in cited.enumerated() {
            guard case .object(let o) = try JSONDecoder().decode(Node.self, from: JSONEncoder().encode(c)), case .object(let src)? = o["source"]
            else { XCTFail("not a cited object"); continue }
            check(o, src, "remedy[\(i)]", "evidence", &findings)
        }
        XCTAssertTrue(findings.isEmpty, findings.map { "\($0.path): \($0.problem)" }.joined(separator: "\n"))
    }

    func testCitationCheckCanFail() {
        // A wrong budget and a wrong line must both be caught.
        var findings: [Finding] = []
        let src: [String: Node] = ["file": .string("002_0f0e66cbedaeb88e.txt"), "line": .int(28)]
        check(["value": .int(18_730), "quote": .string("18,729千円"), "source": .object(src)], src, "a", "budget", &findings)
        let src2: [String: Node] = ["file": .string("002_0f0e66cbedaeb88e.txt"), "line": .int(29)]
        check(["value": .int(18_729), "quote": .string("18,729千円"), "source": .object(src2)], src2, "b", "budget", &findings)
        XCTAssertEqual(findings.map(\.path), ["a", "b"])
    }
}
