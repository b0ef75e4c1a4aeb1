import GoRegexp
import GoStd
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

    /// Searches skip ahead to a pattern's leading literal and stop after
    /// the first origin of a `^`/`\A` pattern; Go's answers (go 1.27.3,
    /// `MatchString`, `FindAllString(s, -1)`, `ReplaceAllString(s, "<$0>")`).
    /// `\u{FF}` in a table string stands for the invalid byte 0xFF.
    @Test(arguments: [
        ("staging-otlp", "x staging-otlp.nr y staging-otlp.z", true, ["staging-otlp", "staging-otlp"],
         "x <staging-otlp>.nr y <staging-otlp>.z"),
        ("staging-otlp", "nothing here", false, [], "nothing here"),
        ("^abc", "abc abc abc", true, ["abc"], "<abc> abc abc"),
        ("^abc", "xabc", false, [], "xabc"),
        ("(?m)^abc", "abc\nabc\nxabc", true, ["abc", "abc"], "<abc>\n<abc>\nxabc"),
        (#"\Aab"#, "abab", true, ["ab"], "<ab>ab"),
        ("ab*", "xabbbab a", true, ["abbb", "ab", "a"], "x<abbb><ab> <a>"),
        ("ab|ac", "xxacab", true, ["ac", "ab"], "xx<ac><ab>"),
        ("(ab)+c", "ababc abc", true, ["ababc", "abc"], "<ababc> <abc>"),
        ("é+t", "xéét \u{FF}ét", true, ["éét", "ét"], "x<éét> \u{FF}<ét>"),
        ("\u{FFFD}t", "a\u{FF}tb\u{FFFD}t", true, ["\u{FF}t", "\u{FFFD}t"], "a<\u{FF}t>b<\u{FFFD}t>"),
        ("(?i)abc", "xABC abc", true, ["ABC", "abc"], "x<ABC> <abc>"),
        ("a", "", false, [], ""),
        ("a*", "baaac", true, ["", "aaa", ""], "<>b<aaa>c<>"),
        (" +- filter/x", "  - filter/x\n    - filter/x", true, ["  - filter/x", "    - filter/x"],
         "<  - filter/x>\n<    - filter/x>"),
        ("level.*debug", "level: info\nlevel: debug", true, ["level: debug"], "level: info\n<level: debug>"),
        ("^$", "", true, [""], "<>"),
        ("x$", "axbx", true, ["x"], "axb<x>"),
    ] as [(String, String, Bool, [String], String)])
    func searchesSkipAheadAsGoFinds(pattern: String, input: String, matches: Bool, all: [String], replaced: String) throws {
        let regex = try GoRegexp(pattern)
        let text = Self.bytes(input)
        #expect(regex.matches(text) == matches)
        #expect((regex.findAll(text, -1) ?? []) == all.map(Self.bytes))
        #expect(regex.replaceAll(text, with: "<$0>", literal: false) == Self.bytes(replaced))
    }

    /// `text` with each U+00FF as the byte 0xFF.
    static func bytes(_ text: String) -> GoString {
        GoString(bytes: text.unicodeScalars.flatMap { $0 == "\u{FF}" ? [0xFF] : Array(String($0).utf8) })
    }
}
