import Values

/// `range` and `len` over a `[]map[string]interface{}` (TOML arrays of
/// tables from `fromToml`): its elements in order, keyed by index.
extension GoMapSlice: GoRangeable {
    public var rangeEntries: [(key: Value?, value: Value)] { items.map { (nil, $0) } }
}
