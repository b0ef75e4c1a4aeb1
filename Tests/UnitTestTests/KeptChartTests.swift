import Foundation
import Synchronization
import Testing
@testable import UnitTest

/// A loaded chart whose freeing the test can watch.
final class TrackedChart: Sendable {
    let path: String

    init(path: String) { self.path = path }
}

/// Weak references to every chart a ``FakeRenderer`` loaded, by path.
final class LoadedCharts: Sendable {
    private struct Weak: @unchecked Sendable { weak var chart: TrackedChart? }
    private let charts = Mutex<[String: Weak]>([:])

    func add(_ chart: TrackedChart) { charts.withLock { $0[chart.path] = Weak(chart: chart) } }

    /// The paths whose chart is still alive.
    var alive: Set<String> { charts.withLock { Set($0.filter { $0.value.chart != nil }.keys) } }
}

/// ``TestRunOptions/keepsLastChartUntilExit``: only the last chart of a run
/// outlives it, and only when asked.
@Suite struct KeptChartTests {
    @Test(arguments: [false, true])
    func onlyTheLastChartIsKept(_ keeps: Bool) async throws {
        let suite = "suite: s\ntests:\n  - it: has a config map\n    asserts:\n      - isKind: {of: ConfigMap}\n"
        let paths = [try RunnerTests.chart(suite), try RunnerTests.chart(suite)]
        let loaded = LoadedCharts()
        var options = TestRunOptions()
        options.keepsLastChartUntilExit = keeps
        let result = await TestRunner(renderer: FakeRenderer(files: ["c/templates/cm.yaml": "kind: ConfigMap\n"], loaded: loaded), options: options).run(chartPaths: paths)
        #expect(result.charts.map(\.passed) == [true, true])
        #expect(loaded.alive == (keeps ? [paths[1]] : []))
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
