/// A Go `time.Time`: an instant with the zone it is shown in.
public struct GoTime: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, 0..<1_000_000_000.
    public var nanoseconds: Int32
    /// Offset of the zone from UTC, in seconds.
    public var utcOffset: Int32
    /// The zone's abbreviation (`UTC`, `JST`), empty for a fixed offset.
    public var zoneName: String
    /// The `*time.Location` the time is in; nil is UTC.
    public var location: GoLocation?

    public init(seconds: Int64, nanoseconds: Int32 = 0, utcOffset: Int32 = 0, zoneName: String = "UTC", location: GoLocation? = nil) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.utcOffset = utcOffset
        self.zoneName = zoneName
        self.location = location
    }

    /// Whether the time is in UTC (Go's nil or `&utcLoc` location).
    public var isUTC: Bool { location?.isUTC ?? true }

    /// Civil date and time in the value's zone, split as Go splits it
    /// (days since its absolute epoch, wrapping past `int64`'s range).
    public var components: (year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let abs = absoluteSeconds
        let (century, cyear, ayday) = GoTime.split(days: abs / 86400)
        let md = 2141 * ayday + 197_913
        let janFeb: UInt32 = ayday >= 306 ? 1 : 0
        let year = Int64(bitPattern: century &* 100 &- GoTime.absoluteYears) &+ Int64(cyear) &+ Int64(janFeb)
        let clock = Int(abs % 86400)
        return (year, Int(md >> 16) - 12 * Int(janFeb), 1 + Int((md & 0xFFFF) / 2141), clock / 3600, clock % 3600 / 60, clock % 60)
    }

    /// Years from Go's absolute epoch (March 1, -292277022399) to year 1.
    static let absoluteYears: UInt64 = 292_277_022_400

    /// Seconds from the Unix epoch to the absolute epoch.
    static let unixToAbsolute: Int64 = 9_223_372_028_741_760_000

    /// Seconds since the absolute epoch in the value's zone (Go's `absSec`).
    var absoluteSeconds: UInt64 {
        UInt64(bitPattern: seconds &+ Int64(utcOffset)) &+ UInt64(bitPattern: GoTime.unixToAbsolute)
    }

    /// Go's `absDays.split`: the century, the year in it and the day of
    /// that year counted from March 1 (Neri and Schneider's algorithm).
    static func split(days: UInt64) -> (century: UInt64, cyear: UInt32, ayday: UInt32) {
        let d = 4 &* days &+ 3
        let cd = UInt32(d % 146_097) | 3
        let product = UInt64(2_939_745) * UInt64(cd)
        return (d / 146_097, UInt32(product >> 32), UInt32(truncatingIfNeeded: product) / 2_939_745 / 4)
    }

    /// Seconds since the epoch of a civil date and time given in UTC
    /// (wrapping past `int64`'s range, as Go's arithmetic does).
    public static func epochSeconds(year: Int64, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days &* 86400 &+ Int64(hour) * 3600 &+ Int64(minute) * 60 &+ Int64(second)
    }

    /// `time.RFC3339Nano` text: `2021-01-01T00:00:00Z`, `2021-01-01T10:00:00.5+02:00`.
    public var rfc3339Nano: String {
        let c = components
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        if nanoseconds != 0 {
            var frac = pad(Int64(nanoseconds), 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            text += "." + frac
        }
        return text + offsetText(utcColon: true)
    }

    /// `Time.String()`, what `%v` prints: `2021-01-01 00:00:00 +0000 UTC`.
    public var goFormatted: String {
        let c = components
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        if nanoseconds != 0 {
            var frac = pad(Int64(nanoseconds), 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            text += "." + frac
        }
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(Int(utcOffset))
        text += " \(sign)\(pad(off / 3600, 2))\(pad(off % 3600 / 60, 2))"
        return text + " " + (zoneName.isEmpty ? "\(sign)\(pad(off / 3600, 2))\(pad(off % 3600 / 60, 2))" : zoneName)
    }

    /// `GoString()`: `time.Date(2021, time.March, 4, 0, 0, 0, 0, time.UTC)`,
    /// naming `time.Local` or `time.Location("Asia/Tokyo")` elsewhere.
    public var goSyntax: String {
        let zone: String
        if isUTC {
            zone = "time.UTC"
        } else if let location, !location.isLocal {
            zone = "time.Location(\(GoTimeParser.quote(location.name)))"
        } else {
            zone = "time.Local"
        }
        let c = components
        return "time.Date(\(c.year), time.\(GoLayout.longMonthNames[c.month - 1]), \(c.day), \(c.hour), \(c.minute), \(c.second), \(nanoseconds), \(zone))"
    }

    private func offsetText(utcColon: Bool) -> String {
        if utcOffset == 0 { return "Z" }
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(Int(utcOffset))
        return "\(sign)\(pad(off / 3600, 2)):\(pad(off % 3600 / 60, 2))"
    }

    private func pad<T: BinaryInteger>(_ n: T, _ width: Int) -> String {
        var s = String(n.magnitude)
        while s.count < width { s = "0" + s }
        return n < 0 ? "-" + s : s
    }
}
