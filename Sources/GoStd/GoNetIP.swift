/// Go's `netip.ParseAddr` error texts, for JSON Schema's `ipv6` format
/// (and `email` with an `[IPv6:…]` domain) and `url.Parse`'s IP literals.
public enum GoNetIP {
    /// nil if Go parses `s` as an address; else `ParseAddr("s"): <why>`.
    public static func parseAddr(_ s: String) -> String? {
        let b = Array(s.utf8)
        for c in b {
            switch c {
            case UInt8(ascii: "."): return ipv4Fields(b, in: s, from: 0, to: b.count)
            case UInt8(ascii: ":"): return ipv6(b, in: s)
            case UInt8(ascii: "%"): return error(s, "missing IPv6 address")
            default: continue
            }
        }
        return error(s, "unable to parse IP")
    }

    /// Whether Go parses `s` as an IPv4 address (`Addr.Is4`).
    public static func isIPv4(_ s: String) -> Bool {
        s.utf8.first { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "%") } == UInt8(ascii: ".")
            && parseAddr(s) == nil
    }

    private static func error(_ input: String, _ message: String, at: [UInt8]? = nil) -> String {
        var text = "ParseAddr(\(GoQuote.quote(input))): \(message)"
        if let at, !at.isEmpty { text += " (at \(GoQuote.quote(String(decoding: at, as: UTF8.self))))" }
        return text
    }

    private static func ipv4Fields(_ all: [UInt8], in input: String, from: Int, to: Int) -> String? {
        let s = Array(all[from..<to])
        var val = 0, pos = 0, digits = 0
        for (i, c) in s.enumerated() {
            if c >= 48 && c <= 57 {
                if digits == 1 && val == 0 { return error(input, "IPv4 field has octet with leading zero") }
                val = val * 10 + Int(c - 48)
                digits += 1
                if val > 255 { return error(input, "IPv4 field has value >255") }
            } else if c == UInt8(ascii: ".") {
                if i == 0 || i == s.count - 1 || s[i - 1] == UInt8(ascii: ".") {
                    return error(input, "IPv4 field must have at least one digit", at: Array(s[i...]))
                }
                if pos == 3 { return error(input, "IPv4 address too long") }
                pos += 1
                val = 0
                digits = 0
            } else {
                return error(input, "unexpected character", at: Array(s[i...]))
            }
        }
        return pos < 3 ? error(input, "IPv4 address too short") : nil
    }

    private static func ipv6(_ all: [UInt8], in input: String) -> String? {
        var s = all
        var zoneLength = 0
        if let percent = s.firstIndex(of: UInt8(ascii: "%")) {
            zoneLength = s.count - percent - 1
            if zoneLength == 0 { return error(input, "zone must be a non-empty string") }
            s = Array(s[..<percent])
        }
        var ellipsis = -1
        if s.count >= 2, s[0] == UInt8(ascii: ":"), s[1] == UInt8(ascii: ":") {
            ellipsis = 0
            s.removeFirst(2)
            if s.isEmpty { return nil }
        }
        var i = 0
        while i < 16 {
            var off = 0
            var acc: UInt32 = 0
            while off < s.count {
                let c = s[off]
                if c >= 48 && c <= 57 {
                    acc = acc << 4 + UInt32(c - 48)
                } else if c >= 97 && c <= 102 {
                    acc = acc << 4 + UInt32(c - 87)
                } else if c >= 65 && c <= 70 {
                    acc = acc << 4 + UInt32(c - 55)
                } else {
                    break
                }
                if off > 3 { return error(input, "each group must have 4 or less digits", at: s) }
                if acc > 0xFFFF { return error(input, "IPv6 field has value >=2^16", at: s) }
                off += 1
            }
            if off == 0 { return error(input, "each colon-separated field must have at least one digit", at: s) }
            if off < s.count, s[off] == UInt8(ascii: ".") {
                if ellipsis < 0 && i != 12 {
                    return error(input, "embedded IPv4 address must replace the final 2 fields of the address", at: s)
                }
                if i + 4 > 16 { return error(input, "too many hex fields to fit an embedded IPv4 at the end of the address", at: s) }
                let end = all.count - (zoneLength > 0 ? zoneLength + 1 : 0)
                if let e = ipv4Fields(all, in: input, from: end - s.count, to: end) { return e }
                s = []
                i += 4
                break
            }
            i += 2
            s.removeFirst(off)
            if s.isEmpty { break }
            if s[0] != UInt8(ascii: ":") { return error(input, "unexpected character, want colon", at: s) }
            if s.count == 1 { return error(input, "colon must be followed by more characters", at: s) }
            s.removeFirst()
            if s[0] == UInt8(ascii: ":") {
                if ellipsis >= 0 { return error(input, "multiple :: in address", at: s) }
                ellipsis = i
                s.removeFirst()
                if s.isEmpty { break }
            }
        }
        if !s.isEmpty { return error(input, "trailing garbage after address", at: s) }
        if i < 16 {
            if ellipsis < 0 { return error(input, "address string too short") }
        } else if ellipsis >= 0 {
            return error(input, "the :: must expand to at least one field of zeros")
        }
        return nil
    }
}
