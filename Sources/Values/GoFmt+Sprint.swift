import GoStd

/// The `%v` fast path: `fmt.Sprint` of one value.
extension GoFmt {
    /// What `fmt.Sprint(v)` prints: `map[a:1 b:[x y]]`, `<nil>`, `1e+06`,
    /// as Swift text (invalid UTF-8 read as U+FFFD).
    public static func format(_ value: Value) -> String {
        if case .string(let s) = value { return s.text }
        return goFormat(value).text
    }

    /// What `fmt.Sprint(v)` prints, byte for byte.
    public static func goFormat(_ value: Value) -> GoString {
        if case .string(let s) = value { return s }
        var out: [UInt8] = []
        write(value, to: &out)
        return GoString(bytes: out)
    }

    /// Appends the `%v` text of `value` to `out`.
    public static func write(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null: out += "<nil>".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let n, let kind): out += (kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)).utf8
        case .float(let f): out += GoFloat.formatG(f).utf8
        case .string(let s): s.append(to: &out)
        case .list(let items, _):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                DeepStack.withRoom { write(item, to: &out) }
            }
            out.append(UInt8(ascii: "]"))
        case .map(let map, _):
            out += "map[".utf8
            for (i, key) in map.sortedKeys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                key.append(to: &out)
                out.append(UInt8(ascii: ":"))
                DeepStack.withRoom { write(map.entries[key] ?? .null, to: &out) }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object): out += object.goFormatted.utf8
        }
    }
}

extension Value: CustomStringConvertible {
    /// The `%v` text.
    public var description: String { GoFmt.format(self) }
}
