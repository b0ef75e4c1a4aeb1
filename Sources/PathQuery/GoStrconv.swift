import Values

/// The few pieces of Go's `strconv`, `strings` and `unicode` packages whose
/// exact behaviour (accepted syntax, error texts) shows through the path
/// language's error messages.
enum GoStrconv {
    /// A `*strconv.NumError`: `strconv.<function>: parsing "<num>": <reason>`.
    struct NumError: Error, Sendable {
        var function: String
        var num: String
        var outOfRange: Bool

        var message: String {
            "strconv.\(function): parsing \(goQuote(num)): " + (outOfRange ? "value out of range" : "invalid syntax")
        }
    }

    /// `strconv.Atoi` for a 64-bit `int`: an optional sign and decimal digits.
    static func atoi(_ s: String) -> Result<Int, NumError> {
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
    static func parseFloat(_ s: String) -> Result<Double, NumError> {
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

    /// `unicode.IsSpace`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x100: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// `strings.TrimSpace`.
    static func trimSpace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// `strings.TrimPrefix`.
    static func trimPrefix(_ s: String, _ prefix: String) -> String {
        s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : s
    }

    /// `strings.TrimSuffix`.
    static func trimSuffix(_ s: String, _ suffix: String) -> String {
        s.hasSuffix(suffix) ? String(s.dropLast(suffix.count)) : s
    }
}

/// `strconv.Quote`, the text `%q` prints for a string.
func goQuote(_ s: String) -> String { GoQuote.quote(s) }

/// `strconv.QuoteRune`, the text `%q` prints for a rune.
func goQuoteRune(_ scalar: Unicode.Scalar) -> String { GoQuote.quoteRune(scalar) }
