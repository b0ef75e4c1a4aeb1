/// Go's `strconv` number parsing, as go-yaml, Go templates and the path
/// language rely on it (accepted syntax and error texts).
public enum GoStrconv {
    /// `strconv.ParseInt(s, 0, 64)` without underscores: an optional sign,
    /// then `0x`/`0o`/`0b` prefixes or a leading `0` for octal.
    public static func parseInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if let c = body.first, c == "+" || c == "-" {
            negative = c == "-"
            body = body.dropFirst()
        }
        guard let magnitude = parseUnsigned(body) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `strconv.ParseUint(s, 0, 64)`: like ``parseInt(_:)`` but no sign.
    public static func parseUint(_ s: String) -> UInt64? {
        parseUnsigned(Substring(s))
    }

    private static func parseUnsigned(_ s: Substring) -> UInt64? {
        var radix = 10
        var digits = s
        if s.count >= 2, s.first == "0" {
            let second = s[s.index(after: s.startIndex)]
            switch second {
            case "x", "X": radix = 16; digits = s.dropFirst(2)
            case "o", "O": radix = 8; digits = s.dropFirst(2)
            case "b", "B": radix = 2; digits = s.dropFirst(2)
            default: radix = 8; digits = s.dropFirst(1)
            }
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in digits.utf8 {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard d < UInt64(radix) else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: UInt64(radix))
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        return value
    }

    /// A `*strconv.NumError`: `strconv.<function>: parsing "<num>": <reason>`.
    public struct NumError: Error, Sendable {
        public var function: String
        public var num: String
        public var outOfRange: Bool

        /// The error text.
        public var message: String {
            "strconv.\(function): parsing \(GoQuote.quote(num)): " + (outOfRange ? "value out of range" : "invalid syntax")
        }
    }

    /// `strconv.Atoi` for a 64-bit `int`: an optional sign and decimal digits.
    public static func atoi(_ s: String) -> Result<Int, NumError> {
        let bytes = Array(s.utf8)
        var i = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count else { return .failure(NumError(function: "Atoi", num: s, outOfRange: false)) }
        var magnitude: UInt64 = 0
        var overflow = false
        for b in bytes[i...] {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else {
                return .failure(NumError(function: "Atoi", num: s, outOfRange: false))
            }
            if !overflow {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true } else { magnitude = a }
            }
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit {
            return .failure(NumError(function: "Atoi", num: s, outOfRange: true))
        }
        if negative {
            return .success(magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude))
        }
        return .success(Int(magnitude))
    }

    /// `strconv.ParseFloat(s, 64)` for decimal text (the only kind the
    /// path lexer can hand it: digits, `.`, `e`, `E` and `-`).
    public static func parseFloat(_ s: String) -> Result<Double, NumError> {
        let bytes = Array(s.utf8)
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        var sawDigits = false
        var sawDot = false
        while i < bytes.count {
            if isDigit(bytes[i]) {
                sawDigits = true
            } else if bytes[i] == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        var valid = sawDigits
        if valid, i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if i == start { valid = false }
        }
        guard valid, i == bytes.count, let value = Double(s) else {
            return .failure(NumError(function: "ParseFloat", num: s, outOfRange: false))
        }
        if value.isInfinite {
            return .failure(NumError(function: "ParseFloat", num: s, outOfRange: true))
        }
        return .success(value)
    }
}
