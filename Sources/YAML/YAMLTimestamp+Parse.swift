extension YAMLTimestamp {
    /// go-yaml's `parseTimestamp`: the layouts `2006-1-2T15:4:5.999999999Z07:00`
    /// (also with a lower-case `t`), `2006-1-2 15:4:5.999999999` and
    /// `2006-1-2`, with Go's `time.Parse` field and range rules.
    public static func parse(_ text: String) -> YAMLTimestamp? {
        let s = Array(text.utf8)
        var i = 0
        func digit(_ at: Int) -> Bool { at < s.count && s[at] >= 48 && s[at] <= 57 }
        func number(_ fixed: Int?) -> Int? {
            if let fixed {
                guard (0..<fixed).allSatisfy({ digit(i + $0) }) else { return nil }
                let n = s[i..<i + fixed].reduce(0) { $0 * 10 + Int($1 - 48) }
                i += fixed
                return n
            }
            guard digit(i) else { return nil }
            if digit(i + 1) {
                let n = Int(s[i] - 48) * 10 + Int(s[i + 1] - 48)
                i += 2
                return n
            }
            i += 1
            return Int(s[i - 1] - 48)
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        // Quick check: four digits, then '-'.
        guard s.count > 4, (0..<4).allSatisfy({ digit($0) }), s[4] == UInt8(ascii: "-") else { return nil }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(nil),
              expect(UInt8(ascii: "-")), let day = number(nil) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var result = YAMLTimestamp(year: Int64(year), month: month, day: day)
        if i == s.count { return result }
        let separator = s[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = number(nil), expect(UInt8(ascii: ":")), let minute = number(nil),
              expect(UInt8(ascii: ":")), let second = number(nil) else { return nil }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        result.hour = hour
        result.minute = minute
        result.second = second
        // Optional fraction: a period or comma followed by digits.
        if i + 1 < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ","), digit(i + 1) {
            i += 1
            var nanos = 0
            var count = 0
            while digit(i) {
                if count < 9 { nanos = nanos * 10 + Int(s[i] - 48) }
                count += 1
                i += 1
            }
            for _ in count..<max(count, 9) { nanos *= 10 }
            result.nanosecond = nanos
        }
        if separator == UInt8(ascii: " ") {
            return i == s.count ? result : nil
        }
        // Zone: `Z` or ±hh:mm.
        if expect(UInt8(ascii: "Z")) {
            result.utcOffset = 0
        } else {
            guard i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let hh = number(2), expect(UInt8(ascii: ":")), let mm = number(2), hh < 24, mm < 60 else { return nil }
            result.utcOffset = sign * (hh * 3600 + mm * 60)
        }
        return i == s.count ? result : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
