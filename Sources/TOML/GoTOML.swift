import GoStd
import Values

/// TOML as BurntSushi/toml v1.6's encoder writes it (Helm's `toToml`).
public enum GoTOML {
    /// An encoding failure with the library's message.
    public struct EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `toml.NewEncoder(w).Encode(v)`: tables after plain keys, keys sorted
    /// bytewise, two-space indentation per table level, nil values skipped.
    public static func encode(_ value: Value) throws -> GoString {
        var encoder = Encoder()
        try encoder.encode(key: [], value)
        return GoString(bytes: encoder.out.bytes)
    }

    /// A basic string of `s`.
    static func quoted(_ s: String) -> String {
        var out = TOMLText()
        appendQuoted(GoString(s), to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A basic string: ASCII quotes, backslashes and control bytes escaped,
    /// every other byte (invalid UTF-8 too) kept.
    static func appendQuoted(_ s: GoString, to out: inout TOMLText) {
        out += "\""
        for b in s.bytes {
            switch b {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case let v where v < 0x20 || v == 0x7F: out += "\\u00" + GoQuote.hex(UInt32(v), width: 2)
            default: out.bytes.append(b)
            }
        }
        out += "\""
    }

    /// The encoder's output: bytes, appended to as text.
    struct TOMLText {
        var bytes: [UInt8] = []
        var isEmpty: Bool { bytes.isEmpty }

        static func += (text: inout TOMLText, s: String) { text.bytes += s.utf8 }
    }

    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    static func keyPiece(_ key: String) -> String {
        key.isEmpty ? "\"\"" : (isBare(key) ? key : quoted(key))
    }

    private struct Encoder {
        var out = TOMLText()

        private enum Kind { case table, tableArray, other, none }

        private func kind(_ value: Value) throws -> Kind {
            switch value {
            case .null: return .none
            case .map: return .table
            // A `*time.Location` is a struct with no exported fields: an empty table.
            case .object(let o) where o is GoLocationValue: return .table
            case .list(let items, _):
                guard !items.isEmpty else { return .other }
                var allTables = true
                for item in items {
                    let k = try DeepStack.withRoom { try kind(item) }
                    if k == .none { throw EncodingError(message: "toml: cannot encode array with nil element") }
                    if k != .table { allTables = false }
                }
                return allTables ? .tableArray : .other
            default: return .other
            }
        }

        private mutating func newline() {
            if !out.isEmpty { out += "\n" }
        }

        private func indent(_ key: [String]) -> String {
            String(repeating: "  ", count: max(0, key.count - 1))
        }

        private func keyText(_ key: [String]) -> String {
            key.map(GoTOML.keyPiece).joined(separator: ".")
        }

        mutating func encode(key: [String], _ value: Value) throws {
            try DeepStack.withRoom { try encodeHere(key: key, value) }
        }

        private mutating func encodeHere(key: [String], _ value: Value) throws {
            switch try kind(value) {
            case .none:
                return
            case .table:
                let map = value.mapValue ?? GoMap()
                if key.count == 1 { newline() }
                if !key.isEmpty {
                    out += indent(key) + "[" + keyText(key) + "]"
                    newline()
                }
                try table(key: key, map)
            case .tableArray:
                guard case .list(let items, _) = value else { return }
                if key.isEmpty { throw EncodingError(message: "toml: top-level values must be Go maps or structs") }
                for item in items {
                    guard case .map(let map, _) = item else { continue }
                    newline()
                    out += indent(key) + "[[" + keyText(key) + "]]"
                    newline()
                    try table(key: key, map)
                }
            case .other:
                if key.isEmpty {
                    try element(value)
                    return
                }
                out += indent(key) + GoTOML.keyPiece(key[key.count - 1]) + " = "
                try element(value)
                newline()
            }
        }

        private mutating func table(key: [String], _ map: GoMap) throws {
            var direct: [GoString] = []
            var sub: [GoString] = []
            for (k, v) in map.entries {
                let kk = try kind(v)
                if kk == .table || kk == .tableArray { sub.append(k) } else { direct.append(k) }
            }
            for k in direct.sorted() + sub.sorted() {
                try encode(key: key + [k.text], map.entries[k] ?? .null)
            }
        }

        private mutating func inlineTable(_ map: GoMap) throws {
            var direct: [GoString] = []
            var sub: [GoString] = []
            for (k, v) in map.entries {
                let kk = try kind(v)
                if kk == .table || kk == .tableArray { sub.append(k) } else { direct.append(k) }
            }
            out += "{"
            let groups = [direct.sorted(), sub.sorted()]
            for (g, keys) in groups.enumerated() {
                let trailingComma = g == 0 && !sub.isEmpty
                for (i, k) in keys.enumerated() {
                    guard let v = map.entries[k] else { continue }
                    if case .null = v { continue }
                    out += GoTOML.keyPiece(k.text) + " = "
                    try element(v)
                    if trailingComma || i != keys.count - 1 { out += ", " }
                }
            }
            out += "}"
        }

        private mutating func element(_ value: Value) throws {
            switch value {
            case .null:
                throw EncodingError(message: "toml: cannot encode array with nil element")
            case .bool(let b): out += b ? "true" : "false"
            case .int(let n, let kind): out += kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)
            case .float(let f):
                if f.isNaN { out += f.sign == .minus ? "-nan" : "nan" }
                else if f.isInfinite { out += f < 0 ? "-inf" : "inf" }
                else {
                    let text = GoFloat.formatG(f)
                    out += text.contains("e") || text.contains(".") ? text : text + ".0"
                }
            case .string(let s): GoTOML.appendQuoted(s, to: &out)
            case .object(let bytes as GoBytes):
                // A []byte is an array of integers.
                out += "[" + bytes.bytes.map { String($0) }.joined(separator: ", ") + "]"
            case .list(let items, _):
                out += "["
                for (i, item) in items.enumerated() {
                    try DeepStack.withRoom { try element(item) }
                    if i != items.count - 1 { out += ", " }
                }
                out += "]"
            case .map(let map, _): try DeepStack.withRoom { try inlineTable(map) }
            case .object(let time as GoTime): out += time.rfc3339Nano
            case .object(let n as GoTimeInteger):
                // BurntSushi/toml writes a time.Duration as its text, other integers as numbers.
                out += n.kind == .duration ? GoTOML.quoted(n.goFormatted) : String(n.value)
            case .object(let o) where o is GoLocationValue: try inlineTable(GoMap())
            case .object(let object): out += GoTOML.quoted(object.goFormatted)
            }
        }
    }
}
