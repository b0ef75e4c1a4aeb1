import GoStd

/// `chartunit test --changed-since REF`: which of a run's charts a set of
/// changed files affects, and why.
///
/// A chart is selected when
/// - a file below its directory changed (any file: templates, values,
///   suites, snapshots, Chart.yaml, `files/`, `charts/`…; `.helmignore`
///   does not matter), or the archive itself when the chart is one;
/// - a chart it is built from changed: a `file://` dependency or a chart
///   directory in its `charts/`, followed transitively (an application
///   chart that depends on a chart that depends on a changed library
///   chart is selected);
/// - its Chart.yaml cannot be read, so what it depends on is unknown (the
///   run then shows the error).
public enum ChangedCharts {
    /// A selected chart of the run and the reason.
    public struct Selection: Sendable, Hashable, CustomStringConvertible {
        /// The chart's path as the run was given it.
        public var path: String
        public var reason: Reason

        public init(path: String, reason: Reason) {
            self.path = path
            self.reason = reason
        }

        /// `charts/api — changed: templates/deploy.yaml`.
        public var description: String { "\(path) — \(reason)" }
    }

    /// Why a chart is selected.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Its own files changed: paths relative to the chart, sorted.
        case changed(files: [String])
        /// Charts it is built from changed: each the nearest changed one on
        /// its way (the paths from the chart, the changed one last).
        case dependsOn([[String]])
        /// Its Chart.yaml could not be read.
        case unknownDependencies(String)

        /// The most files a reason names before `and N more`.
        static let shownFiles = 3

        public var description: String {
            switch self {
            case .changed(let files):
                let shown = files.prefix(Self.shownFiles).joined(separator: ", ")
                let more = files.count - Self.shownFiles
                return "changed: " + shown + (more > 0 ? " and \(more) more" : "")
            case .dependsOn(let chains):
                return "depends on " + chains.map { $0.joined(separator: " → ") + " (changed)" }.joined(separator: ", ")
            case .unknownDependencies(let message):
                return "selected as its dependencies are unknown: \(message)"
            }
        }
    }

    /// The charts of `graph` that the files at `changedPaths` (absolute,
    /// canonical like ``ChartGraph/Node/realPath``) affect, in run order.
    public static func select(_ graph: ChartGraph, changedPaths: [String]) -> [Selection] {
        let changed = changedPaths.sorted(by: goLess)
        var selections: [Selection] = []
        for chart in graph.charts {
            let own = files(below: chart.realPath, in: changed)
            if !own.isEmpty {
                selections.append(Selection(path: chart.path, reason: .changed(files: own)))
            } else if let problem = graph.nodes[chart.realPath]?.problem {
                selections.append(Selection(path: chart.path, reason: .unknownDependencies(problem)))
            } else {
                let chains = changedDependencies(of: chart.realPath, in: graph, changed: changed)
                if !chains.isEmpty { selections.append(Selection(path: chart.path, reason: .dependsOn(chains))) }
            }
        }
        return selections
    }

    /// The entries of `changed` at or below `directory`, relative to it
    /// (an archive that changed itself by its name).
    static func files(below directory: String, in changed: [String]) -> [String] {
        let prefix = directory == "/" ? "/" : directory + "/"
        return changed.compactMap { path in
            if path == directory { return GoPath.base(path) }
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
        }
    }

    /// Breadth first from `chart`: each changed chart it is built from
    /// that is reached without passing another changed one, as the display
    /// paths from the first dependency to it.
    static func changedDependencies(of chart: String, in graph: ChartGraph, changed: [String]) -> [[String]] {
        var previous: [String: String] = [chart: ""]
        var queue = [chart]
        var chains: [[String]] = []
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            for dependency in graph.nodes[current]?.dependencies ?? [] where previous[dependency] == nil {
                previous[dependency] = current
                if files(below: dependency, in: changed).isEmpty {
                    queue.append(dependency)
                    continue
                }
                var chain: [String] = []
                var step = dependency
                while step != chart {
                    chain.insert(graph.nodes[step]?.path ?? step, at: 0)
                    step = previous[step] ?? chart
                }
                chains.append(chain)
            }
        }
        return chains
    }
}
