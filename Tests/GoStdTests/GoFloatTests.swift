import Testing
@testable import GoStd

@Suite struct GoFloatTests {
    @Test(arguments: [
        (100000.0, "100000"), (1e6, "1e+06"), (1200000, "1.2e+06"), (1234567, "1.234567e+06"),
        (123456789, "1.23456789e+08"), (0.0001, "0.0001"), (0.00001, "1e-05"), (1e21, "1e+21"),
        (1.5e300, "1.5e+300"), (-0.0, "-0"), (2.5, "2.5"), (1.0, "1"), (-123456789, "-1.23456789e+08"),
        (12345678901234567890.0, "1.2345678901234567e+19"), (0.1, "0.1"), (123456, "123456"),
    ])
    func formatG(value: Double, expected: String) {
        #expect(GoFloat.formatG(value) == expected)
    }

    @Test(arguments: [
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (0.000001, "0.000001"), (1e-7, "1e-7"),
        (1e6, "1000000"), (1.5, "1.5"), (-2.25e-8, "-2.25e-8"), (123456789.0, "123456789"),
    ])
    func formatJSON(value: Double, expected: String) {
        #expect(GoFloat.formatJSON(value) == expected)
    }
}
