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
    @usableFromInline enum Storage: Sendable {
        /// Valid UTF-8.
        case utf8(String)
        /// Bytes that are not valid UTF-8.
        case bytes([UInt8])
    }

    @usableFromInline var storage: Storage

    /// The Go string whose bytes are the UTF-8 encoding of `text`.
    @inlinable public init(_ text: String) {
        storage = .utf8(text)
    }

    /// The Go string holding exactly `bytes`.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) {
            storage = .utf8(text)
        } else {
            storage = .bytes(Array(bytes))
        }
    }

    /// The empty string.
    public static let empty = GoString("")

    /// Whether the bytes are valid UTF-8.
    @inlinable public var isValidUTF8: Bool {
        if case .utf8 = storage { return true }
        return false
    }

    /// The string as Swift text when its bytes are valid UTF-8.
    @inlinable public var validText: String? {
        if case .utf8(let s) = storage { return s }
        return nil
    }

    /// The string as Swift text, each byte of an invalid sequence read as
    /// U+FFFD (Go's `[]rune(s)` decoding).
    public var text: String {
        switch storage {
        case .utf8(let s): return s
        case .bytes(let b): return GoString.decodeLossy(b)
        }
    }

    /// Go's `len`: the number of bytes.
    @inlinable public var count: Int {
        switch storage {
        case .utf8(let s): return s.utf8.count
        case .bytes(let b): return b.count
        }
    }

    /// Whether the string is empty.
    @inlinable public var isEmpty: Bool {
        switch storage {
        case .utf8(let s): return s.isEmpty
        case .bytes(let b): return b.isEmpty
        }
    }

    /// A copy of the bytes.
    @inlinable public var bytes: [UInt8] {
        switch storage {
        case .utf8(let s): return Array(s.utf8)
        case .bytes(let b): return b
        }
    }

    /// Calls `body` with the bytes, without copying them where possible.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .utf8(let s):
            if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
            return try Array(s.utf8).withUnsafeBufferPointer(body)
        case .bytes(let b):
            return try b.withUnsafeBufferPointer(body)
        }
    }

    /// Appends the bytes to `buffer`.
    @inlinable public func append(to buffer: inout [UInt8]) {
        switch storage {
        case .utf8(let s): buffer += s.utf8
        case .bytes(let b): buffer += b
        }
    }

    /// `s[from..<to]` by bytes, as Go slices a string.
    public func slice(_ range: Range<Int>) -> GoString {
        if range.lowerBound == 0 && range.upperBound == count { return self }
        return withBytes { GoString(bytes: $0[range]) }
    }

    /// The concatenation of `a` and `b`.
    public static func + (a: GoString, b: GoString) -> GoString {
        if case .utf8(let x) = a.storage, case .utf8(let y) = b.storage { return GoString(x + y) }
        return GoString(bytes: a.bytes + b.bytes)
    }

    /// The runes of the string as Go's `range` gives them: each invalid byte
    /// is one U+FFFD.
    public var runes: [Unicode.Scalar] {
        switch storage {
        case .utf8(let s): return Array(s.unicodeScalars)
        case .bytes(let b): return GoString.decodeRunes(b)
        }
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
    @inlinable public static func == (a: GoString, b: GoString) -> Bool {
        if case .utf8(let x) = a.storage, case .utf8(let y) = b.storage {
            // Byte equality of the UTF-8 encodings (String's == would
            // compare canonical equivalence).
            guard x.utf8.count == y.utf8.count else { return false }
        } else if a.count != b.count {
            return false
        }
        return a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    @inlinable public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(count)
    }

    /// Go's string order: byte-wise.
    @inlinable public static func < (a: GoString, b: GoString) -> Bool {
        a.withBytes { x in b.withBytes { y in x.lexicographicallyPrecedes(y) } }
    }
}

extension GoString: ExpressibleByStringLiteral, CustomStringConvertible {
    @inlinable public init(stringLiteral value: String) {
        self.init(value)
    }

    /// ``text``.
    public var description: String { text }
}
