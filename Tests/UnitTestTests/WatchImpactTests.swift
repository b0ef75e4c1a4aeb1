import Foundation
import Helm
import Testing
import TestSupport
@testable import UnitTest

/// `test --watch`: which suite files a changed file re-runs.
@Suite struct WatchImpactTests {
    // Chart `app` at /w/app (tests/ and *.swp left out by .helmignore) with
    // subchart `db`, also given as a chart of its own; chart /w/lib that
    // cannot be loaded; a -v values file /w/global.yaml.
    static let deployment = "/w/app/tests/deployment_test.yaml"
    static let service = "/w/app/tests/service_test.yaml"
    static let yamls = "/w/app/tests/yamls_test.yaml"
    static let broken = "/w/app/tests/broken_test.yaml"
    static let subchart = "/w/app/charts/db/tests/db_test.yaml"
    static let appSuites = [deployment, service, yamls, broken, subchart]

    static func plan(extraSuite: String? = nil) throws -> WatchPlan {
        var ignore = try HelmIgnore(parsing: Array("tests/\n*.swp\n".utf8))
        ignore.addDefaults()
        var suites = [
            WatchedSuiteFile(path: deployment, file: deployment, chartPath: "/w/app",
                             selections: [TemplateSelectionRule(chartRoute: "app", templates: ["templates/deployment.yaml", "configmap.yaml"])],
                             valuesFiles: ["/w/app/tests/values/prod.yaml"]),
            WatchedSuiteFile(path: service, file: service, chartPath: "/w/app",
                             selections: [TemplateSelectionRule(chartRoute: "app", templates: ["service.yaml"])],
                             valuesFiles: ["/w/shared/ci.yaml"]),
            WatchedSuiteFile(path: yamls, file: yamls, chartPath: "/w/app",
                             selections: [TemplateSelectionRule(chartRoute: "app", templates: ["templates/*.yaml"],
                                                                excludeTemplates: ["hpa.yaml"])]),
            WatchedSuiteFile(path: broken, file: broken, chartPath: "/w/app", selections: []),
            WatchedSuiteFile(path: subchart, file: subchart, chartPath: "/w/app",
                             selections: [TemplateSelectionRule(chartRoute: "app/charts/db", templates: ["statefulset.yaml"])]),
            WatchedSuiteFile(path: subchart, file: subchart, chartPath: "/w/app/charts/db",
                             selections: [TemplateSelectionRule(chartRoute: "db", templates: [])]),
        ]
        if let extraSuite {
            suites.insert(WatchedSuiteFile(path: extraSuite, file: extraSuite, chartPath: "/w/app",
                                           selections: [TemplateSelectionRule(chartRoute: "app", templates: [])]), at: 4)
        }
        return WatchPlan(charts: [
            WatchedChart(path: "/w/app", directory: "/w/app", name: "app", subchartRoutes: ["charts/db": "app/charts/db"], ignore: ignore),
            WatchedChart(path: "/w/app/charts/db", directory: "/w/app/charts/db", name: "db", ignore: ignore),
            WatchedChart(path: "/w/lib", directory: "/w/lib", name: nil),
        ], suites: suites, valuesFiles: ["/w/global.yaml"])
    }

    struct Row: Sendable, CustomStringConvertible {
        var path: String
        var cause: WatchCause
        var suites: [String]
        var charts: [String] = []
        var description: String { path }
    }

    static let rows: [Row] = [
        // Templates: the suites whose `templates:` select them, as helm-unittest matches.
        Row(path: "/w/app/templates/deployment.yaml", cause: .template("app/templates/deployment.yaml"), suites: [deployment, yamls]),
        Row(path: "/w/app/templates/configmap.yaml", cause: .template("app/templates/configmap.yaml"), suites: [deployment, yamls]),
        Row(path: "/w/app/templates/service.yaml", cause: .template("app/templates/service.yaml"), suites: [service, yamls]),
        Row(path: "/w/app/templates/extra/worker.yaml", cause: .template("app/templates/extra/worker.yaml"), suites: [yamls]),
        Row(path: "/w/app/charts/db/templates/statefulset.yaml", cause: .template("app/charts/db/templates/statefulset.yaml"),
            suites: [subchart]),
        // Partials, and templates no suite selects: the whole chart.
        Row(path: "/w/app/templates/_helpers.tpl", cause: .helper, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/templates/hpa.yaml", cause: .helper, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/templates/NOTES.txt", cause: .helper, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/charts/db/templates/_db.tpl", cause: .helper, suites: appSuites, charts: ["/w/app", "/w/app/charts/db"]),
        // Any other file of a chart: the whole chart (and charts around it).
        Row(path: "/w/app/values.yaml", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/values.schema.json", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/Chart.yaml", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/Chart.lock", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/files/app.conf", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/crds/crd.yaml", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/.helmignore", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        Row(path: "/w/app/charts/db/values.yaml", cause: .chartFile, suites: appSuites, charts: ["/w/app", "/w/app/charts/db"]),
        Row(path: "/w/app/charts/redis-1.0.0.tgz", cause: .chartFile, suites: appSuites, charts: ["/w/app"]),
        // Suite files and their snapshots: that suite file.
        Row(path: deployment, cause: .suiteFile, suites: [deployment]),
        Row(path: broken, cause: .suiteFile, suites: [broken]),
        Row(path: "/w/app/tests/__snapshot__/deployment_test.yaml.snap", cause: .snapshot, suites: [deployment]),
        Row(path: "/w/app/tests/__snapshot__/deployment_test.yaml_1.snap", cause: .snapshot, suites: [deployment]),
        Row(path: "/w/app/tests/gone_test.yaml", cause: .removedSuiteFile, suites: []),
        // Values files: the suites that name them; -v files: everything.
        Row(path: "/w/app/tests/values/prod.yaml", cause: .suiteValues, suites: [deployment]),
        Row(path: "/w/shared/ci.yaml", cause: .suiteValues, suites: [service]),
        Row(path: "/w/global.yaml", cause: .runValues, suites: appSuites, charts: ["/w/app", "/w/app/charts/db", "/w/lib"]),
        // A chart that cannot be loaded: it whole, to show its error.
        Row(path: "/w/lib/templates/a.yaml", cause: .chartFile, suites: [], charts: ["/w/lib"]),
        // Left out by .helmignore, or outside every chart: nothing.
        Row(path: "/w/app/tests/README.md", cause: .unrelated, suites: []),
        Row(path: "/w/app/templates/.service.yaml.swp", cause: .unrelated, suites: []),
        Row(path: "/w/app/templates/.hidden.yaml", cause: .unrelated, suites: []),
        Row(path: "/w/elsewhere/notes.txt", cause: .unrelated, suites: []),
    ]

    @Test(arguments: rows)
    func aChangedFileReRunsWhatItAffects(_ row: Row) throws {
        let before = try Self.plan(extraSuite: "/w/app/tests/gone_test.yaml")
        let rerun = WatchImpact.rerun(changed: [row.path], before: before, after: try Self.plan())
        #expect(rerun.changes == [WatchChange(path: row.path, cause: row.cause, suiteFiles: row.suites)])
        #expect(rerun.suiteFiles == row.suites)
        #expect(rerun.chartPaths == row.charts)
        #expect(rerun.isEmpty == (row.suites.isEmpty && row.charts.isEmpty))
        for file in row.suites + row.charts { #expect(rerun.selection(file)) }
        for file in Self.appSuites + ["/w/app", "/w/lib"] where !(row.suites + row.charts).contains(file) {
            #expect(!rerun.selection(file))
        }
    }

    @Test func aNewSuiteFileRunsAndChangesAreMergedInRunOrder() throws {
        let added = "/w/app/tests/new_test.yaml"
        let rerun = WatchImpact.rerun(changed: [added, "/w/app/templates/service.yaml", Self.deployment],
                                      before: try Self.plan(), after: try Self.plan(extraSuite: added))
        #expect(rerun.changes.map(\.cause) == [.newSuiteFile, .template("app/templates/service.yaml"), .suiteFile])
        // The new suite selects every template, service.yaml too.
        #expect(rerun.changes[1].suiteFiles == [Self.service, Self.yamls, added])
        #expect(rerun.suiteFiles == [Self.deployment, Self.service, Self.yamls, added])
        #expect(rerun.chartPaths.isEmpty)
    }

    @Test func aShardNarrowsTheRerunToItsOwnSuiteFiles() throws {
        let plan = try Self.plan()
        let shard: Set<String> = [Self.service, Self.yamls, "/w/lib"]
        let rerun = WatchImpact.rerun(changed: ["/w/app/values.yaml", "/w/lib/Chart.yaml"], before: plan, after: plan)
            .narrowed(to: shard.contains)
        #expect(rerun.suiteFiles == [Self.service, Self.yamls])
        #expect(rerun.chartPaths == ["/w/lib"])
        #expect(rerun.changes.map(\.cause) == [.chartFile, .chartFile])
        #expect(WatchRerun.everything(in: plan).narrowed(to: { $0 == Self.deployment }).suiteFiles == [Self.deployment])
        #expect(rerun.narrowed(to: { _ in false }).isEmpty)
    }

    @Test func rootsAreTheChartsAndTheDirectoriesOfValuesFilesOutsideThem() throws {
        var plan = try Self.plan()
        plan.charts.append(WatchedChart(path: "dist/web-1.0.0.tgz", directory: "/w/dist/web-1.0.0.tgz", isArchive: true, name: "web"))
        #expect(plan.roots == [
            WatchRoot(path: "/w/app", recursive: true),
            WatchRoot(path: "/w/app/charts/db", recursive: true),
            WatchRoot(path: "/w/lib", recursive: true),
            WatchRoot(path: "/w/dist", recursive: false),
            WatchRoot(path: "/w", recursive: false),
            WatchRoot(path: "/w/shared", recursive: false),
        ])
        let rerun = WatchImpact.rerun(changed: ["/w/dist/web-1.0.0.tgz", "/w/dist/other.tgz"], before: plan, after: plan)
        #expect(rerun.changes.map(\.cause) == [.chartFile, .unrelated])
        #expect(rerun.chartPaths == ["dist/web-1.0.0.tgz"])
    }

    /// The plan of a real chart: its suite files with their selections and values files.
    @Test func theWebappPlanKnowsWhatEachSuiteRenders() throws {
        let chart = Fixtures.repository.appendingPathComponent("examples/webapp").path
        let plan = TestRunner(renderer: HelmChartRenderer(), options: TestRunOptions()).watchPlan(chartPaths: [chart])
        #expect(plan.charts.map(\.name) == ["webapp"])
        #expect(plan.suites.count == 8)
        let deployment = try #require(plan.suites.first { $0.path.hasSuffix("/deployment_test.yaml") })
        #expect(deployment.selections.first?.templates.contains("templates/deployment.yaml") == true)
        #expect(deployment.valuesFiles == [chart + "/tests/values/production.yaml"])
        let name = { (path: String) in URL(fileURLWithPath: path).lastPathComponent }
        let cases: [(String, WatchCause, [String])] = [
            ("templates/service.yaml", .template("webapp/templates/service.yaml"), ["service_test.yaml"]),
            ("templates/configmap.yaml", .template("webapp/templates/configmap.yaml"), ["configmap_test.yaml", "deployment_test.yaml", "truststore_test.yaml"]),
            ("templates/_helpers.tpl", .helper, plan.suites.map { name($0.path) }),
            ("tests/values/ingress.yaml", .suiteValues, ["configmap_test.yaml", "ingress_test.yaml", "notes_test.yaml"]),
            ("tests/__snapshot__/notes_test.yaml.snap", .snapshot, ["notes_test.yaml"]),
            ("tests/README.md", .unrelated, []),
        ]
        for (file, cause, suites) in cases {
            let rerun = WatchImpact.rerun(changed: [chart + "/" + file], before: plan, after: plan)
            #expect(rerun.changes.first?.cause == cause, "\(file)")
            #expect(rerun.suiteFiles.map(name) == suites, "\(file)")
        }
    }
}
