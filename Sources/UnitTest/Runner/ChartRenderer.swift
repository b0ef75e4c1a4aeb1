import GoTemplate
import GoStd
import Diagnostics
import Helm
import Values

/// What helm-unittest needs to know about a loaded chart, without rendering it.
public struct ChartDescription: Sendable {
    /// `Chart.yaml` name.
    public var name: String
    /// The chart's own `values.yaml` as Helm reads it (for subchart conditions).
    public var defaultValues: GoMap
    /// The `dependencies:` entries of `Chart.yaml`.
    public var dependencies: [DependencyDeclaration]
    /// The charts found under `charts/` (loaded, before conditions are applied).
    public var subcharts: [ChartDescription]
    /// `crds/` files of this chart and its subcharts, as `<chart>/crds/<file>` with their text.
    public var crds: [(path: String, text: String)]

    public init(name: String, defaultValues: GoMap = GoMap(), dependencies: [DependencyDeclaration] = [],
                subcharts: [ChartDescription] = [], crds: [(path: String, text: String)] = []) {
        self.name = name
        self.defaultValues = defaultValues
        self.dependencies = dependencies
        self.subcharts = subcharts
        self.crds = crds
    }
}

/// One `dependencies:` entry of `Chart.yaml`.
public struct DependencyDeclaration: Sendable, Hashable {
    public var name: String
    public var alias: String
    public var condition: String
    public var tags: [String]

    public init(name: String, alias: String = "", condition: String = "", tags: [String] = []) {
        self.name = name
        self.alias = alias
        self.condition = condition
        self.tags = tags
    }
}

/// The Helm v3 (helm-unittest) release options of a render.
public struct ReleaseOptions: Sendable, Hashable {
    public var name: String
    public var namespace: String
    public var revision: Int
    public var isInstall: Bool
    public var isUpgrade: Bool
}

/// Everything one test job asks the engine to render.
public struct RenderRequest: Sendable {
    /// The user values, already read back through Helm's `ReadValues`.
    public var values: GoMap
    public var release: ReleaseOptions
    /// `.Capabilities.KubeVersion` parts (defaults `1` and `20`).
    public var kubeMajor: String
    public var kubeMinor: String
    /// `.Capabilities.APIVersions`: exactly this list.
    public var apiVersions: [String]
    /// `chart.version` / `chart.appVersion` overrides for the chart and all
    /// its dependencies; "" keeps the chart's own.
    public var chartVersion: String
    public var appVersion: String
    /// Which templates are parsed and rendered.
    public var templates: TemplateFilter
    /// Objects the fake cluster of `lookup` serves (none: lookup gives empty maps).
    public var kubernetesProvider: KubernetesProvider
    public var skipSchemaValidation: Bool
    /// Where the render counts template coverage (nil: it does not).
    public var coverage: CoverageRecorder?
}

/// A failed render: the error (its message Helm v3.20's text) and the stage it stopped in.
public struct RenderFailure: Error, Sendable, Hashable {
    /// Where it failed: before the engine ran (values, dependencies,
    /// schema), or while parsing or executing templates.
    public enum Stage: Sendable, Hashable { case preRender, engine }
    public var stage: Stage
    public var error: LocatedError

    public init(stage: Stage, error: LocatedError) {
        self.stage = stage
        self.error = error
    }
}

/// The Helm engine as helm-unittest drives it. The Helm target implements
/// this; tests use in-memory fakes.
///
/// `render` processes dependencies (conditions, tags, import-values) with
/// the request's values, coalesces them with the chart defaults, validates
/// the schema unless told not to, applies the `chart:` overrides and renders
/// every template `request.templates` includes, using Helm v3.20 semantics
/// (`.Chart` a struct, KubeVersion from the request, release revision as given).
public protocol ChartRenderer: Sendable {
    /// A loaded chart, shared read-only by all suites.
    associatedtype Chart: Sendable
    /// Loads the chart directory or archive at `path`; the error's message is printed as is.
    func loadChart(at path: String) throws(LocatedError) -> Chart
    func describe(_ chart: Chart) -> ChartDescription
    /// Renders: file path (`<chart>/templates/x.yaml`, `<chart>/charts/<sub>/templates/y.yaml`) → text.
    /// What Helm logs while it layers the values is appended to `warnings`.
    func render(_ chart: Chart, _ request: RenderRequest,
                warnings: inout [ValuesWarning]) -> Result<[String: GoString], RenderFailure>
    /// Renders the `--chart-tests-path` chart at `path` with its own values
    /// (release `TEST-SUITE-RELEASE`, revision 1): its name and path → text.
    func renderSuiteChart(at path: String) throws(LocatedError) -> (name: String, files: [String: GoString])
    /// The template coverage of the chart's template files `filter` keeps,
    /// with the counts its renders recorded; `chartPath` is the path the run
    /// was given.
    func coverage(of chart: Chart, counts: CoverageRecorder, chartPath: String, filter: CoverageFilter) -> [FileCoverage]
}
