import Foundation
import GoTemplate

/// One chart's template coverage while its suites run in parallel: each job
/// counts into its own ``CoverageRecorder`` and adds it here when done.
final class CoverageAccumulator: @unchecked Sendable {
    private let lock = NSLock()
    private let total = CoverageRecorder()

    /// Adds a finished job's counts.
    func add(_ recorder: CoverageRecorder) {
        lock.lock()
        defer { lock.unlock() }
        total.merge(recorder)
    }

    /// The counts so far (call once the chart's suites are done).
    var counts: CoverageRecorder {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
