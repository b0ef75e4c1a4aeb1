import Diagnostics
import GoStd
import YAML

extension YAMLValues {
    /// One already-parsed node decoded as go-yaml v3 decodes it into
    /// `interface{}` (the same rules as ``v3Documents(_:file:)``): helm-unittest
    /// reads typed suite fields from the node tree and the free-form ones
    /// (`set:`, assertion values) through this.
    public static func v3Value(of node: YAMLNode) throws(LocatedError) -> Value {
        try DeepStack.withStack(forDepth: node.height) { () throws(LocatedError) -> Value in
            var decoder = GoYAMLDecoder(dialect: .v3)
            return v3Value(try decoder.decodeDocument(node))
        }
    }

    /// go-yaml's `document contains excessive aliasing` for a document read
    /// node by node: throws it if decoding all of `node` would (go-yaml
    /// counts every node it decodes, into any type, per document).
    public static func checkAliasing(_ node: YAMLNode) throws(LocatedError) {
        var decoder = GoYAMLDecoder(dialect: .v3)
        try decoder.checkAliasing(node)
    }
}
