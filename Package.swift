// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chartunit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chartunit", targets: ["chartunit"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Values", targets: ["Values"]),
        .library(name: "GoTemplate", targets: ["GoTemplate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"]),
        .target(name: "Values", dependencies: ["YAML", "Diagnostics"]),
        .target(name: "GoTemplate", dependencies: ["Values", "Diagnostics"]),
        .target(name: "GoRegexp", dependencies: ["Values"]),
        .target(
            name: "Sprig",
            dependencies: [
                "GoTemplate", "GoRegexp", "Values", "YAML",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .target(name: "Helm", dependencies: ["GoTemplate", "GoRegexp", "Sprig", "Values", "YAML", "Diagnostics", "CZlib"]),
        .target(name: "PathQuery", dependencies: ["Values", "YAML", "GoRegexp", "Diagnostics"]),
        .target(name: "UnitTest", dependencies: ["Helm", "PathQuery", "GoRegexp", "Values", "YAML", "Diagnostics"]),
        .target(name: "Reports", dependencies: ["UnitTest", "Values", "Diagnostics"]),
        .target(
            name: "ChartunitCLI",
            dependencies: [
                "YAML", "Values", "GoTemplate", "Helm", "UnitTest", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chartunit", dependencies: ["ChartunitCLI"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"]),
        .testTarget(name: "ValuesTests", dependencies: ["Values", "YAML", "TestSupport"]),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate", "Values", "TestSupport"]),
        .testTarget(name: "SprigTests", dependencies: ["Sprig", "GoTemplate", "GoRegexp", "Values", "TestSupport"]),
        .testTarget(name: "HelmTests", dependencies: ["Helm", "Values", "TestSupport"]),
        .testTarget(name: "PathQueryTests", dependencies: ["PathQuery", "Values", "YAML", "TestSupport"]),
        .testTarget(name: "UnitTestTests", dependencies: ["UnitTest", "Values", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "UnitTest", "TestSupport"]),
        .testTarget(name: "ChartunitCLITests", dependencies: ["ChartunitCLI", "TestSupport"]),
    ]
)
