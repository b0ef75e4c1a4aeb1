import Diagnostics
import GoStd
import UnitTest
import Values

/// A run's results as one JSON document for tools (`--summary-json`):
/// object keys sorted bytewise, indented by two spaces, ending with a newline.
///
/// Schema (version 1; a change that is not an added key bumps `version`):
///
/// ```
/// {
///   "version": 1,
///   "passed": false,                    // the run's verdict (the exit status is 1 when false)
///   "durationSeconds": 0.52,
///   "counts": {"charts": Counts, "suites": Counts, "tests": Counts,
///              "snapshots": {"passed": 8, "failed": 0, "created": 0, "vanished": 0, "total": 8}},
///   "charts": [{"name": "webapp", "path": "examples/webapp", "status": "failed", "error"?: Error,
///     "suites": [{"name": "service", "file": "examples/webapp/tests/service_test.yaml", "status": "failed",
///       "error"?: Error,
///       "tests": [{"name": "exposes port 80", "status": "failed", "line": 5, "column": 5,
///                  "durationSeconds": 0.001, "error"?: Error,
///                  "failures": [{"index": 2, "assertion": "equal", "not": false, "line": 20, "column": 9,
///                                "message": "Template:\twebapp/templates/service.yaml\n…"}]}]}]}],
///   "findings": [{"file": "…", "line": 20, "column": 9, "title": "…", "message": "…"}]  // as CI annotations place them
/// }
/// Counts = {"passed": 1, "failed": 2, "errored": 1, "skipped": 0, "total": 3}   // errored are among the failed
/// Error = {"message": "Go tool's text", "file": "…", "line": 3, "column": 7, "notes": ["…"]}  // place keys when known
/// status: "passed" | "failed" | "errored" | "skipped"
/// ```
public struct SummaryJSONReport: Sendable {
    /// The schema's version.
    public static let schemaVersion = 1

    public init() {}

    /// The document for `run`.
    public func render(_ run: RunResult) -> String {
        let counts = RunCounts(run)
        let document: Value = .fields([
            "version": .count(Self.schemaVersion),
            "passed": .bool(run.passed),
            "durationSeconds": .seconds(run.duration),
            "counts": .fields([
                "charts": unitCounts(counts.charts),
                "suites": unitCounts(counts.suites),
                "tests": unitCounts(counts.tests),
                "snapshots": .fields([
                    "passed": .count(counts.snapshots.passed), "failed": .count(counts.snapshots.failed),
                    "created": .count(counts.snapshots.created), "vanished": .count(counts.snapshots.vanished),
                    "total": .count(counts.snapshots.total),
                ]),
            ]),
            "charts": .list(run.charts.map(chart)),
            "findings": .list(run.findings.map(finding)),
        ])
        return document.reportJSON(empty: "{}")
    }

    private func chart(_ chart: ChartResult) -> Value {
        var fields: [String: Value] = [
            "name": .text(chart.name), "path": .text(chart.path),
            "status": .text(chart.executionError != nil ? "errored" : chart.passed ? "passed" : "failed"),
            "suites": .list(chart.suites.map(suite)),
        ]
        if let error = chart.executionError { fields["error"] = self.error(error) }
        return .fields(fields)
    }

    private func suite(_ suite: TestSuiteResult) -> Value {
        let status = suite.skipped ? "skipped" : suite.passed ? "passed" : suite.executionError != nil ? "errored" : "failed"
        var fields: [String: Value] = [
            "name": .text(suite.displayName), "file": .text(suite.filePath), "status": .text(status),
            "tests": .list(suite.tests.map(test)),
        ]
        if let error = suite.executionError { fields["error"] = self.error(error) }
        return .fields(fields)
    }

    private func test(_ test: TestJobResult) -> Value {
        let status = test.passed ? "passed" : test.skipped ? "skipped" : test.executionError != nil ? "errored" : "failed"
        var fields: [String: Value] = [
            "name": .text(test.displayName), "status": .text(status), "durationSeconds": .seconds(test.duration),
            "failures": .list(test.assertions.filter { !$0.passed }.map(failure)),
        ]
        place(test.location, into: &fields)
        if let error = test.executionError { fields["error"] = self.error(error) }
        return .fields(fields)
    }

    private func failure(_ assertion: AssertionResult) -> Value {
        var fields: [String: Value] = [
            "index": .count(assertion.index), "assertion": .text(assertion.assertType), "not": .bool(assertion.isNegated),
            "message": .text(FailureText.lines(assertion.failures).joined(separator: "\n")),
        ]
        place(assertion.location, into: &fields)
        return .fields(fields)
    }

    private func error(_ error: LocatedError) -> Value {
        var fields: [String: Value] = ["message": .text(error.message), "notes": .list(error.notes.map { .text($0.description) })]
        if let location = error.location {
            fields["file"] = .text(location.file)
            place(location, into: &fields)
        }
        return .fields(fields)
    }

    private func finding(_ finding: RunFinding) -> Value {
        var fields: [String: Value] = [
            "file": .text(finding.location.file), "title": .text(finding.title), "message": .text(finding.message),
        ]
        place(finding.location, into: &fields)
        return .fields(fields)
    }

    /// `line` and `column` of `location`, when it names a line.
    private func place(_ location: SourceLocation?, into fields: inout [String: Value]) {
        guard let location, location.line > 0 else { return }
        fields["line"] = .count(location.line)
        fields["column"] = .count(location.column)
    }

    private func unitCounts(_ counts: UnitCounts) -> Value {
        .fields(["passed": .count(counts.passed), "failed": .count(counts.failed), "errored": .count(counts.errored),
                "skipped": .count(counts.skipped), "total": .count(counts.total)])
    }

}
