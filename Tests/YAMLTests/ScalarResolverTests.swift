import Diagnostics
import Testing
@testable import YAML

@Suite struct ScalarResolverTests {
    static let both: [(String, ResolvedScalar)] = [
        ("true", .bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("0777", .int(511)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0b101", .int(5)), ("-0b101", .int(-5)),
        ("1_000", .int(1000)), ("+1", .int(1)), ("-5", .int(-5)), ("1e3", .float(1000)), ("1.0", .float(1)),
        ("08", .float(8)), (".5", .float(0.5)), ("0.", .float(0)), ("1:20", .string("1:20")),
        ("9223372036854775807", .int(Int64.max)), ("9223372036854775808", .uint(9_223_372_036_854_775_808)),
        ("18446744073709551616", .float(18446744073709551616.0)), ("1e400", .string("1e400")),
        ("0x", .string("0x")), ("v1.2", .string("v1.2")), ("<<", .string("<<")), ("abc", .string("abc")),
        ("- x", .string("- x")), ("1.2.3", .string("1.2.3")), ("-", .string("-")),
    ]

    @Test(arguments: both)
    func sharedRules(text: String, expected: ResolvedScalar) throws {
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v2) == expected)
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v3) == expected)
    }

    @Test(arguments: ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"])
    func yaml11True(text: String) throws {
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v2) == .bool(true))
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v3) == .string(text))
    }

    @Test(arguments: ["n", "N", "no", "No", "NO", "off", "Off", "OFF"])
    func yaml11False(text: String) throws {
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v2) == .bool(false))
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v3) == .string(text))
    }

    @Test func specialFloats() throws {
        guard case .float(let nan) = try ScalarResolver.resolve(tag: "", text: ".nan", dialect: .v2) else { return }
        #expect(nan.isNaN)
        #expect(try ScalarResolver.resolve(tag: "", text: "-.Inf", dialect: .v3) == .float(-.infinity))
    }

    @Test(arguments: [
        ("2021-01-01", YAMLTimestamp(year: 2021, month: 1, day: 1)),
        ("2021-1-2", YAMLTimestamp(year: 2021, month: 1, day: 2)),
        ("2021-01-01T10:00:00Z", YAMLTimestamp(year: 2021, month: 1, day: 1, hour: 10, utcOffset: 0)),
        ("2001-12-14t21:59:43.10-05:00", YAMLTimestamp(year: 2001, month: 12, day: 14, hour: 21, minute: 59, second: 43, nanosecond: 100_000_000, utcOffset: -18000)),
        ("2001-12-14 21:59:43.10", YAMLTimestamp(year: 2001, month: 12, day: 14, hour: 21, minute: 59, second: 43, nanosecond: 100_000_000)),
    ])
    func timestamps(text: String, expected: YAMLTimestamp) throws {
        #expect(try ScalarResolver.resolve(tag: "", text: text, dialect: .v3) == .timestamp(expected, text: text))
    }

    @Test(arguments: ["2021-13-01", "2021-02-30", "2021-01-01T25:00:00Z", "2021-01-01 10:00:00Z", "20210-01-01", "2021-01-01T10:00:00"])
    func notTimestamps(text: String) throws {
        if case .timestamp = try ScalarResolver.resolve(tag: "", text: text, dialect: .v3) {
            Issue.record("\(text) resolved as a timestamp")
        }
    }

    @Test func explicitTags() throws {
        #expect(try ScalarResolver.resolve(tag: "!!str", text: "1", dialect: .v2) == .string("1"))
        #expect(try ScalarResolver.resolve(tag: "!!float", text: "1", dialect: .v2) == .float(1))
        #expect(try ScalarResolver.resolve(tag: "!!binary", text: "aGk=", dialect: .v2) == .string("hi"))
        #expect(try ScalarResolver.resolve(tag: "!custom", text: "1", dialect: .v2) == .string("1"))
        #expect(throws: LocatedError(.yamlTag, "cannot decode !!str `abc` as a !!int")) {
            try ScalarResolver.resolve(tag: "!!int", text: "abc", dialect: .v2)
        }
    }

    @Test func quotedScalarsAreStrings() throws {
        let docs = try YAMLParser.parseStream("a: 'yes'\nb: \"1\"\nc: |\n  true\n")
        guard case .mapping(let pairs) = try #require(docs[0].root).content else { return }
        #expect(try pairs.map { try ScalarResolver.resolve($0.value, dialect: .v2) } == [.string("yes"), .string("1"), .string("true\n")])
    }
}
