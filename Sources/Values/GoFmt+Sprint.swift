import GoStd

/// The `%v` fast path: `fmt.Sprint` of one value.
extension GoFmt {
    /// What `fmt.Sprint(v)` prints: `map[a:1 b:[x y]]`, `<nil>`, `1e+06`.
    public static func format(_ value: Value) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    /// Appends the `%v` text of `value` to `out`.
    public static func write(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "<nil>"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n, let kind): out += kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)
        case .float(let f): out += GoFloat.formatG(f)
        case .string(let s): out += s
        case .list(let items, _):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += " " }
                DeepStack.withRoom { write(item, to: &out) }
            }
            out += "]"
        case .map(let map, _):
            out += "map["
            for (i, key) in map.sortedKeys.enumerated() {
                if i > 0 { out += " " }
                out += key
                out += ":"
                DeepStack.withRoom { write(map.entries[key] ?? .null, to: &out) }
            }
            out += "]"
        case .object(let object): out += object.goFormatted
        }
    }
}

extension Value: CustomStringConvertible {
    /// The `%v` text.
    public var description: String { GoFmt.format(self) }
}
