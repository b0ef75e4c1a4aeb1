import Diagnostics
import GoStd
import Helm

/// The charts of a run and, transitively, the charts they are built from:
/// `file://` dependencies in Chart.yaml (or requirements.yaml) and the
/// chart directories in `charts/`. What ``ChangedCharts`` walks.
public struct ChartGraph: Sendable, Hashable {
    /// A chart directory (or archive) and the charts it is built from.
    public struct Node: Sendable, Hashable {
        /// The path to show: a run's chart as given, a dependency joined
        /// onto the path of the chart that named it first.
        public var path: String
        /// Canonical and absolute (``ChartTree/realPath(_:)``): a file
        /// changed in the chart when its path is below this one.
        public var realPath: String
        /// `type: library` in Chart.yaml.
        public var isLibrary = false
        /// The real paths of the charts it is built from, in Chart.yaml's
        /// order, then `charts/` in byte order.
        public var dependencies: [String] = []
        /// Why the chart's dependencies are unknown: its Chart.yaml could
        /// not be loaded (nil when it was, or when there is none to load).
        public var problem: String?

        public init(path: String, realPath: String, isLibrary: Bool = false, dependencies: [String] = [],
                    problem: String? = nil) {
            self.path = path
            self.realPath = realPath
            self.isLibrary = isLibrary
            self.dependencies = dependencies
            self.problem = problem
        }
    }

    /// A chart of the run: its path as given and its real path.
    public struct RunChart: Sendable, Hashable {
        public var path: String
        public var realPath: String

        public init(path: String, realPath: String) {
            self.path = path
            self.realPath = realPath
        }
    }

    /// The run's charts, in run order.
    public var charts: [RunChart]
    /// Every chart reached, by real path.
    public var nodes: [String: Node]

    public init(charts: [RunChart], nodes: [String: Node]) {
        self.charts = charts
        self.nodes = nodes
    }

    /// Reads the graph of `charts` from `tree`: each chart's Chart.yaml (and
    /// requirements.yaml) through `loader`'s metadata parsing, then the
    /// same for every chart reached. A dependency that is not there (a
    /// deleted chart) is a node without dependencies; a run's chart whose
    /// Chart.yaml is missing or does not load has a ``Node/problem``.
    public static func load<Tree: ChartTree>(charts: [String], tree: Tree, loader: ChartLoader) -> ChartGraph {
        var graph = ChartGraph(charts: [], nodes: [:])
        var queue: [(path: String, realPath: String, isRunChart: Bool)] = []
        for path in charts {
            let real = tree.realPath(path)
            graph.charts.append(RunChart(path: path, realPath: real))
            queue.append((path, real, true))
        }
        var next = 0
        while next < queue.count {
            let (path, real, isRunChart) = queue[next]
            next += 1
            if graph.nodes[real] != nil { continue }
            var node = Node(path: path, realPath: real)
            let dependencies = readDependencies(of: path, tree: tree, loader: loader, isRunChart: isRunChart, into: &node)
            for dependency in dependencies {
                let dependencyReal = tree.realPath(dependency)
                if !node.dependencies.contains(dependencyReal) { node.dependencies.append(dependencyReal) }
                queue.append((dependency, dependencyReal, false))
            }
            graph.nodes[real] = node
        }
        return graph
    }

    /// The paths of the charts the chart at `path` is built from; sets
    /// `isLibrary` and `problem` of `node`.
    private static func readDependencies<Tree: ChartTree>(of path: String, tree: Tree, loader: ChartLoader,
                                                          isRunChart: Bool, into node: inout Node) -> [String] {
        guard tree.kind(of: path) == .directory else {
            // An archive: its own bytes are all there is to compare.
            if isRunChart && tree.kind(of: path) == nil { node.problem = "stat \(path): no such file or directory" }
            return []
        }
        var files: [ChartFile] = []
        for name in ["Chart.yaml", "requirements.yaml"] {
            let file = GoPath.join(path, name)
            if tree.kind(of: file) == .file, let data = tree.read(file) { files.append(ChartFile(name: name, data: data)) }
        }
        guard files.first?.name == "Chart.yaml" else {
            if isRunChart { node.problem = "Chart.yaml file is missing" }
            return []
        }
        let metadata: ChartMetadata
        do {
            metadata = try loader.loadFiles(files, path: path).metadata
        } catch {
            node.problem = error.message
            return []
        }
        node.isLibrary = metadata.isLibrary
        var found: [String] = []
        for dependency in (metadata.dependencies ?? []).compactMap({ $0 }) where dependency.repository.hasPrefix("file://") {
            let target = String(dependency.repository.dropFirst("file://".count))
            found.append(target.hasPrefix("/") ? GoPath.clean(target) : GoPath.join(path, target))
        }
        let subcharts = GoPath.join(path, "charts")
        for name in (tree.names(in: subcharts) ?? []).sorted(by: goLess) where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let subchart = GoPath.join(subcharts, name)
            if tree.kind(of: GoPath.join(subchart, "Chart.yaml")) == .file { found.append(subchart) }
        }
        return found
    }
}
