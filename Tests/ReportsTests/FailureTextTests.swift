import Testing
import UnitTest
@testable import Reports

/// Structured failure lines into helm-unittest's fail-info strings, titles and `Stringify()`.
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
        #expect(FailureText.lines(of: row.0) == row.1)
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
            AssertionResult(index: 1, assertType: "equal", passed: false, failureLines: [.field("Path", "x"), .block("a\nb")]),
            AssertionResult(index: 2, assertType: "exists", passed: true, skipped: true, skipReason: "why",
                            failureLines: [.text("hidden")]),
        ]),
         "\t\t - asserts[0] `equal` fail \n\t\t - asserts[1] `equal` fail \n\t\t\t Path:\tx \n\t\t\t \ta \n\t\t\t \tb \n"
            + "\t\t - asserts[2] `exists` fail \n\t\t\t why \n",
         " - asserts[0] `equal` fail , - asserts[1] `equal` fail , Path:x , a , b , - asserts[2] `exists` fail , why ,"),
    ]

    @Test(arguments: stringifyRows)
    func stringify(_ row: (TestJobResult, String, String)) {
        #expect(FailureText.stringify(row.0) == row.1)
        #expect(FailureText.flattened(row.0) == row.2)
    }

    @Test func referenceExampleFlattens() {
        // REFERENCE.md §9.11's example
        let job = TestJobResult(displayName: "t", index: 0, passed: false, assertions: [
            AssertionResult(index: 0, assertType: "equal", passed: false, failureLines: [.field("Path", "x")]),
        ])
        #expect(FailureText.flattened(job) == " - asserts[0] `equal` fail , Path:x ,")
    }
}
