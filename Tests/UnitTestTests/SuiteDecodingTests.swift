import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

@Suite struct SuiteDecodingTests {
    /// Suite files of the conformance data that must fail, with helm-unittest's texts
    /// (invalid suites, error cases, and Helm-templated suites of `--chart-tests-path`).
    static let expectedFailures: [String: String] = [
        "lax data/v3/invalidbasic/tests/deployment_noasserts_test.yaml": "no asserts found",
        "strict data/v3/invalidbasic/tests/deployment_noasserts_test.yaml":
            "yaml: unmarshal errors:\n  line 6: field assert not found in type unittest.TestJob",
        "lax data/v3/invalidbasic/tests/deployment_notests_test.yaml": "no tests found",
        "strict data/v3/invalidbasic/tests/deployment_notests_test.yaml":
            "yaml: unmarshal errors:\n  line 4: field test not found in type unittest.TestSuite",
        "strict data/v3/invalidbasic/tests/deployment_test.yaml":
            "yaml: unmarshal errors:\n  line 6: field documents not found in type unittest.TestJob",
        "lax data/v3/with-helm-tests/tests-chart/templates/multiple_suites_test.yaml": "yaml: did not find expected node content",
        "strict data/v3/with-helm-tests/tests-chart/templates/multiple_suites_test.yaml": "yaml: did not find expected node content",
        "lax data/v3/with-helm-tests/tests-chart/templates/multiple_tests_test.yaml": "yaml: line 4: could not find expected ':'",
        "strict data/v3/with-helm-tests/tests-chart/templates/multiple_tests_test.yaml": "yaml: line 4: could not find expected ':'",
        "lax testdata/chart-document-selector/tests/case1-error_test.yaml": "empty 'documentSelector.path' not supported",
        "strict testdata/chart-document-selector/tests/case1-error_test.yaml": "empty 'documentSelector.path' not supported",
        "lax testdata/chart-document-selector/tests/case4-error_test.yaml": "empty 'documentSelector.path' not supported",
        "strict testdata/chart-document-selector/tests/case4-error_test.yaml": "empty 'documentSelector.path' not supported",
    ]

    @Test func decodesEveryConformanceSuite() throws {
        let files = Fixtures.conformanceFiles(suffix: "_test.yaml")
        var failures: [String: String] = [:]
        var suites = 0
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let relative = String(file.dropFirst(Fixtures.conformance.path.count + 1))
            for strict in [false, true] {
                let (found, errors) = SuiteDecoder.decodeFile(text, path: file, chartRoute: "chart",
                                                             options: SuiteDecodingOptions(strict: strict))
                suites += found.count
                if let error = errors.first { failures["\(strict ? "strict" : "lax") \(relative)"] = error.message }
            }
        }
        if Fixtures.hasConformance {
            #expect(failures == Self.expectedFailures)
            #expect(files.count > 100 && suites > 200)
        }
    }

    @Test(arguments: [
        ("a: 1\n---\nb: 2\n", ["a: 1", "b: 2\n"]),
        ("---\na: 1\n", ["", "a: 1\n"]),
        ("a: 1\n\n  \n---   \nb: 2", ["a: 1", "b: 2"]),
        ("a: |\n  x\n-----BEGIN\n", ["a: |\n  x", "--BEGIN\n"]),
        ("a: 1\n---b: 2", ["a: 1", "b: 2"]),
    ])
    func splitsLikeHelmUnittest(input: String, parts: [String]) {
        #expect(SuiteDecoder.split(input).map(\.text) == parts)
    }

    /// Random texts of separators, dashes and white space split as Go's
    /// `regexp.Split` with helm-unittest's pattern does (Foundation's
    /// regular expressions find the same leftmost-first matches on ASCII
    /// without vertical tabs), and each part starts on the line it says.
    @Test func splitsRandomTextsLikeTheRegexp() throws {
        let regex = try NSRegularExpression(pattern: "(?:^|\\s*\n)---\\s*")
        let pieces = ["-", "---", "\n", " ", "\t", "\r", "\u{0C}", "a", "b: 1", "\n---\n", "\n---", "--", " \n "]
        var generator = SplitMix64(state: 5)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let utf16 = text as NSString
            var expected: [String] = []
            var begin = 0
            for match in regex.matches(in: text, range: NSRange(location: 0, length: utf16.length)) {
                if match.range.upperBound != 0 {
                    expected.append(utf16.substring(with: NSRange(location: begin, length: match.range.location - begin)))
                }
                begin = match.range.upperBound
            }
            expected.append(utf16.substring(from: begin))
            let parts = SuiteDecoder.split(Array(text.utf8))
            #expect(parts.map { String(decoding: $0.bytes, as: UTF8.self) } == expected, "\(Array(text.utf8))")
            for part in parts {
                let before = Array(text.utf8)[..<part.bytes.startIndex]
                #expect(part.firstLine == 1 + before.filter { $0 == 0x0A }.count)
            }
        }
    }

    @Test func readsSuiteAndTestFields() throws {
        let text = """
        suite: my suite
        templates: [deployment.yaml]
        values: [../values/a.yaml]
        set:
          image.tag: v1
        release: {name: rel, revision: 2}
        capabilities: {majorVersion: "1", minorVersion: "25", apiVersions: [apps/v1]}
        chart: {version: 1.10, appVersion: v2}
        tests:
          - it: works
            documentIndex: 1
            capabilities:
              apiVersions:
            set:
              replicas: 3
            asserts:
              - equal: {path: spec.replicas, value: 3}
                not: true
              - isNull: {path: x}
              - failedTemplate: {}
          - it: second
            capabilities: {minorVersion: 27, apiVersions: [v1]}
            asserts:
              - notGreaterOrEqual: {path: a, value: 1.5}
        """
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c",
                                                      options: SuiteDecodingOptions(strict: true))
        #expect(errors.isEmpty)
        let suite = try #require(suites.first)
        #expect(suite.name == "my suite")
        #expect(suite.chart.version == "1.10")
        #expect(suite.release == ReleaseSettings(name: "rel", revision: 2))
        #expect(suite.set.first?.path == "image.tag")
        let first = suite.tests[0]
        #expect(first.documentIndex == 1)
        #expect(first.capabilities.apiVersions == .null)
        #expect(first.asserts.map(\.type) == ["equal", "isNull", "failedTemplate"])
        #expect(first.asserts[0].not)
        #expect(first.asserts[1].kind == AssertionKind(.exists, antonym: true))
        #expect(first.asserts[2].kind.expectRenderSuccess == false)
        let second = suite.tests[1]
        #expect(second.capabilities.minorVersion == "27")
        #expect(second.capabilities.apiVersions == .list(["v1"]))
        let effective = EffectiveJob(job: second, suite: suite)
        #expect(effective.apiVersions == ["v1", "apps/v1"])
        #expect(effective.ownKubeMajor == suite.capabilities.majorVersion && effective.ownKubeMinor == "27")
        #expect(EffectiveJob(job: first, suite: suite).apiVersions == [])
    }

    @Test func kubernetesProviderMergesJobThenSuite() throws {
        // helm-unittest's polishKubernetesProviderSettings: job objects, then
        // the suite's; the suite's scheme entries copied over the job's.
        let text = """
        kubernetesProvider:
          scheme:
            "v1/Secret": {gvr: {version: v1, resource: secrets}, namespaced: true}
          objects:
            - {apiVersion: v1, kind: Secret, metadata: {name: suite}}
        tests:
          - it: x
            kubernetesProvider:
              scheme:
                "v1/Secret": {gvr: {version: v1, resource: wrong}}
                "v1/Pod":
                  gvr:
                    version: v1
                    resource: pods
                    namespaced: true
              objects:
                - {apiVersion: v1, kind: Pod, metadata: {name: job}}
            asserts:
              - exists: {path: a}
        """
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c")
        #expect(errors.isEmpty)
        let suite = try #require(suites.first)
        let provider = EffectiveJob(job: suite.tests[0], suite: suite).kubernetesProvider
        #expect(provider.scheme["v1/Secret"] == KubernetesKind(version: "v1", resource: "secrets", namespaced: true))
        // `namespaced` indented under `gvr` is an unknown GroupVersionResource field: not namespaced.
        #expect(provider.scheme["v1/Pod"] == KubernetesKind(version: "v1", resource: "pods", namespaced: false))
        #expect(provider.objects.map { $0.mapValue?["metadata"]?.mapValue?["name"]?.stringValue } == ["job", "suite"])
        let strict = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c",
                                             options: SuiteDecodingOptions(strict: true))
        #expect(strict.errors.first?.message
                == "yaml: unmarshal errors:\n  line 15: field namespaced not found in type schema.GroupVersionResource")
    }

    @Test func mergeKeysApplyLikeGoYAML() throws {
        // go-yaml v3 applies `<<` when decoding into structs and maps: own keys
        // win, then the first merged mapping; `<<` itself is no unknown field.
        let text = """
        x-keys:
          selector: &selector {path: metadata.name, matchMany: true, skipEmptyTemplates: true}
          base: &base {it: base, release: {name: base}, asserts: [{exists: {path: a}}]}
          extra: &extra {release: {namespace: ns}}
        tests:
          - <<: *base
            it: own
            documentSelector:
              <<: *selector
              path: kind
            set:
              <<: [{a: 1}, {a: 2, b: 2}]
              c: 3
            asserts:
              - <<: {template: t.yaml, not: true}
                equal: {path: a, value: 1}
          - <<: [*extra, *base]
        """
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c")
        #expect(errors.isEmpty)
        let tests = try #require(suites.first).tests
        #expect(tests.map(\.name) == ["own", "base"])
        let selector = try #require(tests[0].documentSelector)
        #expect(selector.path == "kind" && selector.matchMany && selector.skipEmptyTemplates)
        #expect(tests[0].set.map(\.path) == ["c", "a", "b"])
        #expect(tests[0].set.map { GoFmt.format($0.value) } == ["3", "1", "2"])
        #expect(tests[0].release.name == "base")
        #expect(tests[0].asserts.map(\.template) == ["t.yaml"])
        #expect(tests[0].asserts.map(\.not) == [true])
        #expect(tests[1].release.namespace == "ns" && tests[1].release.name == "")
        #expect(tests[1].asserts.map(\.type) == ["exists"])
        let strict = SuiteDecoder.decodeFile("tests:\n  - <<: {it: a, bogus: 1}\n    asserts: [{exists: {path: a}}]\n",
                                             path: "t.yaml", chartRoute: "c", options: SuiteDecodingOptions(strict: true))
        #expect(strict.errors.first?.message == "yaml: unmarshal errors:\n  line 2: field bogus not found in type unittest.TestJob")
        let bad = SuiteDecoder.decodeFile("tests:\n  - it: a\n    <<: 1\n    asserts: [{exists: {path: a}}]\n",
                                          path: "t.yaml", chartRoute: "c")
        #expect(bad.errors.first?.message == "yaml: map merge requires map or sequence of maps as the value")
    }

    @Test(arguments: [
        ("tests: []\n", "no tests found"),
        ("tests:\n  - it: x\n", "no asserts found"),
        ("tests:\n  - it: x\n    asserts:\n      - nope: {}\n", "Assertion type `nope` is invalid"),
        ("tests:\n  - it: x\n    asserts:\n      - template: a\n", "no assertion type defined"),
        ("tests:\n  - it: x\n    asserts:\n      - equal: {}\n        exists: {}\n",
         "assertion type `equal` and `exists` is declared duplicately"),
        ("tests:\n  - it: x\n    asserts:\n      - equal: {}\n        documentSelector: {value: 1}\n",
         "empty 'documentSelector.path' not supported"),
        ("tests:\n  - it: x\n    asserts:\n      - equal: 3\n", "'' expected a map, got 'int'"),
        ("tests:\n  - it: x\n    asserts:\n      - contains: {count: x}\n",
         "1 error(s) decoding:\n\n* 'Count' expected type 'int', got unconvertible type 'string', value: 'x'"),
        ("suite: [a]\ntests: []\n", "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string"),
        ("suite: a\nsuite: b\n", "yaml: unmarshal errors:\n  line 2: mapping key \"suite\" already defined at line 1"),
        // helm-unittest's TestJob.DocumentIndices (map[string][]int): unused, but type-checked (texts from helm-unittest 1.1.0).
        ("tests:\n  - documentindices: 5\n    asserts: [{exists: {}}]\n",
         "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!int `5` into map[string][]int"),
        ("tests:\n  - documentindices: [1]\n    asserts: [{exists: {}}]\n",
         "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!seq into map[string][]int"),
        ("tests:\n  - documentindices: {a: x}\n    asserts: [{exists: {}}]\n",
         "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `x` into []int"),
        ("tests:\n  - documentindices: {a: [x, 1.5, null]}\n    asserts: [{exists: {}}]\n",
         "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `x` into int"),
        ("tests:\n  - documentindices: {a: {b: 1}}\n    asserts: [{exists: {}}]\n",
         "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!map into []int"),
    ])
    func reportsSuiteErrors(text: String, message: String) {
        let (_, errors) = SuiteDecoder.decodeFile(text, path: "t.yaml", chartRoute: "c")
        #expect(errors.first?.message == message)
    }

    /// A mistyped assertion type or (with --strict) suite key gets a note naming the likely one.
    @Test(arguments: [
        ("tests:\n  - it: x\n    asserts:\n      - equals: {path: a}\n", false, "did you mean `equal`?"),
        ("tests:\n  - it: x\n    asserts:\n      - isKnd: {of: Pod}\n", false, "did you mean `isKind`?"),
        ("tests:\n  - it: x\n    asserts:\n      - matchsnapshot: {}\n", false, "did you mean `matchSnapshot`?"),
        ("templats: [a.yaml]\ntests:\n  - it: x\n    asserts: [{exists: {path: a}}]\n", true, "line 1: did you mean `templates`?"),
        ("tests:\n  - it: x\n    asert: []\n    asserts: [{exists: {path: a}}]\n", true, "line 3: did you mean `asserts`?"),
    ])
    func suggestsTheNearestName(text: String, strict: Bool, note: String) {
        let (_, errors) = SuiteDecoder.decodeFile(text, path: "t.yaml", chartRoute: "c", options: SuiteDecodingOptions(strict: strict))
        #expect(errors.first?.notes.map(\.text) == [note])
    }

    @Test func noSuggestionForAFarName() {
        let (_, errors) = SuiteDecoder.decodeFile("tests:\n  - it: x\n    asserts:\n      - somethingElse: {}\n", path: "t.yaml", chartRoute: "c")
        #expect(errors.first?.notes.isEmpty == true)
    }

    @Test func strictRejectsUnknownFieldsWithLines() {
        let text = "suite: s\nbogus: 1\ntests:\n  - it: x\n    nope: 2\n    asserts:\n      - exists: {path: a}\n"
        let lax = SuiteDecoder.decodeFile(text, path: "t.yaml", chartRoute: "c")
        #expect(lax.errors.isEmpty)
        let strict = SuiteDecoder.decodeFile("a: 1\n---\n" + text, path: "t.yaml", chartRoute: "c",
                                             options: SuiteDecodingOptions(strict: true))
        #expect(strict.errors.first?.message == "yaml: unmarshal errors:\n  line 1: field a not found in type unittest.TestSuite")
        let second = SuiteDecoder.decodeFile("tests: [{it: a, asserts: [{exists: {path: a}}]}]\n---\n" + text, path: "t.yaml",
                                             chartRoute: "c", options: SuiteDecodingOptions(strict: true))
        #expect(second.errors.first?.message == """
        yaml: unmarshal errors:
          line 2: field bogus not found in type unittest.TestSuite
          line 5: field nope not found in type unittest.TestJob
        """)
        #expect(second.errors.first?.location?.line == 4)
        #expect(second.suites.count == 1)
    }

    @Test func unknownEscapeIsRetriedWithDoubledBackslashes() {
        #expect(SuiteDecoder.doubleBackslashes(Array(#"a\d \\ \\\x"#.utf8)) == Array(#"a\\d \\ \\\\x"#.utf8))
        let text = "tests:\n  - it: x\n    asserts:\n      - matchRegex: {path: a, pattern: \"^\\d+$\"}\n"
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "t.yaml", chartRoute: "c")
        #expect(errors.isEmpty)
        if case .matchRegex(_, let pattern, _)? = suites.first?.tests.first?.asserts.first?.check {
            #expect(pattern == "^\\d+$")
        } else {
            Issue.record("not decoded")
        }
    }
}

/// ``KubeVersionCarryOver`` on its own: which jobs set helm-unittest's
/// global version, and which inherit it.
@Suite struct KubeVersionCarryOverUnitTests {
    static func suite(_ file: String, major: String = "", _ jobs: [(name: String, major: String, minor: String, skip: Bool)]) -> TestSuite {
        TestSuite(name: file, capabilities: SuiteCapabilities(majorVersion: major),
                  tests: jobs.map { job in
                      TestJob(name: job.name, capabilities: JobCapabilities(majorVersion: job.major, minorVersion: job.minor),
                              skipReason: job.skip ? "skipped" : "")
                  },
                  definitionFile: file, chartRoute: "c")
    }

    @Test func versionsInRunOrder() {
        var carry = KubeVersionCarryOver()
        let first = Self.suite("a", [("default", "", "", false), ("sets", "1", "25", false), ("inherits", "", "", false),
                                     ("skipped", "", "29", true), ("minor only", "", "27", false)])
        let a = carry.versions(for: first) { _ in true }
        #expect(a.map { $0?.version.description } == ["v1.20.0", "v1.25.0", "v1.25.0", nil, "v1.27.0"])
        #expect(a.map { $0?.origin?.test } == [nil, nil, "sets", nil, nil])
        // A job that stops before rendering leaves nothing behind.
        let second = Self.suite("b", major: "2", [("fails early", "", "33", false), ("after", "", "", false)])
        let b = carry.versions(for: second) { $0.job.name != "fails early" }
        #expect(b.map { $0?.version.description } == ["v2.33.0", "v2.27.0"])
        #expect(b.map { $0?.origin?.test } == [nil, "minor only"])
        #expect(carry.current == KubeVersion(major: "2", minor: "27"))
    }
}
