import Foundation
import Testing
import UnitTest
@testable import Reports

/// The console table, the threshold check, lcov and JSON on the hand-made run.
struct CoverageConsoleReportTests {
    @Test func table() {
        let expected = """
        ----------------------------|---------|------------|-----------|-----------------
        File                        | % Lines | % Branches | % Defines | Uncovered lines
        ----------------------------|---------|------------|-----------|-----------------
         charts/webapp              |   71.42 |      33.33 |     50.00 |
          templates/_helpers.tpl    |   50.00 |      20.00 |     50.00 | 5
          templates/deployment.yaml |   75.00 |      42.85 |    100.00 | 8-10,15
         charts/platform            |    0.00 |       0.00 |    100.00 |
          templates/configmap.yaml  |    0.00 |       0.00 |    100.00 | 1-5
        ----------------------------|---------|------------|-----------|-----------------
        All files                   |   52.63 |      28.57 |     50.00 |
        ----------------------------|---------|------------|-----------|-----------------

        """
        let actual = CoverageConsoleReport().render(CoverageSample.run)
        #expect(actual == expected, "\(firstDifference(actual, expected))")
    }

    @Test func emptyRun() {
        #expect(CoverageConsoleReport().render(RunCoverage(files: [])) == """
        ----------|---------|------------|-----------|-----------------
        File      | % Lines | % Branches | % Defines | Uncovered lines
        ----------|---------|------------|-----------|-----------------
        All files |  100.00 |     100.00 |    100.00 |
        ----------|---------|------------|-----------|-----------------

        """)
    }

    /// Percentages by watermark (green ≥ 80, yellow ≥ 50, red below), names
    /// of charts and totals bold, uncovered lines red; padding outside the escapes.
    @Test func colours() {
        let lines = CoverageConsoleReport(colored: true).render(CoverageSample.run).split(separator: "\n").map(String.init)
        #expect(lines[3] == "\u{1B}[1m charts/webapp\u{1B}[22m              | \u{1B}[33m  71.42\u{1B}[0m | "
            + "\u{1B}[31m     33.33\u{1B}[0m | \u{1B}[33m    50.00\u{1B}[0m |")
        #expect(lines[5] == "  templates/deployment.yaml | \u{1B}[33m  75.00\u{1B}[0m | \u{1B}[31m     42.85\u{1B}[0m | "
            + "\u{1B}[32m   100.00\u{1B}[0m | \u{1B}[31m8-10,15\u{1B}[0m")
    }

    static let uncoveredRows: [(lines: [(Int, Int)], width: Int?, expected: String)] = [
        ([], nil, ""),
        ([(1, 1), (2, 3)], nil, ""),
        ([(1, 0)], nil, "1"),
        ([(1, 0), (2, 0), (3, 0), (4, 0)], nil, "1-4"),
        // Lines that are not coverable do not break a range; a covered line does.
        ([(12, 0), (13, 0), (15, 0), (16, 1), (17, 0), (20, 0)], nil, "12-15,17-20"),
        ([(3, 0), (4, 2), (5, 0), (9, 1), (20, 0)], nil, "3,5,20"),
        ([(1, 0), (3, 1), (5, 0), (7, 1), (9, 0), (11, 1), (13, 0)], 7, "1,5,9…"),
        ([(1, 0), (3, 1), (5, 0), (7, 1), (9, 0), (11, 1), (13, 0)], 8, "1,5,9,13"),
        ([(100, 0), (101, 0), (103, 1), (200, 0)], 3, "…"),
    ]

    @Test(arguments: uncoveredRows)
    func uncoveredLines(_ row: (lines: [(Int, Int)], width: Int?, expected: String)) {
        let lines = row.lines.map { LineCoverage(line: $0.0, hits: $0.1) }
        #expect(CoverageConsoleReport(uncoveredWidth: row.width).uncovered(lines) == row.expected)
    }

    @Test(arguments: [
        (0, 0, "100.00"), (0, 7, "0.00"), (7, 7, "100.00"), (1, 3, "33.33"), (2, 3, "66.66"),
        (29, 100, "29.00"), (9999, 10000, "99.99"), (99999, 100000, "99.99"), (1, 100000, "0.00"), (1, 8, "12.50"),
    ])
    func percentages(_ row: (Int, Int, String)) {
        #expect(CoverageText.percent(row.0, of: row.1) == row.2)
    }
}

struct CoverageThresholdTests {
    static let totals = CoverageTotals(lines: 40, linesHit: 29, branches: 3, branchesHit: 2, defines: 0, definesHit: 0)

    static let rows: [(CoverageThresholds, [String])] = [
        (CoverageThresholds(), []),
        (CoverageThresholds(lines: 72.5, branches: 66.66, defines: 100), []),
        (CoverageThresholds(lines: 80), ["coverage for lines (72.50%) does not meet the threshold (80%): 7.50% short"]),
        (CoverageThresholds(lines: 72.51, branches: 66.67, defines: 100), [
            "coverage for lines (72.50%) does not meet the threshold (72.51%): 0.01% short",
            "coverage for branches (66.66%) does not meet the threshold (66.67%): 0.01% short",
        ]),
        (CoverageThresholds(branches: 70), ["coverage for branches (66.66%) does not meet the threshold (70%): 3.34% short"]),
        (CoverageThresholds(lines: 100.5), ["coverage for lines (72.50%) does not meet the threshold (100.5%): 28.00% short"]),
    ]

    @Test(arguments: rows)
    func messages(_ row: (CoverageThresholds, [String])) {
        #expect(row.0.shortfalls(Self.totals).map(\.message) == row.1)
    }

    @Test func shortfallData() {
        let shortfalls = CoverageThresholds(lines: 80, defines: 1).shortfalls(Self.totals)
        #expect(shortfalls == [CoverageShortfall(metric: .lines, hit: 29, found: 40, threshold: 80)])
        #expect(shortfalls.first?.actual == 72.5)
        #expect(shortfalls.first?.short == 7.5)
        let noise = CoverageThresholds(lines: 0.29).shortfalls(CoverageTotals(lines: 100, linesHit: 0))
        #expect(noise.map(\.message) == ["coverage for lines (0.00%) does not meet the threshold (0.29%): 0.29% short"])
    }
}

struct LCOVReportTests {
    @Test func tracefile() {
        let expected = """
        TN:
        SF:charts/webapp/templates/_helpers.tpl
        FN:1,webapp.name
        FN:4,webapp.labels
        FNDA:3,webapp.name
        FNDA:0,webapp.labels
        FNF:2
        FNH:1
        BRDA:2,0,0,0
        BRDA:2,0,1,3
        BRDA:5,1,0,-
        BRDA:5,2,0,-
        BRDA:5,2,1,-
        BRF:5
        BRH:1
        DA:2,3
        DA:5,0
        LF:2
        LH:1
        end_of_record
        TN:
        SF:charts/webapp/templates/deployment.yaml
        FNF:0
        FNH:0
        BRDA:4,0,0,0
        BRDA:4,1,0,0
        BRDA:4,1,1,3
        BRDA:7,2,0,0
        BRDA:7,2,1,3
        BRDA:14,3,0,0
        BRDA:14,3,1,3
        BRF:7
        BRH:3
        DA:1,3
        DA:2,3
        DA:3,3
        DA:4,3
        DA:5,3
        DA:6,3
        DA:7,3
        DA:8,0
        DA:10,0
        DA:12,3
        DA:14,3
        DA:15,0
        LF:12
        LH:9
        end_of_record
        TN:
        SF:charts/platform/templates/configmap.yaml
        FNF:0
        FNH:0
        BRDA:4,0,0,-
        BRDA:4,0,1,-
        BRF:2
        BRH:0
        DA:1,0
        DA:2,0
        DA:3,0
        DA:4,0
        DA:5,0
        LF:5
        LH:0
        end_of_record

        """
        let actual = LCOVReport().render(CoverageSample.run)
        #expect(actual == expected, "\(firstDifference(actual, expected))")
        #expect(LCOVReport().render(RunCoverage(files: [])) == "")
    }

    @Test(arguments: [
        (nil, "charts/webapp/templates/_helpers.tpl", "charts/webapp/templates/_helpers.tpl"),
        ("/work/dir", "charts/webapp/templates/_helpers.tpl", "/work/dir/charts/webapp/templates/_helpers.tpl"),
        ("/work/dir/", "charts/a.yaml", "/work/dir/charts/a.yaml"),
        ("/work/dir", "/abs/chart/templates/a.yaml", "/abs/chart/templates/a.yaml"),
    ] as [(String?, String, String)])
    func sourceFiles(_ row: (String?, String, String)) {
        var file = CoverageSample.configmap
        file.sourcePath = row.1
        let record = LCOVReport(testName: "unit", baseDirectory: row.0).record(file)
        #expect(record.hasPrefix("TN:unit\nSF:\(row.2)\n"))
    }

    /// lcov reads a name up to the first comma and keys functions by name.
    @Test func functionNames() {
        let defines = [
            DefineCoverage(name: "a,b", line: 1, hits: 1, callers: []),
            DefineCoverage(name: "twice", line: 3, hits: 0, callers: []),
            DefineCoverage(name: "line\nbreak", line: 5, hits: 0, callers: []),
            DefineCoverage(name: "", line: 7, hits: 0, callers: []),
            DefineCoverage(name: "twice", line: 9, hits: 2, callers: []),
        ]
        #expect(LCOVReport.functionNames(defines) == ["a_b", "twice (line 3)", "line_break", "\"\"", "twice (line 9)"])
    }

    /// The arms of a reached branch point keep their zero counts; `-` only
    /// when neither the arms nor the line ran.
    @Test(arguments: [
        (0, [0, 0], "-,-"), (2, [0, 0], "0,0"), (0, [0, 1], "0,1"), (nil, [0, 0], "-,-"), (nil, [2, 0], "2,0"),
        (1, [0], "0"), (0, [0], "-"),
    ] as [(Int?, [Int], String)])
    func notReached(_ row: (Int?, [Int], String)) {
        let lines = row.0.map { [LineCoverage(line: 4, hits: $0)] } ?? []
        let arms = row.1.enumerated().map { BranchArm(line: 4, block: 0, arm: $0, label: "arm", hits: $1) }
        let file = FileCoverage(chartPath: "c", name: "c/templates/a.yaml", sourcePath: "a.yaml", source: "", selected: true,
                                lines: lines, branches: arms, defines: [])
        let counts = LCOVReport().record(file).split(separator: "\n").filter { $0.hasPrefix("BRDA:4,0,") }.map { $0.split(separator: ",")[3] }
        #expect(counts.joined(separator: ",") == row.2)
    }
}

struct CoverageJSONReportTests {
    @Test func oneFile() {
        let expected = """
        {
          "files": [
            {
              "branches": [
                {
                  "arm": 0,
                  "block": 0,
                  "hits": 0,
                  "label": "default value",
                  "line": 2
                },
                {
                  "arm": 1,
                  "block": 0,
                  "hits": 3,
                  "label": "default fallback",
                  "line": 2
                },
                {
                  "arm": 0,
                  "block": 1,
                  "hits": 0,
                  "label": "and operand 2",
                  "line": 5
                },
                {
                  "arm": 0,
                  "block": 2,
                  "hits": 0,
                  "label": "if true",
                  "line": 5
                },
                {
                  "arm": 1,
                  "block": 2,
                  "hits": 0,
                  "label": "else",
                  "line": 5
                }
              ],
              "chart": "charts/webapp",
              "defines": [
                {
                  "callers": [
                    "webapp/templates/deployment.yaml"
                  ],
                  "hits": 3,
                  "line": 1,
                  "name": "webapp.name"
                },
                {
                  "callers": [],
                  "hits": 0,
                  "line": 4,
                  "name": "webapp.labels"
                }
              ],
              "file": "templates/_helpers.tpl",
              "lines": [
                {
                  "hits": 3,
                  "line": 2
                },
                {
                  "hits": 0,
                  "line": 5
                }
              ],
              "name": "webapp/templates/_helpers.tpl",
              "selected": true,
              "sourcePath": "charts/webapp/templates/_helpers.tpl",
              "totals": {
                "branches": {
                  "found": 5,
                  "hit": 1,
                  "percent": 20
                },
                "defines": {
                  "found": 2,
                  "hit": 1,
                  "percent": 50
                },
                "lines": {
                  "found": 2,
                  "hit": 1,
                  "percent": 50
                }
              }
            }
          ],
          "totals": {
            "branches": {
              "found": 5,
              "hit": 1,
              "percent": 20
            },
            "defines": {
              "found": 2,
              "hit": 1,
              "percent": 50
            },
            "lines": {
              "found": 2,
              "hit": 1,
              "percent": 50
            }
          },
          "version": 1
        }

        """
        let actual = CoverageJSONReport().render(RunCoverage(files: [CoverageSample.helpers]))
        #expect(actual == expected, "\(firstDifference(actual, expected))")
    }

    /// The whole sample: every file, in order, with its flags, and the run's totals.
    @Test func wholeRun() throws {
        let text = CoverageJSONReport().render(CoverageSample.run)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["file"] as? String } == ["templates/_helpers.tpl", "templates/deployment.yaml", "templates/configmap.yaml"])
        #expect(files.compactMap { $0["selected"] as? Bool } == [true, true, false])
        #expect(files.compactMap { ($0["lines"] as? [Any])?.count } == [2, 12, 5])
        let totals = try #require(document["totals"] as? [String: [String: Any]])
        #expect(totals["lines"]?["found"] as? Int == 19)
        #expect(totals["lines"]?["hit"] as? Int == 10)
        #expect(totals["lines"]?["percent"] as? Double == 52.63)
        #expect(totals["branches"]?["hit"] as? Int == 4)
        #expect(totals["defines"]?["found"] as? Int == 2)
        #expect(text.contains("\"percent\": 28.57\n"))
        #expect(CoverageJSONReport().render(RunCoverage(files: [])).hasPrefix("{\n  \"files\": [],\n"))
    }
}
