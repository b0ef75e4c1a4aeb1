import GoStd
import Values

/// A value the validator can check: a schema document
/// (``JSONSchemaValue``, for metaschema checks) or Helm values
/// (``Value``, checked where they are, without building a second tree).
/// The validator looks at an instance through ``schemaView``; keywords
/// that need the library's own value (`enum`, `const`, `uniqueItems`,
/// `format`, number texts) take ``jsonSchemaValue``, which for Helm values
/// is the conversion ``JSONSchemaValue/init(_:)`` that Helm's instances go
/// through.
protocol SchemaInstance {
    var schemaView: SchemaInstanceView<Self> { get }
    /// `schemaView.typeMask`, without taking the members out.
    var schemaTypeMask: SchemaTypeMask { get }
    /// The instance as the library sees it.
    var jsonSchemaValue: JSONSchemaValue { get }
    /// A string instance (`propertyNames` checks each name as one).
    static func schemaString(_ s: String) -> Self
}

/// One level of an instance: its JSON type and, for containers, the
/// members (shared with the instance, not copied).
enum SchemaInstanceView<Instance> {
    case null
    case bool
    case number(SchemaInstanceNumber)
    case string(String)
    case array([Instance])
    /// Members by their Go string names (no copy of a Go map is made).
    case object([GoString: Instance])
    /// A Go value that is no JSON type (its `%T` name).
    case invalid(String)

    /// `typeOf`'s bit; empty for `.invalid`.
    var typeMask: SchemaTypeMask {
        switch self {
        case .null: return .null
        case .bool: return .boolean
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        case .invalid: return []
        }
    }

    /// The JSON type name (``JSONSchemaValue/typeName``).
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .invalid: return ""
        }
    }
}

/// A number instance, turned into the library's number
/// (``JSONSchemaNumber``: text and exact value) only when a keyword needs it.
enum SchemaInstanceNumber {
    case schema(JSONSchemaNumber)
    case int(Int64, IntKind)
    case float(Double)

    /// The number as ``JSONSchemaValue/init(_:)`` converts it.
    var number: JSONSchemaNumber {
        switch self {
        case .schema(let n): return n
        case .int(let n, let kind):
            let text = kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)
            return JSONSchemaNumber(text: text, decimal: SchemaDecimal(text) ?? SchemaDecimal())
        case .float(let f): return JSONSchemaNumber(f)
        }
    }

    /// Whether the exact value is an integer (``SchemaDecimal/isInteger``
    /// of ``number``).
    var isInteger: Bool {
        switch self {
        case .schema(let n): return n.decimal.isInteger
        case .int: return true
        case .float(let f):
            // ``number`` holds the shortest decimal that reads back as `f`
            // (zero for 0, ±Inf and NaN). That decimal is an integer
            // exactly when `f` is: an integer decimal below 2^53 reads
            // back exactly, and a non-integer decimal is never the shortest
            // for an integral `f`, which has a candidate of at most as many
            // digits (itself, or its 17-digit rounding above 2^53).
            return !f.isFinite || f.rounded(.towardZero) == f
        }
    }
}

extension JSONSchemaValue: SchemaInstance {
    var schemaView: SchemaInstanceView<JSONSchemaValue> {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .number(let n): return .number(.schema(n))
        case .string(let s): return .string(s)
        case .array(let a): return .array(a)
        case .object(let o): return .object(Dictionary(uniqueKeysWithValues: o.map { (GoString($0.key), $0.value) }))
        case .invalid(let t): return .invalid(t)
        }
    }

    /// The view shares the containers, so asking it costs nothing extra here.
    var schemaTypeMask: SchemaTypeMask { schemaView.typeMask }

    var jsonSchemaValue: JSONSchemaValue { self }

    static func schemaString(_ s: String) -> JSONSchemaValue { .string(s) }
}

extension Value: SchemaInstance {
    var schemaView: SchemaInstanceView<Value> {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int(let n, let kind): return .number(.int(n, kind))
        case .float(let f): return .number(.float(f))
        case .string(let s): return .string(s.text)
        case .list(let items, _): return .array(items)
        case .map(let m, _): return .object(m.entries)
        case .object(let o): return .invalid(o.goTypeName)
        }
    }

    var schemaTypeMask: SchemaTypeMask {
        switch self {
        case .null: return .null
        case .bool: return .boolean
        case .int, .float: return .number
        case .string: return .string
        case .list: return .array
        case .map: return .object
        case .object: return []
        }
    }

    var jsonSchemaValue: JSONSchemaValue { JSONSchemaValue(self) }

    static func schemaString(_ s: String) -> Value { .string(s) }
}
