import Diagnostics
import YAML

extension YAMLValues {
    /// One already-parsed node decoded as go-yaml v3 decodes it into
    /// `interface{}` (the same rules as ``v3Documents(_:file:)``): helm-unittest
    /// reads typed suite fields from the node tree and the free-form ones
    /// (`set:`, assertion values) through this.
    public static func v3Value(of node: YAMLNode) throws(LocatedError) -> Value {
        var decoder = GoYAMLDecoder(dialect: .v3)
        return v3Value(try decoder.decode(node))
    }
}
