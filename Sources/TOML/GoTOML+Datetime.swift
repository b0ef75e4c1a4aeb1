import GoStd
import Values

/// TOML date-times as BurntSushi/toml v1.6 reads them: `time.ParseInLocation`
/// with each of its layouts in turn, local kinds in its named fixed zones.
///
/// The local zone is taken to be UTC (the library's `time.Local` and the
/// offset of its `datetime-local`, `date-local` and `time-local` zones).
extension TOMLScalars {
    /// A piece of a Go time layout.
    private enum LayoutChunk {
        case literal(UInt8)
        case year, zeroMonth, zeroDay, hour, zeroMinute, zeroSecond
        /// `.999999999`: an optional fraction.
        case fraction
        /// `Z07:00`: `Z` or a `±hh:mm` offset.
        case zone
    }

    private enum LocalKind: String {
        case offset = "", datetime = "datetime-local", date = "date-local", time = "time-local"
    }

    private static let layouts: [(chunks: [LayoutChunk], text: String, kind: LocalKind)] = [
        (chunks("2006-01-02T15:04:05.999999999Z07:00"), "2006-01-02T15:04:05.999999999Z07:00", .offset),
        (chunks("2006-01-02T15:04:05.999999999"), "2006-01-02T15:04:05.999999999", .datetime),
        (chunks("2006-01-02"), "2006-01-02", .date),
        (chunks("15:04:05.999999999"), "15:04:05.999999999", .time),
        (chunks("2006-01-02T15:04Z07:00"), "2006-01-02T15:04Z07:00", .offset),
        (chunks("2006-01-02T15:04"), "2006-01-02T15:04", .datetime),
        (chunks("15:04"), "15:04", .time),
    ]

    private static func chunks(_ layout: String) -> [LayoutChunk] {
        var out: [LayoutChunk] = []
        var rest = Substring(layout)
        let table: [(String, LayoutChunk)] = [
            ("2006", .year), ("01", .zeroMonth), ("02", .zeroDay), ("15", .hour), ("04", .zeroMinute),
            ("05", .zeroSecond), (".999999999", .fraction), ("Z07:00", .zone),
        ]
        outer: while let first = rest.utf8.first {
            for (text, chunk) in table where rest.hasPrefix(text) {
                out.append(chunk)
                rest = rest.dropFirst(text.count)
                continue outer
            }
            out.append(.literal(first))
            rest = rest.dropFirst()
        }
        return out
    }

    /// The time a date-time item denotes.
    static func datetime(_ raw: [UInt8]) throws(Problem) -> TOMLNode {
        let val: [UInt8] = raw.map { b in b == 0x7A ? 0x5A : (b == 0x74 || b == 0x20) ? 0x54 : b }
        for layout in layouts {
            guard let time = parse(val, layout.chunks, kind: layout.kind) else { continue }
            if missingLeadingZero(val, Array(layout.text.utf8)) { break }
            return .time(time)
        }
        let text = String(decoding: val, as: UTF8.self)
        throw .invalid("invalid datetime: \(GoQuote.quote(text))")
    }

    /// Go accepts a one-digit hour; the library rejects any value whose
    /// separators are not where the layout has them.
    private static func missingLeadingZero(_ d: [UInt8], _ l: [UInt8]) -> Bool {
        for (i, c) in l.enumerated() {
            if c == 0x2E || c == 0x5A { return false }
            if !(0x30...0x39).contains(c) && (i >= d.count || d[i] != c) { return true }
        }
        return false
    }

    /// `getnum`: one or two digits (exactly two when `fixed`).
    private static func getnum(_ s: ArraySlice<UInt8>, fixed: Bool) -> (Int, ArraySlice<UInt8>)? {
        func digit(_ k: Int) -> Int? {
            let i = s.startIndex + k
            guard i < s.endIndex, (0x30...0x39).contains(s[i]) else { return nil }
            return Int(s[i] - 0x30)
        }
        guard let d0 = digit(0) else { return nil }
        guard let d1 = digit(1) else { return fixed ? nil : (d0, s.dropFirst()) }
        return (d0 * 10 + d1, s.dropFirst(2))
    }

    /// `time.ParseInLocation` for one layout; nil when the text does not fit.
    private static func parse(_ input: [UInt8], _ layout: [LayoutChunk], kind: LocalKind) -> GoTime? {
        var value = input[...]
        var year = 0, month = -1, day = -1, hour = 0, minute = 0, second = 0, nanos = 0
        var offset: Int?
        for chunk in layout {
            switch chunk {
            case .literal(let c):
                guard value.first == c else { return nil }
                value = value.dropFirst()
            case .year:
                guard value.count >= 4 else { return nil }
                let p = value.prefix(4)
                guard p.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                year = p.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                value = value.dropFirst(4)
            case .zeroMonth:
                guard let (n, rest) = getnum(value, fixed: true), (1...12).contains(n) else { return nil }
                month = n
                value = rest
            case .zeroDay:
                guard let (n, rest) = getnum(value, fixed: true) else { return nil }
                day = n
                value = rest
            case .hour:
                guard let (n, rest) = getnum(value, fixed: false), n < 24 else { return nil }
                hour = n
                value = rest
            case .zeroMinute:
                guard let (n, rest) = getnum(value, fixed: true), n < 60 else { return nil }
                minute = n
                value = rest
            case .zeroSecond:
                guard let (n, rest) = getnum(value, fixed: true), n < 60 else { return nil }
                second = n
                value = rest
            case .fraction:
                guard value.count >= 2, value.first == 0x2E || value.first == 0x2C,
                      (0x30...0x39).contains(value[value.startIndex + 1]) else { break }
                var n = 1
                while value.startIndex + n < value.endIndex && (0x30...0x39).contains(value[value.startIndex + n]) { n += 1 }
                var digits = Array(value[(value.startIndex + 1)..<(value.startIndex + min(n, 10))])
                while digits.count < 9 { digits.append(0x30) }
                nanos = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                value = value.dropFirst(n)
            case .zone:
                if value.first == 0x5A {
                    value = value.dropFirst()
                    offset = 0
                    break
                }
                guard value.count >= 6 else { return nil }
                let v = Array(value.prefix(6))
                guard v[3] == 0x3A,
                      let (hh, _) = getnum(v[1..<3], fixed: true),
                      let (mm, _) = getnum(v[4..<6], fixed: true),
                      hh <= 24, mm <= 60, v[0] == 0x2B || v[0] == 0x2D else { return nil }
                offset = (v[0] == 0x2D ? -1 : 1) * (hh * 3600 + mm * 60)
                value = value.dropFirst(6)
            }
        }
        guard value.isEmpty else { return nil }
        if month < 0 { month = 1 }
        if day < 0 { day = 1 }
        guard day >= 1 && day <= daysIn(month: month, year: year) else { return nil }
        let local = GoTime.epochSeconds(year: Int64(year), month: month, day: day, hour: hour, minute: minute, second: second)
        if let offset {
            // A zero offset is the local zone (UTC); others are unnamed fixed zones.
            return GoTime(seconds: local - Int64(offset), nanoseconds: Int32(nanos), utcOffset: Int32(offset),
                          zoneName: offset == 0 ? "UTC" : "")
        }
        return GoTime(seconds: local, nanoseconds: Int32(nanos), utcOffset: 0, zoneName: kind.rawValue)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
