/// Go's `path/filepath.Match` on a Unix system (`/` separator, `\`
/// escapes), including its bad-pattern detection.
public enum GoPathMatch {
    /// `filepath.ErrBadPattern`.
    public struct BadPattern: Error, Sendable {}

    public static func match(_ pattern: String, _ name: String) -> Result<Bool, BadPattern> {
        var pat = Array(pattern.utf8)[...]
        var name = Array(name.utf8)[...]
        patternLoop: while !pat.isEmpty {
            let (star, chunk, rest) = scanChunk(pat)
            pat = rest
            if star && chunk.isEmpty {
                return .success(!name.contains(UInt8(ascii: "/")))
            }
            let first = matchChunk(chunk, name)
            if case .success(let t?) = first, t.isEmpty || !pat.isEmpty {
                name = t
                continue
            }
            if case .failure = first { return .failure(BadPattern()) }
            if star {
                var i = name.startIndex
                while i < name.endIndex && name[i] != UInt8(ascii: "/") {
                    let r = matchChunk(chunk, name[(i + 1)...])
                    switch r {
                    case .success(let t?):
                        if pat.isEmpty && !t.isEmpty { i += 1; continue }
                        name = t
                        continue patternLoop
                    case .failure:
                        return .failure(BadPattern())
                    case .success(nil):
                        break
                    }
                    i += 1
                }
            }
            return .success(false)
        }
        return .success(name.isEmpty)
    }

    typealias Bytes = ArraySlice<UInt8>

    static func scanChunk(_ pattern: Bytes) -> (Bool, Bytes, Bytes) {
        var p = pattern
        var star = false
        while p.first == UInt8(ascii: "*") {
            p = p.dropFirst()
            star = true
        }
        var inRange = false
        var i = p.startIndex
        while i < p.endIndex {
            switch p[i] {
            case UInt8(ascii: "\\"):
                if i + 1 < p.endIndex { i += 1 }
            case UInt8(ascii: "["):
                inRange = true
            case UInt8(ascii: "]"):
                inRange = false
            case UInt8(ascii: "*") where !inRange:
                return (star, p[p.startIndex..<i], p[i...])
            default:
                break
            }
            i += 1
        }
        return (star, p, p[p.endIndex...])
    }

    /// The rest of `s` after `chunk` matched a prefix of it, nil when it
    /// did not match, or failure for a malformed chunk.
    static func matchChunk(_ chunkIn: Bytes, _ sIn: Bytes) -> Result<Bytes?, BadPattern> {
        var chunk = chunkIn, s = sIn
        var failed = false
        while !chunk.isEmpty {
            failed = failed || s.isEmpty
            switch chunk.first {
            case UInt8(ascii: "["):
                var r: UInt32 = 0
                if !failed {
                    let (rune, n) = GoUTF8.decodeRune(s)
                    r = rune
                    s = s.dropFirst(n)
                }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == UInt8(ascii: "^") {
                    negated = true
                    chunk = chunk.dropFirst()
                }
                var matched = false
                var ranges = 0
                while true {
                    if chunk.first == UInt8(ascii: "]") && ranges > 0 {
                        chunk = chunk.dropFirst()
                        break
                    }
                    guard let (lo, afterLo) = getEsc(chunk) else { return .failure(BadPattern()) }
                    chunk = afterLo
                    var hi = lo
                    if chunk.first == UInt8(ascii: "-") {
                        guard let (h, afterHi) = getEsc(chunk.dropFirst()) else { return .failure(BadPattern()) }
                        hi = h
                        chunk = afterHi
                    }
                    matched = matched || (lo <= r && r <= hi)
                    ranges += 1
                }
                failed = failed || matched == negated
            case UInt8(ascii: "?"):
                if !failed {
                    failed = s.first == UInt8(ascii: "/")
                    let (_, n) = GoUTF8.decodeRune(s)
                    s = s.dropFirst(n)
                }
                chunk = chunk.dropFirst()
            case UInt8(ascii: "\\"):
                chunk = chunk.dropFirst()
                if chunk.isEmpty { return .failure(BadPattern()) }
                fallthrough
            default:
                if !failed {
                    failed = chunk.first != s.first
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        return .success(failed ? nil : s)
    }

    static func getEsc(_ chunkIn: Bytes) -> (UInt32, Bytes)? {
        var chunk = chunkIn
        guard let first = chunk.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "]") else { return nil }
        if first == UInt8(ascii: "\\") {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { return nil }
        }
        let (r, n) = GoUTF8.decodeRune(chunk)
        if r == 0xFFFD && n == 1 { return nil }
        let rest = chunk.dropFirst(n)
        if rest.isEmpty { return nil }
        return (r, rest)
    }
}
