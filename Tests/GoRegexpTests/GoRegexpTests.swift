import GoRegexp
import Testing

/// The required-literal short cut must never change an answer: each pattern
/// is checked on inputs with and without its literal parts.
struct GoRegexpTests {
    @Test(arguments: [
        // (pattern, input, matches)
        (#"(?m)^[[:space:]]*prometheus\.scrape[[:space:]]"#, "a\n  prometheus.scrape \"x\" {", true),
        (#"(?m)^[[:space:]]*prometheus\.scrape[[:space:]]"#, "a\n  prometheus.scrapes", false),
        (#"(?m)^[[:space:]]*prometheus\.scrape[[:space:]]"#, "no such component", false),
        ("ab+c", "abbbc", true),
        ("ab+c", "ac", false),
        ("a(bc)d", "xabcdx", true),
        ("a(bc)d", "abd", false),
        ("(?i)hello", "HELLO", true),
        ("hel(?i:LO)", "helLo", true),
        ("cat|dog", "hotdog", true),
        ("x(ab)?y", "xy", true),
        ("x(ab)*y", "xababy", true),
        ("x(ab){2}y", "xababy", true),
        ("x(ab){2}y", "xaby", false),
        (#"\bword\b"#, "a word here", true),
        ("é+t", "éét", true),
        ("é+t", "et", false),
        ("", "", true),
    ])
    func matchesAsGo(pattern: String, input: String, expected: Bool) throws {
        let regex = try GoRegexp(pattern)
        #expect(regex.matches(input) == expected)
        #expect(try GoRegexp.cached(pattern).matches(input) == expected)
    }

    @Test func replaceAllWithoutTheLiteralLeavesTheInput() throws {
        let regex = try GoRegexp("needle")
        #expect(regex.replaceAll("haystack only", with: "x", literal: false) == "haystack only")
        #expect(regex.replaceAll("a needle b", with: "x", literal: false) == "a x b")
    }

    @Test func cachedCompileErrorsAreRemembered() {
        #expect(throws: GoRegexpError.self) { try GoRegexp.cached("a(") }
        #expect(throws: GoRegexpError.self) { try GoRegexp.cached("a(") }
    }
}
