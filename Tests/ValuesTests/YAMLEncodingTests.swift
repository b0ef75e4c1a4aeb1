import GoStd
import Testing
@testable import Values

/// Go values that cannot reach Helm through the oracle's values (ints,
/// times), with outputs recorded from Helm v4.2.3 template literals.
@Suite struct YAMLEncodingTests {
    static let time = Value.object(GoTime(seconds: GoTime.epochSeconds(year: 2021, month: 1, day: 1)))
    static let timeFraction = Value.object(GoTime(
        seconds: GoTime.epochSeconds(year: 2021, month: 3, day: 4, hour: 5, minute: 6, second: 7),
        nanoseconds: 890_000_000))

    static let mixed = Value.list([
        .int(1), .string("x"), .float(2.5), .int(5, .int64), .bool(true), .null, time,
        .map(["a": .int(1), "b": .list([])]), .string(""), .float(1e6),
    ])

    @Test func prettyMixedGoValues() {
        #expect(helmToYAMLPretty(Self.mixed) == """
            - 1
            - x
            - 2.5
            - 5
            - true
            - null
            - 2021-01-01T00:00:00Z
            - a: 1
              b: []
            - ""
            - 1e+06
            """)
    }

    @Test func toYamlMixedGoValues() {
        #expect(helmToYAML(Self.mixed) == """
            - 1
            - x
            - 2.5
            - 5
            - true
            - null
            - "2021-01-01T00:00:00Z"
            - a: 1
              b: []
            - ""
            - 1000000
            """)
    }

    @Test(arguments: [
        (Value.int(Int64(bitPattern: UInt64.max), .uint64), "18446744073709551615", "18446744073709551615"),
        (.int(-5, .int), "-5", "-5"),
        (.float(-0.0), "0", "-0"),
        (.float(1e21), "1e+21", "1e+21"),
        (.float(123456789), "123456789", "1.23456789e+08"),
        (.float(-12345678901234567890), "-1.2345678901234567e+19", "-1.2345678901234567e+19"),
        (.float(12345678901234567890), "12345678901234567000", "1.2345678901234567e+19"),
        (.float(1e-7), "1e-07", "1e-07"),
        (timeFraction, "\"2021-03-04T05:06:07.89Z\"", "2021-03-04T05:06:07.89Z"),
        (.string("x\ty"), "\"x\\ty\"", "\"x\\ty\""),
        (.string("a\tb\nc"), "\"a\\tb\\nc\"", "|-\n  a\tb\n  c"),
        (.string("a\u{85}b"), "a b", "\"a\\Nb\""),
        (.string("\u{85}"), "' '", "\"\\N\""),
        (.string("\u{FEFF}bom"), "\"\\uFEFF\\x62\\x6F\\x6D\"", "\"\\uFEFF\\x62\\x6F\\x6D\""),
        (.string("𝄞"), "\"\\U0001D11E\"", "\"\\U0001D11E\""),
        (.string("\u{2028}"), "'\u{2028}'", "'\u{2028}'"),
        (.string("yes"), "\"yes\"", "\"yes\""),
        (.string("1:20"), "\"1:20\"", "\"1:20\""),
        (.string("x"), "x", "x"),
        (.null, "null", "null"),
        (.map([:]), "{}", "{}"),
        (.list([]), "[]", "[]"),
    ])
    func scalars(value: Value, toYaml: String, toYamlPretty: String) {
        #expect(helmToYAML(value) == toYaml)
        #expect(helmToYAMLPretty(value) == toYamlPretty)
    }

    @Test func nestedSequences() {
        let v = Value.list([.list([.list([.int(1), .int(2)])])])
        #expect(helmToYAML(v) == "- - - 1\n    - 2")
        #expect(helmToYAMLPretty(v) == "- - - 1\n    - 2")
        let m = Value.map(["a": .list([.map(["b": .list([.map(["c": .int(1), "d": .int(2)])])])])])
        #expect(helmToYAML(m) == "a:\n- b:\n  - c: 1\n    d: 2")
        #expect(helmToYAMLPretty(m) == "a:\n  - b:\n      - c: 1\n        d: 2")
    }

    @Test(arguments: [Value.float(.nan), .float(.infinity), .string("a\u{7F}"), .string("\u{9F}"),
                      .map(["k\u{85}": .int(1)]), .map([String(repeating: "a", count: 1023): .int(1)]),
                      .object(OpaqueObject())])
    func toYamlErrors(value: Value) {
        #expect(helmToYAML(value) == nil)
    }

    @Test func marshalVariants() {
        let v = Value.map(["a": .list([.int(1)]), "b": .string("yes")])
        #expect(sigsYAMLMarshal(v) == "a:\n- 1\nb: \"yes\"\n")
        #expect(goYAMLv3Marshal(v) == "a:\n    - 1\nb: \"yes\"\n")
        #expect(goYAMLv3Marshal(v, indent: 2) == "a:\n  - 1\nb: \"yes\"\n")
        #expect(goYAMLv3Marshal(.object(OpaqueObject())) == nil)
        let farFuture = Value.object(GoTime(seconds: GoTime.epochSeconds(year: 10000, month: 1, day: 1)))
        #expect(helmToYAML(farFuture) == nil)
    }

    @Test func longKeysInToYaml() {
        let ok = String(repeating: "a", count: 1022)
        #expect(helmToYAML(.map([ok: .int(1)])) == "? " + ok + "\n: 1")
        #expect(helmToYAML(.map([String(repeating: "a", count: 1016) + "<": .int(1)])) != nil)
        #expect(helmToYAML(.map([String(repeating: "a", count: 1017) + "<": .int(1)])) == nil)
        #expect(helmToYAML(.map([String(repeating: "k", count: 128): .int(1)])) == String(repeating: "k", count: 128) + ": 1")
    }

    @Test func prettySpecialFloats() {
        #expect(helmToYAMLPretty(.list([.float(.nan), .float(.infinity), .float(-.infinity)])) == "- .nan\n- .inf\n- -.inf")
    }

    @Test func trimsOnlyOneTrailingNewline() {
        #expect(helmToYAML(.string("a\n\n")) == "|+\n  a\n")
        #expect(helmToYAMLPretty(.string("a\n\n")) == "|+\n  a\n")
    }

    @Test func snapshotStripsLeadingNewlinesEverywhereButKeys() {
        let v = Value.map([
            "\nkey": .string("\n\nvalue\n"),
            "list": .list([.string("\nx"), .map(["y": .string("\n\n")])]),
            "n": .int(3),
            "f": .float(3),
            "t": Self.time,
        ])
        #expect(snapshotYAML(v) == """
            ? |2-

              key
            : |
              value
            f: 3
            list:
              - x
              - "y": ""
            "n": 3
            t: 2021-01-01T00:00:00Z

            """)
    }

    @Test func prettyMultilineKey() {
        let v = Value.map(["\nkey": .string("\n\nvalue\n"), "n": .int(3)])
        #expect(helmToYAMLPretty(v) == "? |2-\n\n  key\n: |2\n\n\n  value\n\"n\": 3")
    }

    @Test func snapshotOfRawString() {
        let notes = "1. Get the application URL by running these commands:\n  http://chart-example.local\n"
        #expect(snapshotYAML(.string("\n" + notes)) == "|\n  1. Get the application URL by running these commands:\n    http://chart-example.local\n")
        #expect(snapshotYAML(.string("x")) == "x\n")
    }
}

struct OpaqueObject: GoObject {
    var goTypeName: String { "engine.files" }
    var goFormatted: String { "map[]" }
}
