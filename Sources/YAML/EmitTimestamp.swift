/// Whether go-yaml's `parseTimestamp` accepts a text: it must start with
/// four digits and `-`, then match one of the layouts
/// `2006-1-2T15:4:5.999999999Z07:00` (also with `t`),
/// `2006-1-2 15:4:5.999999999` or `2006-1-2` under Go's `time.Parse` rules
/// (one- or two-digit fields, ranges checked, day checked against the month).
enum GoTimestampSyntax {
    static func matches(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 }
        guard i == 4, i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        var scanner = Scanner(bytes: b)
        guard let year = scanner.fixedDigits(4), scanner.literal("-"),
              let month = scanner.number(), (1...12).contains(month), scanner.literal("-"),
              let day = scanner.number() else { return false }
        guard day >= 1 && day <= daysIn(month: month, year: year) else { return false }
        if scanner.atEnd { return true }
        let start = scanner.position
        for separator in ["T", "t", " "] {
            scanner.position = start
            guard scanner.literal(separator) else { continue }
            guard let hour = scanner.number(), hour < 24, scanner.literal(":"),
                  let minute = scanner.number(), minute < 60, scanner.literal(":"),
                  let second = scanner.number(), second < 60 else { return false }
            scanner.fraction()
            if separator == " " { return scanner.atEnd }
            return scanner.zone() && scanner.atEnd
        }
        return false
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

    struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }

        mutating func literal(_ s: String) -> Bool {
            let l = Array(s.utf8)
            guard position + l.count <= bytes.count, Array(bytes[position..<position + l.count]) == l else {
                return false
            }
            position += l.count
            return true
        }

        mutating func fixedDigits(_ n: Int) -> Int? {
            var v = 0
            for k in 0..<n {
                guard isDigit(position + k) else { return nil }
                v = v * 10 + Int(bytes[position + k] - 48)
            }
            position += n
            return v
        }

        /// Go's `getnum(s, false)`: one digit, or two when a second follows.
        mutating func number() -> Int? {
            guard isDigit(position) else { return nil }
            var v = Int(bytes[position] - 48)
            position += 1
            if isDigit(position) {
                v = v * 10 + Int(bytes[position] - 48)
                position += 1
            }
            return v
        }

        /// An optional `.123` or `,123` fraction (any number of digits).
        mutating func fraction() {
            guard position + 1 < bytes.count,
                  bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ","),
                  isDigit(position + 1) else { return }
            position += 1
            while isDigit(position) { position += 1 }
        }

        /// `Z07:00`: `Z`, or `±hh:mm`.
        mutating func zone() -> Bool {
            if literal("Z") { return true }
            guard position + 6 <= bytes.count else { return false }
            let sign = bytes[position]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  isDigit(position + 1), isDigit(position + 2), bytes[position + 3] == UInt8(ascii: ":"),
                  isDigit(position + 4), isDigit(position + 5) else { return false }
            let hh = Int(bytes[position + 1] - 48) * 10 + Int(bytes[position + 2] - 48)
            let mm = Int(bytes[position + 4] - 48) * 10 + Int(bytes[position + 5] - 48)
            guard hh <= 24, mm <= 60 else { return false }
            position += 6
            return true
        }
    }
}
