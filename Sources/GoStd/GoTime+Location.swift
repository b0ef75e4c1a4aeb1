import Foundation


/// A Go `*time.Location`: a named zone with its transitions, loaded from
/// the IANA database (TZif files under /usr/share/zoneinfo) as Go's
/// `time.LoadLocation` does.
public struct GoLocation: Sendable, Hashable {
    /// One zone a location switches between (`ttinfo`).
    struct Zone: Sendable {
        var name: String
        var offset: Int32
        var isDST: Bool
    }

    /// The location's name (`UTC`, `Local`, `Asia/Tokyo`).
    public let name: String
    var zones: [Zone]
    var transitions: [(when: Int64, zone: Int)]
    var extend: String
    /// Whether this is `time.Local` (Go's `&localLoc`).
    public var isLocal = false

    /// Go's `time.UTC`.
    public static let utc = GoLocation(name: "UTC", zones: [], transitions: [], extend: "")

    /// A location that always uses `offset` and `zoneName` (Go's `FixedZone`).
    public static func fixed(_ zoneName: String, offset: Int32) -> GoLocation {
        GoLocation(name: zoneName, zones: [Zone(name: zoneName, offset: offset, isDST: false)], transitions: [], extend: "")
    }

    /// Go's `time.Local`, read once from `TZ` (unset: /etc/localtime,
    /// named `Local`; empty: UTC; a name or `:name`: that zone, named so;
    /// unloadable: UTC, named `UTC`). It is not `time.UTC` even when it
    /// has UTC's rules.
    public static let local: GoLocation = {
        func localized(_ l: GoLocation, _ name: String) -> GoLocation {
            GoLocation(name: name, zones: l.zones, transitions: l.transitions, extend: l.extend, isLocal: true)
        }
        let fallback = localized(.utc, "UTC")
        guard var tz = ProcessInfo.processInfo.environment["TZ"] else {
            if let data = FileManager.default.contents(atPath: "/etc/localtime"), let l = parseTZif(data, name: "Local") {
                return localized(l, "Local")
            }
            return fallback
        }
        if tz.hasPrefix(":") { tz.removeFirst() }
        if tz.hasPrefix("/") {
            if let data = FileManager.default.contents(atPath: tz), let l = parseTZif(data, name: tz) {
                return localized(l, tz == "/etc/localtime" ? "Local" : tz)
            }
        } else if !tz.isEmpty && tz != "UTC", let l = try? load(tz) {
            return localized(l, tz)
        }
        return fallback
    }()

    /// Go's `time.LoadLocation(name)`; throws Go's error text.
    public static func load(_ name: String) throws(GoError) -> GoLocation {
        if name == "" || name == "UTC" { return .utc }
        if name == "Local" { return .local }
        if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
            || name.contains("\\") {
            throw GoError("time: invalid location name")
        }
        var dirs = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"]
        if let zi = ProcessInfo.processInfo.environment["ZONEINFO"], !zi.isEmpty { dirs.insert(zi + "/", at: 0) }
        for dir in dirs {
            if let data = FileManager.default.contents(atPath: dir + name), let l = parseTZif(data, name: name) {
                return l
            }
        }
        throw GoError("unknown time zone \(name)")
    }

    /// The zone abbreviation and offset in effect at `seconds` since the epoch.
    public func lookup(_ seconds: Int64) -> (name: String, offset: Int32) {
        if zones.isEmpty { return ("UTC", 0) }
        guard let first = transitions.first, seconds >= first.when else {
            let z = zones.first { !$0.isDST } ?? zones[0]
            return (z.name, z.offset)
        }
        var lo = 0, hi = transitions.count
        while hi - lo > 1 {
            let m = (lo + hi) / 2
            if seconds < transitions[m].when { hi = m } else { lo = m }
        }
        let z = zones[transitions[lo].zone]
        if lo == transitions.count - 1 && !extend.isEmpty, let rule = PosixTZ(extend) {
            return rule.lookup(seconds)
        }
        return (z.name, z.offset)
    }

    /// The offset of the zone called `abbreviation` near `seconds` (Go's `lookupName`).
    func lookupName(_ abbreviation: String, near seconds: Int64) -> Int32? {
        for z in zones where z.name == abbreviation {
            let (n, off) = lookup(seconds - Int64(z.offset))
            if n == z.name { return off }
        }
        for z in zones where z.name == abbreviation { return z.offset }
        if zones.isEmpty && abbreviation == "UTC" { return 0 }
        return nil
    }

    /// `t.In(location)`.
    public func convert(_ t: GoTime) -> GoTime {
        let (n, off) = lookup(t.seconds)
        return GoTime(seconds: t.seconds, nanoseconds: t.nanoseconds, utcOffset: off, zoneName: n, location: isUTC ? nil : self)
    }

    /// Whether this is `time.UTC`.
    public var isUTC: Bool { !isLocal && name == "UTC" && zones.isEmpty }

    /// Locations are told apart by name, as Go's pointers are in practice.
    public static func == (a: GoLocation, b: GoLocation) -> Bool {
        a.name == b.name && a.isLocal == b.isLocal && a.zones.count == b.zones.count
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    static func parseTZif(_ data: Data, name: String) -> GoLocation? {
        let b = [UInt8](data)
        guard b.count >= 44, b[0] == 0x54, b[1] == 0x5A, b[2] == 0x69, b[3] == 0x66 else { return nil }
        func be(_ at: Int, _ n: Int) -> Int64 {
            var v: Int64 = 0
            for i in 0..<n { v = v << 8 | Int64(b[at + i]) }
            if n == 4 { return Int64(Int32(truncatingIfNeeded: v)) }
            return v
        }
        func counts(_ at: Int) -> [Int] { (0..<6).map { Int(be(at + 20 + 4 * $0, 4)) } }
        var c = counts(0)
        var pos = 44
        var timeSize = 4
        let v1Size = c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
        if b[4] >= 0x32 && b.count >= 44 + v1Size + 44 {
            pos = 44 + v1Size
            c = counts(pos)
            pos += 44
            timeSize = 8
        }
        let (isut, isstd, leap, timecnt, typecnt, charcnt) = (c[0], c[1], c[2], c[3], c[4], c[5])
        let need = timecnt * (timeSize + 1) + typecnt * 6 + charcnt + leap * (timeSize + 4) + isstd + isut
        guard b.count >= pos + need, typecnt > 0 else { return nil }
        var times: [Int64] = []
        for i in 0..<timecnt { times.append(be(pos + i * timeSize, timeSize)) }
        pos += timecnt * timeSize
        let indices = (0..<timecnt).map { Int(b[pos + $0]) }
        pos += timecnt
        var raw: [(Int32, Bool, Int)] = []
        for i in 0..<typecnt {
            raw.append((Int32(be(pos + 6 * i, 4)), b[pos + 6 * i + 4] != 0, Int(b[pos + 6 * i + 5])))
        }
        pos += typecnt * 6
        let chars = Array(b[pos..<(pos + charcnt)])
        pos += charcnt + leap * (timeSize + 4) + isstd + isut
        let zones = raw.map { off, dst, idx -> Zone in
            var end = idx
            while end < chars.count && chars[end] != 0 { end += 1 }
            return Zone(name: idx < chars.count ? String(decoding: chars[idx..<end], as: UTF8.self) : "", offset: off, isDST: dst)
        }
        var extend = ""
        if timeSize == 8, pos < b.count, b[pos] == 0x0A, let nl = b[(pos + 1)...].firstIndex(of: 0x0A) {
            extend = String(decoding: b[(pos + 1)..<nl], as: UTF8.self)
        }
        let tx = zip(times, indices).compactMap { t, i in i < zones.count ? (when: t, zone: i) : nil }
        return GoLocation(name: name, zones: zones, transitions: tx, extend: extend)
    }
}

/// A POSIX TZ rule string (the TZif footer), e.g. `EST5EDT,M3.2.0,M11.1.0`.
struct PosixTZ {
    var stdName: String
    var stdOffset: Int32
    var dstName: String?
    var dstOffset: Int32
    var start: (month: Int, week: Int, day: Int, time: Int64)?
    var end: (month: Int, week: Int, day: Int, time: Int64)?

    init?(_ text: String) {
        var s = Substring(text)
        guard let std = Self.name(&s), let off = Self.offset(&s) else { return nil }
        stdName = std
        stdOffset = -off
        dstOffset = stdOffset + 3600
        if s.isEmpty { return }
        guard let dst = Self.name(&s) else { return nil }
        dstName = dst
        if let first = s.first, first != "," {
            guard let o = Self.offset(&s) else { return nil }
            dstOffset = -o
        }
        guard s.first == "," else { return nil }
        s = s.dropFirst()
        guard let r1 = Self.rule(&s), s.first == "," else { return nil }
        s = s.dropFirst()
        guard let r2 = Self.rule(&s) else { return nil }
        start = r1
        end = r2
    }

    private static func name(_ s: inout Substring) -> String? {
        if s.first == "<" {
            guard let close = s.firstIndex(of: ">") else { return nil }
            let n = String(s[s.index(after: s.startIndex)..<close])
            s = s[s.index(after: close)...]
            return n
        }
        let n = s.prefix { $0.isLetter }
        guard n.count >= 3 else { return nil }
        s = s.dropFirst(n.count)
        return String(n)
    }

    private static func offset(_ s: inout Substring) -> Int32? {
        var sign: Int32 = 1
        if s.first == "+" || s.first == "-" {
            if s.first == "-" { sign = -1 }
            s = s.dropFirst()
        }
        guard let t = clock(&s) else { return nil }
        return sign * Int32(t)
    }

    private static func clock(_ s: inout Substring) -> Int64? {
        var parts: [Int64] = []
        while parts.count < 3 {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let v = Int64(digits) else { return parts.isEmpty ? nil : nil }
            parts.append(v)
            s = s.dropFirst(digits.count)
            guard s.first == ":" else { break }
            s = s.dropFirst()
        }
        while parts.count < 3 { parts.append(0) }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    private static func rule(_ s: inout Substring) -> (month: Int, week: Int, day: Int, time: Int64)? {
        guard s.first == "M" else { return nil }
        s = s.dropFirst()
        let fields = s.prefix { $0 != "," && $0 != "/" }.split(separator: ".").compactMap { Int($0) }
        s = s.dropFirst(s.prefix { $0 != "," && $0 != "/" }.count)
        guard fields.count == 3 else { return nil }
        var time: Int64 = 7200
        if s.first == "/" {
            s = s.dropFirst()
            var sign: Int64 = 1
            if s.first == "-" { sign = -1; s = s.dropFirst() }
            guard let t = clock(&s) else { return nil }
            time = sign * t
        }
        return (fields[0], fields[1], fields[2], time)
    }

    /// Seconds since the epoch of the rule's moment in `year`, given in local time with `offset`.
    private func moment(_ r: (month: Int, week: Int, day: Int, time: Int64), year: Int64, offset: Int32) -> Int64 {
        let first = GoTime.epochSeconds(year: year, month: r.month, day: 1)
        let weekday = Int(((first / 86400 % 7) + 11) % 7) // 1970-01-01 was a Thursday (4)
        var day = 1 + (r.day - weekday + 7) % 7 + (r.week - 1) * 7
        let daysInMonth = GoTimeCalendar.daysIn(month: r.month, year: year)
        while day > daysInMonth { day -= 7 }
        return GoTime.epochSeconds(year: year, month: r.month, day: day) &+ r.time &- Int64(offset)
    }

    func lookup(_ seconds: Int64) -> (name: String, offset: Int32) {
        guard let dst = dstName, let start, let end else { return (stdName, stdOffset) }
        let year = GoTime(seconds: seconds &+ Int64(stdOffset)).components.year
        let s = moment(start, year: year, offset: stdOffset)
        let e = moment(end, year: year, offset: dstOffset)
        let inDST = s < e ? (seconds >= s && seconds < e) : !(seconds >= e && seconds < s)
        return inDST ? (dst, dstOffset) : (stdName, stdOffset)
    }
}

/// Calendar helpers shared by formatting and parsing.
enum GoTimeCalendar {
    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int64) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
