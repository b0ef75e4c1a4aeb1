import Diagnostics
import UnitTest

/// An error with `message` as its text, as results carry it (reports print the message only).
func errorValue(_ message: String) -> LocatedError {
    LocatedError(ErrorKind("test"), message)
}

/// Short constructors for hand-built results.
enum Build {
    static func passed(_ name: String, index: Int = 0, duration: Duration = .zero) -> TestJobResult {
        TestJobResult(displayName: name, index: index, passed: true,
                      assertions: [AssertionResult(index: 0, assertType: "equal", passed: true)], duration: duration)
    }

    static func skipped(_ name: String, index: Int = 0) -> TestJobResult {
        TestJobResult(displayName: name, index: index, passed: false, skipped: true)
    }

    static func errored(_ name: String, _ error: String, index: Int = 0) -> TestJobResult {
        TestJobResult(displayName: name, index: index, passed: false, executionError: errorValue(error))
    }

    static func failed(_ name: String, index: Int = 0, _ assertions: [AssertionResult]) -> TestJobResult {
        TestJobResult(displayName: name, index: index, passed: false, assertions: assertions)
    }

    static func failure(_ index: Int, _ type: String, not: Bool = false, _ failures: [AssertionFailure]) -> AssertionResult {
        AssertionResult(index: index, assertType: type, isNegated: not, passed: false, failures: failures)
    }

    /// One template's failure made of `problems`.
    static func problems(_ template: String? = nil, _ problems: Problem...) -> [AssertionFailure] {
        [AssertionFailure(template: template, problems: problems)]
    }

    /// A suite with `passing` passed jobs after the given ones.
    static func suite(_ name: String, _ path: String, passing: Int = 0, _ tests: [TestJobResult] = [],
                      skippedSuite: Bool = false, snapshots: Int = 0) -> TestSuiteResult {
        var jobs = tests
        for i in 0..<passing { jobs.append(passed("passing \(i)", index: jobs.count)) }
        let passed = jobs.allSatisfy { $0.passed || $0.skipped }
        return TestSuiteResult(displayName: name, filePath: path, passed: passed, skipped: skippedSuite, tests: jobs,
                               snapshot: SnapshotCounts(total: snapshots))
    }
}
