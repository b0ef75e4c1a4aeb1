import Foundation
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
        // The values and the diff inputs: Reports writes their YAML and the diff.
        func namespaceFailure(_ doc: Int) -> Problem {
            Problem(.expectation(FailedExpectation(.equal, negated: false, path: "metadata.namespace", expected: .yaml(.string("default")),
                                             actual: .yaml(.string("secondary")), showsDiff: true)), document: doc, value: 0)
        }
        let many = Build.failed("every deployment should be in the default namespace", [
            Build.failure(0, "equal", Build.problems(template, namespaceFailure(0), namespaceFailure(1))),
        ])
        func multiple(_ name: String, _ index: Int) -> TestJobResult {
            Build.failed(name, index: index, [Build.failure(0, "equal", Build.problems(nil, Problem(.selection("multiple indexes found"))))])
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

    /// helm-unittest's own failing suites through chartunit's runner and
    /// validators (failures as data) and this module's layout: the console
    /// output equals helm-unittest's recording failure for failure — every
    /// title, field, heading, value's YAML, diff, error line, blank line and count —
    /// once chartunit's own place lines are taken out: one `at FILE:LINE:COL`
    /// in the suite file under every failed assertion, `test at …` after every
    /// test error, and the source lines the errors quote.
    @Test(.enabled(if: Fixtures.hasConformance), arguments: [
        ("TestV3RunnerOkWithFailedTests", "basic"),
        ("TestV3RunnerOkWithDocumentSelectorWithFailedTests", "with-document-select"),
    ])
    func failingSuitesRenderAsRecorded(_ name: String, _ chart: String) async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("test/data/v3/\(chart)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.conformance.appendingPathComponent("data/v3/\(chart)"), to: copy)
        let options = TestRunOptions(testFiles: ["tests_failed/*_test.yaml"])
        var run = await TestRunner(renderer: HelmChartRenderer(), options: options).run(chartPaths: [copy.path])
        run.duration = .milliseconds(1)  // a loaded machine's minutes would escape the recording's time mask
        let output = ConsoleReport(colored: false).render(run)
            .replacingOccurrences(of: scratch.path + "/test/", with: "../../test/")
        let lines = output.components(separatedBy: "\n")
        let places = lines.filter { $0.hasPrefix("\t\t\tat ../../test/data/v3/\(chart)/tests_failed/") }
        let failedAssertions = run.charts.flatMap(\.suites).flatMap(\.tests).filter { !$0.passed && $0.executionError == nil }
            .flatMap(\.assertions).filter { !$0.passed }
        #expect(places.count == failedAssertions.count && !places.isEmpty)
        // A test that could not run ends with the test's place, and its error quotes the source line.
        let testPlaces = lines.filter { $0.hasPrefix("\t\ttest at ../../test/data/v3/\(chart)/tests_failed/") }
        #expect(testPlaces.count == run.charts.flatMap(\.suites).flatMap(\.tests).filter { $0.executionError != nil }.count)
        let quoted = try Regex(#"^\t+ +(\d+)? \| "#)
        let helmUnittestLines = lines.filter { line in
            !places.contains(line) && !testPlaces.contains(line) && line.firstMatch(of: quoted) == nil
        }.joined(separator: "\n")
        let expected = try Fixtures.text("reports/console/" + name)
        let actual = try Snapshotable.transform(helmUnittestLines)
        #expect(actual == expected, "\(firstDifference(actual, expected))")
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
