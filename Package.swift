// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Verbatim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "verbatim", targets: ["verbatim"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
        // For the benchmark package in Benchmarks/ (ordo-one/benchmark).
        .library(name: "VerbatimCore", targets: ["VerbatimCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        // Theme taxonomy tagging, negation and intent (later: discovery, comparison).
        .target(
            name: "Themes",
            dependencies: ["FrenchText", "TextAnalysis"]
        ),
        // System SQLite (libsqlite3-dev); FTS5 is compiled into Debian's build.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The quote store: schema, migrations, writes, FTS5 search. A thin wrapper over the C API.
        .target(
            name: "Store",
            dependencies: ["CSQLite", "TextAnalysis"]
        ),
        // System zlib (zlib1g-dev) through pkg-config: raw inflate for the ZIP inside .xlsx files.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Readers for survey exports: encodings, CSV/TSV, XLSX, JSONL; no ICU, no Foundation.
        .target(
            name: "Ingest",
            dependencies: ["CZlib"]
        ),
        .target(name: "Report", dependencies: ["Store"]),
        // Orchestration shared by the CLI, the server and the benchmarks.
        .target(
            name: "VerbatimCore",
            dependencies: ["TextAnalysis", "Ingest", "Store", "Themes", "Report"]
        ),
        // The managers' web UI: Hummingbird + Mustache, read-only database, no scripts.
        .target(
            name: "Server",
            dependencies: [
                "VerbatimCore", "Report", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "VerbatimCore", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FrenchTextTests", dependencies: ["FrenchText"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        // Fixtures/ (a script and the .xlsx it writes) are read through #filePath, not as resources.
        .testTarget(name: "IngestTests", dependencies: ["Ingest"], exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "ThemesTests", dependencies: ["Themes"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "VerbatimCore", "Ingest", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        // The crash-safety test runs the `verbatim` executable, which `swift test` builds with the
        // rest of the package. No dependency on it here: through it this Foundation-using test
        // module would see the system ICU module and clash with Foundation's (NOTES-swift-linux).
        .testTarget(name: "VerbatimCoreTests", dependencies: ["VerbatimCore"]),
    ],
    swiftLanguageModes: [.v6]
)
