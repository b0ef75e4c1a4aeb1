import GoStd
import Values

/// One compiled schema (the library's `Schema`), stored in an arena
/// (``JSONSchemaProgram``); subschemas are arena indices, so reference
/// cycles need no reference counting. Nodes are built by one compiler and
/// only read afterwards (by many threads at once), so their properties
/// skip Swift's runtime exclusivity checks, which were a noticeable share
/// of validation time.
final class SchemaNode: @unchecked Sendable {
    enum Additional: Sendable { case bool(Bool), schema(Int) }
    enum Items: Sendable { case one(Int), list([Int]) }
    enum Dependency: Sendable { case required([String]), schema(Int) }

    // Read for every object the validator visits: first, to share cache
    // lines with the reference count.
    @exclusivity(unchecked) var maxProperties: Int?
    @exclusivity(unchecked) var minProperties: Int?
    @exclusivity(unchecked) var required: [String] = []
    @exclusivity(unchecked) var propertyNames: Int?
    @exclusivity(unchecked) var properties: [String: Int] = [:]
    @exclusivity(unchecked) var patternProperties: [(pattern: String, regex: SchemaRegex, schema: Int)] = []
    @exclusivity(unchecked) var additionalProperties: Additional?
    @exclusivity(unchecked) var dependencies: [String: Dependency] = [:]
    @exclusivity(unchecked) var dependentRequired: [String: [String]] = [:]
    @exclusivity(unchecked) var dependentSchemas: [String: Int] = [:]
    @exclusivity(unchecked) var unevaluatedProperties: Int?
    @exclusivity(unchecked) var draft = 2020
    @exclusivity(unchecked) var allPropsEvaluated = false
    @exclusivity(unchecked) var allItemsEvaluated = false
    @exclusivity(unchecked) var numItemsEvaluated = 0

    /// `url#pointer` (the pointer URL-path-escaped).
    /// `url#encoded-pointer`, as the library prints the schema's location
    /// (only failures need it).
    var location: String { SchemaURL.location(url, pointer) }
    @exclusivity(unchecked) var url: String
    /// The JSON pointer inside `url`'s document (tokens escaped).
    @exclusivity(unchecked) var pointer: String
    /// The schema of the enclosing resource.
    @exclusivity(unchecked) var resource = 0
    @exclusivity(unchecked) var dynamicAnchors: [String: Int] = [:]

    @exclusivity(unchecked) var boolSchema: Bool?
    @exclusivity(unchecked) var ref: Int?
    @exclusivity(unchecked) var recursiveRef: Int?
    @exclusivity(unchecked) var recursiveAnchor = false
    @exclusivity(unchecked) var dynamicRef: Int?
    @exclusivity(unchecked) var dynamicRefAnchor = ""
    @exclusivity(unchecked) var dynamicAnchor = ""
    /// Type names in the library's canonical order.
    @exclusivity(unchecked) var types: [String] = [] {
        didSet { typeMask = SchemaTypeMask(names: types) }
    }
    /// `types` as bits, for the validator.
    @exclusivity(unchecked) private(set) var typeMask = SchemaTypeMask()
    @exclusivity(unchecked) var enumValues: [JSONSchemaValue]?
    @exclusivity(unchecked) var enumTypes: Set<String> = [] {
        didSet { enumTypeMask = SchemaTypeMask(names: enumTypes) }
    }
    /// `enumTypes` as bits, for the validator.
    @exclusivity(unchecked) private(set) var enumTypeMask = SchemaTypeMask()
    @exclusivity(unchecked) var constValue: JSONSchemaValue?
    @exclusivity(unchecked) var not: Int?
    @exclusivity(unchecked) var allOf: [Int] = []
    @exclusivity(unchecked) var anyOf: [Int] = []
    @exclusivity(unchecked) var oneOf: [Int] = []
    @exclusivity(unchecked) var ifSchema: Int?
    @exclusivity(unchecked) var thenSchema: Int?
    @exclusivity(unchecked) var elseSchema: Int?
    @exclusivity(unchecked) var format: String?

    @exclusivity(unchecked) var minItems: Int?
    @exclusivity(unchecked) var maxItems: Int?
    @exclusivity(unchecked) var uniqueItems = false
    @exclusivity(unchecked) var contains: Int?
    @exclusivity(unchecked) var minContains: Int?
    @exclusivity(unchecked) var maxContains: Int?
    @exclusivity(unchecked) var items: Items?
    @exclusivity(unchecked) var additionalItems: Additional?
    @exclusivity(unchecked) var prefixItems: [Int] = []
    @exclusivity(unchecked) var items2020: Int?
    @exclusivity(unchecked) var unevaluatedItems: Int?

    @exclusivity(unchecked) var minLength: Int?
    @exclusivity(unchecked) var maxLength: Int?
    @exclusivity(unchecked) var pattern: (text: String, regex: SchemaRegex)?

    @exclusivity(unchecked) var maximum: SchemaDecimal?
    @exclusivity(unchecked) var minimum: SchemaDecimal?
    @exclusivity(unchecked) var exclusiveMaximum: SchemaDecimal?
    @exclusivity(unchecked) var exclusiveMinimum: SchemaDecimal?
    @exclusivity(unchecked) var multipleOf: SchemaDecimal?

    init(url: String, pointer: String) {
        self.url = url
        self.pointer = pointer
    }

    static let typeOrder = ["null", "boolean", "number", "integer", "string", "array", "object"]
}

/// A set of JSON type names (`null` … `object`, and `integer`) as bits.
struct SchemaTypeMask: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    static let null = SchemaTypeMask(rawValue: 1)
    static let boolean = SchemaTypeMask(rawValue: 2)
    static let number = SchemaTypeMask(rawValue: 4)
    static let integer = SchemaTypeMask(rawValue: 8)
    static let string = SchemaTypeMask(rawValue: 16)
    static let array = SchemaTypeMask(rawValue: 32)
    static let object = SchemaTypeMask(rawValue: 64)

    init<Names: Sequence<String>>(names: Names) {
        var mask = SchemaTypeMask()
        for name in names {
            switch name {
            case "null": mask.insert(.null)
            case "boolean": mask.insert(.boolean)
            case "number": mask.insert(.number)
            case "integer": mask.insert(.integer)
            case "string": mask.insert(.string)
            case "array": mask.insert(.array)
            case "object": mask.insert(.object)
            default: break
            }
        }
        self = mask
    }
}

/// A JSON Schema specification version the library supports.
struct SchemaDraft: Sendable {
    var version: Int
    var url: String
    /// The keyword holding a schema's id (`id` in draft 4).
    var idKeyword: String
    /// Where subschemas live (`properties/*`, `allOf/[]`, `not`…).
    var subschemas: [[String]]
    /// The same paths by their first keyword, each without it.
    var subschemaPaths: [String: [ArraySlice<String>]]
    var defaultVocabs: [String]

    init(version: Int, url: String, idKeyword: String, subschemas: [[String]], defaultVocabs: [String]) {
        self.version = version
        self.url = url
        self.idKeyword = idKeyword
        self.subschemas = subschemas
        self.subschemaPaths = Dictionary(grouping: subschemas, by: { $0[0] }).mapValues { $0.map { $0.dropFirst() } }
        self.defaultVocabs = defaultVocabs
    }

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
        if resources.count == 1, let only = resources[""] { return only }
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
        for raw in pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            guard let token = SchemaURL.unescape(String(Substring(raw))) else {
                throw JSONSchemaError("invalid json-pointer \(GoQuote.quote(SchemaURL.location(url, pointer)))")
            }
            tokens.append(token)
        }
        guard let value = doc.lookup(tokens) else {
            throw JSONSchemaError("json-pointer in \(GoQuote.quote(SchemaURL.location(url, pointer))) not found")
        }
        return value
    }
}

/// What the validator needs to know about a node before looking at it:
/// which groups of keywords it has. A node whose keywords do not apply to
/// an instance (most are a bare `type`) is checked from this summary
/// alone, without reading the node.
struct SchemaNodeSummary: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16

        /// `true` schema.
        static let trueSchema = Flags(rawValue: 1 << 0)
        /// `false` schema.
        static let falseSchema = Flags(rawValue: 1 << 1)
        /// `const`, `enum` or `format`.
        static let valueChecks = Flags(rawValue: 1 << 2)
        static let ref = Flags(rawValue: 1 << 3)
        /// `$recursiveRef` or `$dynamicRef` (2019-09 on).
        static let dynamicRefs = Flags(rawValue: 1 << 4)
        /// `not`, `allOf`, `anyOf`, `oneOf`, `if`.
        static let conditions = Flags(rawValue: 1 << 5)
        /// `unevaluatedProperties` or `unevaluatedItems` (2019-09 on).
        static let unevaluated = Flags(rawValue: 1 << 6)
        /// Keywords for objects, arrays, strings, numbers.
        static let object = Flags(rawValue: 1 << 7)
        static let array = Flags(rawValue: 1 << 8)
        static let string = Flags(rawValue: 1 << 9)
        static let number = Flags(rawValue: 1 << 10)

        /// Groups that apply whatever the instance's type.
        static let anyType: Flags = [.falseSchema, .valueChecks, .ref, .dynamicRefs, .conditions, .unevaluated]

        /// The groups that can act on an instance of JSON type `type`.
        static func applying(to type: SchemaTypeMask) -> Flags {
            switch type {
            case .object: return anyType.union(.object)
            case .array: return anyType.union(.array)
            case .string: return anyType.union(.string)
            case .number: return anyType.union(.number)
            default: return anyType
            }
        }
    }

    var flags: Flags
    var types: SchemaTypeMask

    init(_ s: SchemaNode) {
        var flags: Flags = []
        if let b = s.boolSchema { flags.insert(b ? .trueSchema : .falseSchema) }
        if s.constValue != nil || s.enumValues != nil || s.format != nil { flags.insert(.valueChecks) }
        if s.ref != nil { flags.insert(.ref) }
        if s.recursiveRef != nil || s.dynamicRef != nil { flags.insert(.dynamicRefs) }
        if s.not != nil || !s.allOf.isEmpty || !s.anyOf.isEmpty || !s.oneOf.isEmpty || s.ifSchema != nil {
            flags.insert(.conditions)
        }
        if s.unevaluatedProperties != nil || s.unevaluatedItems != nil { flags.insert(.unevaluated) }
        if s.minProperties != nil || s.maxProperties != nil || !s.required.isEmpty || s.propertyNames != nil
            || !s.properties.isEmpty || !s.patternProperties.isEmpty || s.additionalProperties != nil
            || !s.dependencies.isEmpty || !s.dependentRequired.isEmpty || !s.dependentSchemas.isEmpty {
            flags.insert(.object)
        }
        if s.minItems != nil || s.maxItems != nil || s.uniqueItems || s.contains != nil || s.items != nil
            || s.additionalItems != nil || !s.prefixItems.isEmpty || s.items2020 != nil {
            flags.insert(.array)
        }
        if s.minLength != nil || s.maxLength != nil || s.pattern != nil { flags.insert(.string) }
        if s.minimum != nil || s.maximum != nil || s.exclusiveMinimum != nil || s.exclusiveMaximum != nil || s.multipleOf != nil {
            flags.insert(.number)
        }
        self.flags = flags
        types = s.typeMask
    }
}

/// Compiled schema nodes with their summaries, ready for validation.
struct SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let summaries: [SchemaNodeSummary]

    init(nodes: [SchemaNode]) {
        self.nodes = nodes
        summaries = nodes.map(SchemaNodeSummary.init)
    }
}
