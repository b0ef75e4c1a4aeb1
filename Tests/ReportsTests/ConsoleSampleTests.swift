import TestSupport
import Testing
import UnitTest
@testable import Reports

/// Hand-built runs whose console output, put through helm-unittest's snapshot
/// transformation, equals the outputs helm-unittest recorded.
struct ConsoleSampleTests {
    static let basic = "../../test/data/v3/basic"

    static func documentSelectorFailed() -> RunResult {
        let chart = "../../test/data/v3/with-document-select"
        let dir = chart + "/tests_failed/"
        let template = "with-document-select/templates/deployments-secondary-namespace.yaml"
        func namespaceFailure(_ doc: Int) -> [FailureLine] {
            [.field("DocumentIndex", String(doc)), .field("ValuesIndex", "0"), .field("Path", "metadata.namespace"),
             .heading("Expected to equal:"), .block("default\n"), .heading("Actual:"), .block("secondary\n"),
             .heading("Diff:"), .block("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-default\n+secondary\n")]
        }
        let many = Build.failed("every deployment should be in the default namespace", [
            Build.failure(0, "equal", [.field("Template", template)] + namespaceFailure(0) + namespaceFailure(1)),
        ])
        func multiple(_ name: String, _ index: Int) -> TestJobResult {
            Build.failed(name, index: index, [Build.failure(0, "equal", [.heading("Error:"), .text("multiple indexes found")])])
        }
        let singles = [
            multiple("deployment is in the default namespace (matchMany=false explicitly)", 0),
            multiple("deployment is in the default namespace (matchMany=false implicitly)", 1),
        ]
        let name = "Document Selector is matching many documents"
        return RunResult(charts: [ChartResult(name: "with-document-select", path: chart, suites: [
            Build.suite(name, dir + "failing_match_many_deployments_test.yaml", [many]),
            Build.suite(name, dir + "failing_match_single_deployment_test.yaml", singles),
            Build.suite(name, dir + "falling_match_single_deployment_in_each_template_test.yaml", singles),
        ])], duration: .microseconds(12_345))
    }

    static func passedBasic() -> RunResult {
        let dir = basic + "/tests/"
        let suites = [
            Build.suite("", dir + "secret_test.yaml", passing: 3),
            Build.suite("Configmap multiline Test", dir + "configmap_test.yaml", passing: 3, snapshots: 5),
            Build.suite("Custom Resource Definition Test", dir + "crd_test.yaml", passing: 3),
            Build.suite("Custom Resource Definition Test", dir + "servicemonitor_test.yaml", passing: 3),
            Build.suite("test pod disruption budget", dir + "skip_this_suite_test.yaml",
                        [Build.skipped("should be skipped")], skippedSuite: true),
            Build.suite("Minimum version lower than plugin version", dir + "minimum_version_lower_test.yaml", passing: 3),
            Build.suite("Minimum version ignored", dir + "minimum_version_skipped_test.yaml",
                        [Build.skipped("should be skipped because a reason was provided")], skippedSuite: true),
            Build.suite("Secret Test", dir + "secret_test.yaml", passing: 3),
            Build.suite("spark-operator", dir + "rbac_test.yaml", passing: 3),
            Build.suite("test deployment", dir + "deployment_test.yaml", passing: 5),
            Build.suite("test generate names in Kubernetes resources", dir + "generateNames_test.yaml", passing: 3),
            Build.suite("test ingress", dir + "ingress_test.yaml", passing: 4),
            Build.suite("Minimum version higher than plugin version", dir + "minimum_version_high_test.yaml",
                        [Build.skipped("should be skipped because minimum plugin version is too high")], skippedSuite: true),
            Build.suite("test notes", dir + "notes_test.yaml", passing: 3),
            Build.suite("test override names and fullNames in Kubernetes resources", dir + "namesOverride_test.yaml", passing: 3),
            Build.suite("test pod disruption budget", dir + "pdp_test.yaml", passing: 3),
            Build.suite("test service", dir + "service_test.yaml", passing: 2, [Build.skipped("should skip test")]),
            Build.suite("test service account", dir + "serviceaccount_test.yaml", passing: 3),
        ]
        return RunResult(charts: [ChartResult(name: "basic", path: basic, suites: suites)], duration: .milliseconds(250))
    }

    static func subchart() -> RunResult {
        let chart = "../../test/data/v3/with-subchart"
        let child = chart + "/charts/child-chart/tests/"
        let dir = chart + "/tests/"
        let suites = [
            Build.suite("test cert-manager rbac", dir + "certmanager_test.yaml", passing: 2),
            Build.suite("test chart renders with dependencies and version overrides", dir + "all-charts_test.yaml", passing: 2),
            Build.suite("test child_chart name", child + "child_chart_test.yaml", passing: 2),
            Build.suite("test deployment", child + "deployment_test.yaml", passing: 2, snapshots: 4),
            Build.suite("test deployment", dir + "deployment_test.yaml", passing: 2, snapshots: 6),
            Build.suite("test hpa", child + "hpa_test.yaml", passing: 2),
            Build.suite("test ingress", child + "ingress_test.yaml", passing: 2),
            Build.suite("test ingress", dir + "ingress_test.yaml", passing: 2),
            Build.suite("test notes", child + "notes_test.yaml", passing: 2),
            Build.suite("test notes", dir + "notes_test.yaml", passing: 2),
            Build.suite("test postgresql deployment", dir + "postgresql_deployment_test.yaml", passing: 2),
            Build.suite("test postgresql secret", dir + "postgresql_secrets_test.yaml", passing: 2),
            Build.suite("test service", child + "service_test.yaml", passing: 3),
            Build.suite("test service", dir + "service_test.yaml", passing: 3),
        ]
        return RunResult(charts: [ChartResult(name: "with-subchart", path: chart, suites: suites)],
                         duration: .nanoseconds(999_999))
    }

    static func fullSnapshot() -> RunResult {
        let chart = "../../test/data/v3/full-snapshot"
        let suite = Build.suite("Full Snapshot", chart + "/tests/full_snapshot_test.yaml", passing: 3, snapshots: 17)
        return RunResult(charts: [ChartResult(name: "full-snapshot", path: chart, suites: [suite])],
                         duration: .milliseconds(3))
    }

    static let samples: [(String, @Sendable () -> RunResult)] = [
        ("TestV3RunnerOkWithDocumentSelectorWithFailedTests", documentSelectorFailed),
        ("TestV3RunnerOkWithPassedTests", passedBasic),
        ("TestV3RunnerWithTestsInSubchart", subchart),
        ("TestV3RunnerOkWithFullsnapshot", fullSnapshot),
    ]

    @Test(arguments: samples.map(\.0))
    func handBuiltRunMatchesRecordedOutput(_ name: String) throws {
        let build = try #require(Self.samples.first { $0.0 == name }?.1)
        let output = ConsoleReport(colored: false).render(build())
        let actual = try Snapshotable.transform(output)
        let expected = try Fixtures.text("reports/console/" + name)
        #expect(actual == expected, "\(firstDifference(actual, expected))")
    }

    /// The long failure sample, parsed back into results by an independent reader
    /// of its layout, renders to itself — every title, field, heading, block,
    /// error line and blank line, plus the summary counts.
    @Test(arguments: ["TestV3RunnerOkWithFailedTests", "TestV3RunnerOkWithDocumentSelectorWithFailedTests"])
    func parsedFailureSampleRendersBack(_ name: String) throws {
        let recorded = try Fixtures.text("reports/console/" + name)
        let snapshots = name == "TestV3RunnerOkWithFailedTests" ? 2 : 0
        let run = SampleReader.read(recorded, snapshotsPassed: snapshots)
        let output = ConsoleReport(colored: false).render(run)
        #expect(try Snapshotable.transform(output) == recorded)
    }

    @Test func failedSampleCountsMatch() throws {
        let run = SampleReader.read(try Fixtures.text("reports/console/TestV3RunnerOkWithFailedTests"), snapshotsPassed: 2)
        let counts = RunCounts(run)
        #expect(counts.charts == UnitCounts(passed: 0, failed: 1))
        #expect(counts.suites == UnitCounts(passed: 0, failed: 9))
        #expect(counts.tests == UnitCounts(passed: 0, failed: 17, errored: 1))
        #expect(run.charts.first?.suites.count == 9)
    }
}

/// The first differing line of two texts, for readable failures.
func firstDifference(_ a: String, _ b: String) -> String {
    let left = a.split(separator: "\n", omittingEmptySubsequences: false)
    let right = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(left.count, right.count) {
        let l = i < left.count ? String(left[i]) : "<end>"
        let r = i < right.count ? String(right[i]) : "<end>"
        if l != r { return "line \(i + 1):\n  actual:   \(l.debugDescription)\n  expected: \(r.debugDescription)" }
    }
    return "no difference"
}
