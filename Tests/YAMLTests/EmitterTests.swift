import Testing
@testable import YAML

@Suite struct EmitterTests {
    static let v2 = YAMLEmitter.Options.goYAMLv2
    static let v3 = YAMLEmitter.Options.goYAMLv3(indent: 2)

    static func s(_ text: String, _ style: EmitScalarStyle = .any) -> EmitNode { .scalar(text, style: style) }

    /// Requested style → written text, for a root scalar (v2 and v3 agree).
    @Test(arguments: [
        ("x", EmitScalarStyle.any, "x\n"),
        ("", .any, "\n"),
        ("", .doubleQuoted, "\"\"\n"),
        ("a: b", .plain, "'a: b'\n"),
        ("it's", .singleQuoted, "'it''s'\n"),
        ("'", .plain, "''''\n"),
        (" lead", .plain, "' lead'\n"),
        ("a\u{1}", .plain, "\"a\\x01\"\n"),
        ("\u{7F}", .plain, "\"\\x7F\"\n"),
        ("\u{0}\u{7}\u{8}\u{B}\u{C}\u{1B}", .doubleQuoted, "\"\\0\\a\\b\\v\\f\\e\"\n"),
        ("\u{A0}", .doubleQuoted, "\"\u{A0}\"\n"),
        ("\u{FEFF}é\"", .doubleQuoted, "\"\\uFEFF\\xE9\\\"\"\n"),
        ("\u{2029}\u{FFFE}", .doubleQuoted, "\"\\P\\uFFFE\"\n"),
        ("a\nb", .literal, "|-\n  a\n  b\n"),
        ("a\nb\n", .literal, "|\n  a\n  b\n"),
        ("a\n\n", .literal, "|+\n  a\n\n"),
        ("\n", .literal, "|2+\n\n"),
        (" a\n", .literal, "|2\n   a\n"),
        ("\na\n", .literal, "|2\n\n  a\n"),
        ("a \nb", .literal, "\"a \\nb\"\n"),
        ("a\nb", .plain, "'a\n\n  b'\n"),
        ("a\n b", .plain, "\"a\\n b\"\n"),
        // go-yaml's port looks for the next line from the start of the text, not
        // from the current position, so the last break is doubled too.
        ("a\nb\n", .folded, ">\n  a\n\n  b\n\n"),
        ("a\n\nb", .folded, ">-\n  a\n\n\n  b\n"),
    ])
    func rootScalars(text: String, style: EmitScalarStyle, expected: String) {
        #expect(YAMLEmitter.emit(Self.s(text, style), options: Self.v2) == expected)
        #expect(YAMLEmitter.emit(Self.s(text, style), options: Self.v3) == expected)
    }

    @Test func tabsDifferBetweenDialects() {
        // v2 counts a tab as non-printable (no block style); v3 only rules out plain and single quotes.
        #expect(YAMLEmitter.emit(Self.s("a\tb\nc", .literal), options: Self.v2) == "\"a\\tb\\nc\"\n")
        #expect(YAMLEmitter.emit(Self.s("a\tb\nc", .literal), options: Self.v3) == "|-\n  a\tb\n  c\n")
        #expect(YAMLEmitter.emit(Self.s("a\tb"), options: Self.v3) == "\"a\\tb\"\n")
    }

    @Test func emptyPlainScalarInMapping() {
        let node = EmitNode.mapping([EmitPair(.plain("a"), .plain("")), EmitPair(.plain("b"), .plain("1"))])
        #expect(YAMLEmitter.emit(node, options: Self.v2) == "a: \nb: 1\n")
        #expect(YAMLEmitter.emit(node, options: Self.v3) == "a:\nb: 1\n")
    }

    @Test func sequenceIndentation() {
        let node = EmitNode.mapping([EmitPair(.plain("a"), .sequence([.plain("1"), .mapping([
            EmitPair(.plain("b"), .plain("2")), EmitPair(.plain("c"), .sequence([.plain("3")])),
        ])]))])
        #expect(YAMLEmitter.emit(node, options: Self.v2) == "a:\n- 1\n- b: 2\n  c:\n  - 3\n")
        #expect(YAMLEmitter.emit(node, options: Self.v3) == "a:\n  - 1\n  - b: 2\n    c:\n      - 3\n")
        #expect(YAMLEmitter.emit(node, options: .goYAMLv3()) == "a:\n    - 1\n    - b: 2\n      c:\n        - 3\n")
    }

    @Test func complexKeys() {
        let long = String(repeating: "k", count: 129)
        let node = EmitNode.mapping([
            EmitPair(.plain(long), .plain("1")),
            EmitPair(.scalar("x\ny", style: .literal), .sequence([.plain("2")])),
        ])
        #expect(YAMLEmitter.emit(node, options: Self.v2) == "? \(long)\n: 1\n? |-\n  x\n  y\n: - 2\n")
        #expect(YAMLEmitter.emit(node, options: Self.v3) == "? \(long)\n: 1\n? |-\n  x\n  y\n: - 2\n")
    }

    @Test func flowCollections() {
        let node = EmitNode.mapping([
            EmitPair(.plain("f"), .sequence([.plain("a"), .plain("b c"), .plain("d,e"), .mapping([EmitPair(.plain("k"), .plain(""))], flow: true)], flow: true)),
            EmitPair(.plain("e"), .mapping([])),
        ])
        #expect(YAMLEmitter.emit(node, options: Self.v2) == "f: [a, b c, 'd,e', {k: ''}]\ne: {}\n")
    }

    @Test func flowSequenceWrapsPastWidth() {
        let items = (0..<30).map { EmitNode.plain("item\($0)") }
        let text = YAMLEmitter.emit(.sequence(items, flow: true), options: Self.v2)
        #expect(text.hasPrefix("[item0, item1, item2, item3, item4, item5, item6, item7, item8, item9, item10, item11,\n  item12,"))
        #expect(YAMLEmitter.emit(.sequence(items, flow: true), options: Self.v3).split(separator: "\n").count == 1)
    }

    @Test func plainFoldingAtWidth() {
        let words = Array(repeating: "word", count: 30).joined(separator: " ")
        let node = EmitNode.mapping([EmitPair(.plain("k"), .plain(words))])
        let first = "k: " + Array(repeating: "word", count: 16).joined(separator: " ")
        let second = "  " + Array(repeating: "word", count: 14).joined(separator: " ")
        #expect(YAMLEmitter.emit(node, options: Self.v2) == first + "\n" + second + "\n")
        #expect(YAMLEmitter.emit(node, options: Self.v3) == "k: " + words + "\n")
    }

    @Test func doubleQuotedFoldingEscapesLeadingSpace() {
        let text = String(repeating: "x", count: 80) + "  y\u{1}"
        #expect(YAMLEmitter.emit(.scalar(text, style: .doubleQuoted), options: Self.v2)
            == "\"" + String(repeating: "x", count: 80) + "\n  \\ y\\x01\"\n")
    }

    @Test func keysAreNeverFolded() {
        let key = Array(repeating: "word", count: 25).joined(separator: " ")
        let node = EmitNode.mapping([EmitPair(.plain(key), .plain("v"))])
        #expect(YAMLEmitter.emit(node, options: Self.v2) == key + ": v\n")
    }

    @Test func widthAndIndentClamp() {
        #expect(YAMLEmitter.Options(dialect: .v2, indent: 1, width: 3) != YAMLEmitter.Options.goYAMLv2)
        let words = Array(repeating: "ab", count: 50).joined(separator: " ")
        // indent 1 is out of range (→ 2) and width 3 <= 2×indent (→ 80).
        let clamped = YAMLEmitter.emit(.plain(words), options: YAMLEmitter.Options(dialect: .v2, indent: 1, width: 3))
        #expect(clamped == YAMLEmitter.emit(.plain(words), options: Self.v2))
    }
}
