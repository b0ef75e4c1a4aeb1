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
        .target(name: "GoStd"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics", "GoStd"]),
        .target(name: "Values", dependencies: ["YAML", "Diagnostics", "GoStd"]),
        .target(name: "TOML", dependencies: ["Values", "GoStd"]),
        .target(name: "GoRegexp", dependencies: ["GoStd"]),
        .target(name: "Semver", dependencies: ["GoRegexp", "GoStd"]),
        .target(name: "GoTemplate", dependencies: ["Values", "Diagnostics", "GoStd"]),
        .target(
            name: "SprigCrypto",
            dependencies: [
                "GoStd",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .target(
            name: "Sprig",
            dependencies: [
                "GoTemplate", "GoRegexp", "Values", "Semver", "SprigCrypto", "GoStd",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "JSONSchema", dependencies: ["Values", "GoRegexp", "GoStd"]),
        .target(name: "Helm", dependencies: ["GoTemplate", "Sprig", "Semver", "JSONSchema", "TOML", "Values", "YAML", "Diagnostics", "GoStd", "CZlib"]),
        .target(name: "PathQuery", dependencies: ["Values", "YAML", "GoRegexp", "Diagnostics", "GoStd"]),
        .target(name: "UnitTest", dependencies: ["Helm", "GoTemplate", "PathQuery", "GoRegexp", "Semver", "Values", "YAML", "Diagnostics", "GoStd"]),
        .target(name: "Reports", dependencies: ["UnitTest", "Values", "GoStd", "Diagnostics"]),
        .target(
            name: "ChartunitCLI",
            dependencies: [
                "Values", "GoTemplate", "Helm", "UnitTest", "Reports", "Diagnostics", "GoStd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chartunit", dependencies: ["ChartunitCLI"]),
        .target(name: "TestSupport", dependencies: ["Diagnostics"], path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Values", "Diagnostics", "GoStd", "TestSupport"]),
        .testTarget(name: "GoStdTests", dependencies: ["GoStd"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML", "Values", "TestSupport", "GoStd"]),
        .testTarget(name: "ValuesTests", dependencies: ["Values", "Diagnostics", "TestSupport", "GoStd", "TOML"]),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate", "Values", "Diagnostics", "TestSupport", "GoStd"]),
        .testTarget(name: "GoRegexpTests", dependencies: ["GoRegexp", "GoStd"]),
        .testTarget(name: "SprigTests", dependencies: ["Sprig", "GoTemplate", "Values", "GoStd"]),
        .testTarget(name: "SprigCryptoTests", dependencies: ["SprigCrypto", "Sprig", "GoTemplate", "Values"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "HelmTests", dependencies: ["Helm", "GoTemplate", "Values", "YAML", "Diagnostics", "TestSupport", "GoStd", "CZlib"]),
        .testTarget(name: "PathQueryTests", dependencies: ["PathQuery", "Values", "GoStd", "TestSupport"]),
        .testTarget(name: "UnitTestTests", dependencies: ["UnitTest", "Helm", "PathQuery", "GoTemplate", "Values", "YAML", "JSONSchema", "Diagnostics", "GoStd", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "UnitTest", "Values", "Diagnostics", "TestSupport", "GoStd"],
                    exclude: ["Fixtures/coverage-04.dtd", "Fixtures/README.md"]),
        .testTarget(name: "ChartunitCLITests", dependencies: ["ChartunitCLI", "TestSupport", "UnitTest", "Reports"]),
    ]
)
