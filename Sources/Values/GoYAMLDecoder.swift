import Diagnostics
import GoStd
import YAML

extension ErrorKind {
    /// YAML that parses but does not decode into Go values (go-yaml's and
    /// sigs.k8s.io/yaml's unmarshal errors: bad tags, bad merges, bad keys,
    /// excessive aliasing, values JSON cannot hold).
    public static let yamlUnmarshal = ErrorKind("yaml.unmarshal")
}

/// A value as go-yaml decodes it into `interface{}`: map keys keep their
/// YAML types (`map[interface{}]interface{}` in v2).
public enum DecodedYAML: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    case string(String)
    case time(YAMLTimestamp)
    case list([DecodedYAML])
    case map([DecodedPair])

    /// Key identity as Go map keys compare (type and value); nil for a
    /// list or map, which cannot be a key.
    public var keyIdentity: KeyIdentity? {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .uint(let n): return .uint(n)
        case .float(let f): return .float(f.bitPattern)
        case .string(let s): return .string(GoString(s))
        case .time(let t): return .time("\(t)")
        case .list, .map: return nil
        }
    }

    /// A map key's type and value, as Go compares interface keys.
    public enum KeyIdentity: Hashable, Sendable {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        /// The bit pattern.
        case float(UInt64)
        /// Compared by bytes, as Go compares strings.
        case string(GoString)
        case time(String)
    }
}

/// A key and value of a decoded mapping.
public struct DecodedPair: Sendable {
    public var key: DecodedYAML
    public var value: DecodedYAML
}

/// go-yaml's decoder from nodes to `interface{}`: aliases with go-yaml's
/// expansion limit, merge keys with v2's or v3's precedence, duplicate keys
/// rejected in v3, timestamps kept as text in v2.
struct GoYAMLDecoder {
    let dialect: YAMLDialect
    private var decodeCount = 0
    private var aliasCount = 0
    private var aliasDepth = 0
    /// go-yaml's `terrors`: errors decoding goes on past, reported together
    /// at the end unless a fatal error comes first.
    private var unmarshalErrors: [LocatedError] = []

    init(dialect: YAMLDialect) {
        self.dialect = dialect
    }

    /// A document's root node decoded; go-yaml's `unmarshal errors` (every
    /// duplicate key of the document) if decoding found any.
    mutating func decodeDocument(_ node: YAMLNode) throws(LocatedError) -> DecodedYAML {
        let value = try decode(node)
        guard let first = unmarshalErrors.first else { return value }
        throw LocatedError(.yamlUnmarshal, "yaml: unmarshal errors:\n  " + unmarshalErrors.map(\.message).joined(separator: "\n  "),
                           at: first.location)
    }

    private mutating func decode(_ node: YAMLNode) throws(LocatedError) -> DecodedYAML {
        try DeepStack.withRoom { () throws(LocatedError) -> DecodedYAML in try decodeNode(node) }
    }

    private mutating func decodeNode(_ node: YAMLNode) throws(LocatedError) -> DecodedYAML {
        try countDecode(node)
        if node.isAlias {
            return try throughAlias(node) { (decoder, target) throws(LocatedError) in try decoder.decode(target) }
        }
        switch node.content {
        case .scalar:
            return try scalar(node)
        case .sequence(let items):
            var list: [DecodedYAML] = []
            list.reserveCapacity(items.count)
            for item in items { list.append(try decode(item)) }
            return .list(list)
        case .mapping(let pairs):
            return try mapping(pairs, at: node.location)
        }
    }

    /// go-yaml's per-document count of decoded nodes and of those reached
    /// through an alias: a document that is nearly all alias expansion (a
    /// "billion laughs") fails before it is expanded.
    private mutating func countDecode(_ node: YAMLNode) throws(LocatedError) {
        decodeCount += 1
        if aliasDepth > 0 { aliasCount += 1 }
        if aliasCount > 100 && decodeCount > 1000 && Double(aliasCount) / Double(decodeCount) > allowedAliasRatio(decodeCount) {
            throw LocatedError(.yamlUnmarshal, "yaml: document contains excessive aliasing", at: node.location)
        }
    }

    /// Runs `body` on the node `alias` stands for, counted as reached
    /// through an alias.
    private mutating func throughAlias<T>(_ alias: YAMLNode,
                                          _ body: (inout GoYAMLDecoder, YAMLNode) throws(LocatedError) -> T) throws(LocatedError) -> T {
        aliasDepth += 1
        defer { aliasDepth -= 1 }
        var target = alias
        target.isAlias = false
        return try body(&self, target)
    }

    /// Visits `node` as ``decode(_:)`` would, counting as go-yaml counts,
    /// without building anything: go-yaml's aliasing check for a document
    /// decoded another way (helm-unittest's suites into Go structs).
    mutating func checkAliasing(_ node: YAMLNode) throws(LocatedError) {
        try DeepStack.withRoom { () throws(LocatedError) in
            try countDecode(node)
            if node.isAlias {
                try throughAlias(node) { (decoder, target) throws(LocatedError) in try decoder.checkAliasing(target) }
                return
            }
            switch node.content {
            case .scalar:
                break
            case .sequence(let items):
                for item in items { try checkAliasing(item) }
            case .mapping(let pairs):
                for pair in pairs {
                    try checkAliasing(pair.key)
                    try checkAliasing(pair.value)
                }
            }
        }
    }

    private func allowedAliasRatio(_ count: Int) -> Double {
        if count <= 400_000 { return 0.99 }
        if count >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(count - 400_000) / 3_600_000)
    }

    private func scalar(_ node: YAMLNode) throws(LocatedError) -> DecodedYAML {
        let resolved: ResolvedScalar
        do {
            resolved = try ScalarResolver.resolve(node, dialect: dialect)
        } catch {
            throw LocatedError(.yamlUnmarshal, "yaml: " + error.message, at: node.location)
        }
        switch resolved {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .uint(let n): return .uint(n)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .timestamp(let t, let text):
            return dialect == .v2 ? .string(text) : .time(t)
        }
    }

    private static func isMerge(_ node: YAMLNode) -> Bool {
        guard case .scalar("<<", let style) = node.content else { return false }
        let tag = node.shortTag
        return (style == .plain && tag == nil) || tag == "!!merge" || tag == "!"
    }

    private mutating func mapping(_ pairs: [YAMLPair], at location: SourceLocation) throws(LocatedError) -> DecodedYAML {
        if dialect == .v3 {
            let duplicates = YAMLDuplicateKey.find(in: pairs)
            if !duplicates.isEmpty {
                // go-yaml records them, leaves this mapping out and decodes on.
                for duplicate in duplicates {
                    unmarshalErrors.append(LocatedError(.yamlUnmarshal,
                        "line \(duplicate.key.location.line): mapping key \(GoQuote.quote(duplicate.value)) already defined at line \(duplicate.firstLine)",
                        at: duplicate.key.location))
                }
                return .null
            }
        }
        var table = OrderedTable()
        table.pairs.reserveCapacity(pairs.count)
        table.index.reserveCapacity(pairs.count)
        var mergeNode: YAMLNode?
        for pair in pairs {
            if Self.isMerge(pair.key) {
                if dialect == .v2 {
                    try merge(pair.value, into: &table, overwrite: true)
                } else {
                    mergeNode = pair.value
                }
                continue
            }
            let key = try decode(pair.key)
            guard let identity = key.keyIdentity else {
                throw LocatedError(.yamlUnmarshal, "yaml: invalid map key: \(goSyntax(key, dialect: dialect))", at: pair.key.location)
            }
            let value = try decode(pair.value)
            table.set(identity, key, value, overwrite: true)
        }
        if let mergeNode {
            try merge(mergeNode, into: &table, overwrite: false)
        }
        return .map(table.pairs)
    }

    /// Applies a merge value (`<<: *a` or `<<: [*a, *b]`). v2 lets merged keys
    /// overwrite and walks lists backwards; v3 keeps keys already present.
    private mutating func merge(_ node: YAMLNode, into table: inout OrderedTable, overwrite: Bool) throws(LocatedError) {
        let wantMap = LocatedError(.yamlUnmarshal, "yaml: map merge requires map or sequence of maps as the value", at: node.location)
        switch node.content {
        case .mapping:
            try mergeOne(node, into: &table, overwrite: overwrite)
        case .sequence(let items):
            for item in items {
                guard case .mapping = item.content else { throw wantMap }
            }
            for item in (overwrite ? items.reversed() : items) {
                try mergeOne(item, into: &table, overwrite: overwrite)
            }
        case .scalar:
            throw wantMap
        }
    }

    private mutating func mergeOne(_ node: YAMLNode, into table: inout OrderedTable, overwrite: Bool) throws(LocatedError) {
        guard case .map(let pairs) = try decode(node) else { return }
        for pair in pairs {
            if let identity = pair.key.keyIdentity { table.set(identity, pair.key, pair.value, overwrite: overwrite) }
        }
    }
}

/// Map pairs in first-insertion order, keyed by Go map identity.
private struct OrderedTable {
    var pairs: [DecodedPair] = []
    var index: [DecodedYAML.KeyIdentity: Int] = [:]

    mutating func set(_ id: DecodedYAML.KeyIdentity, _ key: DecodedYAML, _ value: DecodedYAML, overwrite: Bool) {
        if let at = index[id] {
            if overwrite { pairs[at].value = value }
        } else {
            index[id] = pairs.count
            pairs.append(DecodedPair(key: key, value: value))
        }
    }
}

/// Go's `%#v` of a decoded value, as go-yaml's and sigs.k8s.io/yaml's
/// error messages print it.
func goSyntax(_ value: DecodedYAML, dialect: YAMLDialect = .v2) -> String {
    switch value {
    case .null: return "interface {}(nil)"
    case .bool(let b): return b ? "true" : "false"
    case .int(let n): return String(n)
    case .uint(let n): return "0x" + String(n, radix: 16)
    case .float(let f): return GoFloat.formatG(f)
    case .string(let s): return GoQuote.quote(s)
    case .time(let t): return GoTime(t).goFormatted
    case .list(let items):
        return DeepStack.withRoom {
            "[]interface {}{" + items.map { goSyntax($0, dialect: dialect) }.joined(separator: ", ") + "}"
        }
    case .map(let pairs):
        let stringKeys = dialect == .v3 && pairs.allSatisfy { if case .string = $0.key { return true } else { return false } }
        let type = stringKeys ? "map[string]interface {}" : "map[interface {}]interface {}"
        let entries = DeepStack.withRoom { pairs.map { (goSyntax($0.key, dialect: dialect), goSyntax($0.value, dialect: dialect)) } }
            .sorted { goLess($0.0, $1.0) }
            .map { "\($0.0):\($0.1)" }
        return type + "{" + entries.joined(separator: ", ") + "}"
    }
}
