import Foundation
import Testing
@testable import ChartunitCLI

/// Runs commands in-process and builds throwaway charts.
enum CLI {
    /// `chartunit render ARGS…` without printing.
    static func render(_ arguments: [String]) throws -> CommandOutcome {
        let command = try Chartunit.parseAsRoot(["render"] + arguments)
        guard let render = command as? RenderCommand else {
            Issue.record("not a render command: \(command)")
            return CommandOutcome(exitCode: -1)
        }
        return render.execute()
    }

    /// The outcome of the command line `arguments` (without the program
    /// name), run in-process with no colour and this process's `PATH`.
    static func run(_ arguments: [String]) async -> CommandOutcome {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return await Chartunit.outcome(arguments: arguments,
                                       in: ProcessContext(environment: ["NO_COLOR": "1", "PATH": path], isTerminal: false))
    }

    /// Writes `files` (path → text) into a fresh temporary directory and
    /// returns the chart directory (`<tmp>/<name>`).
    static func chart(_ files: [String: String], name: String = "c") throws -> String {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("chartunit-cli-\(UUID().uuidString)")
        let root = base.appendingPathComponent(name)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root.path
    }

    /// A minimal Chart.yaml.
    static func chartYAML(_ name: String = "c", extra: String = "") -> String {
        "apiVersion: v2\nname: \(name)\nversion: 0.1.0\n" + extra
    }
}
