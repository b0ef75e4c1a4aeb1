import GoStd

/// Go's strconv rules for template literals: integers with base prefixes
/// and underscores, floats, and quoted strings and characters.
enum Literals {
    struct SyntaxError: Error, CustomStringConvertible {
        var description: String { "invalid syntax" }
    }

    /// underscores: in `[+-]? ('0' [bBoOxX])? rest`, each `_` sits between two
    /// digits (hex letters count after `0x`) or between the base prefix and a
    /// digit (Go's `underscoreOK`).
    static func underscoreOK(_ text: Substring.UTF8View) -> Bool {
        var s = Array(text)
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s.removeFirst() }
        var saw: UInt8 = UInt8(ascii: "^")
        var i = 0
        var hex = false
        if s.count >= 2 && s[0] == UInt8(ascii: "0") {
            let c = s[1] | 0x20
            if c == UInt8(ascii: "b") || c == UInt8(ascii: "o") || c == UInt8(ascii: "x") {
                i = 2
                saw = UInt8(ascii: "0")
                hex = c == UInt8(ascii: "x")
            }
        }
        while i < s.count {
            let c = s[i]
            let lower = c | 0x20
            if (c >= 0x30 && c <= 0x39) || (hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = c
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }

    /// uint: `'0' [xXoObB] digit+ | '0' octal* | [1-9] decimal*`, digits of the base
    /// with `_` as ``underscoreOK(_:)`` allows (`strconv.ParseUint(s, 0, 64)`;
    /// no sign). nil on syntax errors and overflow.
    static func parseUint(_ text: Substring) -> UInt64? {
        var s = Substring(text)
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        let u = Array(s.utf8)
        if u[0] == UInt8(ascii: "0") {
            if u.count >= 3, case let c = u[1] | 0x20, c == UInt8(ascii: "x") || c == UInt8(ascii: "o") || c == UInt8(ascii: "b") {
                base = c == UInt8(ascii: "x") ? 16 : c == UInt8(ascii: "o") ? 8 : 2
                s = s.dropFirst(2)
            } else {
                base = 8
                s = s.dropFirst(1)
            }
        }
        var n: UInt64 = 0
        var underscores = false
        for c in s.utf8 {
            var d: UInt64
            switch c {
            case UInt8(ascii: "_"): underscores = true; continue
            case 0x30...0x39: d = UInt64(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            if d >= base { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            n = a
        }
        if underscores && !underscoreOK(text.utf8) { return nil }
        if base != 10 && base != 8 && s.isEmpty { return nil }
        return n
    }

    /// int: `[+-]? uint` in Int64's range (`strconv.ParseInt(s, 0, 64)`).
    static func parseInt(_ text: Substring) -> Int64? {
        var s = text
        var negative = false
        if let f = s.first, f == "+" || f == "-" {
            negative = f == "-"
            s = s.dropFirst()
        }
        guard let u = parseUint(s) else { return nil }
        if negative {
            if u > UInt64(Int64.max) + 1 { return nil }
            return u == UInt64(Int64.max) + 1 ? Int64.min : -Int64(u)
        }
        if u > UInt64(Int64.max) { return nil }
        return Int64(u)
    }

    /// float: `[+-]? (decimal-float | '0' [xX] hex-mantissa [pP] [+-]? decimal)`,
    /// with `_` as ``underscoreOK(_:)`` allows; no `0b`/`0o`, no `inf`/`nan`
    /// (the lexer never makes them). `strconv.ParseFloat(s, 64)` for the forms
    /// the lexer produces; nil on syntax errors and on overflow to infinity.
    static func parseFloat(_ text: Substring) -> Double? {
        guard !text.isEmpty else { return nil }
        var s = String(text)
        if s.contains("_") {
            guard underscoreOK(text.utf8) else { return nil }
            s.removeAll { $0 == "_" }
        }
        let body = s.hasPrefix("+") || s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        let lower = body.lowercased()
        if lower.hasPrefix("0x") {
            // Hex floats need a p exponent in Go (except plain hex ints).
            if !lower.contains("p") { return nil }
        } else if lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return nil
        }
        guard body.first.map({ $0.isNumber || $0 == "." }) == true, let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// string: `'"' (any - '"' - '\' - newline | escape)* '"'` or
    /// `` '`' (any - '`')* '`' `` (carriage returns dropped) — `strconv.Unquote`.
    static func unquote(_ text: String) throws -> GoString {
        let u = Array(text.utf8)
        guard u.count >= 2, let q = u.first, q == u.last else { throw SyntaxError() }
        let inner = u[1..<(u.count - 1)]
        if q == UInt8(ascii: "`") {
            if inner.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            return GoString(bytes: inner.filter { $0 != 0x0D })
        }
        guard q == UInt8(ascii: "\"") else { throw SyntaxError() }
        // Most literals have no escape: their bytes are the string.
        if !inner.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) {
            return GoString(bytes: inner)
        }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.startIndex
        while i < inner.endIndex {
            let c = inner[i]
            if c == UInt8(ascii: "\"") || c == 0x0A { throw SyntaxError() }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            let (bytes, next) = try unescape(inner, at: i, quote: q)
            out.append(contentsOf: bytes)
            i = next
        }
        return GoString(bytes: out)
    }

    /// charConstant: `"'" (any - "'" - '\' | escape) "'"` — exactly one character,
    /// decoded to its code point (Go's `UnquoteChar` plus the tail check:
    /// `malformed character constant`).
    static func unquoteChar(_ text: String) throws -> UInt32 {
        let u = Array(text.utf8)
        guard u.count >= 3 else { throw SyntaxError() }
        let body = u[1...]
        var value: UInt32
        var next: Int
        if body[1] == UInt8(ascii: "\\") {
            let (bytes, n) = try unescape(body, at: 1, quote: UInt8(ascii: "'"))
            next = n
            value = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0
        } else {
            if body[1] == UInt8(ascii: "'") { throw SyntaxError() }
            let s = String(decoding: body[1...], as: UTF8.self)
            guard let scalar = s.unicodeScalars.first else { throw SyntaxError() }
            value = scalar.value
            next = 1 + String(scalar).utf8.count
        }
        if next != u.count - 1 || u[next] != UInt8(ascii: "'") {
            throw GoError("malformed character constant: \(text)")
        }
        return value
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// escape: `'\' ([abfnrtv\] | quote | 'x' hex{2} | 'u' hex{4} | 'U' hex{8} | [0-7]{3})`.
    /// `\'` is allowed only in character constants and `\"` only in strings;
    /// `\x` and octal give one byte in a string, a code point in a character
    /// constant; `\u`/`\U` must be a valid scalar. Returns the UTF-8 bytes and
    /// the index after the escape.
    private static func unescape(_ s: ArraySlice<UInt8>, at i: Int, quote: UInt8) throws -> ([UInt8], Int) {
        guard i + 1 < s.endIndex else { throw SyntaxError() }
        let c = s[i + 1]
        func utf8(_ v: UInt32) throws -> [UInt8] {
            guard let scalar = Unicode.Scalar(v) else { throw SyntaxError() }
            return Array(String(scalar).utf8)
        }
        switch c {
        case UInt8(ascii: "a"): return ([0x07], i + 2)
        case UInt8(ascii: "b"): return ([0x08], i + 2)
        case UInt8(ascii: "f"): return ([0x0C], i + 2)
        case UInt8(ascii: "n"): return ([0x0A], i + 2)
        case UInt8(ascii: "r"): return ([0x0D], i + 2)
        case UInt8(ascii: "t"): return ([0x09], i + 2)
        case UInt8(ascii: "v"): return ([0x0B], i + 2)
        case UInt8(ascii: "\\"): return ([0x5C], i + 2)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            if c != quote { throw SyntaxError() }
            return ([c], i + 2)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            guard i + 2 + n <= s.endIndex else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<n {
                guard let h = hexValue(s[i + 2 + k]) else { throw SyntaxError() }
                v = v << 4 | h
            }
            if c == UInt8(ascii: "x") { return (quote == UInt8(ascii: "'") ? try utf8(v) : [UInt8(v)], i + 2 + n) }
            if v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { throw SyntaxError() }
            return (try utf8(v), i + 2 + n)
        case 0x30...0x37:
            guard i + 4 <= s.endIndex else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<3 {
                let d = s[i + 1 + k]
                guard d >= 0x30 && d <= 0x37 else { throw SyntaxError() }
                v = v << 3 | UInt32(d - 0x30)
            }
            if v > 255 { throw SyntaxError() }
            return (quote == UInt8(ascii: "'") ? try utf8(v) : [UInt8(v)], i + 4)
        default:
            throw SyntaxError()
        }
    }
}
