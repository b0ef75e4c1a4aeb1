import Foundation
import GoStd

/// How helm-unittest's report files print durations.
extension GoDuration {
    /// Go's `fmt.Sprintf("%.3f", d.Seconds())`: the seconds as a `float64`, three decimals.
    static func secondsWithThreeDecimals(_ duration: Duration) -> String {
        let nanos = nanoseconds(duration)
        let seconds = Double(nanos / 1_000_000_000) + Double(nanos % 1_000_000_000) / 1e9
        return String(format: "%.3f", seconds)
    }

    /// Go's `fmt.Sprintf("%d", d.Milliseconds())`: whole milliseconds, truncated toward zero.
    static func milliseconds(_ duration: Duration) -> String {
        String(nanoseconds(duration) / 1_000_000)
    }
}
