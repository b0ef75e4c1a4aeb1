import Diagnostics
import GoStd
import Helm
import UnitTest

/// `test --recursive` and `--changed-since REF`: the charts a run tests,
/// from its positional arguments.
struct ChartSelection {
    /// The arguments are directories to find charts in (``ChartFinder``).
    var recursive: Bool
    /// Test only the charts the changes since this git revision affect
    /// (``GitChanges``, ``ChangedCharts``).
    var changedSince: String?
    /// `--chart-tests-path`, which the finder does not take for a chart.
    var chartTestsPath: String
    var helm: HelmVersion

    /// The charts to test and what to print before the run: with
    /// `--changed-since`, one line per chart selected and why (and when
    /// none is, a line saying so and no charts).
    func charts(_ arguments: [String], environment: [String: String]) throws(LocatedError) -> (charts: [String], notice: String) {
        let tree = LocalChartTree()
        let candidates = recursive ? try ChartFinder(tree: tree, chartTestsPath: chartTestsPath).charts(under: arguments) : arguments
        guard let revision = changedSince else { return (candidates, "") }
        if revision.isEmpty || revision.hasPrefix("-") {
            throw TestInputs.invalidArgument(revision, flag: "--changed-since", "not a git revision")
        }
        let git = try Git(environment: environment)
        // Each argument's repository (usually one for all), asked from the argument's directory.
        var repositories: [String: GitChanges] = [:]
        var asked: Set<String> = []
        for argument in arguments {
            let directory = tree.kind(of: argument) == .directory ? argument : GoPath.dir(argument)
            guard asked.insert(tree.realPath(directory)).inserted else { continue }
            let top = try GitChanges.repository(of: directory, git: git)
            if repositories[top] == nil { repositories[top] = try GitChanges.since(revision, top: top, git: git) }
        }
        let graph = ChartGraph.load(charts: candidates, tree: tree, loader: ChartLoader(helm: helm))
        let changed = repositories.values.flatMap(\.paths)
        let selections = ChangedCharts.select(graph, changedPaths: changed)
        let bases = repositories.values.map { String($0.mergeBase.prefix(12)) }.sorted().joined(separator: ", ")
        let head = "chartunit: --changed-since \(revision) (merge base \(bases)): "
        guard !selections.isEmpty else {
            let files = changed.count == 1 ? "1 changed file" : "\(changed.count) changed files"
            return ([], head + "no chart affected (\(candidates.count) checked against \(files)), nothing to test\n")
        }
        var notice = head + "\(selections.count) of \(candidates.count) charts affected\n"
        for selection in selections { notice += "chartunit: \(selection)\n" }
        return (selections.map(\.path), notice)
    }
}
