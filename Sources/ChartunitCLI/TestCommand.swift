import ArgumentParser
import Diagnostics
import Foundation
import GoStd
import Helm
import Reports
import UnitTest
#if canImport(Glibc)
import Glibc
#endif

/// `chartunit test [flags] CHART...`: runs helm-unittest suites, with
/// helm-unittest's flags, defaults, output and exit status.
struct TestCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        // Only used when `test` is parsed as the root (``Chartunit/parsedTest(_:)``).
        _superCommandName: "chartunit",
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
    var outputType = TestCommand.defaultOutputType

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

    @Flag(name: .customLong("recursive"),
          help: "The arguments are directories: test every chart below them (docs/ci.md).")
    var recursive = false

    @Option(name: .customLong("changed-since"),
            help: ArgumentHelp("Test only the charts that changes since this git revision affect (docs/ci.md).",
                               valueName: "ref"))
    var changedSince: String?

    @Flag(name: .customLong("skip-schema-validation"), help: "Do not validate values against values.schema.json.")
    var skipSchemaValidation = false

    @Flag(name: [.customShort("d"), .customLong("debug"), .customLong("debugPlugin")],
          help: "Write the rendered output of every test to .debug/.")
    var debug = false

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Test suites run in parallel (default: the core count).")
    var jobs: Int?

    @Option(name: .customLong("helm-version"),
            help: "Helm semantics to render with: 3 (helm-unittest) or 4 (default: 3, or the Helm that runs chartunit as its plugin).")
    var helmVersion: Int?

    @Flag(name: .customLong("show-kube-carry-over"),
          help: "List the tests that rendered with a Kubernetes version an earlier test set (helm-unittest's carry-over).")
    var showKubeCarryOver = false

    @Flag(name: .customLong("coverage"), help: "Measure template coverage: lines, branch arms and defines the suites run.")
    var coverage = false

    @Option(name: .customLong("coverage-format"),
            help: "Coverage reports, comma-separated: console, lcov, cobertura, html, json (implies --coverage).")
    var coverageFormat: String?

    @Option(name: .customLong("coverage-dir"), help: "Where coverage report files go (implies --coverage).")
    var coverageDir: String?

    @Option(name: .customLong("coverage-threshold"),
            help: "Minimum coverage, e.g. lines=80,branches=70,defines=90: below it the run fails (implies --coverage).")
    var coverageThreshold: String?

    @Option(name: .customLong("coverage-include"),
            help: "Report coverage only for template files matching this glob (repeatable; path within the chart, e.g. templates/**).")
    var coverageInclude: [String] = []

    @Option(name: .customLong("coverage-exclude"), help: "Leave template files matching this glob out of coverage (repeatable).")
    var coverageExclude: [String] = []

    @Option(name: .customLong("annotations"),
            help: "Show failures in CI: github (workflow commands; the default under GitHub Actions), gitlab (a Code Quality report file) or none.")
    var annotations: String?

    @Option(name: .customLong("annotations-file"), help: "Where --annotations gitlab writes (default gl-code-quality-report.json).")
    var annotationsFile: String?

    @Option(name: .customLong("summary-json"), help: "Write the run's results as JSON to this file (docs/ci.md).")
    var summaryJSON: String?

    @Option(name: .customLong("shard"),
            help: "Run only the i-th of n parts of the suite files (e.g. 2/4), balanced by --timings or test counts.")
    var shard: String?

    @Option(name: .customLong("timings"),
            help: "Suite times of an earlier run for balancing shards: a --record-timings file or a JUnit report (repeatable).")
    var timings: [String] = []

    @Option(name: .customLong("record-timings"), help: "Record each suite file's time into this file (merged with what it holds).")
    var recordTimings: String?

    @Flag(name: .customLong("watch"),
          help: "After the run, re-run the suites each file change affects until q + Enter, Ctrl-C or end of input (docs/watch.md).")
    var watch = false

    @Argument(help: "Chart directories or archives.")
    var charts: [String] = []

    /// helm-unittest's default report format.
    static let defaultOutputType = "XUnit"

    func validate() throws {
        if charts.isEmpty { throw ValidationError("requires at least 1 arg(s), only received 0") }
        if let helmVersion, helmVersion != 3 && helmVersion != 4 { throw ValidationError("--helm-version must be 3 or 4") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Checks the command line, runs the suites and returns what to print
    /// and the exit status: 1 when anything failed, nothing was tested, or
    /// the report could not be written. With `--watch`, runs until told to stop.
    func outcome(in context: ProcessContext) async -> CommandOutcome {
        watch ? await TestWatch.live(self, in: context) : await outcome(in: context, watch: nil)
    }

    /// One run; `round`, in watch mode, picks its suite files and learns how to plan it again.
    func outcome(in context: ProcessContext, watch round: WatchRound?) async -> CommandOutcome {
        guard let format = ReportFormat(named: outputType) else {
            return .failure(TestInputs.invalidArgument(outputType, flag: "-t, --output-type", "must be one of "
                + ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).message)
        }
        if !outputFile.isEmpty && GoOS.isDirectory(outputFile) {
            return .failure(TestInputs.invalidArgument(outputFile, flag: "-o, --output-file", "is a directory").message)
        }
        let testFiles = file.isEmpty ? ["tests/*_test.yaml"] : file
        var options = TestRunOptions(
            testFiles: testFiles, updateSnapshots: updateSnapshot, withSubcharts: withSubchart, strict: strict,
            failFast: failfast, skipSchemaValidation: skipSchemaValidation, pluginVersion: ChartunitVersion.pluginVersion,
            chartTestsPath: chartTestsPath, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        do throws(LocatedError) {
            try TestInputs.checkSuitePatterns(testFiles)
            options.valuesFiles = try TestInputs.valuesFiles(values, workingDirectory: FileManager.default.currentDirectoryPath)
            options.conditionValuesFiles = values
        } catch {
            return .failure(error.shown)
        }
        let ciOutput: CIOutput
        do throws(LocatedError) {
            ciOutput = try CIOutput(annotations: annotations, annotationsFile: annotationsFile, summaryFile: summaryJSON,
                                    environment: context.environment)
        } catch {
            return .failure(error.shown)
        }
        let shardOutput: ShardOutput
        do throws(LocatedError) {
            shardOutput = try ShardOutput(shard: shard, timingsFiles: timings, recordFile: recordTimings)
        } catch {
            return .failure(error.shown)
        }
        var coverageOutput: CoverageOutput?
        if coverage || coverageFormat != nil || coverageDir != nil || coverageThreshold != nil
            || !coverageInclude.isEmpty || !coverageExclude.isEmpty {
            do throws(LocatedError) {
                coverageOutput = try CoverageOutput(formats: coverageFormat ?? "console,lcov", directory: coverageDir ?? "coverage",
                                                    thresholds: coverageThreshold ?? "")
            } catch {
                return .failure(error.shown)
            }
            options.coverage = true
            options.coverageFilter = CoverageFilter(include: coverageInclude, exclude: coverageExclude)
        }
        if debug { options.renderOutputDirectory = ".debug" }
        options.executableSearchPath = context.environment["PATH"] ?? ""
        let helm: HelmVersion
        do throws(LocatedError) {
            helm = try HelmPluginEnvironment.helmVersion(explicit: helmVersion, environment: context.environment)
        } catch {
            return .failure(error.shown)
        }
        // fatih/color's rule: NO_COLOR counts when it is set to something.
        let colored = color ?? (context.isTerminal && (context.environment["NO_COLOR"] ?? "").isEmpty
            && context.environment["TERM"] != "dumb")
        let console = ConsoleReport(colored: colored)
        var progress: ProgressLine?
        if context.isTerminal, let stream = context.stream {
            progress = ProgressLine(write: { stream($0, false) }, width: context.terminalWidth)
        }
        options.progress = progress.map { line in { @Sendable update in line.show(update) } }
        let consoleStream = ConsoleStream(report: console, stream: context.stream, progress: progress)
        options.events = { @Sendable event in consoleStream.show(event) }
        // The charts to test, from the arguments as --recursive and --changed-since read them (ChartSelection.swift).
        let charts: [String]
        do throws(LocatedError) {
            let selected = try ChartSelection(recursive: recursive, changedSince: changedSince, chartTestsPath: chartTestsPath,
                                              helm: helm).charts(self.charts, environment: context.environment)
            if selected.charts.isEmpty { return CommandOutcome(stdout: selected.notice) }
            consoleStream.show(line: selected.notice)
            charts = selected.charts
        } catch {
            return .failure(error.shown)
        }
        let renderer = HelmChartRenderer(helm: helm)
        let sharded = shardOutput.select(TestRunner(renderer: renderer, options: options), chartPaths: charts)
        if let sharded {
            options.selection = { @Sendable file in sharded.files.contains(file) }
            consoleStream.show(notes: shardOutput.notes, line: sharded.line)
        }
        round?.start(options: &options, renderer: renderer, chartPaths: charts)
        // A process that exits after this run need not tear down the last chart's data.
        options.keepsLastChartUntilExit = context.exitsAfterCommand && round == nil
        let runner = TestRunner(renderer: renderer, options: options)
        let run = await runner.run(chartPaths: charts)
        progress?.clear()
        let emptyShard = sharded?.files.isEmpty == true

        var runErrors: [String] = []
        if let failure = shardOutput.record(run) { runErrors.append(failure) }
        if !emptyShard && run.charts.allSatisfy({ $0.executionError == nil }) && run.charts.allSatisfy(\.suites.isEmpty) {
            runErrors.append("no test suites found: \(testFiles.joined(separator: ", ")) matched no file in "
                + charts.joined(separator: ", "))
        }
        if !outputFile.isEmpty {
            let report = format.render(run.reportedSuites, environment: .current(variables: context.environment))
            do throws(GoError) {
                try GoOS.mkdirAll(GoPath.dir(outputFile))
                try GoOS.writeFileAtomically(Array(report.utf8), to: outputFile)
            } catch {
                runErrors.append(error.message)
            }
        }
        let (annotationText, writeErrors) = ciOutput.emit(run)
        runErrors += writeErrors
        let streamed = consoleStream.keptOutput
        var output = streamed.stdout + console.closing(run, runErrors: runErrors)
        if showKubeCarryOver { output += KubeVersionCarryOverReport().render(run) }
        var coverageFailed = false
        if let coverageOutput {
            let epoch = context.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? Date()
            let (text, failures) = coverageOutput.report(run.coverage, colored: colored,
                                                         workingDirectory: FileManager.default.currentDirectoryPath, epoch: epoch)
            output += text
            coverageFailed = !failures.isEmpty
            for failure in failures where !text.contains(failure) { output += "\nError: \(failure)\n" }
        }
        output += annotationText
        return CommandOutcome(stdout: output, stderr: streamed.stderr,
                              exitCode: run.passed && runErrors.isEmpty && !coverageFailed ? 0 : 1)
    }
}

/// Go's flag syntax for booleans (`--name=false`, `-s=true`), which cobra
/// accepts and swift-argument-parser does not, rewritten to flags it knows.
enum GoBoolFlags {
    /// The boolean flags of `test`; those with a `--no-` form can be turned off.
    static let invertible: Set<String> = ["color", "with-subchart"]
    static let plain: Set<String> = ["update-snapshot", "failfast", "strict", "skip-schema-validation", "debug", "debugPlugin",
                                      "recursive", "coverage", "show-kube-carry-over", "watch"]
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
