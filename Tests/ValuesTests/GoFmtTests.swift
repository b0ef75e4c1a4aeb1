import GoStd
import Testing
@testable import Values

/// A `[]string`, as sprig's `splitList` or `keys` return it.
private struct StringSlice: GoObject {
    var items: [String]
    var goTypeName: String { "[]string" }
    var goKind: String { "slice" }
    var goFormatted: String { "[" + items.joined(separator: " ") + "]" }
    var goFmtForm: GoFmtForm { .slice(elementType: "string", items.map(Value.string)) }
}

/// Tricky `fmt.Sprintf` rows, each checked against Go 1.27's `fmt`.
@Suite struct GoFmtTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var format: String
        var args: [Value]
        var expected: String
        var testDescription: String { format }
        init(_ format: String, _ args: [Value], _ expected: String) {
            self.format = format
            self.args = args
            self.expected = expected
        }
    }

    static let nan = Value.float(.nan)
    static let inf = Value.float(.infinity)
    static let list: Value = .list([.int(1), .string("two"), .float(3.5), .null, .bool(true)])

    static let rows: [Row] = [
        // Integer kinds.
        Row("%v|%d|%x|%#v|%T", Array(repeating: .int(-5, .int8), count: 5), "-5|-5|-5|-5|int8"),
        Row("%v|%#v|%x|%T", [.int(200, .uint8), .int(200, .uint8), .int(200, .uint8), .int(1, .uint16)], "200|0xc8|c8|uint16"),
        Row("%#v|%#v", [.int(0, .uint), .int(17, .uint32)], "0x0|0x11"),
        Row("%d|%+d|% d", [.int(-1, .uint64), .int(1, .uint64), .int(1, .uint64)], "18446744073709551615|+1| 1"),
        Row("%b|%o|%x", [.int(-1, .int32), .int(-1, .int16), .int(Int64.min, .int64)], "-1|-1|-8000000000000000"),
        Row("%8.3x|%.5d|%08.3d|%#o|%#o|%O", [.int(255), .int(-42), .int(42), .int(8), .int(0), .int(8)], "     0ff|-00042|     042|010|0|0o10"),
        Row("%c|%q|%U|%#U", Array(repeating: .int(0x65E5), count: 4), "日|'日'|U+65E5|U+65E5 '日'"),
        Row("%c|%q|%U", [.int(-1), .int(0x110000), .int(-1)], "\u{FFFD}|'\u{FFFD}'|U+FFFFFFFFFFFFFFFF"),
        Row("%t|%v|%d|%5t|", [.bool(true), .bool(false), .bool(true), .bool(false)], "true|false|%!d(bool=true)|false|"),
        // Floats: exact rounding, %g, %e, flags, NaN and infinities.
        Row("%.0f %.0f %.0f %.0f %.0f", [.float(0.5), .float(1.5), .float(2.5), .float(3.5), .float(-0.5)], "0 2 2 4 -0"),
        Row("%.2f %.1f %.3f", [.float(1.005), .float(0.05), .float(2.0005)], "1.00 0.1 2.001"),
        Row("%6.2f|%-8.3e|%+.1g", [.float(3.14159), .float(1234.5), .float(0.25)], "  3.14|1.234e+03|+0.2"),
        Row("%g %g %g %g", [.float(1e20), .float(1e21), .float(1e-4), .float(1e-5)], "1e+20 1e+21 0.0001 1e-05"),
        Row("%v %v %v", [.float(100000), .float(1e6), .float(1e6 + 0.5)], "100000 1e+06 1.0000005e+06"),
        Row("%.3g|%.10g|%g", [.float(1234567), .float(1.0 / 3), .float(5e-324)], "1.23e+06|0.3333333333|5e-324"),
        Row("%e|%E|%.0e", [.float(0), .float(1.7976931348623157e308), .float(15)], "0.000000e+00|1.797693E+308|2e+01"),
        Row("%+f|%05f|% f|%-6f|%+05f", [nan, inf, nan, .float(-.infinity), inf], "+NaN| +Inf| NaN|-Inf  | +Inf"),
        Row("%#.0f|%#g|%#.3e|%#v", [.float(3), .float(2), .float(1), .float(2)], "3.|2.00000|1.000e+00|2"),
        Row("%x|%X|%.2x|%b", [.float(1), .float(-0.5), .float(3.14159), .float(2)], "0x1p+00|-0X1P-01|0x1.92p+01|4503599627370496p-51"),
        // Strings.
        Row("%05s|%-05d|%05.1f", [.string("ab"), .int(3), .float(-2.5)], "000ab|3    |-02.5"),
        Row("%x|% X|%#x|%# x", [.string("héllo"), .string("hi"), .string("hi"), .string("hi")], "68c3a96c6c6f|68 69|0x6869|0x68 0x69"),
        Row("%q|%+q|%#q|%#q", [.string("日本\n"), .string("日本"), .string("back`tick"), .string("plain")], "\"日本\\n\"|\"\\u65e5\\u672c\"|\"back`tick\"|`plain`"),
        Row("%5.1s|%-5s|%.2s", [.string("日本語"), .string("é"), .string("日本語")], "    日|é    |日本"),
        // Lists and maps: verbs apply per element.
        Row("%s", [.list([.float(1), .string("two")])], "[%!s(float64=1) two]"),
        Row("%d", [.map(["a": .int(1), "b": .string("x")])], "map[%!d(string=a):1 %!d(string=b):%!d(string=x)]"),
        Row("%x", [.list([.string("hi"), .int(255), .int(-1)])], "[6869 ff -1]"),
        Row("%q", [.list([.string("a"), .int(1), .null])], "[\"a\" '\\x01' <nil>]"),
        Row("%v|%+v|%#v", [.map(["a": .list([.null])]), .map([:]), .map(["a": .int(1), "b": .null])],
            "map[a:[<nil>]]|map[]|map[string]interface {}{\"a\":1, \"b\":interface {}(nil)}"),
        Row("%#v", [list], "[]interface {}{1, \"two\", 3.5, interface {}(nil), true}"),
        // Objects: typed slices and byte slices.
        Row("%#v", [.object(StringSlice(items: ["a", "b"]))], "[]string{\"a\", \"b\"}"),
        Row("%v|%s|%q|%x|%d", Array(repeating: .object(StringSlice(items: ["a", "b"])), count: 5),
            "[a b]|[a b]|[\"a\" \"b\"]|[61 62]|[%!d(string=a) %!d(string=b)]"),
        Row("%#v", [.list([.object(StringSlice(items: ["x"]))])], "[]interface {}{[]string{\"x\"}}"),
        Row("%#v", [.list([.object(GoBytes(Array("hi".utf8)))])], "[]interface {}{[]uint8{0x68, 0x69}}"),
        Row("%#v|%v|%s|%x|%q", Array(repeating: .object(GoBytes(Array("hi".utf8))), count: 5), "[]byte{0x68, 0x69}|[104 105]|hi|6869|\"hi\""),
        // Error forms.
        Row("%!d(string=x)|%d", [.string("x")], "%!!(string=x)d(string=x)|%!d(MISSING)"),
        Row("%s %d", [.null, .float(3)], "%!s(<nil>) %!d(float64=3)"),
        Row("%[2]d %[1]d|%[3]d|%[0]d", [.int(1), .int(2)], "2 1|%!d(BADINDEX)|%!d(BADINDEX)"),
        Row("%*d|%-*d|%.*f", [.int(4), .int(1), .int(4), .int(2), .int(2), .float(3.14159)], "   1|2   |3.14"),
        Row("%", [], "%!(NOVERB)"),
        Row("%d %d", [.int(1)], "1 %!d(MISSING)"),
        Row("x", [.string("x"), .int(1), .null], "x%!(EXTRA string=x, int=1, <nil>)"),
        Row("%z", [.int(1)], "%!z(int=1)"),
        Row("%p|%p|%#p", [.int(1), .null, .string("x")], "%!p(int=1)|%!p(<nil>)|%!p(string=x)"),
        Row("%*d|%.*d", [.float(5), .int(1), .int(-1), .int(2)], "%!(BADWIDTH)1|%!(BADPREC)2"),
        // chartunit's documented choice: %p of a map or slice prints a fixed address.
        Row("%p|%#p|%14p|", [list, .map([:]), .object(GoBytes([]))], "0xc000010000|c000010000|  0xc000010000|"),
    ]

    @Test(arguments: rows)
    func sprintf(_ row: Row) {
        #expect(GoFmt.sprintf(GoString(row.format), row.args).text == row.expected)
    }

    @Test func sprintAndSprintln() {
        #expect(GoFmt.sprint([.string("a"), .int(1), .int(2), .string("b"), .null]) == "a1 2b<nil>")
        #expect(GoFmt.sprintln([.string("a"), .int(1), .string("b")]) == "a 1 b\n")
        #expect(GoFmt.sprint([]) == "")
        #expect(GoFmt.sprintln([]) == "\n")
    }

    @Test func timeFormats() {
        let utc = Value.object(GoTime(seconds: 1_577_934_245))
        #expect(GoFmt.sprintf("%v|%s|%q|%T", [utc, utc, utc, utc])
            == "2020-01-02 03:04:05 +0000 UTC|2020-01-02 03:04:05 +0000 UTC|\"2020-01-02 03:04:05 +0000 UTC\"|time.Time")
        #expect(GoFmt.sprintf("%#v", [utc]) == "time.Date(2020, time.January, 2, 3, 4, 5, 0, time.UTC)")
    }

    /// `%v` through the printer agrees with ``GoFormat`` on every corpus argument.
    @Test func percentVMatchesGoFormat() {
        for c in GoFmtCorpusTests.cases {
            for arg in c.args {
                #expect(GoFmt.sprintf("%v", [arg.value]).text == GoFmt.format(arg.value))
            }
        }
    }
}
