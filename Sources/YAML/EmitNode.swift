/// A document tree to be written out by ``YAMLEmitter``.
///
/// Scalars are always untagged (implicit): the caller decides, the way
/// go-yaml's `encode.go` does, which style to ask for so that the text reads
/// back as the intended type. The emitter may still choose a different style
/// when the requested one cannot represent the text (libyaml's fallback order:
/// plain → single-quoted → double-quoted, block → double-quoted).
public indirect enum EmitNode: Sendable, Hashable {
    /// A scalar with the style the encoder asks for.
    case scalar(String, style: EmitScalarStyle)
    /// A sequence; `flow` asks for `[a, b]` instead of block `- a` items.
    case sequence([EmitNode], flow: Bool)
    /// A mapping whose pairs are written in the given order.
    case mapping([EmitPair], flow: Bool)

    /// A plain (style-free) scalar.
    public static func plain(_ text: String) -> EmitNode { .scalar(text, style: .any) }

    /// A block sequence.
    public static func sequence(_ items: [EmitNode]) -> EmitNode { .sequence(items, flow: false) }

    /// A block mapping.
    public static func mapping(_ pairs: [EmitPair]) -> EmitNode { .mapping(pairs, flow: false) }
}

/// One key/value pair of an ``EmitNode`` mapping.
public struct EmitPair: Sendable, Hashable {
    /// The key node (usually a scalar).
    public var key: EmitNode
    /// The value node.
    public var value: EmitNode

    /// A pair of `key` and `value`.
    public init(_ key: EmitNode, _ value: EmitNode) {
        self.key = key
        self.value = value
    }
}

/// The scalar styles an encoder can request (libyaml's `yaml_scalar_style_t`).
public enum EmitScalarStyle: Sendable, Hashable {
    /// No preference: treated as plain.
    case any
    case plain
    case singleQuoted
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded
}

/// Which go-yaml emitter to imitate.
public enum EmitDialect: Sendable, Hashable {
    /// gopkg.in/yaml.v2 v2.4.0 (= go.yaml.in/yaml/v2 v2.4.3): the emitter
    /// behind Helm's `toYaml` (through sigs.k8s.io/yaml).
    case v2
    /// go.yaml.in/yaml/v3 v3.0.4 (behind Helm's `toYamlPretty` and
    /// helm-unittest's snapshots). Differs from v2 in indentation rules,
    /// sequence indentation, tab handling and empty plain scalars.
    case v3
}
