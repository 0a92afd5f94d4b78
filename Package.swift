// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Verbatim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "verbatim", targets: ["verbatim"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System ICU (libicu-dev) through pkg-config; the shim gives unversioned names.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The only module that sees ICU. Foundation-free by contract: Foundation bundles its own ICU.
        .target(
            name: "FrenchText",
            dependencies: ["CICU"]
        ),
        .target(
            name: "TextAnalysis",
            dependencies: ["FrenchText"]
        ),
        // Readers for survey exports: encodings, CSV/TSV; no ICU, no Foundation.
        .target(name: "Ingest"),
        // Orchestration shared by the CLI, the server and the benchmarks.
        .target(
            name: "VerbatimCore",
            dependencies: ["TextAnalysis", "Ingest"]
        ),
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "VerbatimCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "VerbatimCoreTests", dependencies: ["VerbatimCore"]),
    ],
    swiftLanguageModes: [.v6]
)
