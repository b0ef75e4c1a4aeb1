import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport
import UnitTest

/// `chartunit test` end to end, in-process, on temporary copies of
/// helm-unittest's conformance charts.
@Suite struct TestCommandTests {
    /// A scratch copy of `data/v3/<chart>` (suites and snapshots included).
    static func copyChart(_ chart: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent(chart)
        try FileManager.default.copyItem(at: Fixtures.conformance.appendingPathComponent("data/v3/\(chart)"), to: target)
        return target
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Parses and runs `chartunit test ARGS` with colour off.
    static func run(_ arguments: [String]) async throws -> (output: String, status: Int32) {
        let outcome = await CLI.run(["test"] + arguments)
        return (outcome.stdout + outcome.stderr, outcome.exitCode)
    }

    @Test(.enabled(if: Fixtures.hasConformance))
    func brokenSuitesFailAloneAndTheRestRuns() async throws {
        let chart = try Self.copyChart("basic")
        let tests = chart.appendingPathComponent("broken")
        try Self.write("""
        suite: passing
        templates: [deployment.yaml, configmap.yaml]
        tests:
          - it: is a deployment
            template: deployment.yaml
            asserts:
              - isKind: {of: Deployment}
        """, to: tests.appendingPathComponent("a_passing_test.yaml"))
        try Self.write("""
        suite: bad path
        templates: [deployment.yaml, configmap.yaml]
        tests:
          - it: reads a bad path
            template: deployment.yaml
            asserts:
              - equal: {path: "spec..[", value: 1}
        """, to: tests.appendingPathComponent("b_bad_path_test.yaml"))
        try Self.write("""
        suite: missing values
        templates: [deployment.yaml, configmap.yaml]
        tests:
          - it: reads a missing values file
            template: deployment.yaml
            values: [./no-such-values.yaml]
            asserts:
              - isKind: {of: Deployment}
        """, to: tests.appendingPathComponent("c_missing_values_test.yaml"))
        try Self.write("""
        suite: missing template
        templates: [deployment.yaml, configmap.yaml]
        tests:
          - it: asserts on a template that does not exist
            template: nope.yaml
            asserts:
              - isKind: {of: Deployment}
        """, to: tests.appendingPathComponent("d_missing_template_test.yaml"))

        let malformed = try Self.copyChart("basic")
        try Self.write("suite: malformed\ntests:\n  - it: [unclosed\n", to: malformed.appendingPathComponent("broken/malformed_test.yaml"))
        let unknown = try Self.copyChart("basic")
        try Self.write("""
        suite: unknown assertion
        tests:
          - it: uses an unknown assertion
            asserts:
              - isAwesome: {}
        """, to: unknown.appendingPathComponent("broken/unknown_test.yaml"))

        let (output, status) = try await Self.run(["-f", "broken/*_test.yaml", malformed.path, chart.path, unknown.path])
        #expect(status == 1)
        // The malformed and unknown-assertion files fail as suites of their own, naming the file.
        #expect(output.contains(" FAIL  \t\(malformed.path)/broken/malformed_test.yaml\n\t- Execution Error: \n\t\tyaml:"))
        #expect(output.contains("\(unknown.path)/broken/unknown_test.yaml\n\t- Execution Error: \n\t\tAssertion type `isAwesome` is invalid"))
        // The other chart's suites all ran: one passed, three failed with their test names and messages.
        #expect(output.contains(" PASS  passing\t\(chart.path)/broken/a_passing_test.yaml"))
        #expect(output.contains(" FAIL  bad path\t\(chart.path)/broken/b_bad_path_test.yaml\n\t- reads a bad path\n"))
        #expect(output.contains(" FAIL  missing values\t\(chart.path)/broken/c_missing_values_test.yaml\n\t- reads a missing values file\n\t\tError: open \(chart.path)/broken/no-such-values.yaml: no such file or directory"))
        #expect(output.contains(" FAIL  missing template\t\(chart.path)/broken/d_missing_template_test.yaml\n\t- asserts on a template that does not exist\n"))
        #expect(output.contains("template \"basic/templates/nope.yaml\" not exists or not selected in test suite"))
        #expect(output.contains("Charts:      3 failed, 0 passed, 3 total"))
        #expect(output.contains("Test Suites: 5 failed, 2 errored, 1 passed, 6 total"))
    }

    @Test(.enabled(if: Fixtures.hasConformance))
    func updatingSnapshotsTwiceChangesNoByte() async throws {
        let chart = try Self.copyChart("basic")
        let snapshots = chart.appendingPathComponent("tests/__snapshot__")
        func contents() throws -> [String: Data] {
            var out: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: snapshots.path) {
                out[name] = try Data(contentsOf: snapshots.appendingPathComponent(name))
            }
            return out
        }
        let first = try await Self.run(["-u", "-f", "tests/*_test.yaml", chart.path])
        #expect(first.status == 0, "\(first.output)")
        let afterFirst = try contents()
        #expect(!afterFirst.isEmpty)
        let second = try await Self.run(["-u", "-f", "tests/*_test.yaml", chart.path])
        #expect(second.status == 0, "\(second.output)")
        #expect(try contents() == afterFirst)
    }

    @Test(.enabled(if: Fixtures.hasConformance))
    func postRendererPipesTheManifestsThroughACommand() async throws {
        let chart = try Self.copyChart("with-post-renderer")
        try Self.write("""
        templates: [templates/basic.yaml]
        postRenderer:
          cmd: sed
          args: ["-e", "s/foo: \\"bar\\"/foo: \\"sed\\"/"]
        tests:
          - it: sees the sed output
            asserts:
              - equal: {path: metadata.annotations.foo, value: sed}
          - it: uses its own post-renderer
            postRenderer: {cmd: cat}
            asserts:
              - equal: {path: metadata.annotations.foo, value: bar}
          - it: reports a failing post-renderer
            postRenderer: {cmd: "false"}
            asserts:
              - exists: {path: metadata}
        """, to: chart.appendingPathComponent("pr/sed_test.yaml"))
        let (output, status) = try await Self.run(["-f", "pr/*_test.yaml", chart.path])
        #expect(status == 1)
        #expect(!output.contains("- sees the sed output"), "\(output)")
        #expect(!output.contains("- uses its own post-renderer"), "\(output)")
        #expect(output.contains("\t- reports a failing post-renderer\n\t\tError: post-render failed: error while running command "), "\(output)")
        #expect(output.contains("Tests:       1 failed, 1 errored, 2 passed, 3 total"), "\(output)")
    }

    @Test func goStyleBooleanFlagsParse() throws {
        #expect(GoBoolFlags.normalize(["--with-subchart=false", "-s=true", "--color=1", "--strict=false", "-f", "x=y"])
            == ["--no-with-subchart", "--with-subchart", "--color", "-f", "x=y"])
        let parsed = try Chartunit.parseAsRoot(GoBoolFlags.normalize(["test", "--with-subchart=false", "-t", "junit", "chart"]))
        let command = try #require(parsed as? TestCommand)
        #expect(command.withSubchart == false)
        #expect(command.outputType == "junit")
        #expect(command.charts == ["chart"])
        #expect(throws: (any Error).self) { try Chartunit.parseAsRoot(["test"]) }
    }

    /// helm-unittest decides which subcharts' suites run from the `-v`
    /// arguments read relative to the chart: a relative path that is not
    /// there leaves every subchart's suites in, even one the values disable.
    @Test func subchartConditionsReadValuesRelativeToTheChart() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-cond-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files: [String: String] = [
            "c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n  - {name: sub, version: 0.1.0, condition: sub.enabled}\n",
            "c/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            "c/tests/a_test.yaml": "suite: a\ntemplates: [cm.yaml]\ntests:\n  - it: w\n    asserts:\n      - isKind: {of: ConfigMap}\n",
            "c/charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            "c/charts/sub/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n",
            "c/charts/sub/tests/s_test.yaml": "suite: sub\ntemplates: [cm.yaml]\ntests:\n  - it: w\n    asserts:\n      - isKind: {of: ConfigMap}\n",
            "off.yaml": "sub:\n  enabled: false\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let off = root.appendingPathComponent("off.yaml").path
        func suites(_ conditionValuesFiles: [String]) async -> [String] {
            var options = TestRunOptions(valuesFiles: [off])
            options.conditionValuesFiles = conditionValuesFiles
            let run = await TestRunner(renderer: HelmChartRenderer(), options: options)
                .run(chartPaths: [root.appendingPathComponent("c").path])
            return run.charts.flatMap(\.suites).map(\.displayName)
        }
        #expect(await suites(["off.yaml"]) == ["a", "sub"])  // c/off.yaml is not there
        #expect(await suites(["../off.yaml"]) == ["a"])
        #expect(await suites([off]) == ["a"])
    }
}
