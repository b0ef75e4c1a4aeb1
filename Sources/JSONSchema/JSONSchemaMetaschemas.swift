/// The compiled metaschemas of every supported draft (compiled once, with
/// format assertions on, as the library's `init` does).
struct JSONSchemaMetaschemas: Sendable {
    let program: SchemaProgram
    /// Draft version → root node.
    let roots: [Int: Int]

    /// The shared, immutable set.
    static let shared = JSONSchemaMetaschemas()

    private init() {
        var compiler = JSONSchemaCompiler(assertFormat: true, metaschemas: nil) { url in
            .failure(JSONSchemaError("no URLLoader set for \(url)"))
        }
        var roots: [Int: Int] = [:]
        for draft in SchemaDraft.all {
            if let root = try? compiler.compile(draft.url) { roots[draft.version] = root }
        }
        program = SchemaProgram(nodes: compiler.nodes)
        self.roots = roots
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
    func validate(_ document: JSONSchemaValue, draft: Int, dialects: [String: Int]) -> String? {
        guard let root = roots[draft] else { return nil }
        let context = SchemaMetaContext(roots: roots, dialects: dialects)
        return SchemaValidator.validate(document, program: program, root: root, metaContext: context)?.text
    }
}
