import Foundation
import Testing
@testable import ChartunitCLI

/// `chartunit render` on runaway input: each ends promptly with the error
/// `helm template` (v4.2.3) prints for the same chart, or, where Helm
/// itself crashes (`tpl` calling itself), with Go's crash text.
@Suite struct DepthLimitTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var files: @Sendable () -> [String: String]
        var arguments: [String] = []
        /// Text stderr must contain (nil: the render succeeds).
        var error: String?
        /// Text stdout must contain when the render succeeds.
        var output: String?
        var testDescription: String { name }
    }

    static func brackets(_ n: Int, _ inner: String = "") -> String {
        String(repeating: "[", count: n) + inner + String(repeating: "]", count: n)
    }

    static let rows: [Row] = [
        Row(name: "values.yaml nested 10001 deep, empty inside",
            files: { ["values.yaml": "a: " + brackets(10000) + "\n"] },
            error: "cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: exceeded max depth"),
        Row(name: "values.yaml past go-yaml's limit",
            files: { ["values.yaml": "a: " + brackets(10001) + "\n"] },
            error: "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: exceeded max depth of 10000"),
        Row(name: "values.yaml 100000 deep",
            files: { ["values.yaml": "a: " + String(repeating: "[", count: 100_000) + "\n"] },
            error: "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: exceeded max depth of 10000"),
        Row(name: "Chart.yaml past go-yaml's limit",
            files: { ["Chart.yaml": CLI.chartYAML(extra: "x: " + brackets(10001) + "\n")] },
            error: "cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: exceeded max depth of 10000"),
        Row(name: "template calling itself",
            files: { ["templates/t.yaml": #"{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}"#] },
            error: "executing \"a\" at <{{template \"a\" .}}>:\n    exceeded maximum template depth (100000)"),
        Row(name: "include calling itself",
            files: { ["templates/t.yaml": #"{{define "a"}}{{include "a" .}}{{end}}{{include "a" .}}"#] },
            error: "error calling include: rendering template has a nested reference name: a: unable to execute template"),
        Row(name: "tpl calling itself",
            files: { ["values.yaml": "x: \"{{ tpl .Values.x . }}\"\n", "templates/t.yaml": "{{ tpl .Values.x . }}"] },
            error: "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"),
        Row(name: "deep values built by fromJson, fromYaml and range",
            files: { ["templates/t.yaml": """
                j: {{ (fromJson (printf "{\\"a\\":%s}" (repeat 10000 "["))).Error | quote }}
                y: {{ (fromYaml (printf "a: %s1%s" (repeat 10000 "[") (repeat 10000 "]"))).Error | quote }}
                {{- $l := list }}{{ range until 100000 }}{{ $l = list $l }}{{ end }}
                l: {{ toJson $l | len }} {{ printf "%v" $l | len }}
                """] },
            output: "j: \"exceeded max depth\"\ny: \"error converting YAML to JSON: exceeded max depth\"\nl: 0 200002"),
        Row(name: "--set list index over Helm's limit",
            files: { ["templates/t.yaml": "a: 1\n"] }, arguments: ["--set", "a[99999999]=1"],
            error: "failed parsing --set data: index of 99999999 is greater than maximum supported index of 65536"),
        Row(name: "--set lists 20000 deep",
            files: { ["templates/t.yaml": "r: {{ .Values | toJson | len }} {{ printf \"%v\" .Values | len }}\n"] },
            arguments: ["--set", "a" + String(repeating: "[0]", count: 20000) + "=1"],
            output: "r: 0 40008"),
        Row(name: "20 MiB template",
            files: { ["templates/big.yaml": "#" + String(repeating: "x", count: 20 << 20) + "\n"] },
            error: #"chart file "big.yaml" is larger than the maximum file size 5242880"#),
    ]

    @Test(arguments: rows)
    func endsLikeHelm(_ row: Row) throws {
        var files = row.files()
        if files["Chart.yaml"] == nil { files["Chart.yaml"] = CLI.chartYAML() }
        let chart = try CLI.chart(files)
        defer { try? FileManager.default.removeItem(atPath: (chart as NSString).deletingLastPathComponent) }
        let outcome = try CLI.render([chart] + row.arguments)
        if let error = row.error {
            #expect(outcome.exitCode == 1)
            #expect(outcome.stderr.contains(error), "\(outcome.stderr.prefix(500))")
        } else {
            #expect(outcome.exitCode == 0, "\(outcome.stderr.prefix(500))")
            #expect(outcome.stdout.contains(row.output ?? ""), "\(outcome.stdout.prefix(500))")
        }
    }
}
