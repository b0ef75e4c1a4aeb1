import GoRegexp

/// Go RE2 regular expressions for `pattern`, `patternProperties` and the
/// `regex` format, compiled and matched by ``GoRegexp``.
struct SchemaRegex: Sendable {
    let regex: GoRegexp?

    /// Compiles `pattern` (already checked by ``syntaxError(in:)``).
    init(_ pattern: String) {
        regex = try? GoRegexp(pattern)
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        regex?.matches(text) ?? false
    }

    /// `regexp.Compile`'s error text for `pattern`, or nil if Go accepts it.
    static func syntaxError(in pattern: String) -> String? {
        do {
            _ = try GoRegexp(pattern)
            return nil
        } catch {
            return error.description
        }
    }
}
