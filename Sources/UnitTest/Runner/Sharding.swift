import Diagnostics
import GoStd
import Helm

/// What one shard takes whole: a suite file of a chart (its suites share a
/// snapshot file and run in order), or a chart that cannot be loaded (its
/// error is reported by one shard only).
public struct WorkUnit: Sendable, Hashable {
    /// The suite file as the run sees it (or the chart's path).
    public var path: String
    public var chartPath: String
    /// Test jobs in the file (1 for a file or chart that cannot be read).
    public var tests: Int
    /// The names of its suites (the file for a suite without one), as reports name them.
    public var suiteNames: [String]

    public init(path: String, chartPath: String, tests: Int, suiteNames: [String]) {
        self.path = path
        self.chartPath = chartPath
        self.tests = tests
        self.suiteNames = suiteNames
    }
}

extension TestRunner {
    /// Every unit of work the run would do, in run order: each chart loaded
    /// and its suites discovered (nothing rendered, except a
    /// `--chart-tests-path` chart, whose output is its suites).
    public func plan(chartPaths: [String]) -> [WorkUnit] {
        var units: [WorkUnit] = []
        for path in chartPaths {
            let chart: Renderer.Chart
            do {
                chart = try renderer.loadChart(at: path)
            } catch {
                units.append(WorkUnit(path: path, chartPath: path, tests: 1, suiteNames: []))
                continue
            }
            var warnings: [ValuesWarning] = []
            var index: [String: Int] = [:]
            for found in discover(renderer.describe(chart), at: path, warnings: &warnings) {
                let position = index[found.file] ?? units.count
                if position == units.count {
                    index[found.file] = position
                    units.append(WorkUnit(path: found.file, chartPath: path, tests: 0, suiteNames: []))
                }
                switch found {
                case .suite(let suite):
                    units[position].tests += suite.tests.count
                    units[position].suiteNames.append(suite.name.isEmpty ? suite.definitionFile : suite.name)
                case .broken(let file, _):
                    units[position].tests += 1
                    units[position].suiteNames.append(file)
                }
            }
        }
        return units
    }
}

/// `--shard i/n`: the i-th (1-based) of n parts of a run.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// `i/n` with 1 ≤ i ≤ n, else nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }
}

/// Splitting a run's work units into disjoint shards of about equal
/// expected duration.
public enum Sharding {
    /// The units' expected durations in seconds: recorded ones where
    /// `timings` has them, else the unit's tests times the median recorded
    /// seconds per test (1 s per test when nothing is recorded).
    public static func weights(_ units: [WorkUnit], timings: SuiteTimings) -> [Double] {
        let perTest = units.compactMap { unit -> Double? in
            guard unit.tests > 0, let seconds = timings.seconds(for: unit) else { return nil }
            return seconds / Double(unit.tests)
        }.sorted()
        let fallback = perTest.isEmpty ? 1 : perTest[perTest.count / 2]
        return units.map { unit in timings.seconds(for: unit) ?? Double(max(unit.tests, 1)) * fallback }
    }

    /// `units` in `count` parts (each in run order): the heaviest unit
    /// first (ties by path, bytewise) into the part with the least expected
    /// time so far (ties: the lowest part). The same units and weights give
    /// the same parts on any machine.
    public static func partition(_ units: [WorkUnit], weights: [Double], count: Int) -> [[WorkUnit]] {
        let order = units.indices.sorted { a, b in
            if weights[a] != weights[b] { return weights[a] > weights[b] }
            return GoString(units[a].path) < GoString(units[b].path)
        }
        var loads = [Double](repeating: 0, count: count)
        var owner = [Int](repeating: 0, count: units.count)
        for unit in order {
            var lightest = 0
            for part in loads.indices where loads[part] < loads[lightest] { lightest = part }
            owner[unit] = lightest
            loads[lightest] += weights[unit]
        }
        var parts = [[WorkUnit]](repeating: [], count: count)
        for (unit, part) in owner.enumerated() { parts[part].append(units[unit]) }
        return parts
    }
}
