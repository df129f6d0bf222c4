import Foundation
import XCTest
@testable import BCPRegistry

/// Every program heading of every document has a registry record of that document.
final class CoverageTests: XCTestCase {
    let registry = try! Registry.load()

    func fold(_ s: String) -> String { SourceText.normalize(s) }

    /// Names a heading may match in one document: names, aliases, menus, funding schemes, FY2024 items.
    func knownNames(_ file: String) -> Set<String> {
        var names = Set<String>()
        for p in registry.programs where p.file == file {
            names.insert(fold(p.nameJa.value))
            p.aliases.forEach { names.insert(fold($0.value)) }
            p.menus.forEach { names.insert(fold($0.nameJa.value)) }
            if let f = p.fundingScheme { names.insert(fold(f.value)) }
            (p.fy2024Plan + p.fy2024Result + p.fy2024Figures).forEach { names.insert(fold($0.item.value)) }
        }
        // A name may also be printed without its trailing parenthetical, e.g. 入退院時連携支援事業（人件費補助）.
        for n in names where n.hasSuffix(")") {
            if let open = n.lastIndex(of: "(") { names.insert(String(n[..<open])) }
        }
        return names
    }

    func assertCovered(_ headings: [(Int, String)], _ file: String, minimum: Int, file f: StaticString = #filePath, line l: UInt = #line) {
        XCTAssertGreaterThanOrEqual(headings.count, minimum, "headings found in \(file)", file: f, line: l)
        let names = knownNames(file)
        for (line, h) in headings {
            var t = fold(h).replacingOccurrences(of: #"^\d+区市"#, with: "", options: .regularExpression)
            if !names.contains(t), t.hasSuffix(")"), let open = t.lastIndex(of: "(") { t = String(t[..<open]) }
            XCTAssertTrue(names.contains(t), "\(file):\(line) heading «\(h)» has no record", file: f, line: l)
        }
    }

    /// 000: a paragraph (after a blank line) whose first one to three lines join to a name ending in 事業 / 部会.
    func testEvaluationDocument000() {
        let file = SourceText.files[0], ls = SourceText.lines(file)
        var headings: [(Int, String)] = []
        for i in ls.indices where !ls[i].trimmed.isEmpty && (i == 0 || ls[i - 1].trimmed.isEmpty) {
            var acc = ""
            for k in 0..<3 where i + k < ls.count {
                if ls[i + k].trimmed.isEmpty { break }
                acc += ls[i + k].trimmed
                var t = acc.replacingOccurrences(of: "【再掲】", with: "").trimmed
                while t.hasPrefix("○") || t.hasPrefix("〇") { t = String(t.dropFirst()).trimmed }
                if t.range(of: #"(事業|事業）|部会)$"#, options: .regularExpression) != nil, !t.contains("。"), t.count <= 45,
                   !t.hasPrefix("・"), !t.hasPrefix("（") { headings.append((i + 1, t)); break }
            }
        }
        // The pattern misses one heading whose cell goes on with its summary; checked to be printed there.
        XCTAssertEqual(ls[135].trimmed, "広域連携支援")
        headings.append((136, "広域連携支援"))
        assertCovered(headings, file, minimum: 40)
    }

    /// 002: every bold run `**…**`, without its budget 【…】 and tags <…>.
    func testBudgetDocument002() {
        let file = SourceText.files[2], ls = SourceText.lines(file)
        var headings: [(Int, String)] = []
        let re = try! NSRegularExpression(pattern: #"\*\*(.+?)\*\*"#)
        for (i, l) in ls.enumerated() {
            let ns = l as NSString
            for m in re.matches(in: l, range: NSRange(location: 0, length: ns.length)) {
                var t = ns.substring(with: m.range(at: 1))
                t = t.replacingOccurrences(of: #"【[^】]*】|<[^>]*>"#, with: "", options: .regularExpression)
                if let p = t.range(of: "（保健医療政策") { t = String(t[..<p.lowerBound]) }
                headings.append((i + 1, t.trimmed))
            }
        }
        assertCovered(headings, file, minimum: 19)
    }

    /// 003: after collapsing the 4-fold bold, `名（NN年度から継続|NN年度新規）`; plus the vertical one-character-per-line name.
    func testFY2011Document003() {
        let file = SourceText.files[3], ls = SourceText.lines(file)
        var headings: [(Int, String)] = []
        for (i, l) in ls.enumerated() {
            let t = SourceText.normalize(l, file: file)
            if let r = t.range(of: #"^(\(\d\))?.+?\(\d+年度(から継続|新規)\)"#, options: .regularExpression) {
                var name = String(t[r]).replacingOccurrences(of: #"\(\d+年度(から継続|新規)\)$"#, with: "", options: .regularExpression)
                name = name.replacingOccurrences(of: #"^\(\d\)"#, with: "", options: .regularExpression)
                headings.append((i + 1, name))
            }
        }
        XCTAssertEqual(headings.count, 5, "five programs with 継続/新規 in FY2011")
        var run: [String] = [], start = 0
        for (i, l) in ls.enumerated() {
            let t = l.trimmed
            if t.count == 1 { if run.isEmpty { start = i + 1 }; run.append(t) }
            else if !t.isEmpty { if run.count >= 5 { headings.append((start, run.joined())) }; run = [] }
        }
        XCTAssertTrue(headings.contains { $0.1 == "在宅療養環境整備支援事業" })
        assertCovered(headings, file, minimum: 6)
    }

    /// 004: every `■` line, and the `○` line of a re-listed program, cut at budget, fund, tags.
    func testLaterBudgetDocument004() {
        let file = SourceText.files[4], ls = SourceText.lines(file)
        var headings: [(Int, String)] = []
        for (i, l) in ls.enumerated() where l.hasPrefix("■") || l.hasPrefix("○") {
            var t = String(l.dropFirst())
            for cut in ["【", "≪", "<", "(再掲)"] { if let r = t.range(of: cut) { t = String(t[..<r.lowerBound]) } }
            headings.append((i + 1, t.trimmed))
        }
        assertCovered(headings, file, minimum: 14)
    }

    /// 001: five efforts `取組N:` and ten indicators, all in the registry with the same names.
    func testSkeleton001() {
        let file = SourceText.files[1], ls = SourceText.lines(file)
        let efforts = ls.enumerated().compactMap { i, l -> (Int, String)? in
            let t = SourceText.normalize(l)
            guard let r = t.range(of: #"^取組\d:"#, options: .regularExpression) else { return nil }
            return (i + 1, String(t[r.upperBound...]))
        }
        XCTAssertEqual(efforts.map(\.1), registry.data.efforts.map { fold($0.nameJa.value) })
        guard let start = ls.firstIndex(where: { $0.contains("想定する指標") }) else { return XCTFail("indicator table") }
        // Raw lines "N name 〇 …" where N is a half- or full-width number followed by a space.
        let inds = ls[start...].compactMap { l -> String? in
            guard let r = l.range(of: #"^([0-9]+|[０-９]+) "#, options: .regularExpression) else { return nil }
            return SourceText.normalize(String(l[r.upperBound...]).replacingOccurrences(of: "〇", with: ""))
        }
        XCTAssertEqual(inds.count, 10)
        for (n, (heading, ind)) in zip(inds, registry.data.indicators).enumerated() {
            XCTAssertEqual(ind.number.value, n + 1)
            XCTAssertTrue(fold(ind.nameJa.value).hasPrefix(heading), "indicator \(n + 1): \(heading)")
        }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
