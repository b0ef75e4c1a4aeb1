import GoStd

/// A compiled Go (RE2) regular expression with the operations of Go's
/// `regexp` package that Sprig uses, following Go's rules for empty
/// matches in `FindAll`, `ReplaceAll` and `Split`.
public struct GoRegexp: Sendable {
    /// The source pattern.
    public let pattern: String
    /// Capture group names; index 0 is the whole match, unnamed groups are "".
    public let groupNames: [String]
    private let program: [RegexInst]
    private let groupCount: Int
    /// Bytes every match contains (the longest run of case-sensitive
    /// literals the pattern cannot skip): an input without them has no
    /// match, which is decided without running the program.
    private let requiredBytes: [UInt8]
    /// How every match starts: where a search can skip ahead.
    private let entry: RegexEntry

    /// Compiles `pattern` as `regexp.Compile` does.
    public init(_ pattern: String) throws(GoRegexpError) {
        let (node, count, names) = try RegexParser.parse(pattern)
        self.pattern = pattern
        self.groupCount = count
        self.groupNames = names
        self.program = RegexCompiler.compile(node)
        // A literal U+FFFD also matches each invalid byte of the input, so
        // it cannot be looked for as bytes.
        let required = RegexCompiler.requiredLiteral(node)
        self.requiredBytes = GoRegexp.contains(required, [0xEF, 0xBF, 0xBD]) ? [] : required
        self.entry = RegexEntry(program)
    }

    /// `init(_:)` remembered: templates compile the same few patterns on
    /// every render, often inside loops.
    public static func cached(_ pattern: String) throws(GoRegexpError) -> GoRegexp {
        try compiledPatterns.value(for: pattern) { (pattern) throws(GoRegexpError) in try GoRegexp(pattern) }
    }

    private static let compiledPatterns = Memo<String, GoRegexp, GoRegexpError>()

    /// The panic text of `regexp.MustCompile(pattern)` for `error`.
    public static func mustCompileMessage(_ pattern: String, _ error: GoRegexpError) -> String {
        "regexp: Compile(\(quote(pattern))): \(error.description)"
    }

    /// Go's `regexp.quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`.
    static func quote(_ s: String) -> String {
        let canBackquote = s.unicodeScalars.allSatisfy { c in
            c != "`" && c != "\u{FEFF}" && (c == "\t" || (c.value >= 0x20 && c.value != 0x7F))
        }
        if canBackquote { return "`" + s + "`" }
        return GoQuote.quote(s)
    }

    private func machine(_ s: GoString) -> RegexMachine {
        let input = s.bytes
        return RegexMachine(program: program, captures: groupCount, input: input, entry: entry,
                            impossible: !Self.contains(input, requiredBytes))
    }

    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack, from: 0) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        guard needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var i = start
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func text(_ m: RegexMachine, _ from: Int, _ to: Int) -> GoString {
        GoString(bytes: m.input[from..<to])
    }

    /// `MatchString`.
    public func matches(_ s: String) -> Bool { matches(GoString(s)) }

    /// `MatchString` of a Go string (invalid bytes read as U+FFFD of width 1).
    public func matches(_ s: GoString) -> Bool {
        machine(s).search(from: 0) != nil
    }

    /// `FindString`: the leftmost match, or "".
    public func find(_ s: String) -> String { find(GoString(s)).text }

    /// `FindString` of a Go string; the match keeps its bytes.
    public func find(_ s: GoString) -> GoString {
        let m = machine(s)
        guard let caps = m.search(from: 0) else { return "" }
        return Self.text(m, caps[0], caps[1])
    }

    /// `FindAllStringIndex`-style capture arrays of at most `n` matches (all when n < 0).
    private func allMatches(_ m: RegexMachine, _ n: Int) -> [[Int]] {
        let end = m.input.count
        let limit = n < 0 ? end + 1 : n
        var out: [[Int]] = []
        var pos = 0
        var prevMatchEnd = -1
        while out.count < limit && pos <= end {
            guard let caps = m.search(from: pos) else { break }
            var accept = true
            if caps[1] == pos {
                if caps[0] == prevMatchEnd { accept = false }
                let w = m.rune(at: pos).1
                pos += w > 0 ? w : end + 1
            } else {
                pos = caps[1]
            }
            prevMatchEnd = caps[1]
            if accept { out.append(caps) }
        }
        return out
    }

    /// `FindStringSubmatch`: the match and its groups ("" for groups that
    /// did not take part), or nil.
    public func submatches(_ s: String) -> [String]? { submatches(GoString(s))?.map(\.text) }

    /// `FindStringSubmatch` of a Go string.
    public func submatches(_ s: GoString) -> [GoString]? {
        let m = machine(s)
        guard let caps = m.search(from: 0) else { return nil }
        return Self.groups(m, caps)
    }

    /// `FindAllStringSubmatch(s, n)`; nil when there is no match.
    public func allSubmatches(_ s: String, _ n: Int) -> [[String]]? {
        allSubmatches(GoString(s), n)?.map { $0.map(\.text) }
    }

    /// `FindAllStringSubmatch` of a Go string.
    public func allSubmatches(_ s: GoString, _ n: Int) -> [[GoString]]? {
        let m = machine(s)
        let found = allMatches(m, n)
        return found.isEmpty ? nil : found.map { Self.groups(m, $0) }
    }

    private static func groups(_ m: RegexMachine, _ caps: [Int]) -> [GoString] {
        stride(from: 0, to: caps.count, by: 2).map { i in caps[i] >= 0 && caps[i + 1] >= 0 ? text(m, caps[i], caps[i + 1]) : .empty }
    }

    /// `FindAllString(s, n)`; nil when there is no match (Go's nil slice).
    public func findAll(_ s: String, _ n: Int) -> [String]? { findAll(GoString(s), n)?.map(\.text) }

    /// `FindAllString` of a Go string.
    public func findAll(_ s: GoString, _ n: Int) -> [GoString]? {
        let m = machine(s)
        let found = allMatches(m, n)
        return found.isEmpty ? nil : found.map { Self.text(m, $0[0], $0[1]) }
    }

    /// `ReplaceAllString` (with `$` expansion) or `ReplaceAllLiteralString`.
    public func replaceAll(_ s: String, with replacement: String, literal: Bool) -> String {
        replaceAll(GoString(s), with: GoString(replacement), literal: literal).text
    }

    /// `ReplaceAllString` / `ReplaceAllLiteralString` of Go strings.
    public func replaceAll(_ s: GoString, with replacement: GoString, literal: Bool) -> GoString {
        let m = machine(s)
        let src = m.input
        var out: [UInt8] = []
        var lastMatchEnd = 0
        var searchPos = 0
        while searchPos <= src.count {
            guard let a = m.search(from: searchPos) else { break }
            out += src[lastMatchEnd..<a[0]]
            if a[1] > lastMatchEnd || a[0] == 0 {
                if literal { replacement.append(to: &out) } else { expand(replacement.text, src, a, into: &out) }
            }
            lastMatchEnd = a[1]
            let width = m.rune(at: searchPos).1
            if searchPos + width > a[1] {
                searchPos += width
            } else if searchPos + 1 > a[1] {
                searchPos += 1
            } else {
                searchPos = a[1]
            }
        }
        out += src[lastMatchEnd...]
        return GoString(bytes: out)
    }

    /// Go's `Regexp.expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`.
    private func expand(_ template: String, _ src: [UInt8], _ match: [Int], into out: inout [UInt8]) {
        var t = Substring(template)
        while let dollar = t.firstIndex(of: "$") {
            out += Array(t[..<dollar].utf8)
            t = t[t.index(after: dollar)...]
            if t.first == "$" {
                out.append(UInt8(ascii: "$"))
                t = t.dropFirst()
                continue
            }
            guard let (name, num, rest) = Self.extract(t) else {
                out.append(UInt8(ascii: "$"))
                continue
            }
            t = rest
            var group = -1
            if num >= 0 {
                group = num
            } else if let i = groupNames.firstIndex(of: name), i > 0 {
                group = i
            }
            if group >= 0 && 2 * group + 1 < match.count && match[2 * group] >= 0 {
                out += src[match[2 * group]..<match[2 * group + 1]]
            }
        }
        out += Array(t.utf8)
    }

    private static func extract(_ str: Substring) -> (String, Int, Substring)? {
        var s = str
        var brace = false
        if s.first == "{" {
            brace = true
            s = s.dropFirst()
        }
        var end = s.startIndex
        while end < s.endIndex {
            let c = s.unicodeScalars[end]
            guard c == "_" || GoUnicode.isLetter(c)
                || c.properties.generalCategory == .decimalNumber else { break }
            end = s.unicodeScalars.index(after: end)
        }
        guard end > s.startIndex else { return nil }
        let name = String(s[..<end])
        var rest = s[end...]
        if brace {
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        var num = 0
        for b in name.utf8 {
            if b < 48 || b > 57 || num >= 100_000_000 {
                num = -1
                break
            }
            num = num * 10 + Int(b - 48)
        }
        if name.utf8.first == UInt8(ascii: "0") && name.utf8.count > 1 { num = -1 }
        return (name, num, rest)
    }

    /// `Split(s, n)`; nil when n == 0.
    public func split(_ s: String, _ n: Int) -> [String]? { split(GoString(s), n)?.map(\.text) }

    /// `Split` of a Go string.
    public func split(_ s: GoString, _ n: Int) -> [GoString]? {
        if n == 0 { return nil }
        if !pattern.isEmpty && s.isEmpty { return [.empty] }
        let m = machine(s)
        let matches = allMatches(m, n)
        var out: [GoString] = []
        var beg = 0
        var end = 0
        for match in matches {
            if n > 0 && out.count == n - 1 { break }
            end = match[0]
            if match[1] != 0 { out.append(Self.text(m, beg, end)) }
            beg = match[1]
        }
        if end != m.input.count { out.append(Self.text(m, beg, m.input.count)) }
        return out
    }

    /// `regexp.QuoteMeta`.
    public static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
