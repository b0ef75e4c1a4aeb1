@testable import Helm
import Testing

/// Helm's `strings.ReplaceAll(out, "<no value>", "")` on rendered output.
@Suite struct NoValueTests {
    @Test(arguments: [
        ("", ""),
        ("<no value>", ""),
        ("a<no value>b", "ab"),
        ("<no value><no value>", ""),
        ("<<no value>>", "<>"),
        ("<no valu", "<no valu"),
        ("x <no value", "x <no value"),
        ("<<<no value", "<<<no value"),
        ("a<b<no value>c<no value", "a<bc<no value"),
        ("<no <no value>value>", "<no value>"),
        ("é<no value>ü", "éü"),
        ("tail <no value>", "tail "),
    ])
    func removesEveryMarker(input: String, expected: String) {
        #expect(NoValue.removing(from: Array(input.utf8)) == Array(expected.utf8))
    }

    @Test func invalidBytesAroundMarkersStay() {
        let input: [UInt8] = [0xFF] + Array("<no value>".utf8) + [0xC3]
        #expect(NoValue.removing(from: input) == [0xFF, 0xC3])
    }
}
