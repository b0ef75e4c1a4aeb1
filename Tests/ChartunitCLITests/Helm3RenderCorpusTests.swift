import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// `chartunit render --helm-version 3` against what the real `helm3 template`
/// (3.20.2) printed for every conformance and example chart, with its
/// defaults and each values file its suites use
/// (scripts/gen-helm3-render-corpus.py): stdout, stderr and exit status.
@Suite struct Helm3RenderCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var chart: String
        var values: String?
        var stdout: String?
        /// For random output: the lines, nil where two Helm runs differed.
        var stdoutLines: [String?]?
        var stderr: String
        var status: Int32
        var testDescription: String { "\(chart) \(values ?? "defaults")" }
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Fixtures.url("helm3-render-corpus.json")),
              let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let chart = row["chart"] as? String else { return nil }
            return Case(chart: chart, values: row["values"] as? String, stdout: row["stdout"] as? String,
                        stdoutLines: (row["stdoutLines"] as? [Any])?.map { $0 as? String },
                        stderr: row["stderr"] as? String ?? "", status: Int32(row["status"] as? Int ?? -1))
        }
    }()

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases.filter { FileManager.default.fileExists(atPath: Fixtures.recordedPath($0.chart).path) })
    func matchesHelm3Template(_ row: Case) throws {
        let chart = Fixtures.recordedPath(row.chart).path
        var arguments = [chart, "--helm-version", "3"]
        if let values = row.values { arguments += ["-f", chart + "/" + values] }
        let outcome = try CLI.render(arguments)
        let stdout = outcome.stdout.replacingOccurrences(of: chart, with: "$CHART")
        #expect(outcome.stderr.replacingOccurrences(of: chart, with: "$CHART") == row.stderr)
        #expect(outcome.exitCode == row.status)
        if let expected = row.stdout {
            #expect(stdout == expected)
        } else if let lines = row.stdoutLines {
            let ours = stdout.components(separatedBy: "\n")
            #expect(ours.count == lines.count)
            for (mine, theirs) in zip(ours, lines) where theirs != nil {
                #expect(mine == theirs)
            }
        }
    }
}
