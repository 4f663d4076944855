// swift-tools-version:6.0
// Patchbay — configuration-as-code for Amazon Connect.
// Module layout and dependency rules: see docs/architecture.md (design.md §6).
//   FlowLanguage     Amazon Connect Flow language catalogue (data) + validator  (no deps)
//   Model            value types, addresses, dependency graph, Diagnostic   (no deps)
//   Manifest         YAML nodes with locations -> Model                       (Model, FlowLanguage, Yams)
//   SigV4            AWS Signature Version 4                                  (Crypto)
//   AWSClient        credentials, endpoints, retries, rate limits, HTTP       (SigV4, AsyncHTTPClient, Logging)
//   ConnectAPI       Connect requests/responses as values, reader/writer       (nothing: no AWSClient, no HTTP)
//   ConnectHTTP      ConnectClient: ConnectAPI over an AWSTransport          (ConnectAPI, AWSClient)
//   Reconciler       live-state reader, differ, planner, applier              (Model, ConnectAPI) — never HTTP
//   ConnectEmulator  in-memory Amazon Connect over HTTP                       (SigV4, FlowLanguage, NIO) — never Model/Manifest/Reconciler
//   PatchbayCLI      commands, views, diagnostics printer
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "patchbay",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "patchbay", targets: ["patchbay"]),
    ],
    // Direct dependencies pinned exactly, so a release build is reproducible from the tag
    // (the packages they pull in are fixed by Package.resolved where it is kept).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        .target(name: "FlowLanguage", swiftSettings: strict),
        .target(name: "Model", swiftSettings: strict),
        .target(name: "Manifest", dependencies: [
            "Model", "FlowLanguage", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        .target(name: "SigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(name: "AWSClient", dependencies: [
            "SigV4",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "ConnectAPI", swiftSettings: strict),
        .target(name: "ConnectHTTP", dependencies: ["ConnectAPI", "AWSClient"], swiftSettings: strict),
        .target(name: "Reconciler", dependencies: [
            "Model", "ConnectAPI", .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        .target(name: "ConnectEmulator", dependencies: [
            "SigV4", "FlowLanguage",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "PatchbayCLI", dependencies: [
            "Model", "Manifest", "AWSClient", "ConnectAPI", "ConnectHTTP", "Reconciler", "ConnectEmulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "patchbay", dependencies: ["PatchbayCLI"], swiftSettings: strict),
        .executableTarget(name: "patchbay-bench", dependencies: [
            "Model", "Reconciler", "ConnectAPI", "ConnectHTTP", "AWSClient", "ConnectEmulator", "SigV4",
        ], swiftSettings: strict),

        .testTarget(name: "FlowLanguageTests", dependencies: ["FlowLanguage"], swiftSettings: strict),
        // Shared by the test targets only (not part of the product): one way to start a test emulator.
        .target(name: "PatchbayTestSupport", dependencies: [
            "ConnectAPI", "ConnectHTTP", "AWSClient", "ConnectEmulator", "SigV4",
        ], swiftSettings: strict),

        .testTarget(name: "ModelTests", dependencies: ["Model"], swiftSettings: strict),
        .testTarget(name: "ManifestTests", dependencies: ["Manifest", "Model"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], swiftSettings: strict),
        .testTarget(name: "AWSClientTests", dependencies: [
            "AWSClient", "SigV4",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .testTarget(name: "ConnectAPITests", dependencies: ["ConnectAPI", "ConnectHTTP", "AWSClient", "ConnectEmulator"],
                    swiftSettings: strict),
        .testTarget(name: "ConnectEmulatorTests", dependencies: ["ConnectEmulator", "SigV4"], swiftSettings: strict),
        .testTarget(name: "ReconcilerTests", dependencies: [
            "Reconciler", "Model", "ConnectAPI", "ConnectHTTP", "AWSClient", "ConnectEmulator", "SigV4", "PatchbayTestSupport",
        ], swiftSettings: strict),
        .testTarget(name: "PatchbayCLITests", dependencies: ["PatchbayCLI", "Reconciler"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: [
            "PatchbayCLI", "ConnectEmulator", "ConnectAPI", "ConnectHTTP", "AWSClient", "SigV4", "Reconciler", "Model",
            "PatchbayTestSupport",
        ], exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
