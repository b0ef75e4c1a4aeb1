@testable import GoTemplate
import Testing

/// Go's `ErrorContext` position: 1-based line, 0-based byte column, by
/// the source's bytes (an invalid byte on an earlier line moves nothing).
@Suite struct TemplateSourceTests {
    @Test(arguments: [
        ("", 0, 1, 0), ("abc", 0, 1, 0), ("abc", 2, 1, 2), ("a\nb", 1, 1, 1), ("a\nb", 2, 2, 0),
        ("a\n\nbc", 4, 3, 1), ("é\nx", 3, 2, 0), ("\n", 1, 2, 0), ("ab\ncd", 99, 2, 96), ("ab", -1, 1, -1),
    ] as [(String, Int, Int, Int)])
    func countsLinesAndBytes(_ text: String, _ pos: Int, _ line: Int, _ column: Int) {
        let position = TemplateSource(name: "t", bytes: Array(text.utf8)).lineAndColumn(of: pos)
        #expect(position.line == line && position.column == column)
    }

    @Test func invalidBytesCountAsBytes() {
        let source = TemplateSource(name: "t", bytes: [0xFF, 0xFE, 0x0A, 0x61, 0xFF, 0x62])
        #expect(source.lineAndColumn(of: 5) == (2, 2))
        #expect(source.lineAndColumn(of: 2) == (1, 2))
    }
}
