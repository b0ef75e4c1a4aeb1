import Diagnostics
import GoStd
import Values

/// The Go type of a struct field that sigs.k8s.io/yaml decodes into.
indirect enum GoFieldType: Sendable {
    case string
    case bool
    /// `interface{}`: any JSON value.
    case any
    /// `time.Time`: a JSON string (it has its own unmarshaler, so YAML
    /// numbers are not turned into text for it).
    case time
    case slice(GoFieldType)
    /// `map[string]T`.
    case map(GoFieldType)
    case pointer(GoStructType)
    case structure(GoStructType)

    /// The Go spelling of the type, as encoding/json's errors print it.
    func goName(_ package: String) -> String {
        switch self {
        case .string: return "string"
        case .bool: return "bool"
        case .any: return "interface {}"
        case .time: return "time.Time"
        case .slice(let element): return "[]" + element.goName(package)
        case .map(let element): return "map[string]" + element.goName(package)
        case .pointer(let type): return "*" + type.goName(package)
        case .structure(let type): return type.goName(package)
        }
    }
}

/// A Go struct: its name and its fields by JSON name, in declaration order.
struct GoStructType: Sendable {
    var name: String
    var fields: [(json: String, type: GoFieldType)]
    /// How reflect spells an anonymous struct type (its name is then "").
    var spelling: String? = nil

    /// `package.Name`, or the spelling of an anonymous struct.
    func goName(_ package: String) -> String {
        spelling ?? package + "." + name
    }

    /// The field encoding/json picks for an object key: an exact match,
    /// else the first case-insensitive one.
    func field(for key: String) -> (json: String, type: GoFieldType)? {
        if let exact = fields.first(where: { $0.json == key }) { return exact }
        let folded = key.lowercased()
        return fields.first { $0.json.lowercased() == folded }
    }
}

/// sigs.k8s.io/yaml's `Unmarshal(data, &typedStruct)`: go-yaml v2 decodes
/// the first document, numbers and bools bound for string fields become
/// text (`1.10` → `1.1`, float32 `'g'`), the result goes through JSON, and
/// encoding/json fills the struct — keeping the first type error, in Go's
/// words, while still filling the other fields.
///
/// The result is the JSON value with every object bound for a struct
/// reduced to the fields that struct has (keyed by their JSON names), or
/// nil for an empty document.
struct SigsTypedUnmarshal {
    let package: String
    private(set) var firstError: String?

    init(package: String) {
        self.package = package
    }

    /// Decodes `text` into `type`; throws sigs.k8s.io/yaml's error text.
    /// Locations name `file`.
    static func decode(_ data: [UInt8], file: String = "", as type: GoStructType, package: String) throws(LocatedError) -> GoMap? {
        let decodedJSON = try YAMLValues.v2Decode(bytes: data, file: file) { (decoded) throws(LocatedError) -> Value? in
            guard let decoded else { return nil }
            var conversion = YAMLValues.JSONConversion()
            let json = try toJSON(decoded, target: .structure(type), conversion: &conversion, depth: 0)
            try conversion.checkDecoding()
            return json
        }
        guard let json = decodedJSON else { return nil }
        var unmarshal = SigsTypedUnmarshal(package: package)
        let value = unmarshal.value(json, as: .structure(type), context: nil)
        if let error = unmarshal.firstError {
            throw LocatedError(.chartLoad, "error unmarshaling JSON: while decoding JSON: " + error, at: SourceLocation(file: file))
        }
        return value.mapValue
    }

    // MARK: YAML → JSON with the target type (sigs.k8s.io/yaml convertToJSONableObject)

    static func toJSON(_ value: DecodedYAML, target: GoFieldType?, conversion: inout YAMLValues.JSONConversion,
                       depth: Int) throws(LocatedError) -> Value {
        try DeepStack.withRoom { () throws(LocatedError) -> Value in
            try toJSONHere(value, target: target, conversion: &conversion, depth: depth)
        }
    }

    private static func toJSONHere(_ value: DecodedYAML, target: GoFieldType?, conversion: inout YAMLValues.JSONConversion,
                                   depth: Int) throws(LocatedError) -> Value {
        switch value {
        case .map(let pairs):
            try conversion.enter(isEmpty: pairs.isEmpty, depth: depth)
            let map = GoMap()
            for pair in pairs {
                let key = try YAMLValues.jsonKey(pair.key, value: pair.value)
                var fieldTarget: GoFieldType?
                switch target {
                case .structure(let type), .pointer(let type):
                    fieldTarget = type.field(for: key)?.type
                case .map(let element):
                    fieldTarget = element
                default:
                    fieldTarget = nil
                }
                map[key] = try toJSON(pair.value, target: fieldTarget, conversion: &conversion, depth: depth + 1)
            }
            return .map(map)
        case .list(let items):
            try conversion.enter(isEmpty: items.isEmpty, depth: depth)
            var elementTarget: GoFieldType?
            if case .slice(let element) = target { elementTarget = element }
            var list: [Value] = []
            list.reserveCapacity(items.count)
            for item in items {
                list.append(try toJSON(item, target: elementTarget, conversion: &conversion, depth: depth + 1))
            }
            return .list(list)
        case .int(let n) where target.isString:
            return .string(String(n))
        case .uint(let n) where target.isString:
            return .string(String(n))
        case .float(let f) where target.isString:
            return .string(GoFloat.formatG32(Float(f)))
        case .bool(let b) where target.isString:
            return .string(b ? "true" : "false")
        default:
            return try conversion.convert(value, depth: depth)
        }
    }

    // MARK: JSON → typed value (encoding/json into a struct)

    private struct Context {
        var structName: String
        var fieldStack: [String]
    }

    private mutating func fail(_ json: Value, _ type: GoFieldType, _ context: Context?) {
        guard firstError == nil else { return }
        let kind: String
        switch json {
        case .null: kind = "null"
        case .bool: kind = "bool"
        case .int, .float: kind = "number"
        case .string: kind = "string"
        case .list: kind = "array"
        case .map, .object: kind = "object"
        }
        var target = type
        if case .pointer(let s) = type { target = .structure(s) }
        if let context {
            firstError = "json: cannot unmarshal \(kind) into Go struct field \(context.structName)."
                + context.fieldStack.joined(separator: ".") + " of type " + target.goName(package)
        } else {
            firstError = "json: cannot unmarshal \(kind) into Go value of type " + target.goName(package)
        }
    }

    /// The decoded value; `.null` means "left at its zero value / set to nil".
    private mutating func value(_ json: Value, as type: GoFieldType, context: Context?) -> Value {
        DeepStack.withRoom { valueHere(json, as: type, context: context) }
    }

    private mutating func valueHere(_ json: Value, as type: GoFieldType, context: Context?) -> Value {
        if case .null = json { return .null }
        switch type {
        case .any:
            return json
        case .string:
            if case .string = json { return json }
        case .bool:
            if case .bool = json { return json }
        case .time:
            if case .string = json { return json }
            if firstError == nil { firstError = "Time.UnmarshalJSON: input is not a JSON string" }
            return .null
        case .slice(let element):
            if case .list(let items, _) = json {
                return .list(items.map { value($0, as: element, context: context) })
            }
        case .map(let element):
            if case .map(let m, _) = json {
                let out = GoMap()
                for key in m.sortedKeys {
                    out[key] = value(m[key] ?? .null, as: element, context: context)
                }
                return .map(out)
            }
        case .pointer(let structType), .structure(let structType):
            if case .map(let m, _) = json {
                let out = GoMap()
                for key in m.sortedKeys {
                    guard let field = structType.field(for: key.text) else { continue }
                    var inner = context ?? Context(structName: structType.name, fieldStack: [])
                    inner.structName = structType.name
                    inner.fieldStack.append(field.json)
                    let decoded = value(m[key] ?? .null, as: field.type, context: inner)
                    if case .null = decoded, field.type.isScalar { continue }
                    out[field.json] = decoded
                }
                return .map(out)
            }
        }
        fail(json, type, context)
        return .null
    }
}

extension GoFieldType {
    var isScalar: Bool {
        switch self {
        case .string, .bool, .time: return true
        default: return false
        }
    }
}

extension Optional where Wrapped == GoFieldType {
    fileprivate var isString: Bool {
        if case .string? = self { return true }
        return false
    }
}
