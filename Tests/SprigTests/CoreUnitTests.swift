import GoStd
import GoTemplate
@testable import Sprig
import Testing
import Values

/// Sprig's own behaviour where Helm replaces the function (`fail`,
/// `fromJson`), and the number helpers underneath the core functions.
@Suite struct CoreUnitTests {
    /// Renders `template` with Sprig's functions only (no Helm overrides).
    static func render(_ template: String) -> String {
        var set = TemplateSet(name: "t", functions: FunctionMap(Sprig.functions()))
        do {
            try set.parse(template, name: "t")
            return try set.execute("t", data: .map([:])).text
        } catch {
            return "ERROR: \(error)"
        }
    }

    @Test(arguments: [
        ("{{ fail \"boom\" }}", "ERROR: template: t:1:3: executing \"t\" at <fail \"boom\">: error calling fail: boom"),
        ("{{ fromJson \"[1, 2]\" }}", "[1 2]"),
        ("{{ fromJson \"{bad\" }}", "<no value>"),
        ("{{ fromJson \"null\" }}", "<no value>"),
        ("{{ (fromJson \"{\\\"a\\\": {\\\"b\\\": 2}}\").a.b }}", "2"),
        ("{{ keys (dict \"b\" 1 \"a\" 2 \"c\" 3) }}", "[a b c]"),
        ("{{ values (dict \"b\" 1 \"a\" 2) }}", "[2 1]"),
        ("{{ toJson (list 1 \"<\") }}", "[1,\"\\u003c\"]"),
        ("{{ mustToJson (dict \"a\" 1) }}", "{\"a\":1}"),
    ])
    func sprigOnly(_ row: (String, String)) {
        #expect(Self.render(row.0) == row.1)
    }

    @Test func everyCoreNameIsRegistered() {
        let names = """
            default empty coalesce all any compact mustCompact ternary fail toString toStrings atoi int int64 float64 \
            toDecimal seq until untilStep add add1 sub div mod mul max min biggest addf add1f subf mulf divf maxf minf \
            ceil floor round randInt list tuple dict get set unset hasKey pluck keys pick omit merge mergeOverwrite \
            mustMerge mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend first mustFirst \
            rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has \
            mustHas slice mustSlice concat dig chunk mustChunk sortAlpha join split splitList splitn trim trimAll \
            trimall trimPrefix trimSuffix nospace upper lower repeat substr trunc contains hasPrefix hasSuffix quote \
            squote cat indent nindent replace plural typeOf typeIs typeIsLike kindOf kindIs deepEqual deepCopy \
            mustDeepCopy fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson
            """.split(separator: " ").map(String.init)
        let table = Sprig.functions()
        for name in names { #expect(table[name] != nil, "\(name)") }
    }

    @Test(arguments: [
        ("0", 0), ("010", 8), ("0x1F", 31), ("-0b11", -3), ("1_000", 1000), ("0_7", 7), ("+5", 5),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
    func parseIntBaseZero(_ row: (String, Int64)) {
        #expect(GoParse.parseInt(row.0, base: 0) == row.1)
    }

    @Test(arguments: ["", "-", "0x", "1__0", "_1", "1_", "08", "9223372036854775808", " 1", "1e3", "0x_"])
    func parseIntRejects(_ text: String) {
        #expect(GoParse.parseInt(text, base: 0) == nil)
    }

    @Test func atoiClampsAndIgnoresSyntax() {
        #expect(GoParse.atoi("99999999999999999999") == Int64.max)
        #expect(GoParse.atoi("-99999999999999999999") == Int64.min)
        #expect(GoParse.atoi("0x10") == 0)
        #expect(GoParse.atoi("010") == 10)
    }

    @Test func parseFloatForms() {
        #expect(GoParse.parseFloat("1_000.5") == 1000.5)
        #expect(GoParse.parseFloat("0x1p4") == 16)
        #expect(GoParse.parseFloat("0x10") == nil)
        #expect(GoParse.parseFloat("1e400") == nil)
        #expect(GoParse.parseFloat("-Infinity") == -.infinity)
        #expect(GoParse.parseFloat("+nan") == nil)
        #expect(GoParse.parseFloat("nan")?.isNaN == true)
        #expect(GoParse.parseFloat("1__0") == nil)
        #expect(GoParse.parseFloat(".") == nil)
    }

    @Test func bigUIntDivisionMatchesUInt64() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = rng.next() as UInt64, b = (rng.next() as UInt64) >> UInt64.random(in: 0..<63, using: &rng) | 1
            let (q, r) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(b))
            #expect(q.decimalString == String(a / b))
            #expect(r.decimalString == String(a % b))
        }
    }

    @Test func bigUIntLongDivision() {
        // (10^40 + 7) / (10^20 + 3), checked by q*d + r == n and r < d.
        let n = BigUInt.power10(40).adding(BigUInt(7))
        let d = BigUInt.power10(20).adding(BigUInt(3))
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        #expect(q.multiplied(by: d).adding(r) == n)
        #expect(r < d)
        #expect(q.decimalString == "99999999999999999997")
    }

    @Test(arguments: [
        (1.1, 2.2, "add", 3.3), (0.3, 0.1, "sub", 0.2), (1.1, 3, "mul", 3.3),
        (1, 3, "div", 0.3333333333333333), (2, 3, "div", 0.6666666666666667), (-2, 3, "div", -0.6666666666666667),
    ] as [(Double, Double, String, Double)])
    func decimalArithmetic(_ row: (Double, Double, String, Double)) throws {
        let a = try GoDecimal(row.0), b = try GoDecimal(row.1)
        let r: GoDecimal
        switch row.2 {
        case "add": r = a.adding(b)
        case "sub": r = a.subtracting(b)
        case "mul": r = a.multiplied(by: b)
        default: r = try a.divided(by: b)
        }
        #expect(r.float64 == row.3)
    }

    @Test func decimalRejectsNonFinite() {
        #expect(throws: GoError.self) { try GoDecimal(.infinity) }
        #expect(throws: GoError.self) { try GoDecimal(1).divided(by: GoDecimal(0)) }
    }
}
