import Foundation
import GoStd
import Testing
import TestSupport
@testable import Helm
import Values

/// The warnings Helm logs while it layers values, worded and prefixed as
/// the `helm template` of each version prints them. Every expected line was
/// recorded from the real CLIs by `scripts/values-warnings-goldens.sh` on the
/// charts in Tests/Fixtures/charts/values-warnings. Where one Go map loop
/// logs several lines their order is random, in Helm and in chartunit (a
/// Swift dictionary's order differs from process to process): those
/// scenarios compare the lines in any order, the others line by line.
@Suite struct ValuesWarningTests {
    struct Scenario: Sendable, CustomStringConvertible {
        var chart: String
        var valuesFiles: [String] = []
        var set: [String] = []
        /// Whether every Go map loop logs at most one line, so the order is fixed.
        var ordered = true
        var helm3: [String]
        var helm4: [String]
        var description: String { ([chart] + valuesFiles.map { "-f " + $0 } + set.map { "--set " + $0 }).joined(separator: " ") }
    }

    static let inner = "warning: cannot overwrite table with non table for deps.sub.nested.inner (map[a:1])"
    static let depsV3 = [
        "dependencies.go:95: Warning: Tag 't1' for chart sub returned non-bool value",
        "dependencies.go:64: Warning: Condition path 'sub.enabled' for chart sub returned non-bool value",
        "coalesce.go:316: " + inner,
        #"dependencies.go:270: Warning: ImportValues missing table from chart sub: "missing" is not a table"#,
        #"dependencies.go:287: Warning: ImportValues missing table: "exports" is not a table"#,
    ]
    static let depsV4 = [
        "level=WARN msg=\"returned non-bool value\" tag=t1 chart=sub",
        "level=WARN msg=\"returned non-bool value\" path=sub.enabled chart=sub",
        "level=INFO msg=\"\(inner)\"",
        #"level=WARN msg="ImportValues missing table from chart" chart=sub error="\"missing\" is not a table""#,
        #"level=WARN msg="ImportValues missing table" error="\"exports\" is not a table""#,
    ]

    static let scenarios: [Scenario] = [
        Scenario(chart: "plain", valuesFiles: ["plain/over.yaml"], ordered: false, helm3: [
            "coalesce.go:316: warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])",
            "coalesce.go:319: warning: destination for plain.nested.leaf is a table. Ignoring non-table value (5)",
            "coalesce.go:237: warning: skipped value for plain.scalar: Not a table.",
        ], helm4: [
            #"level=INFO msg="warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])""#,
            #"level=INFO msg="warning: destination for plain.nested.leaf is a table. Ignoring non-table value (5)""#,
            #"level=INFO msg="warning: skipped value for plain.scalar: Not a table.""#,
        ]),
        Scenario(chart: "plain", set: ["nested.inner=3"], helm3: [
            "coalesce.go:316: warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])",
        ], helm4: [
            #"level=INFO msg="warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])""#,
        ]),
        Scenario(chart: "plain", valuesFiles: ["plain/over.yaml"], set: ["nested.leaf=4", "list.x=1", "big=null"], ordered: false, helm3: [
            "coalesce.go:316: warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])",
            "coalesce.go:237: warning: skipped value for plain.scalar: Not a table.",
            "coalesce.go:237: warning: skipped value for plain.list: Not a table.",
        ], helm4: [
            #"level=INFO msg="warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])""#,
            #"level=INFO msg="warning: skipped value for plain.scalar: Not a table.""#,
            #"level=INFO msg="warning: skipped value for plain.list: Not a table.""#,
        ]),
        // Go's `%v` of every kind of default value (Helm 3 keeps the default
        // null under `m`, whose key YAML 1.1 reads as false; `yes` is `true`).
        Scenario(chart: "formats", valuesFiles: ["formats/over.yaml"], ordered: false, helm3: [
            "coalesce.go:316: warning: cannot overwrite table with non table for formats.t.nested (map[a:[x] m:map[false:<nil>] z:1])",
            "coalesce.go:319: warning: destination for formats.t.true is a table. Ignoring non-table value (true)",
            #"coalesce.go:319: warning: destination for formats.t.quoted is a table. Ignoring non-table value (say "hi")"#,
            "coalesce.go:319: warning: destination for formats.t.date is a table. Ignoring non-table value (2024-01-01)",
            "coalesce.go:316: warning: cannot overwrite table with non table for formats.t.emptymap (map[])",
            "coalesce.go:319: warning: destination for formats.t.list is a table. Ignoring non-table value ([1 two map[k:v] <nil>])",
            "coalesce.go:319: warning: destination for formats.t.neg is a table. Ignoring non-table value (-3)",
            "coalesce.go:319: warning: destination for formats.t.big is a table. Ignoring non-table value (1e+06)",
            "coalesce.go:319: warning: destination for formats.t.float is a table. Ignoring non-table value (1.5)",
            "coalesce.go:319: warning: destination for formats.t.str is a table. Ignoring non-table value (hello world)",
        ], helm4: [
            #"level=INFO msg="warning: destination for formats.t.str is a table. Ignoring non-table value (hello world)""#,
            #"level=INFO msg="warning: cannot overwrite table with non table for formats.t.emptymap (map[])""#,
            #"level=INFO msg="warning: destination for formats.t.neg is a table. Ignoring non-table value (-3)""#,
            #"level=INFO msg="warning: cannot overwrite table with non table for formats.t.nested (map[a:[x] m:map[] z:1])""#,
            #"level=INFO msg="warning: destination for formats.t.big is a table. Ignoring non-table value (1e+06)""#,
            #"level=INFO msg="warning: destination for formats.t.float is a table. Ignoring non-table value (1.5)""#,
            #"level=INFO msg="warning: destination for formats.t.list is a table. Ignoring non-table value ([1 two map[k:v] <nil>])""#,
            #"level=INFO msg="warning: destination for formats.t.date is a table. Ignoring non-table value (2024-01-01)""#,
            #"level=INFO msg="warning: destination for formats.t.quoted is a table. Ignoring non-table value (say \"hi\")""#,
            #"level=INFO msg="warning: destination for formats.t.true is a table. Ignoring non-table value (true)""#,
        ]),
        // Dependencies: coalesced when conditions are read, when import-values
        // merges, and for rendering: three times the same line.
        Scenario(chart: "deps", helm3: ["coalesce.go:316: " + inner] + depsV3 + ["coalesce.go:316: " + inner],
                 helm4: ["level=INFO msg=\"\(inner)\""] + depsV4 + ["level=INFO msg=\"\(inner)\""]),
        Scenario(chart: "deps", set: ["global=5"], helm3: [
            "coalesce.go:145: warning: skipping globals because source global is not a table.",
            "coalesce.go:316: " + inner,
        ] + depsV3 + [
            "coalesce.go:145: warning: skipping globals because source global is not a table.",
            "coalesce.go:316: " + inner,
        ], helm4: [
            #"level=INFO msg="warning: skipping globals because source global is not a table.""#,
            "level=INFO msg=\"\(inner)\"",
        ] + depsV4 + [
            #"level=INFO msg="warning: skipping globals because source global is not a table.""#,
            "level=INFO msg=\"\(inner)\"",
        ]),
        Scenario(chart: "deps", set: ["sub.global.x=5", "sub.global.w.z=1"], ordered: false, helm3: [
            #"coalesce.go:161: Conflict: cannot merge map onto non-map for "x". Skipping."#,
            "coalesce.go:175: key w is table. Skipping",
            "coalesce.go:316: " + inner,
        ] + depsV3 + [
            "coalesce.go:316: warning: cannot overwrite table with non table for deps.sub.global.x (map[a:1])",
            "coalesce.go:319: warning: destination for deps.sub.global.w is a table. Ignoring non-table value (5)",
            #"coalesce.go:161: Conflict: cannot merge map onto non-map for "x". Skipping."#,
            "coalesce.go:175: key w is table. Skipping",
            "coalesce.go:316: " + inner,
        ], helm4: [
            #"level=INFO msg="Conflict: cannot merge map onto non-map for \"x\". Skipping.""#,
            #"level=INFO msg="key w is table. Skipping""#,
            "level=INFO msg=\"\(inner)\"",
        ] + depsV4 + [
            #"level=INFO msg="warning: cannot overwrite table with non table for deps.sub.global.x (map[a:1])""#,
            #"level=INFO msg="warning: destination for deps.sub.global.w is a table. Ignoring non-table value (5)""#,
            #"level=INFO msg="Conflict: cannot merge map onto non-map for \"x\". Skipping.""#,
            #"level=INFO msg="key w is table. Skipping""#,
            "level=INFO msg=\"\(inner)\"",
        ]),
        Scenario(chart: "deps", set: ["sub.global=3"], helm3: [
            "coalesce.go:138: warning: skipping globals because destination global is not a table.",
            "coalesce.go:316: " + inner,
        ] + depsV3 + [
            "coalesce.go:316: warning: cannot overwrite table with non table for deps.sub.global (map[w:5 x:map[a:1]])",
            "coalesce.go:138: warning: skipping globals because destination global is not a table.",
            "coalesce.go:316: " + inner,
        ], helm4: [
            #"level=INFO msg="warning: skipping globals because destination global is not a table.""#,
            "level=INFO msg=\"\(inner)\"",
        ] + depsV4 + [
            #"level=INFO msg="warning: cannot overwrite table with non table for deps.sub.global (map[w:5 x:map[a:1]])""#,
            #"level=INFO msg="warning: skipping globals because destination global is not a table.""#,
            "level=INFO msg=\"\(inner)\"",
        ]),
    ]

    static func logLines(_ scenario: Scenario, helm: HelmVersion) throws -> [String] {
        let folder = Fixtures.url("charts/values-warnings")
        var user = UserValues(set: scenario.set)
        for file in scenario.valuesFiles {
            user.files.append((name: file, data: Array(try Data(contentsOf: folder.appendingPathComponent(file)))))
        }
        let chart = try ChartLoader(helm: helm).load(path: folder.appendingPathComponent(scenario.chart).path)
        var warnings: [ValuesWarning] = []
        _ = try ValuesLayering.prepare(chart: chart, userValues: try user.merged(helm: helm), helm: helm, warnings: &warnings)
        return warnings.map { $0.logLine(helm == .v3 ? .helm3CLI : .helm4CLI) }
    }

    @Test(arguments: scenarios)
    func helmTemplateLogsTheseLines(_ scenario: Scenario) throws {
        for (helm, expected) in [(HelmVersion.v3, scenario.helm3), (.v4, scenario.helm4)] {
            let lines = try Self.logLines(scenario, helm: helm)
            if scenario.ordered {
                #expect(lines == expected, "\(helm)")
            } else {
                #expect(lines.sorted() == expected.sorted(), "\(helm)")
            }
        }
    }

    /// Nulls on either side and tables over tables log nothing.
    @Test func quietWithoutConflicts() throws {
        let quiet = Scenario(chart: "plain", set: ["nested.gone.b=2", "empty.c=3", "nested.leaf=null", "nested.inner.y=2"],
                             helm3: [], helm4: [])
        #expect(try Self.logLines(quiet, helm: .v3).isEmpty)
        #expect(try Self.logLines(quiet, helm: .v4).isEmpty)
    }

    /// helm-unittest's process keeps Go's standard loggers: a timestamp,
    /// then the text; Helm 4's slog warnings get the default handler's level.
    @Test(arguments: [
        (ValuesWarning(.skippedNotTable, path: "c.a", helm: .v3), "T warning: skipped value for c.a: Not a table."),
        (ValuesWarning(.tagNotBool, path: "t1", detail: "sub", helm: .v3), "T Warning: Tag 't1' for chart sub returned non-bool value"),
        (ValuesWarning(.tagNotBool, path: "t1", detail: "sub", helm: .v4), "T WARN returned non-bool value tag=t1 chart=sub"),
        (ValuesWarning(.importExportsMissing, detail: #""exports" is not a table"#, helm: .v4),
         #"T WARN ImportValues missing table error="\"exports\" is not a table""#),
        (ValuesWarning(.globalKeyIsTable, path: "a b", helm: .v4), "T key a b is table. Skipping"),
    ])
    func standardLoggerLines(_ warning: ValuesWarning, _ line: String) {
        #expect(warning.logLine(.standard(timestamp: "T")) == line)
    }

    /// slog's `needsQuoting`: bare words stay bare.
    @Test(arguments: [("sub", "sub"), ("a.b-c_d/e", "a.b-c_d/e"), ("", #""""#), ("a b", #""a b""#), ("a=b", #""a=b""#),
                      ("a\"b", #""a\"b""#), ("a\\b", "a\\b"), ("é", "é"), ("a\u{00A0}b", #""a\u00a0b""#), ("\t", #""\t""#)])
    func slogQuoting(_ text: String, _ encoded: String) {
        #expect(ValuesWarning.slogText(text) == encoded)
    }
}
