import Diagnostics
import GoStd
import Helm

/// `chartunit test --recursive DIR…`: the charts below directories.
///
/// A chart is a directory holding `Chart.yaml`. The walk starts at each
/// DIR (a DIR that is itself a chart is one of the finds) and goes into
/// every subdirectory except:
/// - hidden ones (`.git`, `.github`, …);
/// - a chart's `charts/`: its subcharts run with their parent
///   (`--with-subchart`), not on their own;
/// - what the `.helmignore` of an enclosing chart ignores (not part of
///   that chart, so not a chart of the repository either), and the
///   enclosing chart's `--chart-tests-path` chart (its suites, not a chart
///   to test);
/// - a directory already walked: symbolic links to directories are
///   followed, but each real directory is walked once, so a link loop
///   ends and a chart reached twice is found once (by the path walked first).
///
/// Other subdirectories of a chart are walked, so a chart kept inside
/// another one (an `examples/` chart, say) is found unless that chart's
/// `.helmignore` leaves it out; nothing below a chart whose `.helmignore`
/// does not parse is walked. The finds are sorted bytewise by path.
public struct ChartFinder<Tree: ChartTree>: Sendable {
    public let tree: Tree
    /// `--chart-tests-path`: relative to a chart, a directory that is not walked.
    public var chartTestsPath: String

    public init(tree: Tree, chartTestsPath: String = "") {
        self.tree = tree
        self.chartTestsPath = chartTestsPath
    }

    /// The charts below each of `directories` (paths joined onto the DIR as
    /// given), sorted bytewise, each once. Throws when a DIR is missing or
    /// not a directory, holds no chart, or cannot be listed.
    public func charts(under directories: [String]) throws(LocatedError) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for directory in directories {
            switch tree.kind(of: directory) {
            case nil:
                throw LocatedError(.commandLine, "--recursive: stat \(directory): no such file or directory",
                                   at: SourceLocation(file: directory))
            case .file:
                throw LocatedError(.commandLine, "--recursive: \(directory) is not a directory",
                                   at: SourceLocation(file: directory))
            case .directory:
                break
            }
            var walked: Set<String> = []
            var charts: [String] = []
            try walk(GoPath.clean(directory), enclosing: [], walked: &walked, into: &charts)
            if charts.isEmpty {
                throw LocatedError(.commandLine, "--recursive: no chart (a directory holding Chart.yaml) in \(directory)",
                                   at: SourceLocation(file: directory))
            }
            found += charts.filter { seen.insert(tree.realPath($0)).inserted }
        }
        return found.sorted(by: goLess)
    }

    /// A chart above the directory being walked: its path and ignore rules.
    private struct Enclosing {
        var path: String
        var rules: HelmIgnore
    }

    private func walk(_ directory: String, enclosing: [Enclosing], walked: inout Set<String>,
                      into found: inout [String]) throws(LocatedError) {
        guard walked.insert(tree.realPath(directory)).inserted else { return }
        var enclosing = enclosing
        let isChart = tree.kind(of: GoPath.join(directory, "Chart.yaml")) == .file
        if isChart {
            found.append(directory)
            // Rules that do not parse: the chart is found (its run shows the error), what is below it is not walked.
            guard let rules = ignoreRules(of: directory) else { return }
            enclosing.append(Enclosing(path: directory, rules: rules))
        }
        guard let names = tree.names(in: directory) else {
            throw LocatedError(.commandLine, "--recursive: open \(directory): permission denied",
                               at: SourceLocation(file: directory))
        }
        for name in names.sorted(by: goLess) where !name.hasPrefix(".") {
            if isChart && name == "charts" { continue }
            let path = GoPath.join(directory, name)
            guard tree.kind(of: path) == .directory else { continue }
            if enclosing.contains(where: { skips(path, in: $0) }) { continue }
            try walk(path, enclosing: enclosing, walked: &walked, into: &found)
        }
    }

    /// Whether `path`, below the chart `chart`, is left out by its rules.
    private func skips(_ path: String, in chart: Enclosing) -> Bool {
        let relative = String(path.dropFirst(chart.path == "." ? 0 : chart.path.count + 1))
        if !chartTestsPath.isEmpty && relative == GoPath.clean(chartTestsPath) { return true }
        // A parent directory that is ignored is never walked, so only the path itself needs asking.
        return chart.rules.ignores(relative, isDirectory: true)
    }

    /// The chart's `.helmignore` rules (none without the file), nil when they do not parse.
    private func ignoreRules(of chart: String) -> HelmIgnore? {
        let file = GoPath.join(chart, HelmIgnore.fileName)
        guard tree.kind(of: file) == .file, let data = tree.read(file) else { return HelmIgnore() }
        return try? HelmIgnore(parsing: data, file: file)
    }
}
