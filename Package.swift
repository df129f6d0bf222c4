// swift-tools-version: 6.0
// bcpsim: disaster business-continuity planning for home medical care in Tokyo.
// No package dependencies: Foundation and the toolchain only.
import PackageDescription

let package = Package(
    name: "bcpsim",
    products: [
        .executable(name: "bcpsim", targets: ["bcpsim"]),
        .library(name: "BCPModel", targets: ["BCPModel"]),
        .library(name: "BCPInput", targets: ["BCPInput"]),
        .library(name: "BCPEngine", targets: ["BCPEngine"]),
        .library(name: "BCPSimulator", targets: ["BCPSimulator"]),
        .library(name: "BCPSynthetic", targets: ["BCPSynthetic"]),
        .library(name: "BCPRegistry", targets: ["BCPRegistry"]),
        .library(name: "BCPReports", targets: ["BCPReports"]),
    ],
    targets: [
        // Pure value types of the domain; knows nothing of files.
        .target(name: "BCPModel"),
        // How strings are escaped into JSON and CSV, shared by every writer, and made safe for a terminal.
        .target(name: "BCPText"),
        // Reads and validates scenarios (CSV, JSON) into a BCPModel.Scenario.
        .target(
            name: "BCPInput", dependencies: ["BCPModel", "BCPEngine", "BCPText"],
            resources: [.copy("Resources/tokyo-municipalities.csv")]),
        // A discrete-event queue and a seeded PRNG, usable on their own.
        .target(name: "BCPEngine"),
        // Synthetic scenarios: rosters from published prevalence, and a writer of scenario folders.
        .target(name: "BCPSynthetic", dependencies: ["BCPModel", "BCPEngine", "BCPInput", "BCPText"]),
        // The outage simulator over a validated scenario.
        .target(name: "BCPSimulator", dependencies: ["BCPModel", "BCPEngine", "BCPText"]),
        // The program registry extracted from the five source documents.
        .target(name: "BCPRegistry", dependencies: ["BCPText"], resources: [.copy("Resources")]),
        // Analysis and rendering: allocation check, shortfall reports, formats, languages.
        .target(name: "BCPReports", dependencies: ["BCPModel", "BCPInput", "BCPSimulator", "BCPRegistry", "BCPText"]),
        // The commands behind the CLI: argument parsing, dispatch, exit codes.
        .target(
            name: "BCPCommands",
            dependencies: ["BCPModel", "BCPInput", "BCPSimulator", "BCPRegistry", "BCPReports", "BCPSynthetic"]),
        .executableTarget(name: "bcpsim", dependencies: ["BCPCommands", "BCPText"]),

        .testTarget(name: "BCPModelTests", dependencies: ["BCPModel"]),
        .testTarget(name: "BCPInputTests", dependencies: ["BCPInput", "BCPModel", "BCPText"]),
        .testTarget(name: "BCPEngineTests", dependencies: ["BCPEngine"]),
        .testTarget(name: "BCPTextTests", dependencies: ["BCPText"]),
        .testTarget(name: "BCPSyntheticTests", dependencies: ["BCPSynthetic", "BCPInput", "BCPModel"]),
        .testTarget(name: "BCPSimulatorTests", dependencies: ["BCPSimulator", "BCPModel", "BCPEngine", "BCPInput"]),
        .testTarget(name: "BCPRegistryTests", dependencies: ["BCPRegistry"]),
        .testTarget(name: "BCPReportsTests", dependencies: ["BCPReports", "BCPModel", "BCPInput", "BCPSimulator", "BCPRegistry"]),
        .testTarget(name: "BCPCommandsTests", dependencies: ["BCPCommands", "BCPModel", "BCPSimulator", "BCPInput", "BCPSynthetic"]),
    ],
    swiftLanguageModes: [.v6]
)
