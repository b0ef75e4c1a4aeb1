import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// `chartunit render --output json` against the committed render corpus
/// (real Helm v4 through the oracle, scripts/gen-render-corpus.py): every
/// conformance chart with its defaults and each values file its suites use.
@Suite struct RenderCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var chart: String
        var values: String?
        var output: [String: String]?
        var error: String?
        var testDescription: String { "\(file) \(values ?? "defaults")" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for name in Fixtures.files(in: "render-corpus", suffix: ".json") {
            guard let data = try? Data(contentsOf: Fixtures.url("render-corpus/" + name)),
                  let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for row in rows {
                guard let chart = row["chart"] as? String else { continue }
                cases.append(Case(file: name, chart: chart, values: row["values"] as? String,
                                  output: row["output"] as? [String: String], error: row["error"] as? String))
            }
        }
        return cases
    }()

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 32)
    }

    /// Charts of the conformance data only where it is.
    @Test(arguments: cases.filter { FileManager.default.fileExists(atPath: Fixtures.recordedPath($0.chart).path) })
    func matchesRealHelm(_ row: Case) throws {
        let chart = Fixtures.recordedPath(row.chart).path
        var arguments = [chart, "--output", "json"]
        if let values = row.values { arguments += ["-f", chart + "/" + values] }
        let outcome = try CLI.render(arguments)

        if let output = row.output {
            #expect(outcome.stderr == "")
            #expect(outcome.exitCode == 0)
            #expect(outcome.stdout == PythonJSON.dump(output))
        } else {
            #expect(outcome.stdout == "")
            // Helm's text, then where the fault is when the text does not say.
            let helm = "Error: \(row.error ?? "")\n"
            #expect(outcome.stderr.hasPrefix(helm))
            let rest = outcome.stderr.dropFirst(helm.count)
            #expect(rest.isEmpty || rest.hasPrefix("at "), "\(rest)")
            #expect(outcome.exitCode == 1)
        }
    }
}
