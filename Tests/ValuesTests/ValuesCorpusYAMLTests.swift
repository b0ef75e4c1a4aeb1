import Foundation
import Testing
@testable import Values

/// The values corpus through `toYaml` and `toYamlPretty`, against real Helm.
@Suite struct ValuesCorpusYAMLTests {
    @Test(arguments: ValuesCorpusTests.cases)
    func toYamlAndPretty(name: String) throws {
        let (text, expected) = try ValuesCorpusTests.load(name)
        guard expected.error == nil else { return }
        let values = Value.map(try YAMLValues.helmValues(text, file: name))
        // Helm deletes every `<no value>` from rendered output (engine.go).
        func rendered(_ s: String) -> String { s.replacingOccurrences(of: "<no value>", with: "") }
        if let toYaml = expected.toYaml {
            #expect(rendered(helmToYAML(values) ?? "") == toYaml)
        }
        if let pretty = expected.toYamlPretty {
            #expect(rendered(helmToYAMLPretty(values)) == pretty)
        }
    }
}
