import GoStd
import GoTemplate
import Values

/// An arbitrary-precision decimal as shopspring/decimal v1.4 computes it
/// for Sprig's `addf`/`subf`/`mulf`/`divf`: `mantissa × 10^exponent`.
struct GoDecimal {
    var negative: Bool
    var mantissa: BigUInt
    var exponent: Int

    /// `decimal.DivisionPrecision`: digits kept after the point by `Div`.
    static let divisionPrecision = 16

    /// `decimal.NewFromFloat(f)`: the shortest decimal that reads back as
    /// `f`. NaN and infinities panic with shopspring's message.
    init(_ f: Double) throws {
        guard f.isFinite else { throw GoError("Cannot create a Decimal from \(GoFloat.formatG(f))") }
        negative = f.sign == .minus && f != 0
        if f == 0 {
            mantissa = BigUInt(0)
            exponent = 0
            return
        }
        let (digits, point) = GoFloat.shortestDigits(abs(f))
        var m = BigUInt(0)
        for d in digits { m = m.multiplied(bySmall: 10).adding(BigUInt(UInt64(d))) }
        mantissa = m
        exponent = point - digits.count
    }

    init(negative: Bool, mantissa: BigUInt, exponent: Int) {
        self.negative = negative && !mantissa.isZero
        self.mantissa = mantissa
        self.exponent = exponent
    }

    private func scaled(to e: Int) -> BigUInt {
        exponent > e ? mantissa.multiplied(by: BigUInt.power10(exponent - e)) : mantissa
    }

    /// `d.Add(d2)`.
    func adding(_ other: GoDecimal) -> GoDecimal {
        let e = Swift.min(exponent, other.exponent)
        let a = scaled(to: e), b = other.scaled(to: e)
        if negative == other.negative { return GoDecimal(negative: negative, mantissa: a.adding(b), exponent: e) }
        if a >= b { return GoDecimal(negative: negative, mantissa: a.subtracting(b), exponent: e) }
        return GoDecimal(negative: other.negative, mantissa: b.subtracting(a), exponent: e)
    }

    /// `d.Sub(d2)`.
    func subtracting(_ other: GoDecimal) -> GoDecimal {
        var o = other
        o.negative = !o.negative && !o.mantissa.isZero
        return adding(o)
    }

    /// `d.Mul(d2)`.
    func multiplied(by other: GoDecimal) -> GoDecimal {
        GoDecimal(negative: negative != other.negative, mantissa: mantissa.multiplied(by: other.mantissa),
                  exponent: exponent + other.exponent)
    }

    /// `d.Div(d2)`: rounded half away from zero to 16 places after the point.
    func divided(by other: GoDecimal) throws -> GoDecimal {
        if other.mantissa.isZero { throw GoError("decimal division by 0") }
        let precision = GoDecimal.divisionPrecision
        // value × 10^precision = (a·10^ea) / (b·10^eb) × 10^precision
        let shift = exponent - other.exponent + precision
        var numerator = mantissa
        var denominator = other.mantissa
        if shift >= 0 {
            numerator = numerator.multiplied(by: BigUInt.power10(shift))
        } else {
            denominator = denominator.multiplied(by: BigUInt.power10(-shift))
        }
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r.adding(r) >= denominator { q = q.adding(BigUInt(1)) }
        return GoDecimal(negative: negative != other.negative, mantissa: q, exponent: -precision)
    }

    /// `d.Float64()`: the nearest float64 (ties to even).
    var float64: Double {
        if mantissa.isZero { return 0 }
        let text = (negative ? "-" : "") + mantissa.decimalString + "e" + String(exponent)
        return Double(text) ?? 0
    }
}

/// A non-negative integer of any size (little-endian 64-bit limbs).
struct BigUInt: Comparable {
    private(set) var limbs: [UInt64]

    init(_ v: UInt64) { limbs = v == 0 ? [] : [v] }
    private init(limbs: [UInt64]) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
    }

    var isZero: Bool { limbs.isEmpty }

    static func power10(_ n: Int) -> BigUInt {
        var result = BigUInt(1)
        var left = n
        while left > 0 {
            let step = Swift.min(left, 19)
            var p: UInt64 = 1
            for _ in 0..<step { p *= 10 }
            result = result.multiplied(bySmall: p)
            left -= step
        }
        return result
    }

    static func < (a: BigUInt, b: BigUInt) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        var i = a.limbs.count - 1
        while i >= 0 {
            if a.limbs[i] != b.limbs[i] { return a.limbs[i] < b.limbs[i] }
            i -= 1
        }
        return false
    }

    func adding(_ other: BigUInt) -> BigUInt {
        var out: [UInt64] = []
        var carry: UInt64 = 0
        for i in 0..<Swift.max(limbs.count, other.limbs.count) {
            let a = i < limbs.count ? limbs[i] : 0
            let b = i < other.limbs.count ? other.limbs[i] : 0
            let (s1, o1) = a.addingReportingOverflow(b)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            out.append(s2)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        if carry > 0 { out.append(carry) }
        return BigUInt(limbs: out)
    }

    /// `self - other`; requires `self >= other`.
    func subtracting(_ other: BigUInt) -> BigUInt {
        var out: [UInt64] = []
        var borrow: UInt64 = 0
        for i in 0..<limbs.count {
            let b = i < other.limbs.count ? other.limbs[i] : 0
            let (d1, o1) = limbs[i].subtractingReportingOverflow(b)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            out.append(d2)
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return BigUInt(limbs: out)
    }

    func multiplied(bySmall m: UInt64) -> BigUInt {
        var out: [UInt64] = []
        var carry: UInt64 = 0
        for limb in limbs {
            let (hi, lo) = limb.multipliedFullWidth(by: m)
            let (s, o) = lo.addingReportingOverflow(carry)
            out.append(s)
            carry = hi + (o ? 1 : 0)
        }
        if carry > 0 { out.append(carry) }
        return BigUInt(limbs: out)
    }

    func multiplied(by other: BigUInt) -> BigUInt {
        if isZero || other.isZero { return BigUInt(0) }
        var out = [UInt64](repeating: 0, count: limbs.count + other.limbs.count)
        for (i, a) in limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in other.limbs.enumerated() {
                let (hi, lo) = a.multipliedFullWidth(by: b)
                let (s1, o1) = out[i + j].addingReportingOverflow(lo)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i + j] = s2
                carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            out[i + other.limbs.count] = carry
        }
        return BigUInt(limbs: out)
    }

    /// Division by a one-limb divisor.
    func quotientAndRemainder(dividingBySmall d: UInt64) -> (BigUInt, UInt64) {
        var out = [UInt64](repeating: 0, count: limbs.count)
        var rem: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            let (q, r) = d.dividingFullWidth((high: rem, low: limbs[i]))
            out[i] = q
            rem = r
            i -= 1
        }
        return (BigUInt(limbs: out), rem)
    }

    /// Truncated division (binary long division for big divisors).
    func quotientAndRemainder(dividingBy d: BigUInt) -> (BigUInt, BigUInt) {
        if d.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBySmall: d.limbs[0])
            return (q, BigUInt(r))
        }
        if self < d { return (BigUInt(0), self) }
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var rem = BigUInt(0)
        var bit = limbs.count * 64 - 1
        while bit >= 0 {
            rem = rem.shiftedLeftOne(setting: (limbs[bit / 64] >> UInt64(bit % 64)) & 1 == 1)
            if rem >= d {
                rem = rem.subtracting(d)
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
            bit -= 1
        }
        return (BigUInt(limbs: quotient), rem)
    }

    private func shiftedLeftOne(setting low: Bool) -> BigUInt {
        var out: [UInt64] = []
        var carry: UInt64 = low ? 1 : 0
        for limb in limbs {
            out.append(limb << 1 | carry)
            carry = limb >> 63
        }
        if carry > 0 { out.append(carry) }
        return BigUInt(limbs: out)
    }

    /// Base-10 digits.
    var decimalString: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var n = self
        let base: UInt64 = 10_000_000_000_000_000_000
        while !n.isZero {
            let (q, r) = n.quotientAndRemainder(dividingBySmall: base)
            chunks.append(r)
            n = q
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let s = String(chunk)
            text += String(repeating: "0", count: 19 - s.count) + s
        }
        return text
    }
}
