/// Compiled metaschemas (compiled once, with format assertions on, as the
/// library's `init` does): each draft's alone, compiled when a schema of
/// that draft is first checked, and every draft's together, for the rare
/// document whose resources declare different drafts.
struct JSONSchemaMetaschemas: Sendable {
    let program: SchemaProgram
    /// Draft version → root node.
    let roots: [Int: Int]

    /// Every draft, in one program.
    static let all = JSONSchemaMetaschemas(drafts: SchemaDraft.all)
    private static let draft4 = JSONSchemaMetaschemas(drafts: [.draft4])
    private static let draft6 = JSONSchemaMetaschemas(drafts: [.draft6])
    private static let draft7 = JSONSchemaMetaschemas(drafts: [.draft7])
    private static let draft2019 = JSONSchemaMetaschemas(drafts: [.draft2019])
    private static let draft2020 = JSONSchemaMetaschemas(drafts: [.draft2020])

    private init(drafts: [SchemaDraft]) {
        var compiler = JSONSchemaCompiler(assertFormat: true, checksMetaschemas: false) { url in
            .failure(JSONSchemaError("no URLLoader set for \(url)"))
        }
        var roots: [Int: Int] = [:]
        for draft in drafts {
            if let root = try? compiler.compile(draft.url) { roots[draft.version] = root }
        }
        program = SchemaProgram(nodes: compiler.nodes)
        self.roots = roots
    }

    /// The compiled metaschemas that can check a document of `draft` whose
    /// resources are of the `dialects` drafts: that draft's alone when
    /// they all are of it.
    static func covering(_ draft: Int, dialects: [String: Int]) -> JSONSchemaMetaschemas {
        guard dialects.values.allSatisfy({ $0 == draft }) else { return all }
        switch draft {
        case 4: return draft4
        case 6: return draft6
        case 7: return draft7
        case 2019: return draft2019
        case 2020: return draft2020
        default: return all
        }
    }

    /// The embedded text of a metaschema URL (`http` or `https`, with
    /// `json-schema.org/schema` meaning the latest draft).
    static func documentText(_ url: String) -> String? {
        var path: Substring
        if url.hasPrefix("http://json-schema.org/") {
            path = url.dropFirst("http://json-schema.org/".count)
        } else if url.hasPrefix("https://json-schema.org/") {
            path = url.dropFirst("https://json-schema.org/".count)
        } else {
            return nil
        }
        if path == "schema" { path = "draft/2020-12/schema" }
        let docs = JSONSchemaMetaschemaDocs.documents
        return docs["https://json-schema.org/" + path] ?? docs["http://json-schema.org/" + path]
    }

    /// Validates a schema document (or a subschema of one) against the
    /// metaschema of `draft`; the error text, or nil if valid.
    static func validate(_ document: JSONSchemaValue, draft: Int, dialects: [String: Int]) -> String? {
        covering(draft, dialects: dialects).validate(document, draft: draft, dialects: dialects)
    }

    private func validate(_ document: JSONSchemaValue, draft: Int, dialects: [String: Int]) -> String? {
        guard let root = roots[draft] else { return nil }
        let context = SchemaMetaContext(roots: roots, dialects: dialects)
        return SchemaValidator.validate(document, program: program, root: root, metaContext: context)?.text
    }
}
