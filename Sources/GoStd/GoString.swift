#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A Go `string`: a sequence of bytes, usually but not always UTF-8.
///
/// Equality, hashing and ordering are by bytes, as in Go: `"é"` (U+00E9) and
/// `"é"` (`e` + U+0301) are different strings, and nothing is normalised.
/// `count` is Go's `len`, in bytes. Valid UTF-8 (nearly every string a chart
/// meets) is held as a Swift `String` whose UTF-8 view is exactly the bytes, so
/// text functions work on it without a copy; anything else (a binary file,
/// `b64dec` of binary data, a cut inside a rune) is held as raw bytes.
/// ``text`` is the edge to Swift text: invalid bytes read as U+FFFD exactly
/// where Go's `range` and `utf8.DecodeRune` read them so.
public struct GoString: Sendable {
    /// Valid UTF-8: the text itself. Otherwise each byte as the scalar of
    /// the same value (U+0000…U+00FF), with `isRaw` set. One `String` either
    /// way keeps copies as cheap as a `String`'s.
    @usableFromInline var storage: String
    @usableFromInline var isRaw: Bool

    /// The Go string whose bytes are the UTF-8 encoding of `text`.
    @inlinable public init(_ text: String) {
        storage = text
        isRaw = false
    }

    /// The Go string holding exactly `bytes`. Checked, then decoded by the
    /// stdlib's specialised UTF-8 path (`String(validating:as:)` goes
    /// through unspecialised generic code).
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        if GoUTF8.isValid(bytes) {
            storage = String(decoding: bytes, as: UTF8.self)
            isRaw = false
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            storage = String(scalars)
            isRaw = true
        }
    }

    /// The Go string holding exactly `bytes` (without the generic path's
    /// unspecialised calls).
    public init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { GoString(bytes: $0) }
    }

    /// The Go string holding exactly `bytes`.
    public init(bytes: ArraySlice<UInt8>) {
        self = bytes.withUnsafeBufferPointer { GoString(bytes: $0) }
    }

    /// The Go string holding exactly `bytes`.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        self = bytes.withContiguousStorageIfAvailable { GoString(bytes: $0) }
            ?? Array(bytes).withUnsafeBufferPointer { GoString(bytes: $0) }
    }

    /// The empty string.
    public static let empty = GoString("")

    /// Whether the bytes are valid UTF-8.
    @inlinable public var isValidUTF8: Bool { !isRaw }

    /// The string as Swift text when its bytes are valid UTF-8.
    @inlinable public var validText: String? { isRaw ? nil : storage }

    /// The string as Swift text, each byte of an invalid sequence read as
    /// U+FFFD (Go's `[]rune(s)` decoding).
    public var text: String {
        isRaw ? GoString.decodeLossy(bytes) : storage
    }

    /// Go's `len`: the number of bytes.
    @inlinable public var count: Int {
        isRaw ? storage.unicodeScalars.count : storage.utf8.count
    }

    /// Whether the string is empty.
    @inlinable public var isEmpty: Bool { storage.isEmpty }

    /// A copy of the bytes.
    @inlinable public var bytes: [UInt8] {
        isRaw ? storage.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(storage.utf8)
    }

    /// Calls `body` with the bytes, without copying them where possible.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if !isRaw, let r = try storage.utf8.withContiguousStorageIfAvailable(body) { return r }
        return try bytes.withUnsafeBufferPointer(body)
    }

    /// Appends the bytes to `buffer`.
    @inlinable public func append(to buffer: inout [UInt8]) {
        if isRaw { buffer += bytes } else { buffer += storage.utf8 }
    }

    /// `s[from..<to]` by bytes, as Go slices a string.
    public func slice(_ range: Range<Int>) -> GoString {
        if range.lowerBound == 0 && range.upperBound == count { return self }
        return withBytes { GoString(bytes: $0[range]) }
    }

    /// The concatenation of `a` and `b`.
    public static func + (a: GoString, b: GoString) -> GoString {
        if !a.isRaw && !b.isRaw { return GoString(a.storage + b.storage) }
        return GoString(bytes: a.bytes + b.bytes)
    }

    /// The runes of the string as Go's `range` gives them: each invalid byte
    /// is one U+FFFD.
    public var runes: [Unicode.Scalar] {
        isRaw ? GoString.decodeRunes(bytes) : Array(storage.unicodeScalars)
    }

    static func decodeRunes(_ b: [UInt8]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(b.count)
        var rest = b[...]
        while !rest.isEmpty {
            let (r, width) = GoUTF8.decodeRune(rest)
            out.append(Unicode.Scalar(r) ?? "\u{FFFD}")
            rest = rest.dropFirst(width)
        }
        return out
    }

    static func decodeLossy(_ b: [UInt8]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: decodeRunes(b))
        return String(view)
    }
}

extension GoString: Hashable, Comparable {
    /// Byte equality (String's `==` would compare canonical equivalence).
    /// Raw storage maps bytes one to one, so equal bytes mean equal storage
    /// bytes within each kind, and a raw string never equals a valid one.
    @inlinable public static func == (a: GoString, b: GoString) -> Bool {
        guard a.isRaw == b.isRaw else { return false }
        // The same string object, or the same small (inline) string: the
        // same bytes. Equal map keys of up to 15 bytes are always this.
        if unsafeBitCast(a.storage, to: (UInt64, UInt64).self) == unsafeBitCast(b.storage, to: (UInt64, UInt64).self) {
            return true
        }
        let x = a.storage.utf8, y = b.storage.utf8
        guard x.count == y.count else { return false }
        if let equal = x.withContiguousStorageIfAvailable({ xp in
            y.withContiguousStorageIfAvailable { yp in GoString.bytesEqual(xp, yp) }
        }), let equal {
            return equal
        }
        return x.elementsEqual(y)
    }

    @usableFromInline static func bytesEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        guard let px = x.baseAddress, let py = y.baseAddress, px != py else { return true }
        return memcmp(px, py, x.count) == 0
    }

    /// Feeds the bytes' ``_rawHashValue(seed:)`` (one word) to `hasher`:
    /// keys made of several Go strings hash them without SipHashing bytes.
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(_rawHashValue(seed: 0))
    }

    /// The hash `Set` and `Dictionary` use, of the same bytes as
    /// ``hash(into:)`` and mixed with the table's seed, by wyhash's
    /// multiply-and-fold (one 128-bit product for a key of up to 16 bytes):
    /// map keys are short, and SipHash's set-up and finalisation cost more
    /// than the keys themselves (keys come from charts, not from an
    /// adversary choosing collisions).
    @inlinable public func _rawHashValue(seed: Int) -> Int {
        if let h = storage.utf8.withContiguousStorageIfAvailable({ GoString.mixHash($0, seed: seed) }) { return h }
        return withBytes { GoString.mixHash($0, seed: seed) }
    }

    @usableFromInline static func mixHash(_ bytes: UnsafeBufferPointer<UInt8>, seed: Int) -> Int {
        // wyhash's construction: a key of up to 16 bytes is read as two
        // words (overlapping loads) and mixed by one 128-bit product; longer
        // keys fold 16 bytes per product first.
        @inline(__always) func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (high, low) = a.multipliedFullWidth(by: b)
            return high ^ low
        }
        let s0: UInt64 = 0xA076_1D64_78BD_642F, s1: UInt64 = 0xE703_7ED1_A0B4_28DB
        let n = bytes.count
        var state = UInt64(bitPattern: Int64(seed)) ^ s0
        var a: UInt64 = 0, b: UInt64 = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            @inline(__always) func word(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            @inline(__always) func half(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
            if n <= 16 {
                if n >= 4 {
                    let step = (n >> 3) << 2
                    a = half(0) << 32 | half(step)
                    b = half(n - 4) << 32 | half(n - 4 - step)
                } else if n > 0 {
                    a = UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1])
                }
            } else {
                var i = 0
                while n - i > 16 {
                    state = mum(word(i) ^ s1, word(i + 8) ^ state)
                    i += 16
                }
                a = word(n - 16)
                b = word(n - 8)
            }
        }
        return Int(bitPattern: UInt(truncatingIfNeeded: mum(s1 ^ UInt64(n), mum(a ^ s1, b ^ state))))
    }

    /// Byte-wise order of two byte strings (Go's string order).
    @usableFromInline static func bytesLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(x.count, y.count)
        if n > 0, let px = x.baseAddress, let py = y.baseAddress {
            let c = memcmp(px, py, n)
            if c != 0 { return c < 0 }
        }
        return x.count < y.count
    }

    /// Go's string order: byte-wise.
    @inlinable public static func < (a: GoString, b: GoString) -> Bool {
        a.withBytes { x in b.withBytes { y in bytesLess(x, y) } }
    }
}

extension GoString: ExpressibleByStringLiteral, CustomStringConvertible {
    @inlinable public init(stringLiteral value: String) {
        self.init(value)
    }

    /// ``text``.
    public var description: String { text }
}
