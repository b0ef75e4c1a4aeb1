/// Go's `encoding/base64` and `encoding/base32` standard encodings, with
/// Go's decoder behaviour: `\r` and `\n` are skipped, and a failure names
/// the offending input byte (`illegal base64 data at input byte 4`).
public enum GoBaseEncoding {
    /// A decoding failure at a byte offset (Go's `CorruptInputError`).
    public struct CorruptInput: Error, Sendable, CustomStringConvertible {
        public var kind: String
        public var offset: Int
        public var description: String { "illegal \(kind) data at input byte \(offset)" }
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    private static func decodeMap(_ alphabet: [UInt8]) -> [UInt8] {
        var map = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { map[Int(c)] = UInt8(i) }
        return map
    }

    private static let base64Map = decodeMap(base64Alphabet)
    private static let base32Map = decodeMap(base32Alphabet)

    /// `base64.StdEncoding.EncodeToString`.
    public static func base64Encode(_ bytes: [UInt8]) -> String {
        let alphabet = base64Alphabet
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `base32.StdEncoding.EncodeToString`.
    public static func base32Encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 4) / 5 * 8)
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 5, bytes.count)])
            var block = [UInt8](repeating: 0, count: 5)
            for (j, b) in chunk.enumerated() { block[j] = b }
            var bits: UInt64 = 0
            for b in block { bits = bits << 8 | UInt64(b) }
            let chars = [2, 4, 5, 7, 8][chunk.count - 1]
            for k in 0..<8 {
                if k < chars {
                    out.append(base32Alphabet[Int((bits >> UInt64(35 - 5 * k)) & 31)])
                } else {
                    out.append(UInt8(ascii: "="))
                }
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `base64.StdEncoding.DecodeString`: the decoded bytes and the
    /// capacity of Go's result buffer (`DecodedLen`), which Go's slice
    /// panics mention.
    public static func base64Decode(_ text: String) throws(CorruptInput) -> (bytes: [UInt8], capacity: Int) {
        let src = Array(text.utf8)
        var dst: [UInt8] = []
        var si = 0
        while si < src.count {
            // One quantum, as Go's decodeQuantum.
            var dbuf = [UInt8](repeating: 0, count: 4)
            var dlen = 4
            var j = 0
            var trailing: Int? = nil
            quantum: while j < 4 {
                if si == src.count {
                    if j == 0 { return (dst, src.count / 4 * 3) }
                    throw CorruptInput(kind: "base64", offset: si - j)
                }
                let c = src[si]
                si += 1
                let v = base64Map[Int(c)]
                if v != 0xFF {
                    dbuf[j] = v
                    j += 1
                    continue
                }
                if c == 0x0A || c == 0x0D { continue }
                if c != UInt8(ascii: "=") { throw CorruptInput(kind: "base64", offset: si - 1) }
                switch j {
                case 0, 1:
                    throw CorruptInput(kind: "base64", offset: si - 1)
                case 2:
                    while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
                    if si == src.count { throw CorruptInput(kind: "base64", offset: src.count) }
                    if src[si] != UInt8(ascii: "=") { throw CorruptInput(kind: "base64", offset: si - 1) }
                    si += 1
                default:
                    break
                }
                while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
                if si < src.count { trailing = si }
                dlen = j
                break quantum
            }
            let val = UInt32(dbuf[0]) << 18 | UInt32(dbuf[1]) << 12 | UInt32(dbuf[2]) << 6 | UInt32(dbuf[3])
            let bytes = [UInt8(truncatingIfNeeded: val >> 16), UInt8(truncatingIfNeeded: val >> 8), UInt8(truncatingIfNeeded: val)]
            dst.append(contentsOf: bytes.prefix(dlen - 1))
            if let t = trailing { throw CorruptInput(kind: "base64", offset: t) }
        }
        return (dst, src.count / 4 * 3)
    }

    /// `base32.StdEncoding.DecodeString`.
    public static func base32Decode(_ text: String) throws(CorruptInput) -> [UInt8] {
        let src = Array(text.utf8).filter { $0 != 0x0A && $0 != 0x0D }
        let olen = src.count
        var rest = src[...]
        var dst: [UInt8] = []
        var end = false
        let pad = UInt8(ascii: "=")
        while !rest.isEmpty && !end {
            var dbuf = [UInt8](repeating: 0, count: 8)
            var dlen = 8
            var j = 0
            while j < 8 {
                if rest.isEmpty { throw CorruptInput(kind: "base32", offset: olen - rest.count - j) }
                let c = rest.removeFirst()
                if c == pad && j >= 2 && rest.count < 8 {
                    if rest.count + j < 8 - 1 { throw CorruptInput(kind: "base32", offset: olen) }
                    for k in 0..<(8 - 1 - j) where rest.count > k && rest[rest.startIndex + k] != pad {
                        throw CorruptInput(kind: "base32", offset: olen - rest.count + k - 1)
                    }
                    dlen = j
                    end = true
                    if dlen == 1 || dlen == 3 || dlen == 6 {
                        throw CorruptInput(kind: "base32", offset: olen - rest.count - 1)
                    }
                    break
                }
                dbuf[j] = base32Map[Int(c)]
                if dbuf[j] == 0xFF { throw CorruptInput(kind: "base32", offset: olen - rest.count - 1) }
                j += 1
            }
            var out = [UInt8](repeating: 0, count: 5)
            out[4] = dbuf[6] << 5 | dbuf[7]
            out[3] = dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3
            out[2] = dbuf[3] << 4 | dbuf[4] >> 1
            out[1] = dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4
            out[0] = dbuf[0] << 3 | dbuf[1] >> 2
            let n: Int
            switch dlen {
            case 8: n = 5
            case 7: n = 4
            case 5: n = 3
            case 4: n = 2
            case 2: n = 1
            default: n = 0
            }
            dst.append(contentsOf: out.prefix(n))
        }
        return dst
    }
}
