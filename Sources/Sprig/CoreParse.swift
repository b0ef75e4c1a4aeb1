/// Go's `strconv` parsing as Sprig's conversions call it.
enum GoParse {
    /// The outcome of `strconv.ParseInt`: a value, a syntax error, or a
    /// range error (which still carries Go's clamped value).
    enum IntResult: Equatable {
        case value(Int64)
        case syntax
        case range(Int64)
    }

    /// `strconv.ParseInt(s, base, 64)`, nil on any error. Base 0 reads
    /// `0x`/`0o`/`0b` prefixes, a leading `0` as octal, and underscores
    /// placed as Go's literal syntax allows.
    static func parseInt(_ s: String, base: Int) -> Int64? {
        if case .value(let v) = parseIntDetailed(s, base: base) { return v }
        return nil
    }

    /// `strconv.ParseInt(s, base, 64)` with its error kind.
    static func parseIntDetailed(_ s: String, base: Int) -> IntResult {
        var bytes = Array(s.utf8)[...]
        guard !bytes.isEmpty else { return .syntax }
        let s0 = bytes
        var negative = false
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var base = base
        let baseZero = base == 0
        if base == 0 {
            base = 10
            if bytes.first == UInt8(ascii: "0") {
                let second = bytes.count >= 3 ? lower(bytes[bytes.startIndex + 1]) : 0
                switch second {
                case UInt8(ascii: "b"): base = 2; bytes = bytes.dropFirst(2)
                case UInt8(ascii: "o"): base = 8; bytes = bytes.dropFirst(2)
                case UInt8(ascii: "x"): base = 16; bytes = bytes.dropFirst(2)
                default: base = 8; bytes = bytes.dropFirst(1)
                }
            }
        }
        guard !bytes.isEmpty || (baseZero && base == 8) else { return .syntax }
        var n: UInt64 = 0
        var overflow = false
        var underscores = false
        for c in bytes {
            let d: UInt64
            switch c {
            case UInt8(ascii: "_") where baseZero:
                underscores = true
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A") + 10)
            default: return .syntax
            }
            if d >= UInt64(base) { return .syntax }
            if overflow { continue }
            let (m, o1) = n.multipliedReportingOverflow(by: UInt64(base))
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true } else { n = a }
        }
        if underscores && !underscoreOK(s0) { return .syntax }
        let cutoff = UInt64(Int64.max) + (negative ? 1 : 0)
        if overflow || n > cutoff { return .range(negative ? Int64.min : Int64.max) }
        if negative { return .value(n == cutoff ? Int64.min : -Int64(n)) }
        return .value(Int64(n))
    }

    /// `strconv.Atoi(s)` with its error ignored, as Sprig's `atoi` does:
    /// 0 on syntax errors, the clamped value on overflow.
    static func atoi(_ s: String) -> Int64 {
        switch parseIntDetailed(s, base: 10) {
        case .value(let v), .range(let v): return v
        case .syntax: return 0
        }
    }

    /// `strconv.ParseFloat(s, 64)`, nil on any error (syntax or range).
    static func parseFloat(_ s: String) -> Double? {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var body = bytes[...]
        var sign = ""
        if body.first == UInt8(ascii: "+") || body.first == UInt8(ascii: "-") {
            sign = body.first == UInt8(ascii: "-") ? "-" : ""
            body = body.dropFirst()
        }
        let lowered = String(decoding: body.map(lower), as: UTF8.self)
        if lowered == "inf" || lowered == "infinity" { return sign == "-" ? -.infinity : .infinity }
        if lowered == "nan" { return sign.isEmpty && bytes.first != UInt8(ascii: "+") ? .nan : nil }
        let isHex = lowered.hasPrefix("0x")
        var cleaned: [UInt8] = []
        var sawDigit = false
        var sawExp = false
        for c in body {
            switch c {
            case UInt8(ascii: "_"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if !sawExp { sawDigit = true }
            case UInt8(ascii: "."): break
            case UInt8(ascii: "e"), UInt8(ascii: "E"): if !isHex { sawExp = true }
            case UInt8(ascii: "p"), UInt8(ascii: "P"): if !isHex { return nil }; sawExp = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"): if !sawExp { return nil }
            case UInt8(ascii: "x"), UInt8(ascii: "X"): if !isHex { return nil }
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                if !isHex { return nil }
                if !sawExp { sawDigit = true }
            default: return nil
            }
            cleaned.append(c)
        }
        if isHex && !sawExp { return nil }
        if !isHex && !sawDigit { return nil }
        if cleaned.count != body.count && !underscoreOK(bytes[...]) { return nil }
        guard let value = Double(sign + String(decoding: cleaned, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Go's `underscoreOK`: underscores only between digits or after a base prefix.
    static func underscoreOK(_ text: ArraySlice<UInt8>) -> Bool {
        var s = text
        var saw: UInt8 = UInt8(ascii: "^")
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { s = s.dropFirst() }
        var hex = false
        if s.count >= 2, s.first == UInt8(ascii: "0") {
            let c = lower(s[s.startIndex + 1])
            if c == UInt8(ascii: "b") || c == UInt8(ascii: "o") || c == UInt8(ascii: "x") {
                s = s.dropFirst(2)
                saw = UInt8(ascii: "0")
                hex = c == UInt8(ascii: "x")
            }
        }
        for c in s {
            let l = lower(c)
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (hex && l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
                continue
            }
            if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }

    private static func lower(_ c: UInt8) -> UInt8 { c | 0x20 }
}
