import GoStd
import Helm

/// Why a changed file re-runs what it re-runs.
public enum WatchCause: Sendable, Hashable {
    /// A suite file: that file.
    case suiteFile
    /// A suite file that was not there before: that file.
    case newSuiteFile
    /// A suite file that is gone: nothing.
    case removedSuiteFile
    /// A suite file's snapshot: that suite file.
    case snapshot
    /// A template (its path as suites select it): the suite files that render it.
    case template(String)
    /// A partial (`_*`) or a template no suite renders by name: every suite file of its chart.
    case helper
    /// Any other file of a chart (values, schema, Chart.yaml, Chart.lock,
    /// `charts/`, files `.Files` reads): every suite file of the chart.
    case chartFile
    /// A values file that suites name: those suite files.
    case suiteValues
    /// A `-v` values file: every suite file.
    case runValues
    /// Not part of any chart (left out by `.helmignore`) or not read by the run: nothing.
    case unrelated

    /// Which cause names a file that is several things (the widest).
    fileprivate var rank: Int {
        switch self {
        case .unrelated: 0
        case .suiteValues: 1
        case .template: 2
        case .chartFile: 3
        case .helper: 4
        case .suiteFile, .newSuiteFile, .removedSuiteFile, .snapshot, .runValues: 5
        }
    }
}

/// One changed file and what it re-runs.
public struct WatchChange: Sendable, Hashable {
    public var path: String
    public var cause: WatchCause
    /// The suite files it affects, as the run names them.
    public var suiteFiles: [String]

    public init(path: String, cause: WatchCause, suiteFiles: [String]) {
        self.path = path
        self.cause = cause
        self.suiteFiles = suiteFiles
    }
}

/// What a batch of changes re-runs.
public struct WatchRerun: Sendable, Hashable {
    /// Each changed file, in the order given.
    public var changes: [WatchChange]
    /// Every affected suite file, in run order.
    public var suiteFiles: [String]
    /// Charts re-run whole (as the run names them): also the ones that
    /// cannot be loaded now, so their error shows.
    public var chartPaths: [String]

    /// Every suite file and chart of `plan`, for no change in particular.
    public static func everything(in plan: WatchPlan) -> WatchRerun {
        WatchRerun(changes: [], suiteFiles: plan.suites.map(\.path), chartPaths: plan.charts.map(\.path))
    }

    /// Only the suite files and charts `scope` takes (a shard's).
    public func narrowed(to scope: (String) -> Bool) -> WatchRerun {
        WatchRerun(changes: changes, suiteFiles: suiteFiles.filter(scope), chartPaths: chartPaths.filter(scope))
    }

    /// Whether nothing is to run.
    public var isEmpty: Bool { suiteFiles.isEmpty && chartPaths.isEmpty }

    /// The ``TestRunOptions/selection`` running just these.
    public var selection: @Sendable (String) -> Bool {
        let selected = Set(suiteFiles).union(chartPaths)
        return { selected.contains($0) }
    }
}

/// Which suite files changed files affect (`test --watch`).
public enum WatchImpact {
    /// The suite files of `after` (the plan read after the changes) that
    /// the files at `changed` (absolute paths) affect; `before` is the plan
    /// of the previous run, for suite files that came or went.
    public static func rerun(changed: [String], before: WatchPlan, after: WatchPlan) -> WatchRerun {
        var changes: [WatchChange] = []
        var wholeCharts = Set<String>()
        for path in changed {
            let (cause, suites, charts) = classify(path, before: before, after: after)
            wholeCharts.formUnion(charts)
            let files = Set(suites).union(after.suites.filter { charts.contains($0.chartPath) }.map(\.path))
            changes.append(WatchChange(path: path, cause: cause, suiteFiles: after.suites.map(\.path).filter(files.contains).uniqued()))
        }
        let all = Set(changes.flatMap(\.suiteFiles))
        return WatchRerun(changes: changes, suiteFiles: after.suites.map(\.path).filter(all.contains).uniqued(),
                          chartPaths: after.charts.map(\.path).filter(wholeCharts.contains))
    }

    /// What `path` is and what it affects: suite files by name and charts whole.
    private static func classify(_ path: String, before: WatchPlan,
                                 after: WatchPlan) -> (cause: WatchCause, suites: [String], charts: Set<String>) {
        let containing = after.charts.filter { $0.isArchive ? $0.directory == path : isWithin(path, $0.directory) }
        if after.valuesFiles.contains(path) { return (.runValues, [], Set(after.charts.map(\.path))) }
        let broken = containing.filter { $0.name == nil }
        if !broken.isEmpty { return (.chartFile, [], Set(broken.map(\.path))) }
        let suites = after.suites.filter { $0.file == path }
        if !suites.isEmpty {
            return (before.suites.contains { $0.file == path } ? .suiteFile : .newSuiteFile, suites.map(\.path), [])
        }
        if before.suites.contains(where: { $0.file == path }) { return (.removedSuiteFile, [], []) }
        if GoPath.base(GoPath.dir(path)) == "__snapshot__" && path.hasSuffix(".snap") {
            let owners = after.suites.filter { $0.ownsSnapshot(path) }
            if !owners.isEmpty { return (.snapshot, owners.map(\.path), []) }
        }
        var causes: [WatchCause] = []
        var named: [String] = []
        var charts = Set<String>()
        let readers = after.suites.filter { $0.valuesFiles.contains(path) }
        if !readers.isEmpty {
            causes.append(.suiteValues)
            named = readers.map(\.path)
        }
        for chart in containing {
            guard let (kind, selecting) = classify(path, in: chart, suites: after.suites.filter { $0.chartPath == chart.path })
            else { continue }
            causes.append(kind)
            if let selecting { named += selecting } else { charts.insert(chart.path) }
        }
        let cause = causes.max { $0.rank < $1.rank } ?? .unrelated
        return (cause, named, charts)
    }

    /// What `path` is to `chart`: nil when the chart leaves it out; else
    /// its cause and the suite files it affects (nil: all of the chart's).
    private static func classify(_ path: String, in chart: WatchedChart,
                                 suites: [WatchedSuiteFile]) -> (WatchCause, [String]?)? {
        if chart.isArchive { return (.chartFile, nil) }
        if let tests = chart.testsChartDirectory, isWithin(path, tests) { return (.chartFile, nil) }
        let relative = String(path.dropFirst(chart.directory.count + 1))
        if relative == HelmIgnore.fileName { return (.chartFile, nil) }
        if let ignore = chart.ignore, ignores(relative, ignore) { return nil }
        guard let name = chart.name, let template = templatePath(relative, chartName: name, subchartRoutes: chart.subchartRoutes)
        else { return (.chartFile, nil) }
        if GoPath.baseHasPrefix(template, "_") { return (.helper, nil) }
        let selecting = suites.filter { suite in suite.selections.contains { $0.selects(templatePath: template) } }
        return selecting.isEmpty ? (.helper, nil) : (.template(template), selecting.map(\.path))
    }

    /// Whether the chart's rules leave out the file at `relative` or a directory above it.
    private static func ignores(_ relative: String, _ rules: HelmIgnore) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        for end in parts.indices {
            let prefix = parts[...end].joined(separator: "/")
            if rules.ignores(prefix, isDirectory: end < parts.count - 1) { return true }
        }
        return false
    }

    /// The path Helm gives the file at `relative` if it is a template
    /// (`<name>/templates/…`, a subchart's `<name>/charts/<sub>/templates/…`), else nil.
    static func templatePath(_ relative: String, chartName: String, subchartRoutes: [String: String]) -> String? {
        var route = chartName
        var rest = relative
        if relative.hasPrefix("charts/") {
            let owner = subchartRoutes.keys.filter { relative.hasPrefix($0 + "/") }.max { $0.count < $1.count }
            guard let owner, let subRoute = subchartRoutes[owner] else { return nil }
            route = subRoute
            rest = String(relative.dropFirst(owner.count + 1))
        }
        guard rest.hasPrefix("templates/") else { return nil }
        return route + "/" + rest
    }
}

extension Array where Element: Hashable {
    /// The elements, each at its first place only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
