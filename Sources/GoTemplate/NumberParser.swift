import GoStd

/// Go's `parse.newNumber`: every reading of a numeric literal.
enum NumberParser {
    /// number:
    ///
    ///     charConstant             int, uint and float of its code point
    ///     real [+-] imaginary 'i'  complex (item `complex`)
    ///     float 'i'                complex with that imaginary part
    ///     uint | int | float       every reading that fits (a float with an exact
    ///                              integer value also reads as int/uint)
    ///
    /// A literal that reads only as a float but has no `.`, `e` or `p` is
    /// `integer overflow`; no reading at all is `illegal number syntax`.
    static func number(pos: Int, text: String, type: ItemType) throws -> NumberNode {
        var n = NumberNode(pos: pos, text: text)
        if type == .charConstant {
            let r = try Literals.unquoteChar(text)
            n.int64 = Int64(r); n.isInt = true
            n.uint64 = UInt64(r); n.isUint = true
            n.float64 = Double(r); n.isFloat = true
            return n
        }
        if type == .complex {
            guard let (re, im) = parseComplex(text) else { throw GoError("expected integer") }
            n.isComplex = true
            n.complex = (re, im)
            simplifyComplex(&n)
            return n
        }
        let sub = Substring(text)
        if text.hasSuffix("i"), let f = Literals.parseFloat(sub.dropLast()) {
            n.isComplex = true
            n.complex = (0, f)
            simplifyComplex(&n)
            return n
        }
        if let u = Literals.parseUint(sub) {
            n.isUint = true
            n.uint64 = u
        }
        if let i = Literals.parseInt(sub) {
            n.isInt = true
            n.int64 = i
            if i == 0 {
                n.isUint = true
                n.uint64 = 0
            }
        }
        if n.isInt {
            n.isFloat = true
            n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true
            n.float64 = Double(n.uint64)
        } else if let f = Literals.parseFloat(sub) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw GoError("integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true
            n.float64 = f
            if !n.isInt, let i = exactInt64(f) { n.isInt = true; n.int64 = i }
            if !n.isUint, let u = exactUInt64(f) { n.isUint = true; n.uint64 = u }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw GoError("illegal number syntax: \(GoQuote.quote(text))")
        }
        return n
    }

    static func exactInt64(_ f: Double) -> Int64? {
        guard f >= -9.223372036854775808e18, f < 9.223372036854775808e18, f.rounded(.towardZero) == f else { return nil }
        return Int64(f)
    }

    static func exactUInt64(_ f: Double) -> UInt64? {
        guard f >= 0, f < 1.8446744073709551616e19, f.rounded(.towardZero) == f else { return nil }
        return UInt64(f)
    }

    private static func simplifyComplex(_ n: inout NumberNode) {
        n.isFloat = n.complex.im == 0
        if n.isFloat {
            n.float64 = n.complex.re
            if let i = exactInt64(n.float64) { n.isInt = true; n.int64 = i }
            if let u = exactUInt64(n.float64) { n.isUint = true; n.uint64 = u }
        }
    }

    /// complex: `real ('+' | '-') imaginary 'i'`, split at the last sign that does
    /// not follow an exponent letter; each part a float or, failing that, an int.
    /// (`fmt.Sscan` of `a+bi` / `a-bi`.)
    private static func parseComplex(_ text: String) -> (Double, Double)? {
        let u = Array(text.utf8)
        guard u.last == UInt8(ascii: "i") else { return nil }
        var split: Int?
        var i = u.count - 2
        while i > 0 {
            let c = u[i]
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && (u[i - 1] | 0x20) != UInt8(ascii: "e") && (u[i - 1] | 0x20) != UInt8(ascii: "p") {
                split = i
                break
            }
            i -= 1
        }
        guard let s = split else { return nil }
        let re = Substring(String(decoding: u[0..<s], as: UTF8.self))
        let im = Substring(String(decoding: u[s..<(u.count - 1)], as: UTF8.self))
        guard let r = Literals.parseFloat(re) ?? Literals.parseInt(re).map(Double.init),
              let m = Literals.parseFloat(im) ?? Literals.parseInt(im).map(Double.init) else { return nil }
        return (r, m)
    }
}
