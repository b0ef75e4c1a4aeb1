import Testing
import GoStd

/// Go strings are bytes: equality, hashing and order by bytes, `len` in
/// bytes, invalid UTF-8 kept, and the byte-oriented `strings` functions.
@Suite struct GoStringTests {
    static let nfc = GoString("\u{E9}")
    static let nfd = GoString("e\u{301}")

    @Test func canonicallyEquivalentStringsDiffer() {
        #expect("\u{E9}" == "e\u{301}")  // Swift's String says equal…
        #expect(Self.nfc != Self.nfd)  // …Go's bytes do not.
        #expect(Set([Self.nfc, Self.nfd]).count == 2)
        #expect([Self.nfc: 1, Self.nfd: 2].count == 2)
        #expect(Self.nfd < Self.nfc)  // 0x65 before 0xC3
    }

    @Test(arguments: [
        ([0x61, 0xFF, 0x62], 3, "a\u{FFFD}b"),
        ([0xE2, 0x82], 2, "\u{FFFD}\u{FFFD}"),  // one U+FFFD per byte, as Go's range reads it
        ([0xC3, 0xA9], 2, "\u{E9}"),
        ([0xEF, 0xBF, 0xBD], 3, "\u{FFFD}"),  // a real U+FFFD is valid UTF-8
        ([], 0, ""),
    ] as [([UInt8], Int, String)])
    func bytesAreKept(_ bytes: [UInt8], _ count: Int, _ text: String) {
        let s = GoString(bytes: bytes)
        #expect(s.bytes == bytes)
        #expect(s.count == count)
        #expect(s.text == text)
        #expect(s.isValidUTF8 == (String(validating: bytes, as: UTF8.self) != nil))
        var out: [UInt8] = []
        s.append(to: &out)
        #expect(out == bytes)
    }

    /// Equal bytes are equal whatever holds them: an inline small string,
    /// a heap string cut down to the same bytes, or another copy.
    @Test func equalBytesInAnyRepresentation() {
        var long = "a heap string longer than fifteen bytes"
        long.removeLast(long.utf8.count - 5)  // "a hea", still in its heap buffer
        let cut = GoString(long), small = GoString("a hea")
        #expect(cut == small && small == cut)
        #expect(cut.hashValue == small.hashValue)
        #expect([cut: 1][small] == 1)
        #expect(GoString("a hex") != small && small != GoString("a he"))
        let shared = GoString(String(repeating: "x", count: 40))
        #expect(shared == shared && shared != GoString(String(repeating: "x", count: 39) + "y"))
    }

    @Test func invalidAndValidNeverEqual() {
        let raw = GoString(bytes: [0xFF])
        let latin = GoString("\u{FF}")  // ÿ, valid: C3 BF
        #expect(raw != latin)
        #expect(raw == GoString(bytes: [0xFF]))
        #expect(raw.hashValue == GoString(bytes: [0xFF]).hashValue)
        #expect(GoString(bytes: [0x61, 0xFF]) < GoString(bytes: [0x61, 0xFF, 0x00]))
        #expect(GoString(bytes: [0x7F]) < raw)
    }

    @Test func slicingCutsRunes() {
        let s = GoString("h\u{E9}")
        #expect(s.slice(0..<2).bytes == [0x68, 0xC3])
        #expect(!s.slice(0..<2).isValidUTF8)
        #expect(s.slice(0..<2) + s.slice(2..<3) == s)
    }

    @Test(arguments: [
        // s, sep, limit, parts (as bytes)
        ([0x61, 0xFF, 0x2C, 0x62], [0x2C], -1, [[0x61, 0xFF], [0x62]]),
        ([0x61, 0xFF, 0x62], [], -1, [[0x61], [0xFF], [0x62]]),
        ([0x61, 0xFF, 0x62], [], 2, [[0x61], [0xFF, 0x62]]),
        ([0xC3, 0xA9, 0xFF], [], -1, [[0xC3, 0xA9], [0xFF]]),
    ] as [([UInt8], [UInt8], Int, [[UInt8]])])
    func splitByBytesAndRunes(_ s: [UInt8], _ sep: [UInt8], _ limit: Int, _ parts: [[UInt8]]) {
        #expect(GoString(bytes: s).split(GoString(bytes: sep), limit: limit).map(\.bytes) == parts)
    }

    @Test func replaceTrimAndAffixes() {
        let s = GoString(bytes: [0x20, 0x61, 0xFF, 0x61, 0x0A])
        #expect(s.replacingAll("a", with: "b").bytes == [0x20, 0x62, 0xFF, 0x62, 0x0A])
        #expect(GoString(bytes: [0x61, 0xFF]).replacingAll("", with: "-").bytes == [0x2D, 0x61, 0x2D, 0xFF, 0x2D])
        #expect(s.trimming(where: { $0 == " " || $0 == "\n" }).bytes == [0x61, 0xFF, 0x61])
        #expect(s.trimming(where: { $0 == " " }, trailing: false).bytes == [0x61, 0xFF, 0x61, 0x0A])
        #expect(s.hasPrefix(" a") && s.hasSuffix(GoString(bytes: [0x61, 0x0A])))
        #expect(s.firstIndex(of: GoString(bytes: [0xFF])) == 2)
        #expect(GoString.join([s, GoString(bytes: [0xFE])], separator: "|").bytes == s.bytes + [0x7C, 0xFE])
        #expect(GoString(bytes: [0xFF]).repeated(3).bytes == [0xFF, 0xFF, 0xFF])
    }

    @Test func quoteWritesInvalidBytesAsHex() {
        #expect(GoQuote.quote(GoString(bytes: [0x63, 0xE9, 0x0A])) == #""c\xe9\n""#)
        #expect(GoQuote.quote(GoString("\u{E9}")) == "\"\u{E9}\"")
    }

    @Test func runeCountingAsGo() {
        #expect(GoUTF8.runeCount([0xFF, 0x63, 0xE9, 0x80]) == 4)
        #expect(GoUTF8.runeCount(Array("h\u{E9}".utf8)) == 2)
        #expect(GoUTF8.prefixLength([0xFF, 0xC3, 0xA9, 0x61], runes: 2) == 3)
    }

    /// The table hash (`_rawHashValue(seed:)`) agrees with equality for every
    /// seed, reads every byte of short and long keys, and spreads short
    /// keys: 20000 distinct keys get (nearly) 20000 distinct hashes.
    @Test func tableHashFollowsTheBytes() {
        let seeds = [0, 1, -1, 0x5EED, Int.max]
        var keys: [GoString] = []
        for n in 0..<20_000 { keys.append(GoString("key-\(n)")) }
        for length in 0..<20 { keys.append(GoString(bytes: [UInt8](repeating: 0, count: length))) }
        keys.append(GoString(bytes: [0x61, 0xFF]))
        for seed in seeds {
            for key in keys.prefix(200) + keys.suffix(25) {
                let copy = GoString(bytes: key.bytes)
                #expect(copy._rawHashValue(seed: seed) == key._rawHashValue(seed: seed))
                #expect(copy.hashValue == key.hashValue)
            }
            let distinct = Set(keys.map { $0._rawHashValue(seed: seed) }).count
            #expect(distinct >= keys.count - 2, "seed \(seed): \(keys.count - distinct) collisions")
        }
        #expect(Set(keys).count == keys.count)
        // Keys made of Go strings (hashed through `hash(into:)`).
        #expect(Set(keys.map { [$0, GoString("x")] }).count == keys.count)
        #expect(Set(keys.map { [GoString(bytes: $0.bytes), GoString("x")] }) == Set(keys.map { [$0, GoString("x")] }))
        #expect(Dictionary(uniqueKeysWithValues: keys.map { ($0, 1) }).count == keys.count)
        // Every byte counts, whichever part of the hash (the three bytes of
        // a short key, overlapping four-byte halves, sixteen-byte folds and
        // the last sixteen bytes) reads it.
        for length in 1...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let hash = GoString(bytes: base)._rawHashValue(seed: 7)
            for position in 0..<length {
                var changed = base
                changed[position] ^= 0x40
                #expect(GoString(bytes: changed)._rawHashValue(seed: 7) != hash, "length \(length), byte \(position)")
            }
        }
    }

    /// `strings.TrimPrefix`, `TrimSuffix` and `TrimSpace` work on bytes and
    /// runes, not on Swift's characters (a combining mark or `\r\n` is one
    /// character but two runes).
    @Test(arguments: [
        ("prefix", "e\u{301}x", "e", "\u{301}x"), ("prefix", "abc", "", "abc"), ("prefix", "abc", "abcd", "abc"),
        ("suffix", "a\r\n", "\n", "a\r"), ("suffix", "x\u{65}\u{301}", "\u{301}", "xe"), ("suffix", "abc", "c", "ab"),
        ("suffix", "abc", "", "abc"), ("space", " \u{85}\u{A0}a b\u{2028}\t", "", "a b"), ("space", "ab", "", "ab"),
    ] as [(String, String, String, String)])
    func trimmingIsByRunes(_ kind: String, _ s: String, _ affix: String, _ expected: String) {
        let trimmed = switch kind {
        case "prefix": GoStrings.trimPrefix(s, affix)
        case "suffix": GoStrings.trimSuffix(s, affix)
        default: GoStrings.trimSpace(s)
        }
        #expect(Array(trimmed.utf8) == Array(expected.utf8))
    }

    /// `goLess` and `GoString`'s `<` order by bytes, as Go does: not by
    /// Unicode scalars' or characters' order.
    @Test(arguments: [
        ("", "", false), ("", "a", true), ("a", "", false), ("a", "b", true), ("ab", "a", false), ("a", "ab", true),
        ("Z", "a", true), ("\u{FF}", "\u{100}", true), ("\u{FFFF}", "\u{10000}", true), ("e\u{301}", "\u{E9}", true),
        ("templates/b.yaml", "templates/a.yaml", false), ("c/charts/x/templates/a", "c/templates/a", true),
        ("a very long shared prefix of forty bytes or more: 1", "a very long shared prefix of forty bytes or more: 2", true),
    ] as [(String, String, Bool)])
    func ordersByBytes(_ a: String, _ b: String, _ less: Bool) {
        #expect(goLess(a, b) == less)
        #expect((GoString(a) < GoString(b)) == less)
        #expect(goLess(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)))
    }
}
