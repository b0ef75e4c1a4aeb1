import Crypto
import Foundation
import GoStd
import SprigCrypto
import Values

/// What Sprig's hashes, checksums and random values are made of (crypto.go
/// and goutils' `CryptoRandom*`); the functions are in ``Sprig/cryptoFamily``.
enum SprigCryptoBasics {
    /// Lowercase hex of a digest (Go's `hex.EncodeToString`).
    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `hash/adler32.Checksum`.
    static func adler32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        let mod: UInt32 = 65521
        var a: UInt32 = 1
        var b: UInt32 = 0
        var pending = 0
        for byte in bytes {
            a += UInt32(byte)
            b += a
            pending += 1
            // Reduce before b can overflow (5552 is zlib's NMAX).
            if pending == 5552 {
                a %= mod
                b %= mod
                pending = 0
            }
        }
        return (b % mod) << 16 | (a % mod)
    }

    /// goutils' `CryptoRandom` restricted to a set of characters; a
    /// non-positive count gives `""` (Sprig drops goutils' error).
    static func randomString(_ count: Int, from alphabet: [UInt8]) -> String {
        guard count > 0 else { return "" }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    static let digits = Array("0123456789".utf8)
    static let printableASCII = Array(UInt8(32)...UInt8(126))

    /// A random (version 4, RFC 4122 variant) UUID in Go's lowercase form.
    static func uuidv4() -> String {
        var b = CryptoRandom.bytes(16)
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let h = hex(b)
        let u = Array(h.utf8)
        let parts = [u[0..<8], u[8..<12], u[12..<16], u[16..<20], u[20..<32]]
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-")
    }
}

extension Value {
    /// The Go string inside a value the engine has already converted to `string`.
    var cryptoString: String {
        if case .string(let s) = self { return s.text }
        return ""
    }

    /// The integer inside a value the engine has already converted to `int`/`int64`.
    var cryptoInt: Int64 {
        if case .int(let n, _) = self { return n }
        return 0
    }
}
