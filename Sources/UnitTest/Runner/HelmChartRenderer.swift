import GoTemplate
import Diagnostics
import GoStd
import Helm
import Values

/// The ``ChartRenderer`` over the in-process Helm engine, driven the way
/// helm-unittest drives Helm v3.20 (`renderV3Chart`): dependencies and
/// values processed per job, the schema checked unless skipped, the
/// `chart:` overrides applied, and only the suite's selected templates
/// (plus every partial) in the rendered chart.
public struct HelmChartRenderer: ChartRenderer {
    /// A loaded chart and the one engine that renders it for the whole run,
    /// so every template set is parsed once and reused by every job.
    public final class LoadedChart: Sendable {
        public let chart: Chart
        let engine: HelmEngine
        /// Renders of this chart that jobs with the same inputs reuse.
        let renders = RenderMemo()
        /// The templates a selection keeps of the chart at a path of the
        /// tree: the same for every job of a suite.
        let selectedTemplates = Memo<SelectedTemplatesKey, [ChartFile], Never>(capacity: .max)

        init(chart: Chart, helm: HelmVersion) {
            self.chart = chart
            self.engine = HelmEngine(chart: chart, helm: helm)
        }
    }

    /// The Helm dialect templates render with (helm-unittest embeds v3).
    public let helm: HelmVersion

    /// A renderer for `helm` (`.v3` to match helm-unittest).
    public init(helm: HelmVersion = .v3) {
        self.helm = helm
    }

    public func loadChart(at path: String) throws(LocatedError) -> LoadedChart {
        LoadedChart(chart: try ChartLoader(helm: helm).load(path: path), helm: helm)
    }

    public func describe(_ chart: LoadedChart) -> ChartDescription {
        Self.describe(chart.chart, fullPath: chart.chart.name)
    }

    private static func describe(_ chart: Chart, fullPath: String) -> ChartDescription {
        let declared = (chart.metadata.dependencies ?? []).compactMap { $0 }.map {
            DependencyDeclaration(name: $0.name, alias: $0.alias, condition: $0.condition, tags: $0.tags ?? [])
        }
        return ChartDescription(
            name: chart.name, defaultValues: chart.defaultValues, dependencies: declared,
            subcharts: chart.dependencies.map { describe($0, fullPath: fullPath + "/charts/" + $0.name) },
            crds: crdObjects(chart, fullPath: fullPath))
    }

    /// Helm v3's `Chart.CRDObjects`: `crds/` manifests of the chart, then of its dependencies.
    private static func crdObjects(_ chart: Chart, fullPath: String) -> [(path: String, text: String)] {
        var out: [(path: String, text: String)] = []
        for file in chart.files where file.name.hasPrefix("crds/") {
            let ext = GoPath.ext(file.name)
            guard ext == ".yaml" || ext == ".yml" || ext == ".json" else { continue }
            out.append((fullPath + "/" + file.name, file.text))
        }
        for dependency in chart.dependencies {
            out += crdObjects(dependency, fullPath: fullPath + "/charts/" + dependency.name)
        }
        return out
    }

    public func render(_ chart: LoadedChart, _ request: RenderRequest,
                       warnings: inout [ValuesWarning]) -> Result<[String: GoString], RenderFailure> {
        guard let key = RenderKey(request) else {
            return render(chart, request, warnings: &warnings).result
        }
        if let entry = chart.renders.entry(key) {
            warnings += entry.warnings
            return entry.result
        }
        var logged: [ValuesWarning] = []
        let (result, repeatable) = render(chart, request, warnings: &logged)
        warnings += logged
        if repeatable { chart.renders.remember(key, RenderMemo.Entry(result: result, warnings: logged)) }
        return result
    }

    /// Renders `request`; `repeatable` tells whether the same inputs give
    /// the same result (pre-render failures, and renders that read neither
    /// the clock nor randomness).
    private func render(_ chart: LoadedChart, _ request: RenderRequest,
                        warnings: inout [ValuesWarning]) -> (result: Result<[String: GoString], RenderFailure>, repeatable: Bool) {
        var processed: ProcessedChart
        do {
            processed = try chart.engine.prepare(userValues: request.values, validatingSchema: !request.skipSchemaValidation,
                                                 warnings: &warnings)
        } catch {
            return (.failure(RenderFailure(stage: .preRender, error: error)), true)
        }
        // `ModifyChartMetadata`: the chart and its direct dependencies.
        Self.override(&processed, version: request.chartVersion, appVersion: request.appVersion, depth: 1)
        Self.filterTemplates(&processed, request.templates, memo: chart.selectedTemplates)

        let release = ReleaseInfo(name: request.release.name, namespace: request.release.namespace,
                                  revision: request.release.revision, isInstall: request.release.isInstall,
                                  isUpgrade: request.release.isUpgrade)
        var capabilities = CapabilitiesInfo.defaults(helm)
        capabilities.kubeVersion = KubeVersionInfo(version: "v\(request.kubeMajor).\(request.kubeMinor).0",
                                                   major: request.kubeMajor, minor: request.kubeMinor)
        capabilities.apiVersions = request.apiVersions
        let options = RenderOptions(helm: helm, release: release, capabilities: capabilities,
                                    lookup: LookupSource(objects: request.kubernetesProvider.objects,
                                                         scheme: request.kubernetesProvider.scheme.mapValues {
                                                             LookupResource(group: $0.group, version: $0.version,
                                                                            resource: $0.resource, namespaced: $0.namespaced)
                                                         }),
                                    skipSchemaValidation: true, coverage: request.coverage)
        do {
            let rendered = try chart.engine.renderFiles(processed, options: options)
            return (.success(rendered.files), !rendered.readClockOrRandomness)
        } catch {
            return (.failure(RenderFailure(stage: .engine, error: error)), false)
        }
    }

    public func coverage(of chart: LoadedChart, counts: CoverageRecorder, chartPath: String, filter: CoverageFilter) -> [FileCoverage] {
        let defines = DefineIndex(counts)
        return chart.engine.coverageFiles()
            .filter { filter.keeps($0.chartRelativePath, fromArchive: $0.fromArchive) }
            .map { FileCoverage($0, counts: counts, defines: defines, chartPath: chartPath) }
    }

    public func renderSuiteChart(at path: String) throws(LocatedError) -> (name: String, files: [String: GoString]) {
        let chart = try ChartLoader(helm: helm).load(path: path)
        let processed = try ValuesLayering.prepare(chart: chart, userValues: GoMap(), helm: helm)
        let release = ReleaseInfo(name: "TEST-SUITE-RELEASE", namespace: "NAMESPACE", revision: 1,
                                  isInstall: false, isUpgrade: false)
        let options = RenderOptions(helm: helm, release: release, skipSchemaValidation: true)
        return (chart.name, try HelmEngine(chart: chart, helm: helm).render(processed, options: options))
    }

    private static func override(_ chart: inout ProcessedChart, version: String, appVersion: String, depth: Int) {
        if !version.isEmpty { chart.chart.metadata.version = version }
        if !appVersion.isEmpty { chart.chart.metadata.appVersion = appVersion }
        guard depth > 0 else { return }
        for i in chart.subcharts.indices {
            override(&chart.subcharts[i], version: version, appVersion: appVersion, depth: depth - 1)
        }
    }

    /// `CopyV3Chart`/`filterV3Templates`: the selected templates, minus the
    /// excluded ones, plus every partial, in every chart of the tree. The
    /// other templates are not parsed at all, as in helm-unittest.
    private static func filterTemplates(_ chart: inout ProcessedChart, _ filter: TemplateFilter,
                                        memo: Memo<SelectedTemplatesKey, [ChartFile], Never>) {
        let templates = chart.chart.templates
        let prefix = chart.path + "/"
        chart.chart.templates = memo.value(for: SelectedTemplatesKey(selection: filter.selection, chartPath: chart.path)) { _ in
            templates.filter { filter.includes(templatePath: prefix + $0.name) }
        }
        for i in chart.subcharts.indices { filterTemplates(&chart.subcharts[i], filter, memo: memo) }
    }

    /// A template selection and the path of a chart in the rendered tree.
    struct SelectedTemplatesKey: Hashable, Sendable {
        let selection: [String]
        let chartPath: String
    }
}
