import Synchronization
import Values

/// A schema document compiled (and checked against its metaschema) once,
/// ready to validate values: the entry point of this module, which follows
/// santhosh-tekuri/jsonschema v6 (the library Helm validates values with).
public struct CompiledSchema: Sendable {
    let program: SchemaProgram
    let root: Int

    /// Compiles `document` as the resource `url`, resolving references
    /// through `loader`; formats are annotations only (Helm's setting).
    public static func compile(_ document: [UInt8], url: String,
                               loader: @escaping JSONSchemaLoader) -> Result<CompiledSchema, JSONSchemaError> {
        let value: JSONSchemaValue
        switch JSONSchemaDocument.unmarshal(document) {
        case .success(let doc): value = doc
        case .failure(let error): return .failure(error)
        }
        var compiler = JSONSchemaCompiler(assertFormat: false, checksMetaschemas: true, loader: loader)
        compiler.addResource(url, value)
        do {
            let root = try compiler.compile(url)
            return .success(CompiledSchema(program: SchemaProgram(nodes: compiler.nodes), root: root))
        } catch {
            return .failure(error)
        }
    }

    /// `Schema.Validate`: nil when `value` is valid, else the library's
    /// error text (`jsonschema validation failed with '<url>#'` and the
    /// failure tree).
    public func validate(_ value: Value) -> String? {
        SchemaValidator.validate(value, program: program, root: root)?.text
    }
}

/// Compiled schemas by document bytes, shared by every thread. A run
/// sees a handful of schemas and passes the same arrays again and again,
/// so a list searched with `==` (which answers at once for a shared
/// buffer) beats hashing the document on every render.
public final class CompiledSchemaCache: Sendable {
    private let entries = Mutex<[(schema: [UInt8], result: Result<CompiledSchema, JSONSchemaError>)]>([])

    /// An empty cache.
    public init() {}

    /// The cached result for `schema`, compiling it on first use.
    public func compiled(_ schema: [UInt8],
                         _ compile: ([UInt8]) -> Result<CompiledSchema, JSONSchemaError>) -> Result<CompiledSchema, JSONSchemaError> {
        if let hit = entries.withLock({ $0.first { $0.schema == schema }?.result }) { return hit }
        let result = compile(schema)
        entries.withLock { $0.append((schema, result)) }
        return result
    }
}
