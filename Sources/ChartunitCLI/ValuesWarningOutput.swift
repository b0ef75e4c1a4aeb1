import Foundation
import Helm
import UnitTest

/// The warnings Helm logs while a test run layers values, as helm-unittest
/// prints them on stderr: through Go's standard logger (`log.LstdFlags`,
/// local time), one line per warning, in run order. helm-unittest writes a
/// chart's discovery lines before its header and a suite's lines while its
/// jobs run, so on a terminal they sit between the chart header and that
/// suite's PASS/FAIL line; ``ConsoleStream`` prints them there.
enum ValuesWarningOutput {
    /// The lines of `warnings`, stamped with `now` (read only when there are any).
    static func lines(_ warnings: [ValuesWarning], now: @autoclosure () -> Date = Date()) -> String {
        guard !warnings.isEmpty else { return "" }
        let stamp = timestamp(now())
        return warnings.map { $0.logLine(.standard(timestamp: stamp)) + "\n" }.joined()
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
