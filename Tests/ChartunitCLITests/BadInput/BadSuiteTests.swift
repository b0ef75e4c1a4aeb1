import Testing

/// Broken suite files: each is reported as that suite's error, with its
/// file and line, while every other suite of the chart (here `a` before it
/// and `z` after it) still runs and is counted, and the run exits 1.
@Suite struct BadSuiteTests {
    /// A case with a broken `tests/m_test.yaml` between two passing suites.
    static func broken(_ name: String, _ suite: some CaseFileConvertible, strict: Bool = false, extra: [String: CaseFile] = [:],
                       counts: String = "Test Suites: 1 failed, 1 errored, 2 passed, 3 total",
                       _ fragments: [String]) -> BadInputCase {
        var files = extra
        files["c/tests/m_test.yaml"] = suite.caseFile
        files["c/tests/z_test.yaml"] = BadInputCase.passingSuite("z")
        return BadInputCase(name: name, files: files, arguments: ["test"] + (strict ? ["--strict"] : []) + ["$D/c"], status: 1,
                            fragments: [" PASS  a\t$D/c/tests/a_test.yaml", " PASS  z\t$D/c/tests/z_test.yaml", counts]
                                + fragments)
    }

    /// A case whose broken suite fails one test job rather than the suite.
    static func failingJob(_ name: String, _ suite: some CaseFileConvertible, _ fragments: [String]) -> BadInputCase {
        broken(name, suite, counts: "Test Suites: 1 failed, 2 passed, 3 total", fragments)
    }

    static let suiteTests: [BadInputCase] = [
        broken("unclosed flow sequence", "suite: m\ntests:\n  - it: [unclosed\n",
               [" FAIL  \t$D/c/tests/m_test.yaml", "- Execution Error: ", "yaml: line 2: did not find expected ',' or ']'",
                "at $D/c/tests/m_test.yaml:4:1", "while parsing a flow sequence at $D/c/tests/m_test.yaml:3:9"]),
        broken("invalid UTF-8", CaseFile(bytes: Array("suite: m\ntests:\n  - it: \"".utf8) + [0xFE, 0x22, 0x0A]),
               ["yaml: invalid leading UTF-8 octet", "at $D/c/tests/m_test.yaml:3:10"]),
        broken("overlong UTF-8", CaseFile(bytes: Array("suite: \"".utf8) + [0xC0, 0x80, 0x22, 0x0A]),
               ["yaml: invalid length of a UTF-8 sequence", "at $D/c/tests/m_test.yaml:1:9"]),
        broken("UTF-8 surrogate", CaseFile(bytes: Array("suite: \"".utf8) + [0xED, 0xA0, 0x80, 0x22, 0x0A]),
               ["yaml: invalid Unicode character", "at $D/c/tests/m_test.yaml:1:9"]),
        broken("UTF-8 beyond U+10FFFF", CaseFile(bytes: Array("suite: \"".utf8) + [0xF4, 0x90, 0x80, 0x80, 0x22, 0x0A]),
               ["yaml: invalid Unicode character"]),
        broken("UTF-8 cut at the end", CaseFile(bytes: Array("suite: x".utf8) + [0xE2, 0x82]),
               ["yaml: incomplete UTF-8 octet sequence", "at $D/c/tests/m_test.yaml:1:9"]),
        broken("Latin-1 in a comment", CaseFile(bytes: Array("# caf".utf8) + [0xE9] + Array("\nsuite: x\n".utf8)),
               ["yaml: invalid trailing UTF-8 octet", "at $D/c/tests/m_test.yaml:1:7"]),
        broken("NUL byte", CaseFile(bytes: Array("suite: a".utf8) + [0x00] + Array("b\n".utf8)),
               ["yaml: control characters are not allowed", "at $D/c/tests/m_test.yaml:1:9"]),
        broken("control character", CaseFile(bytes: Array("suite: m".utf8) + [0x01, 0x0A]),
               ["yaml: control characters are not allowed", "at $D/c/tests/m_test.yaml:1:9"]),
        broken("tab indentation", "suite: m\ntests:\n\t- it: x\n",
               ["yaml: line 3: found character that cannot start any token", "$D/c/tests/m_test.yaml:3:1"]),
        broken("unknown assertion", "suite: m\ntests:\n  - it: x\n    asserts:\n      - isAwesome: {}\n",
               ["Assertion type `isAwesome` is invalid", "at $D/c/tests/m_test.yaml:5:9"]),
        broken("assertion without a type", "suite: m\ntests:\n  - it: x\n    asserts:\n      - template: a.yaml\n",
               ["no assertion type defined", "$D/c/tests/m_test.yaml:5:"]),
        broken("two assertion types", "tests:\n  - it: x\n    asserts:\n      - equal: {path: a, value: 1}\n        exists: {path: a}\n",
               ["assertion type `equal` and `exists` is declared duplicately", "$D/c/tests/m_test.yaml:5:9"]),
        broken("assertion that is not a map", "tests:\n  - it: x\n    asserts:\n      - equal\n",
               ["$D/c/tests/m_test.yaml:4:"]),
        broken("assertion parameters of the wrong type", "tests:\n  - it: x\n    asserts:\n      - equal: 3\n",
               ["'' expected a map, got 'int'", "$D/c/tests/m_test.yaml:4:"]),
        broken("count that is not a number", "tests:\n  - it: x\n    asserts:\n      - contains: {path: a, count: many}\n",
               ["'Count' expected type 'int', got unconvertible type 'string', value: 'many'"]),
        broken("templates of the wrong type", "suite: m\ntemplates: {a: 1}\ntests:\n  - it: x\n    asserts:\n      - exists: {path: a}\n",
               ["yaml: unmarshal errors:\n  line 2: cannot unmarshal !!map into []string", "$D/c/tests/m_test.yaml:2:"]),
        broken("suite name of the wrong type", "suite: [a]\ntests: []\n",
               ["yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string", "$D/c/tests/m_test.yaml:1:"]),
        broken("tests that are not a list", "suite: m\ntests: {it: x}\n",
               ["cannot unmarshal !!map into []*unittest.TestJob", "$D/c/tests/m_test.yaml:2:"]),
        broken("documentIndex that is not a number", "tests:\n  - it: x\n    documentIndex: first\n    asserts:\n      - exists: {path: a}\n",
               ["cannot unmarshal !!str `first` into int", "$D/c/tests/m_test.yaml:3:"]),
        broken("no tests", "suite: m\ntests: []\n", ["no tests found", "$D/c/tests/m_test.yaml"]),
        broken("a test without asserts", "suite: m\ntests:\n  - it: x\n", ["no asserts found", "$D/c/tests/m_test.yaml"]),
        broken("duplicate key", "suite: m\nsuite: n\n",
               [#"line 2: mapping key "suite" already defined at line 1"#, "$D/c/tests/m_test.yaml:2:"]),
        broken("strict: unknown suite key", "suite: m\nbogus: 1\ntests:\n  - it: x\n    asserts:\n      - exists: {path: a}\n", strict: true,
               ["yaml: unmarshal errors:\n  line 2: field bogus not found in type unittest.TestSuite", "$D/c/tests/m_test.yaml:2:"]),
        broken("strict: unknown test key", "tests:\n  - it: x\n    nope: 1\n    asserts:\n      - exists: {path: a}\n", strict: true,
               ["line 3: field nope not found in type unittest.TestJob", "$D/c/tests/m_test.yaml:3:"]),
        broken("alias bomb", aliasBomb + "tests:\n  - it: x\n    set:\n      big: *i\n    asserts:\n      - exists: {path: a}\n",
               ["yaml: document contains excessive aliasing", "$D/c/tests/m_test.yaml"]),
        broken("unknown alias", "suite: *nowhere\n", [#"yaml: unknown anchor 'nowhere' referenced"#, "$D/c/tests/m_test.yaml:1:"]),
        // helm-unittest's retry after an unknown escape skips the "no tests" check: the
        // suite is skipped, yet its chart fails, as the summary says.
        BadInputCase(name: "unknown escape in a suite without tests",
                     files: ["c/tests/m_test.yaml": "suite: \"a\\qb\"\ntests: []\n"], arguments: ["test", "$D/c"], status: 1,
                     fragments: [" SKIP  a\\qb\t$D/c/tests/m_test.yaml", "Charts:      1 failed, 0 passed, 1 total"]),
        broken("document selector without a path", "tests:\n  - it: x\n    asserts:\n      - equal: {path: a, value: 1}\n"
                   + "        documentSelector: {value: 1}\n",
               ["empty 'documentSelector.path' not supported"]),
        broken("second document broken", "suite: m1\ntemplates: [cm.yaml]\ntests:\n  - it: w\n    asserts:\n      - isKind: {of: ConfigMap}\n"
                   + "---\nsuite: m2\ntests:\n  - it: [x\n",
               counts: "Test Suites: 1 failed, 1 errored, 3 passed, 4 total",
               [" PASS  m1\t$D/c/tests/m_test.yaml", "yaml: line 2: did not find expected ',' or ']'",
                "at $D/c/tests/m_test.yaml:11:1", "while parsing a flow sequence at $D/c/tests/m_test.yaml:10:9"]),
        failingJob("bad path in an assertion", "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: reads\n    asserts:\n"
                       + "      - equal: {path: \"metadata[\", value: 1}\n",
                   [" FAIL  m\t$D/c/tests/m_test.yaml", "- reads"]),
        failingJob("missing values file of a test", "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: reads\n    values: [nope.yaml]\n"
                       + "    asserts:\n      - exists: {path: a}\n",
                   [" FAIL  m\t$D/c/tests/m_test.yaml", "Error: open $D/c/tests/nope.yaml: no such file or directory"]),
        failingJob("values file of a test with a syntax error", "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: reads\n"
                       + "    values: [v.yaml]\n    asserts:\n      - exists: {path: a}\n",
                   [" FAIL  m\t", "failed to parse v.yaml: yaml: line 1: did not find expected ',' or ']'", "at $D/c/tests/v.yaml:2:1"])
            .with(files: ["c/tests/v.yaml": "a: [1\n"]),
        failingJob("set with a huge index", "suite: m\ntemplates: [cm.yaml]\ntests:\n  - it: sets\n    set:\n      \"a[99999999]\": 1\n"
                       + "    asserts:\n      - exists: {path: a}\n",
                   [" FAIL  m\t", "- sets"]),
        failingJob("template that is not in the chart", "suite: m\ntemplates: [nope.yaml]\ntests:\n  - it: finds\n    asserts:\n"
                       + "      - exists: {path: a}\n",
                   [" FAIL  m\t", #"template "c/templates/nope.yaml" not exists or not selected in test suite"#]),
        failingJob("invalid release name", "suite: m\ntemplates: [cm.yaml]\nrelease: {name: NOT_VALID}\ntests:\n  - it: names\n"
                       + "    asserts:\n      - exists: {path: a}\n",
                   [" FAIL  m\t", "invalid release name, must match regex"]),
    ]

    /// A YAML document whose aliases expand to billions of nodes.
    static let aliasBomb = """
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

        """

    @Test(arguments: suiteTests)
    func failsAlone(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }

    /// Broken suites elsewhere: in a subchart, in another chart.
    static let elsewhere: [BadInputCase] = [
        BadInputCase(name: "broken suite in a subchart", files: [
            "c/charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
            "c/charts/sub/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub\n",
            "c/charts/sub/tests/b_test.yaml": "suite: b\ntests:\n  - it: x\n    asserts:\n      - isAwesome: {}\n",
            "c/charts/sub/tests/c_test.yaml": BadInputCase.passingSuite("c"),
        ], arguments: ["test", "$D/c"], status: 1, fragments: [
            " PASS  a\t$D/c/tests/a_test.yaml", " FAIL  \t$D/c/charts/sub/tests/b_test.yaml",
            "Assertion type `isAwesome` is invalid", "at $D/c/charts/sub/tests/b_test.yaml:5:9",
            " PASS  c\t$D/c/charts/sub/tests/c_test.yaml", "Test Suites: 1 failed, 1 errored, 2 passed, 3 total",
        ]),
        BadInputCase(name: "broken suite in another chart", files: [
            "d/Chart.yaml": "apiVersion: v2\nname: d\nversion: 0.1.0\n",
            "d/tests/x_test.yaml": "suite: [\n",
        ], arguments: ["test", "$D/d", "$D/c"], status: 1, fragments: [
            "### Chart [ d ] $D/d", " FAIL  \t$D/d/tests/x_test.yaml", "### Chart [ c ] $D/c", " PASS  a\t$D/c/tests/a_test.yaml",
            "Charts:      1 failed, 1 passed, 2 total",
        ]),
        BadInputCase(name: "broken chart among others", files: [
            "d/Chart.yaml": "apiVersion: v2\nname: [d\n",
            "d/tests/x_test.yaml": BadInputCase.passingSuite("x"),
        ], arguments: ["test", "$D/d", "$D/c"], status: 1, fragments: [
            "### Error:  cannot load Chart.yaml: error converting YAML to JSON: yaml: line 2", "at $D/d/Chart.yaml:",
            " PASS  a\t$D/c/tests/a_test.yaml", "Charts:      1 failed, 1 errored, 1 passed, 2 total",
        ]),
        BadInputCase(name: "fail-fast stops at a broken suite", files: [
            "c/tests/m_test.yaml": "suite: [\n",
            "c/tests/z_test.yaml": BadInputCase.passingSuite("z"),
        ], arguments: ["test", "-q", "$D/c"], status: 1, fragments: [
            " PASS  a\t", " FAIL  \t$D/c/tests/m_test.yaml", "Test Suites: 1 failed, 1 errored, 1 passed, 2 total",
        ], absent: [" PASS  z"]),
    ]

    @Test(arguments: elsewhere)
    func othersStillRun(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}

extension BadInputCase {
    /// The case with more files.
    func with(files more: [String: CaseFile]) -> BadInputCase {
        var copy = self
        for (path, file) in more { copy.files[path] = file }
        return copy
    }
}
