import BCPInput
import BCPModel
import XCTest
@testable import BCPSynthetic

final class RosterGeneratorTests: XCTestCase {
    func testTokyoDefaultPatientCount() {
        // Per 10 million residents: ventilators 19,646 x 10,000 / 125,502 = 1,565; home oxygen
        // 156,696 x 10,000 / 126,167 = 12,419; suction 1,565 x 31 / 1000 = 48; feeding 15:
        // 14,047. Tokyo, 14,034,861 residents: 14,047 x 14,034,861 / 10^7 = 19,714.9 -> 19,714.
        XCTAssertEqual(RosterGenerator.defaultPatients(population: 14_034_861), 19_714)
        XCTAssertEqual(PublishedFigures.perTenMillion.map(\.1), [568, 997, 12_419, 48, 15])
    }

    func testApportionByLargestRemainder() {
        let a = SecondaryArea(nameJa: "A", nameEn: "A")
        func m(_ code: String, _ pop: Int) -> Municipality {
            Municipality(code: MunicipalityCode(code)!, nameJa: code, nameEn: code, kind: .city, island: false, population: pop, populationDate: "", area: a)
        }
        // Populations 500, 300, 200 (total 1000), 7 patients: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 (6);
        // the one left goes to the largest remainder, 0.5 (first municipality): 4, 2, 1.
        let ms = [m("131016", 500), m("131024", 300), m("131032", 200)]
        XCTAssertEqual(RosterGenerator.apportion(7, over: ms), [4, 2, 1])
        // 10 patients: quotas 5, 3, 2 exactly.
        XCTAssertEqual(RosterGenerator.apportion(10, over: ms), [5, 3, 2])
        // Equal remainders go to the lower code: populations 1,1,1 and 2 patients -> 1, 1, 0.
        XCTAssertEqual(RosterGenerator.apportion(2, over: [m("131016", 1), m("131024", 1), m("131032", 1)]), [1, 1, 0])
    }

    func testSameSeedSameDataAndDifferentSeedDifferentData() throws {
        let tokyo = try TokyoMunicipalities.load()
        let a = RosterGenerator(patients: 300, seed: 7).generate(municipalities: tokyo)
        let b = RosterGenerator(patients: 300, seed: 7).generate(municipalities: tokyo)
        let c = RosterGenerator(patients: 300, seed: 8).generate(municipalities: tokyo)
        XCTAssertEqual(a.patients, b.patients)
        XCTAssertEqual(a.units, b.units)
        XCTAssertNotEqual(a.patients, c.patients)
    }

    func testEveryMunicipalityHasProvidersAndEveryPatientACarer() throws {
        let tokyo = try TokyoMunicipalities.load()
        let d = RosterGenerator(patients: 500, seed: 1).generate(municipalities: tokyo)
        XCTAssertEqual(d.patients.count, 500)
        for m in tokyo {
            XCTAssertTrue(d.providers.contains { $0.municipality == m.code && $0.kind == .clinic }, "no clinic in \(m.code)")
        }
        for p in d.patients {
            let carer = d.providers.first { $0.id == p.providerId }
            XCTAssertEqual(carer?.municipality, p.municipality)
            XCTAssertNotEqual(carer?.kind, .hospital)
        }
        // 18 municipalities run the support program (FY2024: 18 区市 used it): each has a delivery
        // team, and under model v2 the subsidized units are given to patients there (24-hour
        // ventilator users with a support plan), not held as municipal stock.
        let program = d.municipalities.filter { $0.deliveryTeams == 1 }.map(\.code)
        XCTAssertEqual(program.count, 18)
        let subsidized = d.units.filter(\.subsidized)
        XCTAssertFalse(subsidized.isEmpty)
        for u in subsidized {
            guard case .patient(let id) = u.owner, let p = d.patients.first(where: { $0.id == id }) else {
                XCTFail("\(u.id) is not given to a patient")
                continue
            }
            XCTAssertTrue(program.contains(p.municipality), "\(u.id): \(p.municipality) runs no program")
            XCTAssertTrue(p.device.isVentilator && p.roundTheClock && p.registeredSupportPlan, u.id)
        }
        XCTAssertTrue(ModelInvariants.problems(in: Scenario(nameJa: "x", nameEn: "x", horizonMinutes: 60, seed: 1, municipalities: d.municipalities, patients: d.patients, providers: d.providers, units: d.units, zones: [])).isEmpty)
    }
}
