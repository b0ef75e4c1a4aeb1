import GoStd
import TestSupport
import Foundation
import Testing
@testable import Helm
import Values

/// Chart loading, values layering and built-in object data against real
/// Helm v4 (`scripts/gen-chart-corpus.py`): each probe template's output is
/// recomputed from the loaded chart and compared byte for byte.
@Suite struct ChartCorpusTests {
    static let names = Fixtures.files(in: "chart-corpus", suffix: ".json")

    static let globs = ["**", "*", "files/*", "files/**", "**.txt", "*/*", "{files,data}/**", "[a-f]*", "?*",
                        "**/[!a-m]*", "[", "a[b-]", "\\*"]

    @Test func corpusLoaded() {
        #expect(Self.names.count >= 60)
    }

    /// Charts of the conformance data (`conformance-…`) only where it is.
    @Test(arguments: names.filter { Fixtures.hasConformance || !$0.hasPrefix("conformance-") })
    func matchesHelm(_ name: String) throws {
        let entry = try #require(try GoJSON.decode(Fixtures.text("chart-corpus/" + name)).mapValue)
        let path = Fixtures.recordedPath(entry["source"]?.stringValue ?? "").path
        let loader = ChartLoader(helm: .v4)
        if let expected = entry["loadError"]?.stringValue {
            do {
                _ = try loader.load(path: path)
                Issue.record("loaded, but Helm fails with: \(expected)")
            } catch {
                #expect(error.message.replacingOccurrences(of: path, with: "<chart>") == expected)
            }
            return
        }
        let chart = try loader.load(path: path)
        for c in entry["cases"]?.listValue ?? [] {
            guard let c = c.mapValue else { continue }
            let text = c["values"]?.stringValue ?? ""
            let user = try UserValues(files: text.isEmpty ? [] : [("values.yaml", Array(text.utf8))]).merged(helm: .v4)
            if let expected = c["error"]?.stringValue {
                if expected.hasPrefix("values don't meet") { continue }  // schema validation: not here
                expectError(expected) { try ValuesLayering.prepare(chart: chart, userValues: user, helm: .v4) }
                continue
            }
            let processed = try ValuesLayering.prepare(chart: chart, userValues: user, helm: .v4)
            let byPath = Dictionary(processed.allCharts.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            for (goKey, expected) in (c["render"]?.mapValue?.entries ?? [:]).sorted(by: { $0.key < $1.key }) {
                let key = goKey.text
                guard let range = key.range(of: "/templates/zz-probe-") else { continue }
                let chartPath = String(key[..<range.lowerBound])
                let probe = String(key[range.upperBound...].dropLast(".yaml".count))
                guard let pc = byPath[chartPath] else {
                    Issue.record("no processed chart at \(chartPath) (have \(byPath.keys.sorted()))")
                    continue
                }
                let actual = try Self.probe(probe, pc, root: processed)
                var want = expected.stringValue ?? ""
                if probe == "capabilities" { want = try GoJSON.encode(GoJSON.decode(want)) }
                #expect(actual == want, "\(name) [\(text)] \(key)")
            }
        }
    }

    static func probe(_ probe: String, _ pc: ProcessedChart, root: ProcessedChart) throws -> String {
        switch probe {
        case "values":
            return try GoJSON.encode(.map(pc.values))
        case "chart":
            return try GoJSON.encode(.map(pc.chart.metadata.v4ChartValue(isRoot: pc.isRoot)))
        case "files":
            let files = ChartFilesData(pc.chart.files)
            return globs.map { files.glob($0).sortedPaths.map { $0.text + "\n" }.joined() + "---\n" }.joined()
        case "asconfig":
            return ChartFilesData(pc.chart.files).glob("**").asConfig()
        case "capabilities":
            return try GoJSON.encode(.map(CapabilitiesInfo.defaults(.v4).value))
        case "release":
            return try GoJSON.encode(.map(ReleaseInfo.defaults(.v4).value))
        case "tree":
            func walk(_ c: ProcessedChart) -> String {
                c.path + "\n" + c.subcharts.sorted { goLess($0.name, $1.name) }.map(walk).joined()
            }
            return walk(root)
        default:
            return "unknown probe \(probe)"
        }
    }
}
