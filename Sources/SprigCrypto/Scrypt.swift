import Crypto
import GoStd

/// scrypt (RFC 7914): PBKDF2-HMAC-SHA256 around ROMix over Salsa20/8
/// BlockMix, as golang.org/x/crypto/scrypt's `Key`.
public enum Scrypt {

    /// The derived key of `length` bytes.
    public static func key(password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, length: Int) throws(GoError) -> [UInt8] {
        if n <= 1 || n & (n - 1) != 0 { throw GoError("scrypt: N must be > 1 and a power of 2") }
        if r <= 0 || p <= 0 || UInt64(r) * UInt64(p) >= 1 << 30 || r > Int.max / 128 / p || r > Int.max / 256 || n > Int.max / 128 / r {
            throw GoError("scrypt: parameters are too large")
        }
        let blockWords = 32 * r
        var b = pbkdf2SHA256(password: password, salt: salt, iterations: 1, length: p * 128 * r)
        var x = [UInt32](repeating: 0, count: blockWords)
        var y = [UInt32](repeating: 0, count: blockWords)
        var v = [UInt32](repeating: 0, count: blockWords * n)
        for i in 0..<p {
            let offset = i * 128 * r
            for k in 0..<blockWords {
                let o = offset + 4 * k
                x[k] = UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
            }
            x.withUnsafeMutableBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    v.withUnsafeMutableBufferPointer { vp in
                        roMix(xp, yp, vp, r: r, n: n)
                    }
                }
            }
            for k in 0..<blockWords {
                let o = offset + 4 * k
                let w = x[k]
                b[o] = UInt8(truncatingIfNeeded: w)
                b[o + 1] = UInt8(truncatingIfNeeded: w >> 8)
                b[o + 2] = UInt8(truncatingIfNeeded: w >> 16)
                b[o + 3] = UInt8(truncatingIfNeeded: w >> 24)
            }
        }
        return pbkdf2SHA256(password: password, salt: b, iterations: 1, length: length)
    }

    /// PBKDF2 with HMAC-SHA256 (RFC 8018).
    static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        let key = SymmetricKey(data: password)
        var out: [UInt8] = []
        var block: UInt32 = 1
        while out.count < length {
            var mac = HMAC<SHA256>(key: key)
            mac.update(data: salt)
            mac.update(data: [UInt8(block >> 24), UInt8(truncatingIfNeeded: block >> 16), UInt8(truncatingIfNeeded: block >> 8), UInt8(truncatingIfNeeded: block)])
            var u = Array(mac.finalize())
            var t = u
            if iterations > 1 {
                for _ in 1..<iterations {
                    u = Array(HMAC<SHA256>.authenticationCode(for: u, using: key))
                    for k in 0..<t.count { t[k] ^= u[k] }
                }
            }
            out.append(contentsOf: t)
            block += 1
        }
        return Array(out.prefix(length))
    }

    private static func roMix(
        _ x: UnsafeMutableBufferPointer<UInt32>, _ y: UnsafeMutableBufferPointer<UInt32>,
        _ v: UnsafeMutableBufferPointer<UInt32>, r: Int, n: Int
    ) {
        let words = 32 * r
        var tmp = [UInt32](repeating: 0, count: 16)
        tmp.withUnsafeMutableBufferPointer { t in
            for i in 0..<n {
                let base = i * words
                for k in 0..<words { v[base + k] = x[k] }
                blockMix(x, y, t, r: r)
            }
            for _ in 0..<n {
                let j = Int(x[(2 * r - 1) * 16]) & (n - 1)
                let base = j * words
                for k in 0..<words { x[k] ^= v[base + k] }
                blockMix(x, y, t, r: r)
            }
        }
    }

    /// BlockMix: B'[i/2 or r+i/2] = Salsa20/8(X ^ B[i]); the result replaces `b`.
    private static func blockMix(
        _ b: UnsafeMutableBufferPointer<UInt32>, _ y: UnsafeMutableBufferPointer<UInt32>,
        _ x: UnsafeMutableBufferPointer<UInt32>, r: Int
    ) {
        for k in 0..<16 { x[k] = b[(2 * r - 1) * 16 + k] }
        for i in 0..<(2 * r) {
            for k in 0..<16 { x[k] ^= b[i * 16 + k] }
            salsa208(x)
            let dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16
            for k in 0..<16 { y[dest + k] = x[k] }
        }
        for k in 0..<(32 * r) { b[k] = y[k] }
    }

    @inline(__always)
    private static func rotl(_ v: UInt32, _ c: UInt32) -> UInt32 { v << c | v >> (32 - c) }

    /// The Salsa20/8 core, in place.
    private static func salsa208(_ b: UnsafeMutableBufferPointer<UInt32>) {
        var x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7]
        var x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15]
        for _ in 0..<4 {
            x4 ^= rotl(x0 &+ x12, 7); x8 ^= rotl(x4 &+ x0, 9); x12 ^= rotl(x8 &+ x4, 13); x0 ^= rotl(x12 &+ x8, 18)
            x9 ^= rotl(x5 &+ x1, 7); x13 ^= rotl(x9 &+ x5, 9); x1 ^= rotl(x13 &+ x9, 13); x5 ^= rotl(x1 &+ x13, 18)
            x14 ^= rotl(x10 &+ x6, 7); x2 ^= rotl(x14 &+ x10, 9); x6 ^= rotl(x2 &+ x14, 13); x10 ^= rotl(x6 &+ x2, 18)
            x3 ^= rotl(x15 &+ x11, 7); x7 ^= rotl(x3 &+ x15, 9); x11 ^= rotl(x7 &+ x3, 13); x15 ^= rotl(x11 &+ x7, 18)
            x1 ^= rotl(x0 &+ x3, 7); x2 ^= rotl(x1 &+ x0, 9); x3 ^= rotl(x2 &+ x1, 13); x0 ^= rotl(x3 &+ x2, 18)
            x6 ^= rotl(x5 &+ x4, 7); x7 ^= rotl(x6 &+ x5, 9); x4 ^= rotl(x7 &+ x6, 13); x5 ^= rotl(x4 &+ x7, 18)
            x11 ^= rotl(x10 &+ x9, 7); x8 ^= rotl(x11 &+ x10, 9); x9 ^= rotl(x8 &+ x11, 13); x10 ^= rotl(x9 &+ x8, 18)
            x12 ^= rotl(x15 &+ x14, 7); x13 ^= rotl(x12 &+ x15, 9); x14 ^= rotl(x13 &+ x12, 13); x15 ^= rotl(x14 &+ x13, 18)
        }
        b[0] = b[0] &+ x0; b[1] = b[1] &+ x1; b[2] = b[2] &+ x2; b[3] = b[3] &+ x3
        b[4] = b[4] &+ x4; b[5] = b[5] &+ x5; b[6] = b[6] &+ x6; b[7] = b[7] &+ x7
        b[8] = b[8] &+ x8; b[9] = b[9] &+ x9; b[10] = b[10] &+ x10; b[11] = b[11] &+ x11
        b[12] = b[12] &+ x12; b[13] = b[13] &+ x13; b[14] = b[14] &+ x14; b[15] = b[15] &+ x15
    }
}
