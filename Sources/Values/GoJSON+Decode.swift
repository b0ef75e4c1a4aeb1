import GoStd

extension GoJSON {
    /// A JSON syntax or type error with Go's text.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        /// Byte offset where Go reports the error.
        public var offset: Int
        public var description: String { message }
    }

    /// json: `ws* value ws*` (grammar at ``JSONScanner/step(_:)``).
    ///
    /// `json.Unmarshal(data, &v)` into `interface{}`: objects become maps,
    /// numbers float64. Errors carry Go's messages (`invalid character 'x'
    /// looking for beginning of value`, `unexpected end of JSON input`).
    public static func decode(_ text: String) throws -> Value {
        try decode(bytes: Array(text.utf8))
    }

    /// ``decode(_:)`` of bytes, which need not be valid UTF-8.
    public static func decode(bytes: [UInt8]) throws -> Value {
        let (value, typeError) = try decodeKeepingTypeErrors(bytes: bytes)
        if let typeError { throw DecodingError(message: typeError, offset: 0) }
        return value
    }

    /// Like ``decode(_:)``, but as Go's decoder does it: a value that
    /// cannot be stored (a number out of float64's range) becomes nil, the
    /// rest is still decoded, and the first such error comes back beside it.
    public static func decodeKeepingTypeErrors(_ text: String) throws -> (Value, String?) {
        try decodeKeepingTypeErrors(bytes: Array(text.utf8))
    }

    /// ``decodeKeepingTypeErrors(_:)`` of bytes.
    public static func decodeKeepingTypeErrors(bytes: [UInt8]) throws -> (Value, String?) {
        var scanner = JSONScanner()
        for (i, c) in bytes.enumerated() {
            if let error = scanner.step(c) {
                throw DecodingError(message: error, offset: i)
            }
        }
        if let error = scanner.eof() {
            throw DecodingError(message: error, offset: bytes.count)
        }
        var reader = JSONReader(bytes: bytes)
        let value = reader.value()
        return (value, reader.typeError)
    }

    /// jsonPrefix: `ws* value` — whatever follows is left unread.
    ///
    /// `json.NewDecoder(r).Decode(&v)` on `text`: one value from the start,
    /// and the byte offset just after it (the decoder's `InputOffset`).
    /// A value cut short gives `unexpected EOF`.
    public static func decodePrefix(_ text: String) throws -> (value: Value, end: Int) {
        let bytes = Array(text.utf8)
        let end = try prefixEnd(bytes)
        var reader = JSONReader(bytes: Array(bytes[..<end]))
        let value = reader.value()
        if let typeError = reader.typeError { throw DecodingError(message: typeError, offset: 0) }
        return (value, end)
    }

    /// The offset just after the one JSON value `bytes` start with (`ws*
    /// value`), checked as ``decodePrefix(_:)`` checks it, without decoding
    /// it: what a decoder with `UseNumber`, which no number can fail, needs.
    public static func prefixEnd(_ bytes: [UInt8]) throws(DecodingError) -> Int {
        var scanner = JSONScanner()
        var end = bytes.count
        for (i, c) in bytes.enumerated() {
            if scanner.finishedBefore(c) { end = i; break }
            if let error = scanner.step(c) {
                throw DecodingError(message: error, offset: i)
            }
            if scanner.isComplete { end = i + 1; break }
        }
        if end == bytes.count, !scanner.isComplete {
            if scanner.eof() != nil || !scanner.started {
                throw DecodingError(message: scanner.started ? "unexpected EOF" : "EOF", offset: bytes.count)
            }
        }
        return end
    }
}

/// Go's encoding/json scanner: a byte-at-a-time state machine that finds
/// syntax errors exactly where Go does, with Go's wording.
struct JSONScanner {
    private enum State {
        case beginValue, beginValueOrEmpty, beginStringOrEmpty, beginString, endValue, endTop
        case inString, inStringEsc, inStringEscU, inStringEscU1, inStringEscU12, inStringEscU123
        case neg, one, zero, dot, dot0, e, eSign, e0
        case t, tr, tru, f, fa, fal, fals, n, nu, nul
    }
    private enum Parse { case objectKey, objectValue, arrayValue }

    private var state: State = .beginValue
    private var stack: [Parse] = []
    private(set) var started = false
    private var endTop = false

    /// Whether a top-level value that needs no lookahead (`{}`, `[]`, a string, a literal) is complete.
    var isComplete: Bool { stack.isEmpty && state == .endValue && started }

    /// In prefix mode: whether the top-level value ended before `c` (numbers end at the first non-number byte).
    mutating func finishedBefore(_ c: UInt8) -> Bool {
        guard stack.isEmpty, started else { return false }
        switch state {
        case .one, .zero, .dot0, .e0:
            let continues = (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            return !continues
        default:
            return false
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    private static func quoteChar(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        let quoted = GoQuote.quote(String(Character(Unicode.Scalar(c))))
        return "'" + quoted.dropFirst().dropLast() + "'"
    }

    private func error(_ c: UInt8, _ context: String) -> String {
        "invalid character \(Self.quoteChar(c)) \(context)"
    }

    /// json (the scanner's grammar):
    ///
    ///     value:  ws* (object | array | string | number | 'true' | 'false' | 'null') ws*
    ///     object: '{' ws* (string ws* ':' value (',' ws* string ws* ':' value)*)? '}'
    ///     array:  '[' ws* (value (',' value)*)? ']'
    ///     string: '"' (any ≥ 0x20 - '"' - '\' | '\' ["\\/bfnrt] | '\u' hex{4})* '"'
    ///     number: '-'? ('0' | [1-9] [0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?
    ///     ws:     ' ' | '\t' | '\n' | '\r'
    ///
    /// Feeds one byte; returns Go's error text on a syntax error.
    mutating func step(_ c: UInt8) -> String? {
        switch state {
        case .beginValueOrEmpty:
            if Self.isSpace(c) { return nil }
            if c == UInt8(ascii: "]") { return endValue(c) }
            return beginValue(c)
        case .beginValue:
            return beginValue(c)
        case .beginStringOrEmpty:
            if Self.isSpace(c) { return nil }
            if c == UInt8(ascii: "}") {
                stack[stack.count - 1] = .objectValue
                return endValue(c)
            }
            return beginString(c)
        case .beginString:
            return beginString(c)
        case .endValue:
            return endValue(c)
        case .endTop:
            return Self.isSpace(c) ? nil : error(c, "after top-level value")
        case .inString:
            if c == UInt8(ascii: "\"") { state = .endValue; return nil }
            if c == UInt8(ascii: "\\") { state = .inStringEsc; return nil }
            if c < 0x20 { return error(c, "in string literal") }
            return nil
        case .inStringEsc:
            switch c {
            case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                 UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "\""):
                state = .inString
                return nil
            case UInt8(ascii: "u"):
                state = .inStringEscU
                return nil
            default:
                return error(c, "in string escape code")
            }
        case .inStringEscU, .inStringEscU1, .inStringEscU12, .inStringEscU123:
            guard Self.isHex(c) else { return error(c, "in \\u hexadecimal character escape") }
            switch state {
            case .inStringEscU: state = .inStringEscU1
            case .inStringEscU1: state = .inStringEscU12
            case .inStringEscU12: state = .inStringEscU123
            default: state = .inString
            }
            return nil
        case .neg:
            if c == UInt8(ascii: "0") { state = .zero; return nil }
            if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") { state = .one; return nil }
            return error(c, "in numeric literal")
        case .one:
            if c >= 48 && c <= 57 { return nil }
            return zeroState(c)
        case .zero:
            return zeroState(c)
        case .dot:
            if c >= 48 && c <= 57 { state = .dot0; return nil }
            return error(c, "after decimal point in numeric literal")
        case .dot0:
            if c >= 48 && c <= 57 { return nil }
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { state = .e; return nil }
            return endValue(c)
        case .e:
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { state = .eSign; return nil }
            return eSign(c)
        case .eSign:
            return eSign(c)
        case .e0:
            if c >= 48 && c <= 57 { return nil }
            return endValue(c)
        case .t: return literal(c, "r", .tr, "in literal true (expecting 'r')")
        case .tr: return literal(c, "u", .tru, "in literal true (expecting 'u')")
        case .tru: return literal(c, "e", .endValue, "in literal true (expecting 'e')")
        case .f: return literal(c, "a", .fa, "in literal false (expecting 'a')")
        case .fa: return literal(c, "l", .fal, "in literal false (expecting 'l')")
        case .fal: return literal(c, "s", .fals, "in literal false (expecting 's')")
        case .fals: return literal(c, "e", .endValue, "in literal false (expecting 'e')")
        case .n: return literal(c, "u", .nu, "in literal null (expecting 'u')")
        case .nu: return literal(c, "l", .nul, "in literal null (expecting 'l')")
        case .nul: return literal(c, "l", .endValue, "in literal null (expecting 'l')")
        }
    }

    /// The end of input: fine after a complete top-level value (a number ends
    /// here); otherwise `unexpected end of JSON input`.
    mutating func eof() -> String? {
        if endTop { return nil }
        switch state {
        case .one, .zero, .dot0, .e0:
            if stack.isEmpty { return nil }
        case .endValue where stack.isEmpty:
            return nil
        default:
            break
        }
        return "unexpected end of JSON input"
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
    }

    /// literal: the next letter of `true`, `false` or `null`.
    private mutating func literal(_ c: UInt8, _ want: Unicode.Scalar, _ next: State, _ message: String) -> String? {
        guard c == UInt8(want.value) else { return error(c, message) }
        state = next
        return nil
    }

    /// number after its integer part: `'.' fraction | [eE] exponent | end`.
    private mutating func zeroState(_ c: UInt8) -> String? {
        if c == UInt8(ascii: ".") { state = .dot; return nil }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { state = .e; return nil }
        return endValue(c)
    }

    /// exponent digits: `[0-9]` must follow `e`, `E` or its sign.
    private mutating func eSign(_ c: UInt8) -> String? {
        if c >= 48 && c <= 57 { state = .e0; return nil }
        return error(c, "in exponent of numeric literal")
    }

    /// value: `ws* ('{' | '[' | '"' | '-' | [0-9] | 't' | 'f' | 'n')` — the first
    /// byte picks the kind; nesting deeper than 10000 is refused.
    private mutating func beginValue(_ c: UInt8) -> String? {
        if Self.isSpace(c) { return nil }
        started = true
        switch c {
        case UInt8(ascii: "{"):
            state = .beginStringOrEmpty
            return push(.objectKey)
        case UInt8(ascii: "["):
            state = .beginValueOrEmpty
            return push(.arrayValue)
        case UInt8(ascii: "\""): state = .inString
        case UInt8(ascii: "-"): state = .neg
        case UInt8(ascii: "0"): state = .zero
        case UInt8(ascii: "t"): state = .t
        case UInt8(ascii: "f"): state = .f
        case UInt8(ascii: "n"): state = .n
        case UInt8(ascii: "1")...UInt8(ascii: "9"): state = .one
        default: return error(c, "looking for beginning of value")
        }
        return nil
    }

    private mutating func push(_ p: Parse) -> String? {
        stack.append(p)
        return stack.count > GoJSON.maxDepth ? GoJSON.maxDepthMessage : nil
    }

    /// object key: `ws* '"'`.
    private mutating func beginString(_ c: UInt8) -> String? {
        if Self.isSpace(c) { return nil }
        if c == UInt8(ascii: "\"") { state = .inString; return nil }
        return error(c, "looking for beginning of object key string")
    }

    /// after a value: `ws*` then `':'` (after a key), `',' | '}'` (in an object),
    /// `',' | ']'` (in an array), or nothing more at the top level.
    private mutating func endValue(_ c: UInt8) -> String? {
        guard let top = stack.last else {
            state = .endTop
            endTop = true
            return Self.isSpace(c) ? nil : error(c, "after top-level value")
        }
        if Self.isSpace(c) { state = .endValue; return nil }
        switch top {
        case .objectKey:
            if c == UInt8(ascii: ":") {
                stack[stack.count - 1] = .objectValue
                state = .beginValue
                return nil
            }
            return error(c, "after object key")
        case .objectValue:
            if c == UInt8(ascii: ",") {
                stack[stack.count - 1] = .objectKey
                state = .beginString
                return nil
            }
            if c == UInt8(ascii: "}") {
                stack.removeLast()
                state = .endValue
                if stack.isEmpty { return nil }
                return nil
            }
            return error(c, "after object key:value pair")
        case .arrayValue:
            if c == UInt8(ascii: ",") { state = .beginValue; return nil }
            if c == UInt8(ascii: "]") {
                stack.removeLast()
                state = .endValue
                return nil
            }
            return error(c, "after array element")
        }
    }
}

extension GoJSON {
    /// string: `'"' (any - '"' - '\' | '\' ["\\/bfnrt] | '\u' hex{4})* '"'`.
    ///
    /// Reads the string literal starting at `i` (its opening quote) of JSON
    /// text already checked for syntax, unescaped as Go does (bad surrogates
    /// and invalid UTF-8 become U+FFFD); `i` ends after the closing quote.
    public static func readStringLiteral(_ bytes: [UInt8], at i: inout Int) -> String {
        func hex4() -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 where i < bytes.count {
                let c = bytes[i]
                i += 1
                let d: UInt32 = c <= 57 ? UInt32(c &- 48) : (c >= 97 ? UInt32(c &- 87) : UInt32(c &- 55))
                v = v << 4 | d
            }
            return v
        }
        i += 1
        var out: [UInt8] = []
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            let c = bytes[i]
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var scalar = hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    } else {
                        i = save
                        scalar = 0xFFFD
                    }
                } else if (0xD800..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
            default: out.append(e)
            }
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }
}

/// Builds values from JSON text already checked by ``JSONScanner``.
private struct JSONReader {
    let bytes: [UInt8]
    var i = 0
    /// The first value Go could not store, as Go words it.
    var typeError: String?

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    /// value: `object | array | string | number | true | false | null`, on text
    /// already checked by ``JSONScanner``, so only the first byte of each value
    /// is looked at. Numbers become float64; one outside its range becomes nil
    /// and is reported as Go reports it (`json: cannot unmarshal number …`).
    mutating func value() -> Value {
        skipSpace()
        guard i < bytes.count else { return .null }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            let map = GoMap()
            skipSpace()
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .map(map) }
            while true {
                skipSpace()
                let key = string()
                skipSpace()
                i += 1 // ':'
                map[key] = DeepStack.withRoom { value() }
                skipSpace()
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "}") { return .map(map) }
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
            while true {
                items.append(DeepStack.withRoom { value() })
                skipSpace()
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "]") { return .list(items) }
            }
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
            guard let f = Double(text), f.isFinite else {
                if typeError == nil { typeError = "json: cannot unmarshal number \(text) into Go value of type float64" }
                return .null
            }
            return .float(f)
        }
    }

    mutating func string() -> String {
        GoJSON.readStringLiteral(bytes, at: &i)
    }
}
