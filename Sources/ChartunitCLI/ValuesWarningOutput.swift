import Foundation
import Helm
import UnitTest

/// The warnings Helm logs while a test run layers values, as helm-unittest
/// prints them on stderr: through Go's standard logger (`log.LstdFlags`,
/// local time), one line per warning, in run order. helm-unittest writes a
/// chart's discovery lines before its header and a suite's lines while its
/// jobs run, so on a terminal they sit between the chart header and that
/// suite's PASS/FAIL line.
enum ValuesWarningOutput {
    /// The stderr text of `run`, stamped with `now`: per chart, what suite
    /// discovery logged (before the chart's header), then every job's lines;
    /// empty (and no clock read) when Helm logged nothing.
    static func text(_ run: RunResult, now: @autoclosure () -> Date = Date()) -> String {
        let logged = run.charts.contains {
            !$0.warnings.isEmpty || $0.suites.contains { $0.tests.contains { !$0.warnings.isEmpty } }
        }
        guard logged else { return "" }
        let stamp = timestamp(now())
        var out = ""
        for chart in run.charts {
            out += lines(chart.warnings, timestamp: stamp)
            out += chart.suites.map { text($0, timestamp: stamp) }.joined()
        }
        return out
    }

    /// The lines one suite's jobs log: what a streaming console prints just
    /// before the suite's result line.
    static func text(_ suite: TestSuiteResult, timestamp: String) -> String {
        suite.tests.map { lines($0.warnings, timestamp: timestamp) }.joined()
    }

    private static func lines(_ warnings: [ValuesWarning], timestamp: String) -> String {
        warnings.map { $0.logLine(.standard(timestamp: timestamp)) + "\n" }.joined()
    }

    /// Go's `log.Ldate | log.Ltime` header of `date` in local time: `2006/01/02 15:04:05`.
    static func timestamp(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))/\(pad(parts.month, 2))/\(pad(parts.day, 2)) "
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
    }
}
