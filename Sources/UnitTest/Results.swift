import Diagnostics
import Helm

/// The outcome of one assertion of a test job.
public struct AssertionResult: Sendable {
    /// The position of the assertion in the test's `asserts` list.
    public var index: Int
    /// The assertion type as written (`equal`, `notContains`…).
    public var assertType: String
    /// Whether the assertion had `not: true`.
    public var isNegated: Bool
    public var passed: Bool
    public var skipped: Bool
    public var skipReason: String
    /// What failed, per template (empty when it passed).
    public var failures: [AssertionFailure]
    /// A title that replaces the standard `- asserts[i] \`type\` fail`.
    public var customInfo: String?
    /// Where the assertion is written in its suite file.
    public var location: SourceLocation?

    public init(index: Int, assertType: String, isNegated: Bool = false, passed: Bool, skipped: Bool = false,
                skipReason: String = "", failures: [AssertionFailure] = [], customInfo: String? = nil) {
        self.index = index
        self.assertType = assertType
        self.isNegated = isNegated
        self.passed = passed
        self.skipped = skipped
        self.skipReason = skipReason
        self.failures = failures
        self.customInfo = customInfo
    }
}

/// The outcome of one test job (`it:`) of a suite.
public struct TestJobResult: Sendable {
    public var displayName: String
    public var index: Int
    public var passed: Bool
    public var skipped: Bool
    /// An error that stopped the job before its assertions ran (render failure, bad values…).
    public var executionError: LocatedError?
    public var assertions: [AssertionResult]
    /// Wall time of the job.
    public var duration: Duration
    /// Where the test (`- it: …`) is written in its suite file.
    public var location: SourceLocation?
    /// Set when the job rendered with a Kubernetes version an earlier job
    /// left behind (helm-unittest's carry-over, ``KubeVersionCarryOver``).
    public var kubeVersionOrigin: KubeVersionOrigin?
    /// What Helm logged while the job layered its values, in order
    /// (helm-unittest prints these on stderr as the job runs).
    public var warnings: [ValuesWarning] = []

    public init(displayName: String, index: Int, passed: Bool, skipped: Bool = false, executionError: LocatedError? = nil,
                assertions: [AssertionResult] = [], duration: Duration = .zero, location: SourceLocation? = nil) {
        self.location = location
        self.displayName = displayName
        self.index = index
        self.passed = passed
        self.skipped = skipped
        self.executionError = executionError
        self.assertions = assertions
        self.duration = duration
    }
}

/// Snapshot counts of one suite: compared, failed, newly created and vanished entries.
public struct SnapshotCounts: Sendable, Hashable {
    public var total: Int
    public var failed: Int
    public var created: Int
    public var vanished: Int

    public init(total: Int = 0, failed: Int = 0, created: Int = 0, vanished: Int = 0) {
        self.total = total
        self.failed = failed
        self.created = created
        self.vanished = vanished
    }
}

/// The outcome of one test suite (one document of a `*_test.yaml` file).
public struct TestSuiteResult: Sendable {
    public var displayName: String
    /// The suite file as given on the command line or found by the glob (relative paths stay relative).
    public var filePath: String
    public var passed: Bool
    public var skipped: Bool
    /// Whether fail-fast stopped the suite early.
    public var failFast: Bool
    /// An error that stopped the whole suite (bad suite file, unknown assertion…).
    public var executionError: LocatedError?
    /// Whether the suite file (or one of its parts) could not be read as a
    /// suite: `executionError` says why, and nothing of it ran.
    public var unreadable: Bool
    public var tests: [TestJobResult]
    public var snapshot: SnapshotCounts

    public init(displayName: String, filePath: String, passed: Bool, skipped: Bool = false, failFast: Bool = false,
                executionError: LocatedError? = nil, unreadable: Bool = false, tests: [TestJobResult] = [],
                snapshot: SnapshotCounts = SnapshotCounts()) {
        self.unreadable = unreadable
        self.displayName = displayName
        self.filePath = filePath
        self.passed = passed
        self.skipped = skipped
        self.failFast = failFast
        self.executionError = executionError
        self.tests = tests
        self.snapshot = snapshot
    }

    /// The sum of the jobs' durations, as helm-unittest reports a suite's time.
    public var duration: Duration { tests.reduce(.zero) { $0 + $1.duration } }
}

/// The outcome of testing one chart.
public struct ChartResult: Sendable {
    /// The chart's name (`### Chart [ name ] path`).
    public var name: String
    /// The chart path as given on the command line.
    public var path: String
    /// An error that stopped the chart before any suite ran (the chart could not be loaded).
    public var executionError: LocatedError?
    public var suites: [TestSuiteResult]
    /// With `--coverage`: every template file's coverage.
    public var coverage: [FileCoverage] = []
    /// What Helm logged while suite discovery merged the `-v` files (before the chart's header).
    public var warnings: [ValuesWarning] = []

    public init(name: String, path: String, executionError: LocatedError? = nil, suites: [TestSuiteResult] = []) {
        self.name = name
        self.path = path
        self.executionError = executionError
        self.suites = suites
    }

    /// helm-unittest's chart verdict: loaded, and every suite passed (a
    /// suite whose tests are all skipped has passed; one without tests has not).
    public var passed: Bool { executionError == nil && suites.allSatisfy(\.passed) }
}

/// The outcome of a whole `chartunit test` run.
public struct RunResult: Sendable {
    public var charts: [ChartResult]
    /// Wall time of the run.
    public var duration: Duration

    public init(charts: [ChartResult], duration: Duration) {
        self.charts = charts
        self.duration = duration
    }

    public var passed: Bool { charts.allSatisfy(\.passed) }

    /// The template coverage of the run (empty without `--coverage`).
    public var coverage: RunCoverage { RunCoverage(files: charts.flatMap(\.coverage)) }
}
