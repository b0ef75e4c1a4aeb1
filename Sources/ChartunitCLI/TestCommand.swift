import ArgumentParser
import Foundation
import Helm
import Reports
import UnitTest
#if canImport(Glibc)
import Glibc
#endif

/// `chartunit test [flags] CHART...`: runs helm-unittest suites, with
/// helm-unittest's flags, defaults, output and exit status.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run helm-unittest test suites against charts.",
        discussion: """
        Renders each chart in-process (Helm v3.20 semantics by default, as helm-unittest does) \
        and checks the rendered output with the suites found by --file (default tests/*_test.yaml). \
        Exits 0 when every chart passes, 1 otherwise.
        """
    )

    @Option(name: [.customShort("f"), .customLong("file")],
            help: "Glob paths of test files, relative to each chart (default tests/*_test.yaml).")
    var file: [String] = []

    @Option(name: [.customShort("v"), .customLong("values")],
            help: "Values files (globs) that override the chart values.")
    var values: [String] = []

    @Flag(name: [.customShort("u"), .customLong("update-snapshot")], help: "Update the cached snapshots.")
    var updateSnapshot = false

    @Option(name: [.customShort("t"), .customLong("output-type")],
            help: "Report format: JUnit, NUnit, XUnit or Sonar (any case).")
    var outputType = "XUnit"

    @Option(name: [.customShort("o"), .customLong("output-file")], help: "Write the report to this file.")
    var outputFile = ""

    @Flag(name: [.customShort("q"), .customLong("failfast")], help: "Stop at the first failure.")
    var failfast = false

    @Flag(name: .customLong("strict"), help: "Strictly parse the test suites (unknown fields are errors).")
    var strict = false

    @Flag(name: .customLong("color"), inversion: .prefixedNo,
          help: "Force coloured output on or off (default: on for a terminal, off with NO_COLOR).")
    var color: Bool?

    @Flag(name: .customLong("with-subchart"), inversion: .prefixedNo,
          help: "Include the tests of the subcharts in charts/ (--with-subchart=false to leave them out).")
    var withSubchart = true

    @Flag(name: .customShort("s"), help: .hidden)
    var withSubchartShort = false

    @Option(name: .customLong("chart-tests-path"),
            help: "A chart, relative to each chart, whose rendered templates are test suites.")
    var chartTestsPath = ""

    @Flag(name: .customLong("skip-schema-validation"), help: "Do not validate values against values.schema.json.")
    var skipSchemaValidation = false

    @Flag(name: [.customShort("d"), .customLong("debug"), .customLong("debugPlugin")],
          help: "Write the rendered output of every test to .debug/.")
    var debug = false

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Test suites run in parallel (default: the core count).")
    var jobs: Int?

    @Option(name: .customLong("helm-version"), help: "Helm semantics to render with: 3 (helm-unittest) or 4.")
    var helmVersion = 3

    @Argument(help: "Chart directories or archives.")
    var charts: [String] = []

    func validate() throws {
        if charts.isEmpty { throw ValidationError("requires at least 1 arg(s), only received 0") }
        if helmVersion != 3 && helmVersion != 4 { throw ValidationError("--helm-version must be 3 or 4") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let outcome = await execute(environment: ProcessInfo.processInfo.environment,
                                    isTerminal: isatty(STDOUT_FILENO) != 0)
        FileHandle.standardOutput.write(Data(outcome.output.utf8))
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }

    /// Runs the suites and returns what to print and the exit status, without
    /// touching the process's output (so tests can call it).
    func execute(environment: [String: String], isTerminal: Bool) async -> (output: String, status: Int32) {
        let base = TestRunOptions(
            testFiles: file.isEmpty ? ["tests/*_test.yaml"] : file, valuesFiles: values,
            updateSnapshots: updateSnapshot, withSubcharts: withSubchart, strict: strict, failFast: failfast,
            skipSchemaValidation: skipSchemaValidation, pluginVersion: ChartunitVersion.pluginVersion,
            chartTestsPath: chartTestsPath, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var options = base
        if debug { options.renderOutputDirectory = ".debug" }
        options.executableSearchPath = environment["PATH"] ?? ""
        let runner = TestRunner(renderer: HelmChartRenderer(helm: helmVersion == 4 ? .v4 : .v3), options: options)
        let run = await runner.run(chartPaths: charts)

        var reportError: String?
        if !outputFile.isEmpty, let format = ReportFormat(named: outputType) {
            let report = format.render(run.reportedSuites, environment: .current(variables: environment))
            if !FileManager.default.createFile(atPath: outputFile, contents: Data(report.utf8)) {
                reportError = "open \(outputFile): " + errnoText(errno)
            }
        }
        let colored = color ?? (isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
        let output = ConsoleReport(colored: colored).render(run, reportError: reportError)
        return (output, run.passed ? 0 : 1)
    }

    private func errnoText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// Go's flag syntax for booleans (`--name=false`, `-s=true`), which cobra
/// accepts and swift-argument-parser does not, rewritten to flags it knows.
enum GoBoolFlags {
    /// The boolean flags of `test`; those with a `--no-` form can be turned off.
    static let invertible: Set<String> = ["color", "with-subchart"]
    static let plain: Set<String> = ["update-snapshot", "failfast", "strict", "skip-schema-validation", "debug", "debugPlugin"]
    static let shorts: [String: String] = ["s": "with-subchart", "u": "update-snapshot", "q": "failfast", "d": "debug"]

    /// `arguments` with every `--flag=BOOL` / `-x=BOOL` turned into `--flag`,
    /// `--no-flag`, or nothing (a false plain flag is its default).
    static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                out += arguments[index...]
                break
            }
            guard let equals = argument.firstIndex(of: "="), argument.hasPrefix("-") else {
                out.append(argument)
                continue
            }
            var name = String(argument[..<equals].drop { $0 == "-" })
            if argument.hasPrefix("-"), !argument.hasPrefix("--"), let long = shorts[name] { name = long }
            let text = String(argument[argument.index(after: equals)...])
            guard let value = parseGoBool(text), invertible.contains(name) || plain.contains(name) else {
                out.append(argument)
                continue
            }
            if value {
                out.append("--" + name)
            } else if invertible.contains(name) {
                out.append("--no-" + name)
            }
        }
        return out
    }

    /// Go's `strconv.ParseBool`.
    static func parseGoBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}
