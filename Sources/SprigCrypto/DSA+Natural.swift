/// A non-negative integer as little-endian 64-bit limbs: just the arithmetic
/// DSA parameter generation needs (the heavy lifting is in `Montgomery`).
struct Natural: Comparable, CustomStringConvertible {
    /// Little-endian limbs without high zero limbs; zero is `[]`.
    private(set) var limbs: [UInt64]

    /// The value of little-endian `limbs` (high zero limbs are dropped).
    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    /// A one-limb value.
    init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
    }

    /// The value of big-endian `bytes`, like Go's `big.Int.SetBytes`.
    init(bigEndian bytes: [UInt8]) {
        var out = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        for (i, byte) in bytes.reversed().enumerated() {
            out[i / 8] |= UInt64(byte) << (UInt64(i % 8) * 8)
        }
        self.init(limbs: out)
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// The minimal big-endian bytes (`[]` for zero), like Go's `big.Int.Bytes`.
    var bigEndianBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(limbs.count * 8)
        for limb in limbs.reversed() {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: limb >> UInt64(shift)))
            }
        }
        return Array(out.drop { $0 == 0 })
    }

    var isZero: Bool { limbs.isEmpty }
    var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }

    /// The number of bits after the leading zeros, like Go's `big.Int.BitLen`.
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// Bit `i` (0 is the least significant).
    func bit(_ i: Int) -> Bool {
        let limb = i / 64
        return limb < limbs.count && (limbs[limb] >> UInt64(i % 64)) & 1 == 1
    }

    var description: String {
        let digits = Array("0123456789abcdef")
        let hex = bigEndianBytes.map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 15)]) }.joined()
        return "0x" + (hex.isEmpty ? "0" : hex)
    }

    static func < (a: Natural, b: Natural) -> Bool {
        compare(a.limbs[...], b.limbs[...]) < 0
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b` (high zero limbs allowed).
    static func compare(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        var i = max(a.count, b.count) - 1
        while i >= 0 {
            let x = i < a.count ? a[a.startIndex + i] : 0
            let y = i < b.count ? b[b.startIndex + i] : 0
            if x != y { return x < y ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func + (a: Natural, b: Natural) -> Natural {
        var out = [UInt64](repeating: 0, count: max(a.limbs.count, b.limbs.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<(out.count - 1) {
            let (s1, c1) = (i < a.limbs.count ? a.limbs[i] : 0).addingReportingOverflow(i < b.limbs.count ? b.limbs[i] : 0)
            let (s2, c2) = s1.addingReportingOverflow(carry)
            out[i] = s2
            carry = (c1 ? 1 : 0) + (c2 ? 1 : 0)
        }
        out[out.count - 1] = carry
        return Natural(limbs: out)
    }

    /// `a - b`; `b` must not exceed `a`.
    static func - (a: Natural, b: Natural) -> Natural {
        precondition(b <= a, "Natural subtraction underflow")
        var out = a.limbs
        subtract(&out, b.limbs[...])
        return Natural(limbs: out)
    }

    /// `a -= b` on limbs, returning the borrow out of the top.
    @discardableResult
    static func subtract(_ a: inout [UInt64], _ b: ArraySlice<UInt64>) -> Bool {
        var borrow = false
        for i in 0..<a.count {
            let y = i < b.count ? b[b.startIndex + i] : 0
            let (d1, b1) = a[i].subtractingReportingOverflow(y)
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            a[i] = d2
            borrow = b1 || b2
        }
        return borrow
    }

    /// `self >> count`.
    func shiftedRight(by count: Int) -> Natural {
        let limbShift = count / 64, bitShift = UInt64(count % 64)
        guard limbShift < limbs.count else { return Natural(0) }
        var out = Array(limbs[limbShift...])
        if bitShift > 0 {
            for i in 0..<out.count {
                let high = i + 1 < out.count ? out[i + 1] << (64 - bitShift) : 0
                out[i] = out[i] >> bitShift | high
            }
        }
        return Natural(limbs: out)
    }

    /// The remainder after dividing by a one-limb `divisor`.
    func remainder(dividingBy divisor: UInt64) -> UInt64 {
        var r: UInt64 = 0
        for limb in limbs.reversed() {
            r = divisor.dividingFullWidth((high: r, low: limb)).remainder
        }
        return r
    }

    /// Quotient and remainder by shift-and-subtract: for the few divisions
    /// done once per key, not for the hot loop.
    func quotientAndRemainder(dividingBy divisor: Natural) -> (quotient: Natural, remainder: Natural) {
        precondition(!divisor.isZero, "division by zero")
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var rem = [UInt64](repeating: 0, count: divisor.limbs.count + 1)
        var i = bitWidth - 1
        while i >= 0 {
            var carry: UInt64 = bit(i) ? 1 : 0
            for j in 0..<rem.count {
                let next = rem[j] >> 63
                rem[j] = rem[j] << 1 | carry
                carry = next
            }
            if Natural.compare(rem[...], divisor.limbs[...]) >= 0 {
                Natural.subtract(&rem, divisor.limbs[...])
                quotient[i / 64] |= 1 << UInt64(i % 64)
            }
            i -= 1
        }
        return (Natural(limbs: quotient), Natural(limbs: rem))
    }

    /// A uniformly random value of exactly `byteCount` random bytes.
    static func randomBytes<G: RandomNumberGenerator>(_ byteCount: Int, using rng: inout G) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount + 7)
        while out.count < byteCount {
            let word = rng.next()
            for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Array(out.prefix(byteCount))
    }
}

/// Fast `x mod m` for a fixed modulus `m` and many `x` of a fixed size, from
/// the residues of 2^(64·i): the per-candidate `p mod q` of DSA generation.
struct LimbResidues {
    let modulus: Natural
    /// `2^(64·i) mod modulus` for each limb position, as `modulus`-sized limbs.
    private let powers: [[UInt64]]

    /// Residues for inputs of up to `limbCount` limbs.
    init(modulus: Natural, limbCount: Int) {
        self.modulus = modulus
        var powers: [[UInt64]] = []
        var current = Natural(1).quotientAndRemainder(dividingBy: modulus).remainder
        for _ in 0..<limbCount {
            var limbs = current.limbs
            limbs += [UInt64](repeating: 0, count: modulus.limbs.count - limbs.count)
            powers.append(limbs)
            current = Natural(limbs: [0] + current.limbs).quotientAndRemainder(dividingBy: modulus).remainder
        }
        self.powers = powers
    }

    /// `x mod modulus`.
    func remainder(_ x: Natural) -> Natural {
        let width = modulus.limbs.count
        var sum = [UInt64](repeating: 0, count: width + 2)
        for (i, limb) in x.limbs.enumerated() where limb != 0 {
            let power = powers[i]
            var carry: UInt64 = 0
            for j in 0..<width {
                let (hi, lo) = limb.multipliedFullWidth(by: power[j])
                let (s1, c1) = sum[j].addingReportingOverflow(lo)
                let (s2, c2) = s1.addingReportingOverflow(carry)
                sum[j] = s2
                carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            var j = width
            while carry != 0 {
                let (s, c) = sum[j].addingReportingOverflow(carry)
                sum[j] = s
                carry = c ? 1 : 0
                j += 1
            }
        }
        return Natural(limbs: sum).quotientAndRemainder(dividingBy: modulus).remainder
    }
}
