import Foundation
import Helm
import Testing
@testable import UnitTest

@Suite struct ChangedChartsTests {
    /// A graph of charts below `/r`: `edges` from a chart to the charts it is
    /// built from, names as the paths shown.
    static func graph(run: [String], edges: [String: [String]] = [:], problems: [String: String] = [:]) -> ChartGraph {
        var nodes: [String: ChartGraph.Node] = [:]
        for name in Set(run + edges.keys + edges.values.joined()) {
            nodes["/r/" + name] = ChartGraph.Node(path: name, realPath: "/r/" + name,
                                                  dependencies: (edges[name] ?? []).map { "/r/" + $0 }, problem: problems[name])
        }
        return ChartGraph(charts: run.map { ChartGraph.RunChart(path: $0, realPath: "/r/" + $0) }, nodes: nodes)
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var graph: ChartGraph
        /// Changed files below `/r`.
        var changed: [String]
        /// The selections as printed.
        var expected: [String]
        var description: String { name }
    }

    static let monorepo = graph(run: ["charts/api", "charts/common", "charts/other", "charts/web"],
                                edges: ["charts/api": ["charts/common"], "charts/web": ["charts/common"]])

    static let cases: [Case] = [
        Case(name: "nothing changed", graph: monorepo, changed: [], expected: []),
        Case(name: "a chart's own file", graph: monorepo, changed: ["charts/api/templates/deploy.yaml"],
             expected: ["charts/api — changed: templates/deploy.yaml"]),
        Case(name: "any file below the chart counts, sorted",
             graph: monorepo,
             changed: ["charts/other/values.yaml", "charts/other/tests/__snapshot__/a_test.yaml.snap", "charts/other/Chart.yaml"],
             expected: ["charts/other — changed: Chart.yaml, tests/__snapshot__/a_test.yaml.snap, values.yaml"]),
        Case(name: "more than three files are counted",
             graph: monorepo, changed: ["charts/web/a", "charts/web/b", "charts/web/c", "charts/web/d", "charts/web/e"],
             expected: ["charts/web — changed: a, b, c and 2 more"]),
        Case(name: "a changed library chart selects the charts that depend on it",
             graph: monorepo, changed: ["charts/common/templates/_helpers.tpl"],
             expected: ["charts/api — depends on charts/common (changed)",
                        "charts/common — changed: templates/_helpers.tpl",
                        "charts/web — depends on charts/common (changed)"]),
        Case(name: "its own change is the reason when a dependency changed too",
             graph: monorepo, changed: ["charts/common/values.yaml", "charts/api/values.yaml"],
             expected: ["charts/api — changed: values.yaml",
                        "charts/common — changed: values.yaml",
                        "charts/web — depends on charts/common (changed)"]),
        Case(name: "a path that only starts like a chart's is not the chart's",
             graph: monorepo, changed: ["charts/api-v2/values.yaml", "charts/apis", "charts/common.md"], expected: []),
        Case(name: "dependencies are followed transitively",
             graph: graph(run: ["app", "mid"], edges: ["app": ["mid"], "mid": ["lib"]]),
             changed: ["lib/templates/_x.tpl"],
             expected: ["app — depends on mid → lib (changed)", "mid — depends on lib (changed)"]),
        Case(name: "only the nearest changed chart on a way is named",
             graph: graph(run: ["app"], edges: ["app": ["mid"], "mid": ["lib"]]),
             changed: ["lib/a", "mid/b"], expected: ["app — depends on mid (changed)"]),
        Case(name: "every changed chart it is built from is named",
             graph: graph(run: ["app"], edges: ["app": ["a", "x"], "x": ["b"]]),
             changed: ["b/t", "a/t"], expected: ["app — depends on a (changed), x → b (changed)"]),
        Case(name: "a subchart in charts/ leads on to its dependencies",
             graph: graph(run: ["umbrella"], edges: ["umbrella": ["umbrella/charts/api"], "umbrella/charts/api": ["common"]]),
             changed: ["common/templates/_labels.tpl"],
             expected: ["umbrella — depends on umbrella/charts/api → common (changed)"]),
        Case(name: "a dependency cycle ends",
             graph: graph(run: ["a", "b"], edges: ["a": ["b"], "b": ["a", "c"]]),
             changed: ["c/values.yaml"],
             expected: ["a — depends on b → c (changed)", "b — depends on c (changed)"]),
        Case(name: "a dependency cycle with nothing changed selects nothing",
             graph: graph(run: ["a", "b"], edges: ["a": ["b"], "b": ["a"]]), changed: ["d/x"], expected: []),
        Case(name: "a chart archive is changed when it is",
             graph: graph(run: ["dist/c-1.0.0.tgz", "dist/d-1.0.0.tgz"]), changed: ["dist/c-1.0.0.tgz"],
             expected: ["dist/c-1.0.0.tgz — changed: c-1.0.0.tgz"]),
        Case(name: "a chart whose dependencies are unknown is selected",
             graph: graph(run: ["broken", "fine"], problems: ["broken": "Chart.yaml file is missing"]), changed: [],
             expected: ["broken — selected as its dependencies are unknown: Chart.yaml file is missing"]),
        Case(name: "the run's order is kept",
             graph: graph(run: ["z", "a"]), changed: ["a/1", "z/1"], expected: ["z — changed: 1", "a — changed: 1"]),
    ]

    @Test(arguments: cases)
    func selectsTheAffectedCharts(_ c: Case) {
        let selections = ChangedCharts.select(c.graph, changedPaths: c.changed.map { "/r/" + $0 })
        #expect(selections.map(\.description) == c.expected)
    }

    /// The graph read from a tree: `file://` dependencies (Chart.yaml, or
    /// requirements.yaml for apiVersion v1), `charts/` directories, library
    /// charts, missing and broken charts.
    @Test func readsTheGraphFromChartYAML() throws {
        func chart(_ name: String, _ extra: String = "") -> String { "apiVersion: v2\nname: \(name)\nversion: 0.1.0\n" + extra }
        let tree = try FileTree(files: [
            "charts/common/Chart.yaml": chart("common", "type: library\n"),
            "charts/api/Chart.yaml": chart("api", """
                dependencies:
                  - {name: common, version: 0.1.0, repository: "file://../common"}
                  - {name: redis, version: 1.0.0, repository: "https://charts.example.com"}
                  - {name: twice, version: 0.1.0, repository: "file://../common/"}

                """),
            "charts/api/charts/sub/Chart.yaml": chart("sub"),
            "charts/api/charts/_skipped/Chart.yaml": chart("skipped"),
            "charts/api/charts/notachart/README.md": "",
            "charts/api/charts/redis-1.0.0.tgz": "",
            "charts/web/Chart.yaml": chart("web", "dependencies:\n  - {name: gone, version: 1.0.0, repository: file://../gone}\n"),
            "charts/old/Chart.yaml": "apiVersion: v1\nname: old\nversion: 0.1.0\n",
            "charts/old/requirements.yaml": "dependencies:\n  - {name: common, version: 0.1.0, repository: file://../common}\n",
            "charts/broken/Chart.yaml": "name: [\n",
            "charts/empty/values.yaml": "",
        ])
        defer { tree.remove() }
        let runCharts = ["api", "web", "old", "broken", "empty"].map { tree.path("charts/" + $0) }
        let graph = ChartGraph.load(charts: runCharts, tree: LocalChartTree(), loader: ChartLoader(helm: .v3))
        let real = LocalChartTree().realPath(tree.root)
        func node(_ name: String) -> ChartGraph.Node? { graph.nodes[real + "/" + name] }

        #expect(graph.charts.map(\.realPath) == ["api", "web", "old", "broken", "empty"].map { real + "/charts/" + $0 })
        #expect(node("charts/api")?.dependencies == [real + "/charts/common", real + "/charts/api/charts/sub"])
        #expect(node("charts/api")?.isLibrary == false)
        #expect(node("charts/common")?.isLibrary == true)
        #expect(node("charts/common")?.path == tree.path("charts/common"))
        #expect(node("charts/web")?.dependencies == [real + "/charts/gone"])
        #expect(node("charts/gone").map { $0.dependencies.isEmpty && $0.problem == nil } == true)
        #expect(node("charts/old")?.dependencies == [real + "/charts/common"])
        #expect(node("charts/broken")?.problem?.contains("cannot load Chart.yaml") == true)
        #expect(node("charts/empty")?.problem == "Chart.yaml file is missing")
        #expect(graph.nodes.count == 8)

        let selections = ChangedCharts.select(graph, changedPaths: [real + "/charts/common/templates/_helpers.tpl",
                                                                   real + "/charts/gone/Chart.yaml"])
        #expect(selections.map(\.description) == [
            tree.path("charts/api") + " — depends on " + tree.path("charts/common") + " (changed)",
            tree.path("charts/web") + " — depends on " + tree.path("charts/gone") + " (changed)",
            tree.path("charts/old") + " — depends on " + tree.path("charts/common") + " (changed)",
            tree.path("charts/broken") + " — selected as its dependencies are unknown: " + (node("charts/broken")?.problem ?? ""),
            tree.path("charts/empty") + " — selected as its dependencies are unknown: Chart.yaml file is missing",
        ])
    }
}
