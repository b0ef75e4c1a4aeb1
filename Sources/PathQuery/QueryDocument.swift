import GoStd
import Synchronization
import Values
import YAML

/// A document prepared for path queries: the tree helm-unittest searches.
///
/// helm-unittest re-encodes each manifest with go-yaml v3 and decodes it
/// into a `yaml.Node` before every query, then decodes each match back.
/// This type models the outcome of that round trip once, so a document
/// can be queried many times: map keys in go-yaml's natural order, scalar
/// text and tags as the encoder writes them, and each node's decoded value
/// (a float with an integral value below 1e6, such as `3.0`, comes back as
/// the int `3`, because go-yaml writes it as `3`).
public struct QueryDocument: Sendable {
    let root: QueryNode
    /// The document as given (the empty path returns it unchanged).
    public let value: Value

    /// Prepares `document` for querying.
    public init(_ document: Value) {
        value = document
        if case .null = document {
            root = QueryNode(.map(GoMap()))
        } else {
            root = QueryNode(document)
        }
    }
}

/// A node of the searched tree (go-yaml's `yaml.Node`, reduced to what the
/// path language looks at). A mapping or sequence builds its children and
/// its decoded value when first asked for them, once: most queries walk
/// one branch of a document. Shared across threads (a chart's jobs query
/// the same documents): what a node builds is published under its lock.
final class QueryNode: Sendable {
    enum Kind: Sendable { case scalar, mapping, sequence }
    /// The scalar tags the filter language distinguishes.
    enum Tag: Sendable { case null, bool, str, int, float, other }

    /// What a mapping or sequence node has built so far.
    private struct Built {
        var content: [QueryNode]?
        var value: Value?
    }

    let kind: Kind
    /// Scalar text, as go-yaml writes it (`1e+06`, `true`, `null`).
    let text: String
    let tag: Tag
    /// A scalar's decoded value; a collection's source (map or list).
    private let source: Value
    private let built = Mutex(Built())

    init(scalar text: String, tag: Tag, value: Value) {
        kind = .scalar
        self.text = text
        self.tag = tag
        source = value
    }

    private init(collection kind: Kind, source: Value) {
        self.kind = kind
        text = ""
        tag = .other
        self.source = source
    }

    /// The node go-yaml v3 would decode after encoding `value`.
    convenience init(_ value: Value) {
        switch value {
        case .null:
            self.init(scalar: "null", tag: .null, value: .null)
        case .bool(let b):
            self.init(scalar: b ? "true" : "false", tag: .bool, value: .bool(b))
        case .int(let n, let kind):
            if kind.isUnsigned && n < 0 {
                self.init(scalar: String(UInt64(bitPattern: n)), tag: .int, value: .int(n, .uint64))
            } else {
                self.init(scalar: String(n), tag: .int, value: .int(n, .int))
            }
        case .float(let f):
            let text: String
            if f.isNaN {
                text = ".nan"
            } else if f.isInfinite {
                text = f < 0 ? "-.inf" : ".inf"
            } else {
                text = GoFloat.formatG(f)
            }
            if f.isFinite, !text.contains(where: { $0 == "." || $0 == "e" }) {
                // Written as `3` or `-0`, read back as an int.
                self.init(scalar: text, tag: .int, value: .int(Int(f)))
            } else {
                self.init(scalar: text, tag: .float, value: .float(f))
            }
        case .string(let s):
            self.init(scalar: s.text, tag: .str, value: .string(s))
        case .list:
            self.init(collection: .sequence, source: value)
        case .map:
            self.init(collection: .mapping, source: value)
        case .object(let object):
            if let time = object as? GoTime {
                self.init(scalar: time.rfc3339Nano, tag: .other, value: value)
            } else {
                self.init(scalar: object.goFormatted, tag: .str, value: .string(object.goFormatted))
            }
        }
    }

    /// Mapping: key, value, key, value… (keys in go-yaml's natural order);
    /// sequence: the items; scalar: none.
    var content: [QueryNode] {
        if kind == .scalar { return [] }
        if let content = built.withLock({ $0.content }) { return content }
        let made: [QueryNode]
        switch source {
        case .list(let items, _):
            made = items.map { QueryNode($0) }
        case .map(let map, _):
            let keys = NaturalOrder.sorted(map.entries.keys, dialect: .v3)
            var pairs: [QueryNode] = []
            pairs.reserveCapacity(keys.count * 2)
            for key in keys {
                pairs.append(QueryNode(scalar: key.text, tag: .str, value: .string(key)))
                pairs.append(QueryNode(map.entries[key] ?? .null))
            }
            made = pairs
        default:
            made = []
        }
        // Another thread may have built it meanwhile: the first one stays.
        return built.withLock { built in
            if let content = built.content { return content }
            built.content = made
            return made
        }
    }

    /// What go-yaml decodes this node to.
    var value: Value {
        if kind == .scalar { return source }
        if let value = built.withLock({ $0.value }) { return value }
        let content = self.content
        let made: Value
        if kind == .sequence {
            made = .list(content.map { node in DeepStack.withRoom { node.value } })
        } else {
            var entries: [GoString: Value] = [:]
            entries.reserveCapacity(content.count / 2)
            var i = 0
            while i + 1 < content.count {
                if case .string(let key) = content[i].source {
                    entries[key] = DeepStack.withRoom { content[i + 1].value }
                }
                i += 2
            }
            made = .map(GoMap(entries))
        }
        return built.withLock { built in
            if let value = built.value { return value }
            built.value = made
            return made
        }
    }

    /// This node and all below it, children first (go-yaml content order,
    /// mapping keys included), the order `..` visits them.
    func appendDescendantsPostOrder(to nodes: inout [QueryNode]) {
        for child in content { DeepStack.withRoom { child.appendDescendantsPostOrder(to: &nodes) } }
        nodes.append(self)
    }
}
