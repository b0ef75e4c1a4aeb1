import Diagnostics
import GoStd

/// The kinds of token the path lexer produces (yaml-jsonpath's lexemes).
enum LexemeType: Sendable, Equatable {
    case error, identity, root, dotChild, undottedChild, bracketChild, recursiveDescent, arraySubscript
    case filterBegin, filterEnd, filterOpenBracket, filterCloseBracket, filterNot, filterAt, filterAnd, filterOr
    case filterEquality, filterInequality, filterGreaterThan, filterGreaterThanOrEqual
    case filterLessThanOrEqual, filterLessThan, filterMatchesRegularExpression
    case filterIntegerLiteral, filterFloatLiteral, filterStringLiteral, filterBooleanLiteral, filterNullLiteral
    case filterRegularExpressionLiteral
    case propertyName, bracketPropertyName, arraySubscriptPropertyName, recursiveFilterBegin
    case eof

    /// Whether the token is a comparison operator or `=~`.
    var isComparisonOrMatch: Bool {
        switch self {
        case .filterEquality, .filterInequality, .filterGreaterThan, .filterGreaterThanOrEqual,
             .filterLessThan, .filterLessThanOrEqual, .filterMatchesRegularExpression:
            return true
        default:
            return false
        }
    }
}

/// One token: its kind and its source text (the message, for an error).
struct Lexeme: Sendable, Equatable {
    var type: LexemeType
    var value: String
    /// For an error token, the byte offset in the path where the lexer stopped.
    var offset: Int?

    init(type: LexemeType, value: String, offset: Int? = nil) {
        self.type = type
        self.value = value
        self.offset = offset
    }

    /// An error token as a located error (the column counts bytes of the path).
    var error: LocatedError {
        LocatedError(.pathQuery, value, at: offset.map { SourceLocation(file: "", line: 1, column: $0 + 1, offset: $0) })
    }
}

/// The states of the lexer's state machine; each is one of Go's state functions.
enum LexState {
    case path, root, subPath, optionalArrayIndex, filterExprInitial, filterExpr, filterTerm, filterEnd
}

/// The path lexer: a state machine over the UTF-8 bytes of the path, run to
/// completion up front (the Go version hands tokens over a channel, but its
/// parser reads them strictly in order, so the result is the same).
struct Lexer {
    let input: [UInt8]
    var start = 0
    var pos = 0
    var width = 0
    var stack: [LexState] = []
    var items: [Lexeme] = []
    var lastEmittedStart = 0
    var lastEmittedType: LexemeType = .eof

    static let eofRune: Unicode.Scalar = "\u{FFFD}"

    init(_ text: String) {
        input = Array(text.utf8)
    }

    /// Every token of `text`, ending with an `eof` or `error` token.
    static func lex(_ text: String) -> [Lexeme] {
        var lexer = Lexer(text)
        var state: LexState? = .path
        while let current = state {
            state = lexer.run(current)
        }
        if lexer.items.last?.type != .eof && lexer.items.last?.type != .error {
            lexer.items.append(Lexeme(type: .eof, value: ""))
        }
        return lexer.items
    }

    mutating func run(_ state: LexState) -> LexState? {
        switch state {
        case .path: return lexPath()
        case .root: return lexRoot()
        case .subPath: return lexSubPath()
        case .optionalArrayIndex: return lexOptionalArrayIndex()
        case .filterExprInitial: return lexFilterExprInitial()
        case .filterExpr: return lexFilterExpr()
        case .filterTerm: return lexFilterTerm()
        case .filterEnd: return lexFilterEnd()
        }
    }

    // MARK: - Primitives

    mutating func push(_ state: LexState) { stack.append(state) }

    mutating func pop() -> LexState? {
        guard let state = stack.popLast() else { return errorf("syntax error") }
        return state
    }

    var isEmpty: Bool { pos >= input.count }

    /// Decodes the rune at byte offset `at` (nil at the end of input).
    func rune(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < input.count else { return nil }
        let b0 = input[offset]
        let length: Int
        switch b0 {
        case 0..<0x80: return (Unicode.Scalar(b0), 1)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        default: length = 4
        }
        var value = UInt32(b0) & (0xFF >> (length + 1))
        for k in 1..<length where offset + k < input.count {
            value = value << 6 | UInt32(input[offset + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, input.count - offset))
    }

    /// Consumes and returns the next rune, or nil at the end.
    @discardableResult
    mutating func next() -> Unicode.Scalar? {
        guard let (r, w) = rune(at: pos) else {
            width = 0
            return nil
        }
        width = w
        pos += w
        return r
    }

    /// The next rune, not consumed.
    mutating func peek() -> Unicode.Scalar? {
        guard let (r, w) = rune(at: pos) else {
            width = 0
            return nil
        }
        width = w
        return r
    }

    mutating func backup() { pos -= width }

    func hasPrefix(_ p: String) -> Bool {
        let bytes = Array(p.utf8)
        guard pos + bytes.count <= input.count else { return false }
        return input[pos..<(pos + bytes.count)].elementsEqual(bytes)
    }

    mutating func consume(_ s: String) {
        for _ in s.unicodeScalars { next() }
    }

    /// Consumes `token` if the input starts with it and with none of `except`.
    mutating func consumed(_ token: String, except: [String] = []) -> Bool {
        guard peeked(token, except: except) else { return false }
        consume(token)
        return true
    }

    func peeked(_ token: String, except: [String] = []) -> Bool {
        hasPrefix(token) && !except.contains(where: hasPrefix)
    }

    /// The position after `tokens`, each preceded by optional whitespace.
    func whitespacedEnd(_ tokens: [String]) -> Int? {
        var p = pos
        for token in tokens {
            while true {
                guard let (r, w) = rune(at: p) else { return nil }
                if !GoUnicode.isSpace(r) { break }
                p += w
            }
            let bytes = Array(token.utf8)
            guard p + bytes.count <= input.count, input[p..<(p + bytes.count)].elementsEqual(bytes) else { return nil }
            p += bytes.count
        }
        return p
    }

    func peekedWhitespaced(_ tokens: String...) -> Bool { whitespacedEnd(tokens) != nil }

    mutating func consumedWhitespaced(_ tokens: String...) -> Bool {
        guard let end = whitespacedEnd(tokens) else { return false }
        pos = end
        return true
    }

    mutating func consumeWhitespace() {
        while let (r, w) = rune(at: pos), GoUnicode.isSpace(r) { pos += w }
    }

    /// Skips whitespace and starts the next token after it.
    mutating func stripWhitespace() {
        while true {
            let r = next()
            if r == nil || !GoUnicode.isSpace(r ?? Lexer.eofRune) {
                backup()
                break
            }
        }
        start = pos
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<to], as: UTF8.self)
    }

    var value: String { text(start, pos) }

    /// The last emitted token followed by what has been scanned since.
    var context: String { text(lastEmittedStart, pos) }

    mutating func emit(_ type: LexemeType) {
        items.append(Lexeme(type: type, value: value))
        lastEmittedStart = start
        start = pos
        lastEmittedType = type
    }

    mutating func emitSynthetic(_ type: LexemeType, _ value: String) {
        items.append(Lexeme(type: type, value: value))
    }

    /// Emits an error token with the position and context, ending the scan.
    mutating func errorf(_ message: String) -> LexState? {
        items.append(Lexeme(type: .error, value: "\(message) at position \(pos), following \(GoQuote.quote(context))", offset: pos))
        return nil
    }

    /// Emits an error token with exactly `message`, ending the scan.
    mutating func rawErrorf(_ message: String) -> LexState? {
        items.append(Lexeme(type: .error, value: message, offset: pos))
        return nil
    }

    // MARK: - Path states

    /// lexPath: `EOF` (identity) | `'$' …` (lexRoot) | anything else, after an
    /// implied `$`, as lexSubPath.
    mutating func lexPath() -> LexState? {
        if isEmpty {
            emit(.identity)
            emit(.eof)
            return nil
        }
        if hasPrefix("$") { return .root }
        emitSynthetic(.root, "$")
        return .subPath
    }

    /// lexRoot: `'$'`.
    mutating func lexRoot() -> LexState? {
        pos += 1
        emit(.root)
        return .subPath
    }

    /// Consumes a name up to (not including) one of `stops`; true if it is non-empty.
    mutating func consumeName(stoppingAt stops: Set<Unicode.Scalar>) -> Bool {
        var name = false
        while true {
            guard let r = next() else {
                backup()
                break
            }
            if stops.contains(r) {
                backup()
                break
            }
            name = true
        }
        return name
    }

    static let dotChildStops: Set<Unicode.Scalar> = [".", "[", ")", " ", "&", "|", "=", "!", ">", "<", "~"]
    static let undottedChildStops: Set<Unicode.Scalar> = [".", "[", "]", ")", " ", "&", "|", "=", "!", ">", "<", "~"]

    /// quotedBody: `(any - quote - '\' | '\' quote | '\\')*`, stopping before the
    /// closing quote. Any other escape is `unsupported escape sequence inside …`,
    /// EOF is `unmatched …`; both emit an error and return false.
    mutating func consumedEscapedString(_ quote: String) -> Bool {
        while true {
            if peeked(quote) { return true }
            if consumed("\\" + quote) || consumed("\\\\") { continue }
            if peeked("\\") {
                _ = errorf("unsupported escape sequence inside \(quote)\(quote)")
                return false
            }
            if next() == nil {
                _ = errorf("unmatched \(enquote(quote))")
                return false
            }
        }
    }

    func enquote(_ quote: String) -> String {
        quote == "'" ? "\"'\"" : "'\"'"
    }

    /// lexSubPath: the next step of a path:
    ///
    ///     ')'                              end of a filter operand (pop)
    ///     EOF                              pop, or identity EOF at the top level
    ///     '..' (any - '.' - '[')*          recursiveDescent; empty only before '['
    ///     '.' name '~'?                    dotChild, or propertyName (last only)
    ///     ws* '[' ws* quote …              lexBracketChild
    ///     '[?('                            filterBegin (recursiveFilterBegin after '..')
    ///     '[' …                            lexOptionalArrayIndex
    ///     name '~'?                        undottedChild / propertyName, first step only
    ///     name: (any - '.' '[' ')' ' ' '&' '|' '=' '!' '>' '<' '~')+, and not ']' in
    ///           the first step
    ///
    /// A dot child or undotted child goes on to lexOptionalArrayIndex.
    mutating func lexSubPath() -> LexState? {
        if hasPrefix(")") { return pop() }
        if isEmpty {
            if !stack.isEmpty { return pop() }
            emit(.identity)
            emit(.eof)
            return nil
        }
        if consumed("..") {
            var name = false
            while true {
                guard let r = next() else {
                    backup()
                    break
                }
                if r == "." || r == "[" {
                    backup()
                    break
                }
                name = true
            }
            if !name && !peeked("[") {
                return errorf("child name or array access or filter missing after recursive descent")
            }
            emit(.recursiveDescent)
            return .subPath
        }
        if consumed(".") {
            if !consumeName(stoppingAt: Lexer.dotChildStops) { return errorf("child name missing") }
            if consumed("~") {
                if peek() != nil { return errorf("property name operator may only be used on last child in path") }
                emit(.propertyName)
                return .subPath
            }
            emit(.dotChild)
            return .optionalArrayIndex
        }
        if peekedWhitespaced("[", "'") || peekedWhitespaced("[", "\"") {
            return lexBracketChild()
        }
        if consumed("[?(") {
            emit(lastEmittedType == .recursiveDescent ? .recursiveFilterBegin : .filterBegin)
            push(.filterEnd)
            return .filterExprInitial
        }
        if peeked("[") { return .optionalArrayIndex }
        if lastEmittedType == .eof {
            if !consumeName(stoppingAt: Lexer.undottedChildStops) { return errorf("child name missing") }
            if consumed("~") {
                if peek() != nil { return errorf("property name operator may only be used on last child in path") }
                emit(.propertyName)
                return .subPath
            }
            emit(.undottedChild)
            return .optionalArrayIndex
        }
        return errorf("invalid path syntax")
    }

    /// lexBracketChild: `'[' ws* quoted (ws* ',' ws* quoted)* ws* ']' '~'?` with
    /// quoted: `"'" quotedBody "'" | '"' quotedBody '"'`, e.g. `['a']`,
    /// `["a", 'b']`. With `~` it is a bracketPropertyName and must end the path.
    mutating func lexBracketChild() -> LexState? {
        _ = consumedWhitespaced("[")
        while true {
            consumeWhitespace()
            let quote = next().map { String($0) } ?? ""
            if !consumedEscapedString(quote) { return nil }
            if !consumed(quote) { return errorf("missing \(enquote(quote))") }
            if consumedWhitespaced(",") {
                if !peekedWhitespaced("'") && !peekedWhitespaced("\"") {
                    return errorf("missing \(enquote("'")) or \(enquote("\""))")
                }
            } else {
                break
            }
        }
        if !consumedWhitespaced("]") { return errorf("missing \"]\" or \",\"") }
        if consumed("~") {
            emit(.bracketPropertyName)
            if peek() != nil { return errorf("property name operator may only be used on last child in path") }
            return .subPath
        }
        emit(.bracketChild)
        return .optionalArrayIndex
    }

    /// lexOptionalArrayIndex: `('[' (any - ']')+ ']' '~'?)?`, where the `[` is not
    /// followed by `'`, `"` or `?(`. The subscript must pass ``Slicer`` (`invalid
    /// array index …`); `~` is allowed only after `[*]` at the end of the path.
    /// Then one of ` & | = ! > <` ends a filter operand (pop; an error outside a
    /// filter); anything else goes on to lexSubPath.
    mutating func lexOptionalArrayIndex() -> LexState? {
        if consumed("[", except: ["['", "[\"", "[?("]) {
            var hasSubscript = false
            while !consumed("]") {
                if next() == nil { return errorf("unmatched [") }
                hasSubscript = true
            }
            if !hasSubscript { return rawErrorf("subscript missing from [] before position \(pos)") }
            let raw = value
            let index = GoStrings.trimSuffix(GoStrings.trimPrefix(raw, "["), "]")
            if case .failure(let error) = Slicer.slice(index, length: 0) {
                return rawErrorf("invalid array index \(raw) before position \(pos): \(error.message)")
            }
            if consumed("~") {
                if peek() != nil { return errorf("property name operator can only be used on last item in path") }
                let index = GoStrings.trimSuffix(GoStrings.trimPrefix(value, "["), "]~")
                if index != "*" { return errorf("property name operator can only be used on map nodes") }
                emit(.arraySubscriptPropertyName)
                return .subPath
            }
            emit(.arraySubscript)
        }
        if let r = peek(), [" ", "&", "|", "=", "!", ">", "<"].contains(r) {
            if stack.isEmpty { return errorf("invalid character \(GoQuote.quoteRune(r))") }
            return pop()
        }
        return .subPath
    }
}
