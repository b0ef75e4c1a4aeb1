import GoStd

/// Compiled schemas: the node arena and the entry point.
struct JSONSchemaProgram: Sendable {
    var nodes: [SchemaNode]
    var root: Int
}

/// Loads a schema document that a `$ref` or `$schema` names by URL.
public typealias JSONSchemaLoader = @Sendable (String) -> Result<JSONSchemaValue, JSONSchemaError>

/// The library's `Compiler`: collects resources, checks documents against
/// their draft's metaschema, and compiles reachable subschemas breadth
/// first. Drafts without `$schema` default to 2020-12.
struct JSONSchemaCompiler {
    var nodes: [SchemaNode] = []
    private var index: [String: Int] = [:]
    private var queue: [Int] = []
    private var roots: [String: SchemaRoot] = [:]
    private var docs: [String: JSONSchemaValue] = [:]
    /// Whether `format` is asserted regardless of draft (`AssertFormat`).
    let assertFormat: Bool
    /// Whether documents are validated against their draft's metaschema
    /// (not while compiling the metaschemas themselves).
    let checksMetaschemas: Bool
    let loader: JSONSchemaLoader

    init(assertFormat: Bool, checksMetaschemas: Bool, loader: @escaping JSONSchemaLoader) {
        self.assertFormat = assertFormat
        self.checksMetaschemas = checksMetaschemas
        self.loader = loader
    }

    /// `AddResource(url, doc)`.
    mutating func addResource(_ url: String, _ doc: JSONSchemaValue) {
        docs[url] = doc
    }

    /// `Compile(url)`: the compiled schema at the document's root.
    mutating func compile(_ url: String) throws(JSONSchemaError) -> Int {
        let (u, fragment) = SchemaURL.split(url)
        let (rootURL, pointer) = try resolveFragment(url: u, fragment: SchemaURL.percentDecode(fragment) ?? fragment)
        let start = enqueue(rootURL, pointer)
        var compiled = 0
        while compiled < queue.count {
            let id = queue[compiled]
            try ensureSubschema(nodes[id].url, nodes[id].pointer)
            guard let root = roots[nodes[id].url] else { throw JSONSchemaError("schema root missing") }
            let value = try root.lookup(nodes[id].pointer)
            try compileValue(value, id, root)
            compiled += 1
        }
        queue.removeAll()
        return start
    }

    // MARK: loading and resources

    private mutating func load(_ url: String) throws(JSONSchemaError) -> JSONSchemaValue {
        if let doc = docs[url] { return doc }
        if let text = JSONSchemaMetaschemas.documentText(url) {
            let doc = JSONSchemaDocument.trusted(text)
            docs[url] = doc
            return doc
        }
        switch loader(url) {
        case .success(let doc):
            docs[url] = doc
            return doc
        case .failure(let error):
            throw JSONSchemaError("failing loading \(GoQuote.quote(url)): \(error.message)")
        }
    }

    private mutating func orLoad(_ url: String) throws(JSONSchemaError) -> SchemaRoot {
        if let root = roots[url] { return root }
        let doc = try load(url)
        var root = SchemaRoot(url: url, doc: doc)
        try collectResources(&root, doc, base: url, pointer: "", fallback: SchemaDraft.draft2020)
        if !url.hasPrefix("http://json-schema.org/") && !url.hasPrefix("https://json-schema.org/") {
            try validateAgainstMeta(root, doc, pointer: "")
        }
        roots[url] = root
        return root
    }

    private mutating func resolveFragment(url: String, fragment: String) throws(JSONSchemaError) -> (String, String) {
        let root = try orLoad(url)
        guard let res = root.resources[""] else { throw JSONSchemaError("schema root missing") }
        return (url, try Self.resolveFragment(root, fragment, in: res))
    }

    private static func resolveFragment(_ root: SchemaRoot, _ fragment: String, in res: SchemaResource) throws(JSONSchemaError) -> String {
        if fragment.isEmpty || fragment.hasPrefix("/") { return res.pointer + fragment }
        guard let pointer = res.anchors[fragment] else {
            throw JSONSchemaError("anchor in \(GoQuote.quote(res.id + "#" + SchemaURL.encodeFragment(fragment))) not found in schema \(GoQuote.quote(root.url))")
        }
        return pointer
    }

    private mutating func draftOf(_ value: JSONSchemaValue, fallback: SchemaDraft, url: String, pointer: String) throws(JSONSchemaError) -> SchemaDraft {
        guard let schema = value.objectValue?["$schema"]?.stringValue else { return fallback }
        if let draft = SchemaDraft.fromURL(schema) { return draft }
        let metaURL = SchemaURL.split(schema).url
        if pointer.isEmpty, metaURL == url { throw JSONSchemaError("draft \(GoQuote.quote(metaURL)) is not supported") }
        let doc = try load(metaURL)
        // A custom metaschema: its own `$schema` decides the draft.
        if let inner = doc.objectValue?["$schema"]?.stringValue, let draft = SchemaDraft.fromURL(inner) { return draft }
        return fallback
    }

    private mutating func collectResources(_ root: inout SchemaRoot, _ value: JSONSchemaValue, base: String, pointer: String,
                                           fallback: SchemaDraft) throws(JSONSchemaError) {
        if root.processed.contains(pointer) { return }
        if case .bool = value {
            if pointer.isEmpty { root.resources[""] = SchemaResource(pointer: "", id: base, draft: fallback.version) }
            root.processed.insert(pointer)
            return
        }
        guard let object = value.objectValue else {
            // Not a schema at all: the root still gets a resource, so the
            // metaschema check can report it.
            if pointer.isEmpty { root.resources[""] = SchemaResource(pointer: "", id: base, draft: fallback.version) }
            return
        }
        var hasSchema = object["$schema"]?.stringValue != nil
        var draft = try draftOf(value, fallback: fallback, url: root.url, pointer: pointer)
        var id = draft.id(of: object)
        if id.isEmpty, !pointer.isEmpty {
            draft = fallback
            hasSchema = false
            id = draft.id(of: object)
        }
        var base = base
        var isResource = pointer.isEmpty
        if !id.isEmpty {
            guard case .success(let joined) = SchemaURL.join(base, id) else {
                throw JSONSchemaError("error in parsing id at \(GoQuote.quote(SchemaURL.location(root.url, pointer)))")
            }
            base = joined.url
            isResource = true
        }
        if isResource {
            if let existing = root.resources.values.first(where: { $0.id == base }) {
                if existing.pointer != pointer {
                    throw JSONSchemaError("duplicate id \(GoQuote.quote(base)) in \(GoQuote.quote(root.url)) at \(GoQuote.quote(pointer)) and \(GoQuote.quote(existing.pointer))")
                }
            } else {
                root.resources[pointer] = SchemaResource(pointer: pointer, id: base, draft: hasSchema ? draft.version : fallback.version)
            }
        }
        guard let baseKey = root.resources.first(where: { $0.value.id == base })?.key else {
            throw JSONSchemaError("base resource missing")
        }
        try collectAnchors(&root, object, pointer: pointer, resourceKey: baseKey)
        let baseDraft = SchemaDraft.byVersion(root.resources[baseKey]?.draft ?? fallback.version)
        for (ptr, sub) in Self.subschemas(of: object, at: pointer, draft: draft) {
            try collectResources(&root, sub, base: base, pointer: ptr, fallback: baseDraft)
        }
        root.processed.insert(pointer)
    }

    /// The subschemas of `object` (at `pointer`) by their pointers, in
    /// pointer order. Each of the draft's paths names distinct locations,
    /// so no pointer is found twice.
    private static func subschemas(of object: [String: JSONSchemaValue], at pointer: String,
                                   draft: SchemaDraft) -> [(pointer: String, value: JSONSchemaValue)] {
        var found: [(pointer: String, value: JSONSchemaValue)] = []
        for (keyword, value) in object {
            guard let paths = draft.subschemaPaths[keyword] else { continue }
            let at = pointer + "/" + SchemaURL.escape(keyword)
            for rest in paths { collect(value, at: at, rest: rest, into: &found) }
        }
        found.sort { $0.pointer < $1.pointer }
        return found
    }

    /// Follows the rest of a subschema path (`*` any member, `[]` any item).
    private static func collect(_ value: JSONSchemaValue, at pointer: String, rest: ArraySlice<String>,
                                into found: inout [(pointer: String, value: JSONSchemaValue)]) {
        guard let token = rest.first else {
            found.append((pointer, value))
            return
        }
        switch token {
        case "*":
            for (k, v) in value.objectValue ?? [:] { collect(v, at: pointer + "/" + SchemaURL.escape(k), rest: rest.dropFirst(), into: &found) }
        case "[]":
            for (i, v) in (value.arrayValue ?? []).enumerated() { collect(v, at: pointer + "/" + String(i), rest: rest.dropFirst(), into: &found) }
        default:
            if let v = value.objectValue?[token] { collect(v, at: pointer + "/" + SchemaURL.escape(token), rest: rest.dropFirst(), into: &found) }
        }
    }

    private func collectAnchors(_ root: inout SchemaRoot, _ object: [String: JSONSchemaValue], pointer: String,
                                resourceKey: String) throws(JSONSchemaError) {
        guard var res = root.resources[resourceKey] else { return }
        func add(_ anchor: String) throws(JSONSchemaError) {
            if let existing = res.anchors[anchor] {
                if existing == pointer { return }
                throw JSONSchemaError("duplicate anchor \(GoQuote.quote(anchor)) in \(GoQuote.quote(root.url)) at \(GoQuote.quote(existing)) and \(GoQuote.quote(pointer))")
            }
            res.anchors[anchor] = pointer
        }
        if res.draft < 2019 {
            if object["$ref"] != nil { return }
            if let id = object[SchemaDraft.byVersion(res.draft).idKeyword]?.stringValue {
                let fragment = SchemaURL.split(id).fragment
                guard let decoded = SchemaURL.percentDecode(fragment) else {
                    throw JSONSchemaError("error in parsing anchor at \(GoQuote.quote(SchemaURL.location(root.url, pointer)))")
                }
                if !decoded.isEmpty, !decoded.hasPrefix("/") { try add(decoded) }
            }
        } else {
            if let anchor = object["$anchor"]?.stringValue { try add(anchor) }
            if res.draft >= 2020, let anchor = object["$dynamicAnchor"]?.stringValue {
                try add(anchor)
                res.dynamicAnchors.append(anchor)
            }
        }
        root.resources[resourceKey] = res
    }

    private mutating func ensureSubschema(_ url: String, _ pointer: String) throws(JSONSchemaError) {
        var root = try orLoad(url)
        if root.processed.contains(pointer) { return }
        let value = try root.lookup(pointer)
        guard let base = root.resource(pointer) else { return }
        try collectResources(&root, value, base: base.id, pointer: pointer, fallback: SchemaDraft.byVersion(base.draft))
        if root.resources[pointer] == nil, let object = value.objectValue,
           let key = root.resources.first(where: { $0.value.pointer == base.pointer })?.key {
            try collectAnchors(&root, object, pointer: pointer, resourceKey: key)
        }
        try validateAgainstMeta(root, value, pointer: pointer)
        roots[url] = root
    }

    private func validateAgainstMeta(_ root: SchemaRoot, _ value: JSONSchemaValue, pointer: String) throws(JSONSchemaError) {
        guard checksMetaschemas, let res = root.resource(pointer) else { return }
        var dialects: [String: Int] = [:]
        for (ptr, r) in root.resources where ptr.hasPrefix(pointer) { dialects[String(ptr.dropFirst(pointer.count))] = r.draft }
        if let error = JSONSchemaMetaschemas.validate(value, draft: res.draft, dialects: dialects) {
            throw JSONSchemaError("\(GoQuote.quote(SchemaURL.location(root.url, pointer))) is not valid against metaschema: \(error)")
        }
    }

    // MARK: compiling

    private mutating func enqueue(_ url: String, _ pointer: String) -> Int {
        let key = url + "#" + pointer
        if let id = index[key] { return id }
        nodes.append(SchemaNode(url: url, pointer: pointer))
        let id = nodes.count - 1
        index[key] = id
        queue.append(id)
        return id
    }

    private mutating func compileValue(_ value: JSONSchemaValue, _ id: Int, _ root: SchemaRoot) throws(JSONSchemaError) {
        guard let res = root.resource(nodes[id].pointer) else { throw JSONSchemaError("schema resource missing") }
        nodes[id].draft = res.draft
        let resourceNode = enqueue(root.url, res.pointer)
        nodes[id].resource = resourceNode
        if res.draft >= 2020, res.pointer == nodes[id].pointer {
            for (anchor, ptr) in res.anchors.sorted(by: { $0.key < $1.key }) where res.dynamicAnchors.contains(anchor) {
                let target = enqueue(root.url, ptr)
                nodes[id].dynamicAnchors[anchor] = target
            }
        }
        switch value {
        case .bool(let b): nodes[id].boolSchema = b
        case .object(let object):
            if object.isEmpty {
                nodes[id].boolSchema = true
            } else {
                var oc = ObjectCompiler(object: object, root: root, resource: res, pointer: nodes[id].pointer)
                try oc.compile(into: &self, id)
            }
        default: break
        }
        let node = nodes[id]
        node.allPropsEvaluated = node.additionalProperties != nil
        if node.draft < 2020 {
            node.allItemsEvaluated = node.additionalItems != nil
            switch node.items {
            case .one?: node.allItemsEvaluated = true
            case .list(let l)?: node.numItemsEvaluated = l.count
            case nil: break
            }
        } else {
            node.allItemsEvaluated = node.items2020 != nil
            node.numItemsEvaluated = node.prefixItems.count
        }
        nodes[id] = node
    }

    /// Enqueues the subschema at `pointer` of `url`.
    mutating func subschema(_ url: String, _ pointer: String) -> Int { enqueue(url, pointer) }

    /// Resolves a reference keyword's value against `base` (`enqueueRef`).
    mutating func reference(_ ref: String, base: String, root: SchemaRoot) throws(JSONSchemaError) -> Int {
        guard case .success(let target) = SchemaURL.join(base, ref) else {
            throw JSONSchemaError("error in parsing \(GoQuote.quote(ref)): invalid URL escape")
        }
        // Local: the document itself or a resource inside it.
        let current = roots[root.url] ?? root
        var res: SchemaResource?
        if target.url == current.url {
            res = current.resources[""]
        } else {
            res = current.resources.values.first { $0.id == target.url }
        }
        if let res {
            return enqueue(current.url, try Self.resolveFragment(current, target.fragment, in: res))
        }
        let (url, pointer) = try resolveFragment(url: target.url, fragment: target.fragment)
        return enqueue(url, pointer)
    }
}
