import Testing
import UnitTest
@testable import Reports
import Values

/// Failures as data into helm-unittest's fail-info strings, titles and `Stringify()`.
struct FailureTextTests {
    static let lineRows: [(FailureLine, [String])] = [
        (.field("Template", "chart/templates/x.yaml"), ["Template:\tchart/templates/x.yaml"]),
        (.field("DocumentIndex", "0"), ["DocumentIndex:\t0"]),
        (.heading("Expected to equal:"), ["Expected to equal:"]),
        (.text("multiple indexes found"), ["multiple indexes found"]),
        (.text("two\nlines stay one"), ["two\nlines stay one"]),
        (.block("nginx:stable\n"), ["\tnginx:stable"]),
        (.block("- a: 1\n  b: 2\n"), ["\t- a: 1", "\t  b: 2"]),
        // leading spaces, newlines and tabs go, inner blank lines stay (indented)
        (.block("\n\n  x\n\ny\t \n"), ["\tx", "\t", "\ty"]),
        (.block(""), ["\t"]),
        (.block("a\r\nb"), ["\ta\r", "\tb"]),
        (.block("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-a\n+b\n"),
         ["\t--- Expected", "\t+++ Actual", "\t@@ -1,2 +1,2 @@", "\t-a", "\t+b"]),
    ]

    @Test(arguments: lineRows)
    func lines(_ row: (FailureLine, [String])) {
        #expect(row.0.text == row.1)
    }

    static func expectation(_ relation: FailedExpectation.Relation, negated: Bool = false, path: String? = nil,
                            _ expected: Operand, _ actual: Operand? = nil, diff: Bool = false) -> Problem.Detail {
        .expectation(FailedExpectation(relation, negated: negated, path: path, expected: expected, actual: actual, showsDiff: diff))
    }

    /// Every kind of problem, laid out as helm-unittest's validators print it
    /// (texts from helm-unittest's own outputs and validator tests).
    static let problemRows: [(Problem, [String])] = [
        (Problem(expectation(.equal, path: "spec.replicas", .yaml(.int(3, .int)), .yaml(.int(2, .int)), diff: true), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Path:\tspec.replicas", "Expected to equal:", "\t3", "Actual:", "\t2",
          "Diff:", "\t--- Expected", "\t+++ Actual", "\t@@ -1,2 +1,2 @@", "\t-3", "\t+2"]),
        (Problem(expectation(.equal, negated: true, path: " a.b\n", .yaml(.map(["k": .string("v")]))), document: 1),
         ["DocumentIndex:\t1", "Path:\ta.b", "Expected NOT to equal:", "\tk: v"]),
        (Problem(expectation(.nullOrEmpty, path: "x", .yaml(.list([.string("a")]))), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Path:\tx", "Expected to be null or empty, got:", "\t- a"]),
        (Problem(expectation(.greaterOrEqual, path: "n", .notInOrder(actual: .int(1, .int), expected: .int(2, .int), greater: true)),
                 document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Path:\tn", "Expected to be greater then or equal to, got:",
          "\tthe actual '1' is not greater or equal to the expected '2'"]),
        (Problem(expectation(.lessOrEqual, negated: true, path: "n", .unsupportedType("bool"))),
         ["Path:\tn", "Expected NOT to be less then or equal to, got:", "\tunsupported type 'bool'"]),
        (Problem(expectation(.kind, .text("Deployment"), .yaml(.string("Service"))), document: 0),
         ["DocumentIndex:\t0", "Expected to be kind:", "\tDeployment", "Actual:", "\tService"]),
        (Problem(expectation(.documentCount, .text("2"), .text("1"))),
         ["Expected documents count to be:", "\t2", "Actual:", "\t1"]),
        (Problem(expectation(.match, .text("^x$"), .printed(.null))),
         ["Expected to match:", "\t^x$", "Actual:", "\t%!s(<nil>)"]),
        (Problem(expectation(.equal, .text("boom"), .printed(.int(7, .int)))),
         ["Expected to equal:", "\tboom", "Actual:", "\t7"]),
        (Problem(expectation(.snapshot(index: 2), path: "data", .diff(expected: "a: 1\n", actual: "a: 2\n")), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Path:\tdata", "Expected to match snapshot 2:", "\t--- Expected", "\t+++ Actual",
          "\t@@ -1,2 +1,2 @@", "\t-a: 1", "\t+a: 2"]),
        (Problem(expectation(.snapshotPatternMissing("x+"), .text("cached\n")), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Expected pattern 'x+' not found in snapshot:", "\tcached"]),
        (Problem(expectation(.snapshotPatternPresent("y"), negated: true, .text("c"))),
         ["Expected NOT pattern 'y' should not be in snapshot:", "\tc"]),
        (Problem(.error(.message("unknown path a.b")), document: 0), ["DocumentIndex:\t0", "Error:", "\tunknown path a.b"]),
        (Problem(.error(.notAnObject(path: "a", actual: .string("s"))), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Error:", "\texpect 'a' to be an object, got:", "\ts"]),
        (Problem(.error(.notAnArray(path: "a", actual: .map(["k": .int(1, .int)])))),
         ["Error:", "\texpect 'a' to be an array, got:", "\tk: 1"]),
        (Problem(.error(.notAString(path: "a", actual: .int(1, .int)))), ["Error:", "\texpect 'a' to be a string, got:", "\t1"]),
        (Problem(.error(.countMismatch(path: "l", expected: -1, found: 1, actual: .list([.string("v")]))), document: 0, value: 0),
         ["DocumentIndex:\t0", "ValuesIndex:\t0", "Error:", "\texpect count -1 in 'l' to be in array, got 1:", "\t- v"]),
        (Problem(.existence(path: "\tspec.x ", negated: false), document: 0), ["DocumentIndex:\t0", "Path:\tspec.x expected to exists"]),
        (Problem(.existence(path: "a", negated: true)), ["Path:\ta expected to NOT exists"]),
        (Problem(.emptyManifest), ["Error: rendered manifest is empty"]),
        (Problem(.invalidRendering(raw: .string("boom: bad"))), ["Error: Invalid rendering: boom: bad"]),
        (Problem(.invalidRendering(raw: .null)), ["Error: Invalid rendering: %!s(<nil>)"]),
        (Problem(.templateNotSelected("c/templates/x.yaml")),
         ["Error:", "\ttemplate \"c/templates/x.yaml\" not exists or not selected in test suite"]),
        (Problem(.selection("multiple indexes found")), ["Error:", "multiple indexes found"]),
    ]

    /// pmezard/go-difflib's unified diff as helm-unittest calls it.
    @Test(arguments: [
        ("a\nb\nc\n", "a\nB\nc\n", "--- Expected\n+++ Actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"),
        ("x\n", "x\n", ""),
        ("1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\nsix\n", "--- Expected\n+++ Actual\n@@ -5,3 +5,3 @@\n 5\n-6\n+six\n \n"),
    ])
    func unifiedDiffs(a: String, b: String, diff: String) {
        #expect(unifiedDiff(expected: a, actual: b) == diff)
    }

    @Test(arguments: problemRows)
    func problemLayout(_ row: (Problem, [String])) {
        #expect(FailureText.layout(row.0).flatMap(\.text) == row.1)
    }

    @Test func templatesHeadTheirProblems() {
        let failures = [
            AssertionFailure(template: "c/templates/a.yaml", problems: [Problem(.error(.message("x")), document: 0)]),
            AssertionFailure(template: "c/templates/b.yaml", problems: []),
            AssertionFailure(problems: [Problem(.emptyManifest)]),
        ]
        #expect(FailureText.lines(failures) == [
            "Template:\tc/templates/a.yaml", "DocumentIndex:\t0", "Error:", "\tx", "Template:\tc/templates/b.yaml",
            "Error: rendered manifest is empty",
        ])
    }

    static let titleRows: [(AssertionResult, String)] = [
        (AssertionResult(index: 0, assertType: "equal", passed: false), "- asserts[0] `equal` fail"),
        (AssertionResult(index: 12, assertType: "notContains", isNegated: true, passed: false), "- asserts[12] NOT `notContains` fail"),
        (AssertionResult(index: 1, assertType: "equal", passed: false, customInfo: "my own words"), "my own words"),
        (AssertionResult(index: 1, assertType: "equal", passed: false, customInfo: ""), "- asserts[1] `equal` fail"),
    ]

    @Test(arguments: titleRows)
    func titles(_ row: (AssertionResult, String)) {
        #expect(FailureText.title(row.0) == row.1)
    }

    static let stringifyRows: [(TestJobResult, String, String)] = [
        (TestJobResult(displayName: "ok", index: 0, passed: true), "", ""),
        (TestJobResult(displayName: "boom", index: 0, passed: false, executionError: errorValue("execution error")),
         "execution error\n", "execution error,"),
        (TestJobResult(displayName: "s 'q'", index: 0, passed: false, skipped: true), "SKIPPED 's 'q'' \n", "SKIPPED 's 'q'' ,"),
        (TestJobResult(displayName: "two", index: 0, passed: false, assertions: [
            AssertionResult(index: 0, assertType: "equal", passed: true),
            AssertionResult(index: 1, assertType: "equal", passed: false, failures: [AssertionFailure(problems: [
                Problem(Self.expectation(.equal, negated: true, path: "x", .text("a\nb")))])]),
            AssertionResult(index: 2, assertType: "exists", passed: true, skipped: true, skipReason: "why",
                            failures: [AssertionFailure(problems: [Problem(.emptyManifest)])]),
        ]),
         "\t\t - asserts[0] `equal` fail \n\t\t - asserts[1] `equal` fail \n\t\t\t Path:\tx \n\t\t\t Expected NOT to equal: \n"
            + "\t\t\t \ta \n\t\t\t \tb \n\t\t - asserts[2] `exists` fail \n\t\t\t why \n",
         " - asserts[0] `equal` fail , - asserts[1] `equal` fail , Path:x , Expected NOT to equal: , a , b , "
            + "- asserts[2] `exists` fail , why ,"),
    ]

    @Test(arguments: stringifyRows)
    func stringify(_ row: (TestJobResult, String, String)) {
        #expect(FailureText.stringify(row.0) == row.1)
        #expect(FailureText.flattened(row.0) == row.2)
    }

    @Test func referenceExampleFlattens() {
        // REFERENCE.md §9.11's example, with the expectation that follows its `Path:` line
        let job = TestJobResult(displayName: "t", index: 0, passed: false, assertions: [
            AssertionResult(index: 0, assertType: "equal", passed: false, failures: [AssertionFailure(problems: [
                Problem(Self.expectation(.equal, negated: true, path: "x", .text("v")))])]),
        ])
        #expect(FailureText.flattened(job) == " - asserts[0] `equal` fail , Path:x , Expected NOT to equal: , v ,")
    }
}
