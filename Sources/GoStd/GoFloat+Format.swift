/// `strconv.FormatFloat(f, fmt, prec, 64)` for every format Go's `fmt`
/// reaches: `e E f g G b x X`, with a fixed precision or `-1` (shortest).
extension GoFloat {
    /// The text Go's `strconv.FormatFloat(value, format, precision, 64)`
    /// returns. `format` is one of `e E f g G b x X` (anything else gives
    /// `%` followed by the format byte, as Go does); `precision` is the digit
    /// count after the point (`e`, `f`), the significant digit count (`g`),
    /// or `-1` for the shortest text that reads back as `value`.
    public static func format(_ value: Double, _ format: Character, precision: Int) -> String {
        guard let scalar = format.unicodeScalars.first, format.unicodeScalars.count == 1, scalar.isASCII else {
            return "%" + String(format)
        }
        return String(decoding: formatBytes(value, UInt8(scalar.value), precision: precision), as: UTF8.self)
    }

    /// ``format(_:_:precision:)`` as ASCII bytes.
    public static func formatBytes(_ value: Double, _ fmt: UInt8, precision: Int) -> [UInt8] {
        if value.isNaN { return Array("NaN".utf8) }
        if value.isInfinite { return Array((value < 0 ? "-Inf" : "+Inf").utf8) }
        let neg = value.sign == .minus
        let bits = value.bitPattern
        var exp = Int((bits >> 52) & 0x7FF)
        var mant = bits & ((1 << 52) - 1)
        if exp == 0 { exp += 1 } else { mant |= 1 << 52 }
        exp -= 1023
        switch fmt {
        case UInt8(ascii: "b"): return formatB(neg: neg, mant: mant, exp: exp - 52)
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return formatX(neg: neg, mant: mant, exp: exp, fmt: fmt, prec: precision)
        default: break
        }
        if mant == 0 {
            return formatEFG(neg: neg, digits: [], dp: 0, prec: precision, fmt: fmt, shortest: precision < 0)
        }
        if precision < 0 {
            let (digits, point) = shortestDigits(value)
            let nd = digits.count
            var prec = precision
            switch fmt {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): prec = max(nd - 1, 0)
            case UInt8(ascii: "f"): prec = max(nd - point, 0)
            case UInt8(ascii: "g"), UInt8(ascii: "G"): prec = nd
            default: break
            }
            return formatEFG(neg: neg, digits: digits, dp: point, prec: prec, fmt: fmt, shortest: true)
        }
        var d = ExactDecimal(mant)
        d.shift(exp - 52)
        var prec = precision
        switch fmt {
        case UInt8(ascii: "e"), UInt8(ascii: "E"): d.round(prec + 1)
        case UInt8(ascii: "f"): d.round(d.dp + prec)
        case UInt8(ascii: "g"), UInt8(ascii: "G"):
            if prec == 0 { prec = 1 }
            d.round(prec)
        default: break
        }
        return formatEFG(neg: neg, digits: d.digits, dp: d.dp, prec: prec, fmt: fmt, shortest: false)
    }

    /// Lays out decimal digits (values 0…9, the number being
    /// `0.d1d2… × 10^dp`) in `%e`, `%f` or `%g` form.
    static func formatEFG(neg: Bool, digits s: [UInt8], dp: Int, prec: Int, fmt: UInt8, shortest: Bool) -> [UInt8] {
        let nd = s.count
        var prec = prec
        var fmt = fmt
        if fmt == UInt8(ascii: "g") || fmt == UInt8(ascii: "G") {
            var eprec = prec
            if eprec > nd && nd >= dp { eprec = nd }
            if shortest { eprec = 6 }
            let exp = dp - 1
            if exp < -4 || exp >= eprec {
                if prec > nd { prec = nd }
                prec -= 1
                fmt = fmt == UInt8(ascii: "g") ? UInt8(ascii: "e") : UInt8(ascii: "E")
            } else {
                if prec > dp { prec = nd }
                prec = max(prec - dp, 0)
                fmt = UInt8(ascii: "f")
            }
        }
        let zero = UInt8(ascii: "0")
        var out: [UInt8] = []
        switch fmt {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            if neg { out.append(UInt8(ascii: "-")) }
            out.append(nd != 0 ? s[0] + zero : zero)
            if prec > 0 {
                out.append(UInt8(ascii: "."))
                var i = 1
                let m = min(nd, prec + 1)
                while i < m { out.append(s[i] + zero); i += 1 }
                while i < prec + 1 { out.append(zero); i += 1 }
            }
            out.append(fmt)
            var exp = nd == 0 ? 0 : dp - 1
            out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            exp = abs(exp)
            if exp < 10 {
                out += [zero, UInt8(exp) + zero]
            } else if exp < 100 {
                out += [UInt8(exp / 10) + zero, UInt8(exp % 10) + zero]
            } else {
                out += [UInt8(exp / 100) + zero, UInt8(exp / 10 % 10) + zero, UInt8(exp % 10) + zero]
            }
            return out
        case UInt8(ascii: "f"):
            if neg { out.append(UInt8(ascii: "-")) }
            if dp > 0 {
                let m = min(nd, dp)
                for c in s[..<m] { out.append(c + zero) }
                if dp > m { out += [UInt8](repeating: zero, count: dp - m) }
            } else {
                out.append(zero)
            }
            if prec > 0 {
                out.append(UInt8(ascii: "."))
                let lz = min(prec, max(0, -dp))
                let off = dp + lz
                let m = min(prec - lz, max(0, nd - off))
                let tz = max(0, prec - lz - m)
                out += [UInt8](repeating: zero, count: lz)
                for i in 0..<m { out.append(s[off + i] + zero) }
                out += [UInt8](repeating: zero, count: tz)
            }
            return out
        default:
            return [UInt8(ascii: "%"), fmt]
        }
    }

    /// `%b`: `-ddddp±ddd`, the binary mantissa and exponent in decimal.
    static func formatB(neg: Bool, mant: UInt64, exp: Int) -> [UInt8] {
        var text = neg ? "-" : ""
        text += String(mant) + "p" + (exp >= 0 ? "+" : "") + String(exp)
        return Array(text.utf8)
    }

    /// `%x` / `%X`: `-0x1.hhhhp±dd`, rounded to `prec` hex digits when
    /// `0 <= prec < 15` (ties to even).
    static func formatX(neg: Bool, mant: UInt64, exp: Int, fmt: UInt8, prec: Int) -> [UInt8] {
        var mant = mant
        var exp = mant == 0 ? 0 : exp
        mant <<= 60 - 52
        while mant != 0 && mant & (1 << 60) == 0 {
            mant <<= 1
            exp -= 1
        }
        if prec >= 0 && prec < 15 {
            let shift = UInt64(prec * 4)
            let extra = (mant << shift) & ((1 << 60) - 1)
            mant >>= 60 - shift
            if extra | (mant & 1) > 1 << 59 { mant += 1 }
            mant <<= 60 - shift
            if mant & (1 << 61) != 0 {
                mant >>= 1
                exp += 1
            }
        }
        let hex = Array((fmt == UInt8(ascii: "X") ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        if neg { out.append(UInt8(ascii: "-")) }
        out += [UInt8(ascii: "0"), fmt, UInt8(ascii: "0") + UInt8((mant >> 60) & 1)]
        mant <<= 4
        if prec < 0 && mant != 0 {
            out.append(UInt8(ascii: "."))
            while mant != 0 {
                out.append(hex[Int((mant >> 60) & 15)])
                mant <<= 4
            }
        } else if prec > 0 {
            out.append(UInt8(ascii: "."))
            for _ in 0..<prec {
                out.append(hex[Int((mant >> 60) & 15)])
                mant <<= 4
            }
        }
        out.append(fmt == UInt8(ascii: "X") ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        var e = String(abs(exp))
        if e.count < 2 { e = "0" + e }
        return out + Array(e.utf8)
    }
}

/// An exact decimal number `0.d1d2… × 10^dp`, enough to hold any float64
/// exactly, for correctly rounded fixed-precision formatting.
struct ExactDecimal {
    /// Digit values 0…9, no trailing zeros.
    var digits: [UInt8]
    /// Position of the decimal point.
    var dp: Int

    init(_ mantissa: UInt64) {
        digits = String(mantissa).utf8.map { $0 - UInt8(ascii: "0") }
        dp = digits.count
        trim()
    }

    private mutating func trim() {
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { dp = 0 }
    }

    /// Multiplies by `2^k` (k may be negative).
    mutating func shift(_ k: Int) {
        var k = k
        while k > 60 { leftShift(60); k -= 60 }
        if k > 0 { leftShift(k) }
        while k < -60 { rightShift(60); k += 60 }
        if k < 0 { rightShift(-k) }
    }

    private mutating func leftShift(_ k: Int) {
        var reversed: [UInt8] = []
        reversed.reserveCapacity(digits.count + 20)
        var carry: UInt64 = 0
        for d in digits.reversed() {
            let n = UInt64(d) << UInt64(k) + carry
            reversed.append(UInt8(n % 10))
            carry = n / 10
        }
        while carry > 0 {
            reversed.append(UInt8(carry % 10))
            carry /= 10
        }
        dp += reversed.count - digits.count
        digits = reversed.reversed()
        trim()
    }

    private mutating func rightShift(_ k: Int) {
        let k = UInt64(k)
        var r = 0
        var n: UInt64 = 0
        while n >> k == 0 {
            if r >= digits.count {
                if n == 0 { digits = []; dp = 0; return }
                while n >> k == 0 { n *= 10; r += 1 }
                break
            }
            n = n * 10 + UInt64(digits[r])
            r += 1
        }
        dp -= r - 1
        let mask: UInt64 = (1 << k) - 1
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + Int(k))
        while r < digits.count {
            out.append(UInt8(n >> k))
            n &= mask
            n = n * 10 + UInt64(digits[r])
            r += 1
        }
        while n > 0 {
            out.append(UInt8(n >> k))
            n &= mask
            n *= 10
        }
        digits = out
        trim()
    }

    /// Rounds to `nd` significant digits, ties to even (the value is exact).
    mutating func round(_ nd: Int) {
        guard nd >= 0 && nd < digits.count else { return }
        let up: Bool
        if digits[nd] == 5 && nd + 1 == digits.count {
            up = nd > 0 && digits[nd - 1] % 2 == 1
        } else {
            up = digits[nd] >= 5
        }
        if up {
            var i = nd - 1
            while i >= 0 && digits[i] == 9 { i -= 1 }
            if i < 0 {
                digits = [1]
                dp += 1
                return
            }
            digits[i] += 1
            digits.removeSubrange((i + 1)...)
        } else {
            digits.removeSubrange(nd...)
            trim()
        }
    }
}
