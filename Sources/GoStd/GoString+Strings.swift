/// Go's byte-oriented `strings` functions on ``GoString``: what they do to
/// bytes that are not valid UTF-8 is what Go does (they are kept, except
/// where Go's function decodes runes).
extension GoString {
    /// `strings.HasPrefix`.
    public func hasPrefix(_ prefix: GoString) -> Bool {
        withBytes { s in prefix.withBytes { p in s.count >= p.count && s[..<p.count].elementsEqual(p) } }
    }

    /// `strings.HasSuffix`.
    public func hasSuffix(_ suffix: GoString) -> Bool {
        withBytes { s in suffix.withBytes { p in s.count >= p.count && s[(s.count - p.count)...].elementsEqual(p) } }
    }

    /// `strings.Index`: the byte offset of the first `sub`, or nil.
    public func firstIndex(of sub: GoString) -> Int? {
        GoStrings.index(bytes[...], sub.bytes)
    }

    /// `strings.TrimPrefix`.
    public func trimmingPrefix(_ prefix: GoString) -> GoString {
        hasPrefix(prefix) ? slice(prefix.count..<count) : self
    }

    /// `strings.TrimSuffix`.
    public func trimmingSuffix(_ suffix: GoString) -> GoString {
        hasSuffix(suffix) ? slice(0..<(count - suffix.count)) : self
    }

    /// The byte lengths of the runes as Go's `range` steps over them (an
    /// invalid byte is a rune of width 1).
    public var runeWidths: [Int] {
        let b = bytes
        var widths: [Int] = []
        var i = 0
        while i < b.count {
            let w = b[i] < 0x80 ? 1 : GoUTF8.decodeRune(b[i...]).1
            widths.append(w)
            i += w
        }
        return widths
    }

    /// The string without the leading and trailing runes for which `cut` is
    /// true (`strings.TrimFunc`); an invalid byte is the rune U+FFFD, and
    /// the bytes kept are the original ones.
    public func trimming(where cut: (Unicode.Scalar) -> Bool, leading: Bool = true, trailing: Bool = true) -> GoString {
        if let text = validText {
            let scalars = text.unicodeScalars
            var start = scalars.startIndex, end = scalars.endIndex
            while leading && start < end && cut(scalars[start]) { start = scalars.index(after: start) }
            while trailing && end > start && cut(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
            if start == scalars.startIndex && end == scalars.endIndex { return self }
            return GoString(String(scalars[start..<end]))
        }
        let runes = self.runes, widths = runeWidths
        var start = 0, end = runes.count
        while leading && start < end && cut(runes[start]) { start += 1 }
        while trailing && end > start && cut(runes[end - 1]) { end -= 1 }
        let from = widths[..<start].reduce(0, +)
        let to = count - widths[end...].reduce(0, +)
        return slice(from..<to)
    }

    /// `strings.Replace(s, old, new, -1)`: an empty `old` matches at the
    /// start and after every rune.
    public func replacingAll(_ old: GoString, with new: GoString) -> GoString {
        if let a = validText, let b = old.validText, let c = new.validText { return GoString(GoStrings.replaceAll(a, b, c)) }
        let s = bytes, o = old.bytes, n = new.bytes
        guard o.isEmpty else { return GoString(bytes: GoStrings.replaceAll(bytes: s, o, n)) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        out += n
        var i = 0
        for w in runeWidths {
            out += s[i..<(i + w)]
            out += n
            i += w
        }
        return GoString(bytes: out)
    }

    /// `strings.SplitN(s, sep, n)` (`n` < 0: all parts): an empty `sep`
    /// splits after every rune.
    public func split(_ sep: GoString, limit n: Int = -1) -> [GoString] {
        if let a = validText, let b = sep.validText { return GoStrings.split(a, b, limit: n).map { GoString($0) } }
        if n == 0 { return [] }
        let s = bytes, p = sep.bytes
        if p.isEmpty {
            var parts: [GoString] = []
            var i = 0
            for w in runeWidths {
                if n > 0 && parts.count == n - 1 { break }
                parts.append(GoString(bytes: s[i..<(i + w)]))
                i += w
            }
            if i < s.count { parts.append(GoString(bytes: s[i...])) }
            return parts
        }
        var parts: [GoString] = []
        var i = 0
        while n < 0 || parts.count < n - 1, let j = GoStrings.index(s[i...], p) {
            parts.append(GoString(bytes: s[i..<j]))
            i = j + p.count
        }
        parts.append(GoString(bytes: s[i...]))
        return parts
    }

    /// `strings.Join`.
    public static func join(_ parts: [GoString], separator: GoString) -> GoString {
        if parts.allSatisfy(\.isValidUTF8), let sep = separator.validText {
            return GoString(parts.map { $0.validText! }.joined(separator: sep))
        }
        var out: [UInt8] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { separator.append(to: &out) }
            part.append(to: &out)
        }
        return GoString(bytes: out)
    }

    /// `s` written `n` times.
    public func repeated(_ n: Int) -> GoString {
        if let text = validText { return GoString(String(repeating: text, count: n)) }
        let b = bytes
        var out: [UInt8] = []
        out.reserveCapacity(b.count * n)
        for _ in 0..<n { out += b }
        return GoString(bytes: out)
    }
}
