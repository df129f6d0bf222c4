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
        .library(name: "BCPAnalysis", targets: ["BCPAnalysis"]),
        .library(name: "BCPReports", targets: ["BCPReports"]),
        .library(name: "BCPText", targets: ["BCPText"]),
    ],
    targets: [
        // Pure value types of the domain; knows nothing of files.
        .target(name: "BCPModel"),
        // The format layer: JSON, CSV, Markdown tables, HTML pages, number formats, one document
        // model with two renderers, text made safe for a terminal. Every writer of bcpsim uses it.
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
        .target(name: "BCPSimulator", dependencies: ["BCPModel", "BCPEngine"]),
        // Experiments over the simulator and their typed results: ensembles, what-if reruns, tier
        // runs for workshops, comparisons, shards, the allocation check, the result document.
        .target(name: "BCPAnalysis", dependencies: ["BCPModel", "BCPEngine", "BCPInput", "BCPSimulator", "BCPText"]),
        // The program registry extracted from the five source documents.
        .target(name: "BCPRegistry", dependencies: ["BCPText"], resources: [.copy("Resources")]),
        // Rendering only: shortfall reports, allocation, workshop pack, compare; labels; disclosure.
        .target(name: "BCPReports", dependencies: ["BCPModel", "BCPEngine", "BCPSimulator", "BCPAnalysis", "BCPRegistry", "BCPText"]),
        // The commands behind the CLI: argument parsing, dispatch, exit codes.
        .target(
            name: "BCPCommands",
            dependencies: ["BCPModel", "BCPEngine", "BCPInput", "BCPSimulator", "BCPAnalysis", "BCPRegistry", "BCPReports", "BCPSynthetic", "BCPText"]),
        .executableTarget(name: "bcpsim", dependencies: ["BCPCommands", "BCPText"]),

        // Fixtures and helpers shared by the test targets (scenarios built in code, random scenarios).
        .target(name: "BCPTestSupport", dependencies: ["BCPModel", "BCPEngine", "BCPSimulator", "BCPCommands"], path: "Tests/BCPTestSupport"),

        .testTarget(name: "BCPModelTests", dependencies: ["BCPModel"]),
        .testTarget(name: "BCPInputTests", dependencies: ["BCPInput", "BCPModel", "BCPText"]),
        .testTarget(name: "BCPEngineTests", dependencies: ["BCPEngine"]),
        .testTarget(name: "BCPTextTests", dependencies: ["BCPText"]),
        .testTarget(name: "BCPSyntheticTests", dependencies: ["BCPSynthetic", "BCPInput", "BCPModel"]),
        .testTarget(name: "BCPSimulatorTests", dependencies: ["BCPSimulator", "BCPModel", "BCPEngine", "BCPInput", "BCPTestSupport"]),
        .testTarget(name: "BCPAnalysisTests", dependencies: ["BCPAnalysis", "BCPSimulator", "BCPModel", "BCPEngine", "BCPTestSupport"]),
        .testTarget(name: "BCPRegistryTests", dependencies: ["BCPRegistry"]),
        .testTarget(name: "BCPReportsTests", dependencies: ["BCPReports", "BCPAnalysis", "BCPModel", "BCPInput", "BCPSimulator", "BCPRegistry", "BCPText", "BCPTestSupport"]),
        .testTarget(name: "BCPCommandsTests", dependencies: ["BCPCommands", "BCPAnalysis", "BCPModel", "BCPSimulator", "BCPInput", "BCPSynthetic", "BCPText", "BCPTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
