/// One compiled schema (the library's `Schema`), stored in an arena
/// (``JSONSchemaProgram``); subschemas are arena indices, so reference
/// cycles need no reference counting.
final class SchemaNode: @unchecked Sendable {
    enum Additional: Sendable { case bool(Bool), schema(Int) }
    enum Items: Sendable { case one(Int), list([Int]) }
    enum Dependency: Sendable { case required([String]), schema(Int) }

    /// `url#pointer` (the pointer URL-path-escaped).
    var location: String
    var url: String
    /// The JSON pointer inside `url`'s document (tokens escaped).
    var pointer: String
    var draft = 2020
    /// The schema of the enclosing resource.
    var resource = 0
    var dynamicAnchors: [String: Int] = [:]
    var allPropsEvaluated = false
    var allItemsEvaluated = false
    var numItemsEvaluated = 0

    var boolSchema: Bool?
    var ref: Int?
    var recursiveRef: Int?
    var recursiveAnchor = false
    var dynamicRef: Int?
    var dynamicRefAnchor = ""
    var dynamicAnchor = ""
    /// Type names in the library's canonical order.
    var types: [String] = []
    var enumValues: [JSONSchemaValue]?
    var enumTypes: Set<String> = []
    var constValue: JSONSchemaValue?
    var not: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var format: String?

    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var propertyNames: Int?
    var properties: [String: Int] = [:]
    var patternProperties: [(pattern: String, regex: SchemaRegex, schema: Int)] = []
    var additionalProperties: Additional?
    var dependencies: [String: Dependency] = [:]
    var dependentRequired: [String: [String]] = [:]
    var dependentSchemas: [String: Int] = [:]
    var unevaluatedProperties: Int?

    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var items: Items?
    var additionalItems: Additional?
    var prefixItems: [Int] = []
    var items2020: Int?
    var unevaluatedItems: Int?

    var minLength: Int?
    var maxLength: Int?
    var pattern: (text: String, regex: SchemaRegex)?

    var maximum: SchemaDecimal?
    var minimum: SchemaDecimal?
    var exclusiveMaximum: SchemaDecimal?
    var exclusiveMinimum: SchemaDecimal?
    var multipleOf: SchemaDecimal?

    init(url: String, pointer: String) {
        self.url = url
        self.pointer = pointer
        self.location = SchemaURL.location(url, pointer)
    }

    static let typeOrder = ["null", "boolean", "number", "integer", "string", "array", "object"]
}

/// A JSON Schema specification version the library supports.
struct SchemaDraft: Sendable {
    var version: Int
    var url: String
    /// The keyword holding a schema's id (`id` in draft 4).
    var idKeyword: String
    /// Where subschemas live (`properties/*`, `allOf/[]`, `not`…).
    var subschemas: [[String]]
    var defaultVocabs: [String]

    static let draft4 = SchemaDraft(version: 4, url: "http://json-schema.org/draft-04/schema", idKeyword: "id", subschemas: [
        ["definitions", "*"], ["not"], ["allOf", "[]"], ["anyOf", "[]"], ["oneOf", "[]"], ["properties", "*"],
        ["additionalProperties"], ["patternProperties", "*"], ["items"], ["items", "[]"], ["additionalItems"], ["dependencies", "*"],
    ], defaultVocabs: [])
    static let draft6 = SchemaDraft(version: 6, url: "http://json-schema.org/draft-06/schema", idKeyword: "$id",
                                    subschemas: draft4.subschemas + [["propertyNames"], ["contains"]], defaultVocabs: [])
    static let draft7 = SchemaDraft(version: 7, url: "http://json-schema.org/draft-07/schema", idKeyword: "$id",
                                    subschemas: draft6.subschemas + [["if"], ["then"], ["else"]], defaultVocabs: [])
    static let draft2019 = SchemaDraft(version: 2019, url: "https://json-schema.org/draft/2019-09/schema", idKeyword: "$id",
                                       subschemas: draft7.subschemas + [["$defs", "*"], ["dependentSchemas", "*"],
                                                                        ["unevaluatedProperties"], ["unevaluatedItems"], ["contentSchema"]],
                                       defaultVocabs: ["core", "applicator", "validation"])
    static let draft2020 = SchemaDraft(version: 2020, url: "https://json-schema.org/draft/2020-12/schema", idKeyword: "$id",
                                       subschemas: draft2019.subschemas + [["prefixItems", "[]"]],
                                       defaultVocabs: ["core", "applicator", "unevaluated", "validation"])
    static let all = [draft4, draft6, draft7, draft2019, draft2020]

    static func byVersion(_ version: Int) -> SchemaDraft {
        all.first { $0.version == version } ?? draft2020
    }

    /// The draft a `$schema` URL names (`draftFromURL`), if it is one.
    static func fromURL(_ url: String) -> SchemaDraft? {
        let (u, fragment) = SchemaURL.split(url)
        guard fragment.isEmpty else { return nil }
        var rest = u
        if rest.hasPrefix("http://") { rest.removeFirst(7) } else if rest.hasPrefix("https://") { rest.removeFirst(8) }
        switch rest {
        case "json-schema.org/schema", "json-schema.org/draft/2020-12/schema": return draft2020
        case "json-schema.org/draft/2019-09/schema": return draft2019
        case "json-schema.org/draft-07/schema": return draft7
        case "json-schema.org/draft-06/schema": return draft6
        case "json-schema.org/draft-04/schema": return draft4
        default: return nil
        }
    }

    /// The id of a schema object, without fragment; "" if none (or, before
    /// 2019-09, when `$ref` makes every sibling keyword ignored).
    func id(of object: [String: JSONSchemaValue]) -> String {
        if version < 2019, object["$ref"] != nil { return "" }
        guard let id = object[idKeyword]?.stringValue else { return "" }
        return SchemaURL.split(id).url
    }

    func hasVocab(_ name: String) -> Bool {
        name == "core" || version < 2019 || defaultVocabs.contains(name)
    }
}

/// A schema resource: a subschema with its own base URI.
struct SchemaResource: Sendable {
    var pointer: String
    var id: String
    var draft: Int
    var anchors: [String: String] = [:]
    var dynamicAnchors: [String] = []
}

/// A loaded document and the resources found in it so far.
struct SchemaRoot: Sendable {
    var url: String
    var doc: JSONSchemaValue
    var resources: [String: SchemaResource] = [:]
    var processed: Set<String> = []

    /// The innermost resource containing `pointer`.
    func resource(_ pointer: String) -> SchemaResource? {
        var ptr = pointer
        while true {
            if let res = resources[ptr] { return res }
            guard let slash = ptr.lastIndex(of: "/") else { break }
            ptr = String(ptr[..<slash])
        }
        return resources[""]
    }

    /// The value at an escaped pointer, or the library's error.
    func lookup(_ pointer: String) throws(JSONSchemaError) -> JSONSchemaValue {
        var tokens: [String] = []
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let token = SchemaURL.unescape(String(raw)) else {
                throw JSONSchemaError("invalid json-pointer \(goQuoted(SchemaURL.location(url, pointer)))")
            }
            tokens.append(token)
        }
        guard let value = doc.lookup(tokens) else {
            throw JSONSchemaError("json-pointer in \(goQuoted(SchemaURL.location(url, pointer))) not found")
        }
        return value
    }
}

/// Go's `%q` of a string.
func goQuoted(_ s: String) -> String { GoQuote.quote(s) }

import Values
