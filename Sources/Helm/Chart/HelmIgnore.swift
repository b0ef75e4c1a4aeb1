import Diagnostics
import GoStd
import Values

/// `.helmignore` rules as pkg/ignore implements them: gitignore-like lines
/// matched with Go's `filepath.Match`, first match deciding.
public struct HelmIgnore: Sendable {
    struct Pattern: Sendable {
        enum Kind: Sendable { case rooted, structural, basename }
        /// What `filepath.Match` does with a rule without metacharacters
        /// (`exact`) or with one leading `*` and none after it (`suffix`);
        /// nil for every other rule, which the full matcher handles.
        enum Shortcut: Sendable { case exact([UInt8]), suffix([UInt8]) }
        var rule: String
        var kind: Kind
        var negate: Bool
        var mustDir: Bool
        var shortcut: Shortcut?
    }

    var patterns: [Pattern] = []

    /// The name of the ignore file in a chart's root.
    public static let fileName = ".helmignore"

    /// An empty rule set.
    public init() {}

    /// Parses the lines of a `.helmignore` file. Throws pkg/ignore's errors
    /// (`double-star (**) syntax is not supported`, `syntax error in pattern`)
    /// at the offending line of `file`.
    public init(parsing text: [UInt8], file: String = HelmIgnore.fileName) throws(LocatedError) {
        var bytes = text[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { lines.removeLast() }
        for (index, var line) in lines.enumerated() {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            do {
                try addRule(String(decoding: line, as: UTF8.self))
            } catch {
                var located = error
                located.location = SourceLocation(file: file, line: index + 1, column: 1)
                throw located
            }
        }
    }

    /// Adds Helm's default rule: dot files under `templates/` are ignored.
    public mutating func addDefaults() {
        try? addRule("templates/.?*")
    }

    mutating func addRule(_ raw: String) throws(LocatedError) {
        var rule = GoStrings.trimSpace(raw)
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") { throw LocatedError(.chartLoad, "double-star (**) syntax is not supported") }
        if case .failure = GoPathMatch.match(rule, "abc") { throw LocatedError(.chartLoad, "syntax error in pattern") }
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
        pattern.shortcut = Self.shortcut(rule)
        patterns.append(pattern)
    }

    private static func shortcut(_ rule: String) -> Pattern.Shortcut? {
        let bytes = Array(rule.utf8)
        func isMeta(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "*") || b == UInt8(ascii: "?") || b == UInt8(ascii: "[") || b == UInt8(ascii: "\\")
        }
        if !bytes.contains(where: isMeta) { return .exact(bytes) }
        let rest = bytes.dropFirst()
        if bytes.first == UInt8(ascii: "*"), !rest.contains(where: isMeta), !rest.contains(UInt8(ascii: "/")) {
            return .suffix(Array(rest))
        }
        return nil
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
        switch shortcut {
        case .exact(let literal):
            return name.utf8.elementsEqual(literal)
        case .suffix(let tail):
            // `*` matches any run of non-separator bytes.
            let bytes = name.utf8
            guard bytes.count >= tail.count else { return false }
            let split = bytes.index(bytes.endIndex, offsetBy: -tail.count)
            return bytes[split...].elementsEqual(tail) && !bytes[..<split].contains(UInt8(ascii: "/"))
        case nil:
            if case .success(true) = GoPathMatch.match(rule, name) { return true }
            return false
        }
    }
}
