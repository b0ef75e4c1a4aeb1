/// go-yaml's choice of style for a Go string (`encode.go`, `stringv`): a
/// string that would read back as something else when written plain gets
/// double quotes; one with a line feed gets a literal block.
public enum EmitStringStyle {
    /// The style go-yaml's encoder requests for the Go string `s` (the
    /// emitter may still fall back to another one).
    ///
    /// - v2: literal if `s` contains `\n`; else plain if `resolve("", s)`
    ///   gives `!!str` and `s` is no base-60 float; else double-quoted.
    /// - v3: the same, and YAML 1.1 booleans (`yes`, `off`, `y`…) are quoted too.
    public static func requestedStyle(for s: String, dialect: EmitDialect) -> EmitScalarStyle {
        if s.utf8.contains(UInt8(ascii: "\n")) { return .literal }
        let canUsePlain = !resolvesToNonString(s) && !isBase60Float(s) && !(dialect == .v3 && isOldBool(s))
        return canUsePlain ? .plain : .doubleQuoted
    }

    /// Whether go-yaml's resolver (v2 and v3 agree for untagged text, once
    /// v3's `isOldBool` check is added) gives the plain scalar `s` a tag
    /// other than `!!str`: null, bool, int, float or timestamp.
    public static func resolvesToNonString(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first else { return true }  // "" is null
        let c = first
        let isSign = c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
        let isDigit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
        let isMapHint = "yYnNtTfFoO~".utf8.contains(c)
        let isDot = c == UInt8(ascii: ".")
        guard isSign || isDigit || isMapHint || isDot else { return false }
        if v2ResolveTable.contains(s) { return true }
        if isMapHint { return false }
        if isDot { return GoNumberSyntax.parseFloatOK(b) }
        // Digit or sign: timestamp, int, uint, then YAML-style float.
        if GoTimestampSyntax.matches(b) { return true }
        let plain = b.filter { $0 != UInt8(ascii: "_") }
        if GoNumberSyntax.parseIntBase0(plain) != nil { return true }
        if GoNumberSyntax.parseUintBase0(plain) != nil { return true }
        if GoNumberSyntax.isYAMLStyleFloat(plain) && GoNumberSyntax.parseFloatOK(plain) { return true }
        return false
    }

    /// `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    public static func isBase60Float(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
        func digit(_ j: Int) -> Bool { j < b.count && b[j] >= 48 && b[j] <= 57 }
        guard digit(i) else { return false }
        i += 1
        while i < b.count && (digit(i) || b[i] == UInt8(ascii: "_")) { i += 1 }
        var groups = 0
        while i < b.count && b[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]
            if digit(i) && digit(i + 1) && b[i] <= UInt8(ascii: "5") {
                i += 2
            } else if digit(i) {
                i += 1
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count && (digit(i) || b[i] == UInt8(ascii: "_")) { i += 1 }
        }
        return i == b.count
    }

    /// v3's `isOldBool`: the YAML 1.1 booleans v3 no longer resolves.
    public static func isOldBool(_ s: String) -> Bool {
        oldBools.contains(s)
    }

    static let oldBools: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    ]

    /// v2's `resolveMap` (v3's is the same minus the YAML 1.1 booleans, which
    /// v3's encoder quotes through `isOldBool` anyway).
    static let v2ResolveTable: Set<String> = oldBools.union([
        "true", "True", "TRUE", "false", "False", "FALSE",
        "", "~", "null", "Null", "NULL",
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
        "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
        "<<",
    ])
}

/// Syntax checks mirroring Go's `strconv` parsers (only whether they succeed).
enum GoNumberSyntax {
    /// `strconv.ParseUint(s, 0, 64)`.
    static func parseUintBase0(_ s: [UInt8]) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var base: UInt64 = 10
        var digits = s[...]
        if s[0] == UInt8(ascii: "0") {
            let second = s.count >= 3 ? s[1] | 0x20 : 0
            switch second {
            case UInt8(ascii: "b"): base = 2; digits = s[2...]
            case UInt8(ascii: "o"): base = 8; digits = s[2...]
            case UInt8(ascii: "x"): base = 16; digits = s[2...]
            default: base = 8; digits = s[1...]
            }
        }
        var n: UInt64 = 0
        for c in digits {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - 97 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - 65 + 10)
            default: return nil
            }
            guard d < base else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            n = a
        }
        return n
    }

    /// `strconv.ParseInt(s, 0, 64)`.
    static func parseIntBase0(_ s: [UInt8]) -> Int64? {
        guard !s.isEmpty else { return nil }
        var body = s[...]
        var negative = false
        if s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") {
            negative = s[0] == UInt8(ascii: "-")
            body = s[1...]
        }
        guard let u = parseUintBase0(Array(body)) else { return nil }
        if negative {
            if u > UInt64(Int64.max) + 1 { return nil }
            return u == UInt64(Int64.max) + 1 ? Int64.min : -Int64(u)
        }
        return u > UInt64(Int64.max) ? nil : Int64(u)
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        func digit(_ j: Int) -> Bool { j < b.count && b[j] >= 48 && b[j] <= 57 }
        if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        } else {
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
            if i < b.count && b[i] == UInt8(ascii: ".") {
                i += 1
                while digit(i) { i += 1 }
            }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == b.count
    }

    /// Whether `strconv.ParseFloat(s, 64)` succeeds for a decimal text:
    /// the syntax of a Go decimal float, and no overflow to infinity.
    /// (Go also takes `inf`/`nan` words and hex floats; go-yaml only asks
    /// about texts that start with a digit, a sign or a dot, and `.inf`
    /// forms are in the resolve table.)
    static func parseFloatOK(_ b: [UInt8]) -> Bool {
        var i = 0
        func digit(_ j: Int) -> Bool { j < b.count && b[j] >= 48 && b[j] <= 57 }
        if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
        let rest = Array(b[i...])
        let lower = String(decoding: rest, as: UTF8.self).lowercased()
        if lower == "inf" || lower == "infinity" || lower == "nan" { return true }
        if rest.count > 2 && rest[0] == UInt8(ascii: "0") && (rest[1] | 0x20) == UInt8(ascii: "x") {
            return false  // hex floats need a 'p' exponent; not worth modelling
        }
        var sawDigits = false
        while digit(i) { i += 1; sawDigits = true }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while digit(i) { i += 1; sawDigits = true }
        }
        guard sawDigits else { return false }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        guard i == b.count else { return false }
        // Overflow: Go reports ErrRange (an error) when the value is ±Inf.
        var text = String(decoding: b, as: UTF8.self)
        if text.hasPrefix("+") { text.removeFirst() }
        text = text.replacing(".e", with: ".0e").replacing(".E", with: ".0E")
        if text.hasSuffix(".") { text += "0" }
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasPrefix("-.") { text = "-0" + text.dropFirst() }
        guard let value = Double(text) else { return true }
        return value.isFinite
    }
}
