import GoStd

/// A fixed set of map keys, for maps built again and again with the same
/// keys (Helm's built-in objects). ``map(_:)`` fills a copy of one hashed
/// table through `mapValues`, which keeps the table's layout, so no key is
/// hashed again.
public struct GoMapShape: Sendable {
    private let slots: [GoString: Int]

    /// The shape of maps with `keys` (distinct), in the order ``map(_:)`` takes their values.
    public init(_ keys: [GoString]) {
        slots = [GoString: Int](uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }

    /// A new map holding `values[i]` under the `i`-th key.
    public func map(_ values: [Value]) -> GoMap {
        precondition(values.count == slots.count, "a GoMapShape needs one value per key")
        return GoMap(slots.mapValues { values[$0] })
    }
}
