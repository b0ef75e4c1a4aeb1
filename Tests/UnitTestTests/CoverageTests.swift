import Foundation
import Testing
@testable import UnitTest

/// Template coverage counted by the executor, end to end: a chart whose
/// `templates/t.yaml` is the case's template (helpers in `_helpers.tpl`),
/// run by one suite whose tests set the case's values; the expected line
/// hits and branch arms are written by hand.
@Suite struct CoverageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var template: String
        var helpers: String = ""
        /// More chart files (`charts/sub/...`).
        var files: [String: String] = [:]
        /// One test per entry: its `set:` values as YAML flow maps.
        var runs: [String] = ["{}"]
        /// Coverable lines of t.yaml → hits.
        var lines: [Int: Int]
        /// Arms of t.yaml: "line:label" → hits (only the ones listed are checked).
        var arms: [String: Int] = [:]
        /// Defines of any file: name → hits.
        var defines: [String: Int] = [:]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain text", template: "a: 1\nb: 2\n", lines: [1: 1, 2: 1]),
        Case(name: "text counted per run", template: "a: 1\n", runs: ["{}", "{}", "{}"], lines: [1: 3]),
        Case(name: "blank lines not coverable", template: "a: 1\n\n  \nb: 2\n", lines: [1: 1, 4: 1]),
        Case(name: "action", template: "a: {{ .Values.x }}\n", runs: ["{x: 1}"], lines: [1: 1]),
        Case(name: "if true", template: "{{ if .Values.on }}\non: yes\n{{ end }}\n", runs: ["{on: true}"],
             lines: [1: 1, 2: 1], arms: ["1:if true": 1, "1:if false (no else)": 0]),
        Case(name: "if false skips its body", template: "{{ if .Values.on }}\non: yes\n{{ end }}\nx: 1\n", runs: ["{on: false}"],
             lines: [1: 1, 2: 0, 4: 1], arms: ["1:if true": 0, "1:if false (no else)": 1]),
        Case(name: "if else", template: "{{ if .Values.on }}\na: 1\n{{ else }}\nb: 2\n{{ end }}\n",
             runs: ["{on: true}", "{on: false}", "{on: false}"],
             lines: [1: 3, 2: 1, 4: 2], arms: ["1:if true": 1, "1:else": 2]),
        Case(name: "else if chain", template: "{{ if eq .Values.n \"1\" }}\none\n{{ else if eq .Values.n \"2\" }}\ntwo\n{{ else }}\nmany\n{{ end }}\n",
             runs: ["{n: \"1\"}", "{n: \"2\"}", "{n: \"3\"}", "{n: \"3\"}"],
             lines: [1: 4, 2: 1, 3: 3, 4: 1, 6: 2], arms: ["1:if true": 1, "1:else": 3, "3:if true": 1, "3:else": 2]),
        Case(name: "with", template: "{{ with .Values.x }}\nx: {{ . }}\n{{ end }}\n", runs: ["{x: 1}", "{}"],
             lines: [1: 2, 2: 1], arms: ["1:with set": 1, "1:with empty (no else)": 1]),
        Case(name: "with else", template: "{{ with .Values.x }}\nx: 1\n{{ else }}\ny: 2\n{{ end }}\n", runs: ["{}"],
             lines: [1: 1, 2: 0, 4: 1], arms: ["1:with set": 0, "1:else": 1]),
        Case(name: "range body runs per item", template: "{{ range .Values.l }}\n- {{ . }}\n{{ end }}\n", runs: ["{l: [a, b, c]}"],
             lines: [1: 1, 2: 3], arms: ["1:range body": 1, "1:range empty": 0]),
        Case(name: "range empty", template: "{{ range .Values.l }}\n- {{ . }}\n{{ end }}\n", runs: ["{l: []}"],
             lines: [1: 1, 2: 0], arms: ["1:range body": 0, "1:range empty": 1]),
        Case(name: "range else", template: "{{ range .Values.l }}\n- x\n{{ else }}\nnone\n{{ end }}\n", runs: ["{l: []}", "{l: [1]}"],
             lines: [1: 2, 2: 1, 4: 1], arms: ["1:range body": 1, "1:range else": 1]),
        Case(name: "and short-circuits", template: "{{ if and .Values.a .Values.b }}\nx: 1\n{{ end }}\n",
             runs: ["{a: false}", "{a: true, b: true}"],
             lines: [1: 2, 2: 1], arms: ["1:and returns operand 1": 1, "1:and returns operand 2": 1]),
        Case(name: "or", template: "{{ or .Values.a .Values.b .Values.c }}\n", runs: ["{a: 1}", "{c: 1}"],
             lines: [1: 2], arms: ["1:or returns operand 1": 1, "1:or returns operand 2": 0, "1:or returns operand 3": 1]),
        Case(name: "default", template: "x: {{ .Values.x | default 5 }}\n", runs: ["{}", "{x: 1}", "{x: 2}"],
             lines: [1: 3], arms: ["1:default used": 1, "1:value used": 2]),
        Case(name: "ternary", template: "x: {{ ternary 1 2 .Values.on }}\n", runs: ["{on: true}"],
             lines: [1: 1], arms: ["1:true": 1, "1:false": 0]),
        Case(name: "coalesce", template: "x: {{ coalesce .Values.a .Values.b }}\n", runs: ["{b: 1}", "{}"],
             lines: [1: 2], arms: ["1:argument 1": 0, "1:argument 2": 1, "1:none": 1]),
        Case(name: "include counts the define", template: "x: {{ include \"h\" . }}\n",
             helpers: "{{- define \"h\" -}}\nhelped\n{{- end -}}\n{{- define \"unused\" -}}\nno\n{{- end -}}\n",
             runs: ["{}", "{}"], lines: [1: 2], defines: ["h": 2, "unused": 0]),
        Case(name: "template action counts the define", template: "{{ template \"h\" . }}\n",
             helpers: "{{- define \"h\" -}}\nhelped\n{{- end -}}\n", lines: [1: 1], defines: ["h": 1]),
        Case(name: "multi-line text in a skipped block", template: "{{ if .Values.on }}\na: 1\nb: 2\n\nc: 3\n{{ end }}\n",
             lines: [1: 1, 2: 0, 3: 0, 5: 0], arms: ["1:if true": 0]),
        Case(name: "tpl text is not counted", template: "x: {{ tpl \"{{ if true }}y{{ end }}\" . }}\n", lines: [1: 1]),
        Case(name: "failing job counts what ran", template: "a: 1\n{{ fail \"no\" }}\nb: 2\n", lines: [1: 1, 2: 1, 3: 0]),
        Case(name: "nested defines", template: "x: {{ include \"a\" . }}\n",
             helpers: "{{- define \"a\" -}}\n{{ include \"b\" . }}\n{{- end -}}\n{{- define \"b\" -}}\nb\n{{- end -}}\n",
             runs: ["{}", "{}"], lines: [1: 2], defines: ["a": 2, "b": 2]),
        Case(name: "recursive define", template: "x: {{ include \"r\" 3 }}\n",
             helpers: "{{- define \"r\" -}}\n{{ if gt . 0 }}{{ include \"r\" (sub . 1) }}{{ end }}\n{{- end -}}\n",
             lines: [1: 1], defines: ["r": 4]),
        Case(name: "block is a define", template: "{{ block \"b\" . }}x: 1{{ end }}\n", lines: [1: 1], defines: ["b": 1]),
        Case(name: "define called from tpl counts", template: "x: {{ tpl \"{{ include \\\"h\\\" . }}\" . }}\n",
             helpers: "{{- define \"h\" -}}\nh\n{{- end -}}\n", lines: [1: 1], defines: ["h": 1]),
        Case(name: "range over a map", template: "{{ range $k, $v := .Values.m }}\n{{ $k }}: {{ $v }}\n{{ end }}\n",
             runs: ["{m: {a: 1, b: 2}}"], lines: [1: 1, 2: 2], arms: ["1:range body": 1, "1:range empty": 0]),
        Case(name: "range with break", template: "{{ range .Values.l }}\n{{ if eq . \"b\" }}{{ break }}{{ end }}\n- {{ . }}\n{{ end }}\n",
             runs: ["{l: [a, b, c]}"], lines: [1: 1, 2: 2, 3: 1], arms: ["2:if true": 1, "2:if false (no else)": 1]),
        Case(name: "if inside range counts per item", template: "{{ range .Values.l }}\n{{ if . }}\nyes\n{{ end }}\n{{ end }}\n",
             runs: ["{l: [true, false, true]}"], lines: [1: 1, 2: 3, 3: 2], arms: ["2:if true": 2, "2:if false (no else)": 1]),
        Case(name: "else with", template: "{{ with .Values.a }}\na\n{{ else with .Values.b }}\nb\n{{ else }}\nnone\n{{ end }}\n",
             runs: ["{a: 1}", "{b: 1}", "{}"], lines: [1: 3, 2: 1, 3: 2, 4: 1, 6: 1],
             arms: ["1:with set": 1, "1:else": 2, "3:with set": 1, "3:else": 1]),
        Case(name: "piped and counts the piped operand", template: "{{ .Values.b | and .Values.a }}\n", runs: ["{a: 1, b: 2}", "{}"],
             lines: [1: 2], arms: ["1:and returns operand 1": 1, "1:and returns operand 2": 1]),
        Case(name: "piped default of a missing value", template: "x: {{ .Values.missing | default \"d\" }}\n", lines: [1: 1],
             arms: ["1:default used": 1, "1:value used": 0]),
        Case(name: "coalesce of three", template: "x: {{ coalesce .Values.a .Values.b .Values.c }}\n", runs: ["{c: 1}", "{a: 1}"],
             lines: [1: 2], arms: ["1:argument 1": 1, "1:argument 2": 0, "1:argument 3": 1, "1:none": 0]),
        Case(name: "comments are not coverable", template: "{{/* a comment */}}\nx: 1\n", lines: [2: 1]),
        Case(name: "multi-line action counts its first line", template: "x: {{ printf \"%s\"\n  \"a\" }}\n", lines: [1: 1]),
        Case(name: "trimmed markers", template: "{{- if .Values.on -}}\nx: 1\n{{- end -}}\n", runs: ["{on: true}", "{on: false}"],
             lines: [1: 2, 2: 1], arms: ["1:if true": 1, "1:if false (no else)": 1]),
        Case(name: "else if without else", template: "{{ if .Values.a }}\na\n{{ else if .Values.b }}\nb\n{{ end }}\n", runs: ["{}"],
             lines: [1: 1, 2: 0, 3: 1, 4: 0], arms: ["1:else": 1, "3:if false (no else)": 1]),
        Case(name: "subchart helper from the parent", template: "x: {{ include \"sub.name\" . }}\n",
             files: ["charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
                     "charts/sub/templates/_helpers.tpl": "{{- define \"sub.name\" -}}\nsub\n{{- end -}}\n{{- define \"sub.unused\" -}}\n{{- end -}}\n"],
             lines: [1: 1], defines: ["sub.name": 1, "sub.unused": 0]),
        Case(name: "an action that fails counts, what follows does not",
             template: "x: {{ .Values.nope }}\ny: {{ .Values.nope.deeper }}\nz: 1\n", lines: [1: 1, 2: 1, 3: 0]),
    ]

    @Test(arguments: cases)
    func countsAsWritten(_ c: Case) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = dir.appendingPathComponent("c")
        var files = [
            "Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
            "templates/t.yaml": c.template,
            "tests/t_test.yaml": "suite: s\ntemplates: [t.yaml]\ntests:\n" + c.runs.enumerated().map { i, set in
                "  - it: run \(i)\n    set: \(set)\n    asserts:\n      - notFailedTemplate: {}\n"
            }.joined(),
        ]
        if !c.helpers.isEmpty { files["templates/_helpers.tpl"] = c.helpers }
        files.merge(c.files) { _, new in new }
        for (path, text) in files {
            let url = chart.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = TestRunOptions()
        options.coverage = true
        let run = await TestRunner(renderer: HelmChartRenderer(), options: options).run(chartPaths: [chart.path])
        let coverage = run.coverage
        let t = try #require(coverage.files.first { $0.name == "c/templates/t.yaml" })
        #expect(Dictionary(uniqueKeysWithValues: t.lines.map { ($0.line, $0.hits) }) == c.lines)
        let arms = Dictionary(t.branches.map { ("\($0.line):\($0.label)", $0.hits) }, uniquingKeysWith: +)
        for (key, hits) in c.arms { #expect(arms[key] == hits, "\(key) in \(arms)") }
        if !c.defines.isEmpty {
            let defines = Dictionary(coverage.files.flatMap(\.defines).map { ($0.name, $0.hits) }, uniquingKeysWith: +)
            #expect(defines == c.defines)
        }
    }

    @Test func sameReportForAnyJobCount() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = dir.appendingPathComponent("c")
        var files = ["Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
                     "templates/_h.tpl": "{{ define \"h\" }}{{ if .on }}on{{ else }}off{{ end }}{{ end }}\n"]
        for i in 0..<6 {
            files["templates/t\(i).yaml"] = "x: {{ include \"h\" .Values }}\n{{ range .Values.l }}- {{ . }}\n{{ end }}\n"
            files["tests/t\(i)_test.yaml"] = "suite: s\(i)\ntemplates: [t\(i).yaml]\ntests:\n  - it: a\n    set: {on: \(i % 2 == 0), l: [\(i)]}\n    asserts:\n      - notFailedTemplate: {}\n"
        }
        for (path, text) in files {
            let url = chart.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var reports: [RunCoverage] = []
        for jobs in [1, 4] {
            var options = TestRunOptions(jobs: jobs)
            options.coverage = true
            reports.append(await TestRunner(renderer: HelmChartRenderer(), options: options).run(chartPaths: [chart.path]).coverage)
        }
        for (a, b) in zip(reports[0].files, reports[1].files) where a != b {
            #expect(a.lines == b.lines, "\(a.name)")
            #expect(a.branches == b.branches, "\(a.name)")
            #expect(a.defines == b.defines, "\(a.name)")
            #expect(a.selected == b.selected && a.sourcePath == b.sourcePath && a.chartPath == b.chartPath, "\(a.name)")
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0].files.count == 7)
    }
}

/// Which files a coverage report covers.
@Suite struct CoverageFilterTests {
    @Test(arguments: [
        // include, exclude, path, from an archive, kept
        ([], [], "templates/x.yaml", false, true),
        ([], [], "charts/sub/templates/x.yaml", true, false),
        (["charts/sub/**"], [], "charts/sub/templates/x.yaml", true, true),
        (["templates/**"], [], "charts/sub/templates/x.yaml", false, false),
        (["templates/*.yaml"], [], "templates/x.yaml", false, true),
        (["templates/*.yaml"], [], "templates/_h.tpl", false, false),
        ([], ["**/_*.tpl"], "templates/_h.tpl", false, false),
        ([], ["**/_*.tpl"], "charts/a/templates/_h.tpl", false, false),
        ([], ["templates/{a,b}.yaml"], "templates/b.yaml", false, false),
        ([], ["templates/{a,b}.yaml"], "templates/c.yaml", false, true),
    ] as [([String], [String], String, Bool, Bool)])
    func keeps(_ include: [String], _ exclude: [String], _ path: String, _ archived: Bool, _ kept: Bool) {
        #expect(CoverageFilter(include: include, exclude: exclude).keeps(path, fromArchive: archived) == kept)
    }
}
