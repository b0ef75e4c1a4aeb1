import GoStd
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
            root = QueryNode(mapping: [])
        } else {
            root = QueryNode(document)
        }
    }
}

/// A node of the searched tree (go-yaml's `yaml.Node`, reduced to what the
/// path language looks at).
final class QueryNode: Sendable {
    enum Kind: Sendable { case scalar, mapping, sequence }
    /// The scalar tags the filter language distinguishes.
    enum Tag: Sendable { case null, bool, str, int, float, other }

    let kind: Kind
    /// Scalar text, as go-yaml writes it (`1e+06`, `true`, `null`).
    let text: String
    let tag: Tag
    /// Mapping: key, value, key, value…; sequence: the items.
    let content: [QueryNode]
    /// What go-yaml decodes this node to.
    let value: Value

    init(scalar text: String, tag: Tag, value: Value) {
        kind = .scalar
        self.text = text
        self.tag = tag
        content = []
        self.value = value
    }

    init(mapping pairs: [(GoString, QueryNode)]) {
        kind = .mapping
        text = ""
        tag = .other
        var content: [QueryNode] = []
        content.reserveCapacity(pairs.count * 2)
        var entries: [GoString: Value] = [:]
        entries.reserveCapacity(pairs.count)
        for (key, node) in pairs {
            content.append(QueryNode(scalar: key.text, tag: .str, value: .string(key)))
            content.append(node)
            entries[key] = node.value
        }
        self.content = content
        value = .map(GoMap(entries))
    }

    init(sequence items: [QueryNode]) {
        kind = .sequence
        text = ""
        tag = .other
        content = items
        value = .list(items.map(\.value))
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
        case .list(let items, _):
            self.init(sequence: DeepStack.withRoom { items.map { QueryNode($0) } })
        case .map(let map, _):
            let keys = NaturalOrder.sorted(map.entries.keys, dialect: .v3)
            self.init(mapping: DeepStack.withRoom { keys.map { ($0, QueryNode(map.entries[$0] ?? .null)) } })
        case .object(let object):
            if let time = object as? GoTime {
                self.init(scalar: time.rfc3339Nano, tag: .other, value: value)
            } else {
                self.init(scalar: object.goFormatted, tag: .str, value: .string(object.goFormatted))
            }
        }
    }

    /// This node and all below it, children first (go-yaml content order,
    /// mapping keys included), the order `..` visits them.
    func appendDescendantsPostOrder(to nodes: inout [QueryNode]) {
        for child in content { DeepStack.withRoom { child.appendDescendantsPostOrder(to: &nodes) } }
        nodes.append(self)
    }
}
