import ArgumentParser

/// The `chartunit` command and its subcommands.
@available(macOS 13, *)
public struct Chartunit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chartunit",
        abstract: "Unit-test Helm charts: helm-unittest suites, rendered in-process.",
        version: ChartunitVersion.string,
        subcommands: [RenderCommand.self, VersionCommand.self, BenchRenderCommand.self]
    )

    public init() {}

    /// Parses the command line and runs the chosen command, sync or async.
    /// (`await Chartunit.main()` from top-level code resolves to
    /// ArgumentParser's synchronous `main()`, which refuses an async root.)
    public static func runCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
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
