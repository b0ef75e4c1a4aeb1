@testable import GoTemplate
import Testing

/// Go's `ErrorContext` position: 1-based line, 0-based byte column.
@Suite struct TemplateSourceTests {
    @Test(arguments: [
        ("", 0, 1, 0), ("abc", 0, 1, 0), ("abc", 2, 1, 2), ("a\nb", 1, 1, 1), ("a\nb", 2, 2, 0),
        ("a\n\nbc", 4, 3, 1), ("é\nx", 3, 2, 0), ("\n", 1, 2, 0), ("ab\ncd", 99, 2, 96), ("ab", -1, 1, -1),
    ] as [(String, Int, Int, Int)])
    func countsLinesAndBytes(_ text: String, _ pos: Int, _ line: Int, _ column: Int) {
        let position = TemplateSource(name: "t", text: text).lineAndColumn(of: pos)
        #expect(position.line == line && position.column == column)
    }
}
