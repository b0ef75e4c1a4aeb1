import GoStd
import Values

/// How BurntSushi/toml v1.6 turns the text of a scalar item into a Go value:
/// strings (escapes, line-ending backslashes), `int64` through
/// `strconv.ParseInt(s, 0, 64)`, `float64` through `strconv.ParseFloat`, and
/// date-times through `time.ParseInLocation` with the library's layouts.
enum TOMLScalars {
    /// Why a scalar has no value: a `ParseError` message, or a Go panic.
    enum Problem: Error {
        case invalid(String)
        case bug(String)
    }

    // MARK: - Strings

    static func stripFirstNewline(_ s: [UInt8]) -> [UInt8] {
        if s.first == 0x0A { return Array(s.dropFirst()) }
        if s.count > 1 && s[0] == 0x0D && s[1] == 0x0A { return Array(s.dropFirst(2)) }
        return s
    }

    /// Removes each line-ending backslash and the whitespace after it.
    static func stripEscapedNewlines(_ input: [UInt8]) -> [UInt8] {
        var s = input[...]
        var out: [UInt8] = []
        var i = s.startIndex
        while true {
            guard let ix = s[i...].firstIndex(of: 0x5C) else {
                out += s
                return out
            }
            i = ix
            if i + 1 < s.endIndex && s[i + 1] == 0x5C {
                i += 2
                continue
            }
            var j = i + 1
            while j < s.endIndex, [0x20, 0x09, 0x0D, 0x0A].contains(s[j]) { j += 1 }
            if j == i + 1 || !s[i..<j].contains(0x0A) {
                i += 1
                continue
            }
            out += s[s.startIndex..<i]
            s = s[j...]
            i = s.startIndex
        }
    }

    /// The string with its escape sequences replaced.
    static func replaceEscapes(_ str: [UInt8]) throws(Problem) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(str.count)
        var i = 0
        while i < str.count {
            let c = str[i]
            if c != 0x5C {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < str.count else { throw .bug("runtime error: index out of range") }
            let e = str[i + 1]
            let simple: [UInt8: UInt8] = [0x62: 0x08, 0x74: 0x09, 0x6E: 0x0A, 0x66: 0x0C, 0x72: 0x0D,
                                          0x65: 0x1B, 0x22: 0x22, 0x5C: 0x5C]
            if let b = simple[e] {
                out.append(b)
                i += 2
                continue
            }
            switch e {
            case 0x20, 0x09:
                throw .invalid("invalid escape: '\\\(Character(Unicode.Scalar(e)))'")
            case 0x78, 0x75, 0x55:
                let n = e == 0x78 ? 2 : e == 0x75 ? 4 : 8
                guard i + 2 + n <= str.count else { throw .bug("runtime error: slice bounds out of range") }
                let digits = Array(str[(i + 2)..<(i + 2 + n)])
                let text = String(decoding: digits, as: UTF8.self)
                guard let v = UInt32(text, radix: 16) else {
                    throw .bug("Could not parse '\(text)' as a hexadecimal number, but the lexer claims it's OK")
                }
                guard let scalar = Unicode.Scalar(v) else {
                    throw .invalid("Escaped character '\\u\(text)' is not valid UTF-8.")
                }
                out += Array(String(Character(scalar)).utf8)
                i += 2 + n
            default:
                throw .bug("Expected valid escape code after \\, but got \(GoQuote.quoteRune(Unicode.Scalar(e))).")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Numbers

    /// `numUnderscoresOK`: every underscore between hex-digit characters,
    /// and the text ending in one.
    static func underscoresOK(_ s: [UInt8]) -> Bool {
        let text = String(decoding: s, as: UTF8.self)
        if ["nan", "+nan", "-nan", "inf", "-inf", "+inf"].contains(text) { return true }
        var accept = false
        for b in s {
            if b == 0x5F && !accept { return false }
            accept = TOMLLexer.isHex(UInt32(b))
        }
        return accept
    }

    /// `numHasLeadingZero`, allowing `0`, signs and base prefixes.
    static func hasLeadingZero(_ s: [UInt8]) -> Bool {
        if s.count > 1 && s[0] == 0x30 && !(s[1] == 0x62 || s[1] == 0x6F || s[1] == 0x78) { return true }
        if s.count > 2 && (s[0] == 0x2D || s[0] == 0x2B) && s[1] == 0x30 { return true }
        return false
    }

    static func integer(_ val: [UInt8]) throws(Problem) -> TOMLNode {
        let text = String(decoding: val, as: UTF8.self)
        if !underscoresOK(val) {
            throw .invalid("Invalid integer \(GoQuote.quote(text)): underscores must be surrounded by digits")
        }
        if hasLeadingZero(val) {
            throw .invalid("Invalid integer \(GoQuote.quote(text)): cannot have leading zeroes")
        }
        switch parseInt(val) {
        case .some(.some(let n)): return .int(n)
        case .some(.none): throw .invalid("\(text) is out of range for int64")
        case .none: throw .bug("Expected integer value, but got '\(text)'.")
        }
    }

    /// `strconv.ParseInt(s, 0, 64)`: nil on a syntax error, `.some(nil)` when
    /// out of range.
    static func parseInt(_ val: [UInt8]) -> Int64?? {
        var s = val[...]
        var neg = false
        if let f = s.first, f == 0x2B || f == 0x2D {
            neg = f == 0x2D
            s = s.dropFirst()
        }
        let digitsStart = s
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        if s.first == 0x30, s.count > 1 {
            switch s[s.startIndex + 1] | 0x20 {
            case 0x62: base = 2; s = s.dropFirst(2)
            case 0x6F: base = 8; s = s.dropFirst(2)
            case 0x78: base = 16; s = s.dropFirst(2)
            default: base = 8; s = s.dropFirst()
            }
        }
        var n: UInt64 = 0
        var underscores = false
        for b in s {
            if b == 0x5F { underscores = true; continue }
            let d: UInt64
            switch b {
            case 0x30...0x39: d = UInt64(b - 0x30)
            case 0x61...0x7A: d = UInt64(b - 0x61 + 10)
            case 0x41...0x5A: d = UInt64(b - 0x41 + 10)
            default: return nil
            }
            if d >= base { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: base)
            let (r, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return .some(nil) }
            n = r
        }
        if s.isEmpty && base != 8 { return nil }
        if underscores && !goUnderscoreOK(Array(digitsStart)) { return nil }
        if !neg && n > UInt64(Int64.max) { return .some(nil) }
        if neg && n > UInt64(Int64.max) + 1 { return .some(nil) }
        return .some(neg ? Int64(truncatingIfNeeded: 0 &- n) : Int64(n))
    }

    /// strconv's `underscoreOK` for base-0 parsing.
    static func goUnderscoreOK(_ s: [UInt8]) -> Bool {
        var saw: UInt8 = 0x5E  // '^'
        var i = 0
        var hex = false
        if s.count >= 2 && s[0] == 0x30 && [0x62, 0x6F, 0x78].contains(s[1] | 0x20) {
            i = 2
            saw = 0x30
            hex = s[1] | 0x20 == 0x78
        }
        while i < s.count {
            let c = s[i]
            if (0x30...0x39).contains(c) || (hex && (0x61...0x66).contains(c | 0x20)) {
                saw = 0x30
            } else if c == 0x5F {
                if saw != 0x30 { return false }
                saw = 0x5F
            } else {
                if saw == 0x5F { return false }
                saw = 0x21
            }
            i += 1
        }
        return saw != 0x5F
    }

    static func float(_ val: [UInt8]) throws(Problem) -> TOMLNode {
        let text = String(decoding: val, as: UTF8.self)
        let parts = val.split(whereSeparator: { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 })
        for part in parts where !underscoresOK(Array(part)) {
            throw .invalid("Invalid float \(GoQuote.quote(text)): underscores must be surrounded by digits")
        }
        if let first = parts.first, hasLeadingZero(Array(first)) {
            throw .invalid("Invalid float \(GoQuote.quote(text)): cannot have leading zeroes")
        }
        var period = false
        for b in val {
            if period && !TOMLLexer.isDigit(UInt32(b)) { period = false; throw periodError(text) }
            period = b == 0x2E
        }
        if period { throw periodError(text) }

        var clean = val.filter { $0 != 0x5F }
        var negativeNaN = false
        if clean == Array("+nan".utf8) || clean == Array("-nan".utf8) {
            negativeNaN = clean[0] == 0x2D
            clean = Array("nan".utf8)
        }
        let cleanText = String(decoding: clean, as: UTF8.self)
        let number: Double
        switch cleanText.lowercased() {
        case "nan": number = .nan
        case "inf", "+inf", "infinity", "+infinity": number = .infinity
        case "-inf", "-infinity": number = -.infinity
        default:
            guard isGoDecimalFloat(clean), let d = Double(cleanText) else {
                throw .invalid("Invalid float value: \(GoQuote.quote(text))")
            }
            if d.isInfinite { throw .invalid("\(text) is out of range for float64") }
            number = d
        }
        return .float(negativeNaN ? -number : number)
    }

    private static func periodError(_ text: String) -> Problem {
        .invalid("Invalid float \(GoQuote.quote(text)): '.' must be followed by one or more digits")
    }

    /// Whether `strconv.ParseFloat` reads all of `s` as a decimal number:
    /// sign, digits with at most one point, optional exponent with digits.
    static func isGoDecimalFloat(_ s: [UInt8]) -> Bool {
        var i = 0
        if i < s.count && (s[i] == 0x2B || s[i] == 0x2D) { i += 1 }
        var sawDot = false
        var sawDigits = false
        while i < s.count {
            let c = s[i]
            if c == 0x2E {
                if sawDot { break }
                sawDot = true
            } else if TOMLLexer.isDigit(UInt32(c)) {
                sawDigits = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigits else { return false }
        if i < s.count && s[i] | 0x20 == 0x65 {
            i += 1
            if i < s.count && (s[i] == 0x2B || s[i] == 0x2D) { i += 1 }
            guard i < s.count && TOMLLexer.isDigit(UInt32(s[i])) else { return false }
            while i < s.count && TOMLLexer.isDigit(UInt32(s[i])) { i += 1 }
        }
        return i == s.count
    }
}
