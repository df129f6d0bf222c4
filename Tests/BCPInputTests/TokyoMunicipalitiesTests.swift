import BCPModel
import Foundation
import XCTest
@testable import BCPInput

final class TokyoMunicipalitiesTests: XCTestCase {
    private func table() throws -> [Municipality] { try TokyoMunicipalities.load() }

    func testSixtyTwoMunicipalities() throws {
        let list = try table()
        XCTAssertEqual(list.count, 62)
        XCTAssertEqual(Set(list.map(\.code)).count, 62, "codes are unique")
        XCTAssertEqual(list.map(\.code), list.map(\.code).sorted(), "sorted by code")
    }

    func testKinds() throws {
        let list = try table()
        XCTAssertEqual(list.filter { $0.kind == .ward }.count, 23)
        XCTAssertEqual(list.filter { $0.kind == .city }.count, 26)
        XCTAssertEqual(list.filter { $0.kind == .town }.count, 5)
        XCTAssertEqual(list.filter { $0.kind == .village }.count, 8)
        // The kind agrees with the Japanese name's last character (区 市 町 村).
        let suffix: [MunicipalityKind: Character] = [.ward: "区", .city: "市", .town: "町", .village: "村"]
        for m in list { XCTAssertEqual(m.nameJa.last, suffix[m.kind], m.nameJa) }
    }

    func testTotalPopulation() throws {
        XCTAssertEqual(try table().reduce(0) { $0 + $1.population }, 14_034_861)
    }

    func testEveryCheckDigitIsValid() throws {
        for m in try table() {
            let text = m.code.description
            XCTAssertTrue(text.hasPrefix("13"), text)  // Tokyo's prefecture code
            let d = text.utf8.map { Int($0) - 48 }
            // Weights 6,5,4,3,2 on the first five digits; check = (11 - sum mod 11) mod 10.
            let sum = d[0] * 6 + d[1] * 5 + d[2] * 4 + d[3] * 3 + d[4] * 2
            XCTAssertEqual(d[5], (11 - sum % 11) % 10, text)
        }
    }

    func testKnownRows() throws {
        let list = try table()
        let chiyoda = list.first { $0.code == MunicipalityCode("131016") }
        XCTAssertEqual(chiyoda?.nameJa, "千代田区")
        XCTAssertEqual(chiyoda?.area.nameJa, "区中央部")
        XCTAssertEqual(chiyoda?.island, false)
        XCTAssertEqual(chiyoda?.populationDate, "2023-01-01")
        // 八丈町 is an island town.
        let hachijo = list.first { $0.nameJa == "八丈町" }
        XCTAssertEqual(hachijo?.island, true)
        XCTAssertEqual(hachijo?.kind, .town)
    }

    func testThirteenSecondaryAreas() throws {
        XCTAssertEqual(Set(try table().map(\.area.nameJa)).count, 13)
        XCTAssertEqual(Set(try table().map(\.area.nameEn)).count, 13)
    }

    func testNineIslands() throws {
        let islands = try table().filter(\.island)
        XCTAssertEqual(islands.count, 9)
        // All islands are towns or villages, none a ward or city.
        XCTAssertTrue(islands.allSatisfy { $0.kind == .town || $0.kind == .village })
    }

    func testParseReportsABrokenRowWithItsLocation() {
        // The parser used for the resource reports problems like any other table.
        let text = """
            code,name_ja,name_en,kind,island,population,population_date,secondary_medical_area_ja,secondary_medical_area_en
            131017,千代田区,Chiyoda,ward,false,1,2023-01-01,区中央部,Central
            """
        var d = Diagnostics()
        let list = TokyoMunicipalities.parse(data: Data(text.utf8), path: "t.csv", into: &d)
        XCTAssertEqual(list.count, 0)
        XCTAssertEqual(d.items.map(\.description), ["t.csv:2:1: error: code: invalid municipality code 131017: check digit should make it 131016"])
    }
}
