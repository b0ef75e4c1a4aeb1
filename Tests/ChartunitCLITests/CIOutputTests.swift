import Foundation
import Synchronization
import Testing
@testable import ChartunitCLI
import UnitTest

/// Located failures, CI annotations, the JSON summary, JUnit places and
/// the progress line, end to end on one throwaway chart.
@Suite struct CIOutputTests {
    /// A chart with: a failed assertion in the second suite of a two-suite
    /// file, a test whose render fails inside an `include`, and a suite file
    /// that is not YAML.
    static func chart() throws -> String {
        try CLI.chart([
            "Chart.yaml": CLI.chartYAML("ci"),
            "values.yaml": "kind: ClusterIP\n",
            "templates/_helpers.tpl": "{{- define \"ci.port\" -}}\n{{ .Values.port.number.value }}\n{{- end }}\n",
            "templates/service.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: svc
            spec:
              type: {{ .Values.kind }}
            {{- if .Values.port }}
              port: {{ include "ci.port" . }}
            {{- end }}

            """,
            "tests/service_test.yaml": """
            suite: first
            templates: [service.yaml]
            tests:
              - it: passes
                asserts:
                  - isKind: {of: Service}
            ---
            suite: second
            templates: [service.yaml]
            tests:
              - it: wants NodePort
                asserts:
                  - isKind: {of: Service}
                  - equal:
                      path: spec.type
                      value: NodePort
              - it: renders a port
                set:
                  port: {name: http}
                asserts:
                  - isKind: {of: Service}

            """,
            "tests/broken_test.yaml": "suite: broken\ntests:\n  - it: x\n    asserts:\n      - equal: {path: a, value: [1, 2}\n",
        ])
    }

    /// `chartunit test ARGS` with colour off and `environment`; the chart's
    /// place in the output (`ci/…` below) is replaced by `ci`.
    static func run(_ arguments: [String], environment: [String: String] = [:], chart: String) async -> CommandOutcome {
        var outcome = await Chartunit.outcome(arguments: ["test"] + arguments,
                                              in: ProcessContext(environment: environment.merging(["NO_COLOR": "1"]) { a, _ in a },
                                                                 isTerminal: false))
        outcome.stdout = outcome.stdout.replacingOccurrences(of: chart, with: "ci")
        return outcome
    }

    /// The text of `file`, the chart's place replaced by `ci`.
    static func read(_ file: String, chart: String) throws -> String {
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: chart, with: "ci")
    }

    @Test func consoleNamesEveryFailuresPlaceInTheSuiteFile() async throws {
        let chart = try Self.chart()
        let outcome = await Self.run([chart], chart: chart)
        #expect(outcome.exitCode == 1)
        let lines = outcome.stdout.components(separatedBy: "\n")
        // The second suite starts on line 8: its `equal` is on line 14, the failing test on line 17.
        #expect(lines.contains("\t\t\tat ci/tests/service_test.yaml:14:9"))
        #expect(lines.contains("\t\ttest at ci/tests/service_test.yaml:17:5"))
        // The render error quotes the helper's line, with the include that led there.
        #expect(lines.contains("\t\t 2 | {{ .Values.port.number.value }}"))
        #expect(lines.contains { $0.hasPrefix("\t\tcalled from ci/templates/service.yaml:8:12 ") })
        // The broken suite quotes its line with a caret under the column.
        #expect(lines.contains("\t\tat ci/tests/broken_test.yaml:5:38"))
        #expect(lines.contains("\t\t 5 |       - equal: {path: a, value: [1, 2}"))
        #expect(lines.contains("\t\t   |                                      ^"))
        // helm-unittest's own lines are all still there.
        #expect(lines.contains("\t\t- asserts[1] `equal` fail"))
        #expect(lines.contains(" FAIL  second\tci/tests/service_test.yaml"))
        #expect(lines.contains("Tests:       2 failed, 1 errored, 1 passed, 3 total"))
        // No annotations outside CI.
        #expect(!outcome.stdout.contains("::error"))
    }

    @Test func githubAnnotationsUnderGitHubActions() async throws {
        let chart = try Self.chart()
        let outcome = await Self.run([chart], environment: ["GITHUB_ACTIONS": "true"], chart: chart)
        let commands = outcome.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("::") }
        #expect(commands.count == 3)
        #expect(commands[0].hasPrefix("::error file=ci/tests/broken_test.yaml,line=5,col=38,title=ci/tests/broken_test.yaml::yaml%3A line 4")
            || commands[0].hasPrefix("::error file=ci/tests/broken_test.yaml,line=5,col=38,title=ci/tests/broken_test.yaml::yaml: line 4"))
        #expect(commands[1].hasPrefix(
            "::error file=ci/tests/service_test.yaml,line=14,col=9,title=second › wants NodePort%3A asserts[1] `equal` fail::Template:\tci/templates/service.yaml%0A"))
        #expect(commands[2].hasPrefix("::error file=ci/tests/service_test.yaml,line=17,col=5,title=second › renders a port::template: "))
        // Every command is one line: the message's newlines are escaped.
        #expect(commands[2].contains("%0A"))
        let off = await Self.run(["--annotations", "none", chart], environment: ["GITHUB_ACTIONS": "true"], chart: chart)
        #expect(!off.stdout.contains("::error"))
        let forced = await Self.run(["--annotations", "GitHub", chart], chart: chart)
        #expect(forced.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("::error ") }.count == 3)
    }

    @Test func gitlabCodeQualityReport() async throws {
        let chart = try Self.chart()
        let outcome = await Self.run(["--annotations", "gitlab", "--annotations-file", chart + "/out/cq.json", chart], chart: chart)
        #expect(outcome.exitCode == 1)
        let data = Data(try Self.read(chart + "/out/cq.json", chart: chart).utf8)
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.count == 3)
        let paths = issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        #expect(paths == ["ci/tests/broken_test.yaml", "ci/tests/service_test.yaml", "ci/tests/service_test.yaml"])
        let lines = issues.compactMap { (($0["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int }
        #expect(lines == [5, 14, 17])
        let fingerprints = Set(issues.compactMap { $0["fingerprint"] as? String })
        #expect(fingerprints.count == 3)
        #expect(issues.allSatisfy { $0["severity"] as? String == "major" && $0["check_name"] as? String == "chartunit" })
        // The same failures give the same fingerprints next time.
        _ = await Self.run(["--annotations", "gitlab", "--annotations-file", chart + "/out/cq2.json", chart], chart: chart)
        let again = Data(try Self.read(chart + "/out/cq2.json", chart: chart).utf8)
        #expect(again == data)
    }

    @Test func summaryJSONHasStatusesAndPlaces() async throws {
        let chart = try Self.chart()
        _ = await Self.run(["--summary-json", chart + "/summary.json", chart], chart: chart)
        let data = Data(try Self.read(chart + "/summary.json", chart: chart).utf8)
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["version"] as? Int == 1)
        #expect(summary["passed"] as? Bool == false)
        let tests = try #require((summary["counts"] as? [String: Any])?["tests"] as? [String: Int])
        #expect(tests == ["passed": 1, "failed": 2, "errored": 1, "skipped": 0, "total": 3])
        let charts = try #require(summary["charts"] as? [[String: Any]])
        let suites = try #require(charts.first?["suites"] as? [[String: Any]])
        #expect(suites.map { $0["status"] as? String } == ["errored", "passed", "failed"])
        let second = try #require(suites[2]["tests"] as? [[String: Any]])
        #expect(second.map { $0["status"] as? String } == ["failed", "errored"])
        #expect(second.map { $0["line"] as? Int } == [11, 17])
        let failure = try #require((second[0]["failures"] as? [[String: Any]])?.first)
        #expect(failure["assertion"] as? String == "equal")
        #expect(failure["index"] as? Int == 1)
        #expect(failure["line"] as? Int == 14)
        #expect((failure["message"] as? String)?.contains("Expected to equal:") == true)
        let error = try #require(second[1]["error"] as? [String: Any])
        #expect(error["file"] as? String == "ci/templates/_helpers.tpl")
        #expect((summary["findings"] as? [Any])?.count == 3)
    }

    @Test func junitFailuresEndWithTheirPlaces() async throws {
        let chart = try Self.chart()
        _ = await Self.run(["-t", "JUnit", "-o", chart + "/junit.xml", chart], chart: chart)
        let xml = try Self.read(chart + "/junit.xml", chart: chart)
        #expect(xml.contains("test at ci/tests/service_test.yaml:11:5,asserts[1] at ci/tests/service_test.yaml:14:9</failure>"))
        #expect(xml.contains("test at ci/tests/service_test.yaml:17:5</error>"))
    }

    @Test(arguments: [
        (["--annotations", "azure", "x"], #"invalid argument "azure" for "--annotations" flag: must be one of github, gitlab, none"#),
        (["--annotations-file", "f.json", "x"], #"invalid argument "f.json" for "--annotations-file" flag: needs --annotations gitlab"#),
    ])
    func badCIFlags(arguments: [String], message: String) async {
        let outcome = await CLI.run(["test"] + arguments)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "Error: \(message)\n")
    }

    /// Streamed, the output is written as the run goes, and is the text a
    /// run without a stream returns (less the progress line, which only a
    /// terminal gets).
    @Test(arguments: [false, true])
    func streamedOutputIsTheSameText(terminal: Bool) async throws {
        let chart = try Self.chart()
        let written = Mutex<(stdout: String, stderr: String)>(("", ""))
        let streaming = ProcessContext(environment: ["NO_COLOR": "1"], isTerminal: terminal, stream: { text, toStderr in
            written.withLock { if toStderr { $0.stderr += text } else { $0.stdout += text } }
        })
        let streamed = await Chartunit.outcome(arguments: ["test", chart], in: streaming)
        let kept = await Chartunit.outcome(arguments: ["test", chart],
                                           in: ProcessContext(environment: ["NO_COLOR": "1"], isTerminal: false))
        let (stdout, stderr) = written.withLock { $0 }
        let mask = { (text: String) in text.replacingOccurrences(of: #"Time: .*"#, with: "Time:", options: .regularExpression) }
        // A progress line (drawn if the run took over a second) is erased before anything else is written.
        let progress = try Regex("\r\u{1B}\\[K(chartunit: [^\r]*)?")
        #expect(stdout.contains("### Chart [ ci ]"))
        #expect(mask(stdout.replacing(progress, with: "") + streamed.stdout) == mask(kept.stdout))
        #expect(stderr + streamed.stderr == kept.stderr)
        if !terminal { #expect(!stdout.contains("\u{1B}[K")) }
    }

    @Test func progressLineDrawsThrottledAndErases() {
        let written = Mutex<[String]>([])
        let line = ProgressLine(write: { text in written.withLock { $0.append(text) } }, width: 40, delay: .zero)
        let progress = RunProgress(chartPath: "charts/a-very-long-chart-directory-name", chartIndex: 1, chartCount: 3,
                                   suitesDone: 4, suitesTotal: 12)
        line.show(progress)
        line.show(progress) // within 100 ms: not drawn again
        line.clear()
        line.clear() // already erased
        let drawn = written.withLock { $0 }
        #expect(drawn == ["\r\u{1B}[Kchartunit: [2/3] …ory-name  4/12 suites", "\r\u{1B}[K"])
        #expect(ProgressLine.text(progress, width: 40).count == 39)
        let quiet = ProgressLine(write: { text in written.withLock { $0.append(text) } }, delay: .seconds(60))
        quiet.show(progress)
        quiet.clear()
        #expect(written.withLock { $0 }.count == 2)
    }

    /// Colour on a terminal unless NO_COLOR is set to something or TERM is
    /// dumb (fatih/color's rules); --color and --no-color win.
    @Test(arguments: [
        (true, [String: String](), [String](), true),
        (true, ["NO_COLOR": "1"], [], false),
        (true, ["NO_COLOR": ""], [], true),
        (true, ["TERM": "dumb"], [], false),
        (false, [:], [], false),
        (false, [:], ["--color"], true),
        (true, ["NO_COLOR": "1"], ["--color"], true),
        (true, [:], ["--no-color"], false),
    ])
    func colourChoice(terminal: Bool, environment: [String: String], flags: [String], colored: Bool) async throws {
        let chart = try Self.chart()
        let outcome = await Chartunit.outcome(arguments: ["test"] + flags + [chart],
                                              in: ProcessContext(environment: environment, isTerminal: terminal))
        #expect(outcome.stdout.contains("\u{1B}[") == colored)
    }
}
