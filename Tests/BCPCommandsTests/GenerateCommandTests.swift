import BCPInput
import BCPSynthetic
import Foundation
import BCPTestSupport
import XCTest
@testable import BCPCommands

/// The shipped scenarios are generated; regenerating them must give the committed bytes, so a
/// change to the generator shows up as a change to Scenarios/ in review.
final class GenerateCommandTests: XCTestCase {

    static let shipped: [(folder: String, preset: ScenarioPreset)] = [
        ("tokyo-synthetic", .hokkaido2018), ("chiba2019", .chiba2019), ("rolling2011", .rolling2011),
        ("island-typhoon", .islandTyphoon), ("inland-quake", .inlandQuake),
    ]

    /// The shipped scenarios are a 2,502-patient sample of Tokyo's roster (the full default is
    /// 19,714), so that the golden reports and the tests stay quick.
    static let sample = ["--patients", "2502", "--seed", "2025"]

    /// Every generated folder under Scenarios/ and the arguments that write it.
    static var generated: [(folder: String, args: [String])] {
        Self.shipped.map { ($0.folder, ["--outage", $0.preset.rawValue] + sample) }
            + EventScenario.allCases.map { ($0.folderName, ["--event", $0.rawValue]) }
    }

    func testShippedScenariosAreExactlyWhatGenerateWrites() throws {
        for (folder, args) in Self.generated {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-gen-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: out) }
            let term = CapturedTerminal()
            let code = BCPSim.main(["generate", "--out", out] + args, terminal: term.terminal)
            XCTAssertEqual(code, 0, term.err)
            let dir = Repository.root.appendingPathComponent("Scenarios").appendingPathComponent(folder)
            let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != OutputFolder.markerName }.sorted()
            let command = "swift run bcpsim generate --out Scenarios/\(folder) \(args.joined(separator: " ")) --force"
            for name in written {
                let expected = try Data(contentsOf: dir.appendingPathComponent(name))
                let actual = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
                XCTAssertEqual(actual, expected, "\(folder)/\(name) differs from what generate writes; regenerate with: \(command)")
            }
            // units.csv only where there are units; municipalities.csv only where the built-in
            // Tokyo table needs additions (program fields, synthetic municipalities).
            XCTAssertTrue(["patients.csv", "providers.csv", "scenario.json"].allSatisfy(written.contains), "\(written)")
        }
    }

    func testShippedScenariosValidate() {
        for (folder, _) in Self.shipped {
            let path = Repository.root.appendingPathComponent("Scenarios").appendingPathComponent(folder).path
            let term = CapturedTerminal()
            XCTAssertEqual(BCPSim.main(["validate", path], terminal: term.terminal), 0, term.err)
            XCTAssertTrue(term.out.contains("[synthetic data]: valid. 2502 patients"), term.out)
        }
    }

    func testPresetParametersAndDisruptionsRoundTrip() throws {
        // The island preset sets mutual aid to 3 days (4,320 min) and island travel to 24 h;
        // the inland-quake preset slows travel to 300% for 72 h. Both must survive writing.
        let island = try ScenarioLoader.load(folder: Repository.root.appendingPathComponent("Scenarios/island-typhoon").path).get().scenario
        XCTAssertEqual(island.parameters.mutualAidDelayMinutes, 4_320)
        XCTAssertEqual(island.parameters.travelIslandMinutes, 1_440)
        let quake = try ScenarioLoader.load(folder: Repository.root.appendingPathComponent("Scenarios/inland-quake").path).get().scenario
        XCTAssertEqual(quake.disruptions, ScenarioPreset.inlandQuake.disruptions())
        XCTAssertEqual(quake.zones, ScenarioPreset.inlandQuake.zones(quake.municipalities))
    }

    func testGenerateRefusesANonEmptyFolderWithoutForce() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bcpsim-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("notes.txt"))
        let term = CapturedTerminal()
        XCTAssertEqual(BCPSim.main(["generate", "--out", out, "--patients", "10"], terminal: term.terminal), ExitCode.cannotCreate)
        XCTAssertTrue(term.err.contains("is not empty"), term.err)
        XCTAssertEqual(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8), "keep me")
    }
}
