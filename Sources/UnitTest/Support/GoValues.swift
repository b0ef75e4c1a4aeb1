import GoStd
import Values

/// Whether `value` is Go's zero value of its own type, or an empty
/// collection (helm-unittest's `isNullOrEmpty` test).
func isGoZeroOrEmpty(_ value: Value) -> Bool {
    switch value {
    case .null: return true
    case .bool(let b): return !b
    case .int(let n, _): return n == 0
    case .float(let f): return f == 0
    case .string(let s): return s.isEmpty
    case .list(let l, _): return l.isEmpty
    case .map(let m, _): return m.count == 0
    case .object(let o):
        if let t = o as? GoTime { return t == GoTime.zero }
        return false
    }
}

/// The Go type name `reflect.TypeOf(v).String()` gives, empty for nil.
func goReflectTypeName(_ value: Value) -> String {
    if case .null = value { return "" }
    return value.goTypeName
}

/// helm-unittest's `uniformContent`: `%v` of the value, spaces before line
/// breaks removed, CRLF turned into LF, then leading line breaks dropped.
func uniformContent(_ value: Value) -> String {
    uniformContent(GoFmt.format(value))
}

/// ``uniformContent(_:)`` of a string.
func uniformContent(_ text: String) -> String {
    // The regex `(?m)[ ]+\r?\n` → "\n".
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: " ") {
            var j = i
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: "\n")); i = j + 1; continue
            }
            if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "\r"), bytes[j + 1] == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: "\n")); i = j + 2; continue
            }
            out.append(contentsOf: bytes[i..<j]); i = j; continue
        }
        out.append(bytes[i]); i += 1
    }
    let trimmed = out.drop(while: { $0 == UInt8(ascii: "\n") })
    return String(decoding: trimmed, as: UTF8.self)
}

extension Value {
    /// Whether this is Go's nil.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
