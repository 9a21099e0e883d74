// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PeerBot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "peerbot", targets: ["PeerBotCLI"]),
        .executable(name: "peerbot-bench", targets: ["PeerBotBench"]),
        .executable(name: "peerbot-fuzz", targets: ["PeerBotFuzz"]),
        .library(name: "PeerBot", targets: ["PeerBot"]),
        .library(name: "Adapters", targets: ["Adapters"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Tests only: reads the recorded Mastodon cassettes (YAML).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries' headers: only the transport layer in Adapters imports these
        // (Debian: libcurl4-openssl-dev, libwebsockets-dev). Nothing links them: CTransportLoader
        // loads libcurl and libwebsockets with dlopen on the transport's first call, so a process
        // without a platform adapter never maps them (README "Performance").
        .systemLibrary(name: "CCurl"),
        .systemLibrary(name: "CWebsockets"),
        .target(name: "CTransportLoader"),
        // mallinfo2 and sqlite3_memory_used for /metrics (Adapters' Operations).
        .target(name: "CProcessStatistics", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The platform-neutral core: no adapter, no C module.
        .target(
            name: "PeerBot",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                // The core counts through swift-metrics' API only; the executable picks Prometheus.
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "Adapters",
            dependencies: [
                "PeerBot", "CCurl", "CWebsockets", "CTransportLoader", "CProcessStatistics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "PeerBotCLI",
            dependencies: [
                "PeerBot", "Adapters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            // Release (README "Performance": idle RSS): link with lld; pack the ~90,000 relative
            // relocations (Swift metadata pointers) as DT_RELR (glibc ≥ 2.36), so the loader reads
            // 17 KB instead of 2.2 MB of relocation records at every start; and export no symbols
            // (--static-swift-stdlib asks for -export-dynamic: 15,000 of them, whose table the
            // runtime's dladdr at start reads in full). Nothing looks up peerbot's own symbols; the
            // Swift backtracer symbolicates from the file.
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                    .when(configuration: .release))
            ]
        ),
        // Benchmarks (`make bench`): a Benchmark protocol, a registry and a table of medians.
        .executableTarget(
            name: "PeerBotBench",
            dependencies: [
                "PeerBot", "Adapters", "LoopbackPeers",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzzing (`make fuzz`, README "Fuzzing"): the entry points, shared by the libFuzzer
        // driver and the corpus replay tests; the driver replays files when built without the fuzzer.
        .target(name: "FuzzTargets", dependencies: ["PeerBot", "Adapters"], path: "Fuzz/Targets"),
        .executableTarget(name: "PeerBotFuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver"),
        // Starts the Python loopback servers in Tests/Peers for transport tests and benchmarks, and
        // runs the built `peerbot` for the adapters' end-to-end tests (with steps on its database).
        .target(name: "LoopbackPeers", dependencies: ["PeerBot"]),
        .testTarget(
            name: "PeerBotTests",
            dependencies: ["PeerBot", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AdaptersTests",
            dependencies: ["Adapters", "PeerBot"]
        ),
        .testTarget(
            name: "DiscordTests",
            dependencies: ["Adapters", "PeerBot", "LoopbackPeers", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "MastodonTests",
            dependencies: ["Adapters", "PeerBot", "LoopbackPeers", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: ["Adapters", "PeerBot", "LoopbackPeers"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["PeerBotCLI", "PeerBot", "LoopbackPeers"]
        ),
        // Replays every committed fuzz corpus file (Fuzz/Corpus) through the fuzz entry points.
        .testTarget(
            name: "FuzzTests",
            dependencies: ["FuzzTargets"]
        ),
        // The Matrix adapter: pure parts, and end to end against a real Synapse (Tests/Peers/synapse.sh).
        .testTarget(
            name: "MatrixTests",
            dependencies: ["Adapters", "PeerBot", "PeerBotCLI", "LoopbackPeers", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
