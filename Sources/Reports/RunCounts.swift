import UnitTest

/// Counts of one kind of unit (charts, suites or tests) as helm-unittest's summary shows them.
public struct UnitCounts: Sendable, Hashable {
    /// Passed units.
    public var passed: Int
    /// Failed units, errored ones included.
    public var failed: Int
    /// The failed units that failed with an execution error.
    public var errored: Int
    /// Skipped units.
    public var skipped: Int

    /// Counts with the given numbers.
    public init(passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.errored = errored
        self.skipped = skipped
    }

    /// passed + failed + skipped (errored ones are among the failed).
    public var total: Int { passed + failed + skipped }
}

/// Snapshot counts summed over a run.
public struct SnapshotTotals: Sendable, Hashable {
    /// Comparisons that matched (compared − failed).
    public var passed: Int
    /// Comparisons that did not match.
    public var failed: Int
    /// Entries written for the first time.
    public var created: Int
    /// Cached entries nobody compared.
    public var vanished: Int

    /// Totals with the given numbers.
    public init(passed: Int = 0, failed: Int = 0, created: Int = 0, vanished: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.created = created
        self.vanished = vanished
    }

    /// All comparisons.
    public var total: Int { passed + failed }
}

/// Everything the console's summary counts, with helm-unittest's rules:
/// - a chart is errored when it has an execution error, failed when any of its
///   suites did not pass (a `passed` flag, whatever `skipped` says), else passed;
/// - a suite is skipped if `skipped`, else passed if `passed`, else failed
///   (and errored with an execution error); its snapshot counts add up whatever its state;
/// - a test is passed if `passed`, else skipped if `skipped`, else failed
///   (and errored with an execution error).
public struct RunCounts: Sendable, Hashable {
    /// Charts: passed, failed, errored.
    public var charts = UnitCounts()
    /// Suites: passed, failed, errored, skipped.
    public var suites = UnitCounts()
    /// Test jobs: passed, failed, errored, skipped.
    public var tests = UnitCounts()
    /// Snapshot comparisons.
    public var snapshots = SnapshotTotals()
    /// Failed (not skipped, not passed) suites with at least one failed snapshot.
    public var suitesWithFailedSnapshots = 0

    /// Nothing counted yet (add results with the `add` methods as they come).
    public init() {}

    /// The counts of a whole run.
    public init(_ run: RunResult) {
        for chart in run.charts { add(chart) }
    }

    /// Adds a chart, its suites and their tests.
    public mutating func add(_ chart: ChartResult) {
        for suite in chart.suites { add(suite) }
        if chart.executionError != nil {
            charts.failed += 1
            charts.errored += 1
        } else if chart.suites.allSatisfy(\.passed) {
            charts.passed += 1
        } else {
            charts.failed += 1
        }
    }

    /// Adds a suite and its tests (what helm-unittest does for every suite line it prints).
    public mutating func add(_ suite: TestSuiteResult) {
        if suite.skipped {
            suites.skipped += 1
        } else if suite.passed {
            suites.passed += 1
        } else {
            suites.failed += 1
            if suite.executionError != nil { suites.errored += 1 }
            if suite.snapshot.failed > 0 { suitesWithFailedSnapshots += 1 }
        }
        snapshots.failed += suite.snapshot.failed
        snapshots.passed += suite.snapshot.total - suite.snapshot.failed
        snapshots.created += suite.snapshot.created
        snapshots.vanished += suite.snapshot.vanished
        for test in suite.tests { add(test) }
    }

    /// Adds one test job.
    public mutating func add(_ test: TestJobResult) {
        if test.passed {
            tests.passed += 1
        } else if test.skipped {
            tests.skipped += 1
        } else {
            tests.failed += 1
            if test.executionError != nil { tests.errored += 1 }
        }
    }
}
