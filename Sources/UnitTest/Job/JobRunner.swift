import Foundation
import GoRegexp
import GoStd
import Values

/// Settings shared by every job of a run.
struct RunSettings: Sendable {
    var failFast: Bool
    var skipSchemaValidation: Bool
    var renderOutputDirectory: String
    var readFile: @Sendable (String) throws -> String
}

/// A test job with the suite's settings folded in (helm-unittest's
/// `polish*` steps, `cmp.Or` semantics).
struct EffectiveJob {
    let job: TestJob
    let suite: TestSuite

    var release: ReleaseSettings {
        ReleaseSettings(name: job.release.name.isEmpty ? suite.release.name : job.release.name,
                        namespace: job.release.namespace.isEmpty ? suite.release.namespace : job.release.namespace,
                        revision: job.release.revision != 0 ? job.release.revision : suite.release.revision,
                        isUpgrade: job.release.isUpgrade || suite.release.isUpgrade)
    }

    var chart: ChartOverrides {
        ChartOverrides(version: job.chart.version.isEmpty ? suite.chart.version : job.chart.version,
                       appVersion: job.chart.appVersion.isEmpty ? suite.chart.appVersion : job.chart.appVersion)
    }

    var kubeMajor: String {
        let v = job.capabilities.majorVersion.isEmpty ? suite.capabilities.majorVersion : job.capabilities.majorVersion
        return v.isEmpty ? "1" : v
    }

    var kubeMinor: String {
        let v = job.capabilities.minorVersion.isEmpty ? suite.capabilities.minorVersion : job.capabilities.minorVersion
        return v.isEmpty ? "20" : v
    }

    var apiVersions: [String] {
        switch job.capabilities.apiVersions {
        case .absent: return suite.capabilities.apiVersions
        case .null: return []
        case .list(let own): return own + suite.capabilities.apiVersions
        }
    }

    var kubernetesProvider: KubernetesProvider {
        var scheme = job.kubernetesProvider.scheme
        for (key, kind) in suite.kubernetesProvider.scheme { scheme[key] = kind }
        return KubernetesProvider(scheme: scheme, objects: job.kubernetesProvider.objects + suite.kubernetesProvider.objects)
    }

    var skipReason: String { suite.skip.reason.isEmpty ? job.skipReason : suite.skip.reason }

    var valuesFiles: [String] { suite.valuesFiles + job.valuesFiles }

    /// Whether every assertion needs a successful render (no `failedTemplate`).
    var requiresRenderSuccess: Bool { job.asserts.allSatisfy(\.kind.expectRenderSuccess) }
}

extension EffectiveJob {
    /// Runs the job against `chart`: values, render, documents, assertions.
    func run<R: ChartRenderer>(index: Int, renderer: R, chart: R.Chart, description: ChartDescription,
                               cache: SnapshotCache?, settings: RunSettings) -> TestJobResult {
        let start = ContinuousClock.now
        var result = TestJobResult(displayName: job.name, index: index, passed: false)
        defer { result.duration = ContinuousClock.now - start }
        let chartRoute = suite.chartRoute.isEmpty ? description.name : suite.chartRoute

        // Values.
        let values: GoMap
        do throws(JobError) {
            let merged = try JobValues(readFile: settings.readFile)
                .merged(valuesFiles: valuesFiles, suiteSet: suite.set, jobSet: job.set,
                        definitionFile: suite.definitionFile, chartRoute: chartRoute)
            values = try JobValues.helmValues(merged)
        } catch {
            result.executionError = error.message
            return result
        }

        // Render.
        var defaultTemplates = suite.templates
        var outputs: [String: String] = [:]
        var renderSucceeded = true
        var renderError: String?
        let release = self.release
        let overrides = self.chart
        if !release.name.isEmpty, let problem = validateReleaseName(release.name) {
            renderSucceeded = false
            renderError = problem
        } else {
            if defaultTemplates.isEmpty { defaultTemplates = ["**"] }
            let request = RenderRequest(
                values: values,
                release: ReleaseOptions(name: release.name.isEmpty ? "RELEASE-NAME" : release.name,
                                        namespace: release.namespace.isEmpty ? "NAMESPACE" : release.namespace,
                                        revision: release.revision, isInstall: !release.isUpgrade, isUpgrade: release.isUpgrade),
                kubeMajor: kubeMajor, kubeMinor: kubeMinor, apiVersions: apiVersions,
                chartVersion: overrides.version, appVersion: overrides.appVersion,
                templates: TemplateFilter(chartRoute: chartRoute, templates: defaultTemplates, excludeTemplates: suite.excludeTemplates),
                kubernetesProvider: kubernetesProvider, skipSchemaValidation: settings.skipSchemaValidation)
            switch renderer.render(chart, request) {
            case .success(let files):
                outputs = files
            case .failure(let failure):
                renderSucceeded = false
                if failure.stage == .preRender {
                    defaultTemplates = suite.templates
                    renderError = failure.message
                } else if requiresRenderSuccess {
                    renderError = failure.message
                } else if let (file, raw) = Documents.splitRenderError(failure.message) {
                    let document = snapshotYAML(.map(GoMap(["raw": .string(raw)])))
                    if GoPath.base(file).hasPrefix("_") {
                        for name in defaultTemplates { outputs[GoPath.join(chartRoute, templateFileName(name))] = document }
                    } else {
                        outputs[file] = document
                    }
                } else {
                    renderError = failure.message
                }
            }
        }
        if let renderError { result.executionError = renderError }
        if !settings.renderOutputDirectory.isEmpty {
            do throws(JobError) {
                try writeRenderedOutput(outputs, to: settings.renderOutputDirectory)
            } catch {
                result.executionError = error.message
                return result
            }
        }

        // Post-render: the test's command, else the suite's.
        let postRenderer = job.postRenderer.command.isEmpty ? suite.postRenderer : job.postRenderer
        let didPostRender = !postRenderer.command.isEmpty
        let renderedOutputs = outputs
        if didPostRender {
            do throws(JobError) {
                outputs = try PostRenderer(command: postRenderer.command, arguments: postRenderer.arguments).run(outputs)
            } catch {
                result.executionError = error.message
                return result
            }
        }

        // Documents.
        let documents: [String: [Value]]
        do throws(JobError) {
            documents = try Documents.parse(outputs: outputs, chartName: description.name, renderSucceeded: renderSucceeded,
                                            crds: suite.includeCrds ? description.crds : [])
        } catch {
            result.executionError = error.message
            return result
        }

        // Assertions.
        let env = AssertionEnvironment(
            documents: documents, renderSucceeded: renderSucceeded, renderError: renderError, failFast: settings.failFast,
            skipEmptyTemplates: job.documentSelector?.skipEmptyTemplates ?? false,
            snapshots: cache.map { SnapshotComparer(cache: $0, test: job.name) })
        var passed = false
        for (position, assertion) in job.asserts.enumerated() {
            var templates = templatesToAssert(assertion, defaultTemplates: defaultTemplates, outputs: renderedOutputs,
                                              chartRoute: chartRoute, description: description)
            // `computeTemplatesWithPostRender`: a post-renderer that dropped the
            // file markers leaves one `manifest.yaml`, which every assertion reads.
            if didPostRender, documents.count == 1, let only = documents.keys.first, only.hasSuffix("manifest.yaml") {
                templates = [only]
            }
            let outcome = assertion.evaluate(index: position, templates: templates,
                                             documentIndex: job.documentIndex ?? assertion.documentIndex,
                                             selector: assertion.documentSelector ?? job.documentSelector, in: env)
            result.assertions.append(outcome)
            if outcome.skipped { passed = true }
            passed = accumulate(position, passed, outcome.passed)
            if !passed && settings.failFast { break }
        }
        result.passed = passed
        if !result.assertions.isEmpty && result.assertions.allSatisfy(\.skipped) { result.skipped = true }
        return result
    }

    /// `determineTemplatesToAssert` + `prefixTemplatesToAssert`.
    private func templatesToAssert(_ assertion: Assertion, defaultTemplates: [String], outputs: [String: String],
                                   chartRoute: String, description: ChartDescription) -> [String] {
        let names: [String]
        if !assertion.template.isEmpty {
            names = [assertion.template]
        } else if !job.templates.isEmpty {
            names = job.templates
        } else if !job.template.isEmpty {
            names = [job.template]
        } else if defaultTemplates.contains(where: { $0.contains("*") }) {
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

/// `writeRenderedOutput`: every rendered file under `directory`.
private func writeRenderedOutput(_ outputs: [String: String], to directory: String) throws(JobError) {
    for (file, text) in outputs {
        let path = GoPath.join(directory, file)
        do {
            try FileManager.default.createDirectory(atPath: GoPath.dir(path), withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            throw JobError(message: "open \(path): \(error.localizedDescription)")
        }
    }
}

/// Helm v3's `ValidateReleaseName`; the error text or nil.
func validateReleaseName(_ name: String) -> String? {
    let pattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
    let valid = name.utf8.count <= 53 && (releaseNamePattern?.matches(name) ?? false)
    return valid ? nil : "invalid release name, must match regex \(pattern) and the length must not be longer than 53"
}
