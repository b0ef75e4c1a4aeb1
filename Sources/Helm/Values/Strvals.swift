import Diagnostics
import GoStd
import Values

/// Helm's `--set` family parser (pkg/strvals): `a.b=1,c[0]=x,d={1,2}`.
public enum Strvals {
    /// How the right-hand sides of assignments are read.
    public enum Mode: Sendable {
        /// `--set`: `true`/`false`/`null` and decimal integers are typed (int64); lists `{a,b}`.
        case typed
        /// `--set-string`: every value is a string.
        case string
        /// `--set-json`: every value is JSON.
        case json
        /// `--set-file`: the value is a path; `read` returns the file's content.
        case file(read: @Sendable (String) throws -> Value)
        /// `--set-literal`: the value is the rest of the text, verbatim.
        case literal
    }

    /// The largest list index `a[i]` may use.
    public static let maxIndex = 65536
    /// The deepest `a.b.c…` nesting allowed.
    public static let maxNestedNameLevel = 30

    /// Parses `text` into `dest` (Helm's `ParseInto` and friends), mutating it.
    /// Errors are worded as Helm words them (`key "a" has no value`).
    public static func parse(_ text: String, into dest: GoMap, mode: Mode = .typed) throws(LocatedError) {
        var parser = StrvalsParser(text: text, mode: mode)
        do {
            try parser.parse(into: dest)
        } catch let error as LocatedError {
            throw error
        } catch {
            throw LocatedError(.setSyntax, goErrorText(error))
        }
    }

    /// Parses `text` into a fresh map.
    public static func parse(_ text: String, mode: Mode = .typed) throws(LocatedError) -> GoMap {
        let map = GoMap()
        try parse(text, into: map, mode: mode)
        return map
    }

    /// typedValue: `true | false | null` (any case) and `0` as such; `[+-]?
    /// [0-9]+` within Int64 and not starting with `0` as int64 (so `-05` is -5
    /// but `05` a string); anything else a string. (`typedVal`: how `--set`
    /// types a value.)
    static func typedValue(_ text: String) -> Value {
        let lower = text.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if text == "0" { return .int(0, .int64) }
        if let first = text.first, first != "0", let n = parseDecimalInt64(text) { return .int(n, .int64) }
        return .string(text)
    }

    /// `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits (no underscores).
    static func parseDecimalInt64(_ s: String) -> Int64? {
        var body = Substring(s)
        if let c = body.first, c == "+" || c == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int64(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }
}

/// The end of the input, as Go's `io.EOF` travels through strvals.
private struct EndOfInput: Error {}

/// A Go panic inside strvals, recovered as `unable to parse key: …`.
private struct Panic: Error {
    var message: String
}

private struct StrvalsParser {
    let runes: [Unicode.Scalar]
    var position = 0
    let mode: Strvals.Mode

    init(text: String, mode: Strvals.Mode) {
        self.runes = Array(text.unicodeScalars)
        self.mode = mode
    }

    private var isLiteral: Bool {
        if case .literal = mode { return true }
        return false
    }

    private var isJSON: Bool {
        if case .json = mode { return true }
        return false
    }

    /// set: `key*` — each ``key(_:level:)`` reads one assignment and the `,` after
    /// it; the end of input ends parsing quietly.
    mutating func parse(into data: GoMap) throws {
        while true {
            do {
                try key(data, level: 0)
            } catch is EndOfInput {
                return
            }
        }
    }

    /// Reads runes until one in `stop`; with `escapes`, `\x` yields `x`.
    private mutating func runesUntil(_ stop: Set<Unicode.Scalar>) -> (runes: [Unicode.Scalar], last: Unicode.Scalar?, eof: Bool) {
        var out: [Unicode.Scalar] = []
        while position < runes.count {
            let r = runes[position]
            position += 1
            if stop.contains(r) { return (out, r, false) }
            if r == "\\" && !isLiteral {
                guard position < runes.count else { return (out, nil, true) }
                out.append(runes[position])
                position += 1
                continue
            }
            out.append(r)
        }
        return (out, nil, true)
    }

    private static func text(_ runes: [Unicode.Scalar]) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: runes)
        return s
    }

    private func set(_ data: GoMap, _ key: String, _ value: Value) {
        if !key.isEmpty { data[key] = value }
    }

    private static func conversion(_ value: Value?, to type: String) -> Panic {
        let actual: String
        switch value {
        case nil, .null?: actual = "nil"
        case let v?: actual = v.goTypeName
        }
        return Panic(message: "interface conversion: interface {} is \(actual), not \(type)")
    }

    private static let listType = "[]interface {}"
    private static let mapType = "map[string]interface {}"

    /// key: the rule of ``keyBody(_:level:)``. A Go panic there (an existing
    /// value of the wrong type) becomes `unable to parse key: …`.
    ///
    /// One `key…=value` assignment into `data`.
    private mutating func key(_ data: GoMap, level: Int) throws {
        do {
            try keyBody(data, level: level)
        } catch let panic as Panic {
            throw LocatedError(.setSyntax, "unable to parse key: \(panic.message)")
        }
    }

    /// key:
    ///
    ///     name '=' value
    ///     name '.' key                      nested map, at most 30 levels
    ///     name '[' index ']' listItem
    ///     name ','                          `key "name" has no value (cannot end with ,)`
    ///     name EOF                          `key "name" has no value` (end if empty)
    ///     name: (any - '=' '[' ',' '.' - '\' | '\' any)*
    ///
    /// In literal mode there are no escapes and `,` belongs to the name. An empty
    /// name is read but not set.
    private mutating func keyBody(_ data: GoMap, level: Int) throws {
        let stop: Set<Unicode.Scalar> = isLiteral ? ["=", "[", "."] : ["=", "[", ",", "."]
        let (k, last, eof) = runesUntil(stop)
        let name = Self.text(k)
        if eof {
            if k.isEmpty { throw EndOfInput() }
            throw LocatedError(.setSyntax, "key \(GoQuote.quote(name)) has no value")
        }
        switch last {
        case "["?:
            let index = try keyIndex()
            var list: [Value] = []
            if let existing = data[name] {
                guard case .list(let l, _) = existing else { throw Self.conversion(existing, to: Self.listType) }
                list = l
            }
            do {
                list = try listItem(list, index, level: level)
                set(data, name, .list(list))
            } catch let failure as ListFailure {
                set(data, name, .list(failure.list))
                throw failure.error
            }
        case "="?:
            try assignment(data, name)
        case ","?:
            set(data, name, .string(""))
            throw LocatedError(.setSyntax, "key \(GoQuote.quote(name)) has no value (cannot end with ,)")
        default: // "."
            let next = level + 1
            if next > Strvals.maxNestedNameLevel {
                throw LocatedError(.setSyntax, "value name nested level is greater than maximum supported nested level of \(Strvals.maxNestedNameLevel)")
            }
            var inner = GoMap()
            if let existing = data[name] {
                guard case .map(let m, _) = existing else { throw Self.conversion(existing, to: Self.mapType) }
                inner = m
            }
            var failure: Error?
            do { try key(inner, level: next) } catch { failure = error }
            if failure == nil && inner.count == 0 {
                throw LocatedError(.setSyntax, "key map \(GoQuote.quote(name)) has no value")
            }
            if inner.count != 0 { set(data, name, .map(inner)) }
            if let failure { throw failure }
        }
    }

    /// value (after `name=`):
    ///
    ///     literal mode:  any*                       the rest of the text, verbatim
    ///     json mode:     ws* (',' | EOF)            null
    ///                    json ws* ','?
    ///     other modes:   list
    ///                    (any - ',' - '\' | '\' any)* ','?
    ///
    /// EOF right after `=` sets `""` and ends parsing. The value is read by the
    /// mode (typed, string, or the file it names).
    private mutating func assignment(_ data: GoMap, _ name: String) throws {
        switch mode {
        case .literal:
            let (v, _, _) = runesUntil([])
            set(data, name, .string(Self.text(v)))
        case .json:
            if try emptyValue() {
                set(data, name, .null)
                return
            }
            set(data, name, try jsonValue())
            _ = try emptyValue()
        default:
            switch try valueList() {
            case .list(let list):
                set(data, name, .list(list))
            case .eof:
                set(data, name, .string(""))
                throw EndOfInput()
            case .notList:
                let (v, _, _) = runesUntil([","])
                set(data, name, try read(v))
            }
        }
    }

    private mutating func read(_ runes: [Unicode.Scalar]) throws -> Value {
        let text = Self.text(runes)
        switch mode {
        case .string: return .string(text)
        case .file(let reader): return try reader(text)
        default: return Strvals.typedValue(text)
        }
    }

    /// index: `(any - ']' - '\' | '\' any)* ']'` read by Atoi (optional sign,
    /// decimal): `error parsing index: strconv.Atoi: …`. EOF ends parsing.
    private mutating func keyIndex() throws -> Int {
        let (v, _, eof) = runesUntil(["]"])
        if eof { throw EndOfInput() }
        let text = Self.text(v)
        guard let n = Strvals.parseDecimalInt64(text) else {
            let reason = text.isEmpty || !text.utf8.dropFirst(text.hasPrefix("-") || text.hasPrefix("+") ? 1 : 0).allSatisfy({ $0 >= 48 && $0 <= 57 }) || text == "-" || text == "+"
                ? "invalid syntax" : "value out of range"
            throw LocatedError(.setSyntax, "error parsing index: strconv.Atoi: parsing \(GoQuote.quote(text)): \(reason)")
        }
        return Int(n)
    }

    /// A list failure that still hands back the list as modified so far.
    private struct ListFailure: Error {
        var list: [Value]
        var error: Error
    }

    private func setIndex(_ list: [Value], _ index: Int, _ value: Value) throws -> [Value] {
        if index < 0 {
            throw ListFailure(list: list, error: LocatedError(.setSyntax, "negative \(index) index not allowed"))
        }
        if index > Strvals.maxIndex {
            throw ListFailure(list: list, error: LocatedError(.setSyntax, "index of \(index) is greater than maximum supported index of \(Strvals.maxIndex)"))
        }
        var out = list
        if out.count <= index { out.append(contentsOf: Array(repeating: .null, count: index + 1 - out.count)) }
        out[index] = value
        return out
    }

    /// listItem (after `name[index]`):
    ///
    ///     '=' value                         as in assignment; EOF right after is ""
    ///     '[' index ']' listItem            nested list
    ///     '.' key                           map element
    ///
    /// A negative index or one above 65536 is an error; text before the `=`, `[`
    /// or `.` is `unexpected data at end of array index`; EOF there ends parsing.
    /// Nested lists (`a[0][0]…`) are followed in a loop, not by recursion: Go's
    /// parser recurses without a depth limit, on a stack that grows.
    private mutating func listItem(_ list: [Value], _ index: Int, level: Int) throws -> [Value] {
        var outer: [(list: [Value], index: Int)] = []
        var list = list, index = index
        var inner: [Value] = []
        var nested = true
        while nested {
            do {
                switch try listLevel(list, index, level: level) {
                case .nested(let current, let next):
                    outer.append((list, index))
                    (list, index) = (current, next)
                case .done(let result):
                    inner = result
                    nested = false
                }
            } catch let failure as ListFailure where !outer.isEmpty {
                // Each Go level returns its own list with the error: the caller gets the outermost.
                throw ListFailure(list: outer[0].list, error: failure.error)
            }
        }
        for (l, i) in outer.reversed() {
            do {
                inner = try setIndex(l, i, .list(inner))
            } catch let failure as ListFailure {
                throw ListFailure(list: outer[0].list, error: failure.error)
            }
        }
        return inner
    }

    private enum ListLevel {
        /// `[next]` follows: the list at `index` (or a new one) is the next level's.
        case nested(current: [Value], next: Int)
        /// The level's list with its element set.
        case done([Value])
    }

    /// One level of ``listItem(_:_:level:)``.
    private mutating func listLevel(_ list: [Value], _ index: Int, level: Int) throws -> ListLevel {
        if index < 0 {
            throw ListFailure(list: list, error: LocatedError(.setSyntax, "negative \(index) index not allowed"))
        }
        let (k, last, eof) = runesUntil(["[", ".", "="])
        if !k.isEmpty {
            let quoted = "[" + k.map { GoQuote.quoteRune($0) }.joined(separator: " ") + "]"
            throw ListFailure(list: list, error: LocatedError(.setSyntax, "unexpected data at end of array index: \(quoted)"))
        }
        if eof { throw ListFailure(list: list, error: EndOfInput()) }
        switch last {
        case "="?:
            switch mode {
            case .literal:
                let (v, _, _) = runesUntil([])
                return .done(try setIndex(list, index, .string(Self.text(v))))
            case .json:
                if try emptyValue() { return .done(try setIndex(list, index, .null)) }
                let value = try jsonValue()
                let out = try setIndex(list, index, value)
                do { _ = try emptyValue() } catch { throw ListFailure(list: out, error: error) }
                return .done(out)
            default:
                switch try valueList() {
                case .list(let l): return .done(try setIndex(list, index, .list(l)))
                case .eof: return .done(try setIndex(list, index, .string("")))
                case .notList:
                    let (v, _, _) = runesUntil([","])
                    return .done(try setIndex(list, index, try read(v)))
                }
            }
        case "["?:
            let next = try keyIndex()
            var current: [Value] = []
            if index < list.count, list[index].isNonNil {
                guard case .list(let l, _) = list[index] else { throw Self.conversion(list[index], to: Self.listType) }
                current = l
            }
            return .nested(current: current, next: next)
        default: // "."
            var out = list
            var inner = GoMap()
            if index < out.count {
                if case .map(let m, _) = out[index] {
                    inner = m
                } else {
                    out[index] = .map(inner)
                }
            }
            do {
                try key(inner, level: level)
            } catch {
                throw ListFailure(list: out, error: error)
            }
            return .done(try setIndex(out, index, .map(inner)))
        }
    }

    private enum ListResult {
        case list([Value]), eof, notList
    }

    /// list: `'{' (item ',')* item '}' ','?`, item: `(any - ',' - '}' - '\' | '\' any)*`,
    /// each read like a value (so `{}` is `[""]`). `.notList` if the value does
    /// not start with `{`, `.eof` at the end of input; no `}` is `list must
    /// terminate with '}'`. (`valList`.)
    private mutating func valueList() throws -> ListResult {
        guard position < runes.count else { return .eof }
        guard runes[position] == "{" else { return .notList }
        position += 1
        var list: [Value] = []
        while true {
            let (v, last, eof) = runesUntil([",", "}"])
            if eof { throw LocatedError(.setSyntax, "list must terminate with '}'") }
            if last == "}" {
                if position < runes.count, runes[position] == "," { position += 1 }
                list.append(try read(v))
                return .list(list)
            }
            list.append(try read(v))
        }
    }

    /// emptyValue: `ws* (',' | EOF)` → true, consuming it; otherwise false, with
    /// the white space skipped and the next rune left. (`emptyVal`.)
    private mutating func emptyValue() throws -> Bool {
        while position < runes.count {
            let r = runes[position]
            position += 1
            if r == "," { return true }
            if !r.properties.isWhitespace {
                position -= 1
                return false
            }
        }
        return true
    }

    /// jsonValue: one JSON value (Go's `json.Decoder.Decode`, via
    /// `GoJSON.decodePrefix`); reading resumes right after it.
    private mutating func jsonValue() throws -> Value {
        let rest = Self.text(Array(runes[position...]))
        do {
            let (value, end) = try GoJSON.decodePrefix(rest)
            // `end` is a byte offset into `rest`; advance by the runes it covers.
            var bytes = 0
            while bytes < end, position < runes.count {
                bytes += String(runes[position]).utf8.count
                position += 1
            }
            return value
        } catch let error as GoJSON.DecodingError {
            throw LocatedError(.setSyntax, error.message)
        }
    }
}

extension Value {
    /// Whether this is anything but Go's nil.
    var isNonNil: Bool {
        if case .null = self { return false }
        return true
    }
}
