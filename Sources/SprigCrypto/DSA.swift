/// DSA key generation the way Go's `crypto/dsa` does it (FIPS 186-3 sizes,
/// no verification seed), for Sprig's `genPrivateKey "dsa"`.
struct DSAKey {
    /// The domain parameters: primes `p` and `q` with q | p-1, and generator `g` of order q.
    let p: Natural, q: Natural, g: Natural
    /// The public key g^x mod p.
    let y: Natural
    /// The private key, in [1, q-1].
    let x: Natural

    /// Miller–Rabin rounds with random bases (plus one with base 2), as Go's `numMRTests`.
    static let primalityRounds = 64

    /// Fresh parameters of an `l`-bit p and `n`-bit q (Go's `GenerateParameters`)
    /// and a key pair on them (Go's `GenerateKey`).
    static func generate<G: RandomNumberGenerator>(l: Int = 2048, n: Int = 256, using rng: inout G) -> DSAKey {
        let (p, q, g) = generateParameters(l: l, n: n, using: &rng)
        return generateKey(p: p, q: q, g: g, using: &rng)
    }

    /// Go's `GenerateParameters`: a random prime q of exactly `n` bits, then up
    /// to 4·`l` random `l`-bit p ≡ 1 (mod q) until one is prime, else a new q;
    /// g = h^((p-1)/q) mod p for the first h = 2, 3, … that does not give 1.
    static func generateParameters<G: RandomNumberGenerator>(
        l: Int, n: Int, using rng: inout G
    ) -> (p: Natural, q: Natural, g: Natural) {
        let one = Natural(1)
        while true {
            var qBytes = Natural.randomBytes(n / 8, using: &rng)
            qBytes[qBytes.count - 1] |= 1
            qBytes[0] |= 0x80
            let q = Natural(bigEndian: qBytes)
            guard isProbablePrime(q, using: &rng) else { continue }

            let residues = LimbResidues(modulus: q, limbCount: (l + 63) / 64)
            for _ in 0..<(4 * l) {
                var pBytes = Natural.randomBytes(l / 8, using: &rng)
                pBytes[pBytes.count - 1] |= 1
                pBytes[0] |= 0x80
                let candidate = Natural(bigEndian: pBytes)
                // p = candidate - (candidate mod q - 1), so p ≡ 1 (mod q).
                let p = candidate - residues.remainder(candidate) + one
                guard p.bitWidth >= l, isProbablePrime(p, using: &rng) else { continue }

                let e = (p - one).quotientAndRemainder(dividingBy: q).quotient
                let field = Montgomery(modulus: p)
                var h = Natural(2)
                while true {
                    let g = field.power(h, e)
                    if g != one { return (p, q, g) }
                    h = h + one
                }
            }
        }
    }

    /// Go's `GenerateKey`: x from q.BitLen()/8 random bytes, retried until
    /// 0 < x < q, and y = g^x mod p.
    static func generateKey<G: RandomNumberGenerator>(
        p: Natural, q: Natural, g: Natural, using rng: inout G
    ) -> DSAKey {
        var x: Natural
        repeat {
            x = Natural(bigEndian: Natural.randomBytes(q.bitWidth / 8, using: &rng))
        } while x.isZero || x >= q
        let y = Montgomery(modulus: p).power(g, x)
        return DSAKey(p: p, q: q, g: g, y: y, x: x)
    }

    /// Sprig's `DSAKeyFormat` as `asn1.Marshal` writes it:
    /// SEQUENCE { INTEGER 0, p, q, g, y, x }.
    var der: [UInt8] {
        var body = DERWriter.integer(Natural(0))
        for v in [p, q, g, y, x] { body += DERWriter.integer(v) }
        return [0x30] + DERWriter.length(body.count) + body
    }

    /// The DER writing this needs (Go's `encoding/asn1` for non-negative integers).
    enum DERWriter {
        /// A two's-complement INTEGER: minimal bytes, a leading zero when the top bit is set.
        static func integer(_ v: Natural) -> [UInt8] {
            var bytes = v.bigEndianBytes
            if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
            return [0x02] + length(bytes.count) + bytes
        }

        /// A definite length: short form below 128, else the minimal long form.
        static func length(_ count: Int) -> [UInt8] {
            if count < 0x80 { return [UInt8(count)] }
            let bytes = Natural(UInt64(count)).bigEndianBytes
            return [0x80 | UInt8(bytes.count)] + bytes
        }
    }

    // MARK: Primality

    /// Odd primes below 1000 for trial division, grouped into products below 2^64.
    static let smallPrimeGroups: [(product: UInt64, primes: [UInt64])] = {
        var primes: [UInt64] = []
        var candidate: UInt64 = 3
        while candidate < 1000 {
            if primes.allSatisfy({ candidate % $0 != 0 }) { primes.append(candidate) }
            candidate += 2
        }
        var groups: [(product: UInt64, primes: [UInt64])] = []
        var product: UInt64 = 1
        var members: [UInt64] = []
        for prime in primes {
            let (next, overflow) = product.multipliedReportingOverflow(by: prime)
            if overflow {
                groups.append((product, members))
                product = prime
                members = [prime]
            } else {
                product = next
                members.append(prime)
            }
        }
        groups.append((product, members))
        return groups
    }()

    /// Whether `n` is prime, with an error chance below 4^-64 for composites:
    /// trial division, then Miller–Rabin with base 2 and `primalityRounds`
    /// random bases (Go adds a Lucas test; the bound does not need it).
    static func isProbablePrime<G: RandomNumberGenerator>(_ n: Natural, using rng: inout G) -> Bool {
        if n.bitWidth <= 1 { return false }
        if !n.isOdd { return n.bitWidth == 2 && n.limbs == [2] }
        for group in smallPrimeGroups {
            let r = n.remainder(dividingBy: group.product)
            for prime in group.primes where r % prime == 0 {
                return n.limbs == [prime]
            }
        }
        if n.limbs.count == 1 && n.limbs[0] < 1_000_000 { return true }

        let one = Natural(1)
        let minusOne = n - one
        var s = 0
        while !minusOne.bit(s) { s += 1 }
        let d = minusOne.shiftedRight(by: s)
        let field = Montgomery(modulus: n)
        if !field.millerRabinRound(base: Natural(2), oddPart: d, twos: s) { return false }
        let byteCount = (n.bitWidth + 7) / 8
        let excessBits = byteCount * 8 - n.bitWidth
        for _ in 0..<primalityRounds {
            var base: Natural
            repeat {
                var bytes = Natural.randomBytes(byteCount, using: &rng)
                bytes[0] &= 0xff >> UInt8(excessBits)
                base = Natural(bigEndian: bytes)
            } while base < Natural(2) || base >= minusOne
            if !field.millerRabinRound(base: base, oddPart: d, twos: s) { return false }
        }
        return true
    }
}
