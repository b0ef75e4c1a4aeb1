import ArgumentParser

/// The `chartunit` command and its subcommands.
public struct Chartunit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chartunit",
        abstract: "Unit-test Helm charts: helm-unittest suites, rendered in-process.",
        version: ChartunitVersion.string,
        subcommands: [VersionCommand.self]
    )

    public init() {}
}

/// The version of this build of chartunit.
public enum ChartunitVersion {
    public static let string = "0.1.0"
}

/// `chartunit version`: prints the version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version of chartunit."
    )

    func run() throws {
        print("chartunit \(ChartunitVersion.string)")
    }
}
