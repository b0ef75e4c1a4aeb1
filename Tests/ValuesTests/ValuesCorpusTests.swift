import Diagnostics
import TOML
import TestSupport
import Foundation
import Testing
@testable import Values

/// The values corpus: every case's expected output comes from real Helm
/// (`scripts/gen-values-corpus.py`); chartunit must match it byte for byte.
@Suite struct ValuesCorpusTests {
    struct Expected: Decodable {
        var toYaml: String?
        var toJson: String?
        var toPrettyJson: String?
        var toYamlPretty: String?
        var print: String?
        var toToml: String?
        var error: String?
    }

    static let cases = Fixtures.files(in: "values-corpus/cases", suffix: ".yaml")

    static func load(_ name: String) throws -> (text: String, expected: Expected) {
        let text = try Fixtures.text("values-corpus/cases/" + name)
        let base = String(name.dropLast(".yaml".count))
        let json = try Data(contentsOf: Fixtures.url("values-corpus/expected/\(base).json"))
        return (text, try JSONDecoder().decode(Expected.self, from: json))
    }

    @Test func corpusIsLarge() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases)
    func jsonAndPrint(name: String) throws {
        let (text, expected) = try Self.load(name)
        if let message = expected.error {
            do {
                _ = try YAMLValues.helmValues(text, file: name)
                Issue.record("Helm rejects this file: \(message)")
            } catch {
                #expect(error.message == message)
                #expect([.yamlSyntax, .yamlUnknownEscape, .yamlUnmarshal, .yamlAlias].contains(error.kind))
            }
            return
        }
        let values = Value.map(try YAMLValues.helmValues(text, file: name))
        #expect(try GoJSON.encode(values) == expected.toJson)
        #expect(try GoJSON.encode(values, indent: "  ") == expected.toPrettyJson)
        // Helm deletes every `<no value>` from rendered output (engine.go).
        #expect(GoFmt.format(values).replacingOccurrences(of: "<no value>", with: "") == expected.print)
        // Helm's toToml returns the encoder's error text as its output.
        let toml: String
        do { toml = try GoTOML.encode(values).text } catch let error as GoTOML.EncodingError { toml = error.message }
        #expect(toml.replacingOccurrences(of: "<no value>", with: "") == expected.toToml)
    }
}
