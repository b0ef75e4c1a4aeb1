import Foundation
import Testing
@testable import JSONSchema

/// The generated metaschema programs are what the compiler builds from the
/// metaschema documents, field by field; `make metaschema-programs` writes
/// them again (it sets `CHARTUNIT_WRITE_METASCHEMA_PROGRAMS` to the source
/// directory).
@Suite struct MetaschemaProgramTests {
    struct Draft: Sendable, CustomTestStringConvertible {
        let draft: SchemaDraft
        let name: String
        let file: String
        let generated: @Sendable () -> (nodes: [SchemaNode], root: Int)
        var testDescription: String { name }
    }

    static let drafts = [
        Draft(draft: .draft4, name: "4", file: "Draft4", generated: JSONSchemaMetaschemas.draft4Program),
        Draft(draft: .draft6, name: "6", file: "Draft6", generated: JSONSchemaMetaschemas.draft6Program),
        Draft(draft: .draft7, name: "7", file: "Draft7", generated: JSONSchemaMetaschemas.draft7Program),
        Draft(draft: .draft2019, name: "2019-09", file: "Draft2019", generated: JSONSchemaMetaschemas.draft2019Program),
        Draft(draft: .draft2020, name: "2020-12", file: "Draft2020", generated: JSONSchemaMetaschemas.draft2020Program),
    ]

    @Test(arguments: drafts)
    func generatedProgramIsTheCompiledOne(_ d: Draft) throws {
        let compiled = JSONSchemaMetaschemas(drafts: [d.draft])
        let root = try #require(compiled.roots[d.draft.version])
        if let directory = ProcessInfo.processInfo.environment["CHARTUNIT_WRITE_METASCHEMA_PROGRAMS"] {
            let text = MetaschemaProgramSource.file(draftName: d.name, function: "draft\(d.draft.version)Program",
                                                    nodes: compiled.program.nodes, root: root)
            try text.write(toFile: directory + "/JSONSchemaMetaschemas+\(d.file).swift", atomically: true, encoding: .utf8)
            return
        }
        let generated = d.generated()
        #expect(generated.root == root)
        #expect(generated.nodes.count == compiled.program.nodes.count)
        let want = MetaschemaProgramSource.description(of: compiled.program.nodes).split(separator: "\n")
        let got = MetaschemaProgramSource.description(of: generated.nodes).split(separator: "\n")
        if let first = zip(want, got).first(where: { $0.0 != $0.1 }) {
            Issue.record("generated node differs (run make metaschema-programs):\n  compiled:  \(first.0)\n  generated: \(first.1)")
        }
    }

    /// A property added to nodes must be added to the generator too.
    @Test func generatorWritesEveryStoredProperty() {
        let labels = Set(Mirror(reflecting: SchemaNode(url: "u", pointer: "")).children.compactMap(\.label))
        let written = Set(MetaschemaProgramSource.fields.map(\.label))
        #expect(written.count == MetaschemaProgramSource.fields.count)
        #expect(labels == written.union(MetaschemaProgramSource.derived))
    }

    /// The description tells nodes apart by each field.
    @Test func descriptionSeesEachField() {
        let a = SchemaNode(url: "u", pointer: "/p")
        let b = SchemaNode(url: "u", pointer: "/p")
        b.patternProperties = [("^a", SchemaRegex("^a"), 3)]
        b.constValue = .object(["x": .number(JSONSchemaNumber(text: "1.5", decimal: SchemaDecimal("1.5")!))])
        #expect(MetaschemaProgramSource.description(of: [a]) != MetaschemaProgramSource.description(of: [b]))
        b.patternProperties = []
        b.constValue = nil
        #expect(MetaschemaProgramSource.description(of: [a]) == MetaschemaProgramSource.description(of: [b]))
    }
}
