/// Go's `time.ParseInLocation`.
public enum GoTimeParser {
    /// Go's `time.quote`: ASCII printable kept, other bytes as `\xNN`.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            if c.value >= 0x80 || c.value < 0x20 {
                for b in String(c).utf8 { out += "\\x" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16) }
            } else {
                if c == "\"" || c == "\\" { out += "\\" }
                out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private struct Failure: Error { var message: String }

    private static func text(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    /// Parses `value` with `layout`; times without a zone are in `location`.
    /// Throws Go's `*time.ParseError` text.
    public static func parse(_ layoutText: String, _ valueText: String, in location: GoLocation) throws(GoError) -> GoTime {
        let layout = Array(layoutText.utf8)
        var value = ArraySlice(Array(valueText.utf8))
        func error(_ layoutElem: String, _ valueElem: ArraySlice<UInt8>, _ message: String) -> GoError {
            if message.isEmpty {
                return GoError("parsing time \(quote(valueText)) as \(quote(layoutText)): cannot parse \(quote(text(valueElem))) as \(quote(layoutElem))")
            }
            return GoError("parsing time \(quote(valueText))\(message)")
        }
        var year: Int64 = 0
        var month = -1, day = -1, yday = -1, hour = 0, minute = 0, second = 0, nsec = 0
        var amSet = false, pmSet = false
        var utcZone = false
        var zoneOffset: Int? = nil
        var zoneName = ""
        var pos = 0
        while true {
            let chunk = GoLayout.nextChunk(layout, from: pos)
            let prefixEnd = chunk?.0 ?? layout.count
            guard skip(&value, layout[pos..<prefixEnd]) else {
                throw error(text(layout[pos..<prefixEnd]), value, "")
            }
            guard let (_, std, next) = chunk else {
                if !value.isEmpty { throw error("", value, ": extra text: \(quote(text(value)))") }
                break
            }
            let stdText = text(layout[prefixEnd..<next])
            pos = next
            let hold = value
            var bad = false
            var rangeErr = ""
            switch std {
            case .year:
                guard value.count >= 2, let y = atoi(value.prefix(2)) else { bad = true; break }
                value = value.dropFirst(2)
                year = Int64(y >= 69 ? y + 1900 : y + 2000)
            case .longYear:
                guard value.count >= 4, isDigit(value, 0), let y = atoi(value.prefix(4)) else { bad = true; break }
                value = value.dropFirst(4)
                year = Int64(y)
            case .month, .longMonth:
                guard let m = lookup(std == .month ? GoLayout.shortMonthNames : GoLayout.longMonthNames, &value) else { bad = true; break }
                month = m + 1
            case .numMonth, .zeroMonth:
                guard let m = getnum(&value, fixed: std == .zeroMonth) else { bad = true; break }
                month = m
                if m <= 0 || m > 12 { rangeErr = "month" }
            case .weekDay, .longWeekDay:
                if lookup(std == .weekDay ? GoLayout.shortDayNames : GoLayout.longDayNames, &value) == nil { bad = true }
            case .day, .underDay, .zeroDay:
                if std == .underDay && value.first == 0x20 { value = value.dropFirst() }
                guard let d = getnum(&value, fixed: std == .zeroDay) else { bad = true; break }
                day = d
            case .underYearDay, .zeroYearDay:
                for _ in 0..<2 where std == .underYearDay && value.first == 0x20 { value = value.dropFirst() }
                var n = 0, i = 0
                while i < 3 && isDigit(value, i) { n = n * 10 + Int(value[value.startIndex + i] - 48); i += 1 }
                if i == 0 || (std == .zeroYearDay && i != 3) { bad = true; break }
                value = value.dropFirst(i)
                yday = n
            case .hour:
                guard let h = getnum(&value, fixed: false) else { bad = true; break }
                hour = h
                if h >= 24 { rangeErr = "hour" }
            case .hour12, .zeroHour12:
                guard let h = getnum(&value, fixed: std == .zeroHour12) else { bad = true; break }
                hour = h
                if h > 12 { rangeErr = "hour" }
            case .minute, .zeroMinute:
                guard let m = getnum(&value, fixed: std == .zeroMinute) else { bad = true; break }
                minute = m
                if m >= 60 { rangeErr = "minute" }
            case .second, .zeroSecond:
                guard let s = getnum(&value, fixed: std == .zeroSecond) else { bad = true; break }
                second = s
                if s >= 60 { rangeErr = "second"; break }
                if value.count >= 2, value.first == 0x2E || value.first == 0x2C, isDigit(value, 1) {
                    if let (_, nextStd, _) = GoLayout.nextChunk(layout, from: pos), case .fracSecond = nextStd { break }
                    var n = 2
                    while isDigit(value, n) { n += 1 }
                    guard let ns = nanoseconds(value, n) else { bad = true; break }
                    nsec = ns
                    value = value.dropFirst(n)
                }
            case .pm, .lowerPM:
                guard value.count >= 2 else { bad = true; break }
                let p = text(value.prefix(2))
                value = value.dropFirst(2)
                if p == (std == .pm ? "PM" : "pm") { pmSet = true } else if p == (std == .pm ? "AM" : "am") { amSet = true } else { bad = true }
            case .iso8601TZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ,
                 .numTZ, .numShortTZ, .numColonTZ, .numSecondsTZ, .numColonSecondsTZ:
                let iso = [.iso8601TZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ].contains(std)
                if iso && value.first == UInt8(ascii: "Z") {
                    value = value.dropFirst()
                    utcZone = true
                    break
                }
                let v = Array(value)
                var fields: (sign: UInt8, h: [UInt8], m: [UInt8], s: [UInt8]) = (0, [], [], [])
                var used = 0
                switch std {
                case .iso8601ColonTZ, .numColonTZ:
                    guard v.count >= 6, v[3] == UInt8(ascii: ":") else { bad = true; break }
                    fields = (v[0], Array(v[1..<3]), Array(v[4..<6]), [48, 48]); used = 6
                case .numShortTZ, .iso8601ShortTZ:
                    guard v.count >= 3 else { bad = true; break }
                    fields = (v[0], Array(v[1..<3]), [48, 48], [48, 48]); used = 3
                case .iso8601ColonSecondsTZ, .numColonSecondsTZ:
                    guard v.count >= 9, v[3] == UInt8(ascii: ":"), v[6] == UInt8(ascii: ":") else { bad = true; break }
                    fields = (v[0], Array(v[1..<3]), Array(v[4..<6]), Array(v[7..<9])); used = 9
                case .iso8601SecondsTZ, .numSecondsTZ:
                    guard v.count >= 7 else { bad = true; break }
                    fields = (v[0], Array(v[1..<3]), Array(v[3..<5]), Array(v[5..<7])); used = 7
                default:
                    guard v.count >= 5 else { bad = true; break }
                    fields = (v[0], Array(v[1..<3]), Array(v[3..<5]), [48, 48]); used = 5
                }
                if bad { break }
                value = value.dropFirst(used)
                var hs = ArraySlice(fields.h), ms = ArraySlice(fields.m), ss = ArraySlice(fields.s)
                guard let hr = getnum(&hs, fixed: true), let mm = getnum(&ms, fixed: true), let sc = getnum(&ss, fixed: true) else { bad = true; break }
                if hr > 24 { rangeErr = "time zone offset hour" }
                if mm > 60 { rangeErr = "time zone offset minute" }
                if sc > 60 { rangeErr = "time zone offset second" }
                var off = (hr * 60 + mm) * 60 + sc
                if fields.sign == UInt8(ascii: "-") { off = -off } else if fields.sign != UInt8(ascii: "+") { bad = true }
                zoneOffset = off
            case .tz:
                if value.count >= 3 && text(value.prefix(3)) == "UTC" {
                    utcZone = true
                    value = value.dropFirst(3)
                    break
                }
                guard let n = timeZoneLength(value) else { bad = true; break }
                zoneName = text(value.prefix(n))
                value = value.dropFirst(n)
            case .fracSecond(let digits, let trimmed, _):
                if !trimmed {
                    let ndigit = 1 + digits
                    guard value.count >= ndigit, let ns = nanoseconds(value, ndigit) else { bad = true; break }
                    nsec = ns
                    value = value.dropFirst(ndigit)
                } else {
                    guard value.count >= 2, value.first == 0x2E || value.first == 0x2C, isDigit(value, 1) else { break }
                    var i = 0
                    while isDigit(value, i + 1) { i += 1 }
                    guard let ns = nanoseconds(value, 1 + i) else { bad = true; break }
                    nsec = ns
                    value = value.dropFirst(1 + i)
                }
            }
            if !rangeErr.isEmpty { throw error(stdText, value, ": \(rangeErr) out of range") }
            if bad { throw error(stdText, hold, "") }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }
        if yday >= 0 {
            var d = 0, m = 0
            if GoTimeCalendar.isLeap(year) {
                if yday == 31 + 29 { m = 2; d = 29 } else if yday > 31 + 29 { yday -= 1 }
            }
            if yday < 1 || yday > 365 { throw error("", value, ": day-of-year out of range") }
            if m == 0 {
                let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
                m = (yday - 1) / 31 + 1
                if before[m] < yday { m += 1 }
                d = yday - before[m - 1]
            }
            if month >= 0 && month != m { throw error("", value, ": day-of-year does not match month") }
            month = m
            if day >= 0 && day != d { throw error("", value, ": day-of-year does not match day") }
            day = d
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoTimeCalendar.daysIn(month: month, year: year) {
            throw error("", value, ": day out of range")
        }
        let civil = GoTime.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let base = GoTime(seconds: civil, nanoseconds: Int32(nsec), utcOffset: 0, zoneName: "UTC")
        if utcZone { return base }
        if let off = zoneOffset {
            let t = GoTime(seconds: civil - Int64(off), nanoseconds: Int32(nsec))
            let (name, localOffset) = location.lookup(t.seconds)
            if Int(localOffset) == off && (zoneName.isEmpty || name == zoneName) { return location.convert(t) }
            return GoLocation.fixed(zoneName, offset: Int32(off)).convert(t)
        }
        if !zoneName.isEmpty {
            if let off = location.lookupName(zoneName, near: civil) {
                return location.convert(GoTime(seconds: civil - Int64(off), nanoseconds: Int32(nsec)))
            }
            var off = 0
            if zoneName.count > 3 && zoneName.hasPrefix("GMT") { off = (Int(zoneName.dropFirst(3)) ?? 0) * 3600 }
            // Go keeps the civil time as UTC here (no offset applied).
            return GoLocation.fixed(zoneName, offset: Int32(off)).convert(GoTime(seconds: civil, nanoseconds: Int32(nsec)))
        }
        return dateIn(location, civil: civil, nsec: nsec)
    }

    /// Go's `time.Date` in `location`: the offset in effect at the civil
    /// time read as UTC, unless that instant minus the offset falls in
    /// another zone period (a gap or overlap), then that period's offset.
    static func dateIn(_ location: GoLocation, civil: Int64, nsec: Int) -> GoTime {
        var unix = civil
        let offset = location.lookup(civil).offset
        if offset != 0 { unix = civil &- Int64(location.lookup(civil &- Int64(offset)).offset) }
        return location.convert(GoTime(seconds: unix, nanoseconds: Int32(nsec)))
    }

    private static func isDigit(_ v: ArraySlice<UInt8>, _ i: Int) -> Bool {
        i < v.count && v[v.startIndex + i] >= 48 && v[v.startIndex + i] <= 57
    }

    private static func atoi(_ v: ArraySlice<UInt8>) -> Int? {
        var s = v
        var neg = false
        if let f = s.first, f == 0x2D || f == 0x2B { neg = f == 0x2D; s = s.dropFirst() }
        guard !s.isEmpty, s.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(text(s)) else { return nil }
        return neg ? -n : n
    }

    private static func getnum(_ v: inout ArraySlice<UInt8>, fixed: Bool) -> Int? {
        guard isDigit(v, 0) else { return nil }
        if !isDigit(v, 1) {
            if fixed { return nil }
            let n = Int(v[v.startIndex] - 48)
            v = v.dropFirst()
            return n
        }
        let n = Int(v[v.startIndex] - 48) * 10 + Int(v[v.startIndex + 1] - 48)
        v = v.dropFirst(2)
        return n
    }

    private static func skip(_ value: inout ArraySlice<UInt8>, _ prefix: ArraySlice<UInt8>) -> Bool {
        var p = prefix
        while let c = p.first {
            if c == 0x20 {
                if let f = value.first, f != 0x20 { return false }
                while p.first == 0x20 { p = p.dropFirst() }
                while value.first == 0x20 { value = value.dropFirst() }
                continue
            }
            guard value.first == c else { return false }
            p = p.dropFirst()
            value = value.dropFirst()
        }
        return true
    }

    private static func lookup(_ table: [String], _ value: inout ArraySlice<UInt8>) -> Int? {
        for (i, name) in table.enumerated() {
            let n = Array(name.utf8)
            guard value.count >= n.count else { continue }
            let ok = zip(value.prefix(n.count), n).allSatisfy { a, b in
                a == b || ((a | 0x20) == (b | 0x20) && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
            }
            if ok {
                value = value.dropFirst(n.count)
                return i
            }
        }
        return nil
    }

    private static func nanoseconds(_ v: ArraySlice<UInt8>, _ count: Int) -> Int? {
        guard let f = v.first, f == 0x2E || f == 0x2C else { return nil }
        let n = min(count, 10)
        guard let ns = atoi(v.dropFirst().prefix(n - 1)) else { return nil }
        var out = ns
        for _ in 0..<(10 - n) { out *= 10 }
        return out
    }

    private static func timeZoneLength(_ v: ArraySlice<UInt8>) -> Int? {
        guard v.count >= 3 else { return nil }
        let s = Array(v)
        if s.count >= 4 && (text(v.prefix(4)) == "ChST" || text(v.prefix(4)) == "MeST") { return 4 }
        if text(v.prefix(3)) == "GMT" { return 3 + signedOffsetLength(Array(s[3...])) }
        if s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") {
            let n = signedOffsetLength(s)
            return n > 0 ? n : nil
        }
        var upper = 0
        while upper < 6 && upper < s.count && s[upper] >= 0x41 && s[upper] <= 0x5A { upper += 1 }
        switch upper {
        case 5: return s[4] == UInt8(ascii: "T") ? 5 : nil
        case 4: return s[3] == UInt8(ascii: "T") || text(v.prefix(4)) == "WITA" ? 4 : nil
        case 3: return 3
        default: return nil
        }
    }

    private static func signedOffsetLength(_ s: [UInt8]) -> Int {
        guard let sign = s.first, sign == 0x2B || sign == 0x2D else { return 0 }
        var i = 1
        var x = 0
        while i < s.count && s[i] >= 48 && s[i] <= 57 {
            x = x * 10 + Int(s[i] - 48)
            if x > 1_000_000 { return 0 }
            i += 1
        }
        if i == 1 || x > 23 { return 0 }
        return i
    }
}
