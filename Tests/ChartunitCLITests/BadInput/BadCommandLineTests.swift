import Testing

/// Command-line mistakes: every one is a non-zero exit with a message that
/// names what is wrong — never a green run.
@Suite struct BadCommandLineTests {
    static let testCases: [BadInputCase] = [
        BadInputCase(name: "no subcommand", arguments: [], status: 1,
                     fragments: ["Error: a subcommand is required", "USAGE: chartunit <subcommand>", "test"]),
        // Help is no mistake: stdout, status 0, the help of the command named.
        BadInputCase(name: "subcommand --help", arguments: ["render", "--help"], status: 0,
                     fragments: ["OVERVIEW: Render a chart's templates like `helm template`", "--helm-version"],
                     absent: ["a subcommand is required"]),
        BadInputCase(name: "help subcommand", arguments: ["help", "test"], status: 0,
                     fragments: ["OVERVIEW: Run helm-unittest test suites against charts.", "--show-kube-carry-over"],
                     absent: ["a subcommand is required"]),
        BadInputCase(name: "--help", arguments: ["--help"], status: 0, fragments: ["USAGE: chartunit <subcommand>"],
                     absent: ["a subcommand is required"]),
        BadInputCase(name: "unknown subcommand", arguments: ["tset", "$D/c"], status: 1,
                     fragments: ["Error: 2 unexpected arguments: 'tset', '$D/c'"]),
        BadInputCase(name: "test without a chart", arguments: ["test"], status: 1,
                     fragments: ["Error: requires at least 1 arg(s), only received 0", "Usage: chartunit test"]),
        BadInputCase(name: "unknown flag", arguments: ["test", "--bogus", "$D/c"], status: 1,
                     fragments: ["Error: Unknown option '--bogus'"]),
        BadInputCase(name: "unknown output type", arguments: ["test", "-t", "Bogus", "$D/c"], status: 1,
                     fragments: [#"invalid argument "Bogus" for "-t, --output-type" flag: must be one of JUnit, NUnit, XUnit, Sonar"#],
                     absent: ["PASS"]),
        BadInputCase(name: "empty output type", arguments: ["test", "-t", "", "-o", "$D/r.xml", "$D/c"], status: 1,
                     fragments: [#"invalid argument "" for "-t, --output-type""#]),
        BadInputCase(name: "output type in any case", arguments: ["test", "-t", "junit", "-o", "$D/r.xml", "$D/c"], status: 0,
                     fragments: [" PASS  a\t$D/c/tests/a_test.yaml"], creates: ["r.xml"]),
        BadInputCase(name: "missing values file", arguments: ["test", "-v", "$D/nope.yaml", "$D/c"], status: 1,
                     fragments: [#"invalid argument "$D/nope.yaml" for "-v, --values" flag: open $D/nope.yaml: no such file or directory"#],
                     absent: ["PASS"]),
        BadInputCase(name: "values glob matching nothing", arguments: ["test", "-v", "$D/no*.yaml", "$D/c"], status: 1,
                     fragments: [#"invalid argument "$D/no*.yaml" for "-v, --values" flag: no file matches the pattern"#]),
        BadInputCase(name: "values glob with a bad class", arguments: ["test", "-v", "$D/[a.yaml", "$D/c"], status: 1,
                     fragments: [#"for "-v, --values" flag: syntax error in pattern"#]),
        BadInputCase(name: "values file with a syntax error", files: ["v.yaml": "a: 1\n  b: : 2\n"],
                     arguments: ["test", "-v", "$D/v.yaml", "$D/c"], status: 1,
                     fragments: ["yaml: line 2: mapping values are not allowed in this context", "at $D/v.yaml:2:"]),
        BadInputCase(name: "values file with invalid UTF-8", files: ["v.yaml": CaseFile(bytes: Array("a: \"".utf8) + [0xFF, 0x22, 0x0A])],
                     arguments: ["test", "-v", "$D/v.yaml", "$D/c"], status: 1,
                     fragments: ["yaml: invalid leading UTF-8 octet", "at $D/v.yaml:1:5"]),
        BadInputCase(name: "values file that is a list", files: ["v.yaml": "- a\n- b\n"],
                     arguments: ["test", "-v", "$D/v.yaml", "$D/c"], status: 1,
                     fragments: ["cannot unmarshal !!seq into map[string]interface {}", "$D/v.yaml:1"]),
        BadInputCase(name: "values file that is a directory", files: ["vdir/x": "a: 1\n"],
                     arguments: ["test", "-v", "$D/vdir", "$D/c"], status: 1,
                     fragments: ["read $D/vdir: is a directory"]),
        BadInputCase(name: "a good values glob applies", files: ["v1.yaml": "name: y\n"],
                     arguments: ["test", "-v", "$D/v*.yaml", "$D/c"], status: 1,
                     fragments: [" FAIL  a\t$D/c/tests/a_test.yaml", "Expected to equal:"]),
        BadInputCase(name: "malformed suite glob", arguments: ["test", "-f", "tests/[", "$D/c"], status: 1,
                     fragments: [#"invalid argument "tests/[" for "-f, --file" flag: syntax error in pattern"#]),
        BadInputCase(name: "unclosed brace in suite glob", arguments: ["test", "-f", "tests/{a,b", "$D/c"], status: 1,
                     fragments: ["syntax error in pattern"]),
        BadInputCase(name: "stray closing brace in suite glob", arguments: ["test", "-f", "tests/a}", "$D/c"], status: 1,
                     fragments: ["syntax error in pattern"]),
        BadInputCase(name: "trailing backslash in suite glob", arguments: ["test", "-f", "tests/a\\", "$D/c"], status: 1,
                     fragments: ["syntax error in pattern"]),
        BadInputCase(name: "suite glob with alternatives", files: ["c/tests/b_test.yaml": BadInputCase.passingSuite("b")],
                     arguments: ["test", "-f", "tests/{a,b}_test.yaml", "$D/c"], status: 0,
                     fragments: [" PASS  a\t", " PASS  b\t", "Test Suites: 2 passed, 2 total"]),
        BadInputCase(name: "suite glob matching nothing", arguments: ["test", "-f", "nothing/*.yaml", "$D/c"], status: 1,
                     fragments: ["no test suites found: nothing/*.yaml matched no file in $D/c"]),
        BadInputCase(name: "chart without a tests directory", remove: ["c/tests/a_test.yaml"],
                     arguments: ["test", "$D/c"], status: 1,
                     fragments: ["no test suites found: tests/*_test.yaml matched no file in $D/c"]),
        BadInputCase(name: "report into a directory", files: ["out/keep": ""],
                     arguments: ["test", "-o", "$D/out", "$D/c"], status: 1,
                     fragments: [#"invalid argument "$D/out" for "-o, --output-file" flag: is a directory"#], absent: ["PASS"]),
        BadInputCase(name: "report into new directories", arguments: ["test", "-t", "JUnit", "-o", "$D/new/deeper/r.xml", "$D/c"],
                     status: 0, fragments: [" PASS  a"], creates: ["new/deeper/r.xml"]),
        BadInputCase(name: "report under a regular file", arguments: ["test", "-o", "$D/c/Chart.yaml/r.xml", "$D/c"], status: 1,
                     fragments: [" PASS  a", "### Error:  mkdir $D/c/Chart.yaml: not a directory"]),
        BadInputCase(name: "missing chart", arguments: ["test", "$D/nope"], status: 1,
                     fragments: ["### Error:  stat $D/nope: no such file or directory", "Charts:      1 failed, 1 errored, 0 passed, 1 total"]),
        BadInputCase(name: "chart argument is Chart.yaml", arguments: ["test", "$D/c/Chart.yaml"], status: 1,
                     fragments: ["file '$D/c/Chart.yaml' seems to be a YAML file, but expected a gzipped archive"]),
        BadInputCase(name: "chart argument is a text file", files: ["notes.txt": "hello\n"], arguments: ["test", "$D/notes.txt"],
                     status: 1, fragments: ["file '$D/notes.txt' does not appear to be a gzipped archive; got 'application/octet-stream'"]),
        BadInputCase(name: "chart argument is a directory without Chart.yaml", files: ["empty/readme": "x\n"],
                     arguments: ["test", "$D/empty"], status: 1, fragments: ["### Error:  Chart.yaml file is missing", "at $D/empty"]),
        BadInputCase(name: "one missing chart among good ones", arguments: ["test", "$D/nope", "$D/c"], status: 1,
                     fragments: ["stat $D/nope: no such file or directory", " PASS  a\t$D/c/tests/a_test.yaml",
                                 "Charts:      1 failed, 1 errored, 1 passed, 2 total"]),
        BadInputCase(name: "zero jobs", arguments: ["test", "-j", "0", "$D/c"], status: 1,
                     fragments: ["Error: --jobs must be at least 1"]),
        BadInputCase(name: "jobs not a number", arguments: ["test", "-j", "x", "$D/c"], status: 1,
                     fragments: ["Error: The value 'x' is invalid for '-j <jobs>'"]),
        BadInputCase(name: "unknown helm version", arguments: ["test", "--helm-version", "5", "$D/c"], status: 1,
                     fragments: ["Error: --helm-version must be 3 or 4"]),
        BadInputCase(name: "boolean flag with a non-boolean value", arguments: ["test", "--with-subchart=maybe", "$D/c"], status: 1,
                     fragments: ["'--with-subchart' does not take any value, but 'maybe' was specified"]),
        BadInputCase(name: "missing chart-tests-path", arguments: ["test", "--chart-tests-path", "nope", "$D/c"], status: 1,
                     fragments: [" PASS  a\t", " FAIL  \t$D/c/nope", "--chart-tests-path: stat $D/c/nope: no such file or directory"]),
        BadInputCase(name: "chart-tests-path without Chart.yaml", files: ["c/suites/x.yaml": "a: 1\n"],
                     arguments: ["test", "--chart-tests-path", "suites", "$D/c"], status: 1,
                     fragments: [" PASS  a\t", "stat $D/c/suites/Chart.yaml: no such file or directory"]),
    ]

    @Test(arguments: testCases)
    func fails(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}

/// `chartunit render` mistakes, with Helm's exact errors and limits.
@Suite struct BadRenderCommandLineTests {
    /// `render --set VALUE` fails with Helm's strvals error.
    static func setError(_ name: String, _ value: String, _ message: String) -> BadInputCase {
        BadInputCase(name: name, arguments: ["render", "$D/c", "--set", value], status: 1,
                     fragments: ["Error: failed parsing --set data: " + message])
    }

    static let testCases: [BadInputCase] = [
        BadInputCase(name: "render without a chart", arguments: ["render"], status: 1,
                     fragments: ["Error: requires at least 1 arg(s), only received 0"]),
        BadInputCase(name: "render with three arguments", arguments: ["render", "a", "b", "c"], status: 1,
                     fragments: ["Error: expected at most two arguments, unexpected arguments: c"]),
        BadInputCase(name: "render a missing chart", arguments: ["render", "$D/nope"], status: 1,
                     fragments: [#"Error: path "$D/nope" not found"#]),
        BadInputCase(name: "render a repository chart", arguments: ["render", "nope"], status: 1,
                     fragments: ["Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nope"]),
        setError("set without a value", "a", #"key "a" has no value"#),
        setError("set a map key without a value", "a.=1", #"key map "a" has no value"#),
        setError("set a huge index", "a[99999999]=1", "index of 99999999 is greater than maximum supported index of 65536"),
        setError("set a negative index", "a[-1]=1", "negative -1 index not allowed"),
        setError("set with data after an index", "a[1]]=2", "unexpected data at end of array index: [']']"),
        setError("second set pair without a value", "a=1,b", #"key "b" has no value"#),
        BadInputCase(name: "set-json with bad JSON", arguments: ["render", "$D/c", "--set-json", "a={"], status: 1,
                     fragments: ["Error: failed parsing --set-json data"]),
        BadInputCase(name: "set-file of a missing file", arguments: ["render", "$D/c", "--set-file", "a=$D/nope.txt"], status: 1,
                     fragments: ["open $D/nope.txt: no such file or directory"]),
        BadInputCase(name: "values file missing", arguments: ["render", "$D/c", "-f", "$D/nope.yaml"], status: 1,
                     fragments: ["Error: open $D/nope.yaml: no such file or directory"]),
        BadInputCase(name: "values file with a syntax error", files: ["v.yaml": "a: [1\n"],
                     arguments: ["render", "$D/c", "-f", "$D/v.yaml", "--locate"], status: 1,
                     fragments: ["Error: failed to parse $D/v.yaml: cannot unmarshal yaml document: error converting YAML to JSON: "
                                    + "yaml: line 1: did not find expected ',' or ']'", "at $D/v.yaml:2:1"]),
        // Without --locate, stderr is exactly Helm's.
        BadInputCase(name: "values file with a syntax error, Helm's text alone", files: ["v.yaml": "a: [1\n"],
                     arguments: ["render", "$D/c", "-f", "$D/v.yaml"], status: 1,
                     fragments: ["Error: failed to parse $D/v.yaml: cannot unmarshal yaml document: error converting YAML to JSON: "
                                    + "yaml: line 1: did not find expected ',' or ']'\n"],
                     absent: ["at $D/v.yaml:2:1"]),
        BadInputCase(name: "values file with invalid UTF-8", files: ["v.yaml": CaseFile(bytes: [0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A])],
                     arguments: ["render", "$D/c", "-f", "$D/v.yaml", "--locate"], status: 1,
                     fragments: ["yaml: invalid", "$D/v.yaml:1:"]),
        BadInputCase(name: "unknown output format", arguments: ["render", "$D/c", "--output", "yaml"], status: 1,
                     fragments: ["Error: The value 'yaml' is invalid for '--output <output>'"]),
        BadInputCase(name: "bad kube version", arguments: ["render", "$D/c", "--kube-version", "banana"], status: 1,
                     fragments: ["Error: invalid kube version 'banana'"]),
        BadInputCase(name: "show-only a missing template", arguments: ["render", "$D/c", "--show-only", "templates/nope.yaml"],
                     status: 1, fragments: ["Error: could not find template templates/nope.yaml in chart"]),
        BadInputCase(name: "render helm version 2", arguments: ["render", "$D/c", "--helm-version", "2"], status: 1,
                     fragments: ["Error: --helm-version must be 3 or 4"]),
    ]

    @Test(arguments: testCases)
    func fails(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}
