/// Compiled metaschemas (with format assertions on, as the library's
/// `init` compiles them): each draft's alone, built from its generated
/// program (`JSONSchemaMetaschemas+Draft*.swift`, which `make
/// metaschema-programs` writes from this compiler's own output) when a
/// schema of that draft is first checked; and every draft's together,
/// compiled when a document's resources first declare different drafts.
struct JSONSchemaMetaschemas: Sendable {
    let program: SchemaProgram
    /// Draft version → root node.
    let roots: [Int: Int]

    /// Every draft, in one program.
    static let all = JSONSchemaMetaschemas(drafts: SchemaDraft.all)
    private static let draft4 = JSONSchemaMetaschemas(version: 4, draft4Program())
    private static let draft6 = JSONSchemaMetaschemas(version: 6, draft6Program())
    private static let draft7 = JSONSchemaMetaschemas(version: 7, draft7Program())
    private static let draft2019 = JSONSchemaMetaschemas(version: 2019, draft2019Program())
    private static let draft2020 = JSONSchemaMetaschemas(version: 2020, draft2020Program())

    /// The metaschemas of `drafts` compiled from their documents.
    init(drafts: [SchemaDraft]) {
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

    /// One draft's metaschema from its generated program.
    init(version: Int, _ generated: (nodes: [SchemaNode], root: Int)) {
        program = SchemaProgram(nodes: generated.nodes)
        roots = [version: generated.root]
    }

    /// A node of a generated program: at `pointer` of `url`, with the
    /// fields `set` gives it.
    static func node(_ url: String, _ pointer: String, _ set: (SchemaNode) -> Void) -> SchemaNode {
        let node = SchemaNode(url: url, pointer: pointer)
        set(node)
        return node
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
