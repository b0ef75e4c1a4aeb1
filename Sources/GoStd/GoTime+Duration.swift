/// Go's `time.Duration`: nanoseconds as a signed 64-bit integer.
public enum GoDuration {
    /// A Swift duration in nanoseconds, saturating at Go's `int64` range.
    public static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return total
    }

    /// `Duration.String()` of a Swift duration.
    public static func string(_ duration: Duration) -> String {
        string(nanoseconds(duration))
    }

    /// `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`.
    public static func string(_ d: Int64) -> String {
        var u = d.magnitude
        let neg = d < 0
        var out = ""
        if u < 1_000_000_000 {
            if u == 0 { return "0s" }
            let unit: String, prec: Int
            if u < 1000 {
                unit = "ns"; prec = 0
            } else if u < 1_000_000 {
                unit = "µs"; prec = 3
            } else {
                unit = "ms"; prec = 6
            }
            let (frac, rest) = fraction(u, prec)
            out = String(rest) + frac + unit
        } else {
            let (frac, secs) = fraction(u, 9)
            u = secs
            out = String(u % 60) + frac + "s"
            u /= 60
            if u > 0 {
                out = String(u % 60) + "m" + out
                u /= 60
                if u > 0 { out = String(u) + "h" + out }
            }
        }
        return neg ? "-" + out : out
    }

    /// The fraction `v / 10^prec` as `.ddd` without trailing zeros, and the integer part.
    private static func fraction(_ v: UInt64, _ prec: Int) -> (String, UInt64) {
        var v = v
        var digits = ""
        var printed = false
        for _ in 0..<prec {
            let digit = v % 10
            printed = printed || digit != 0
            if printed { digits = String(digit) + digits }
            v /= 10
        }
        return (printed ? "." + digits : "", v)
    }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `time.ParseDuration`; throws Go's error text.
    public static func parse(_ text: String) throws(GoError) -> Int64 {
        let orig = text
        let invalid = GoError("time: invalid duration \(GoTimeParser.quote(orig))")
        var s = Array(text.utf8)[...]
        var neg = false
        if let c = s.first, c == 0x2D || c == 0x2B {
            neg = c == 0x2D
            s = s.dropFirst()
        }
        if s.elementsEqual([0x30]) { return 0 }
        if s.isEmpty { throw invalid }
        var d: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while !s.isEmpty {
            guard let c = s.first, c == 0x2E || (c >= 0x30 && c <= 0x39) else { throw invalid }
            var v: UInt64 = 0
            let before = s.count
            while let c = s.first, c >= 0x30 && c <= 0x39 {
                if v > limit / 10 { throw invalid }
                v = v * 10 + UInt64(c - 0x30)
                if v > limit { throw invalid }
                s = s.dropFirst()
            }
            let pre = before != s.count
            var f: UInt64 = 0
            var scale = 1.0
            var post = false
            if s.first == 0x2E {
                s = s.dropFirst()
                let n = s.count
                var overflow = false
                while let c = s.first, c >= 0x30 && c <= 0x39 {
                    s = s.dropFirst()
                    if overflow { continue }
                    if f > (limit - 1) / 10 { overflow = true; continue }
                    let y = f * 10 + UInt64(c - 0x30)
                    if y > limit { overflow = true; continue }
                    f = y
                    scale *= 10
                }
                post = n != s.count
            }
            if !pre && !post { throw invalid }
            let unitText = s.prefix { $0 != 0x2E && !($0 >= 0x30 && $0 <= 0x39) }
            if unitText.isEmpty { throw GoError("time: missing unit in duration \(GoTimeParser.quote(orig))") }
            s = s.dropFirst(unitText.count)
            let u = String(decoding: unitText, as: UTF8.self)
            guard let unit = units[u] else {
                throw GoError("time: unknown unit \(GoTimeParser.quote(u)) in duration \(GoTimeParser.quote(orig))")
            }
            if v > limit / unit { throw invalid }
            v *= unit
            if f > 0 {
                v += UInt64(Double(f) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            d += v
            if d > limit { throw invalid }
        }
        if neg { return Int64(bitPattern: 0 &- d) }
        if d > limit - 1 { throw invalid }
        return Int64(d)
    }

    /// `Duration.Round(m)`.
    public static func round(_ d: Int64, _ m: Int64) -> Int64 {
        if m <= 0 { return d }
        var r = d % m
        if d < 0 {
            r = -r
            if r + r < m { return d + r }
            let (d1, o) = d.subtractingReportingOverflow(m - r)
            if !o && d1 < d { return d1 }
            return Int64.min
        }
        if r + r < m { return d - r }
        let (d1, o) = d.addingReportingOverflow(m - r)
        if !o && d1 > d { return d1 }
        return Int64.max
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
