import Values

/// `.helmignore` rules as pkg/ignore implements them: gitignore-like lines
/// matched with Go's `filepath.Match`, first match deciding.
public struct HelmIgnore: Sendable {
    struct Pattern: Sendable {
        enum Kind: Sendable { case rooted, structural, basename }
        var rule: String
        var kind: Kind
        var negate: Bool
        var mustDir: Bool
    }

    var patterns: [Pattern] = []

    /// The name of the ignore file in a chart's root.
    public static let fileName = ".helmignore"

    /// An empty rule set.
    public init() {}

    /// Parses the lines of a `.helmignore` file. Throws pkg/ignore's errors
    /// (`double-star (**) syntax is not supported`, `syntax error in pattern`).
    public init(parsing text: [UInt8]) throws {
        var bytes = text[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { lines.removeLast() }
        for var line in lines {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            try addRule(String(decoding: line, as: UTF8.self))
        }
    }

    /// Adds Helm's default rule: dot files under `templates/` are ignored.
    public mutating func addDefaults() {
        try? addRule("templates/.?*")
    }

    mutating func addRule(_ raw: String) throws {
        var rule = goTrimSpace(raw)
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") { throw ChartLoadError("double-star (**) syntax is not supported") }
        if case .failure = GoPathMatch.match(rule, "abc") { throw ChartLoadError("syntax error in pattern") }
        var pattern = Pattern(rule: rule, kind: .basename, negate: false, mustDir: false)
        if rule.hasPrefix("!") {
            pattern.negate = true
            rule.removeFirst()
        }
        if rule.hasSuffix("/") {
            pattern.mustDir = true
            rule.removeLast()
        }
        if rule.hasPrefix("/") {
            pattern.kind = .rooted
            rule.removeFirst()
        } else if rule.contains("/") {
            pattern.kind = .structural
        }
        pattern.rule = rule
        patterns.append(pattern)
    }

    /// Whether `path` (relative, `/`-separated) is ignored.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        for p in patterns {
            if p.negate {
                if p.mustDir && !isDirectory { return true }
                if !p.matches(path) { return true }
                continue
            }
            if p.mustDir && !isDirectory { continue }
            if p.matches(path) { return true }
        }
        return false
    }
}

extension HelmIgnore.Pattern {
    func matches(_ path: String) -> Bool {
        let name = kind == .basename ? GoPath.base(path) : path
        if case .success(true) = GoPathMatch.match(rule, name) { return true }
        return false
    }
}

/// Go's `path/filepath.Match` on a Unix system (`/` separator, `\`
/// escapes), including its bad-pattern detection.
enum GoPathMatch {
    struct BadPattern: Error {}

    static func match(_ pattern: String, _ name: String) -> Result<Bool, BadPattern> {
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
                    let (rune, n) = decodeRune(s)
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
                    let (_, n) = decodeRune(s)
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
        let (r, n) = decodeRune(chunk)
        if r == 0xFFFD && n == 1 { return nil }
        let rest = chunk.dropFirst(n)
        if rest.isEmpty { return nil }
        return (r, rest)
    }

    /// Go's `utf8.DecodeRuneInString`: (U+FFFD, 1) for invalid bytes.
    static func decodeRune(_ s: Bytes) -> (UInt32, Int) {
        guard let b0 = s.first else { return (0xFFFD, 0) }
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let count = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0
        guard count > 0, s.count >= count else { return (0xFFFD, 1) }
        var decoder = UTF8()
        var iterator = s.prefix(count).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.utf8.count == count {
            return (scalar.value, count)
        }
        return (0xFFFD, 1)
    }
}
