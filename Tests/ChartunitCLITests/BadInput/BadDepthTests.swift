import Testing

/// Runaway depth in every input `chartunit test` reads: 100000 levels of
/// YAML nesting in a suite, a snapshot, a `-v` file, values.yaml,
/// Chart.yaml, a rendered manifest and `fromYaml`/`fromJson`, and
/// templates, includes and `tpl` calling themselves. Each ends in the Go
/// text helm-unittest 1.1.0 prints for the same input (go-yaml's
/// `exceeded max depth of 10000`, Go's `exceeded maximum template depth`),
/// named at its file, line and column, and only the affected suite, test or
/// chart fails: the suites around it still run.
@Suite struct BadDepthTests {
    static let deepFlow = String(repeating: "[", count: 100_000)

    /// A suite `m` testing `templates/t.yaml` (holding `body`) with
    /// `assertion`, between the passing suites `a` and `z`.
    static func job(_ name: String, _ body: String, assertion: String = "notFailedTemplate: {}",
                    counts: String = "Tests:       1 failed, 1 errored, 2 passed, 3 total", _ fragments: [String]) -> BadInputCase {
        BadInputCase(name: name,
                     files: ["c/templates/t.yaml": CaseFile(text: body),
                             "c/tests/m_test.yaml": CaseFile(text: "suite: m\ntemplates: [t.yaml]\ntests:\n  - it: x\n    asserts:\n      - \(assertion)\n"),
                             "c/tests/z_test.yaml": BadInputCase.passingSuite("z")],
                     arguments: ["test", "$D/c"], status: 1,
                     fragments: [" PASS  a\t$D/c/tests/a_test.yaml", " FAIL  m\t$D/c/tests/m_test.yaml",
                                 " PASS  z\t$D/c/tests/z_test.yaml", counts] + fragments)
    }

    static let cases: [BadInputCase] = [
        BadSuiteTests.broken("suite nested 100000 deep in flow style",
                             "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: x\n    set:\n      a: \(deepFlow)\n",
                             [" FAIL  \t$D/c/tests/m_test.yaml", "yaml: line 6: exceeded max depth of 10000",
                              "at $D/c/tests/m_test.yaml:6:10010", "while increasing flow level at $D/c/tests/m_test.yaml:6:10010"]),
        BadSuiteTests.broken("suite nested 100000 deep in block style",
                             "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: x\n    set:\n      a:\n        "
                                 + String(repeating: "- ", count: 100_000) + "y\n",
                             // go-yaml names the line of the mapping key; the place is where it stopped.
                             ["yaml: line 6: exceeded max depth of 10000", "at $D/c/tests/m_test.yaml:7:20001",
                              "while increasing indent level at $D/c/tests/m_test.yaml:6:7"]),
        BadInputCase(name: "snapshot nested 100000 deep, kept under -u",
                     files: ["c/tests/s_test.yaml": "suite: s\ntemplates: [cm.yaml]\ntests:\n  - it: works\n    asserts:\n      - matchSnapshot: {}\n",
                             "c/tests/__snapshot__/s_test.yaml.snap": CaseFile(text: "works:\n  1: \(deepFlow)\n"),
                             "c/tests/z_test.yaml": BadInputCase.passingSuite("z")],
                     arguments: ["test", "-u", "$D/c"], status: 1,
                     fragments: [" PASS  a\t$D/c/tests/a_test.yaml", " FAIL  \t$D/c/tests/s_test.yaml", " PASS  z\t$D/c/tests/z_test.yaml",
                                 "yaml: line 2: exceeded max depth of 10000",
                                 "at $D/c/tests/__snapshot__/s_test.yaml.snap:2:10006",
                                 "Test Suites: 1 failed, 1 errored, 2 passed, 3 total"],
                     keeps: ["c/tests/__snapshot__/s_test.yaml.snap": CaseFile(text: "works:\n  1: \(deepFlow)\n")]),
        BadInputCase(name: "-v file nested 100000 deep",
                     files: ["deep.yaml": CaseFile(text: "a: \(deepFlow)\n")], arguments: ["test", "-v", "$D/deep.yaml", "$D/c"], status: 1,
                     fragments: [#"Error: invalid argument "$D/deep.yaml" for "-v, --values" flag: yaml: exceeded max depth of 10000"#,
                                 "at $D/deep.yaml:1:10004"],
                     absent: ["PASS"]),
        BadInputCase(name: "values.yaml nested 100000 deep",
                     files: ["c/values.yaml": CaseFile(text: "a: \(deepFlow)\n"), "d/Chart.yaml": "apiVersion: v2\nname: d\nversion: 0.1.0\n",
                             "d/templates/cm.yaml": "kind: ConfigMap\n", "d/tests/d_test.yaml": BadInputCase.passingSuite("d")],
                     arguments: ["test", "$D/c", "$D/d"], status: 1,
                     fragments: ["cannot load values.yaml: error converting YAML to JSON: yaml: exceeded max depth of 10000",
                                 "at $D/c/values.yaml:1:10004", " PASS  d\t$D/d/tests/d_test.yaml",
                                 "Charts:      1 failed, 1 errored, 1 passed, 2 total"]),
        BadInputCase(name: "Chart.yaml nested 100000 deep",
                     files: ["c/Chart.yaml": CaseFile(text: "apiVersion: v2\nname: c\nversion: 0.1.0\nx: \(deepFlow)\n")],
                     arguments: ["test", "$D/c"], status: 1,
                     fragments: ["cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: exceeded max depth of 10000",
                                 "at $D/c/Chart.yaml:4:10004", "Charts:      1 failed, 1 errored, 0 passed, 1 total"]),
        job("rendered manifest nested 100000 deep", "a: {{ repeat 100000 \"[\" }}\n",
            ["Error: yaml: exceeded max depth of 10000", "at c/templates/t.yaml:1:10004"]),
        job("fromYaml and fromJson of 100000 levels",
            "a: {{ (fromYaml (repeat 100000 \"[\")).Error | quote }}\nb: {{ (fromJson (repeat 100000 \"[\")).Error | quote }}\n",
            assertion: "equal: {path: a, value: x}", counts: "Tests:       1 failed, 2 passed, 3 total",
            ["'error converting YAML to JSON: yaml: exceeded max depth of 10000'"]),
        job("template calling itself", #"{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}"#,
            [#"Error: template: c/templates/t.yaml:1:25: executing "a" at <{{template "a" .}}>: exceeded maximum template depth (100000)"#]),
        job("include calling itself", #"{{define "b"}}{{include "b" .}}{{end}}{{include "b" .}}"#,
            [#"Error: template: c/templates/t.yaml:1:40: executing "c/templates/t.yaml" at <include "b" .>: error calling include: "#,
             #"called from c/templates/t.yaml:1:17 (executing "b" at <include "b" .>)"#, "(the line above 999 more times)"]),
        // helm-unittest, as Helm, dies of Go's stack overflow here, taking every suite with it.
        job("tpl calling itself", "{{ tpl .Values.x . }}\n",
            ["Error: runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"])
            .with(file: "c/values.yaml", "name: x\nx: \"{{ tpl .Values.x . }}\"\n"),
    ]

    @Test(arguments: cases)
    func endsInGoText(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}

extension BadInputCase {
    /// The case with `path` holding `text`.
    func with(file path: String, _ text: String) -> BadInputCase {
        var copy = self
        copy.files[path] = CaseFile(text: text)
        return copy
    }
}
