import GoStd
import Testing

/// `strings.ReplaceAll` with a non-empty pattern: matches are replaced left
/// to right without overlapping (the expected results are Python's
/// `str.replace`, which has the same semantics), on text and on bytes.
@Suite struct ReplaceAllTests {
    static let cases: [(text: String, old: String, new: String, expected: String)] = [
        ("abc", "x", "y", "abc"),
        ("a\nb\n", "\n", "\n  ", "a\n  b\n  "),
        ("\n", "\n", "\n    ", "\n    "),
        ("aaaa", "aa", "b", "bb"),
        ("aaa", "aa", "x", "xa"),
        ("héllo wörld", "ö", "oe", "héllo woerld"),
        ("日本語日本", "日本", "に", "に語に"),
        ("xxabcxx", "abc", "", "xxxx"),
        ("abc", "abc", "abcabc", "abcabc"),
        ("abc", "abc", "", ""),
        ("a.b.c", ".", "::", "a::b::c"),
        ("", "a", "b", ""),
        ("ab", "abc", "z", "ab"),
        ("tab\tsep\t", "\t", "", "tabsep"),
        (String(repeating: "line\n", count: 300), "\n", "\n      ", String(repeating: "line\n      ", count: 300)),
    ]

    @Test(arguments: cases.indices)
    func replacesLikeGo(index: Int) {
        let (text, old, new, expected) = Self.cases[index]
        #expect(GoStrings.replaceAll(text, old, new) == expected)
        #expect(GoStrings.replaceAll(bytes: Array(text.utf8), Array(old.utf8), Array(new.utf8)) == Array(expected.utf8))
        #expect(GoString(text).replacingAll(GoString(old), with: GoString(new)) == GoString(expected))
    }
}
