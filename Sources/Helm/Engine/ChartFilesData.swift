import GoStd
import Values
import YAML

/// The data behind `.Files`: path → bytes, with the operations Helm's
/// `files` type offers (pkg/engine/files.go) as pure functions. Paths are
/// Go strings: an NFC name does not find a file stored under its NFD twin.
public struct ChartFilesData: Sendable, Hashable {
    public var files: [GoString: [UInt8]]

    public init(_ files: [ChartFile]) {
        var map: [GoString: [UInt8]] = [:]
        for file in files { map[GoString(file.name)] = file.data }
        self.files = map
    }

    public init(files: [GoString: [UInt8]]) {
        self.files = files
    }

    /// Paths in byte order (the order `range` visits them).
    public var sortedPaths: [GoString] { files.keys.sorted() }

    /// `GetBytes`: the file's bytes, or empty.
    public func getBytes(_ name: GoString) -> [UInt8] { files[name] ?? [] }

    /// `Get`: the file's text, or "".
    public func get(_ name: GoString) -> GoString { GoString(bytes: getBytes(name)) }

    /// `Glob`: the files whose path matches `pattern` (gobwas/glob with `/`
    /// as separator; an invalid pattern matches everything, as `**`).
    public func glob(_ pattern: String) -> ChartFilesData {
        let matcher = GlobPattern(pattern) ?? GlobPattern.everything
        return ChartFilesData(files: files.filter { matcher.matches($0.key.text) })
    }

    /// What `Lines` does: a missing file gives `[]`; otherwise the text
    /// without one trailing `\n`, split on `\n`. An existing empty file
    /// makes Helm crash; that case is the error
    /// `runtime error: index out of range [-1]`.
    public func lines(_ path: GoString) -> Result<[GoString], LinesError> {
        guard let data = files[path] else { return .success([]) }
        guard !data.isEmpty else { return .failure(LinesError()) }
        // Bytes, as Go splits: a `\r` before a `\n` stays with its line.
        let body = data.last == UInt8(ascii: "\n") ? data.dropLast() : data[...]
        return .success(body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { GoString(bytes: $0) })
    }

    /// The panic `Lines` raises on an empty file.
    public struct LinesError: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String { "runtime error: index out of range [-1]" }
    }

    /// `AsConfig`: base name → text, through `toYaml`. When two paths share
    /// a base name, the later one in byte order wins (Go's is random).
    public func asConfig() -> String {
        let map = GoMap()
        for path in sortedPaths { map[GoPath.base(path.text)] = .string(GoString(bytes: files[path] ?? [])) }
        return helmToYAML(.map(map)) ?? ""
    }

    /// `AsSecrets`: base name → base64 of the bytes, through `toYaml`.
    public func asSecrets() -> String {
        let map = GoMap()
        for path in sortedPaths { map[GoPath.base(path.text)] = .string(GoBaseEncoding.base64Encode(files[path] ?? [])) }
        return helmToYAML(.map(map)) ?? ""
    }
}

/// A gobwas/glob pattern compiled with `/` as the only separator: `*`
/// (no `/`), `**` (anything), `?` (one non-`/` character), `[abc]`,
/// `[!abc]`, `[a-z]`, `[!a-z]`, `{a,b}` and `\` escapes.
public struct GlobPattern: Sendable {
    indirect enum Node: Sendable {
        case text([Unicode.Scalar])
        case any, superAny, single
        case range(lo: UInt32, hi: UInt32, not: Bool)
        case list(Set<UInt32>, not: Bool)
        case anyOf([[Node]])
    }

    let nodes: [Node]

    static let everything = GlobPattern(nodes: [.superAny])

    private init(nodes: [Node]) {
        self.nodes = nodes
    }

    /// Compiles `pattern`, or nil where gobwas/glob reports an error.
    public init?(_ pattern: String) {
        var parser = GlobParser(Array(pattern.utf8))
        guard let nodes = parser.parse() else { return nil }
        self.nodes = nodes
    }

    /// Whether the whole of `name` matches.
    public func matches(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        return Self.match(nodes[...], scalars, 0, { $0 == scalars.count })
    }

    /// Matches `nodes` against `s` from `i`, calling `rest` with each end
    /// position; true as soon as one continuation succeeds.
    private static func match(_ nodes: ArraySlice<Node>, _ s: [Unicode.Scalar], _ i: Int, _ rest: (Int) -> Bool) -> Bool {
        guard let node = nodes.first else { return rest(i) }
        let tail = nodes.dropFirst()
        switch node {
        case .text(let text):
            guard i + text.count <= s.count, Array(s[i..<(i + text.count)]) == text else { return false }
            return match(tail, s, i + text.count, rest)
        case .any, .superAny:
            var j = i
            while true {
                if match(tail, s, j, rest) { return true }
                guard j < s.count else { return false }
                if case .any = node, s[j] == "/" { return false }
                j += 1
            }
        case .single:
            guard i < s.count, s[i] != "/" else { return false }
            return match(tail, s, i + 1, rest)
        case .range(let lo, let hi, let not):
            guard i < s.count, (lo...hi).contains(s[i].value) != not else { return false }
            return match(tail, s, i + 1, rest)
        case .list(let chars, let not):
            guard i < s.count, chars.contains(s[i].value) != not else { return false }
            return match(tail, s, i + 1, rest)
        case .anyOf(let alternatives):
            for alternative in alternatives {
                if match(alternative[...], s, i, { match(tail, s, $0, rest) }) { return true }
            }
            return false
        }
    }
}

/// gobwas/glob's lexer and parser in one pass.
private struct GlobParser {
    let bytes: [UInt8]
    var pos = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readScalar() -> Unicode.Scalar?? {
        guard pos < bytes.count else { return .some(nil) }
        let (value, width) = GoUTF8.decodeRune(bytes[pos...])
        if value == 0xFFFD && width == 1 { return nil }
        pos += width
        return .some(Unicode.Scalar(value))
    }

    func peekScalar() -> Unicode.Scalar? {
        guard pos < bytes.count else { return nil }
        return Unicode.Scalar(GoUTF8.decodeRune(bytes[pos...]).0)
    }

    /// A sequence up to the end (or, inside `{}`, up to `,` / `}`).
    mutating func parse() -> [GlobPattern.Node]? {
        parseSequence(depth: 0)
    }

    private mutating func parseSequence(depth: Int) -> [GlobPattern.Node]? {
        var nodes: [GlobPattern.Node] = []
        while let r = peekScalar() {
            switch r {
            case "{":
                pos += 1
                var alternatives: [[GlobPattern.Node]] = []
                while true {
                    guard let alternative = parseSequence(depth: depth + 1) else { return nil }
                    alternatives.append(alternative)
                    guard let next = peekScalar() else { break }
                    pos += 1
                    if next == "}" { break }
                }
                nodes.append(.anyOf(alternatives))
            case "," where depth > 0, "}" where depth > 0:
                return nodes
            case "[":
                pos += 1
                guard let node = parseRange() else { return nil }
                nodes.append(node)
            case "?":
                pos += 1
                nodes.append(.single)
            case "*":
                pos += 1
                if peekScalar() == "*" {
                    pos += 1
                    nodes.append(.superAny)
                } else {
                    nodes.append(.any)
                }
            default:
                let breakers: Set<Unicode.Scalar> = depth > 0 ? ["?", "*", "[", "{", "}", ","] : ["?", "*", "[", "{"]
                guard let text = parseText(breakers) else { return nil }
                if !text.isEmpty { nodes.append(.text(text)) }
            }
        }
        return nodes
    }

    private mutating func parseText(_ breakers: Set<Unicode.Scalar>) -> [Unicode.Scalar]? {
        var text: [Unicode.Scalar] = []
        var escaped = false
        while pos < bytes.count {
            let start = pos
            guard let read = readScalar(), let r = read else { return nil }
            if !escaped {
                if r == "\\" { escaped = true; continue }
                if breakers.contains(r) { pos = start; break }
            }
            escaped = false
            text.append(r)
        }
        return text
    }

    private mutating func parseRange() -> GlobPattern.Node? {
        var not = false
        var lo: UInt32 = 0, hi: UInt32 = 0
        var chars: [Unicode.Scalar] = []
        var seenNot = false
        while true {
            guard let read = readScalar(), let r = read else { return nil }
            if !seenNot && r == "!" {
                not = true
                seenNot = true
                continue
            }
            if peekScalar() == "-" {
                pos += 1
                guard let readHi = readScalar(), let h = readHi else { return nil }
                lo = r.value
                hi = h.value
                if hi < lo { return nil }
            } else {
                pos -= r.utf8.count
                guard let text = parseText(["]"]) else { return nil }
                chars = text
            }
            guard let close = readScalar(), close == "]" else { return nil }
            let isRange = lo != 0 && hi != 0
            if chars.isEmpty == !isRange { return nil }
            return isRange ? .range(lo: lo, hi: hi, not: not) : .list(Set(chars.map(\.value)), not: not)
        }
    }
}
