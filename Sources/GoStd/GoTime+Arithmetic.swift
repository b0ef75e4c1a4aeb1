/// `time.Time`'s arithmetic and accessors, as its methods compute them.
extension GoTime {
    /// Seconds from 0001-01-01T00:00:00Z to the Unix epoch.
    static let yearOneToUnix: Int64 = 62_135_596_800

    /// Go's zero `time.Time`: January 1, year 1, 00:00:00 UTC.
    public static let zero = GoTime(seconds: -yearOneToUnix)

    /// `t.IsZero()`: January 1, year 1, 00:00:00 UTC.
    public var isZero: Bool { seconds == -Self.yearOneToUnix && nanoseconds == 0 }

    /// `t.UnixMilli()` (wrapping outside `int64`, as Go does).
    public var unixMilli: Int64 { seconds &* 1000 &+ Int64(nanoseconds) / 1_000_000 }

    /// `t.UnixMicro()`.
    public var unixMicro: Int64 { seconds &* 1_000_000 &+ Int64(nanoseconds) / 1000 }

    /// `t.UnixNano()`.
    public var unixNano: Int64 { seconds &* 1_000_000_000 &+ Int64(nanoseconds) }

    /// `t.Compare(u)`: -1, 0 or +1, ordering by seconds since year 1 as
    /// Go stores them (which wrap differently from Unix seconds).
    public func compare(_ u: GoTime) -> Int {
        let a = seconds &+ Self.yearOneToUnix, b = u.seconds &+ Self.yearOneToUnix
        if a != b { return a < b ? -1 : 1 }
        if nanoseconds != u.nanoseconds { return nanoseconds < u.nanoseconds ? -1 : 1 }
        return 0
    }

    /// `t.UTC()`.
    public var inUTC: GoTime { GoTime(seconds: seconds, nanoseconds: nanoseconds) }

    /// `t.Sub(u)` in nanoseconds, saturating at the `time.Duration` range.
    public func since(_ u: GoTime) -> Int64 {
        let d = (seconds &- u.seconds) &* 1_000_000_000 &+ (Int64(nanoseconds) - Int64(u.nanoseconds))
        if u.adding(nanos: d).compare(self) == 0 { return d }
        return compare(u) < 0 ? .min : .max
    }

    /// `t.AddDate(years, months, days)`: `time.Date` of the moved civil
    /// date, in the time's location. Go's int arithmetic wraps, and so
    /// does this.
    public func addingDate(years: Int64, months: Int64, days: Int64) -> GoTime {
        let c = components
        return GoTime.date(year: c.year &+ years, month: Int64(c.month) &+ months, day: Int64(c.day) &+ days,
                           hour: Int64(c.hour), minute: Int64(c.minute), second: Int64(c.second),
                           nanosecond: Int64(nanoseconds), in: location)
    }

    /// Go's `time.Date`: fields out of range are normalised (month 13 is
    /// January of the next year), wrapping as Go's ints do; nil is UTC.
    static func date(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64,
                            nanosecond: Int64, in location: GoLocation?) -> GoTime {
        func norm(_ hi: Int64, _ lo: Int64, _ base: Int64) -> (Int64, Int64) {
            var (hi, lo) = (hi, lo)
            if lo < 0 {
                let n = (-(lo &+ 1)) / base + 1
                hi = hi &- n
                lo = lo &+ n &* base
            }
            if lo >= base {
                let n = lo / base
                hi = hi &+ n
                lo = lo &- n &* base
            }
            return (hi, lo)
        }
        let (y, m) = norm(year, month &- 1, 12)
        let (s1, ns) = norm(second, nanosecond, 1_000_000_000)
        let (mi, s) = norm(minute, s1, 60)
        let (h1, mn) = norm(hour, mi, 60)
        let (d, h) = norm(day, h1, 24)
        // Days from March 1 of the absolute epoch year, as Go's dateToAbsDays counts them.
        var amonth = UInt32(m + 1)
        let janFeb: UInt32 = amonth < 3 ? 1 : 0
        amonth += 12 * janFeb
        let ay = UInt64(bitPattern: y) &- UInt64(janFeb) &+ absoluteYears
        let ayday = (979 * amonth - 2919) >> 5
        let cday = 1461 * UInt32(ay % 100) / 4
        let centuryDays = 146_097 &* (ay / 100) / 4
        let absDays = centuryDays &+ UInt64(bitPattern: Int64(cday + ayday) &+ d &- 1)
        let unix = Int64(bitPattern: absDays) &* 86400 &+ (h &* 3600 &+ mn &* 60 &+ s) &- unixToAbsolute
        guard let location else { return GoTime(seconds: unix, nanoseconds: Int32(ns)) }
        return GoTimeParser.dateIn(location, civil: unix, nsec: Int(ns))
    }

    /// The remainder of the time since year 1 divided by `d` (Go's `div`).
    private func remainder(_ d: Int64) -> Int64 {
        var sec = seconds &+ Self.yearOneToUnix
        var nsec = Int64(nanoseconds)
        let negative = sec < 0
        if negative {
            sec = 0 &- sec
            nsec = -nsec
            if nsec < 0 { nsec += 1_000_000_000; sec = sec &- 1 }
        }
        let (high, low) = UInt64(bitPattern: sec).multipliedFullWidth(by: 1_000_000_000)
        let (low2, carry) = low.addingReportingOverflow(UInt64(nsec))
        let divisor = UInt64(d)
        let top = (high &+ (carry ? 1 : 0)) % divisor
        let r = Int64(divisor.dividingFullWidth((top, low2)).remainder)
        return negative && r != 0 ? d - r : r
    }

    /// `t.Truncate(d)`: rounded down to a multiple of `d` since year 1.
    public func truncated(_ d: Int64) -> GoTime {
        d <= 0 ? self : adding(nanos: -remainder(d))
    }

    /// `t.Round(d)`: rounded to the nearest multiple of `d` since year 1, halves up.
    public func rounded(_ d: Int64) -> GoTime {
        if d <= 0 { return self }
        let r = remainder(d)
        return UInt64(r) &+ UInt64(r) < UInt64(d) ? adding(nanos: -r) : adding(nanos: d - r)
    }

    /// `t.IsDST()`.
    public var isDST: Bool { location?.isDST(zoneName, offset: utcOffset) ?? false }

    /// `t.AppendBinary` / `MarshalBinary`'s encoding; throws Go's error for
    /// an offset that is not a whole number of minutes in range.
    public func binaryEncoding(prefix: [UInt8] = []) throws(GoError) -> [UInt8] {
        var offsetMinutes: Int16 = -1
        var offsetSeconds: Int8? = nil
        if !isUTC {
            if utcOffset % 60 != 0 { offsetSeconds = Int8(utcOffset % 60) }
            let minutes = utcOffset / 60
            guard minutes >= -32768, minutes != -1, minutes <= 32767 else {
                throw GoError("Time.MarshalBinary: unexpected zone offset")
            }
            offsetMinutes = Int16(minutes)
        }
        var out = prefix
        out.append(offsetSeconds == nil ? 1 : 2)
        let sec = UInt64(bitPattern: seconds &+ Self.yearOneToUnix)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: sec >> UInt64(shift))) }
        let nsec = UInt32(nanoseconds)
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: nsec >> UInt32(shift))) }
        out.append(UInt8(truncatingIfNeeded: UInt16(bitPattern: offsetMinutes) >> 8))
        out.append(UInt8(truncatingIfNeeded: UInt16(bitPattern: offsetMinutes)))
        if let offsetSeconds { out.append(UInt8(bitPattern: offsetSeconds)) }
        return out
    }
}

extension GoLocation {
    /// Whether the zone called `name` with `offset` is a daylight-saving one.
    func isDST(_ name: String, offset: Int32) -> Bool {
        zones.first { $0.name == name && $0.offset == offset }?.isDST ?? false
    }
}
