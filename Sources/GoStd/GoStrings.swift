#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Go's `strings` functions with Go's byte-oriented semantics.
public enum GoStrings {
    /// `strings.Index` on bytes: the index in `s` of the first `sub`, or
    /// nil (`memchr` finds each candidate first byte).
    public static func index(_ s: ArraySlice<UInt8>, _ sub: [UInt8]) -> Int? {
        guard !sub.isEmpty else { return s.startIndex }
        return s.withUnsafeBufferPointer { bytes in
            sub.withUnsafeBufferPointer { pattern in firstMatch(of: pattern, in: bytes, from: 0) }
        }.map { s.startIndex + $0 }
    }

    /// The offset in `s` of the first non-empty `pattern` at or after `start`.
    private static func firstMatch(of pattern: UnsafeBufferPointer<UInt8>, in s: UnsafeBufferPointer<UInt8>,
                                   from start: Int) -> Int? {
        guard let first = pattern.first, let base = s.baseAddress, s.count >= pattern.count else { return nil }
        let last = s.count - pattern.count
        var j = start
        while j <= last, let hit = memchr(base + j, Int32(first), last - j + 1) {
            let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return k }
            j = k + 1
        }
        return nil
    }

    /// `strings.ReplaceAll` on bytes with a non-empty `old`: `s` itself
    /// when it holds no `old`.
    public static func replaceAll(bytes s: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        precondition(!old.isEmpty, "replaceAll(bytes:) needs a non-empty pattern")
        let replaced = s.withUnsafeBufferPointer { text in old.withUnsafeBufferPointer { pattern in
            new.withUnsafeBufferPointer { replacement in
                replacedLength(of: pattern, with: replacement, in: text).map { length in
                    [UInt8](unsafeUninitializedCapacity: length) { out, count in
                        count = writeReplacing(pattern, with: replacement, in: text, into: out)
                    }
                }
            }
        } }
        return replaced ?? s
    }

    /// `strings.TrimSpace`.
    public static func trimSpace(_ s: String) -> String {
        trimScalars(s, where: GoUnicode.isSpace)
    }

    /// `strings.Trim(s, cutset)`.
    public static func trim(_ s: String, cutset: String) -> String {
        if s.isEmpty || cutset.isEmpty { return s }
        let cut = Set(cutset.unicodeScalars)
        return trimScalars(s, where: cut.contains)
    }

    /// `s` without the leading and trailing scalars `drop` matches; `s`
    /// itself, uncopied, when there are none.
    private static func trimScalars(_ s: String, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && drop(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let last = scalars.index(before: end)
            guard drop(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return s }
        return String(scalars[start..<end])
    }

    /// `strings.ToUpper` (simple per-rune case mapping).
    public static func toUpper(_ s: String) -> String {
        mapScalars(s) { scalar in
            // The full mapping, when it is one rune, is the simple one; when
            // it is longer, the simple mapping (if any) is the titlecase one
            // (Greek with ypogegrammeni: ᾳ → ᾼ).
            let mapped = scalar.properties.uppercaseMapping.unicodeScalars
            if mapped.count == 1 { return mapped.first ?? scalar }
            let title = scalar.properties.titlecaseMapping.unicodeScalars
            return title.count == 1 ? title.first ?? scalar : scalar
        }
    }

    /// `strings.ToLower` (simple per-rune case mapping).
    public static func toLower(_ s: String) -> String {
        mapScalars(s) { scalar in
            if scalar.value == 0x130 { return "i" }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first ?? scalar : scalar
        }
    }

    private static func mapScalars(_ s: String, _ f: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(f(scalar)) }
        return String(out)
    }

    /// `strings.Repeat`, with its panics as errors.
    public static func repeating(_ s: String, _ count: Int64) throws -> String {
        try checkRepeat(byteCount: s.utf8.count, count)
        return String(repeating: s, count: Int(count))
    }

    /// `strings.Repeat`'s panics for a string of `byteCount` bytes, as errors.
    public static func checkRepeat(byteCount: Int, _ count: Int64) throws {
        if count < 0 { throw GoError("strings: negative Repeat count") }
        let (total, overflow) = Int64(byteCount).multipliedReportingOverflow(by: count)
        if overflow || total > Int64(Int32.max) { throw GoError("strings: Repeat output length overflow") }
    }

    /// `strings.Replace(s, old, new, -1)`.
    public static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        if old.utf8.elementsEqual(new.utf8) { return s }
        if old.utf8.count == 1, let byte = old.utf8.first, !s.utf8.contains(byte) { return s }
        if old.isEmpty {
            var out = new
            for scalar in s.unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += new
            }
            return out
        }
        var text = s, old = old, new = new
        let replaced = text.withUTF8 { text in old.withUTF8 { pattern in new.withUTF8 { replacement in
            replaceAll(text, pattern, replacement)
        } } }
        return replaced ?? s
    }

    /// `strings.Replace(s, old, new, -1)` on the UTF-8 of valid text with a
    /// non-empty `old`, written straight into the result's storage: a match
    /// of valid `old` in valid text starts and ends on scalar boundaries, so
    /// the result is valid too. Nil when `s` holds no `old`.
    private static func replaceAll(_ s: UnsafeBufferPointer<UInt8>, _ old: UnsafeBufferPointer<UInt8>,
                                   _ new: UnsafeBufferPointer<UInt8>) -> String? {
        replacedLength(of: old, with: new, in: s).map { length in
            String(unsafeUninitializedCapacity: length) { writeReplacing(old, with: new, in: s, into: $0) }
        }
    }

    /// The length of `s` with every `old` (non-empty, not overlapping, left
    /// to right) replaced by `new`; nil when `s` holds no `old`.
    private static func replacedLength(of old: UnsafeBufferPointer<UInt8>, with new: UnsafeBufferPointer<UInt8>,
                                       in s: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0, next = 0
        while let k = firstMatch(of: old, in: s, from: next) {
            count += 1
            next = k + old.count
        }
        return count == 0 ? nil : s.count + count * (new.count - old.count)
    }

    /// Writes `s` with every `old` replaced by `new` into `out` (room for
    /// ``replacedLength(of:with:in:)`` bytes); the bytes written.
    private static func writeReplacing(_ old: UnsafeBufferPointer<UInt8>, with new: UnsafeBufferPointer<UInt8>,
                                       in s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0, copied = 0
        func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
            (out.baseAddress! + written).update(from: from, count: bytes.count)
            written += bytes.count
        }
        while let k = firstMatch(of: old, in: s, from: copied) {
            copy(UnsafeBufferPointer(rebasing: s[copied..<k]))
            copy(new)
            copied = k + old.count
        }
        copy(UnsafeBufferPointer(rebasing: s[copied...]))
        return written
    }

    /// `strings.SplitN(s, sep, limit)` (`limit` < 0: all parts).
    public static func split(_ s: String, _ sep: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty {
            let scalars = Array(s.unicodeScalars)
            var n = limit < 0 || limit > scalars.count ? scalars.count : limit
            if n == 0 { n = 0 }
            var parts: [String] = []
            for i in 0..<n {
                if i == n - 1 && n < scalars.count {
                    var rest = String.UnicodeScalarView()
                    rest.append(contentsOf: scalars[i...])
                    parts.append(String(rest))
                } else {
                    parts.append(String(scalars[i]))
                }
            }
            return parts
        }
        let bytes = Array(s.utf8), pattern = Array(sep.utf8)
        var parts: [String] = []
        var i = 0
        while limit < 0 || parts.count < limit - 1, let found = index(bytes[i...], pattern) {
            parts.append(String(decoding: bytes[i..<found], as: UTF8.self))
            i = found + pattern.count
        }
        parts.append(String(decoding: bytes[i...], as: UTF8.self))
        return parts
    }

    /// `strings.TrimPrefix`, by bytes (`"e\u{301}"` loses its `e`; a
    /// Swift `hasPrefix` compares whole characters).
    public static func trimPrefix(_ s: String, _ prefix: String) -> String {
        guard !prefix.isEmpty, s.utf8.starts(with: prefix.utf8) else { return s }
        return String(Substring(s.utf8.dropFirst(prefix.utf8.count)))
    }

    /// `strings.TrimSuffix`, by bytes (`"a\r\n"` loses its `\n`).
    public static func trimSuffix(_ s: String, _ suffix: String) -> String {
        let n = suffix.utf8.count
        guard n > 0, s.utf8.count >= n, s.utf8.suffix(n).elementsEqual(suffix.utf8) else { return s }
        return String(Substring(s.utf8.dropLast(n)))
    }
}

/// Go string ordering: byte-wise comparison of the UTF-8 encodings.
@inlinable
public func goLess(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in GoString.bytesLess(x, y) } }
}
