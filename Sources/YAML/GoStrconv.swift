/// Go's `strconv` number parsing, as go-yaml and Go templates rely on it.
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

    /// `strconv.ParseFloat(s, 64)` for decimal text (what go-yaml feeds it):
    /// nil on syntax errors and on overflow to infinity.
    public static func parseFloat(_ s: String) -> Double? {
        guard isYAMLStyleFloat(s), let value = Double(s), value.isFinite else { return nil }
        return value
    }

    /// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    public static func isYAMLStyleFloat(_ s: String) -> Bool {
        var it = Array(s.utf8)[...]
        if let c = it.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { it = it.dropFirst() }
        func digits(_ x: inout ArraySlice<UInt8>) -> Int {
            var n = 0
            while let c = x.first, c >= 48 && c <= 57 { x = x.dropFirst(); n += 1 }
            return n
        }
        if it.first == UInt8(ascii: ".") {
            it = it.dropFirst()
            if digits(&it) == 0 { return false }
        } else {
            if digits(&it) == 0 { return false }
            if it.first == UInt8(ascii: ".") { it = it.dropFirst(); _ = digits(&it) }
        }
        if let c = it.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            it = it.dropFirst()
            if let c = it.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { it = it.dropFirst() }
            if digits(&it) == 0 { return false }
        }
        return it.isEmpty
    }

    /// Standard base64 (`base64.StdEncoding.DecodeString`), ignoring line breaks.
    public static func decodeBase64(_ text: String) -> String? {
        guard let bytes = base64Decode(text.utf8.filter { $0 != 10 && $0 != 13 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes standard, padded base64; nil on any malformed input.
    public static func base64Decode(_ input: [UInt8]) -> [UInt8]? {
        guard input.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3)
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return c - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return c - 97 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 48 + 52
            case UInt8(ascii: "+"): return 62
            case UInt8(ascii: "/"): return 63
            default: return nil
            }
        }
        var i = 0
        while i < input.count {
            let chunk = input[i..<i + 4]
            let padding = chunk.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            guard padding <= 2, i + 4 == input.count || padding == 0 else { return nil }
            var acc: UInt32 = 0
            for (j, c) in chunk.enumerated() {
                if j >= 4 - padding { acc <<= 6; continue }
                guard let v = value(c) else { return nil }
                acc = acc << 6 | UInt32(v)
            }
            out.append(UInt8(acc >> 16 & 0xFF))
            if padding < 2 { out.append(UInt8(acc >> 8 & 0xFF)) }
            if padding < 1 { out.append(UInt8(acc & 0xFF)) }
            i += 4
        }
        return out
    }
}
