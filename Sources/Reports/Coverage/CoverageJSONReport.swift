import GoStd
import UnitTest
import Values

/// Coverage as a JSON document for other tools: object keys sorted
/// bytewise, indented by two spaces, ending with a newline, no HTML escaping.
///
/// Schema (version 1; a change that is not an added key bumps `version`):
///
/// ```
/// {
///   "version": 1,
///   "totals": Totals,                  // over all files
///   "files": [{                        // in the model's order: charts in run order, files by path
///     "chart": "examples/webapp",      // the chart directory the run was given
///     "name": "webapp/templates/a.yaml",  // as Helm names it
///     "file": "templates/a.yaml",      // inside the chart
///     "sourcePath": "examples/webapp/templates/a.yaml",
///     "selected": true,                // a suite selects it, or a helper reached from one
///     "totals": Totals,
///     "lines": [{"line": 3, "hits": 2}],                       // coverable lines, by number
///     "branches": [{"line": 4, "block": 0, "arm": 1, "label": "else", "hits": 0}],
///     "defines": [{"name": "webapp.labels", "line": 1, "hits": 2, "callers": ["webapp/templates/a.yaml"]}]
///   }]
/// }
/// Totals = {"lines": Count, "branches": Count, "defines": Count}
/// Count = {"found": 4, "hit": 3, "percent": 75}   // percent rounded down to two decimals; 100 when found is 0
/// ```
public struct CoverageJSONReport: Sendable {
    /// The schema's version.
    public static let schemaVersion = 1

    public init() {}

    /// The document.
    public func render(_ coverage: RunCoverage) -> String {
        let document: Value = .fields([
            "version": .count(Self.schemaVersion),
            "totals": Self.totals(coverage.totals),
            "files": .list(coverage.files.map(Self.file)),
        ])
        return document.reportJSON(empty: "{}")
    }

    static func totals(_ totals: CoverageTotals) -> Value {
        var fields: [String: Value] = [:]
        for metric in CoverageMetric.allCases {
            let (found, hit) = totals.counts(metric)
            fields[metric.rawValue] = .fields([
                "found": .count(found), "hit": .count(hit), "percent": .float(CoverageText.percentValue(hit, of: found)),
            ])
        }
        return .fields(fields)
    }

    static func file(_ file: FileCoverage) -> Value {
        .fields([
            "chart": .text(file.chartPath),
            "name": .text(file.name),
            "file": .text(CoverageText.relativeName(file)),
            "sourcePath": .text(file.sourcePath),
            "selected": .bool(file.selected),
            "totals": totals(file.totals),
            "lines": .list(file.lines.map { .fields(["line": .count($0.line), "hits": .count($0.hits)]) }),
            "branches": .list(file.branches.map {
                .fields(["line": .count($0.line), "block": .count($0.block), "arm": .count($0.arm),
                         "label": .text($0.label), "hits": .count($0.hits)])
            }),
            "defines": .list(file.defines.map {
                .fields(["name": .text($0.name), "line": .count($0.line), "hits": .count($0.hits),
                         "callers": .list($0.callers.map(Value.text))])
            }),
        ])
    }
}
