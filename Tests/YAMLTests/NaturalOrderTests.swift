import Testing
@testable import YAML

@Suite struct NaturalOrderTests {
    /// REFERENCE §8.1, checked with Helm's toYaml (v2).
    static let referenceOrder = ["_x", "9", "10", "B", "Z", "a-1", "a.1", "a1b", "a01", "a2", "a9", "a10", "b",
                                 "x2y9", "x2y10", "é"]

    /// go-yaml v3's order of the oracle's `keys` case (toYamlPretty).
    static let v3Order = ["_x", "1a", "01", "001", "9", "10", "Ab", "B", "Z", "a", "a 1", "a-1", "a.1", "a0", "a0b",
                          "a00", "a1B", "a1b", "a1 ", "a1-", "a1.", "a1_", "a01", "a001", "a2", "a9", "a10", "a١٢",
                          "aB", "ab", "b", "x1y", "x01y", "x2y9", "x2y10", "é", "αβ"]

    @Test func referenceOrderV3() {
        #expect(NaturalOrder.sorted(Self.referenceOrder.reversed(), dialect: .v3) == Self.referenceOrder)
        #expect(NaturalOrder.sorted(Self.referenceOrder.shuffled(), dialect: .v3) == Self.referenceOrder)
    }

    /// In v2, `a2` < `a10` < `a1b` < `a2` is a cycle: real Helm prints these
    /// keys in an order that changes from run to run. Without `a1b` the
    /// order is well defined.
    @Test func referenceOrderV2() {
        let consistent = Self.referenceOrder.filter { $0 != "a1b" }
        #expect(NaturalOrder.sorted(consistent.reversed(), dialect: .v2) == consistent)
        #expect(NaturalOrder.sorted(consistent.shuffled(), dialect: .v2) == consistent)
        #expect(NaturalOrder.sorted(Self.referenceOrder.shuffled(), dialect: .v2)
            == NaturalOrder.sorted(Self.referenceOrder, dialect: .v2))
    }

    @Test func v3OrderOfOracleKeys() {
        #expect(NaturalOrder.sorted(Self.v3Order.shuffled(), dialect: .v3) == Self.v3Order)
    }

    @Test(arguments: [
        ("a1_", "a1b", EmitDialect.v2, true),
        ("a1b", "a1_", .v2, false),
        ("a1b", "a1_", .v3, true),
        ("a_", "ab", .v3, true),
        ("10", "1a", .v2, true),
        ("1a", "10", .v3, true),
        ("a01", "a1b", .v2, false),
        ("a2", "a10", .v2, true),
        ("x", "x1", .v2, true),
        ("", "a", .v3, true),
    ])
    func pairs(a: String, b: String, dialect: EmitDialect, less: Bool) {
        #expect(NaturalOrder.less(a, b, dialect: dialect) == less)
    }

    /// Keys without digits take a shortcut past the merge sort; both ways agree.
    @Test func asciiKeysWithoutDigitsSortAsTheMergeSortDoes() {
        let alphabet = Array("aAbBzZ_-./ ~:@")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let keys = Set((0..<12).map { _ in
                String((0..<Int.random(in: 0...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            })
            for dialect in [EmitDialect.v2, .v3] {
                let byBytes = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                #expect(NaturalOrder.sorted(keys, dialect: dialect) == NaturalOrder.stableSorted(byBytes, dialect: dialect))
            }
        }
    }

    @Test func numbersBeforeStrings() {
        let keys: [NaturalOrder.Key] = [.string("a"), .int(10), .float(2.5), .uint(3), .bool(true), .string("1")]
        let sorted = keys.sorted { NaturalOrder.less($0, $1, dialect: .v3) }
        #expect(sorted == [.bool(true), .float(2.5), .uint(3), .int(10), .string("1"), .string("a")])
        #expect(NaturalOrder.less(.bool(true), .int(1), dialect: .v2))
        #expect(NaturalOrder.less(.int(1), .float(1), dialect: .v2))
    }
}

@Suite struct EmitStringStyleTests {
    /// REFERENCE §8.2: double-quoted because they would resolve to another type.
    @Test(arguments: ["yes", "no", "on", "off", "y", "n", "Y", "N", "true", "True", "NO", "null", "Null", "NULL", "~",
                      "1.0", "1", "0x1F", "1e3", "0777", "0o17", "08", "0.", ".5", "+1", "1_000", "1_0", "0b101",
                      ".inf", ".nan", "12:30", "1:20", "2021-01-01", "", "-1", "-.inf", "1.", "2021-1-1",
                      "2021-01-01T10:00:00Z", "2021-01-01t10:00:00.5+02:00", "2020-02-29 10:00:00", "2021-01-01 1:2:3.123",
                      "9223372036854775808", "18446744073709551615", "18446744073709551616", "1__", "-9223372036854775808", "+.5", "190:20:30.15"])
    func quoted(_ s: String) {
        #expect(EmitStringStyle.requestedStyle(for: s, dialect: .v2) == .doubleQuoted)
        #expect(EmitStringStyle.requestedStyle(for: s, dialect: .v3) == .doubleQuoted)
    }

    /// Plain: resolve as strings.
    @Test(arguments: ["x'y", "x\"y", "=", "<<", "a:b", "http://x:80/p", "key=value", "v1.2", "0x", ".", "..", "a,b",
                      "\\", "é", "a\u{A0}", "1e999", "2021-13-01", "2021-02-29", "2021-01-01T25:00:00Z", "0b2", "1:60",
                      "-", "+", ".e5", "tRUE", "yES", "2021-01-01 10:00:00Z", "--1",
                      "1.2.3", "12e", "0x1G", "._5", "1:2:3:4a", "Yes please", "x"])
    func plain(_ s: String) {
        #expect(EmitStringStyle.requestedStyle(for: s, dialect: .v2) == .plain)
        #expect(EmitStringStyle.requestedStyle(for: s, dialect: .v3) == .plain)
    }

    @Test func multiLineIsLiteral() {
        #expect(EmitStringStyle.requestedStyle(for: "a\nb", dialect: .v2) == .literal)
        #expect(EmitStringStyle.requestedStyle(for: "yes\n", dialect: .v3) == .literal)
        #expect(EmitStringStyle.requestedStyle(for: "a\rb", dialect: .v3) == .plain)
    }
}

/// The emitter's quoting check and the decoder's resolver are separate
/// code; they must agree on which plain texts read back as strings.
@Suite struct EmitStringStyleAgreesWithResolver {
    static let samples: [String] = {
        var out = ["", "~", "null", "y", "yes", "on", "OFF", "true", "1", "-1", "+1", "0", "00", "08", "0777", "0o17",
                   "0x1F", "0x", "0b101", "-0b101", "0b2", "1_000", "1__", "_1", "1.", ".5", "-.5", "+.5", "1e3",
                   "1e999", "1e-999", ".e5", "._5", ".inf", "-.Inf", ".nan", "1:20", "2021-01-01", "2021-1-1",
                   "2021-02-29", "2020-02-29", "2021-01-01T10:00:00Z", "2021-01-01t10:00:00.5+02:00",
                   "2021-01-01 10:00:00", "2021-01-01 10:00:00Z", "2021-01-01T25:00:00Z", "2021-01-01T10:00:00",
                   "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
                   "-9223372036854775809", "12e", "1.2.3", "--1", "-", "+", ".", "<<", "x", "0.0", "-0", "+0x10"]
        for a in ["0", "1", "9", ".", "-", "+", "_", "e", "x", ":", "b", "o"] {
            for b in ["0", "1", "9", ".", "-", "+", "_", "e", "x", ":", "b", "o"] {
                out.append(a + b)
                out.append("1" + a + b)
                out.append(a + "1" + b + "2")
            }
        }
        return out
    }()

    @Test(arguments: samples)
    func agree(_ text: String) throws {
        let resolved = try ScalarResolver.resolve(tag: "", text: text, dialect: .v2)
        let isString: Bool
        if case .string = resolved { isString = true } else { isString = false }
        #expect(EmitStringStyle.resolvesToNonString(text) == !isString)
    }
}
