import TestSupport
import Foundation
import Testing
@testable import Helm
import Values

/// Whole charts rendered by chartunit and by real Helm v4
/// (`scripts/gen-render-corpus.py`): every file must be identical.
@Suite struct RenderCorpusTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var chart: String
        var values: String?
        var output: [String: String]?
        var error: String?
        var testDescription: String { chart + (values.map { " -f " + $0 } ?? "") }
    }

    static let cases: [Case] = Fixtures.files(in: "render-corpus", suffix: ".json").flatMap { name -> [Case] in
        guard let data = try? Data(contentsOf: Fixtures.url("render-corpus/" + name)) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }

    @Test func corpusLoaded() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func rendersLikeHelm(_ c: Case) throws {
        let chartURL = Fixtures.recordedPath(c.chart)
        guard FileManager.default.fileExists(atPath: chartURL.path) else { return }
        do {
            let chart = try ChartLoader(helm: .v4).load(path: chartURL.path)
            var user = GoMap()
            if let values = c.values {
                let text = try String(contentsOf: chartURL.appendingPathComponent(values), encoding: .utf8)
                user = try YAMLValues.helmValues(text)
            }
            let engine = HelmEngine(chart: chart, helm: .v4)
            let files = try engine.render(userValues: user, options: RenderOptions(helm: .v4))
            #expect(c.error == nil, "Helm fails with: \(c.error ?? "")")
            guard let expected = c.output else { return }
            #expect(Set(files.keys) == Set(expected.keys))
            for (path, text) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(files[path]?.text == text, "\(path)")
            }
        } catch {
            #expect(String(describing: error) == c.error)
        }
    }
}
