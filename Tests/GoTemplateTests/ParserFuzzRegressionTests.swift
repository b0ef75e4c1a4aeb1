import GoStd
@testable import GoTemplate
import Testing

/// Inputs the template fuzz targets (Tests/HelmTests/Fuzz) once crashed
/// on, with what Go's text/template (1.27) gives for them.
struct ParserFuzzRegression: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var error: String?
    var testDescription: String { name }
}

let parserFuzzRegressions: [ParserFuzzRegression] = [
    // 3 853 nested blocks overflowed the parser's stack: `block` bodies recursed outside the nesting guard.
    ParserFuzzRegression(name: "deep-unclosed-blocks", text: String(repeating: #"{{ block "b" . }}"#, count: 5_000),
                         error: "template: t:1: unexpected EOF"),
    ParserFuzzRegression(name: "deep-closed-blocks",
                         text: String(repeating: #"{{ block "b" . }}"#, count: 5_000) + "x" + String(repeating: "{{ end }}", count: 5_000),
                         error: #"template: t:1: template: multiple definition of template "b""#),
]

@Test(arguments: parserFuzzRegressions)
func parserFuzzRegression(_ row: ParserFuzzRegression) {
    do {
        _ = try Parser.parse(name: "t", text: Array(row.text.utf8), functions: FunctionMap())
        #expect(row.error == nil)
    } catch {
        #expect(goErrorText(error) == row.error)
    }
}
