import Diagnostics
import GoStd
import UnitTest
import Values

/// helm-unittest's console output, built as text (the CLI prints it).
///
/// Every piece ends with a newline, the way helm-unittest's `Println` writes it,
/// so a run's output is the concatenation of the pieces in order:
/// per chart ``chart(_:)`` (a header, then one block per suite; for a chart that
/// could not be tested, an error header), then one ``erroredChartHeader(_:)``
/// per error of the run as a whole (the report file could not be written,
/// nothing was tested), then ``snapshotSummary(_:)`` and ``summary(_:duration:)``.
/// ``render(_:runErrors:)`` does all of it.
public struct ConsoleReport: Sendable {
    /// Whether to emit fatih/color escape sequences.
    public var colored: Bool

    /// A report with colour on or off (the CLI decides: a TTY, `NO_COLOR`, `--color`).
    public init(colored: Bool) {
        self.colored = colored
    }

    /// The whole output of a run. `runErrors` are errors of the run as a
    /// whole, printed as error headers before the summary (helm-unittest
    /// prints the error of writing the report file so).
    public func render(_ run: RunResult, runErrors: [String] = []) -> String {
        run.charts.map(chart).joined() + closing(run, runErrors: runErrors)
    }

    /// What follows the charts' parts: the run's error headers, the snapshot
    /// summary and the summary (for output that streamed the charts).
    public func closing(_ run: RunResult, runErrors: [String] = []) -> String {
        var text = runErrors.map(erroredChartHeader).joined()
        let counts = RunCounts(run)
        text += snapshotSummary(counts)
        text += summary(counts, duration: run.duration)
        return text
    }

    /// A chart's part of the output: its header and its suites, or for a chart
    /// that could not be loaded, the error header.
    public func chart(_ chart: ChartResult) -> String {
        if let error = chart.executionError {
            return erroredChartHeader(error.message + placeText(error, indent: 0))
        }
        return chartHeader(name: chart.name, path: chart.path) + chart.suites.map(suite).joined()
    }

    /// `\n### Chart [ <name> ] <path>\n\n`, the name bold and the path faint.
    public func chartHeader(name: String, path: String) -> String {
        "\n### Chart [ \(style(.highlight, name)) ] \(style(.faint, path))\n\n"
    }

    /// `\n### Error:  <error>\n\n` (two spaces: helm-unittest's format), `Error: ` in red.
    public func erroredChartHeader(_ error: String) -> String {
        "\n### \(style(.danger, "Error: ")) \(error)\n\n"
    }

    /// One suite: its ` PASS `/` FAIL `/` SKIP ` line, then its execution error,
    /// or its skipped and failed tests.
    public func suite(_ suite: TestSuiteResult) -> String {
        var text = line(suiteTitle(suite))
        if let error = suite.executionError {
            text += line(style(.highlight, "- Execution Error: "), indent: 1)
            text += line(error.message + placeText(error, indent: 2) + "\n", indent: 2)
            return text
        }
        for test in suite.tests { text += self.test(test) }
        return text
    }

    /// The label, bold name, a tab, then the suite file as faint `dir/` and plain base name.
    func suiteTitle(_ suite: TestSuiteResult) -> String {
        let label: String
        if suite.skipped {
            label = style(.warningLabel, " SKIP ")
        } else if suite.passed {
            label = style(.successLabel, " PASS ")
        } else {
            label = style(.dangerLabel, " FAIL ")
        }
        var path = ""
        if !suite.filePath.isEmpty {
            path = style(.faint, GoPath.dir(suite.filePath) + "/") + GoPath.base(suite.filePath)
        }
        return "\(label) \(style(.highlight, suite.displayName))\t\(path)"
    }

    /// A test's lines: nothing when it passed; `- SKIPPED '<name>'`; its name,
    /// `Error: <error>` and where the test is; or its name and every failed
    /// assertion, each with where it is written.
    public func test(_ test: TestJobResult) -> String {
        if test.passed { return "" }
        if test.skipped {
            let text = style(.highlight, "- ") + style(.warningLabel, "SKIPPED") + style(.warning, " '\(test.displayName)'")
            return line(text, indent: 1)
        }
        if let error = test.executionError {
            let text = "Error: \(error.message)" + placeText(error, indent: 2)
            let block = test.location.map { style(.highlight, text) + "\n\t\t" + style(.faint, "test at \($0)") + "\n" }
                ?? style(.highlight, text + "\n")
            return line(style(.highlight, "- \(test.displayName)"), indent: 1) + line(block, indent: 2)
        }
        var text = line(style(.danger, "- \(test.displayName)\n"), indent: 1)
        for assertion in test.assertions where !assertion.passed {
            text += line(style(.danger, FailureText.title(assertion)), indent: 2)
            if let location = assertion.location { text += line(style(.faint, "at \(location)"), indent: 3) }
            for infoLine in FailureText.lines(assertion.failures) { text += line(infoLine, indent: 3) }
            text += line("")
        }
        return text
    }

    /// `\nSnapshot Summary: N snapshot failed in M test suite. Check changes and use \`-u\` to update snapshot.\n`
    /// when snapshots failed, else nothing.
    public func snapshotSummary(_ counts: RunCounts) -> String {
        guard counts.snapshots.failed > 0 else { return "" }
        let summary = style(.danger, "\(counts.snapshots.failed) snapshot failed")
            + " in \(counts.suitesWithFailedSnapshots) test suite."
            + style(.faint, " Check changes and use `-u` to update snapshot.")
        return line("\nSnapshot Summary: " + summary)
    }

    /// The closing block: charts, suites, tests, snapshots and the run's time in Go's duration format.
    public func summary(_ counts: RunCounts, duration: Duration) -> String {
        let snapshots = UnitCounts(passed: counts.snapshots.passed, failed: counts.snapshots.failed)
        return line("""

            Charts:      \(count(counts.charts))
            Test Suites: \(count(counts.suites))
            Tests:       \(count(counts.tests))
            Snapshot:    \(count(snapshots))
            Time:        \(GoDuration.string(duration))

            """)
    }

    /// `[N failed, ][N errored, ]N passed, [N skipped, ]N total`, the failed part in red.
    public func count(_ counts: UnitCounts) -> String {
        var text = ""
        if counts.failed > 0 { text += style(.danger, "\(counts.failed) failed, ") }
        if counts.errored > 0 { text += "\(counts.errored) errored, " }
        if counts.skipped > 0 {
            text += "\(counts.passed) passed, \(counts.skipped) skipped, \(counts.total) total"
        } else {
            text += "\(counts.passed) passed, \(counts.total) total"
        }
        return text
    }

    private func style(_ style: ConsoleStyle, _ text: String) -> String {
        style.apply(text, colored: colored)
    }

    /// helm-unittest's `Println(content, indent)`: tabs before the first line only, then a newline.
    /// The error's ``LocatedError/placeLines`` (where the fault is, when the
    /// Go text does not say), each on a line of its own at `indent` tabs.
    private func placeText(_ error: LocatedError, indent: Int) -> String {
        error.placeLines.map { "\n" + String(repeating: "\t", count: indent) + $0 }.joined()
    }

    private func line(_ content: String, indent: Int = 0) -> String {
        String(repeating: "\t", count: indent) + content + "\n"
    }
}
