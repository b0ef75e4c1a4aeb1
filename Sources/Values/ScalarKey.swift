import GoStd

/// A scalar ``Value`` as a hashable key that tells apart what Go tells
/// apart: the integer kind (`int` from `int64`), a float's bits (`0.0`
/// from `-0.0`), a string's bytes. Memos key their inputs with it.
public enum ScalarKey: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64, IntKind)
    case float(UInt64)
    case string(GoString)

    /// The key of `value`; nil for a list, map or object.
    public init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let n, let kind): self = .int(n, kind)
        case .float(let f): self = .float(f.bitPattern)
        case .string(let s): self = .string(s)
        case .list, .map, .object: return nil
        }
    }
}
