import TestSupport
import Testing
@testable import Values

/// Cases rendered by real Helm v4.2.3 (`Tests/Fixtures/emitter/gen.py`):
/// each value, given to a chart as values (numbers are float64), through
/// `toYaml` and `toYamlPretty`.
@Suite struct HelmToYAMLOracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var value: Value
        var toYaml: String
        var toYamlPretty: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let files = ["emitter/helm-toyaml.json", "emitter/helm-toyaml-fuzz.json"]
        let items = files.flatMap { file -> [Value] in
            guard case .list(let items, _)? = (try? Fixtures.text(file)).flatMap({ try? GoJSON.decode($0) }) else { return [] }
            return items
        }
        return items.compactMap { item in
            guard let m = item.mapValue, let name = m["name"]?.stringValue, let value = m["value"],
                  let y = m["toYaml"]?.stringValue, let p = m["toYamlPretty"]?.stringValue else { return nil }
            return Case(name: name, value: value, toYaml: y, toYamlPretty: p)
        }
    }()

    @Test func fixtureLoaded() {
        #expect(Self.cases.count > 900)
    }

    /// Cases whose keys v2 orders inconsistently (`10` < `1a` < `01` < `10`):
    /// real Helm's order varies from run to run, so only the lines are compared.
    static let unorderedV2 = ["keys"]

    @Test(arguments: cases)
    func toYaml(_ c: Case) {
        let actual = helmToYAML(c.value) ?? ""
        if Self.unorderedV2.contains(c.name) {
            #expect(actual.split(separator: "\n").sorted() == c.toYaml.split(separator: "\n").sorted())
        } else {
            #expect(actual == c.toYaml)
        }
    }

    @Test(arguments: cases)
    func toYamlPretty(_ c: Case) {
        #expect(helmToYAMLPretty(c.value) == c.toYamlPretty)
    }
}
