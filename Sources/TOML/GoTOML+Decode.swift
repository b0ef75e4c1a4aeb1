import GoStd
import Values

extension GoTOML {
    /// A decoding failure: the text of BurntSushi/toml's `err.Error()`.
    ///
    /// For a `toml.ParseError` that is `toml: line N (last key "k"): message`
    /// (`toml: line N: message` when no key has been read). When the library
    /// would panic instead (`isBug`), Go's template engine reports
    /// `error calling fromToml: <message>`.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The short message (`ParseError.Message`).
        public var message: String
        /// The line the library reports, starting at 1.
        public var line: Int
        /// The last key read, empty when there is none.
        public var lastKey: String
        /// Whether the library would panic rather than return an error.
        public var isBug: Bool

        /// An error with the library's message, line and last key.
        public init(message: String, line: Int, lastKey: String, isBug: Bool = false) {
            self.message = message
            self.line = line
            self.lastKey = lastKey
            self.isBug = isBug
        }

        /// `ParseError.Error()`.
        public var description: String {
            if isBug { return message }
            if lastKey.isEmpty { return "toml: line \(line): \(message)" }
            return "toml: line \(line) (last key \(GoQuote.quote(lastKey))): \(message)"
        }
    }

    /// `toml.Unmarshal([]byte(text), &m)` with `m` a `map[string]interface{}`,
    /// as Helm's `fromToml` calls it (BurntSushi/toml v1.6, TOML 1.1).
    ///
    /// Values land as Go's `interface{}` holds them: integers as `int64`,
    /// floats as `float64`, tables as `map[string]interface{}`, arrays as
    /// `[]interface{}`, arrays of tables as `[]map[string]interface{}`
    /// (``GoMapSlice``) and date-times as ``GoTime``: offset date-times in
    /// UTC or a fixed zone, local ones in the zones `datetime-local`,
    /// `date-local` and `time-local` (local times on 0000-01-01).
    ///
    /// - Throws: ``DecodingError`` with the library's message.
    public static func decode(_ text: String) throws(DecodingError) -> GoMap {
        var data = Array(text.utf8)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            data.removeFirst(3)
        } else if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            data.removeFirst(2)
        }
        if data.prefix(6).contains(0) {
            throw DecodingError(
                message: "files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8",
                line: 1, lastKey: "")
        }
        var parser = TOMLParser(data)
        do {
            try parser.parse()
        } catch {
            throw DecodingError(message: error.message, line: error.line, lastKey: error.lastKey, isBug: error.isBug)
        }
        return goMap(parser.mapping)
    }

    private static func goMap(_ table: TOMLTable) -> GoMap {
        GoMap(table.entries.mapValues(goValue))
    }

    private static func goValue(_ node: TOMLNode) -> Value {
        switch node {
        case .table(let t): return .map(goMap(t))
        case .tableArray(let tables): return .object(GoMapSlice(tables.map(goMap)))
        case .array(let items): return .list(items.map(goValue))
        case .int(let n): return .int(n, .int64)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .time(let t): return .object(t)
        }
    }
}
