import Diagnostics
import Foundation
import JSONSchema
import TestSupport
@testable import UnitTest
@testable import Values
import YAML

/// The two judges of a suite document that the schema tests compare: the
/// JSON Schema (`schema/chartunit-testsuite.json`, as an editor's YAML
/// language server applies it to each `---` document) and `--strict`
/// decoding.
enum SuiteSchemaHarness {
    /// The schema file in the repository, byte for byte.
    static let fileBytes: [UInt8] = {
        let url = Fixtures.repository.appendingPathComponent("schema/chartunit-testsuite.json")
        return (try? Array(Data(contentsOf: url))) ?? []
    }()

    /// The schema as a JSON object.
    nonisolated(unsafe) static let document: [String: Any] = (try? JSONSerialization.jsonObject(with: Data(fileBytes))) as? [String: Any] ?? [:]

    /// The embedded schema compiled (and checked against its draft's metaschema).
    static let compiled: Result<CompiledSchema, JSONSchemaError> = compile(Array(SuiteSchema.json.utf8))

    /// Compiles a schema document; references outside it fail.
    static func compile(_ bytes: [UInt8]) -> Result<CompiledSchema, JSONSchemaError> {
        CompiledSchema.compile(bytes, url: "file:///chartunit-testsuite.json") { url in
            .failure(JSONSchemaError("no loader for \(url)"))
        }
    }

    /// One document as a YAML language server sees it: go-yaml v3 values
    /// through JSON (timestamps become text, keys strings, merge keys
    /// applied); nil for a part holding no document.
    static func instance(_ bytes: [UInt8]) throws(LocatedError) -> Value? {
        let documents = try YAMLParser.parseStream(bytes: bytes, file: "suite.yaml", dialect: .v3, limit: 1)
        guard let root = documents.first?.root else { return nil }
        var decoder = GoYAMLDecoder(dialect: .v3)
        return try YAMLValues.jsonRoundTrip(try decoder.decodeDocument(root))
    }

    /// The schema's verdict on one `---` part: nil when valid (or empty),
    /// else why not.
    static func schemaProblem(_ bytes: [UInt8]) -> String? {
        guard case .success(let schema) = compiled else { return "the schema does not compile" }
        do throws(LocatedError) {
            guard let value = try instance(bytes) else { return nil }
            return schema.validate(value)
        } catch {
            return "not YAML: \(error.message)"
        }
    }

    /// The schema's verdict on a whole file (every `---` part, split as
    /// chartunit and helm-unittest split suite files).
    static func schemaProblem(file bytes: [UInt8]) -> String? {
        for part in SuiteDecoder.split(bytes) where !SuiteDecoder.isBlank(part.bytes) {
            if let problem = schemaProblem(Array(part.bytes)) { return "part at line \(part.firstLine): \(problem)" }
        }
        return nil
    }

    /// `--strict` decoding's verdict on a file: nil when it decodes, else the first error.
    static func decoderProblem(_ bytes: [UInt8]) -> String? {
        let (_, errors) = SuiteDecoder.decodeFile(bytes, path: "suite.yaml", chartRoute: "chart",
                                                  options: SuiteDecodingOptions(strict: true))
        return errors.first?.message
    }

    /// The schema object at a JSON pointer-like list of keys.
    static func object(_ keys: String...) -> [String: Any] {
        var node: Any = document
        for key in keys { node = (node as? [String: Any])?[key] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    /// The property names of the schema object at `keys`.
    static func properties(_ keys: String...) -> Set<String> {
        var node: Any = document
        for key in keys { node = (node as? [String: Any])?[key] ?? [:] }
        return Set(((node as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
    }
}
