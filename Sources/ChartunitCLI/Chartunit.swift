import ArgumentParser
import Diagnostics
import Foundation

/// The `chartunit` command and its subcommands.
public struct Chartunit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chartunit",
        abstract: "Unit-test Helm charts: helm-unittest suites, rendered in-process.",
        version: ChartunitVersion.string,
        subcommands: [TestCommand.self, RenderCommand.self, FunctionsCommand.self, SchemaCommand.self, VersionCommand.self, BenchRenderCommand.self]
    )

    public init() {}

    /// Runs the process's command line and exits with its status.
    public static func runCommandLine() async {
        let outcome = await outcome(arguments: Array(CommandLine.arguments.dropFirst()), in: .current)
        outcome.write()
        Foundation.exit(outcome.exitCode)
    }

    /// The outcome of a command line, as helm-unittest's and Helm's cobra
    /// commands answer it: Go-style boolean flags (`--with-subchart=false`)
    /// accepted; help on stdout with status 0; a usage error, or no
    /// subcommand at all, on stderr with the usage and status 1.
    static func outcome(arguments: [String], in context: ProcessContext) async -> CommandOutcome {
        let command: ParsableCommand
        do {
            let normalized = GoBoolFlags.normalize(arguments)
            // Run directly: casting a parsed command to `OutcomeCommand` looks
            // the conformance up, scanning every conformance record once.
            if let test = parsedTest(normalized) { return await test.outcome(in: context) }
            command = try parseAsRoot(normalized)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success { return CommandOutcome(stdout: message + "\n") }
            return CommandOutcome(stderr: message + "\n", exitCode: 1)
        }
        guard let runnable = command as? OutcomeCommand else {
            // ArgumentParser answers `help [sub]` and `sub --help` with its
            // own help command: the help of the subcommand named, if any.
            if !arguments.isEmpty {
                let named = configuration.subcommands.first { sub in sub.configuration.commandName.map(arguments.contains) ?? false }
                return CommandOutcome(stdout: helpMessage(for: named ?? Chartunit.self) + "\n")
            }
            return CommandOutcome(stderr: "Error: a subcommand is required\n" + helpMessage() + "\n", exitCode: 1)
        }
        return await runnable.outcome(in: context)
    }
}

extension Chartunit {
    /// Arguments only the root command parses: help, version, completions.
    private static let rootArguments: Set<String> = [
        "help", "-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// `test …` read by ``TestArgumentScan`` when it can, otherwise parsed
    /// by `test` alone (as the root, named `chartunit test` by its
    /// configuration), which skips the root's subcommand tree and
    /// completion-script check. Nil for help, version, completions and every
    /// mistake, which the full parse answers, so what they print is unchanged.
    static func parsedTest(_ arguments: [String]) -> TestCommand? {
        guard arguments.first == TestCommand.configuration.commandName,
              !arguments.contains(where: rootArguments.contains) else { return nil }
        return TestArgumentScan.command(arguments.dropFirst())
            ?? (try? TestCommand.parseAsRoot(Array(arguments.dropFirst()))) as? TestCommand
    }
}

/// The version of this build of chartunit.
public enum ChartunitVersion {
    public static let string = "0.1.0"
    /// The helm-unittest version chartunit stands in for (`skip.minimumVersion` compares with it).
    public static let pluginVersion = "1.1.0"
}

/// `chartunit version`: prints the version.
struct VersionCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version of chartunit."
    )

    func outcome(in context: ProcessContext) async -> CommandOutcome {
        CommandOutcome(stdout: "chartunit \(ChartunitVersion.string)\n")
    }
}
