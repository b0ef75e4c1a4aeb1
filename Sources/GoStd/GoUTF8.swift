/// Go's `unicode/utf8` decoding, which never fails: an invalid or
/// truncated sequence reads as U+FFFD of width 1.
public enum GoUTF8 {
    /// `utf8.RuneCount`: runes as `range` steps over them (each byte of an
    /// invalid sequence is one).
    public static func runeCount(_ b: some Collection<UInt8>) -> Int {
        var ascii = true
        for byte in b where byte >= 0x80 { ascii = false; break }
        if ascii { return b.count }
        let bytes = Array(b)
        var n = 0, i = 0
        while i < bytes.count {
            i += bytes[i] < 0x80 ? 1 : decodeRune(bytes[i...]).1
            n += 1
        }
        return n
    }

    /// The length of the first `n` runes of `b` in bytes (all of `b` when it
    /// has fewer).
    public static func prefixLength(_ b: [UInt8], runes n: Int) -> Int {
        var i = 0, count = 0
        while i < b.count && count < n {
            i += b[i] < 0x80 ? 1 : decodeRune(b[i...]).1
            count += 1
        }
        return i
    }

    /// `utf8.Valid`: whether `b` is entirely valid UTF-8 (no overlong
    /// forms, surrogates or code points above U+10FFFF), checked eight
    /// ASCII bytes at a time.
    public static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let count = b.count
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            guard let shape = sequence(startingWith: b0), count - i >= shape.length else { return false }
            let b1 = base[i + 1]
            guard b1 >= shape.low && b1 <= shape.high else { return false }
            let n = shape.length
            var k = 2
            while k < n {
                guard base[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += n
        }
        return true
    }

    /// The length of the sequence a non-ASCII lead byte starts and the
    /// range its second byte must lie in (which rules out overlong forms,
    /// surrogates and code points above U+10FFFF); nil for a byte that
    /// cannot lead.
    @inlinable
    static func sequence(startingWith b0: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch b0 {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// `utf8.RuneError`.
    public static let runeError: UInt32 = 0xFFFD

    /// `utf8.DecodeRune`: the first rune of `s` and its width in bytes;
    /// (U+FFFD, 1) for an invalid sequence (overlong forms and surrogates
    /// included), (U+FFFD, 0) for empty input.
    @inlinable
    public static func decodeRune(_ s: ArraySlice<UInt8>) -> (UInt32, Int) {
        let i = s.startIndex
        guard i < s.endIndex else { return (runeError, 0) }
        let b0 = s[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        guard let shape = sequence(startingWith: b0), s.endIndex - i >= shape.length else { return (runeError, 1) }
        let n = shape.length
        let b1 = s[i + 1]
        guard b1 >= shape.low && b1 <= shape.high else { return (runeError, 1) }
        var r = (UInt32(b0) & (0x7F >> UInt32(n))) << 6 | UInt32(b1 & 0x3F)
        for k in 2..<n {
            let b = s[i + k]
            guard b & 0xC0 == 0x80 else { return (runeError, 1) }
            r = r << 6 | UInt32(b & 0x3F)
        }
        return (r, n)
    }
}
