import Diagnostics
import GoStd

/// The presentation style of a scalar in the source text.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a parsed YAML document, aliases already replaced by the node
/// they refer to. Mappings keep their pairs in source order.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The explicit tag in its long form (`tag:yaml.org,2002:str`), `!` for
    /// the non-specific tag, nil when the node has none.
    public var tag: String?
    /// The anchor the node defined, if any.
    public var anchor: String?
    /// Where the node starts (1-based line and column, counted in characters as libyaml does).
    public var location: SourceLocation
    /// Whether the node was reached through an alias (`*name`).
    public var isAlias: Bool
    /// Whether the collection was written in flow style (`{}` / `[]`).
    public var isFlow: Bool
    /// Levels in this subtree, aliases counted by their expansion (1 for a
    /// scalar): how deep a walk over it, or freeing it, recurses.
    public var height: Int = 1

    public init(_ content: Content, tag: String? = nil, anchor: String? = nil,
                location: SourceLocation, isAlias: Bool = false, isFlow: Bool = false) {
        self.content = content
        self.tag = tag
        self.anchor = anchor
        self.location = location
        self.isAlias = isAlias
        self.isFlow = isFlow
    }

    /// The scalar text, if this is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The tag in go-yaml's short form (`!!str`), or nil.
    public var shortTag: String? {
        guard let tag else { return nil }
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    /// Number of nodes in this subtree (aliases counted by their expansion).
    public var subtreeSize: Int {
        switch content {
        case .scalar: return 1
        case .sequence(let items): return DeepStack.withRoom { items.reduce(1) { $0 + $1.subtreeSize } }
        case .mapping(let pairs):
            return DeepStack.withRoom { pairs.reduce(1) { $0 + $1.key.subtreeSize + $1.value.subtreeSize } }
        }
    }
}

/// A key and value of a YAML mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// One document of a YAML stream; `root` is nil for an empty document.
public struct YAMLDocument: Sendable {
    public var root: YAMLNode?
    public var location: SourceLocation

    /// The root's ``YAMLNode/height`` (0 for an empty document).
    public var depth: Int { root?.height ?? 0 }
}

extension Array where Element == YAMLDocument {
    /// The deepest document's ``YAMLDocument/depth``.
    public var depth: Int { lazy.map(\.depth).max() ?? 0 }
}

/// A key that repeats an earlier key of the same mapping, as go-yaml v3's
/// decoder finds it: nodes of the same kind with the same `Value` (a
/// scalar's text, an alias's anchor name, `""` for collections).
public struct YAMLDuplicateKey: Sendable {
    /// The later key.
    public var key: YAMLNode
    /// Its `Value`.
    public var value: String
    /// The line of the earlier key.
    public var firstLine: Int

    /// Every duplicate of `pairs`' keys in go-yaml's order: for each key,
    /// each later key equal to it (a key repeated three times gives three).
    public static func find(in pairs: [YAMLPair]) -> [YAMLDuplicateKey] {
        // A large mapping is compared pair by pair only when it has a duplicate.
        if pairs.count > 16 && Set(pairs.lazy.map { Identity($0.key) }).count == pairs.count { return [] }
        var found: [YAMLDuplicateKey] = []
        for i in pairs.indices {
            let first = Identity(pairs[i].key)
            for j in pairs.indices.dropFirst(i + 1) where Identity(pairs[j].key) == first {
                found.append(YAMLDuplicateKey(key: pairs[j].key, value: first.value, firstLine: pairs[i].key.location.line))
            }
        }
        return found
    }

    /// go-yaml's `Kind` and `Value` of a node.
    private struct Identity: Hashable {
        enum Kind: Hashable { case scalar, sequence, mapping, alias }
        let kind: Kind
        let value: String

        init(_ node: YAMLNode) {
            if node.isAlias {
                kind = .alias
                value = node.anchor ?? ""
                return
            }
            switch node.content {
            case .scalar(let text, _): (kind, value) = (.scalar, text)
            case .sequence: (kind, value) = (.sequence, "")
            case .mapping: (kind, value) = (.mapping, "")
            }
        }
    }
}
