import GoStd
import Diagnostics
import Foundation
import GoTemplate
import Helm
import Testing
@testable import UnitTest
import Values

/// A renderer that returns fixed files, or fails with a fixed message;
/// the charts it loads are registered in `loaded`, if given.
struct FakeRenderer: ChartRenderer {
    var files: [String: String]
    var failure: RenderFailure?
    var loaded: LoadedCharts?

    func loadChart(at path: String) throws(LocatedError) -> TrackedChart {
        let chart = TrackedChart(path: path)
        loaded?.add(chart)
        return chart
    }
    func renderSuiteChart(at path: String) throws(LocatedError) -> (name: String, files: [String: GoString]) {
        throw LocatedError(.fileAccess, "no tests chart in this fake")
    }
    func describe(_ chart: TrackedChart) -> ChartDescription { ChartDescription(name: "c") }
    func coverage(of chart: TrackedChart, counts: CoverageRecorder, chartPath: String, filter: CoverageFilter) -> [FileCoverage] { [] }
    func render(_ chart: TrackedChart, _ request: RenderRequest,
                warnings: inout [ValuesWarning]) -> Result<[String: GoString], RenderFailure> {
        if let failure { return .failure(failure) }
        let replicas = request.values.entries["replicas"].map(GoFmt.format) ?? "1"
        var out: [String: GoString] = [:]
        for (path, text) in files where request.templates.includes(templatePath: path) {
            out[path] = GoString(text.replacingOccurrences(of: "REPLICAS", with: replicas)
                .replacingOccurrences(of: "RELEASE", with: request.release.name))
        }
        return .success(out)
    }
}

@Suite struct RunnerTests {
    static func chart(_ suite: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try suite.write(to: dir.appendingPathComponent("tests/a_test.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test func runsSuitesAgainstTheRenderer() async throws {
        let path = try Self.chart("""
        suite: s
        templates: [deployment.yaml]
        tests:
          - it: defaults
            asserts:
              - equal: {path: spec.replicas, value: 1}
              - equal: {path: metadata.name, value: RELEASE-NAME}
          - it: set replicas
            set: {replicas: 1000000}
            asserts:
              - equal: {path: spec.replicas, value: 1000000}
          - it: snapshot
            asserts:
              - matchSnapshot: {}
          - it: skipped
            skip: {reason: later}
            asserts:
              - exists: {path: x}
        """)
        let renderer = FakeRenderer(files: [
            "c/templates/deployment.yaml": "kind: Deployment\nmetadata:\n  name: RELEASE\nspec:\n  replicas: REPLICAS\n",
            "c/templates/service.yaml": "kind: Service\n",
        ])
        let result = await TestRunner(renderer: renderer, options: TestRunOptions()).run(chartPaths: [path])
        let suite = try #require(result.charts.first?.suites.first)
        #expect(suite.tests.map(\.passed) == [true, false, true, false])
        #expect(suite.tests[3].skipped)
        // `set:` numbers become float64 on their way to Helm, so 1000000 renders as `1e+06` and `value: 1000000` (int) fails.
        #expect(suite.tests[1].assertions.first?.failures.flatMap(\.problems).map(describe)
            == ["d0 v0 equal path=spec.replicas expected=yaml(1000000) actual=yaml(1e+06) diff"])
        #expect(suite.snapshot == SnapshotCounts(total: 1, failed: 0, created: 1, vanished: 0))
        let snap = try String(contentsOfFile: path + "/tests/__snapshot__/a_test.yaml.snap", encoding: .utf8)
        #expect(snap == "snapshot:\n  1: |\n    kind: Deployment\n    metadata:\n      name: RELEASE-NAME\n    spec:\n      replicas: 1\n")
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func renderErrorsFeedFailedTemplate() async throws {
        let path = try Self.chart("""
        suite: s
        tests:
          - it: fails as expected
            asserts:
              - failedTemplate: {errorMessage: "boom: bad"}
          - it: errors
            asserts:
              - exists: {path: a}
        """)
        let location = SourceLocation(file: "c/templates/x.yaml", line: 2, column: 4)
        let renderer = FakeRenderer(files: [:], failure: RenderFailure(
            stage: .engine, error: LocatedError(.templateExec, "execution error at (c/templates/x.yaml:2:3): boom: bad", at: location)))
        let result = await TestRunner(renderer: renderer, options: TestRunOptions()).run(chartPaths: [path])
        let suite = try #require(result.charts.first?.suites.first)
        #expect(suite.tests[0].passed)
        #expect(suite.tests[1].passed == false)
        #expect(suite.tests[1].executionError?.message == "execution error at (c/templates/x.yaml:2:3): boom: bad")
        #expect(suite.tests[1].executionError?.location == location)
        try? FileManager.default.removeItem(atPath: path)
    }
}
