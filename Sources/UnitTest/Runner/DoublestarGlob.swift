import Foundation
import GoStd

/// The file globbing helm-unittest does with bmatcuk/doublestar: `**` spans
/// zero or more directories, `*` `?` `[…]` (negated by `^` or `!`) match
/// within one name, `{a,b}` picks alternatives, `\` escapes; hidden files
/// are matched like any other.
enum DoublestarGlob {
    /// doublestar's `ValidatePattern`: brackets and braces closed, no
    /// trailing `\`, no empty `[]`. A pattern failing it is
    /// `syntax error in pattern`.
    static func isValid(_ pattern: String) -> Bool {
        let s = Array(pattern.utf8)
        var depth = 0
        var i = 0
        scan: while i < s.count {
            switch s[i] {
            case UInt8(ascii: "\\"):
                i += 2
                if i > s.count { return false }
                continue scan
            case UInt8(ascii: "["):
                i += 1
                if i < s.count && (s[i] == UInt8(ascii: "^") || s[i] == UInt8(ascii: "!")) { i += 1 }
                if i >= s.count || s[i] == UInt8(ascii: "]") { return false }
                while i < s.count {
                    if s[i] == UInt8(ascii: "\\") {
                        i += 1
                    } else if s[i] == UInt8(ascii: "]") {
                        i += 1
                        continue scan
                    }
                    i += 1
                }
                return false
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return false }
                depth -= 1
            default:
                break
            }
            i += 1
        }
        return depth == 0
    }

    /// The existing paths `pattern` matches, sorted by bytes, each once.
    /// An invalid pattern matches nothing (check ``isValid(_:)`` first).
    static func files(matching pattern: String) -> [String] {
        guard isValid(pattern) else { return [] }
        var results: [String] = []
        for alternative in alternatives(pattern) {
            results += walk(segments: alternative.split(separator: "/").map(String.init), rooted: alternative.hasPrefix("/"))
        }
        var seen = Set<String>()
        return results.filter { seen.insert($0).inserted }
    }

    /// `pattern` with every `{a,b}` group expanded, left to right.
    static func alternatives(_ pattern: String) -> [String] {
        let s = Array(pattern.utf8)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "\\") { i += 2; continue }
            if s[i] == UInt8(ascii: "[") {
                i += 1
                while i < s.count && s[i] != UInt8(ascii: "]") { i += s[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
                continue
            }
            if s[i] == UInt8(ascii: "{") { break }
            i += 1
        }
        guard i < s.count else { return [pattern] }
        var depth = 0
        var options: [[UInt8]] = []
        var start = i + 1
        var j = i
        while j < s.count {
            switch s[j] {
            case UInt8(ascii: "\\"): j += 1
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    options.append(Array(s[start..<j]))
                    let prefix = Array(s[..<i])
                    let suffix = Array(s[(j + 1)...])
                    return options.flatMap { alternatives(String(decoding: prefix + $0 + suffix, as: UTF8.self)) }
                }
            case UInt8(ascii: ","):
                if depth == 1 {
                    options.append(Array(s[start..<j]))
                    start = j + 1
                }
            default: break
            }
            j += 1
        }
        return [pattern]
    }

    /// Whether one path name matches one pattern segment (no `/`, no braces).
    static func matches(segment: String, name: String) -> Bool {
        var go = segment
        if let bang = go.range(of: "[!") { go.replaceSubrange(bang, with: "[^") }
        if case .success(true) = GoPathMatch.match(go, name) { return true }
        return false
    }

    private static func walk(segments: [String], rooted: Bool) -> [String] {
        var results: [String] = []
        func visit(_ dir: String, _ index: Int) {
            if index == segments.count {
                if GoOS.exists(dir.isEmpty ? "." : dir) { results.append(dir) }
                return
            }
            let segment = segments[index]
            let join = { (name: String) in dir.isEmpty ? (rooted ? "/" + name : name) : dir + "/" + name }
            if segment == "**" {
                visit(dir, index + 1)
                for name in listing(dir) where GoOS.isDirectory(join(name)) { visitAny(join(name), index) }
                return
            }
            if !segment.contains(where: { "*?[\\".contains($0) }) {
                let next = join(segment)
                if index + 1 == segments.count || GoOS.isDirectory(next) { visit(next, index + 1) }
                return
            }
            for name in listing(dir) where matches(segment: segment, name: name) {
                visit(join(name), index + 1)
            }
        }
        func visitAny(_ dir: String, _ index: Int) {
            visit(dir, index + 1)
            for name in listing(dir) where GoOS.isDirectory(dir + "/" + name) { visitAny(dir + "/" + name, index) }
        }
        func listing(_ dir: String) -> [String] {
            let path = dir.isEmpty ? (rooted ? "/" : ".") : dir
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted(by: goLess)
        }
        visit("", 0)
        return results
    }
}
