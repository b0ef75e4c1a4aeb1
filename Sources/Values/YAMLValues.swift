import Diagnostics
import GoStd
import YAML

/// Reading YAML into ``Value``s along the paths Helm and helm-unittest use.
public enum YAMLValues {
    /// Helm's `ReadValues` / sigs.k8s.io/yaml `Unmarshal` into a map: the
    /// first document through go-yaml v2 (YAML 1.1), then a JSON round trip,
    /// so every number becomes float64, timestamps stay text and non-string
    /// keys become strings. An empty document gives an empty map.
    /// `valuesType` is the Go type named in errors: `common.Values` in Helm 4,
    /// `chartutil.Values` in Helm 3.
    public static func helmValues(bytes: [UInt8], file: String = "", valuesType: String = "common.Values") throws(LocatedError) -> GoMap {
        let root = try helmDocument(bytes: bytes, file: file)
        switch root {
        case .null:
            return GoMap()
        case .map(let map, _):
            return map
        default:
            throw LocatedError(.yamlUnmarshal, 
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKindName(root)) into Go value of type \(valuesType)")
        }
    }

    /// The first document of `text` through sigs.k8s.io/yaml's YAML→JSON→Go
    /// path (`fromYaml`, `fromYamlArray` decode the result further).
    public static func helmDocument(bytes: [UInt8], file: String = "") throws(LocatedError) -> Value {
        try v2Decode(bytes: bytes, file: file) { (decoded) throws(LocatedError) -> Value in
            guard let decoded else { return .null }
            return try jsonRoundTrip(decoded)
        }
    }

    /// The first document of `text` as go-yaml v2 decodes it into
    /// `interface{}` (keys keep their YAML types; nil for an empty stream),
    /// handed to `body`. Errors carry sigs.k8s.io/yaml's `error converting
    /// YAML to JSON: ` prefix. This is the first half of sigs.k8s.io/yaml's
    /// `Unmarshal`; typed targets (Chart.yaml) convert the result
    /// themselves. A deep document is decoded, and freed, on a stack that
    /// fits it (``DeepStack/withStack(forDepth:_:)``).
    public static func v2Decode<T>(bytes: [UInt8], file: String = "",
                                   _ body: (DecodedYAML?) throws(LocatedError) -> T) throws(LocatedError) -> T {
        let prefix = "error converting YAML to JSON: "
        var documents: [YAMLDocument]?
        do {
            documents = try YAMLParser.parseStream(bytes: bytes, file: file, dialect: .v2, limit: 1)
        } catch {
            throw error.prefixed(prefix)
        }
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> T in
            defer { documents = nil }
            guard let root = documents?.first?.root else { return try body(nil) }
            var decoder = GoYAMLDecoder(dialect: .v2)
            let decoded: DecodedYAML
            do throws(LocatedError) {
                decoded = try decoder.decodeDocument(root)
            } catch {
                throw error.prefixed(prefix)
            }
            return try body(decoded)
        }
    }

    /// Every document of `text` decoded as go-yaml v3 decodes into
    /// `interface{}` (helm-unittest's suites and rendered manifests): ints
    /// stay `int`, timestamps become `time.Time`, duplicate keys are errors.
    public static func v3Documents(bytes: [UInt8], file: String = "") throws(LocatedError) -> [Value] {
        var documents: [YAMLDocument]? = try YAMLParser.parseStream(bytes: bytes, file: file, dialect: .v3)
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> [Value] in
            defer { documents = nil }
            return try (documents ?? []).map { (document) throws(LocatedError) in
                guard let root = document.root else { return .null }
                var decoder = GoYAMLDecoder(dialect: .v3)
                return v3Value(try decoder.decodeDocument(root))
            }
        }
    }

    /// The JSON round trip of sigs.k8s.io/yaml: keys to strings, numbers to
    /// float64, and encoding/json's nesting limit on the way out and back in
    /// (``JSONConversion``).
    public static func jsonRoundTrip(_ value: DecodedYAML) throws(LocatedError) -> Value {
        var conversion = JSONConversion()
        let result = try conversion.convert(value, depth: 0)
        try conversion.checkDecoding()
        return result
    }

    /// sigs.k8s.io/yaml's YAML → JSON → Go step for one value, keeping
    /// encoding/json's nesting limit (Go 1.27's json, built on
    /// `encoding/json/v2`): `json.Marshal` refuses a non-empty array or
    /// object inside 10000 others (an empty one is written without a depth
    /// check), and the decoder then refuses any array or object inside 10000
    /// others. Both say `exceeded max depth`.
    public struct JSONConversion {
        /// Whether an empty array or object sits deeper than the decoder allows.
        public private(set) var tooDeepForDecoding = false

        public init() {}

        /// Notes an array or object inside `depth` others; throws the
        /// marshalling error for a non-empty one over the limit.
        public mutating func enter(isEmpty: Bool, depth: Int) throws(LocatedError) {
            guard depth >= GoJSON.maxDepth else { return }
            if isEmpty {
                tooDeepForDecoding = true
            } else {
                throw LocatedError(.yamlUnmarshal, "error converting YAML to JSON: " + GoJSON.maxDepthMessage)
            }
        }

        /// The decoder's error when an empty array or object was too deep.
        public func checkDecoding() throws(LocatedError) {
            if tooDeepForDecoding {
                throw LocatedError(.yamlUnmarshal, "error unmarshaling JSON: while decoding JSON: " + GoJSON.maxDepthMessage)
            }
        }

        /// `value`, inside `depth` arrays and objects, as it comes back from JSON.
        public mutating func convert(_ value: DecodedYAML, depth: Int) throws(LocatedError) -> Value {
            try DeepStack.withRoom { () throws(LocatedError) -> Value in try convertHere(value, depth: depth) }
        }

        private mutating func convertHere(_ value: DecodedYAML, depth: Int) throws(LocatedError) -> Value {
            switch value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let n): return .float(Double(n))
            case .uint(let n): return .float(Double(n))
            case .float(let f):
                guard f.isFinite else {
                    throw LocatedError(.yamlUnmarshal, "error converting YAML to JSON: json: unsupported value: \(GoFloat.formatG(f))")
                }
                return .float(f)
            case .string(let s): return .string(s)
            case .time(let t): return .string(GoTime(t).rfc3339Nano)
            case .list(let items):
                try enter(isEmpty: items.isEmpty, depth: depth)
                var list: [Value] = []
                list.reserveCapacity(items.count)
                for item in items { list.append(try convert(item, depth: depth + 1)) }
                return .list(list)
            case .map(let pairs):
                try enter(isEmpty: pairs.isEmpty, depth: depth)
                var entries: [GoString: Value] = [:]
                entries.reserveCapacity(pairs.count)
                for pair in pairs {
                    entries[GoString(try jsonKey(pair.key, value: pair.value))] = try convert(pair.value, depth: depth + 1)
                }
                return .map(GoMap(entries))
            }
        }
    }

    /// The JSON object key sigs.k8s.io/yaml makes of a YAML map key.
    public static func jsonKey(_ key: DecodedYAML, value: DecodedYAML) throws(LocatedError) -> String {
        switch key {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .float(let f):
            switch GoFloat.formatG32(Float(f)) {
            case "+Inf": return ".inf"
            case "-Inf": return "-.inf"
            case "NaN": return ".nan"
            case let text: return text
            }
        case .uint:
            throw LocatedError(.yamlUnmarshal, "error converting YAML to JSON: unsupported map key of type: uint64, key: \(goSyntax(key)), value: \(goSyntax(value))")
        default:
            throw LocatedError(.yamlUnmarshal, "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \(goSyntax(value))")
        }
    }

    private static func jsonKindName(_ value: Value) -> String {
        switch value {
        case .list: return "array"
        case .string: return "string"
        case .float, .int: return "number"
        case .bool: return "bool"
        default: return "value"
        }
    }

    static func v3Value(_ value: DecodedYAML) -> Value {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n, .int)
        case .uint(let n): return .int(Int64(bitPattern: n), .uint64)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .time(let t): return .object(GoTime(t))
        case .list(let items): return .list(DeepStack.withRoom { items.map(v3Value) })
        case .map(let pairs):
            var entries: [GoString: Value] = pairs.count > 1 ? Dictionary(minimumCapacity: pairs.count) : [:]
            for pair in pairs { entries[GoString(v3KeyText(pair.key))] = DeepStack.withRoom { v3Value(pair.value) } }
            return .map(GoMap(entries))
        }
    }

    private static func v3KeyText(_ key: DecodedYAML) -> String {
        switch key {
        case .string(let s): return s
        case .null: return "<nil>"
        default: return GoFmt.format(v3Value(key))
        }
    }
}

extension GoTime {
    /// The instant a YAML timestamp names (UTC when it has no zone).
    public init(_ t: YAMLTimestamp) {
        let offset = t.utcOffset ?? 0
        let local = GoTime.epochSeconds(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second)
        self.init(seconds: local - Int64(offset), nanoseconds: Int32(t.nanosecond), utcOffset: Int32(offset),
                  zoneName: offset == 0 ? "UTC" : "")
    }
}

/// The readers of ``YAMLValues`` over text (a Swift string's UTF-8 bytes).
/// Read files as bytes instead: go-yaml rejects invalid UTF-8, which a
/// Swift string would have turned into U+FFFD already.
extension YAMLValues {
    /// ``helmValues(bytes:file:valuesType:)`` of `text`.
    public static func helmValues(_ text: String, file: String = "", valuesType: String = "common.Values") throws(LocatedError) -> GoMap {
        try helmValues(bytes: Array(text.utf8), file: file, valuesType: valuesType)
    }

    /// ``helmDocument(bytes:file:)`` of `text`.
    public static func helmDocument(_ text: String, file: String = "") throws(LocatedError) -> Value {
        try helmDocument(bytes: Array(text.utf8), file: file)
    }

    /// ``v3Documents(bytes:file:)`` of `text`.
    public static func v3Documents(_ text: String, file: String = "") throws(LocatedError) -> [Value] {
        try v3Documents(bytes: Array(text.utf8), file: file)
    }
}
