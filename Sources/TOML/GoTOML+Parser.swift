import GoStd
import Values

/// A Go `map[string]interface{}` while parsing: shared by reference, as the
/// library's maps are (a table reached twice is the same table).
final class TOMLTable {
    var entries: [String: TOMLNode] = [:]
}

/// A Go value as the TOML parser builds it.
indirect enum TOMLNode {
    /// `map[string]interface{}`.
    case table(TOMLTable)
    /// `[]map[string]interface{}`, from `[[array.of.tables]]`.
    case tableArray([TOMLTable])
    /// `[]interface{}`, from `key = [...]`.
    case array([TOMLNode])
    case int(Int64)
    case float(Double)
    case string(String)
    case bool(Bool)
    case time(GoTime)
}

/// An error the library raises: a `toml.ParseError`, or a Go panic (`isBug`)
/// that it does not turn into one.
struct TOMLFailure: Error {
    var message: String
    var line: Int
    var lastKey: String
    var isBug = false
}

/// The TOML parser of BurntSushi/toml v1.6, building the same Go values
/// with the same duplicate-key and redefinition checks and messages.
struct TOMLParser {
    private var lexer: TOMLLexer
    /// Full key of the table in scope.
    private var context: [String] = []
    /// Last part of the key being set, empty for tables.
    private var currentKey = ""
    /// Line of the last key or table name started (for `panicf` errors).
    private var line = 0
    /// Key string → whether its recorded TOML type is `Array`.
    private var isArrayType: [String: Bool] = [:]
    private var implicits: Set<String> = []
    let mapping = TOMLTable()

    init(_ input: [UInt8]) {
        lexer = TOMLLexer(input)
    }

    /// toml: `topLevel* EOF` over the lexer's items, into ``mapping``.
    public mutating func parse() throws(TOMLFailure) {
        while true {
            let item = try next()
            if item.type == .eof { break }
            try topLevel(item)
        }
    }

    // MARK: - Errors

    /// `Key.String()`: parts joined by dots, quoted unless bare.
    static func keyString(_ key: [String]) -> String {
        key.map(GoTOML.keyPiece).joined(separator: ".")
    }

    /// The full name of the current key, for "last key" in messages.
    private var currentName: String {
        if currentKey.isEmpty { return Self.keyString(context) }
        if context.isEmpty { return currentKey }
        return Self.keyString(context) + "." + currentKey
    }

    /// An error at an item's line.
    private func failure(_ item: TOMLLexer.Item, _ message: String) -> TOMLFailure {
        TOMLFailure(message: message, line: item.line, lastKey: currentName)
    }

    /// An error at the line of the last key or table name.
    private func failure(_ message: String) -> TOMLFailure {
        TOMLFailure(message: message, line: line, lastKey: currentName)
    }

    private func bug(_ message: String) -> TOMLFailure {
        TOMLFailure(message: "BUG: " + message + "\n\n", line: line, lastKey: currentName, isBug: true)
    }

    // MARK: - Items

    private mutating func next() throws(TOMLFailure) -> TOMLLexer.Item {
        let item = lexer.nextItem()
        if item.type == .error {
            let message = String(decoding: item.val, as: UTF8.self)
            throw TOMLFailure(message: message, line: item.line, lastKey: currentName, isBug: item.isBug)
        }
        return item
    }

    private mutating func nextPos() throws(TOMLFailure) -> TOMLLexer.Item {
        let item = try next()
        line = item.line
        return item
    }

    private mutating func expect(_ type: TOMLLexer.ItemType) throws(TOMLFailure) {
        let item = try next()
        if item.type != type { throw bug("Expected '\(type)' but got '\(item.type)'.") }
    }

    /// keyParts: `keyPart* end` — the parts of a key or table name, up to the
    /// item `end` (`keyEnd`, `tableEnd` or `arrayTableEnd`; EOF first is a BUG).
    private mutating func readKey(until end: TOMLLexer.ItemType) throws(TOMLFailure) -> [String] {
        var name = try nextPos()
        var key: [String] = []
        while name.type != end && name.type != .eof {
            key.append(try keyPart(name))
            name = try next()
        }
        if name.type != end { throw bug("Expected '\(end)' but got '\(name.type)'.") }
        return key
    }

    /// topLevel:
    ///
    ///     commentStart text
    ///     tableStart keyPart* tableEnd                 `[a.b]`
    ///     arrayTableStart keyPart* arrayTableEnd       `[[a.b]]`
    ///     keyStart keyPart+ keyEnd value               `a.b = v`
    ///
    /// A header makes its table (or a new element of its array of tables) the
    /// context, creating implicit parents; a dotted key creates its parents as
    /// implicit tables and sets the value in the last, leaving the context as
    /// it was.
    private mutating func topLevel(_ item: TOMLLexer.Item) throws(TOMLFailure) {
        switch item.type {
        case .commentStart:
            try expect(.text)
        case .tableStart, .arrayTableStart:
            let isArray = item.type == .arrayTableStart
            let key = try readKey(until: isArray ? .arrayTableEnd : .tableEnd)
            try addContext(key, array: isArray)
            setType("", isArray: false)
        case .keyStart:
            let outerContext = context
            let key = try readKey(until: .keyEnd)
            guard let last = key.last else { throw bug("empty key") }
            currentKey = last
            for part in key.dropLast() {
                try addImplicitContext(context + [part])
            }
            let valueItem = try next()
            let (value, isArray) = try self.value(valueItem, parentIsArray: false)
            try setValue(currentKey, value)
            setType(currentKey, isArray: isArray)
            context = outerContext
            currentKey = ""
        default:
            throw bug("Unexpected type at top level: \(item.type)")
        }
    }

    /// keyPart: `text | string | stringEsc | multilineString | rawString |
    /// rawMultilineString` — a bare part as is, a quoted one unescaped as a value.
    private mutating func keyPart(_ item: TOMLLexer.Item) throws(TOMLFailure) -> String {
        switch item.type {
        case .text: return String(decoding: item.val, as: UTF8.self)
        case .string, .stringEsc, .multilineString, .rawString, .rawMultilineString:
            if case .string(let s) = try value(item, parentIsArray: false).0 { return s }
            throw bug("Unexpected key type: \(item.type)")
        default:
            throw bug("Unexpected key type: \(item.type)")
        }
    }

    // MARK: - Values

    /// value:
    ///
    ///     string | rawString | stringEsc | multilineString | rawMultilineString
    ///     integer | float | bool | datetime
    ///     array valueArray
    ///     inlineTableStart valueInlineTable
    ///
    /// The Go value and whether its TOML type is Array (for the redefinition
    /// checks).
    private mutating func value(_ item: TOMLLexer.Item, parentIsArray: Bool) throws(TOMLFailure) -> (TOMLNode, Bool) {
        switch item.type {
        case .string, .rawString:
            return (.string(String(decoding: item.val, as: UTF8.self)), false)
        case .stringEsc:
            return (try scalar(item) { v throws(TOMLScalars.Problem) in .string(try TOMLScalars.replaceEscapes(v)) }, false)
        case .multilineString:
            return (try scalar(item) { v throws(TOMLScalars.Problem) in
                .string(try TOMLScalars.replaceEscapes(TOMLScalars.stripEscapedNewlines(TOMLScalars.stripFirstNewline(v))))
            }, false)
        case .rawMultilineString:
            return (.string(String(decoding: TOMLScalars.stripFirstNewline(item.val), as: UTF8.self)), false)
        case .integer:
            return (try scalar(item, TOMLScalars.integer), false)
        case .float:
            return (try scalar(item, TOMLScalars.float), false)
        case .bool:
            switch item.val {
            case Array("true".utf8): return (.bool(true), false)
            case Array("false".utf8): return (.bool(false), false)
            default: throw bug("Expected boolean value, but got '\(String(decoding: item.val, as: UTF8.self))'.")
            }
        case .datetime:
            return (try scalar(item, TOMLScalars.datetime), false)
        case .array:
            return (try valueArray(), true)
        case .inlineTableStart:
            return (try valueInlineTable(parentIsArray: parentIsArray), false)
        default:
            throw bug("Unexpected value type: \(item.type)")
        }
    }

    /// A scalar's value; its errors are reported at the item's line.
    private func scalar(_ item: TOMLLexer.Item,
                        _ convert: ([UInt8]) throws(TOMLScalars.Problem) -> TOMLNode) throws(TOMLFailure) -> TOMLNode {
        do {
            return try convert(item.val)
        } catch {
            switch error {
            case .invalid(let message): throw failure(item, message)
            case .bug(let message): throw bug(message)
            }
        }
    }

    /// array (after `array`): `(commentStart text | value)* arrayEnd` — a
    /// `[]interface{}`; inline tables in it are new elements of an array of
    /// tables for the redefinition checks.
    private mutating func valueArray() throws(TOMLFailure) -> TOMLNode {
        setType(currentKey, isArray: true)
        var array: [TOMLNode] = []
        var item = try next()
        while item.type != .arrayEnd {
            if item.type == .commentStart {
                try expect(.text)
            } else {
                array.append(try value(item, parentIsArray: true).0)
            }
            item = try next()
        }
        return .array(array)
    }

    /// inlineTable (after `inlineTableStart`):
    ///
    ///     (commentStart text | keyStart keyPart+ keyEnd value)* inlineTableEnd
    ///
    /// A fresh map, dotted keys making nested maps; its keys are also set under
    /// the table's own context, so duplicates are caught as for `[table]`s.
    private mutating func valueInlineTable(parentIsArray: Bool) throws(TOMLFailure) -> TOMLNode {
        let topHash = TOMLTable()
        let outerContext = context
        let outerKey = currentKey

        context.append(currentKey)
        let prevContext = context
        currentKey = ""

        addImplicit(context)
        try addContext(context, array: parentIsArray)

        var item = try next()
        while item.type != .inlineTableEnd {
            if item.type == .commentStart {
                try expect(.text)
                item = try next()
                continue
            }
            let key = try readKey(until: .keyEnd)
            guard let last = key.last else { throw bug("empty key") }
            currentKey = last
            let parents = Array(key.dropLast())
            for part in parents {
                try addImplicitContext(context + [part])
            }
            let (val, isArray) = try value(try next(), parentIsArray: false)
            try setValue(currentKey, val)
            setType(currentKey, isArray: isArray)

            var hash = topHash
            for part in parents {
                let h: TOMLNode
                if let existing = hash.entries[part] {
                    h = existing
                } else {
                    h = .table(TOMLTable())
                    hash.entries[part] = h
                }
                guard case .table(let t) = h else {
                    throw failure(GoQuote.quote(Self.keyString(context)) + " is not a table")
                }
                hash = t
            }
            hash.entries[currentKey] = val

            context = prevContext
            item = try next()
        }
        context = outerContext
        currentKey = outerKey
        return .table(topHash)
    }

    // MARK: - Tables and keys

    /// Makes `key` the current table (or a new table in the array of tables
    /// `key`), creating implicit parent tables.
    private mutating func addContext(_ key: [String], array: Bool) throws(TOMLFailure) {
        var hashContext = mapping
        var keyContext: [String] = []
        for k in key.dropLast() {
            keyContext.append(k)
            if hashContext.entries[k] == nil {
                addImplicit(keyContext)
                hashContext.entries[k] = .table(TOMLTable())
            }
            switch hashContext.entries[k] {
            case .tableArray(let tables)?:
                guard let last = tables.last else { throw bug("empty array of tables") }
                hashContext = last
            case .table(let t)?:
                hashContext = t
            default:
                throw failure("Key '\(Self.keyString(keyContext))' was already created as a hash.")
            }
        }

        context = keyContext
        guard let last = key.last else { throw bug("empty key") }
        if array {
            if hashContext.entries[last] == nil {
                hashContext.entries[last] = .tableArray([])
            }
            if case .tableArray(let tables)? = hashContext.entries[last] {
                hashContext.entries[last] = .tableArray(tables + [TOMLTable()])
            } else {
                throw failure("Key '\(Self.keyString(key))' was already created and cannot be used as an array.")
            }
        } else {
            try setValue(last, .table(TOMLTable()))
        }
        context.append(last)
    }

    /// Sets `key` in the current table, allowing an implicit table to be
    /// defined once explicitly.
    private mutating func setValue(_ key: String, _ value: TOMLNode) throws(TOMLFailure) {
        var hash = mapping
        var keyContext: [String] = []
        for k in context {
            keyContext.append(k)
            guard let tmp = hash.entries[k] else {
                throw bug("Context for key '\(Self.keyString(keyContext))' has not been established.")
            }
            switch tmp {
            case .tableArray(let tables):
                guard let last = tables.last else { throw bug("empty array of tables") }
                hash = last
            case .table(let t):
                hash = t
            default:
                throw failure("Key '\(Self.keyString(keyContext))' has already been defined.")
            }
        }
        keyContext.append(key)

        if hash.entries[key] != nil {
            let name = Self.keyString(keyContext)
            if isArrayType[name] == true {
                if !implicits.contains(name) {
                    throw failure("Key '\(name)' has already been defined.")
                }
                implicits.remove(name)
                hash.entries[key] = value
                return
            }
            if implicits.contains(name) {
                implicits.remove(name)
                return
            }
            throw failure("Key '\(name)' has already been defined.")
        }
        hash.entries[key] = value
    }

    private mutating func setType(_ key: String, isArray: Bool) {
        var keyContext = context
        if !key.isEmpty { keyContext.append(key) }
        if keyContext.isEmpty { keyContext = [""] }
        isArrayType[Self.keyString(keyContext)] = isArray
    }

    private mutating func addImplicit(_ key: [String]) { implicits.insert(Self.keyString(key)) }

    private mutating func addImplicitContext(_ key: [String]) throws(TOMLFailure) {
        addImplicit(key)
        try addContext(key, array: false)
    }
}
