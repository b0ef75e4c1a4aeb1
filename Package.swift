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
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"]),
        .target(name: "Values", dependencies: ["YAML", "Diagnostics"]),
        .target(name: "GoTemplate", dependencies: ["Values", "Diagnostics"]),
        .target(
            name: "Sprig",
            dependencies: [
                "GoTemplate", "Values", "YAML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .target(name: "Helm", dependencies: ["GoTemplate", "Sprig", "Values", "YAML", "Diagnostics"]),
        .target(name: "PathQuery", dependencies: ["Values", "Diagnostics"]),
        .target(
            name: "ChartunitCLI",
            dependencies: [
                "YAML", "Values", "GoTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chartunit", dependencies: ["ChartunitCLI"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ValuesTests", dependencies: ["Values", "YAML"]),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate", "Values"]),
        .testTarget(name: "SprigTests", dependencies: ["Sprig", "GoTemplate", "Values"]),
        .testTarget(name: "HelmTests", dependencies: ["Helm", "Values"]),
        .testTarget(name: "PathQueryTests", dependencies: ["PathQuery", "Values"]),
        .testTarget(name: "ChartunitCLITests", dependencies: ["ChartunitCLI"]),
    ]
)
