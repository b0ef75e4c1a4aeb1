import Foundation

/// A compiled regular expression with Go `regexp` matching semantics
/// (unanchored `MatchString`).
protocol CompiledPattern: Sendable {
    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool
}

/// Compiles patterns written for Go's RE2 `regexp` package. The engine is
/// swappable: a Go-exact implementation (being written for Sprig) replaces
/// the Foundation one without touching the validators.
protocol PatternCompiler: Sendable {
    /// Compiles `pattern`; the error text is Go's (`error parsing regexp: …`).
    func compile(_ pattern: String) throws(PatternError) -> any CompiledPattern
}

/// A pattern that does not compile, worded as Go words it.
struct PatternError: Error, Sendable, Hashable {
    var message: String
}

/// Go's `regexp.QuoteMeta`.
func goQuoteMeta(_ text: String) -> String {
    var out = ""
    for ch in text {
        if "\\.+*?()|[]{}^$".contains(ch) { out.append("\\") }
        out.append(ch)
    }
    return out
}

/// Foundation's ICU engine standing in for RE2 until the Go-regexp port
/// lands. Differences: ICU accepts look-around and back-references, which
/// Go rejects, and its error texts are generic.
struct FoundationPatternCompiler: PatternCompiler {
    func compile(_ pattern: String) throws(PatternError) -> any CompiledPattern {
        do {
            return FoundationPattern(regex: try NSRegularExpression(pattern: pattern, options: []))
        } catch {
            throw PatternError(message: "error parsing regexp: invalid or unsupported Perl syntax: `\(pattern)`")
        }
    }
}

private struct FoundationPattern: CompiledPattern, @unchecked Sendable {
    // NSRegularExpression is immutable and documented as thread-safe.
    let regex: NSRegularExpression

    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
