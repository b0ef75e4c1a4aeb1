import GoStd

/// The string helpers Sprig takes from Go (`strings.Title`), Masterminds/goutils
/// and huandu/xstrings v1.5.
enum TextStrings {
    /// goutils' `DeleteWhiteSpace`: works byte by byte, so when anything is
    /// removed, every non-ASCII byte comes back as the rune of that value.
    static func deleteWhiteSpace(_ s: GoString) -> GoString {
        let bytes = s.bytes
        var out = String.UnicodeScalarView()
        var kept = 0
        for b in bytes {
            let scalar = Unicode.Scalar(b)
            if !GoUnicode.isSpace(scalar) {
                out.append(scalar)
                kept += 1
            }
        }
        return kept == bytes.count ? s : GoString(String(out))
    }

    /// Sprig's `substring`, with Go's slice-bounds panics.
    static func substring(_ start: Int, _ end: Int, _ s: GoString) throws -> GoString {
        let n = s.count
        func bounds(_ text: String) -> GoError { GoError("runtime error: slice bounds out of range " + text) }
        if start < 0 {
            if end < 0 { throw bounds("[:\(end)]") }
            if end > n { throw bounds("[:\(end)] with length \(n)") }
            return s.slice(0..<end)
        }
        if end < 0 || end > n {
            if start > n { throw bounds("[\(start):\(n)]") }
            return s.slice(start..<n)
        }
        if start > end { throw bounds("[\(start):\(end)]") }
        return s.slice(start..<end)
    }

    /// Go's deprecated `strings.Title`.
    static func title(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var prev: Unicode.Scalar = " "
        for r in s.unicodeScalars {
            out.append(isSeparator(prev) ? GoUnicode.toTitle(r) : r)
            prev = r
        }
        return String(out)
    }

    private static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.value <= 0x7F {
            let c = r.value
            return !((0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F)
        }
        if GoUnicode.isLetter(r) || GoUnicode.isDigit(r) { return false }
        return GoUnicode.isSpace(r)
    }

    /// goutils `Uncapitalize` (whitespace delimiters).
    static func untitle(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var next = true
        for r in s.unicodeScalars {
            if GoUnicode.isSpace(r) {
                next = true
                out.append(r)
            } else if next {
                out.append(GoUnicode.toLower(r))
                next = false
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    /// goutils `SwapCase`.
    static func swapCase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var whitespace = true
        for r in s.unicodeScalars {
            if GoUnicode.isUpper(r) || GoUnicode.isTitle(r) {
                out.append(GoUnicode.toLower(r))
                whitespace = false
            } else if GoUnicode.isLower(r) {
                out.append(whitespace ? GoUnicode.toTitle(r) : GoUnicode.toUpper(r))
                whitespace = false
            } else {
                out.append(r)
                whitespace = GoUnicode.isSpace(r)
            }
        }
        return String(out)
    }

    /// goutils `Initials`: works byte by byte, each byte taken as a rune.
    static func initials(_ s: GoString) -> GoString {
        var out = String.UnicodeScalarView()
        var gap = true
        for b in s.bytes {
            guard let r = Unicode.Scalar(UInt32(b)) else { continue }
            if GoUnicode.isSpace(r) {
                gap = true
            } else if gap {
                out.append(r)
                gap = false
            }
        }
        return GoString(String(out))
    }

    /// goutils `AbbreviateFull` (byte offsets; errors give "").
    static func abbreviate(_ s: GoString, offset: Int, maxWidth: Int) -> GoString {
        let b = s.bytes
        func str(_ r: Range<Int>) -> GoString { GoString(bytes: b[r]) }
        if b.isEmpty { return "" }
        if maxWidth < 4 { return "" }
        if b.count <= maxWidth { return s }
        var offset = min(offset, b.count)
        if b.count - offset < maxWidth - 3 { offset = b.count - (maxWidth - 3) }
        if offset <= 4 { return str(0..<(maxWidth - 3)) + "..." }
        if maxWidth < 7 { return "" }
        if offset + maxWidth - 3 < b.count {
            return "..." + abbreviate(str(offset..<b.count), offset: 0, maxWidth: maxWidth - 3)
        }
        return "..." + str((b.count - (maxWidth - 3))..<b.count)
    }

    /// goutils `WrapCustom` (byte based).
    static func wrap(_ s: GoString, _ length: Int, newline: GoString, wrapLong: Bool) -> GoString {
        let b = s.bytes
        if b.isEmpty { return .empty }
        let nl = newline.isEmpty ? Array("\n".utf8) : newline.bytes
        let width = max(length, 1)
        var out: [UInt8] = []
        var offset = 0
        while b.count - offset > width {
            if b[offset] == 0x20 {
                offset += 1
                continue
            }
            let end = min(width + offset + 1, b.count)
            if let space = b[offset..<end].lastIndex(of: 0x20) {
                out += b[offset..<space] + nl
                offset = space + 1
            } else if wrapLong {
                out += b[offset..<(offset + width)] + nl
                offset += width
            } else if let space = b[(width + offset)...].firstIndex(of: 0x20) {
                out += b[offset..<space] + nl
                offset = space + 1
            } else {
                out += b[offset...]
                offset = b.count
            }
        }
        out += b[offset...]
        return GoString(bytes: out)
    }

    // MARK: xstrings

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || GoUnicode.isSpace(r) }

    static func isAlphabet(_ r: Unicode.Scalar) -> Bool {
        guard GoUnicode.isLetter(r) else { return false }
        let v = r.value
        if v < 0x3400 { return true }
        if (0x4E00...0x9FCC).contains(v) || (0x3400...0x4D85).contains(v) || (0x20000...0x2B81D).contains(v) { return false }
        return true
    }

    /// xstrings `ToPascalCase`.
    static func pascalCase(_ s: String) -> String {
        let runes = Array(s.unicodeScalars)
        if runes.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var i = 0
        var r0: Unicode.Scalar = " "
        var firstUpper = false
        while i < runes.count {
            r0 = runes[i]
            i += 1
            if !isConnector(r0) {
                firstUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
                break
            }
            out.append(r0)
        }
        if i >= runes.count {
            out.append(r0)
            return String(out)
        }
        while i < runes.count {
            let r1 = r0
            r0 = runes[i]
            i += 1
            if isConnector(r0) && isConnector(r1) {
                out.append(r1)
                continue
            }
            if isConnector(r1) {
                firstUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
            } else {
                if firstUpper {
                    if GoUnicode.isUpper(r0) { r0 = GoUnicode.toLower(r0) } else { firstUpper = false }
                }
                out.append(r1)
            }
        }
        out.append(r0)
        return String(out)
    }

    private enum WordType { case invalid, number, upper, alphabet, connector, punct, other }

    /// A rune of the input as `utf8.DecodeRune` reads it, with its bytes.
    private struct Rune {
        var scalar: Unicode.Scalar
        var start: Int
        var width: Int
        /// `utf8.RuneError`: an invalid byte or a real U+FFFD.
        var isError: Bool { scalar.value == GoUTF8.runeError }
    }

    private static func decodeRunes(_ bytes: [UInt8]) -> [Rune] {
        var out: [Rune] = []
        var i = 0
        while i < bytes.count {
            let (r, w) = GoUTF8.decodeRune(bytes[i...])
            out.append(Rune(scalar: Unicode.Scalar(r) ?? "\u{FFFD}", start: i, width: w))
            i += w
        }
        return out
    }

    /// xstrings `nextValidRune` from `i`: the first rune that is not
    /// `RuneError` and how many runes up to and including it; `prev` and
    /// all the rest when there is none.
    private static func nextValidRune(_ s: ArraySlice<Rune>, _ i: Int, _ prev: Unicode.Scalar) -> (Unicode.Scalar, Int) {
        var j = i
        while j < s.endIndex {
            if !s[j].isError { return (s[j].scalar, j - i + 1) }
            j += 1
        }
        return (prev, j - i)
    }

    /// xstrings `nextWord`: the type of the word at the start of `s`, the
    /// word and what follows it (invalid bytes ride along inside words).
    private static func nextWord(_ s: ArraySlice<Rune>) -> (WordType, ArraySlice<Rune>, ArraySlice<Rune>) {
        let start = s.startIndex, end = s.endIndex
        guard start < end else { return (.invalid, s, s) }
        var (r, n) = nextValidRune(s, start, "\u{FFFD}")
        var offset = n
        func split() -> (ArraySlice<Rune>, ArraySlice<Rune>) { (s[start..<(start + offset)], s[(start + offset)...]) }
        if r.value == GoUTF8.runeError {
            let (word, rest) = split()
            return (.invalid, word, rest)
        }
        var rem = start + n
        func run(_ pred: (Unicode.Scalar) -> Bool) {
            while rem < end {
                (r, n) = nextValidRune(s, rem, r)
                if !pred(r) { break }
                offset += n
                rem += n
            }
        }
        let type: WordType
        if isConnector(r) {
            type = .connector
            run(isConnector)
        } else if GoUnicode.isPunct(r) {
            type = .punct
            run(GoUnicode.isPunct)
        } else if GoUnicode.isUpper(r) {
            type = .upper
            if rem < end {
                (r, n) = nextValidRune(s, rem, r)
                if GoUnicode.isUpper(r) {
                    var prevSize = n
                    offset += n
                    rem += n
                    while rem < end {
                        (r, n) = nextValidRune(s, rem, r)
                        if !GoUnicode.isUpper(r) { break }
                        prevSize = n
                        offset += n
                        rem += n
                    }
                    // "HTTPStatus": the "S" starts the next word.
                    if rem < end && isAlphabet(r) { offset -= prevSize }
                } else if isAlphabet(r) {
                    offset += n
                    rem += n
                    run { isAlphabet($0) && !GoUnicode.isUpper($0) }
                }
            }
        } else if isAlphabet(r) {
            type = .alphabet
            run { isAlphabet($0) && !GoUnicode.isUpper($0) }
        } else if GoUnicode.isNumber(r) {
            type = .number
            run(GoUnicode.isNumber)
        } else {
            type = .other
            run { !(isConnector($0) || isAlphabet($0) || GoUnicode.isNumber($0) || GoUnicode.isPunct($0)) }
        }
        let (word, rest) = split()
        return (type, word, rest)
    }

    /// xstrings `toLower`: upper-case and connector words rune by rune
    /// (an invalid byte becomes U+FFFD), other words as their bytes.
    private static func lower(_ out: inout [UInt8], _ bytes: [UInt8], _ type: WordType, _ word: ArraySlice<Rune>, _ connector: Unicode.Scalar) {
        guard let first = word.first, let last = word.last else { return }
        guard type == .upper || type == .connector else {
            out += bytes[first.start..<(last.start + last.width)]
            return
        }
        for rune in word {
            let r = rune.scalar
            out += String(isConnector(r) ? connector : GoUnicode.isUpper(r) ? GoUnicode.toLower(r) : r).utf8
        }
    }

    /// xstrings `camelCaseToLowerCase` (`ToSnakeCase`, `ToKebabCase`).
    static func lowerCase(_ s: GoString, connector: Unicode.Scalar) -> GoString {
        let bytes = s.bytes
        if bytes.isEmpty { return .empty }
        let runes = decodeRunes(bytes)
        let sep = Array(String(connector).utf8)
        var out: [UInt8] = []
        var (wt, word, remaining) = nextWord(runes[...])
        while !remaining.isEmpty {
            if wt != .connector { lower(&out, bytes, wt, word, connector) }
            let prev = wt, last = word
            (wt, word, remaining) = nextWord(remaining)
            switch prev {
            case .number:
                while wt == .alphabet || wt == .number {
                    lower(&out, bytes, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .punct && wt != .connector { out += sep }
            case .connector:
                lower(&out, bytes, prev, last, connector)
            case .punct:
                break
            default:
                if wt != .number {
                    if wt != .connector && wt != .punct { out += sep }
                    break
                }
                if remaining.isEmpty { break }
                let numberWord = word
                (wt, word, remaining) = nextWord(remaining)
                if wt != .alphabet {
                    lower(&out, bytes, .number, numberWord, connector)
                    if wt != .connector && wt != .punct { out += sep }
                    break
                }
                out += sep
                lower(&out, bytes, .number, numberWord, connector)
                while wt == .alphabet || wt == .number {
                    lower(&out, bytes, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .connector && wt != .punct { out += sep }
            }
        }
        lower(&out, bytes, wt, word, connector)
        return GoString(bytes: out)
    }
}
