import Foundation
import GoStd
import Helm

/// What `test --watch` knows of a run's charts and suite files, to tell
/// which suite files a changed file affects (``WatchImpact``). Paths are
/// absolute and clean, except the ones named "as the run names it".
public struct WatchPlan: Sendable {
    public var charts: [WatchedChart]
    public var suites: [WatchedSuiteFile]
    /// The `-v` values files every suite reads.
    public var valuesFiles: [String]

    public init(charts: [WatchedChart], suites: [WatchedSuiteFile], valuesFiles: [String] = []) {
        self.charts = charts
        self.suites = suites
        self.valuesFiles = valuesFiles
    }

    /// The directories to watch: every chart directory with all below it
    /// (an archive's directory alone), and the directory of each values
    /// file outside them (alone), each once, in a stable order.
    public var roots: [WatchRoot] {
        var roots: [WatchRoot] = []
        for chart in charts {
            roots.append(chart.isArchive ? WatchRoot(path: GoPath.dir(chart.directory), recursive: false)
                                         : WatchRoot(path: chart.directory, recursive: true))
        }
        let outside = (valuesFiles + suites.flatMap(\.valuesFiles)).filter { file in
            !charts.contains { !$0.isArchive && isWithin(file, $0.directory) }
        }
        roots += outside.map { WatchRoot(path: GoPath.dir($0), recursive: false) }
        var seen = Set<WatchRoot>()
        return roots.filter { seen.insert($0).inserted }
    }
}

/// A directory to watch, with everything below it or only its own entries.
public struct WatchRoot: Sendable, Hashable {
    public var path: String
    public var recursive: Bool

    public init(path: String, recursive: Bool) {
        self.path = path
        self.recursive = recursive
    }
}

/// One chart of the run.
public struct WatchedChart: Sendable {
    /// The chart as the run names it.
    public var path: String
    /// Its directory (or archive file).
    public var directory: String
    public var isArchive: Bool
    /// The chart's name, the first part of its templates' paths; nil when
    /// the chart cannot be loaded (then any change of it affects it whole).
    public var name: String?
    /// Template paths of its subcharts, by directory relative to the chart:
    /// `charts/sub` → `<name>/charts/sub`.
    public var subchartRoutes: [String: String]
    /// Its `.helmignore` rules (with Helm's defaults): files they leave out
    /// are not part of the chart.
    public var ignore: HelmIgnore?
    /// The `--chart-tests-path` chart inside it, if any.
    public var testsChartDirectory: String?

    public init(path: String, directory: String, isArchive: Bool = false, name: String?, subchartRoutes: [String: String] = [:],
                ignore: HelmIgnore? = nil, testsChartDirectory: String? = nil) {
        self.path = path
        self.directory = directory
        self.isArchive = isArchive
        self.name = name
        self.subchartRoutes = subchartRoutes
        self.ignore = ignore
        self.testsChartDirectory = testsChartDirectory
    }
}

/// One suite file of a chart and what its suites read besides the chart.
public struct WatchedSuiteFile: Sendable, Hashable {
    /// The suite file as the run names it (what ``TestRunOptions/selection`` is asked).
    public var path: String
    /// The suite file.
    public var file: String
    /// The chart it runs against, as the run names it.
    public var chartPath: String
    /// Which templates each of its suites renders; empty for a file that cannot be read.
    public var selections: [TemplateSelectionRule]
    /// The values files its suites and tests read.
    public var valuesFiles: [String]

    public init(path: String, file: String, chartPath: String, selections: [TemplateSelectionRule], valuesFiles: [String] = []) {
        self.path = path
        self.file = file
        self.chartPath = chartPath
        self.selections = selections
        self.valuesFiles = valuesFiles
    }

    /// Whether `snapshot` is one of its snapshot files:
    /// `__snapshot__/<name>.snap` or, with a `snapshotId`, `__snapshot__/<name>_<id>.snap`.
    func ownsSnapshot(_ snapshot: String) -> Bool {
        guard GoPath.dir(snapshot) == GoPath.join(GoPath.dir(file), "__snapshot__") else { return false }
        let name = GoPath.base(snapshot)
        let base = GoPath.base(file)
        return name == base + ".snap" || (name.hasPrefix(base + "_") && name.hasSuffix(".snap"))
    }
}

/// A suite's `templates:` and `excludeTemplates:` at its chart route: the
/// templates helm-unittest renders for every job of it (the jobs'
/// `template:` only picks among those outputs).
public struct TemplateSelectionRule: Sendable, Hashable {
    public var chartRoute: String
    public var templates: [String]
    public var excludeTemplates: [String]

    public init(chartRoute: String, templates: [String], excludeTemplates: [String] = []) {
        self.chartRoute = chartRoute
        self.templates = templates
        self.excludeTemplates = excludeTemplates
    }

    /// Whether a job of the suite renders the non-partial template at
    /// `templatePath` (`<route>/templates/x.yaml`).
    public func selects(templatePath: String) -> Bool {
        TemplateFilter(chartRoute: chartRoute, templates: templates.isEmpty ? ["**"] : templates,
                       excludeTemplates: excludeTemplates).includes(templatePath: templatePath)
    }
}

extension TestRunner {
    /// The charts and suite files of a run, read afresh (nothing rendered,
    /// except a `--chart-tests-path` chart).
    public func watchPlan(chartPaths: [String]) -> WatchPlan {
        var plan = WatchPlan(charts: [], suites: [],
                             valuesFiles: SuiteDiscovery.files(matching: options.valuesFiles, chartPath: "").map { absolutePath($0) })
        for path in chartPaths {
            let directory = absolutePath(path)
            var chart = WatchedChart(path: path, directory: directory, isArchive: !GoOS.isDirectory(path), name: nil)
            guard let loaded = try? renderer.loadChart(at: path) else {
                plan.charts.append(chart)
                continue
            }
            let description = renderer.describe(loaded)
            chart.name = description.name
            chart.subchartRoutes = Self.subchartRoutes(description, directory: "", route: description.name)
            if !chart.isArchive {
                var rules = (try? goReadFile(GoPath.join(directory, HelmIgnore.fileName)))
                    .flatMap { try? HelmIgnore(parsing: $0) } ?? HelmIgnore()
                rules.addDefaults()
                chart.ignore = rules
            }
            if !options.chartTestsPath.isEmpty { chart.testsChartDirectory = GoPath.join(directory, options.chartTestsPath) }
            plan.charts.append(chart)
            var warnings: [ValuesWarning] = []
            var index: [String: Int] = [:]
            for found in discover(description, at: path, warnings: &warnings) {
                let position = index[found.file] ?? plan.suites.count
                if position == plan.suites.count {
                    index[found.file] = position
                    plan.suites.append(WatchedSuiteFile(path: found.file, file: absolutePath(found.file), chartPath: path, selections: []))
                }
                guard case .suite(let suite) = found else { continue }
                let chartRoute = suite.chartRoute.isEmpty ? description.name : suite.chartRoute
                plan.suites[position].selections.append(
                    TemplateSelectionRule(chartRoute: chartRoute, templates: suite.templates, excludeTemplates: suite.excludeTemplates))
                let suiteDirectory = GoPath.dir(absolutePath(suite.definitionFile))
                for file in suite.valuesFiles + suite.tests.flatMap(\.valuesFiles) {
                    let resolved = file.hasPrefix("/") ? GoPath.clean(file) : GoPath.join(suiteDirectory, file)
                    if !plan.suites[position].valuesFiles.contains(resolved) { plan.suites[position].valuesFiles.append(resolved) }
                }
            }
        }
        return plan
    }

    /// `charts/<dir>` (nested as deep as they go) → the subchart's template route.
    private static func subchartRoutes(_ description: ChartDescription, directory: String, route: String) -> [String: String] {
        var routes: [String: String] = [:]
        for subchart in description.subcharts {
            let path = GoPath.join(directory, "charts", subchart.name)
            let subRoute = GoPath.join(route, "charts", subchart.name)
            routes[path] = subRoute
            routes.merge(subchartRoutes(subchart, directory: path, route: subRoute)) { a, _ in a }
        }
        return routes
    }
}

/// Whether `path` is `directory` or below it.
func isWithin(_ path: String, _ directory: String) -> Bool {
    path == directory || path.hasPrefix(directory == "/" ? "/" : directory + "/")
}
