import Diagnostics
import Foundation
import GoStd
import GoTemplate
import Helm
import Synchronization
import Testing
@testable import UnitTest
import Values

/// A loaded chart whose freeing the test can watch.
final class TrackedChart: Sendable {
    let path: String

    init(path: String) { self.path = path }
}

/// Weak references to every chart a ``TrackingRenderer`` loaded, by path.
final class LoadedCharts: Sendable {
    private struct Weak: @unchecked Sendable { weak var chart: TrackedChart? }
    private let charts = Mutex<[String: Weak]>([:])

    func add(_ chart: TrackedChart) { charts.withLock { $0[chart.path] = Weak(chart: chart) } }

    /// The paths whose chart is still alive.
    var alive: Set<String> { charts.withLock { Set($0.filter { $0.value.chart != nil }.keys) } }
}

/// A renderer with class-typed charts that renders one empty file.
struct TrackingRenderer: ChartRenderer {
    let loaded: LoadedCharts

    func loadChart(at path: String) throws(LocatedError) -> TrackedChart {
        let chart = TrackedChart(path: path)
        loaded.add(chart)
        return chart
    }
    func renderSuiteChart(at path: String) throws(LocatedError) -> (name: String, files: [String: GoString]) {
        throw LocatedError(.fileAccess, "no tests chart in this fake")
    }
    func describe(_ chart: TrackedChart) -> ChartDescription { ChartDescription(name: "c") }
    func coverage(of chart: TrackedChart, counts: CoverageRecorder, chartPath: String, filter: CoverageFilter) -> [FileCoverage] { [] }
    func render(_ chart: TrackedChart, _ request: RenderRequest,
                warnings: inout [ValuesWarning]) -> Result<[String: GoString], RenderFailure> {
        .success(["c/templates/cm.yaml": GoString("kind: ConfigMap\n")])
    }
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
        let result = await TestRunner(renderer: TrackingRenderer(loaded: loaded), options: options).run(chartPaths: paths)
        #expect(result.charts.map(\.passed) == [true, true])
        #expect(loaded.alive == (keeps ? [paths[1]] : []))
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
