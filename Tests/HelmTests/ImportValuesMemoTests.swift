import Diagnostics
import GoStd
import Testing
@testable import Helm
import Values

/// An engine runs import-values processing once per enabled dependency
/// tree (`ImportValuesMemo`): renders after the first get what a fresh
/// layering gives (values, dependency records, warnings, failures).
@Suite struct ImportValuesMemoTests {
    static let chart = [
        "Chart.yaml": """
            apiVersion: v2
            name: top
            version: 0.1.0
            dependencies:
            - name: sub
              version: 0.1.0
              condition: sub.enabled
              import-values:
              - child: local.annotations
                parent: annotations
              - data
            - name: sub
              alias: again
              version: 0.1.0
              tags: [again]
              import-values:
              - child: local
                parent: fromAgain
            - name: leaf
              version: 0.1.0
              import-values: [missing]
            """,
        "values.yaml": "annotations:\n  mine: yes\nglobal:\n  g: 1\n",
        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\ndependencies:\n- name: inner\n  version: 0.1.0\n  import-values: [deep]\n",
        "charts/sub/values.yaml": "local:\n  annotations:\n    k: v\n  n: 1\nexports:\n  data:\n    exported: true\n",
        "charts/sub/charts/inner/Chart.yaml": "apiVersion: v2\nname: inner\nversion: 0.1.0\n",
        "charts/sub/charts/inner/values.yaml": "exports:\n  deep:\n    d: 1\nlist: [1, 2]\n",
        "charts/leaf/Chart.yaml": "apiVersion: v2\nname: leaf\nversion: 0.1.0\n",
        "charts/leaf/values.yaml": "x: 1\n",
        "templates/t.yaml": #"{{ $_ := set .Values.annotations "set" "in-template" }}{{ toJson .Values }}"#,
    ]

    /// User values: toggling the condition and the tag changes the enabled
    /// tree; the others keep it and change values (a table where the
    /// defaults hold a scalar warns).
    static let userValues: [GoMap] = [
        GoMap(),
        GoMap(["sub": .map(GoMap(["enabled": .bool(false)]))]),
        GoMap(["tags": .map(GoMap(["again": .bool(false)]))]),
        GoMap(["annotations": .map(GoMap(["user": .string("u")]))]),
        GoMap(["leaf": .map(GoMap(["x": .map(GoMap(["t": .int(1)]))]))]),
        GoMap(["sub": .string("not a table")]),
        GoMap(),
    ]

    /// Everything a layering produced, as text.
    static func describe(_ run: (inout [ValuesWarning]) throws(LocatedError) -> ProcessedChart) -> String {
        var warnings: [ValuesWarning] = []
        do {
            let processed = try run(&warnings)
            func records(_ p: ProcessedChart) -> String {
                let own = (p.chart.metadata.dependencies ?? []).compactMap { $0 }.map { "\($0.name):\(GoFmt.format(.list($0.importValues ?? [])))" }
                return "\(p.path)[\(own.joined(separator: ","))]{\(GoFmt.format(.map(p.chart.defaultValues)))}"
                    + p.subcharts.map(records).joined()
            }
            return GoFmt.format(.map(processed.values)) + "\n" + records(processed) + "\n\(warnings)"
        } catch {
            return "error: \(error.message)\n\(warnings)"
        }
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func laterLayeringsMatchFreshOnes(helm: HelmVersion) throws {
        let loaded = try ChartLoader(helm: helm).loadFiles(Self.chart.keys.sorted().map {
            ChartFile(name: $0, data: Array(Self.chart[$0, default: ""].utf8))
        })
        let engine = HelmEngine(chart: loaded, helm: helm)
        for round in 0..<2 {
            for user in Self.userValues {
                let expected = Self.describe { (warnings: inout [ValuesWarning]) throws(LocatedError) in
                    try ValuesLayering.prepare(chart: loaded, userValues: user, helm: helm, warnings: &warnings)
                }
                let actual = Self.describe { (warnings: inout [ValuesWarning]) throws(LocatedError) in
                    try engine.prepare(userValues: user, validatingSchema: true, warnings: &warnings)
                }
                #expect(actual == expected, "round \(round), values \(GoFmt.format(.map(user)))")
                // Templates change the values they get, never the kept ones.
                _ = try? engine.render(userValues: user, options: RenderOptions(helm: helm))
            }
        }
    }
}
