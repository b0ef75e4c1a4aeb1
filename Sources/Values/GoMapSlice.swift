/// A Go `[]map[string]interface{}`, as TOML arrays of tables (`[[servers]]`)
/// decode: printed and encoded like a list of maps, but typed.
public struct GoMapSlice: GoObject, GoJSONEncodable {
    /// The tables, in document order.
    public var maps: [GoMap]

    /// A slice holding `maps`.
    public init(_ maps: [GoMap]) {
        self.maps = maps
    }

    /// The elements as values.
    public var items: [Value] { maps.map { .map($0) } }

    /// `[]map[string]interface {}`.
    public var goTypeName: String { "[]map[string]interface {}" }
    /// `slice`.
    public var goKind: String { "slice" }
    /// `[map[a:1] map[]]`.
    public var goFormatted: String { GoFmt.format(.list(items)) }
    /// Non-empty slices are true.
    public var isTruthy: Bool { !maps.isEmpty }
    /// Formats as a typed slice of maps.
    public var goFmtForm: GoFmtForm { .slice(elementType: "map[string]interface {}", items) }
    /// encoding/json writes it as an array of objects.
    public var jsonValue: Value { .list(items) }
    /// The tables.
    public func forEachHeldValue(_ body: (Value) -> Void) { for map in maps { body(.map(map)) } }
}
