import Diagnostics
import Foundation
import GoStd
import Helm
import Values

/// Options of `chartunit test`.
public struct TestRunOptions: Sendable {
    /// Suite file globs relative to each chart (`-f`), default `tests/*_test.yaml`.
    public var testFiles: [String]
    /// `-v` values files (absolute or relative to the working directory).
    public var valuesFiles: [String]
    /// The `-v` arguments as given, for deciding which subcharts' suites
    /// run: helm-unittest reads each relative to the chart (an absolute path
    /// as it is) and, when one cannot be read, runs every subchart's suites.
    /// Nil reads ``valuesFiles`` so.
    public var conditionValuesFiles: [String]?
    /// `-u`
    public var updateSnapshots: Bool
    /// `-s` / `--with-subchart` (default true).
    public var withSubcharts: Bool
    public var strict: Bool
    /// `-q`
    public var failFast: Bool
    public var skipSchemaValidation: Bool
    /// The helm-unittest version `skip.minimumVersion` compares with.
    public var pluginVersion: String
    /// `--chart-tests-path`: a chart (relative to each chart) whose rendered templates are suites.
    public var chartTestsPath: String
    /// How many suites run at once (`-j`); at least 1.
    public var jobs: Int
    /// `-d`: a directory every job's rendered files are written to ("" for none).
    public var renderOutputDirectory = ""
    /// The `PATH` that `postRenderer` command names are looked up in (the
    /// CLI passes its environment's).
    public var executableSearchPath = ""
    /// `--coverage`: count template coverage (``ChartResult/coverage``).
    public var coverage = false
    /// Which template files coverage reports.
    public var coverageFilter = CoverageFilter()
    /// Told each time suites finish (from the task running the chart, one call at a time).
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// Told of results as soon as they can be shown in the console's order
    /// (one call at a time), for output that streams.
    public var events: (@Sendable (RunEvent) -> Void)?
    /// When set, only the suite files (and charts that cannot be loaded,
    /// by their path) it accepts run; a chart with nothing accepted is left
    /// out of the results. Every chart is still discovered, so what one
    /// test leaves behind for later ones (``KubeVersionCarryOver``) is the
    /// same as in a whole run.
    public var selection: (@Sendable (String) -> Bool)?
    /// Whether the last chart's loaded chart, rendered documents and caches
    /// are kept, never freed, after its run: a process that exits next
    /// saves tearing them down (a few percent of a small chart's run).
    public var keepsLastChartUntilExit = false

    /// Options with helm-unittest's defaults.
    public init(testFiles: [String] = ["tests/*_test.yaml"], valuesFiles: [String] = [], updateSnapshots: Bool = false,
                withSubcharts: Bool = true, strict: Bool = false, failFast: Bool = false,
                skipSchemaValidation: Bool = false, pluginVersion: String = "1.1.0", chartTestsPath: String = "",
                jobs: Int = 1) {
        self.chartTestsPath = chartTestsPath
        self.jobs = max(1, jobs)
        self.testFiles = testFiles
        self.valuesFiles = valuesFiles
        self.updateSnapshots = updateSnapshots
        self.withSubcharts = withSubcharts
        self.strict = strict
        self.failFast = failFast
        self.skipSchemaValidation = skipSchemaValidation
        self.pluginVersion = pluginVersion
    }
}

/// Runs helm-unittest suites against charts through a ``ChartRenderer``.
public struct TestRunner<Renderer: ChartRenderer>: Sendable {
    public let renderer: Renderer
    public let options: TestRunOptions
    private let settings: RunSettings

    public init(renderer: Renderer, options: TestRunOptions) {
        self.renderer = renderer
        self.options = options
        settings = RunSettings(failFast: options.failFast, skipSchemaValidation: options.skipSchemaValidation,
                               renderOutput: options.renderOutputDirectory.isEmpty
                                   ? nil : RenderOutputWriter(directory: options.renderOutputDirectory),
                               executableSearchPath: options.executableSearchPath, readFile: goReadFile)
    }

    /// Tests every chart in order; suites of one chart run in parallel, and
    /// the results keep discovery order.
    public func run(chartPaths: [String]) async -> RunResult {
        let start = ContinuousClock.now
        var charts: [ChartResult] = []
        var kubeVersions = KubeVersionCarryOver()
        for (index, path) in chartPaths.enumerated() {
            guard let result = await runChart(at: path, index: index, of: chartPaths.count, kubeVersions: &kubeVersions)
            else { continue }
            charts.append(result)
            if options.failFast && !result.passed { break }
        }
        return RunResult(charts: charts, duration: ContinuousClock.now - start)
    }

    /// Tests one chart, the `index`th of the run: discovery, then the suites.
    /// `kubeVersions` carries helm-unittest's global Kubernetes version from
    /// the charts before (``KubeVersionCarryOver``). Nil when the selection
    /// takes nothing of the chart.
    func runChart(at path: String, index chartIndex: Int = 0, of chartCount: Int = 1,
                  kubeVersions: inout KubeVersionCarryOver) async -> ChartResult? {
        let chart: Renderer.Chart
        do {
            chart = try renderer.loadChart(at: path)
        } catch {
            if let selection = options.selection, !selection(path) { return nil }
            let failed = ChartResult(name: "", path: path, executionError: error)
            options.events?(.chartFailed(failed))
            return failed
        }
        let description = renderer.describe(chart)
        var discoveryWarnings: [ValuesWarning] = []
        let found = discover(description, at: path, warnings: &discoveryWarnings)
        // Suites sharing a snapshot file run in order, as helm-unittest's per-suite caches would see each other.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        var results = [TestSuiteResult?](repeating: nil, count: found.count)
        // Each job's Kubernetes version, worked out in run order before the suites run in parallel.
        var workedOut: [Int: [(version: KubeVersion, origin: KubeVersionOrigin?)?]] = [:]
        for (i, entry) in found.enumerated() {
            guard case .suite(let suite) = entry else { continue }
            let chartRoute = suite.chartRoute.isEmpty ? description.name : suite.chartRoute
            let settings = self.settings
            workedOut[i] = kubeVersions.versions(for: suite) { $0.reachesRender(chartRoute: chartRoute, settings: settings) }
        }
        let versions = workedOut
        let selected = found.indices.filter { i in options.selection.map { $0(found[i].file) } ?? true }
        if selected.isEmpty && options.selection != nil { return nil }
        options.events?(.chartStarted(name: description.name, path: path, warnings: discoveryWarnings))
        var settings = self.settings
        settings.coverage = options.coverage ? CoverageAccumulator() : nil
        settings.parsedDocuments = ParsedDocuments()
        settings.queries = DocumentQueries()
        let chartSettings = settings
        for i in selected {
            switch found[i] {
            case .broken(let file, let error):
                results[i] = TestSuiteResult(displayName: "", filePath: file, passed: false, executionError: error,
                                             unreadable: true)
            case .suite(let suite):
                let key = SnapshotCache.path(forSuiteFile: suite.definitionFile)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(i)
            }
        }
        var done = selected.count - groups.values.reduce(0) { $0 + $1.count }
        let (progress, events) = (options.progress, options.events)
        // Results are announced in discovery order: up to the first still running.
        var announced = 0
        var stopped = false
        func announce(waitingForRunning: Bool) {
            while !stopped && announced < selected.count {
                guard let result = results[selected[announced]] else {
                    if waitingForRunning { return }
                    announced += 1
                    continue
                }
                events?(.suiteFinished(result))
                announced += 1
                if options.failFast && !result.passed && !result.skipped { stopped = true }
            }
        }
        func finished(_ batch: [(Int, TestSuiteResult)]) {
            for (i, r) in batch { results[i] = r }
            done += batch.count
            progress?(RunProgress(chartPath: path, chartIndex: chartIndex, chartCount: chartCount,
                                  suitesDone: done, suitesTotal: selected.count))
            if events != nil { announce(waitingForRunning: true) }
        }
        await withTaskGroup(of: [(Int, TestSuiteResult)].self) { group in
            var running = 0
            for key in order {
                let indices = groups[key] ?? []
                if running >= options.jobs, let batch = await group.next() {
                    finished(batch)
                    running -= 1
                }
                running += 1
                group.addTask {
                    // Renders need a goroutine's stack; one hop per batch, not per render.
                    DeepStack.onGoroutineStack {
                        var out: [(Int, TestSuiteResult)] = []
                        for i in indices {
                            guard case .suite(let suite) = found[i] else { continue }
                            let result = runSuite(suite, chart: chart, description: description,
                                                  position: RunPosition(chart: chartIndex, suite: i, job: 0),
                                                  kubeVersions: versions[i] ?? [], settings: chartSettings)
                            out.append((i, result))
                            if options.failFast && result.failFast { break }
                        }
                        return out
                    }
                }
            }
            for await batch in group { finished(batch) }
        }
        if events != nil { announce(waitingForRunning: false) }
        var ordered: [TestSuiteResult] = []
        for result in results {
            guard let result else { continue }
            ordered.append(result)
            if options.failFast && !result.passed && !result.skipped { break }
        }
        var result = ChartResult(name: description.name, path: path, suites: ordered)
        result.warnings = discoveryWarnings
        if let accumulator = chartSettings.coverage {
            result.coverage = renderer.coverage(of: chart, counts: accumulator.counts, chartPath: path, filter: options.coverageFilter)
        }
        if options.keepsLastChartUntilExit && chartIndex == chartCount - 1 {
            _ = Unmanaged.passRetained(KeptUntilExit((chart, chartSettings, found)))
        }
        return result
    }

    /// The suites of a loaded chart (``SuiteDiscovery``), in run order.
    func discover(_ description: ChartDescription, at path: String, warnings: inout [ValuesWarning]) -> [SuiteDiscovery.Found] {
        let valuesFiles = SuiteDiscovery.files(matching: options.valuesFiles, chartPath: "").map { absolutePath($0) }
        var discovery = SuiteDiscovery(options: options, extraValuesFiles: valuesFiles)
        let renderer = self.renderer
        discovery.renderTestsChart = { (path) throws(LocatedError) in try renderer.renderSuiteChart(at: path) }
        return discovery.suites(chartPath: path, chartRoute: description.name, chart: description, warnings: &warnings)
    }

    /// Runs one suite with its snapshot cache, then stores the cache.
    func runSuite(_ suite: TestSuite, chart: Renderer.Chart, description: ChartDescription,
                  position: RunPosition, kubeVersions: [(version: KubeVersion, origin: KubeVersionOrigin?)?],
                  settings: RunSettings) -> TestSuiteResult {
        var result = TestSuiteResult(displayName: suite.name, filePath: suite.definitionFile, passed: false)
        var snapshotFile = SnapshotCache.path(forSuiteFile: suite.definitionFile)
        if !suite.snapshotId.isEmpty {
            snapshotFile = SnapshotCache.path(forSuiteFile: suite.definitionFile + "_" + suite.snapshotId)
        }
        let cache = SnapshotCache(filePath: snapshotFile, isUpdating: options.updateSnapshots)
        do {
            try cache.restore()
        } catch {
            // helm-unittest reports an unreadable snapshot file without the suite's name.
            result.displayName = ""
            result.executionError = error
            return result
        }
        var passed = false
        var skipped = 0
        for (index, job) in suite.tests.enumerated() {
            let effective = EffectiveJob(job: job, suite: suite)
            if !effective.skipReason.isEmpty {
                result.tests.append(TestJobResult(displayName: job.name, index: index, passed: false, skipped: true,
                                                  location: job.location))
                skipped += 1
                if index == 0 { passed = true }
            } else {
                var jobPosition = position
                jobPosition.job = index
                let kube = index < kubeVersions.count ? kubeVersions[index] : nil
                var jobResult = effective.run(index: index, position: jobPosition, kubeVersion: kube?.version ?? .initial,
                                              renderer: renderer, chart: chart, description: description,
                                              cache: cache, settings: settings)
                jobResult.kubeVersionOrigin = kube?.origin
                result.tests.append(jobResult)
                if index == 0 { passed = jobResult.passed }
                passed = passed && jobResult.passed
            }
            if !passed && options.failFast {
                result.failFast = true
                break
            }
        }
        result.passed = passed
        result.skipped = skipped == suite.tests.count
        result.snapshot = cache.counts
        do {
            try cache.storeIfNeeded()
        } catch {
            result.executionError = error
            result.passed = false
        }
        return result
    }
}

/// Go's `filepath.Abs` against the current directory.
func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return GoPath.clean(path) }
    return GoPath.join(FileManager.default.currentDirectoryPath, path)
}

/// How far a run is: the chart being tested and its suites done.
public struct RunProgress: Sendable, Hashable {
    public var chartPath: String
    /// The chart's position in the run (0-based) and the number of charts.
    public var chartIndex: Int
    public var chartCount: Int
    public var suitesDone: Int
    public var suitesTotal: Int

    public init(chartPath: String, chartIndex: Int, chartCount: Int, suitesDone: Int, suitesTotal: Int) {
        self.chartPath = chartPath
        self.chartIndex = chartIndex
        self.chartCount = chartCount
        self.suitesDone = suitesDone
        self.suitesTotal = suitesTotal
    }
}

/// A result ready to be shown, in the order the console shows results.
public enum RunEvent: Sendable {
    /// A chart could not be loaded (its error header).
    case chartFailed(ChartResult)
    /// A chart was loaded and its suites found: what Helm logged while
    /// discovery layered values, then the chart's header.
    case chartStarted(name: String, path: String, warnings: [ValuesWarning])
    /// The next suite of the chart finished.
    case suiteFinished(TestSuiteResult)
}

/// Values deliberately never freed (``TestRunOptions/keepsLastChartUntilExit``).
private final class KeptUntilExit {
    let value: Any

    init(_ value: Any) { self.value = value }
}
