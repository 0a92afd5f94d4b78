// swift-tools-version:6.1
// Benchmarks of Verbatim's stages with ordo-one/benchmark, in their own package so that the
// product's build and tests do not depend on it. From this folder:
//   swift package benchmark                      # run every suite
//   swift package benchmark thresholds check     # compare with the thresholds checked in (Thresholds/)
import Foundation
import PackageDescription

// The repository root is a path dependency; SwiftPM names it after its folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "VerbatimBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: root.path),
    ],
    targets: [
        .executableTarget(
            name: "VerbatimBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VerbatimCore", package: root.lastPathComponent),
            ],
            path: "Benchmarks/VerbatimBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
