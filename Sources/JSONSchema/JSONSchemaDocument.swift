import GoStd
import Values

/// Reading schema documents (`jsonschema.UnmarshalJSON`) and the URL and
/// JSON-pointer helpers the compiler needs.
public enum JSONSchemaDocument {
    /// document: `ws* value ws*` (JSON; ws is space, tab, CR, LF).
    ///
    /// Decodes a schema document as the library does: one JSON value read by
    /// a streaming decoder with `UseNumber`, then nothing but whitespace.
    /// Errors carry Go's texts (`unexpected EOF`, `invalid character 'x'
    /// looking for beginning of value`, `invalid character after top-level value`).
    public static func unmarshal(_ bytes: [UInt8]) -> Result<JSONSchemaValue, JSONSchemaError> {
        // Go reads invalid UTF-8 in strings as U+FFFD.
        let utf8 = Array(String(decoding: bytes, as: UTF8.self).utf8)
        let end: Int
        do {
            end = try GoJSON.prefixEnd(utf8)
        } catch {
            return .failure(JSONSchemaError(error.message))
        }
        if utf8[end...].contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) {
            return .failure(JSONSchemaError("invalid character after top-level value"))
        }
        var reader = Reader(bytes: Array(utf8[..<end]))
        return .success(reader.value())
    }

    /// Decodes a document known to be valid JSON (the embedded metaschemas).
    static func trusted(_ text: String) -> JSONSchemaValue {
        var reader = Reader(bytes: Array(text.utf8))
        return reader.value()
    }

    /// A reader over syntactically valid JSON that keeps number literals.
    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        /// value: `object | array | string | number | true | false | null`, with
        /// object `'{' (string ':' value (',' string ':' value)*)? '}'` and array
        /// `'[' (value (',' value)*)? ']'` — on text already checked, so only the
        /// first byte of each value is looked at. Numbers keep their literal text.
        mutating func value() -> JSONSchemaValue {
            skipSpace()
            guard i < bytes.count else { return .null }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var object: [String: JSONSchemaValue] = [:]
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
                while i < bytes.count {
                    skipSpace()
                    let key = string()
                    skipSpace()
                    i += 1
                    object[key] = value()
                    skipSpace()
                    let c = i < bytes.count ? bytes[i] : UInt8(ascii: "}")
                    i += 1
                    if c == UInt8(ascii: "}") { break }
                }
                return .object(object)
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONSchemaValue] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while i < bytes.count {
                    items.append(value())
                    skipSpace()
                    let c = i < bytes.count ? bytes[i] : UInt8(ascii: "]")
                    i += 1
                    if c == UInt8(ascii: "]") { break }
                }
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(string())
            case UInt8(ascii: "t"): i += 4; return .bool(true)
            case UInt8(ascii: "f"): i += 5; return .bool(false)
            case UInt8(ascii: "n"): i += 4; return .null
            default:
                let start = i
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: ".")
                        || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") || (bytes[i] >= 48 && bytes[i] <= 57) { i += 1 }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                return .number(JSONSchemaNumber(text: text, decimal: SchemaDecimal(text) ?? SchemaDecimal()))
            }
        }

        /// string: `'"' (char | escape)* '"'`, unescaped as Go does.
        mutating func string() -> String {
            GoJSON.readStringLiteral(bytes, at: &i)
        }
    }
}

/// An error of the schema library, with the text its `Error()` gives.
public struct JSONSchemaError: Error, Sendable {
    /// The error text.
    public var message: String
    /// An error with `message` as its text.
    public init(_ message: String) { self.message = message }
}

/// URL and JSON-pointer helpers (the library's util.go).
public enum SchemaURL {
    /// Splits `url#fragment`.
    static func split(_ s: String) -> (url: String, fragment: String) {
        guard let hash = s.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (s, "") }
        return (String(s[..<hash]), String(s[s.utf8.index(after: hash)...]))
    }

    /// JSON-pointer token escaping (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The inverse of ``escape(_:)``; nil for a bad `~` sequence.
    static func unescape(_ token: String) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        var out = ""
        var chars = token.makeIterator()
        while let c = chars.next() {
            if c != "~" { out.append(c); continue }
            switch chars.next() {
            case "0": out.append("~")
            case "1": out.append("/")
            default: return nil
            }
        }
        return out
    }

    /// Go's `url.PathUnescape`; nil on a malformed escape.
    public static func percentDecode(_ s: String) -> String? {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }

    /// Go's `url.PathEscape` applied to every `/`-separated part.
    static func encodeFragment(_ fragment: String) -> String {
        func kept(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "&"),
                 UInt8(ascii: "+"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        if fragment.utf8.allSatisfy(kept) { return fragment }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(fragment.utf8.count + 8)
        for b in fragment.utf8 {
            if kept(b) {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `url#encoded-pointer`, as the library prints schema locations.
    static func location(_ url: String, _ pointer: String) -> String {
        url + "#" + encodeFragment(pointer)
    }

    /// Resolves `ref` against `base` (RFC 3986, as Go's ResolveReference),
    /// returning the URL without fragment and the decoded fragment.
    static func join(_ base: String, _ ref: String) -> Result<(url: String, fragment: String), JSONSchemaError> {
        let (refURL, rawFragment) = split(ref)
        guard let fragment = percentDecode(rawFragment) else {
            return .failure(JSONSchemaError("error in parsing \(GoQuote.quote(ref)): invalid URL escape"))
        }
        let baseURL = split(base).url
        if refURL.isEmpty { return .success((baseURL, fragment)) }
        if hasScheme(refURL) { return .success((refURL, fragment)) }
        let (scheme, authority, path) = components(baseURL)
        if refURL.hasPrefix("//") { return .success((scheme + ":" + refURL, fragment)) }
        var merged: String
        if refURL.hasPrefix("/") {
            merged = refURL
        } else if let slash = path.lastIndex(of: "/") {
            merged = String(path[...slash]) + refURL
        } else {
            merged = (authority != nil ? "/" : "") + refURL
        }
        merged = removeDotSegments(merged)
        let prefix = scheme.isEmpty ? "" : scheme + ":"
        return .success((prefix + (authority.map { "//" + $0 } ?? "") + merged, fragment))
    }

    public static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.utf8.firstIndex(of: UInt8(ascii: ":")), colon != s.startIndex else { return false }
        let scheme = s.utf8[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { b in
            isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
    }

    private static func components(_ url: String) -> (scheme: String, authority: String?, path: String) {
        var rest = Substring(url)
        var scheme = ""
        if hasScheme(url), let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) {
            scheme = String(rest[..<colon])
            rest = rest[rest.utf8.index(after: colon)...]
        }
        var authority: String?
        if rest.utf8.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        if let q = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<q] }
        return (scheme, authority, String(rest))
    }

    private static func removeDotSegments(_ path: String) -> String {
        var out: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part == "." { if i == parts.count - 1 { out.append("") }; continue }
            if part == ".." {
                if out.count > 1 { out.removeLast() }
                if i == parts.count - 1 { out.append("") }
                continue
            }
            out.append(part)
        }
        return out.joined(separator: "/")
    }
}
