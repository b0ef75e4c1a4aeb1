import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// Helm's values warnings on stderr, as helm-unittest 1.1.0 and `helm
/// template` print them. The expected text was recorded from the real
/// tools with `scripts/values-warnings-goldens.sh` (helm-unittest's log
/// timestamps masked as `TS`).
@Suite struct ValuesWarningOutputTests {
    static let folder = Fixtures.url("charts/values-warnings")

    static func masked(_ stderr: String) -> String {
        stderr.replacingOccurrences(of: #"(?m)^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d "#, with: "TS ", options: .regularExpression)
    }

    static let inner = "TS warning: cannot overwrite table with non table for deps.sub.nested.inner (map[a:1])\n"
    static let depsJob = inner + """
        TS Warning: Tag 't1' for chart sub returned non-bool value
        TS Warning: Condition path 'sub.enabled' for chart sub returned non-bool value

        """ + inner + """
        TS Warning: ImportValues missing table from chart sub: "missing" is not a table
        TS Warning: ImportValues missing table: "exports" is not a table

        """

    /// helm-unittest's stderr for `plain deps formats`, one of its orders: lines
    /// that one Go map loop logs come in a different order in every run (of
    /// helm-unittest and of chartunit), so the test compares sorted lines.
    static let peerStderr = """
        TS warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])
        TS warning: destination for plain.nested.leaf is a table. Ignoring non-table value (5)
        TS warning: skipped value for plain.scalar: Not a table.
        TS warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])
        TS warning: cannot overwrite table with non table for nested.leaf (map[a:1])
        TS warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])
        TS warning: skipped value for plain.scalar: Not a table.
        TS warning: skipped value for plain.list: Not a table.

        """ + depsJob + inner + """
        TS warning: skipping globals because source global is not a table.

        """ + depsJob + """
        TS warning: skipping globals because source global is not a table.

        """ + inner + """
        TS Conflict: cannot merge map onto non-map for "x". Skipping.
        TS key w is table. Skipping

        """ + depsJob + """
        TS warning: cannot overwrite table with non table for deps.sub.global.x (map[a:1])
        TS warning: destination for deps.sub.global.w is a table. Ignoring non-table value (5)
        TS Conflict: cannot merge map onto non-map for "x". Skipping.
        TS key w is table. Skipping

        """ + inner + """
        TS warning: skipping globals because destination global is not a table.

        """ + depsJob + """
        TS warning: cannot overwrite table with non table for deps.sub.global (map[w:5 x:map[a:1]])
        TS warning: skipping globals because destination global is not a table.

        """ + inner + """
        TS warning: destination for formats.t.quoted is a table. Ignoring non-table value (say "hi")
        TS warning: destination for formats.t.big is a table. Ignoring non-table value (1e+06)
        TS warning: destination for formats.t.neg is a table. Ignoring non-table value (-3)
        TS warning: destination for formats.t.list is a table. Ignoring non-table value ([1 two map[k:v] <nil>])
        TS warning: cannot overwrite table with non table for formats.t.emptymap (map[])
        TS warning: destination for formats.t.float is a table. Ignoring non-table value (1.5)
        TS warning: cannot overwrite table with non table for formats.t.nested (map[a:[x] m:map[false:<nil>] z:1])
        TS warning: destination for formats.t.str is a table. Ignoring non-table value (hello world)
        TS warning: destination for formats.t.date is a table. Ignoring non-table value (2024-01-01)
        TS warning: cannot overwrite table with non table for t.big (map[a:1])
        TS warning: cannot overwrite table with non table for t.list (map[a:1])
        TS warning: destination for t.emptymap is a table. Ignoring non-table value (0)
        TS warning: destination for formats.t.date is a table. Ignoring non-table value (2024-01-01)
        TS warning: cannot overwrite table with non table for formats.t.nested (map[a:[x] m:map[false:<nil>] z:1])
        TS warning: destination for formats.t.neg is a table. Ignoring non-table value (-3)
        TS warning: destination for formats.t.str is a table. Ignoring non-table value (hello world)
        TS warning: destination for formats.t.float is a table. Ignoring non-table value (1.5)
        TS warning: destination for formats.t.quoted is a table. Ignoring non-table value (say "hi")

        """

    @Test func testPrintsHelmUnittestsWarningsAndKeepsTheVerdicts() async throws {
        let charts = ["plain", "deps", "formats"].map { Self.folder.appendingPathComponent($0).path }
        for helmVersion in ["3", "4"] {
            let outcome = await CLI.run(["test", "--helm-version", helmVersion, "-j", "1"] + charts)
            #expect(outcome.exitCode == 1)
            #expect(outcome.stdout.contains(" FAIL  values warnings\t\(charts[0])/tests/warn_test.yaml\n\t- set replaces a table with a scalar\n"))
            #expect(outcome.stdout.contains(" PASS  dependency warnings\t\(charts[1])/tests/warn_test.yaml\n"))
            #expect(outcome.stdout.contains(" PASS  value formats\t\(charts[2])/tests/formats_test.yaml\n"))
            #expect(outcome.stdout.contains("Tests:       1 failed, 9 passed, 10 total\n"))
            // Helm 4 logs the dependency warnings through slog's default
            // handler and drops chart-default nulls before it coalesces.
            let expected = helmVersion == "3" ? Self.peerStderr : Self.peerStderr
                .replacingOccurrences(of: "m:map[false:<nil>]", with: "m:map[]")
                .replacingOccurrences(of: "TS Warning: Tag 't1' for chart sub returned non-bool value",
                                      with: "TS WARN returned non-bool value tag=t1 chart=sub")
                .replacingOccurrences(of: "TS Warning: Condition path 'sub.enabled' for chart sub returned non-bool value",
                                      with: "TS WARN returned non-bool value path=sub.enabled chart=sub")
                .replacingOccurrences(of: #"TS Warning: ImportValues missing table from chart sub: "missing" is not a table"#,
                                      with: #"TS WARN ImportValues missing table from chart chart=sub error="\"missing\" is not a table""#)
                .replacingOccurrences(of: #"TS Warning: ImportValues missing table: "exports" is not a table"#,
                                      with: #"TS WARN ImportValues missing table error="\"exports\" is not a table""#)
            let lines = Self.masked(outcome.stderr).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.sorted() == expected.split(separator: "\n", omittingEmptySubsequences: false).sorted(),
                    "--helm-version \(helmVersion)")
        }
    }

    /// `-v` files are merged over the chart defaults for subchart conditions
    /// first (helm-unittest logs that before the chart's header), then into
    /// every job's values.
    @Test func valuesFilesForConditionsLogFirst() async throws {
        let chart = Self.folder.appendingPathComponent("plain").path
        let outcome = await CLI.run(["test", "-v", Self.folder.appendingPathComponent("extra.yaml").path, chart])
        #expect(outcome.exitCode == 1)
        let lines = Self.masked(outcome.stderr).split(separator: "\n").map(String.init)
        #expect(lines.prefix(2).sorted() == [
            "TS warning: cannot overwrite table with non table for nested.inner (map[x:1])",
            "TS warning: destination for scalar is a table. Ignoring non-table value (7)",
        ])
        let inner = "TS warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])"
        let scalar = "TS warning: skipped value for plain.scalar: Not a table."
        #expect(lines.dropFirst(2).sorted() == [
            inner, inner, inner, inner,
            "TS warning: cannot overwrite table with non table for nested.leaf (map[a:1])",
            "TS warning: destination for plain.nested.leaf is a table. Ignoring non-table value (5)",
            "TS warning: skipped value for plain.list: Not a table.",
            scalar, scalar, scalar, scalar,
        ].sorted())
    }

    @Test func quietRunsPrintNothingOnStderr() async throws {
        let chart = try CLI.chart(["Chart.yaml": CLI.chartYAML(), "values.yaml": "a: {b: 1}\n",
                                   "templates/cm.yaml": "kind: ConfigMap\n",
                                   "tests/a_test.yaml": "suite: s\ntests:\n  - it: t\n    set: {a.c: 2}\n    asserts: [{isKind: {of: ConfigMap}}]\n"])
        let outcome = await CLI.run(["test", chart])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
    }

    @Test func timestampHasGosStandardLayout() {
        let stamp = ValuesWarningOutput.timestamp(Date(timeIntervalSince1970: 0))
        #expect(stamp.wholeMatch(of: /\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/) != nil)
    }

    /// `render` prints what `helm template` of the chosen version prints,
    /// also before an error.
    @Test(arguments: [
        ("3", "coalesce.go:316: warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])\n"),
        ("4", "level=INFO msg=\"warning: cannot overwrite table with non table for plain.nested.inner (map[x:1])\"\n"),
    ])
    func renderPrintsHelmTemplatesLines(_ helmVersion: String, _ line: String) throws {
        let chart = Self.folder.appendingPathComponent("plain").path
        let ok = try CLI.render(["--helm-version", helmVersion, "--set", "nested.inner=3", chart])
        #expect(ok.exitCode == 0)
        #expect(ok.stderr == line)
        #expect(ok.stdout.contains("kind: ConfigMap"))
        let failed = try CLI.render(["--helm-version", helmVersion, "--set", "nested.inner=3", "--show-only", "templates/nope.yaml", chart])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr == line + "Error: could not find template templates/nope.yaml in chart\n")
    }
}
