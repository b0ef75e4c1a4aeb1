import GoStd
import Testing
@testable import Reports

/// Go's `Duration.String()`, `%.3f` of `Seconds()` and `Milliseconds()`, rows checked against Go 1.27.
struct GoDurationTests {
    static let rows: [(Int64, String, String, String)] = [
        (0, "0s", "0.000", "0"),
        (1, "1ns", "0.000", "0"),
        (999, "999ns", "0.000", "0"),
        (1000, "1µs", "0.000", "0"),
        (1001, "1.001µs", "0.000", "0"),
        (1500, "1.5µs", "0.000", "0"),
        (999_999, "999.999µs", "0.001", "0"),
        (1_000_000, "1ms", "0.001", "1"),
        (12_345_678, "12.345678ms", "0.012", "12"),
        (12_345_000, "12.345ms", "0.012", "12"),
        (100_000_000, "100ms", "0.100", "100"),
        (999_999_999, "999.999999ms", "1.000", "999"),
        (1_000_000_000, "1s", "1.000", "1000"),
        (1_500_000_000, "1.5s", "1.500", "1500"),
        (59_999_999_999, "59.999999999s", "60.000", "59999"),
        (60_000_000_000, "1m0s", "60.000", "60000"),
        (62_500_000_000, "1m2.5s", "62.500", "62500"),
        (3_600_000_000_000, "1h0m0s", "3600.000", "3600000"),
        (3_661_001_000_000, "1h1m1.001s", "3661.001", "3661001"),
        (-1500, "-1.5µs", "-0.000", "0"),
        (-62_500_000_000, "-1m2.5s", "-62.500", "-62500"),
        (.max, "2562047h47m16.854775807s", "9223372036.855", "9223372036854"),
        (500_000, "500µs", "0.001", "0"),
        (1_500_000, "1.5ms", "0.002", "1"),
        (2_500_000, "2.5ms", "0.003", "2"),
        (4_500_000, "4.5ms", "0.004", "4"),
        (1_999_999_999, "1.999999999s", "2.000", "1999"),
    ]

    @Test(arguments: rows)
    func formats(_ row: (Int64, String, String, String)) {
        let (nanos, string, seconds, millis) = row
        let duration = Duration.nanoseconds(nanos)
        #expect(GoDuration.nanoseconds(duration) == nanos)
        #expect(GoDuration.string(duration) == string)
        #expect(GoDuration.secondsWithThreeDecimals(duration) == seconds)
        #expect(GoDuration.milliseconds(duration) == millis)
    }

    @Test func minimumInt64() {
        #expect(GoDuration.string(Int64.min) == "-2562047h47m16.854775808s")
    }

    @Test func durationsBeyondInt64Saturate() {
        #expect(GoDuration.nanoseconds(.seconds(Int64.max)) == .max)
        #expect(GoDuration.nanoseconds(.seconds(Int64.min)) == .min)
    }
}
