import GoStd

/// JSON as Go's encoding/json writes and reads it for `interface{}` values.
public enum GoJSON {
    /// An error from encoding a value (`json: unsupported value: +Inf`).
    public struct EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// encoding/json's nesting limit: an array or object inside this many
    /// others is `exceeded max depth` (Go 1.27's json, built on
    /// `encoding/json/v2`, checks it when writing too).
    public static let maxDepth = 10_000
    /// encoding/json's error text for ``maxDepth``.
    public static let maxDepthMessage = "exceeded max depth"

    /// `json.Marshal(v)`; with `escapeHTML` false, what an Encoder with
    /// `SetEscapeHTML(false)` writes (without its trailing newline).
    /// `indent` non-nil gives `json.MarshalIndent(v, "", indent)`.
    ///
    /// Deeper than ``maxDepth`` fails as Go 1.27 fails: a non-empty array or
    /// object there always, an empty one only with `indent` (compact output
    /// writes `[]` and `{}` without a depth check).
    public static func encode(_ value: Value, escapeHTML: Bool = true, indent: String? = nil) throws -> String {
        // Indented output grows with the square of the depth: fail before writing it.
        if indent != nil, exceedsMaxDepth(value, countingEmpty: true) {
            throw EncodingError(message: maxDepthMessage)
        }
        var out = ""
        try write(value, to: &out, escapeHTML: escapeHTML, indent: indent, depth: 0)
        return out
    }

    /// Whether `value` has an array or object inside ``maxDepth`` others
    /// (with `countingEmpty` false, only a non-empty one counts). A nil
    /// list is JSON's `null`, not an array.
    public static func exceedsMaxDepth(_ value: Value, countingEmpty: Bool, depth: Int = 0) -> Bool {
        let children: [Value]
        switch value {
        case .list(let items, let type):
            if type.isNil && items.isEmpty { return false }
            children = items
        case .map(let map, _):
            children = Array(map.entries.values)
        case .object(let object as OrderedJSONObject):
            children = object.fields.map(\.1)
        case .object(let object as any GoJSONEncodable):
            if case .object = object.jsonValue { return false }
            return exceedsMaxDepth(object.jsonValue, countingEmpty: countingEmpty, depth: depth)
        default:
            return false
        }
        if depth >= maxDepth { return countingEmpty || !children.isEmpty }
        return children.contains { child in
            DeepStack.withRoom { exceedsMaxDepth(child, countingEmpty: countingEmpty, depth: depth + 1) }
        }
    }

    private static func enter(isEmpty: Bool, indent: String?, depth: Int) throws {
        if depth >= maxDepth && (!isEmpty || indent != nil) {
            throw EncodingError(message: maxDepthMessage)
        }
    }

    private static func write(_ value: Value, to out: inout String, escapeHTML: Bool, indent: String?, depth: Int) throws {
        try DeepStack.withRoom { try writeHere(value, to: &out, escapeHTML: escapeHTML, indent: indent, depth: depth) }
    }

    private static func writeHere(_ value: Value, to out: inout String, escapeHTML: Bool, indent: String?, depth: Int) throws {
        switch value {
        case .null:
            out += "null"
        case .bool(let b):
            out += b ? "true" : "false"
        case .int(let n, let kind):
            out += kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)
        case .float(let f):
            guard let text = GoFloat.formatJSON(f) else {
                throw EncodingError(message: "json: unsupported value: \(GoFloat.formatG(f))")
            }
            out += text
        case .string(let s):
            writeString(s, to: &out, escapeHTML: escapeHTML)
        case .list(let items, let type):
            if items.isEmpty && type.isNil { out += "null"; return }
            try enter(isEmpty: items.isEmpty, indent: indent, depth: depth)
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, depth + 1)
                try write(item, to: &out, escapeHTML: escapeHTML, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out += "]"
        case .map(let map, _):
            try enter(isEmpty: map.count == 0, indent: indent, depth: depth)
            if map.count == 0 { out += "{}"; return }
            out += "{"
            for (i, key) in map.sortedKeys.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, depth + 1)
                writeString(key, to: &out, escapeHTML: escapeHTML)
                out += indent == nil ? ":" : ": "
                try write(map.entries[key] ?? .null, to: &out, escapeHTML: escapeHTML, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out += "}"
        case .object(let object as OrderedJSONObject):
            try enter(isEmpty: object.fields.isEmpty, indent: indent, depth: depth)
            if object.fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, field)) in object.fields.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, depth + 1)
                writeString(key, to: &out, escapeHTML: escapeHTML)
                out += indent == nil ? ":" : ": "
                try write(field, to: &out, escapeHTML: escapeHTML, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out += "}"
        case .object(let time as GoTime):
            // time.Time.MarshalJSON refuses what RFC 3339 cannot write.
            if let problem = time.jsonProblem {
                throw EncodingError(message: "json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: " + problem)
            }
            writeString(time.rfc3339Nano, to: &out, escapeHTML: escapeHTML)
        case .object(let object):
            if let json = object as? any GoJSONEncodable {
                try write(json.jsonValue, to: &out, escapeHTML: escapeHTML, indent: indent, depth: depth)
            } else {
                out += "{}"
            }
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    /// ``writeString(_:to:escapeHTML:)`` for a Go string: each byte of an
    /// invalid UTF-8 sequence is written as `\ufffd`, as encoding/json does.
    public static func writeString(_ s: GoString, to out: inout String, escapeHTML: Bool) {
        if let text = s.validText { return writeString(text, to: &out, escapeHTML: escapeHTML) }
        out += "\""
        let bytes = s.bytes
        var rest = bytes[...]
        while !rest.isEmpty {
            let (rune, width) = GoUTF8.decodeRune(rest)
            if rune == GoUTF8.runeError && width == 1 {
                out += "\\ufffd"
            } else {
                writeEscaped(Unicode.Scalar(rune) ?? "\u{FFFD}", to: &out, escapeHTML: escapeHTML)
            }
            rest = rest.dropFirst(width)
        }
        out += "\""
    }

    /// A JSON string literal with Go's escapes.
    public static func writeString(_ s: String, to out: inout String, escapeHTML: Bool) {
        out += "\""
        for scalar in s.unicodeScalars { writeEscaped(scalar, to: &out, escapeHTML: escapeHTML) }
        out += "\""
    }

    private static func writeEscaped(_ scalar: Unicode.Scalar, to out: inout String, escapeHTML: Bool) {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x3C where escapeHTML: out += "\\u003c"
        case 0x3E where escapeHTML: out += "\\u003e"
        case 0x26 where escapeHTML: out += "\\u0026"
        case 0x2028: out += "\\u2028"
        case 0x2029: out += "\\u2029"
        case let v where v < 0x20:
            out += "\\u00" + GoQuote.hex(v, width: 2)
        default:
            out.unicodeScalars.append(scalar)
        }
    }
}

/// An object that encoding/json writes as some plain value (a time as its
/// RFC 3339 text, bytes as base64).
public protocol GoJSONEncodable {
    var jsonValue: Value { get }
}

extension GoTime: GoJSONEncodable {
    public var jsonValue: Value { .string(rfc3339Nano) }

    /// Why `MarshalJSON` fails for this time (a year outside 0...9999, a
    /// zone offset of 24 hours or more), or nil.
    public var jsonProblem: String? {
        if !(0...9999).contains(components.year) { return "year outside of range [0,9999]" }
        if abs(Int(utcOffset)) / 3600 >= 24 { return "timezone hour outside of range [0,23]" }
        return nil
    }
}

/// A Go struct as encoding/json writes it: fields in declaration order.
public struct OrderedJSONObject: GoObject, GoJSONEncodable {
    public var fields: [(String, Value)]

    public init(fields: [(String, Value)]) {
        self.fields = fields
    }

    public var goTypeName: String { "struct" }
    public var goFormatted: String { "{" + fields.map { GoFmt.format($0.1) }.joined(separator: " ") + "}" }
    public var jsonValue: Value { .object(self) }
    public func forEachHeldValue(_ body: (Value) -> Void) { for field in fields { body(field.1) } }
}

extension GoBytes: GoJSONEncodable {
    /// encoding/json writes a byte slice as standard base64.
    public var jsonValue: Value { .string(GoBaseEncoding.base64Encode(bytes)) }
}
