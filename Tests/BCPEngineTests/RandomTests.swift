import XCTest
@testable import BCPEngine

/// Known-answer values were computed with the reference C code of SplitMix64, xoshiro256** and
/// FNV-1a (compiled with gcc), and for FNV-1a also checked against its published test vectors.
final class RandomTests: XCTestCase {
    func testSplitMix64KnownAnswers() {
        var g = SplitMix64(seed: 0)
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(g.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(g.next(), 0x06C4_5D18_8009_454F)
        var h = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(h.next(), 0x599E_D017_FB08_FC85)
        XCTAssertEqual(h.next(), 0x2C73_F084_5854_0FA5)
        XCTAssertEqual(h.next(), 0x883E_BCE5_A3F2_7C77)
    }

    func testXoshiroKnownAnswersFromRawState() {
        // The reference implementation from state {1, 2, 3, 4}: 11520, 0, 1509978240, 1215971899390074240.
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual(g.next(), 11520)
        XCTAssertEqual(g.next(), 0)
        XCTAssertEqual(g.next(), 1_509_978_240)
        XCTAssertEqual(g.next(), 1_215_971_899_390_074_240)
    }

    func testXoshiroSeededBySplitMix() {
        var g = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual(g.next(), 0x1578_0B2E_0C2E_C716)
        XCTAssertEqual(g.next(), 0x6104_D986_6D11_3A7E)
        XCTAssertEqual(g.next(), 0xAE17_5332_39E4_99A1)
    }

    func testBoundedDrawsStayInRange() {
        var g = Xoshiro256StarStar(seed: 7)
        var seen = [Bool](repeating: false, count: 7)
        for _ in 0..<1000 {
            let v = g.int(in: -3...3)
            XCTAssertTrue((-3...3).contains(v))
            seen[v + 3] = true
        }
        XCTAssertEqual(seen, [Bool](repeating: true, count: 7))
        XCTAssertEqual(g.next(below: 1), 0)
    }

    func testFNV1aVectors() {
        XCTAssertEqual(StableHash.fnv1a64([UInt8]()), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(StableHash.fnv1a64(Array("a".utf8)), 0xAF63_DC4C_8601_EC8C)
        XCTAssertEqual(StableHash.fnv1a64(Array("foobar".utf8)), 0x8594_4171_F739_67E8)
    }

    func testStableHashKnownAnswers() {
        XCTAssertEqual(StableHash.hash(seed: 0, ["Z1", "P1"]), 0x7BB8_45FC_B4E3_360A)
        // (0x7BB845FC * 1_000_000) >> 32 = 483280.
        XCTAssertEqual(StableHash.uniformPPM(seed: 0, ["Z1", "P1"]), 483_280)
        XCTAssertEqual(StableHash.hash(seed: 20_260_101, ["Z1", "P1"]), 0x0C18_8FC9_AA8D_4F4E)
        XCTAssertEqual(StableHash.uniformPPM(seed: 20_260_101, ["Z1", "P1"]), 47249)
        XCTAssertEqual(StableHash.hash(seed: 7, ["東京", "患者"]), 0xCB46_C9E0_7D6F_BAAE)
        XCTAssertEqual(StableHash.hash(seed: 0, []), 0x813F_0174_A236_7C13)
    }

    func testKeysDoNotRunTogether() {
        XCTAssertEqual(StableHash.hash(seed: 0, ["Z1P", "1"]), 0xE631_81C3_B0C9_AD9D)
        XCTAssertNotEqual(StableHash.hash(seed: 0, ["Z1P", "1"]), StableHash.hash(seed: 0, ["Z1", "P1"]))
    }

    func testUniformIsRoughlyEven() {
        var buckets = [Int](repeating: 0, count: 10)
        for i in 0..<10_000 {
            let u = StableHash.uniformPPM(seed: 1, ["zone", "P\(i)"])
            XCTAssertTrue((0..<1_000_000).contains(u))
            buckets[u / 100_000] += 1
        }
        for b in buckets { XCTAssertTrue((850...1150).contains(b), "bucket \(b)") }
    }

    /// FNV-1a 64 known answers (the FNV reference test vectors: "" is the offset basis).
    func testFNV1a64Hex() {
        XCTAssertEqual(StableHash.fnv1a64Hex([UInt8]()), "cbf29ce484222325")
        XCTAssertEqual(StableHash.fnv1a64Hex("a".utf8), "af63dc4c8601ec8c")
        XCTAssertEqual(StableHash.fnv1a64Hex("foobar".utf8), "85944171f73967e8")
    }

    /// A prefix's state continued with more keys gives the same draw as hashing all keys at once.
    func testStateContinuationMatchesTheWholeHash() {
        for seed: UInt64 in [0, 7, .max] {
            let zone = StableHash.adding("zone-1".utf8, to: StableHash.seedState(seed))
            for id in ["P1", "東京-2", ""] {
                XCTAssertEqual(StableHash.uniformPPM(state: StableHash.adding(id.utf8, to: zone)),
                               StableHash.uniformPPM(seed: seed, ["zone-1", id]))
            }
        }
    }
}
