import Diagnostics
import Values

/// Settings shared by every job of a run.
struct RunSettings: Sendable {
    var failFast: Bool
    var skipSchemaValidation: Bool
    /// `-d`: where rendered files go, if anywhere.
    var renderOutput: RenderOutputWriter?
    /// The `PATH` post-renderer commands are looked up in.
    var executableSearchPath: String
    var readFile: @Sendable (String) throws(LocatedError) -> [UInt8]
    /// Where the chart's template coverage is counted (`--coverage`).
    var coverage: CoverageAccumulator?
    /// The rendered files' documents seen so far by the chart's jobs.
    var parsedDocuments = ParsedDocuments()
    /// Query trees of those documents, and compiled paths.
    var queries = DocumentQueries()
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

    /// The job's `majorVersion`, else its suite's ("" when neither sets one).
    var ownKubeMajor: String {
        job.capabilities.majorVersion.isEmpty ? suite.capabilities.majorVersion : job.capabilities.majorVersion
    }

    /// The job's `minorVersion`, else its suite's.
    var ownKubeMinor: String {
        job.capabilities.minorVersion.isEmpty ? suite.capabilities.minorVersion : job.capabilities.minorVersion
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
