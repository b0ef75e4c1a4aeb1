import ArgumentParser
import Diagnostics
import Foundation

/// The `chartunit` command and its subcommands.
public struct Chartunit: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chartunit",
        abstract: "Unit-test Helm charts: helm-unittest suites, rendered in-process.",
        version: ChartunitVersion.string,
        subcommands: [TestCommand.self, RenderCommand.self, FunctionsCommand.self, VersionCommand.self, BenchRenderCommand.self]
    )

    public init() {}

    /// Runs the command line as helm-unittest would: Go-style boolean flags
    /// (`--with-subchart=false`) accepted, and every usage error exits 1.
    public static func runCommandLine() async {
        let arguments = GoBoolFlags.normalize(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.runAsynchronously()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(1)
        }
    }
}

/// The version of this build of chartunit.
public enum ChartunitVersion {
    public static let string = "0.1.0"
    /// The helm-unittest version chartunit stands in for (`skip.minimumVersion` compares with it).
    public static let pluginVersion = "1.1.0"
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

extension AsyncParsableCommand {
    /// The command's `async` `run` (an existential call would pick the
    /// synchronous default that prints the help).
    mutating func runAsynchronously() async throws {
        try await run()
    }
}

extension ErrorKind {
    /// A command line chartunit cannot act on (a chart that is not there,
    /// too many arguments).
    static let commandLine = ErrorKind("chartunit.commandLine")
}
