/// Modular arithmetic for one odd modulus in Montgomery form (R = 2^(64·k)
/// for a k-limb modulus): modular exponentiation and Miller–Rabin tests.
///
/// The inner loops work on raw buffers so that debug builds stay usable.
struct Montgomery {
    /// The modulus, `k` limbs, odd, top limb non-zero.
    let modulus: Natural
    private let n: [UInt64]
    private let k: Int
    /// -n⁻¹ mod 2^64.
    private let n0: UInt64
    /// R² mod n, for converting into Montgomery form.
    private let rSquared: [UInt64]
    /// R mod n: one in Montgomery form.
    let one: [UInt64]

    /// The context for an odd `modulus` above one.
    init(modulus: Natural) {
        precondition(modulus.isOdd && modulus.bitWidth > 1, "Montgomery modulus must be odd and > 1")
        self.modulus = modulus
        n = modulus.limbs
        k = n.count
        var inverse = n[0]
        for _ in 0..<5 { inverse = inverse &* (2 &- n[0] &* inverse) }
        n0 = 0 &- inverse
        let r = Natural(limbs: [UInt64](repeating: 0, count: k) + [1])
        let rMod = r.quotientAndRemainder(dividingBy: modulus).remainder
        one = Self.padded(rMod, k)
        // R² mod n by doubling R mod n another 64·k times.
        var acc = one + [0]
        for _ in 0..<(64 * k) {
            var carry: UInt64 = 0
            for j in 0..<acc.count {
                let next = acc[j] >> 63
                acc[j] = acc[j] << 1 | carry
                carry = next
            }
            if Natural.compare(acc[...], n[...]) >= 0 { Natural.subtract(&acc, n[...]) }
        }
        rSquared = Array(acc.prefix(k))
    }

    static func padded(_ x: Natural, _ count: Int) -> [UInt64] {
        x.limbs + [UInt64](repeating: 0, count: count - x.limbs.count)
    }

    /// `out = a·b·R⁻¹ mod n` (CIOS); `t` is k+2 limbs of scratch. `out` may alias `a` or `b`.
    private func multiply(
        _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>,
        into out: UnsafeMutablePointer<UInt64>, scratch t: UnsafeMutablePointer<UInt64>,
        modulus np: UnsafePointer<UInt64>
    ) {
        let k = self.k
        let n0 = self.n0
        t.update(repeating: 0, count: k + 2)
        var i = 0
        while i < k {
            let bi = b[i]
            var carry: UInt64 = 0
            var j = 0
            while j < k {
                let (hi, lo) = a[j].multipliedFullWidth(by: bi)
                let s1 = lo &+ t[j]
                let s2 = s1 &+ carry
                carry = hi &+ (s1 < lo ? 1 : 0) &+ (s2 < s1 ? 1 : 0)
                t[j] = s2
                j &+= 1
            }
            let top = t[k] &+ carry
            t[k + 1] = top < carry ? 1 : 0
            t[k] = top

            let m = t[0] &* n0
            let (hi0, lo0) = m.multipliedFullWidth(by: np[0])
            carry = hi0 &+ (lo0 &+ t[0] < lo0 ? 1 : 0)
            j = 1
            while j < k {
                let (hi, lo) = m.multipliedFullWidth(by: np[j])
                let s1 = lo &+ t[j]
                let s2 = s1 &+ carry
                carry = hi &+ (s1 < lo ? 1 : 0) &+ (s2 < s1 ? 1 : 0)
                t[j &- 1] = s2
                j &+= 1
            }
            let s = t[k] &+ carry
            t[k - 1] = s
            t[k] = t[k + 1] &+ (s < carry ? 1 : 0)
            i &+= 1
        }
        reduceOnce(t, into: out, modulus: np)
    }

    /// `out = a²·R⁻¹ mod n`: the square once (off-diagonal products doubled,
    /// plus the diagonal), then Montgomery reduction; `t` is 2k+1 limbs of scratch.
    private func square(
        _ a: UnsafePointer<UInt64>, into out: UnsafeMutablePointer<UInt64>,
        scratch t: UnsafeMutablePointer<UInt64>, modulus np: UnsafePointer<UInt64>
    ) {
        let k = self.k
        t.update(repeating: 0, count: 2 * k + 1)
        var i = 0
        while i < k {
            let ai = a[i]
            var carry: UInt64 = 0
            var j = i &+ 1
            while j < k {
                let (hi, lo) = ai.multipliedFullWidth(by: a[j])
                let s1 = lo &+ t[i &+ j]
                let s2 = s1 &+ carry
                carry = hi &+ (s1 < lo ? 1 : 0) &+ (s2 < s1 ? 1 : 0)
                t[i &+ j] = s2
                j &+= 1
            }
            t[i &+ k] = carry
            i &+= 1
        }
        var top: UInt64 = 0
        i = 0
        while i < 2 * k {
            let next = t[i] >> 63
            t[i] = t[i] << 1 | top
            top = next
            i &+= 1
        }
        var carry: UInt64 = 0
        i = 0
        while i < k {
            let (hi, lo) = a[i].multipliedFullWidth(by: a[i])
            let s1 = t[2 &* i] &+ lo
            let s2 = s1 &+ carry
            t[2 &* i] = s2
            let inner: UInt64 = (s1 < lo ? 1 : 0) &+ (s2 < s1 ? 1 : 0)
            let u1 = t[2 &* i &+ 1] &+ hi
            let u2 = u1 &+ inner
            t[2 &* i &+ 1] = u2
            carry = (u1 < hi ? 1 : 0) &+ (u2 < u1 ? 1 : 0)
            i &+= 1
        }
        let n0 = self.n0
        i = 0
        while i < k {
            let m = t[i] &* n0
            var carry: UInt64 = 0
            var j = 0
            while j < k {
                let (hi, lo) = m.multipliedFullWidth(by: np[j])
                let s1 = lo &+ t[i &+ j]
                let s2 = s1 &+ carry
                carry = hi &+ (s1 < lo ? 1 : 0) &+ (s2 < s1 ? 1 : 0)
                t[i &+ j] = s2
                j &+= 1
            }
            var index = i &+ k
            while carry != 0 && index <= 2 * k {
                let s = t[index] &+ carry
                carry = s < carry ? 1 : 0
                t[index] = s
                index &+= 1
            }
            i &+= 1
        }
        reduceOnce(t + k, into: out, modulus: np)
    }

    /// `out = t mod n` for a k+1-limb `t` below 2n.
    private func reduceOnce(
        _ t: UnsafePointer<UInt64>, into out: UnsafeMutablePointer<UInt64>, modulus np: UnsafePointer<UInt64>
    ) {
        let k = self.k
        var geq = t[k] != 0
        if !geq {
            geq = true
            var j = k - 1
            while j >= 0 {
                if t[j] != np[j] {
                    geq = t[j] > np[j]
                    break
                }
                j -= 1
            }
        }
        if geq {
            var borrow: UInt64 = 0
            for j in 0..<k {
                let d1 = t[j] &- np[j]
                let b1: UInt64 = t[j] < np[j] ? 1 : 0
                let d2 = d1 &- borrow
                let b2: UInt64 = d1 < borrow ? 1 : 0
                out[j] = d2
                borrow = b1 | b2
            }
        } else if UnsafePointer(out) != t {
            out.update(from: t, count: k)
        }
    }

    /// `2^exponent mod n` in Montgomery form: squarings and doublings only,
    /// the cheap Miller–Rabin round every candidate gets first.
    func powerOfTwoMontgomery(_ exponent: Natural) -> [UInt64] {
        let k = self.k
        var result = one + [0]
        var scratch = [UInt64](repeating: 0, count: 2 * k + 1)
        n.withUnsafeBufferPointer { np in
            scratch.withUnsafeMutableBufferPointer { sb in
                result.withUnsafeMutableBufferPointer { rb in
                    let t = sb.baseAddress.unsafelyUnwrapped
                    let r = rb.baseAddress.unsafelyUnwrapped
                    let nptr = np.baseAddress.unsafelyUnwrapped
                    var bit = exponent.bitWidth - 1
                    var started = false
                    while bit >= 0 {
                        if started { square(r, into: r, scratch: t, modulus: nptr) }
                        if exponent.bit(bit) {
                            // r = 2r mod n, with the bit shifted out kept in r[k].
                            var carry: UInt64 = 0
                            var j = 0
                            while j < k {
                                let next = r[j] >> 63
                                r[j] = r[j] << 1 | carry
                                carry = next
                                j &+= 1
                            }
                            r[k] = carry
                            reduceOnce(r, into: r, modulus: nptr)
                            r[k] = 0
                            started = true
                        }
                        bit -= 1
                    }
                }
            }
        }
        return Array(result.prefix(k))
    }

    /// `base^exponent mod n` in Montgomery form, for `base < n` given normally.
    func powerMontgomery(_ base: Natural, _ exponent: Natural) -> [UInt64] {
        let k = self.k
        let window = 4
        var result = one
        let baseLimbs = Self.padded(base, k)
        // table[i] = base^i in Montgomery form, i < 16, flattened.
        var table = [UInt64](repeating: 0, count: k << window)
        var scratch = [UInt64](repeating: 0, count: 2 * k + 1)
        n.withUnsafeBufferPointer { np in
            table.withUnsafeMutableBufferPointer { tb in
                scratch.withUnsafeMutableBufferPointer { sb in
                    result.withUnsafeMutableBufferPointer { rb in
                        let tp = tb.baseAddress.unsafelyUnwrapped
                        let t = sb.baseAddress.unsafelyUnwrapped
                        let r = rb.baseAddress.unsafelyUnwrapped
                        let nptr = np.baseAddress.unsafelyUnwrapped
                        one.withUnsafeBufferPointer { tp.update(from: $0.baseAddress.unsafelyUnwrapped, count: k) }
                        baseLimbs.withUnsafeBufferPointer { bp in
                            rSquared.withUnsafeBufferPointer { rs in
                                multiply(bp.baseAddress.unsafelyUnwrapped, rs.baseAddress.unsafelyUnwrapped,
                                         into: tp + k, scratch: t, modulus: nptr)
                            }
                        }
                        for i in 2..<(1 << window) {
                            multiply(tp + (i - 1) * k, tp + k, into: tp + i * k, scratch: t, modulus: nptr)
                        }
                        var bit = (exponent.bitWidth + window - 1) / window * window - 1
                        var started = false
                        while bit >= 0 {
                            var digit = 0
                            for _ in 0..<window {
                                digit = digit << 1 | (exponent.bit(bit) ? 1 : 0)
                                if started { square(r, into: r, scratch: t, modulus: nptr) }
                                bit -= 1
                            }
                            if digit != 0 {
                                multiply(r, tp + digit * k, into: r, scratch: t, modulus: nptr)
                                started = true
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// `base^exponent mod n`.
    func power(_ base: Natural, _ exponent: Natural) -> Natural {
        fromMontgomery(powerMontgomery(base, exponent))
    }

    /// The normal value of a Montgomery-form `x`.
    func fromMontgomery(_ x: [UInt64]) -> Natural {
        var unit = [UInt64](repeating: 0, count: k)
        unit[0] = 1
        return Natural(limbs: product(x, unit))
    }

    /// `a·b·R⁻¹ mod n` for k-limb Montgomery-form operands.
    func product(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: k)
        var scratch = [UInt64](repeating: 0, count: k + 2)
        n.withUnsafeBufferPointer { np in
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { op in
                        scratch.withUnsafeMutableBufferPointer { sp in
                            multiply(ap.baseAddress.unsafelyUnwrapped, bp.baseAddress.unsafelyUnwrapped,
                                     into: op.baseAddress.unsafelyUnwrapped, scratch: sp.baseAddress.unsafelyUnwrapped,
                                     modulus: np.baseAddress.unsafelyUnwrapped)
                        }
                    }
                }
            }
        }
        return out
    }

    /// One Miller–Rabin round with `base` in [2, n-2], where n-1 = d·2^s:
    /// false if it proves the modulus composite.
    func millerRabinRound(base: Natural, oddPart d: Natural, twos s: Int) -> Bool {
        var minusOne = n
        Natural.subtract(&minusOne, one[...])
        var x = base == Natural(2) ? powerOfTwoMontgomery(d) : powerMontgomery(base, d)
        if x == one || x == minusOne { return true }
        var i = 1
        while i < s {
            x = product(x, x)
            if x == minusOne { return true }
            if x == one { return false }
            i += 1
        }
        return false
    }
}
