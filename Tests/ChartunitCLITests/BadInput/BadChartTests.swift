import Foundation
import Testing

/// Charts that cannot be loaded or rendered: Helm's words first, then the
/// file (and line and column where the parser knows them); the chart is one
/// errored chart among the others.
@Suite struct BadChartTests {
    /// A case where the chart `c` cannot be loaded: chart error, exit 1.
    static func unloadable(_ name: String, _ files: [String: CaseFile], remove: [String] = [], _ fragments: [String])
        -> BadInputCase {
        BadInputCase(name: name, files: files, remove: remove, arguments: ["test", "$D/c"], status: 1,
                     fragments: ["### Error:  "] + fragments + ["Charts:      1 failed, 1 errored, 0 passed, 1 total"],
                     absent: [" PASS "])
    }

    /// A case where the chart loads but its suite fails with `fragments`.
    static func failing(_ name: String, _ files: [String: CaseFile], _ fragments: [String]) -> BadInputCase {
        BadInputCase(name: name, files: files, arguments: ["test", "$D/c"], status: 1,
                     fragments: [" FAIL  a\t$D/c/tests/a_test.yaml"] + fragments)
    }

    static let chartTests: [BadInputCase] = [
        unloadable("Chart.yaml syntax error", ["c/Chart.yaml": "apiVersion: v2\nname: [c\nversion: 0.1.0\n"],
                   ["cannot load Chart.yaml: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'",
                    "at $D/c/Chart.yaml:3:8"]),
        unloadable("Chart.yaml invalid UTF-8", ["c/Chart.yaml": CaseFile(bytes: Array("apiVersion: v2\nname: c\ndescription: \"".utf8)
                                                                                 + [0xFF, 0xFE, 0x22, 0x0A] + Array("version: 0.1.0\n".utf8))],
                   ["cannot load Chart.yaml: error converting YAML to JSON: yaml: invalid leading UTF-8 octet", "at $D/c/Chart.yaml:3:15"]),
        unloadable("Chart.yaml without a name", ["c/Chart.yaml": "apiVersion: v2\nversion: 0.1.0\n"],
                   ["validation: chart.metadata.name is required", "at $D/c/Chart.yaml"]),
        unloadable("Chart.yaml without a version", ["c/Chart.yaml": "apiVersion: v2\nname: c\n"],
                   ["validation: chart.metadata.version is required", "at $D/c/Chart.yaml"]),
        unloadable("Chart.yaml with an invalid version", ["c/Chart.yaml": "apiVersion: v2\nname: c\nversion: banana\n"],
                   [#"validation: chart.metadata.version "banana" is invalid"#, "at $D/c/Chart.yaml"]),
        unloadable("Chart.yaml with a name of the wrong type", ["c/Chart.yaml": "apiVersion: v2\nname: [c]\nversion: 0.1.0\n"],
                   ["cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Metadata.name of type string",
                    "$D/c/Chart.yaml"]),
        unloadable("Chart.yaml that is a list", ["c/Chart.yaml": "- a\n"],
                   ["cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chart.Metadata",
                    "$D/c/Chart.yaml"]),
        unloadable("Chart.yaml with a tab", ["c/Chart.yaml": "apiVersion: v2\nname: c\n\tversion: 0.1.0\n"],
                   ["cannot load Chart.yaml: error converting YAML to JSON: yaml: line 3: found a tab character that violates indentation",
                    "at $D/c/Chart.yaml:3:1"]),
        unloadable("missing Chart.yaml", [:], remove: ["c/Chart.yaml"],
                   ["Chart.yaml file is missing", "at $D/c"]),
        unloadable("values.yaml syntax error", ["c/values.yaml": "name: x\n  bad: : y\n"],
                   ["cannot load values.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
                    "at $D/c/values.yaml:2:6"]),
        unloadable("values.yaml invalid UTF-8", ["c/values.yaml": CaseFile(bytes: Array("name: \"x".utf8) + [0xFF, 0x22, 0x0A])],
                   ["cannot load values.yaml: error converting YAML to JSON: yaml: invalid leading UTF-8 octet", "at $D/c/values.yaml:1:9"]),
        unloadable("values.yaml that is a list", ["c/values.yaml": "- a\n"],
                   ["cannot load values.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
                    "$D/c/values.yaml"]),
        unloadable("values.yaml alias bomb", ["c/values.yaml": CaseFile(text: BadSuiteTests.aliasBomb)],
                   ["cannot load values.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing",
                    "$D/c/values.yaml"]),
        unloadable("values.yaml with an unknown anchor", ["c/values.yaml": "a: *nowhere\n"],
                   ["cannot load values.yaml: error converting YAML to JSON: yaml: unknown anchor 'nowhere' referenced",
                    "at $D/c/values.yaml:1:4"]),
        unloadable("Chart.lock syntax error", ["c/Chart.lock": "dependencies: [\n"],
                   ["cannot load Chart.lock: error converting YAML to JSON: yaml: line 1: did not find expected node content",
                    "at $D/c/Chart.lock:2:1"]),
        unloadable(".helmignore with a bad pattern", ["c/.helmignore": "# ok\n*.bak\n[\n"],
                   ["syntax error in pattern", "at $D/c/.helmignore:3:1"]),
        unloadable(".helmignore with a double star", ["c/.helmignore": "**/x\n"],
                   ["double-star (**) syntax is not supported", "at $D/c/.helmignore:1:1"]),
        unloadable("subchart with a broken Chart.yaml", ["c/charts/sub/Chart.yaml": "apiVersion: v2\nname: [sub\n"],
                   ["error unpacking subchart sub in c: cannot load Chart.yaml: error converting YAML to JSON: yaml: line 2:",
                    "at $D/c/charts/sub/Chart.yaml:3:1"]),
        unloadable("subchart without Chart.yaml", ["c/charts/sub/values.yaml": "a: 1\n"],
                   ["error unpacking subchart sub in c: Chart.yaml file is missing", "at $D/c/charts/sub"]),
        unloadable("file over 5 MiB", ["c/templates/big.yaml": CaseFile(bytes: [UInt8](repeating: 0x61, count: 5 * 1024 * 1024 + 1))],
                   [#"chart file "big.yaml" is larger than the maximum file size 5242880"#, "at $D/c/templates/big.yaml"]),
        unloadable("symbolic link out of the chart", ["c/templates/out.yaml": .link("/etc/hostname")],
                   ["symbolic link templates/out.yaml points outside the chart: /etc/hostname"]),
        unloadable("named pipe in the chart", ["c/templates/pipe": .fifo],
                   ["cannot load irregular file $D/c/templates/pipe as it has file mode type bits set"]),
        failing("values.schema.json cut short", ["c/values.schema.json": #"{"type": "object", "properties": {"#],
                ["values don't meet the specifications of the schema(s) in the following chart(s):\nc:\nunexpected EOF",
                 "at $D/c/values.schema.json"]),
        failing("values.schema.json that is not a schema", ["c/values.schema.json": #"{"type": 5}"#],
                ["values don't meet the specifications of the schema(s) in the following chart(s):\nc:\n", "at $D/c/values.schema.json"]),
        failing("values against values.schema.json", ["c/values.schema.json": #"{"properties": {"name": {"type": "integer"}}}"#],
                ["c:\n- at '/name': got string, want integer", "at $D/c/values.schema.json"]),
        failing("subchart values against its schema", [
            "c/values.yaml": "name: x\nsub:\n  port: http\n",
            "c/charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            "c/charts/sub/values.schema.json": #"{"properties": {"port": {"type": "integer"}}}"#,
        ], ["sub:\n- at '/port': got string, want integer", "at $D/c/charts/sub/values.schema.json"]),
        failing("template parse error", ["c/templates/cm.yaml": "a: {{ .Values.name \n"],
                ["parse error at (c/templates/cm.yaml:2): unclosed action started at c/templates/cm.yaml:1"]),
        failing("template calling an unknown function", ["c/templates/cm.yaml": "a: {{ nope }}\n"],
                [#"function "nope" not defined"#]),
        failing("template that fails", ["c/templates/cm.yaml": "{{ fail \"no way\" }}\n"],
                ["execution error at (c/templates/cm.yaml:1:3): no way"]),
        failing("required value missing", ["c/templates/cm.yaml": "a: {{ required \"need .Values.b\" .Values.b }}\n"],
                ["execution error at (c/templates/cm.yaml:1:6): need .Values.b"]),
        failing("template rendering invalid YAML", ["c/templates/cm.yaml": "a: b: c\n"],
                ["mapping values are not allowed in this context"]),
        // Bytes that are not UTF-8 in the rendered text: the YAML reader refuses them
        // (helm-unittest fails the test; chartunit once read them as U+FFFD and passed).
        failing("template rendering invalid UTF-8", ["c/templates/cm.yaml": CaseFile(bytes: Array("metadata:\n  name: x\ndata:\n  a: caf".utf8) + [0xE9, 0x0A])],
                ["Error: yaml: incomplete UTF-8 octet sequence", "at c/templates/cm.yaml:4:9"]),
        BadInputCase(name: "render of a template rendering invalid UTF-8",
                     files: ["c/templates/cm.yaml": CaseFile(bytes: Array("a: caf".utf8) + [0xE9, 0x0A])],
                     arguments: ["render", "$D/c"], status: 1,
                     fragments: ["Error: YAML parse error on c/templates/cm.yaml: error converting YAML to JSON: yaml: incomplete UTF-8 octet sequence"]),
        failing("include of a missing template", ["c/templates/cm.yaml": "{{ include \"nope\" . }}\n"],
                [#"error calling include: template: no template "nope" associated with template "gotpl""#]),
    ]

    /// Inputs Helm reads without complaint, read the same way.
    static let acceptedTests: [BadInputCase] = [
        BadInputCase(name: "printf with an absurd width or precision", files: [
            "c/templates/cm.yaml": CaseFile(text: "a: {{ printf \"%*d\" 99999999 1 | quote }}\nb: {{ printf \"%.*f\" 99999999 1.5 | quote }}\n"
                + "c: {{ printf \"%-*d|%.*d\" -99999999 7 \"x\" 3 | quote }}\nd: {{ printf \"%99999999999d\" 1 | quote }}\n"),
        ], arguments: ["render", "$D/c"], status: 0, fragments: [
            #"a: "%!(BADWIDTH)1""#, #"b: "%!(BADPREC)1.500000""#, #"c: "%!(BADWIDTH)7|%!(BADPREC)3""#, #"d: "%!(NOVERB)%!(EXTRA int=1)""#,
        ]),
        BadInputCase(name: "Chart.yaml with a duplicate key", files: ["c/Chart.yaml": "apiVersion: v2\nname: c\nname: d\nversion: 0.1.0\n"],
                     arguments: ["render", "$D/c"], status: 0, fragments: ["# Source: d/templates/cm.yaml"]),
        BadInputCase(name: "values.yaml with a byte order mark", files: ["c/values.yaml": CaseFile(bytes: [0xEF, 0xBB, 0xBF] + Array("name: bom\n".utf8))],
                     arguments: ["render", "$D/c"], status: 0, fragments: ["name: bom"]),
        BadInputCase(name: "values.yaml with CRLF line ends", files: ["c/values.yaml": "name: crlf\r\nother: 1\r\n"],
                     arguments: ["render", "$D/c"], status: 0, fragments: ["name: crlf\n"]),
    ]

    @Test(arguments: acceptedTests)
    func readsAsHelm(_ input: BadInputCase) async throws {
        try await input.check()
    }

    @Test(arguments: chartTests)
    func fails(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}
