import Testing
@testable import JSONSchema

/// The library's number handling: localized number texts in messages, exact
/// decimals for `multipleOf` and ordering.
@Suite struct SchemaNumberTests {
    @Test(arguments: [
        (0.0, "0"), (1500, "1,500"), (999_999, "999,999"), (1_000_000, "1×10⁰⁶"), (1_234_567, "1.234567×10⁰⁶"),
        (1e21, "1×10²¹"), (0.0001, "0.0001"), (0.00001, "1×10⁻⁰⁵"), (-2500.25, "-2,500.25"), (1e100, "1×10¹⁰⁰"),
        (123456.75, "123,456.75"), (0.5, "0.5"),
    ] as [(Double, String)])
    func localizedFloats(_ value: Double, _ text: String) {
        #expect(SchemaNumberText.float(value) == text)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (-1234567, "-1,234,567")] as [(Int, String)])
    func localizedIntegers(_ value: Int, _ text: String) {
        #expect(SchemaNumberText.integer(value) == text)
    }

    @Test(arguments: [
        ("0.3", "0.1", true), ("0.123", "0.01", false), ("1e21", "7", false), ("1e21", "5", true), ("10", "2.5", true),
        ("7.5", "2.5", true), ("1", "0.3", false), ("0", "3", true), ("-9", "3", true), ("4.02", "0.01", true),
    ])
    func multipleOf(_ value: String, _ divisor: String, _ expected: Bool) throws {
        let v = try #require(SchemaDecimal(value))
        let d = try #require(SchemaDecimal(divisor))
        #expect(v.isMultiple(of: d) == expected)
    }

    @Test(arguments: [("1", "1.0", 0), ("0.1", "0.10", 0), ("-1", "1", -1), ("1e3", "999.9", 1), ("-0.5", "-0.25", -1), ("0", "-0", 0)])
    func decimalOrder(_ a: String, _ b: String, _ order: Int) throws {
        let x = try #require(SchemaDecimal(a))
        let y = try #require(SchemaDecimal(b))
        #expect((x < y ? -1 : (y < x ? 1 : 0)) == order)
    }
}
