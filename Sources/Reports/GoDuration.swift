import Foundation

/// Go's `time.Duration` formatting, for the `Time:` line and the report files.
public enum GoDuration {
    /// The whole duration in nanoseconds, saturating at Go's `int64` range.
    public static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return total
    }

    /// Go's `Duration.String()`: `0s`, `999ns`, `1.5µs`, `12.345ms`, `1.5s`, `1m2.5s`, `2h0m0s`.
    public static func string(_ duration: Duration) -> String {
        string(nanoseconds: nanoseconds(duration))
    }

    /// Go's `Duration.String()` of a count of nanoseconds.
    public static func string(nanoseconds: Int64) -> String {
        let negative = nanoseconds < 0
        var u = nanoseconds.magnitude
        var text: String
        if u < 1_000_000_000 {
            if u == 0 { return "0s" }
            let (precision, unit): (Int, String)
            if u < 1_000 {
                (precision, unit) = (0, "ns")
            } else if u < 1_000_000 {
                (precision, unit) = (3, "µs")
            } else {
                (precision, unit) = (6, "ms")
            }
            let fraction = fractionDigits(&u, precision: precision)
            text = String(u) + fraction + unit
        } else {
            let fraction = fractionDigits(&u, precision: 9)
            // u is now whole seconds
            text = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                text = String(u % 60) + "m" + text
                u /= 60
                if u > 0 { text = String(u) + "h" + text }
            }
        }
        return negative ? "-" + text : text
    }

    /// Splits off the last `precision` decimal digits of `value` as `.ddd` without
    /// trailing zeros (empty when they are all zero), leaving the integer part in `value`.
    private static func fractionDigits(_ value: inout UInt64, precision: Int) -> String {
        var digits: [Character] = []
        var significant = false
        for _ in 0..<precision {
            let digit = value % 10
            significant = significant || digit != 0
            if significant { digits.append(Character(String(digit))) }
            value /= 10
        }
        return digits.isEmpty ? "" : "." + String(digits.reversed())
    }

    /// Go's `fmt.Sprintf("%.3f", d.Seconds())`: the seconds as a `float64`, three decimals.
    public static func secondsWithThreeDecimals(_ duration: Duration) -> String {
        let nanos = nanoseconds(duration)
        let seconds = Double(nanos / 1_000_000_000) + Double(nanos % 1_000_000_000) / 1e9
        return String(format: "%.3f", seconds)
    }

    /// Go's `fmt.Sprintf("%d", d.Milliseconds())`: whole milliseconds, truncated toward zero.
    public static func milliseconds(_ duration: Duration) -> String {
        String(nanoseconds(duration) / 1_000_000)
    }
}
