import Diagnostics
import Foundation
import GoStd
import Testing
@testable import Values

/// encoding/json's nesting limit as Go 1.27 (json built on
/// `encoding/json/v2`) applies it, on the paths Helm puts values through,
/// and deep values walked and freed without overflowing a thread's stack.
/// Texts are real Helm's (v3.20.2 and v4.2.3 agree): `fromYaml`, values
/// files and `fromJson` with the shapes below, and Go's for the encoders.
@Suite struct DepthLimitTests {
    /// A named input (test logs show the name, not the text).
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var error: String?
        var testDescription: String { name }
    }

    static func brackets(_ n: Int, _ inner: String = "") -> String {
        String(repeating: "[", count: n) + inner + String(repeating: "]", count: n)
    }

    /// `fromYaml` / values files: sigs.k8s.io/yaml's YAML → JSON → Go. The
    /// root mapping is one level: `a: [[…]]` with n brackets nests n + 1.
    static let helmDocumentRows: [Row] = [
        Row(name: "10000 levels, scalar inside", text: "a: " + brackets(9999, "1")),
        Row(name: "10000 levels, empty inside", text: "a: " + brackets(9999)),
        Row(name: "10001 levels, scalar inside", text: "a: " + brackets(10000, "1"), error: "error converting YAML to JSON: exceeded max depth"),
        Row(name: "10001 levels, empty inside", text: "a: " + brackets(10000), error: "error unmarshaling JSON: while decoding JSON: exceeded max depth"),
        Row(name: "10001 levels of mappings",
            text: "a: " + String(repeating: "{b: ", count: 10000) + "1" + String(repeating: "}", count: 10000),
            error: "error converting YAML to JSON: exceeded max depth"),
        Row(name: "10001 levels of block sequences", text: "a:\n" + String(repeating: "- ", count: 10000) + "x",
            error: "error converting YAML to JSON: exceeded max depth"),
        Row(name: "go-yaml's own limit", text: "a: " + brackets(10001), error: "error converting YAML to JSON: yaml: exceeded max depth of 10000"),
        Row(name: "100000 unclosed", text: "a: " + String(repeating: "[", count: 100_000), error: "error converting YAML to JSON: yaml: exceeded max depth of 10000"),
    ]

    @Test(arguments: helmDocumentRows)
    func helmDocumentDepth(_ row: Row) {
        do {
            _ = try YAMLValues.helmDocument(row.text)
            #expect(row.error == nil, "\(row.name) decoded")
        } catch {
            #expect(error.message == row.error, "\(row.name)")
        }
    }

    /// `fromJson`: the decoder refuses any array or object inside 10000 others.
    @Test(arguments: [
        Row(name: "10000 levels, empty inside", text: #"{"a":"# + brackets(9999) + "}"),
        Row(name: "10000 levels, number inside", text: #"{"a":"# + brackets(9999, "1") + "}"),
        Row(name: "10001 levels", text: #"{"a":"# + brackets(10000) + "}", error: "exceeded max depth"),
        Row(name: "100000 unclosed", text: String(repeating: "[", count: 100_000), error: "exceeded max depth"),
        Row(name: "10001 objects unclosed", text: String(repeating: #"{"a":"#, count: 10001), error: "exceeded max depth"),
    ])
    func jsonDecodeDepth(_ row: Row) {
        var message: String?
        do { _ = try GoJSON.decode(row.text) } catch { message = String(describing: error) }
        #expect(message == row.error)
    }

    static func nested(_ n: Int, inner: Value, map: Bool) -> Value {
        var v = inner
        for _ in 0..<n { v = map ? .map(["a": v]) : .list([v]) }
        return v
    }

    /// `json.Marshal` (compact: an empty array or object is written without
    /// a depth check) and `json.MarshalIndent` (every one is checked), as Go
    /// 1.27 runs them; `nested(n, …)` has n + 1 levels when `inner` is a
    /// collection.
    @Test(arguments: [false, true])
    func jsonEncodeDepth(map: Bool) throws {
        let empty: Value = map ? .map([:]) : .list([])
        #expect(try GoJSON.encode(Self.nested(10000, inner: .int(1), map: map)).count > 20000)
        #expect(throws: GoJSON.EncodingError(message: "exceeded max depth")) {
            try GoJSON.encode(Self.nested(10001, inner: .int(1), map: map))
        }
        #expect(try GoJSON.encode(Self.nested(10000, inner: empty, map: map)).count > 20000)
        #expect(throws: GoJSON.EncodingError(message: "exceeded max depth")) {
            try GoJSON.encode(Self.nested(10000, inner: empty, map: map), indent: "  ")
        }
        #expect(throws: GoJSON.EncodingError(message: "exceeded max depth")) {
            try GoJSON.encode(Self.nested(10001, inner: empty, map: map))
        }
        // `toYaml`: the JSON go-yaml v2 then reads is as deep as the value.
        #expect(helmToYAML(Self.nested(9999, inner: empty, map: map)) != nil)
        #expect(helmToYAML(Self.nested(10000, inner: empty, map: map)) == nil)
        #expect(sigsYAMLMarshalError(Self.nested(10000, inner: empty, map: map)) == "yaml: exceeded max depth of 10000")
        #expect(sigsYAMLMarshalError(Self.nested(10001, inner: .int(1), map: map)) == "error marshaling into JSON: exceeded max depth")
    }

    /// Walkers over values Go has no depth limit for (`%v`, deep copy,
    /// encoders that stop at 10000) on a thread with a 512 KB stack, and
    /// the deep values freed there (a map frees what it holds in a loop).
    @Test func deepValuesOnASmallStack() {
        let lengths: [Int] = DeepStack.onNewThread(stackSize: 512 << 10) {
            let deepMap = Self.nested(100_000, inner: .int(1), map: true)
            let deepList = Value.map(["x": Self.nested(100_000, inner: .int(1), map: false)])
            let copied = deepMap.deepCopy()
            return [
                GoFmt.format(copied).count,
                GoFmt.sprintf("%#v", [deepList]).count,
                (try? GoJSON.encode(deepList))?.count ?? -1,
                helmToYAMLPretty(.map(["x": Self.nested(20000, inner: .int(1), map: false)])).count,
            ]
        }
        #expect(lengths[0] == 700_001)
        #expect(lengths[1] == #"map[string]interface {}{"x":}"#.count + 1_600_001)
        #expect(lengths[2] == -1)
        #expect(lengths[3] > 20000)
    }

    /// fmt's `tooLarge`: widths and precisions up to 1e6 from an argument,
    /// up to 9999999 written out (Go checks before each digit), are honoured;
    /// beyond that `%!(BADWIDTH)`, `%!(BADPREC)`, or `%!(NOVERB)` when a
    /// written number overflows. Lengths from Go 1.27's `fmt.Sprintf`.
    @Test(arguments: [
        ("%*d|", [Value.int(-1_000_000), .int(1)], 1_000_001, "1 "),
        ("%1000000d|", [.int(1)], 1_000_001, " "),
        ("%10000001d|", [.int(1)], 10_000_002, " "),
        ("%9999999s|", [.string("x")], 10_000_000, " "),
        ("%.1000000f|", [.float(1.5)], 1_000_003, "1.5"),
        ("%.10000000d|", [.int(1)], 10_000_001, "0"),
        ("%.9999999x|", [.int(255)], 10_000_000, "0"),
        ("%.1000001e|", [.float(2.5)], 1_000_008, "2.5"),
        ("%*d|", [.int(1_000_001), .int(1)], 14, "%!(BADWIDTH)1|"),
        ("%*d|", [.int(-1_000_001), .int(1)], 14, "%!(BADWIDTH)1|"),
        ("%.*f|", [.int(1_000_000_000_000), .float(1.5)], 20, "%!(BADPREC)1.500000|"),
        ("%999999999999d|", [.int(1)], 25, "%!(NOVERB)%!(EXTRA int=1)"),
        ("%.99999999999f|", [.float(1.5)], 31, "%!(NOVERB)%!(EXTRA float64=1.5)"),
    ] as [(String, [Value], Int, String)])
    func printfWidthAndPrecisionLimits(_ format: String, _ args: [Value], _ length: Int, _ prefix: String) {
        let out = GoFmt.sprintf(GoString(format), args).text
        #expect(out.utf8.count == length)
        #expect(out.hasPrefix(prefix))
    }
}
