import ArgumentParser
import Diagnostics
import Foundation
import GoStd
import Helm
import Values

/// `chartunit bench-render CHART --iterations N` (hidden, for `make bench`):
/// loads a chart once, renders it N times with one engine and prints one
/// JSON line with the mean time per render and the time to parse all of
/// its templates once.
struct BenchRenderCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-render",
        abstract: "Time in-process renders of a chart (for make bench).",
        shouldDisplay: false
    )

    @Argument(help: "A chart directory or .tgz.")
    var chart: String
    @Option(help: "How many renders to time.")
    var iterations = 200
    @Option(name: [.customShort("f"), .customLong("values")], help: "Values files.")
    var valueFiles: [String] = []
    @Option(help: "Execute only this template (e.g. c/charts/sub/templates/deployment.yaml) and report executions per second.")
    var only: String?

    func outcome(in context: ProcessContext) async -> CommandOutcome {
        do {
            return CommandOutcome(stdout: try measure())
        } catch let error as LocatedError {
            return CommandOutcome(stdout: line(["chart": .string(chart), "error": .string(error.message)]))
        } catch {
            return CommandOutcome(stdout: line(["chart": .string(chart), "error": .string("\(error)")]))
        }
    }

    /// Runs on a goroutine-sized stack, as `chartunit test` runs its jobs,
    /// so that no render pays a hop to another thread.
    private func measure() throws -> String {
        try DeepStack.onGoroutineStack { () throws -> String in try measureHere() }
    }

    private func measureHere() throws -> String {
        let clock = ContinuousClock()
        var values = UserValues()
        for path in valueFiles {
            values.files.append((name: path, data: try GoFile.read(path)))
        }
        let userValues = try values.merged(helm: .v4)
        let loaded = try ChartLoader(helm: .v4).load(path: chart)
        let engine = HelmEngine(chart: loaded, helm: .v4)
        let options = RenderOptions(helm: .v4)

        let processed = try ValuesLayering.prepare(chart: loaded, userValues: userValues, helm: .v4)
        var templates = 0
        let parse = try clock.measure { templates = try engine.parseAll(processed) }

        let selection = only.map { Set([$0]) }
        _ = try engine.render(processed, options: options, only: selection)  // warm-up: parses and caches
        let count = max(1, iterations)
        if selection != nil {
            // One template executed again and again on the same prepared values.
            let total = try clock.measure {
                for _ in 0..<count { _ = try engine.render(processed, options: options, only: selection) }
            }
            return line([
                "chart": .string(chart), "template": .string(only ?? ""), "iterations": .int(count),
                "executions_per_second": .float(Double(count) / (micros(total) / 1e6)),
            ])
        }
        let total = try clock.measure {
            for _ in 0..<count { _ = try engine.render(userValues: userValues, options: options) }
        }
        return line([
            "chart": .string(chart), "iterations": .int(count), "templates": .int(templates),
            "per_render_us": .float(micros(total) / Double(count)), "parse_us": .float(micros(parse)),
        ])
    }

    private func micros(_ d: Duration) -> Double {
        d.inSeconds * 1e6
    }

    private func line(_ fields: [String: Value]) -> String {
        (try? GoJSON.encode(.map(GoMap(fields)))).map { $0 + "\n" } ?? "{}\n"
    }
}
