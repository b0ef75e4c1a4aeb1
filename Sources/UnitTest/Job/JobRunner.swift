import GoTemplate
import Diagnostics
import Foundation
import GoRegexp
import GoStd
import Helm
import Values

/// What rendering left for the later steps of a job.
struct RenderOutcome {
    /// The rendered files (after a failed render: error documents, maybe).
    var outputs: [String: GoString] = [:]
    var succeeded = true
    /// The render error a job reports (failedTemplate compares with it).
    var error: LocatedError?
    /// The suite's templates, `**` when it names none and the render got as
    /// far as the engine.
    var defaultTemplates: [String]
}

extension EffectiveJob {
    /// helm-unittest's `TestJob.RunV3` against `chart`: user values, render,
    /// write the output (`-d`), post-render, documents, assertions. An error
    /// of any step stops the job as its execution error; a render error is
    /// recorded and the job goes on, so `failedTemplate` can match it.
    /// The result carries the job's wall time.
    func run<R: ChartRenderer>(index: Int, position: RunPosition, kubeVersion: KubeVersion, renderer: R, chart: R.Chart,
                               description: ChartDescription, cache: SnapshotCache?, settings: RunSettings) -> TestJobResult {
        let start = ContinuousClock.now
        var result = execute(index: index, position: position, kubeVersion: kubeVersion, renderer: renderer, chart: chart,
                             description: description, cache: cache, settings: settings)
        result.duration = ContinuousClock.now - start
        return result
    }

    private func execute<R: ChartRenderer>(index: Int, position: RunPosition, kubeVersion: KubeVersion, renderer: R, chart: R.Chart,
                                           description: ChartDescription, cache: SnapshotCache?, settings: RunSettings) -> TestJobResult {
        var result = TestJobResult(displayName: job.name, index: index, passed: false, location: job.location)
        let chartRoute = suite.chartRoute.isEmpty ? description.name : suite.chartRoute
        do throws(LocatedError) {
            let values = try userValues(chartRoute: chartRoute, settings: settings, warnings: &result.warnings)
            let render = renderV3Chart(values, kubeVersion: kubeVersion, renderer: renderer, chart: chart,
                                       chartRoute: chartRoute, settings: settings, warnings: &result.warnings)
            try settings.renderOutput?.write(render.outputs, at: position)
            result.executionError = render.error
            let (postRendered, didPostRender) = try postRender(render.outputs, settings: settings)
            let documents = try Documents.parse(outputs: postRendered, chartName: description.name,
                                                renderSucceeded: render.succeeded,
                                                crds: suite.includeCrds ? description.crds : [],
                                                cache: settings.parsedDocuments)
            (result.passed, result.assertions) = runAssertions(
                documents: documents, render: render, didPostRender: didPostRender, chartRoute: chartRoute,
                description: description, cache: cache, settings: settings)
        } catch {
            result.executionError = error
            return result
        }
        if !result.assertions.isEmpty && result.assertions.allSatisfy(\.skipped) { result.skipped = true }
        return result
    }

    /// Whether the job gets as far as helm-unittest's `capabilitiesV3`: its
    /// values build and its release name is valid.
    func reachesRender(chartRoute: String, settings: RunSettings) -> Bool {
        if !release.name.isEmpty && validateReleaseName(release.name) != nil { return false }
        var ignored: [ValuesWarning] = []
        return (try? userValues(chartRoute: chartRoute, settings: settings, warnings: &ignored)) != nil
    }

    /// `getUserValues`: the merged values files and `set:`s, as Helm reads
    /// them back; what Helm's `MergeTables` logs goes to `warnings`.
    private func userValues(chartRoute: String, settings: RunSettings,
                            warnings: inout [ValuesWarning]) throws(LocatedError) -> GoMap {
        let merged = try JobValues(readFile: settings.readFile)
            .merged(valuesFiles: valuesFiles, suiteSet: suite.set, jobSet: job.set,
                    definitionFile: suite.definitionFile, chartRoute: chartRoute, warnings: &warnings)
        return try JobValues.helmValues(merged)
    }

    /// `renderV3Chart`: the release checked, then the chart rendered with
    /// the job's release, capabilities, chart overrides and templates.
    private func renderV3Chart<R: ChartRenderer>(_ values: GoMap, kubeVersion: KubeVersion, renderer: R, chart: R.Chart,
                                                 chartRoute: String, settings: RunSettings,
                                                 warnings: inout [ValuesWarning]) -> RenderOutcome {
        let release = self.release
        if !release.name.isEmpty, let problem = validateReleaseName(release.name) {
            return RenderOutcome(succeeded: false, error: problem, defaultTemplates: suite.templates)
        }
        let defaultTemplates = suite.templates.isEmpty ? ["**"] : suite.templates
        let overrides = self.chart
        let request = RenderRequest(
            values: values,
            release: ReleaseOptions(name: release.name.isEmpty ? "RELEASE-NAME" : release.name,
                                    namespace: release.namespace.isEmpty ? "NAMESPACE" : release.namespace,
                                    revision: release.revision, isInstall: !release.isUpgrade, isUpgrade: release.isUpgrade),
            kubeMajor: kubeVersion.major, kubeMinor: kubeVersion.minor, apiVersions: apiVersions,
            chartVersion: overrides.version, appVersion: overrides.appVersion,
            templates: TemplateFilter(chartRoute: chartRoute, templates: defaultTemplates, excludeTemplates: suite.excludeTemplates),
            kubernetesProvider: kubernetesProvider, skipSchemaValidation: settings.skipSchemaValidation,
            coverage: settings.coverage.map { _ in CoverageRecorder() })
        // A failing job still counts what it executed.
        defer { if let counts = request.coverage { settings.coverage?.add(counts) } }
        switch renderer.render(chart, request, warnings: &warnings) {
        case .success(let files):
            return RenderOutcome(outputs: files, defaultTemplates: defaultTemplates)
        case .failure(let failure):
            if failure.stage == .preRender {
                return RenderOutcome(succeeded: false, error: failure.error, defaultTemplates: suite.templates)
            }
            return translateErrorToOutputFiles(failure.error, defaultTemplates: defaultTemplates, chartRoute: chartRoute)
        }
    }

    /// `translateErrorToOutputFiles`: when a `failedTemplate` assertion may
    /// read it, the render error becomes a `{raw: message}` document of the
    /// failing template (of every default template, when a partial failed);
    /// otherwise, or when helm-unittest cannot parse the text, it stays the
    /// job's error.
    private func translateErrorToOutputFiles(_ error: LocatedError, defaultTemplates: [String],
                                             chartRoute: String) -> RenderOutcome {
        var outcome = RenderOutcome(succeeded: false, defaultTemplates: defaultTemplates)
        guard !requiresRenderSuccess, let (file, raw) = Documents.parseRenderError(error.message) else {
            outcome.error = error
            return outcome
        }
        let document = GoString(snapshotYAML(.map(GoMap(["raw": .string(raw)]))))
        if GoPath.baseHasPrefix(file, "_") {
            for name in defaultTemplates { outcome.outputs[GoPath.join(chartRoute, templateFileName(name))] = document }
        } else {
            outcome.outputs[file] = document
        }
        return outcome
    }

    /// `postRender`: the test's command, else the suite's, over the rendered
    /// files; the files and whether a command ran.
    private func postRender(_ outputs: [String: GoString],
                            settings: RunSettings) throws(LocatedError) -> (files: [String: GoString], didPostRender: Bool) {
        let config = job.postRenderer.command.isEmpty ? suite.postRenderer : job.postRenderer
        guard !config.command.isEmpty else { return (outputs, false) }
        let postRenderer = PostRenderer(command: config.command, arguments: config.arguments,
                                        searchPath: settings.executableSearchPath)
        return (try postRenderer.run(outputs), true)
    }

    /// `runAssertions`: every assertion over its templates' documents, the
    /// results ANDed in order (a skipped assertion counts as passed), fail-fast
    /// stopping at the first failure.
    private func runAssertions(documents: [String: [Value]], render: RenderOutcome, didPostRender: Bool,
                               chartRoute: String, description: ChartDescription, cache: SnapshotCache?,
                               settings: RunSettings) -> (passed: Bool, results: [AssertionResult]) {
        let env = AssertionEnvironment(
            documents: documents, renderSucceeded: render.succeeded, renderError: render.error?.message,
            failFast: settings.failFast, skipEmptyTemplates: job.documentSelector?.skipEmptyTemplates ?? false,
            snapshots: cache.map { SnapshotComparer(cache: $0, test: job.name) }, queries: settings.queries)
        var passed = false
        var results: [AssertionResult] = []
        for (position, assertion) in job.asserts.enumerated() {
            var templates = templatesToAssert(assertion, defaultTemplates: render.defaultTemplates, outputs: render.outputs,
                                              chartRoute: chartRoute, description: description)
            // `computeTemplatesWithPostRender`: a post-renderer that dropped the
            // file markers leaves one `manifest.yaml`, which every assertion reads.
            if didPostRender, documents.count == 1, let only = documents.keys.first, only.hasSuffix("manifest.yaml") {
                templates = [only]
            }
            let outcome = assertion.evaluate(index: position, templates: templates,
                                             documentIndex: job.documentIndex ?? assertion.documentIndex,
                                             selector: assertion.documentSelector ?? job.documentSelector, in: env)
            results.append(outcome)
            if outcome.skipped { passed = true }
            passed = accumulate(position, passed, outcome.passed)
            if !passed && settings.failFast { break }
        }
        return (passed, results)
    }

    /// `determineTemplatesToAssert` + `prefixTemplatesToAssert`.
    private func templatesToAssert(_ assertion: Assertion, defaultTemplates: [String], outputs: [String: GoString],
                                   chartRoute: String, description: ChartDescription) -> [String] {
        let names: [String]
        if !assertion.template.isEmpty {
            names = [assertion.template]
        } else if !job.templates.isEmpty {
            names = job.templates
        } else if !job.template.isEmpty {
            names = [job.template]
        } else if defaultTemplates.contains(where: { $0.utf8.contains(UInt8(ascii: "*")) }) {
            var all = outputs.keys.sorted(by: goLess)
            if suite.includeCrds { all += description.crds.map(\.path) }
            return all
        } else {
            names = defaultTemplates
        }
        return names.map { GoPath.join(chartRoute, templateFileName($0)) }
    }
}

private let releaseNamePattern: GoRegexp? = try? GoRegexp(#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#)

/// Helm v3's `ValidateReleaseName`; the error or nil.
func validateReleaseName(_ name: String) -> LocatedError? {
    let pattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
    let valid = name.utf8.count <= 53 && (releaseNamePattern?.matches(name) ?? false)
    return valid ? nil : LocatedError(
        .releaseName, "invalid release name, must match regex \(pattern) and the length must not be longer than 53")
}
