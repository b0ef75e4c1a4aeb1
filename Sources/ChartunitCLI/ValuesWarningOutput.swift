import Foundation
import Helm
import UnitTest

/// The warnings Helm logs while a test run layers values, as helm-unittest
/// prints them on stderr: through Go's standard logger (`log.LstdFlags`,
/// local time), one line per warning, every job's in run order. helm-unittest
/// writes a suite's lines while its jobs run, so on a terminal they sit
/// between the chart header and that suite's PASS/FAIL line.
enum ValuesWarningOutput {
    /// The stderr text of every job of `run`, stamped with `now`; empty
    /// (and no clock read) when Helm logged nothing.
    static func text(_ run: RunResult, now: @autoclosure () -> Date = Date()) -> String {
        let suites = run.charts.flatMap(\.suites)
        guard suites.contains(where: { $0.tests.contains { !$0.warnings.isEmpty } }) else { return "" }
        let stamp = timestamp(now())
        return suites.map { text($0, timestamp: stamp) }.joined()
    }

    /// The lines one suite's jobs log: what a streaming console prints just
    /// before the suite's result line.
    static func text(_ suite: TestSuiteResult, timestamp: String) -> String {
        var out = ""
        for job in suite.tests {
            for warning in job.warnings { out += warning.logLine(.standard(timestamp: timestamp)) + "\n" }
        }
        return out
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
