import Foundation
import Reports
import Synchronization
import UnitTest

/// `test`'s console output as the run goes, in helm-unittest's order: a
/// chart's header once its suites are found, each suite's block when it and
/// those before it have finished, Helm's values warnings on stderr just
/// before the block they were logged for. Written at once through the
/// process's stream (erasing the progress line first), or kept for the
/// outcome when there is none; either way the text is the same.
final class ConsoleStream: Sendable {
    private let report: ConsoleReport
    private let stream: (@Sendable (String, Bool) -> Void)?
    private let progress: ProgressLine?
    private let kept = Mutex<(stdout: String, stderr: String)>(("", ""))

    init(report: ConsoleReport, stream: (@Sendable (String, Bool) -> Void)?, progress: ProgressLine?) {
        self.report = report
        self.stream = stream
        self.progress = progress
    }

    /// Shows what `event` makes ready.
    func show(_ event: RunEvent) {
        switch event {
        case .chartFailed(let chart):
            emit(stdout: report.chart(chart), stderr: "")
        case .chartStarted(let name, let path, let warnings):
            emit(stdout: report.chartHeader(name: name, path: path), stderr: ValuesWarningOutput.lines(warnings))
        case .suiteFinished(let suite):
            emit(stdout: report.suite(suite), stderr: ValuesWarningOutput.lines(suite.tests.flatMap(\.warnings)))
        }
    }

    /// `line` on stdout, after `notes` on stderr: what the run covers
    /// (the charts --changed-since chose, a shard's part), before its results.
    func show(notes: [String] = [], line: String) {
        emit(stdout: line, stderr: notes.map { $0 + "\n" }.joined())
    }

    /// What was kept for the outcome (all of it without a stream, else nothing).
    var keptOutput: (stdout: String, stderr: String) { kept.withLock { $0 } }

    private func emit(stdout: String, stderr: String) {
        guard let stream else {
            kept.withLock { kept in
                kept.stdout += stdout
                kept.stderr += stderr
            }
            return
        }
        progress?.clear()
        if !stderr.isEmpty { stream(stderr, true) }
        if !stdout.isEmpty { stream(stdout, false) }
    }
}
