import Diagnostics
import GoStd

/// A scalar's value once its tag is resolved.
public enum ResolvedScalar: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer that fits Go's `int` (64-bit).
    case int(Int64)
    /// An integer above `Int64.max`: Go's `uint64`.
    case uint(UInt64)
    case float(Double)
    case string(String)
    /// A YAML timestamp; `text` is the source text.
    case timestamp(YAMLTimestamp, text: String)
}

/// A timestamp as go-yaml's `parseTimestamp` accepts it.
public struct YAMLTimestamp: Sendable, Hashable {
    public var year: Int64, month: Int, day: Int
    public var hour = 0, minute = 0, second = 0, nanosecond = 0
    /// Zone offset in seconds; nil when the text has no zone (UTC then).
    public var utcOffset: Int?
}

/// go-yaml's scalar resolution (`resolve.go`) in its v2 and v3 variants.
public enum ScalarResolver {
    static let longTagPrefix = "tag:yaml.org,2002:"

    /// Resolves a scalar node's text the way go-yaml's decoder does.
    public static func resolve(_ node: YAMLNode, dialect: YAMLDialect) throws(LocatedError) -> ResolvedScalar {
        guard case .scalar(let text, let style) = node.content else { return .null }
        let tag = node.shortTag
        // Quoted and block scalars without a specific tag are strings.
        if (tag == nil || tag == "!") && style != .plain { return .string(text) }
        if tag == "!" { return .string(text) }
        do {
            return try resolve(tag: tag ?? "", text: text, dialect: dialect)
        } catch {
            var located = error
            located.location = node.location
            throw located
        }
    }

    private static let resolvableTags: Set<String> = ["", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"]

    /// Resolves `text` carrying the short tag `tag` ("" for none); a text
    /// that does not fit its tag throws go-yaml's `cannot decode …` (without
    /// the `yaml: ` its callers add).
    public static func resolve(tag: String, text: String, dialect: YAMLDialect) throws(LocatedError) -> ResolvedScalar {
        if tag == "!!binary" { return .string((try? GoBaseEncoding.base64Decode(text)).map { String(decoding: $0.bytes, as: UTF8.self) } ?? text) }
        guard tag.isEmpty || resolvableTags.contains(tag) else { return .string(text) }
        let result = resolveUntagged(text, tag: tag, dialect: dialect)
        if tag == "" || tag == "!!str" || tag == tagName(result) { return result }
        if tag == "!!float", case .int(let n) = result { return .float(Double(n)) }
        throw LocatedError(.yamlTag, "cannot decode \(tagName(result)) `\(text)` as a \(tag)")
    }

    static func tagName(_ value: ResolvedScalar) -> String {
        switch value {
        case .null: return "!!null"
        case .bool: return "!!bool"
        case .int, .uint: return "!!int"
        case .float: return "!!float"
        case .string: return "!!str"
        case .timestamp: return "!!timestamp"
        }
    }

    private static func resolveUntagged(_ text: String, tag: String, dialect: YAMLDialect) -> ResolvedScalar {
        if tag == "!!str" { return .string(text) }
        let utf8 = text.utf8
        let first = utf8.first
        enum Hint { case none, sign, digit, map, dot }
        let hint: Hint
        switch first {
        case nil: hint = .map
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = .sign
        case let c? where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"): hint = .digit
        case UInt8(ascii: "."): hint = .dot
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"): hint = .map
        default: hint = .none
        }
        if hint == .none { return .string(text) }
        if let known = keyword(text, dialect: dialect) { return known }
        switch hint {
        case .dot:
            if let f = yamlFloat(text) { return .float(f) }
        case .digit, .sign:
            if tag == "" || tag == "!!timestamp", let ts = YAMLTimestamp.parse(text) {
                return .timestamp(ts, text: text)
            }
            let plain = GoStrings.replaceAll(text, "_", "")
            if let n = GoStrconv.parseInt(plain) { return .int(n) }
            if let n = GoStrconv.parseUint(plain) { return .uint(n) }
            if let f = yamlFloat(plain) { return .float(f) }
            if let n = parsePrefixed(plain, prefix: "0b", radix: 2) { return n }
            if dialect == .v3, let n = parsePrefixed(plain, prefix: "0o", radix: 8) { return n }
        default:
            break
        }
        return .string(text)
    }

    /// `strconv.ParseFloat` of text go-yaml's `yamlStyleFloat` accepts:
    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`; nil otherwise
    /// and on overflow.
    private static func yamlFloat(_ s: String) -> Double? {
        var it = Array(s.utf8)[...]
        if let c = it.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { it = it.dropFirst() }
        func digits(_ x: inout ArraySlice<UInt8>) -> Int {
            var n = 0
            while let c = x.first, c >= 48 && c <= 57 { x = x.dropFirst(); n += 1 }
            return n
        }
        if it.first == UInt8(ascii: ".") {
            it = it.dropFirst()
            if digits(&it) == 0 { return nil }
        } else {
            if digits(&it) == 0 { return nil }
            if it.first == UInt8(ascii: ".") { it = it.dropFirst(); _ = digits(&it) }
        }
        if let c = it.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            it = it.dropFirst()
            if let c = it.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { it = it.dropFirst() }
            if digits(&it) == 0 { return nil }
        }
        guard it.isEmpty else { return nil }
        return try? GoStrconv.parseFloat(s).get()
    }

    private static func keyword(_ text: String, dialect: YAMLDialect) -> ResolvedScalar? {
        // The longest keyword is six bytes.
        if text.utf8.count > 6 { return nil }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        default: break
        }
        guard dialect == .v2 else { return nil }
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: return nil
        }
    }

    /// `0b…`/`-0b…` (and in v3 `0o…`/`-0o…`) integers go-yaml tries last.
    private static func parsePrefixed(_ plain: String, prefix: String, radix: Int) -> ResolvedScalar? {
        if plain.hasPrefix(prefix) {
            let digits = String(plain.dropFirst(2))
            if let n = Int64(digits, radix: radix) { return .int(n) }
            if !digits.hasPrefix("+"), let n = UInt64(digits, radix: radix) { return .uint(n) }
        } else if plain.hasPrefix("-" + prefix) {
            let digits = String(plain.dropFirst(3))
            if !digits.hasPrefix("+"), !digits.hasPrefix("-"), let n = Int64("-" + digits, radix: radix) { return .int(n) }
        }
        return nil
    }
}
