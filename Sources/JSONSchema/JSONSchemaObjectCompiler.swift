import GoStd
import Values

/// Compiles the keywords of one schema object, draft by draft (the
/// library's objCompiler).
struct ObjectCompiler {
    let object: SchemaKeywords
    let root: SchemaRoot
    let resource: SchemaResource
    let pointer: String

    init(object: [String: JSONSchemaValue], root: SchemaRoot, resource: SchemaResource, pointer: String) {
        self.object = SchemaKeywords(members: object)
        self.root = root
        self.resource = resource
        self.pointer = pointer
    }

    private var draft: SchemaDraft { SchemaDraft.byVersion(resource.draft) }

    mutating func compile(into c: inout JSONSchemaCompiler, _ id: Int) throws(JSONSchemaError) {
        var node = c.nodes[id]
        let version = resource.draft
        try compileDraft4(&node, &c)
        if version >= 6 { compileDraft6(&node, &c) }
        if version >= 7 { compileDraft7(&node, &c) }
        if version >= 2019 { try compileDraft2019(&node, &c) }
        if version >= 2020 { try compileDraft2020(&node, &c) }
        c.nodes[id] = node
    }

    private func compileDraft4(_ s: inout SchemaNode, _ c: inout JSONSchemaCompiler) throws(JSONSchemaError) {
        if let ref = string("$ref") {
            s.ref = try c.reference(ref, base: resource.id, root: root)
            if s.draft < 2019 { return }
        }
        s.allOf = arr("allOf", &c)
        s.anyOf = arr("anyOf", &c)
        s.oneOf = arr("oneOf", &c)
        s.not = prop("not", &c)
        if s.draft < 2020, let items = object["items"] {
            if items.arrayValue != nil {
                s.items = .list(arr("items", &c))
                s.additionalItems = additional("additionalItems", &c)
            } else if let one = prop("items", &c) {
                s.items = .one(one)
            }
        }
        s.properties = map("properties", &c)
        if let patterns = object["patternProperties"]?.objectValue {
            for name in patterns.keys.sorted(by: goLess) {
                if let error = SchemaRegex.syntaxError(in: name) {
                    throw JSONSchemaError("invalid regex \(GoQuote.quote(name)) at \(GoQuote.quote(location("patternProperties"))): \(error)")
                }
                let sub = c.subschema(root.url, pointer + "/patternProperties/" + SchemaURL.escape(name))
                s.patternProperties.append((name, SchemaRegex(name), sub))
            }
        }
        s.additionalProperties = additional("additionalProperties", &c)
        if let deps = object["dependencies"]?.objectValue {
            for (name, value) in deps {
                if let list = value.arrayValue {
                    s.dependencies[name] = .required(list.compactMap(\.stringValue))
                } else {
                    s.dependencies[name] = .schema(c.subschema(root.url, pointer + "/dependencies/" + SchemaURL.escape(name)))
                }
            }
        }
        if let t = object["type"] {
            var names: Set<String> = []
            if let one = t.stringValue { names.insert(one) }
            for item in t.arrayValue ?? [] { if let n = item.stringValue { names.insert(n) } }
            s.types = SchemaNode.typeOrder.filter { names.contains($0) }
        }
        if let values = object["enum"]?.arrayValue {
            s.enumValues = values
            s.enumTypes = Set(values.compactMap(\.typeName))
        }
        s.multipleOf = number("multipleOf")
        s.maximum = number("maximum")
        if boolean("exclusiveMaximum") {
            s.exclusiveMaximum = s.maximum
            s.maximum = nil
        } else {
            s.exclusiveMaximum = number("exclusiveMaximum")
        }
        s.minimum = number("minimum")
        if boolean("exclusiveMinimum") {
            s.exclusiveMinimum = s.minimum
            s.minimum = nil
        } else {
            s.exclusiveMinimum = number("exclusiveMinimum")
        }
        s.minLength = integer("minLength")
        s.maxLength = integer("maxLength")
        if let pattern = string("pattern") {
            if let error = SchemaRegex.syntaxError(in: pattern) {
                throw JSONSchemaError("invalid regex \(GoQuote.quote(pattern)) at \(GoQuote.quote(location("pattern"))): \(error)")
            }
            s.pattern = (pattern, SchemaRegex(pattern))
        }
        s.minItems = integer("minItems")
        s.maxItems = integer("maxItems")
        s.uniqueItems = boolean("uniqueItems")
        s.maxProperties = integer("maxProperties")
        s.minProperties = integer("minProperties")
        if let required = object["required"]?.arrayValue { s.required = required.compactMap(\.stringValue) }

        let assertsFormat = c.assertFormat || s.draft < 2019
            || (s.draft == 2019 ? draft.hasVocab("format") : draft.hasVocab("format-assertion"))
        if assertsFormat, let format = string("format") {
            s.format = format
        }
    }

    private func compileDraft6(_ s: inout SchemaNode, _ c: inout JSONSchemaCompiler) {
        s.contains = prop("contains", &c)
        s.propertyNames = prop("propertyNames", &c)
        if let value = object["const"] { s.constValue = value }
    }

    private func compileDraft7(_ s: inout SchemaNode, _ c: inout JSONSchemaCompiler) {
        s.ifSchema = prop("if", &c)
        if s.ifSchema != nil {
            let b = object["if"]?.boolValue
            if b == nil || b == true { s.thenSchema = prop("then", &c) }
            if b == nil || b == false { s.elseSchema = prop("else", &c) }
        }
    }

    private func compileDraft2019(_ s: inout SchemaNode, _ c: inout JSONSchemaCompiler) throws(JSONSchemaError) {
        if let ref = string("$recursiveRef") {
            s.recursiveRef = try c.reference(ref, base: resource.id, root: root)
        }
        s.recursiveAnchor = boolean("$recursiveAnchor")
        if s.contains != nil {
            s.minContains = integer("minContains")
            s.maxContains = integer("maxContains")
        }
        if let deps = object["dependentRequired"]?.objectValue {
            for (name, value) in deps {
                if let list = value.arrayValue { s.dependentRequired[name] = list.compactMap(\.stringValue) }
            }
        }
        s.dependentSchemas = map("dependentSchemas", &c)
        s.unevaluatedItems = prop("unevaluatedItems", &c)
        s.unevaluatedProperties = prop("unevaluatedProperties", &c)
    }

    private func compileDraft2020(_ s: inout SchemaNode, _ c: inout JSONSchemaCompiler) throws(JSONSchemaError) {
        if let ref = string("$dynamicRef") {
            s.dynamicRef = try c.reference(ref, base: resource.id, root: root)
            let fragment = SchemaURL.percentDecode(SchemaURL.split(ref).fragment) ?? ""
            if !fragment.isEmpty, !fragment.hasPrefix("/") { s.dynamicRefAnchor = fragment }
        }
        s.dynamicAnchor = string("$dynamicAnchor") ?? ""
        s.prefixItems = arr("prefixItems", &c)
        s.items2020 = prop("items", &c)
    }

    // MARK: helpers

    private func location(_ keyword: String) -> String {
        SchemaURL.location(root.url, pointer) + "/" + SchemaURL.encodeFragment(SchemaURL.escape(keyword))
    }

    private func prop(_ name: String, _ c: inout JSONSchemaCompiler) -> Int? {
        guard object[name] != nil else { return nil }
        return c.subschema(root.url, pointer + "/" + SchemaURL.escape(name))
    }

    private func arr(_ name: String, _ c: inout JSONSchemaCompiler) -> [Int] {
        guard let items = object[name]?.arrayValue else { return [] }
        return items.indices.map { c.subschema(root.url, pointer + "/" + SchemaURL.escape(name) + "/\($0)") }
    }

    private func map(_ name: String, _ c: inout JSONSchemaCompiler) -> [String: Int] {
        guard let members = object[name]?.objectValue else { return [:] }
        var out: [String: Int] = [:]
        for key in members.keys.sorted(by: goLess) {
            out[key] = c.subschema(root.url, pointer + "/" + SchemaURL.escape(name) + "/" + SchemaURL.escape(key))
        }
        return out
    }

    private func additional(_ name: String, _ c: inout JSONSchemaCompiler) -> SchemaNode.Additional? {
        if let b = object[name]?.boolValue { return .bool(b) }
        return prop(name, &c).map { .schema($0) }
    }

    private func string(_ name: String) -> String? { object[name]?.stringValue }
    private func boolean(_ name: String) -> Bool { object[name]?.boolValue ?? false }
    private func number(_ name: String) -> SchemaDecimal? { object[name]?.numberValue?.decimal }
    private func integer(_ name: String) -> Int? { number(name)?.intValue }
}

/// A schema object's members by keyword. The compiler asks a schema about
/// every keyword its draft knows, and a schema has only a few: a short
/// object is searched in place rather than hashing each keyword asked for.
struct SchemaKeywords {
    let members: [String: JSONSchemaValue]

    subscript(keyword: String) -> JSONSchemaValue? {
        guard members.count <= 8 else { return members[keyword] }
        let length = keyword.utf8.count
        for (key, value) in members where key.utf8.count == length && key == keyword { return value }
        return nil
    }
}
