/// Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): the chunk
/// scanner shared by `Time.Format` and `time.Parse`.
public enum GoLayout {
    enum Std: Equatable {
        case longMonth, month, numMonth, zeroMonth
        case longWeekDay, weekDay
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12
        case minute, zeroMinute, second, zeroSecond
        case longYear, year
        case pm, lowerPM
        case tz
        case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
        case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
        /// `.000` (zeros: fixed digits) or `.999` (trailing zeros trimmed), with the separator.
        case fracSecond(digits: Int, trimmed: Bool, separator: UInt8)
    }

    public static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let shortDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let shortMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let longMonthNames = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    private static func has(_ l: [UInt8], _ i: Int, _ s: String) -> Bool {
        let u = Array(s.utf8)
        return l.count >= i + u.count && Array(l[i..<(i + u.count)]) == u
    }

    private static func startsWithLower(_ l: [UInt8], _ i: Int) -> Bool {
        i < l.count && l[i] >= 0x61 && l[i] <= 0x7A
    }

    private static func isDigit(_ l: [UInt8], _ i: Int) -> Bool { i < l.count && l[i] >= 0x30 && l[i] <= 0x39 }

    /// Go's `nextStdChunk`: (prefix end, std, suffix start) from `from`, or nil for no more chunks.
    static func nextChunk(_ l: [UInt8], from: Int) -> (Int, Std, Int)? {
        var i = from
        while i < l.count {
            switch l[i] {
            case UInt8(ascii: "J"):
                if has(l, i, "Jan") {
                    if has(l, i, "January") { return (i, .longMonth, i + 7) }
                    if !startsWithLower(l, i + 3) { return (i, .month, i + 3) }
                }
            case UInt8(ascii: "M"):
                if has(l, i, "Mon") {
                    if has(l, i, "Monday") { return (i, .longWeekDay, i + 6) }
                    if !startsWithLower(l, i + 3) { return (i, .weekDay, i + 3) }
                }
                if has(l, i, "MST") { return (i, .tz, i + 3) }
            case UInt8(ascii: "0"):
                if i + 1 < l.count && l[i + 1] >= 0x31 && l[i + 1] <= 0x36 {
                    let stds: [Std] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return (i, stds[Int(l[i + 1] - 0x31)], i + 2)
                }
                if has(l, i, "002") { return (i, .zeroYearDay, i + 3) }
            case UInt8(ascii: "1"):
                if has(l, i, "15") { return (i, .hour, i + 2) }
                return (i, .numMonth, i + 1)
            case UInt8(ascii: "2"):
                if has(l, i, "2006") { return (i, .longYear, i + 4) }
                return (i, .day, i + 1)
            case UInt8(ascii: "_"):
                if has(l, i, "_2") {
                    if has(l, i + 1, "2006") { return (i + 1, .longYear, i + 5) }
                    return (i, .underDay, i + 2)
                }
                if has(l, i, "__2") { return (i, .underYearDay, i + 3) }
            case UInt8(ascii: "3"): return (i, .hour12, i + 1)
            case UInt8(ascii: "4"): return (i, .minute, i + 1)
            case UInt8(ascii: "5"): return (i, .second, i + 1)
            case UInt8(ascii: "P"):
                if has(l, i, "PM") { return (i, .pm, i + 2) }
            case UInt8(ascii: "p"):
                if has(l, i, "pm") { return (i, .lowerPM, i + 2) }
            case UInt8(ascii: "-"):
                if has(l, i, "-070000") { return (i, .numSecondsTZ, i + 7) }
                if has(l, i, "-07:00:00") { return (i, .numColonSecondsTZ, i + 9) }
                if has(l, i, "-0700") { return (i, .numTZ, i + 5) }
                if has(l, i, "-07:00") { return (i, .numColonTZ, i + 6) }
                if has(l, i, "-07") { return (i, .numShortTZ, i + 3) }
            case UInt8(ascii: "Z"):
                if has(l, i, "Z070000") { return (i, .iso8601SecondsTZ, i + 7) }
                if has(l, i, "Z07:00:00") { return (i, .iso8601ColonSecondsTZ, i + 9) }
                if has(l, i, "Z0700") { return (i, .iso8601TZ, i + 5) }
                if has(l, i, "Z07:00") { return (i, .iso8601ColonTZ, i + 6) }
                if has(l, i, "Z07") { return (i, .iso8601ShortTZ, i + 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < l.count && (l[i + 1] == 0x30 || l[i + 1] == 0x39) {
                    let ch = l[i + 1]
                    var j = i + 1
                    while j < l.count && l[j] == ch { j += 1 }
                    if !isDigit(l, j) {
                        return (i, .fracSecond(digits: j - (i + 1), trimmed: ch == 0x39, separator: l[i]), j)
                    }
                }
            default: break
            }
            i += 1
        }
        return nil
    }
}

extension GoTime {
    /// Day of the week, 0 = Sunday (`t.Weekday()`).
    public var weekday: Int { Int((absoluteSeconds / 86400 &+ 3) % 7) }

    /// Day of the year, 1-based (`t.YearDay()`).
    public var yearDay: Int {
        let (century, cyear, ayday) = GoTime.split(days: absoluteSeconds / 86400)
        let janFeb = ayday >= 306 ? 1 : 0
        let leap = cyear % 4 == 0 && (cyear != 0 || century % 4 == 0) ? 1 : 0
        return Int(ayday) + 60 + (leap & ~janFeb) - 365 * janFeb
    }

    /// `t.Format(layout)`.
    public func format(_ layout: String) -> String {
        let l = Array(layout.utf8)
        var out: [UInt8] = []
        let c = components
        var pos = 0
        func int(_ x: Int64, _ width: Int) {
            var s = Array(String(x.magnitude).utf8)
            while s.count < width { s.insert(0x30, at: 0) }
            if x < 0 { out.append(UInt8(ascii: "-")) }
            out += s
        }
        func str(_ s: String) { out += Array(s.utf8) }
        while let (prefixEnd, std, next) = GoLayout.nextChunk(l, from: pos) {
            out += l[pos..<prefixEnd]
            pos = next
            switch std {
            case .year: int(((c.year % 100) + 100) % 100, 2)
            case .longYear: int(c.year, 4)
            case .month: str(GoLayout.shortMonthNames[c.month - 1])
            case .longMonth: str(GoLayout.longMonthNames[c.month - 1])
            case .numMonth: int(Int64(c.month), 0)
            case .zeroMonth: int(Int64(c.month), 2)
            case .weekDay: str(GoLayout.shortDayNames[weekday])
            case .longWeekDay: str(GoLayout.longDayNames[weekday])
            case .day: int(Int64(c.day), 0)
            case .underDay:
                if c.day < 10 { out.append(0x20) }
                int(Int64(c.day), 0)
            case .zeroDay: int(Int64(c.day), 2)
            case .underYearDay:
                let yd = yearDay
                if yd < 100 { out.append(0x20); if yd < 10 { out.append(0x20) } }
                int(Int64(yd), 0)
            case .zeroYearDay: int(Int64(yearDay), 3)
            case .hour: int(Int64(c.hour), 2)
            case .hour12: int(Int64(c.hour % 12 == 0 ? 12 : c.hour % 12), 0)
            case .zeroHour12: int(Int64(c.hour % 12 == 0 ? 12 : c.hour % 12), 2)
            case .minute: int(Int64(c.minute), 0)
            case .zeroMinute: int(Int64(c.minute), 2)
            case .second: int(Int64(c.second), 0)
            case .zeroSecond: int(Int64(c.second), 2)
            case .pm: str(c.hour >= 12 ? "PM" : "AM")
            case .lowerPM: str(c.hour >= 12 ? "pm" : "am")
            case .iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ,
                 .numTZ, .numSecondsTZ, .numShortTZ, .numColonTZ, .numColonSecondsTZ:
                let iso = [.iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ].contains(std)
                if iso && utcOffset == 0 {
                    out.append(UInt8(ascii: "Z"))
                    break
                }
                var zone = Int64(utcOffset) / 60
                var abs = Int64(utcOffset)
                if zone < 0 {
                    out.append(UInt8(ascii: "-")); zone = -zone; abs = -abs
                } else {
                    out.append(UInt8(ascii: "+"))
                }
                int(zone / 60, 2)
                if [.iso8601ColonTZ, .numColonTZ, .iso8601ColonSecondsTZ, .numColonSecondsTZ].contains(std) { out.append(UInt8(ascii: ":")) }
                if std != .numShortTZ && std != .iso8601ShortTZ { int(zone % 60, 2) }
                if [.iso8601SecondsTZ, .numSecondsTZ, .numColonSecondsTZ, .iso8601ColonSecondsTZ].contains(std) {
                    if std == .numColonSecondsTZ || std == .iso8601ColonSecondsTZ { out.append(UInt8(ascii: ":")) }
                    int(abs % 60, 2)
                }
            case .tz:
                if !zoneName.isEmpty {
                    str(zoneName)
                    break
                }
                var zone = Int64(utcOffset) / 60
                if zone < 0 { out.append(UInt8(ascii: "-")); zone = -zone } else { out.append(UInt8(ascii: "+")) }
                int(zone / 60, 2)
                int(zone % 60, 2)
            case .fracSecond(let digits, let trimmed, let sep):
                var frac = Array(String(nanoseconds).utf8)
                while frac.count < 9 { frac.insert(0x30, at: 0) }
                if trimmed {
                    var n = min(digits, 9)
                    while n > 0 && frac[n - 1] == 0x30 { n -= 1 }
                    if n > 0 { out.append(sep); out += frac[0..<n] }
                } else {
                    out.append(sep)
                    out += frac[0..<min(digits, 9)]
                }
            }
        }
        out += l[pos...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `t.Add(d)`: a time `nanos` later, in the same location; seconds
    /// since year 1 saturate at Go's `int64` range, as Go's `addSec` does.
    public func adding(nanos: Int64) -> GoTime {
        var dsec = nanos / 1_000_000_000
        var ns = Int64(nanoseconds) + nanos % 1_000_000_000
        if ns >= 1_000_000_000 {
            dsec += 1
            ns -= 1_000_000_000
        } else if ns < 0 {
            dsec -= 1
            ns += 1_000_000_000
        }
        let sinceYearOne = seconds &+ GoTime.yearOneToUnix
        var sum = sinceYearOne &+ dsec
        if (sum > sinceYearOne) != (dsec > 0) { sum = dsec > 0 ? Int64.max : -Int64.max }
        let t = GoTime(seconds: sum &- GoTime.yearOneToUnix, nanoseconds: Int32(ns), utcOffset: utcOffset, zoneName: zoneName,
                       location: location)
        return location.map { $0.convert(t) } ?? t
    }
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
