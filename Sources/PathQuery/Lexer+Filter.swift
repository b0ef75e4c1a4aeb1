import Foundation
import GoRegexp
import GoStd

/// The lexer states inside a filter `[?( … )]`.
extension Lexer {
    /// The ordering operators, longest first so `>=` is not read as `>`.
    static let orderingOperators: [(text: String, type: LexemeType)] = [
        (">=", .filterGreaterThanOrEqual), (">", .filterGreaterThan),
        ("<=", .filterLessThanOrEqual), ("<", .filterLessThan),
    ]

    /// lexFilterExprInitial: the start of an operand (after `[?(`, `(`, `!`, `&&`
    /// or `||`), white space first skipped:
    ///
    ///     literal                      then lexFilterExpr
    ///     '('                          nested expression (lexFilterExpr pushed)
    ///     '!'                          again
    ///     '@' path?                    no path when `=`, `!`, `>` or `<` follows
    ///     '$' path
    ///
    /// A binary operator here is `missing first operand for binary operator …`;
    /// anything else pops (e.g. the `)` of `()`).
    mutating func lexFilterExprInitial() -> LexState? {
        stripWhitespace()
        if let next = lexLiteral() { return next }
        if consumed("(") {
            emit(.filterOpenBracket)
            push(.filterExpr)
            return .filterExprInitial
        }
        if hasPrefix("!=") { return errorf("missing first operand for binary operator !=") }
        if consumed("!") {
            emit(.filterNot)
            return .filterExprInitial
        }
        if consumed("@") {
            emit(.filterAt)
            if peekedWhitespaced("=") || peekedWhitespaced("!") || peekedWhitespaced(">") || peekedWhitespaced("<") {
                return .filterExpr
            }
            push(.filterExpr)
            return .subPath
        }
        if consumed("$") {
            emit(.root)
            push(.filterExpr)
            return .subPath
        }
        if hasPrefix("&&") { return errorf("missing first operand for binary operator &&") }
        if hasPrefix("||") { return errorf("missing first operand for binary operator ||") }
        if hasPrefix("==") { return errorf("missing first operand for binary operator ==") }
        for op in Lexer.orderingOperators where hasPrefix(op.text) {
            return errorf("missing first operand for binary operator \(op.text)")
        }
        return pop()
    }

    /// literal: `number | string | 'true' | 'false' | 'null'` (the words may follow
    /// white space and need no word boundary: `trueish` is `true`, then an error).
    ///
    /// A numeric, string, boolean or null literal, if one is next; the
    /// returned state is wrapped so that "no literal" and "stop" differ.
    mutating func lexLiteral() -> LexState?? {
        if let next = lexNumericLiteral() { return next }
        if let next = lexStringLiteral() { return next }
        if consumedWhitespaced("true") || consumedWhitespaced("false") {
            emit(.filterBooleanLiteral)
            return .some(.filterExpr)
        }
        if consumedWhitespaced("null") {
            emit(.filterNullLiteral)
            return .some(.filterExpr)
        }
        return nil
    }

    /// lexFilterExpr: after an operand, white space first skipped:
    ///
    ///     ')]'                         end of the filter (pop; lexFilterEnd reads it)
    ///     ')'                          end of a nested expression (pop)
    ///     '&&' | '||'                  then lexFilterExprInitial
    ///     '==' | '!='                  then lexFilterTerm
    ///     '=~' ws* regex               not after a string or number literal
    ///     ('>=' | '>' | '<=' | '<')    lexComparison
    ///
    /// EOF is `missing end of filter`; anything else `invalid filter expression`.
    mutating func lexFilterExpr() -> LexState? {
        stripWhitespace()
        if isEmpty { return errorf("missing end of filter") }
        if hasPrefix(")]") { return pop() }
        if consumed(")") {
            emit(.filterCloseBracket)
            return pop()
        }
        if consumed("&&") {
            emit(.filterAnd)
            stripWhitespace()
            return .filterExprInitial
        }
        if consumed("||") {
            emit(.filterOr)
            stripWhitespace()
            return .filterExprInitial
        }
        if consumed("==") {
            emit(.filterEquality)
            push(.filterExpr)
            return .filterTerm
        }
        if consumed("!=") {
            emit(.filterInequality)
            push(.filterExpr)
            return .filterTerm
        }
        if hasPrefix("=~") {
            switch lastEmittedType {
            case .filterStringLiteral, .filterIntegerLiteral, .filterFloatLiteral:
                return errorf("literal cannot be matched using =~")
            default:
                break
            }
            consume("=~")
            emit(.filterMatchesRegularExpression)
            stripWhitespace()
            return lexRegularExpressionLiteral()
        }
        for op in Lexer.orderingOperators where hasPrefix(op.text) {
            return lexComparison(op.text, op.type)
        }
        return errorf("invalid filter expression")
    }

    /// lexFilterTerm: the right operand of a comparison: `'@' path? | '$' path |
    /// literal`. A `@` followed by `|`, `&` or `)` has no path; anything else is
    /// `invalid filter term`.
    mutating func lexFilterTerm() -> LexState? {
        stripWhitespace()
        if consumed("@") {
            emit(.filterAt)
            if peekedWhitespaced("|") || peekedWhitespaced("&") || peekedWhitespaced(")") {
                if stack.isEmpty {
                    return errorf("invalid character \(GoQuote.quoteRune(peek() ?? Lexer.eofRune))")
                }
                return pop()
            }
            return .subPath
        }
        if consumed("$") {
            emit(.root)
            return .subPath
        }
        if let next = lexLiteral() { return next }
        return errorf("invalid filter term")
    }

    /// lexFilterEnd: `')]'` — directly after `[?(` it is `missing filter`;
    /// anything else is `invalid filter syntax`.
    mutating func lexFilterEnd() -> LexState? {
        if hasPrefix(")]") {
            if lastEmittedType == .filterBegin { return errorf("missing filter") }
            consume(")]")
            emit(.filterEnd)
            return .subPath
        }
        return errorf("invalid filter syntax")
    }

    /// number: `[-.0-9] [-.eE0-9]*` — a float if it starts with `.` or has `.`,
    /// `e`, `E` or a later `-` (checked by ParseFloat; `1e+5` is cut at the `+`
    /// and fails), else an integer (checked by Atoi). nil if no number starts
    /// here.
    mutating func lexNumericLiteral() -> LexState?? {
        guard let first = peek(), first == "." || first == "-" || ("0"..."9").contains(first) else { return nil }
        var isFloat = first == "."
        while true {
            next()
            guard let n = peek() else { break }
            if n == "." || n == "e" || n == "E" || n == "-" {
                isFloat = true
                continue
            }
            if !("0"..."9").contains(n) { break }
        }
        let text = value
        if isFloat {
            if case .failure(let error) = GoStrconv.parseFloat(text) {
                return .some(rawErrorf("invalid float literal \(GoQuote.quote(error.num)): \(error.message) before position \(pos)"))
            }
            emit(.filterFloatLiteral)
            return .some(.filterExpr)
        }
        if case .failure(let error) = GoStrconv.atoi(text) {
            return .some(rawErrorf("invalid integer literal \(GoQuote.quote(error.num)): \(error.message) before position \(pos)"))
        }
        emit(.filterIntegerLiteral)
        return .some(.filterExpr)
    }

    /// string: `"'" (any - "'")* "'" | '"' (any - '"')* '"'` — no escapes. nil if
    /// no string starts here.
    mutating func lexStringLiteral() -> LexState?? {
        let quote: String
        if hasPrefix("'") {
            quote = "'"
        } else if hasPrefix("\"") {
            quote = "\""
        } else {
            return nil
        }
        let startPos = pos
        let startContext = context
        while true {
            if next() == nil {
                return .some(rawErrorf("unmatched string delimiter \(quote) at position \(startPos), following \(GoQuote.quote(startContext))"))
            }
            if hasPrefix(quote) { break }
        }
        next()
        emit(.filterStringLiteral)
        return .some(.filterExpr)
    }

    /// comparison: `('>=' | '>' | '<=' | '<') ws* term` — not after a string
    /// literal nor before a `'`-quoted one (a `"`-quoted one passes, as in Go).
    mutating func lexComparison(_ op: String, _ type: LexemeType) -> LexState? {
        if lastEmittedType == .filterStringLiteral { return errorf("strings cannot be compared using \(op)") }
        consume(op)
        emit(type)
        stripWhitespace()
        if hasPrefix("'") { return errorf("strings cannot be compared using \(op)") }
        push(.filterExpr)
        return .filterTerm
    }

    /// regex: `'/' (any - '/' - '\' | '\' any)* '/'` — must compile as a Go
    /// regexp once `\/` is read as `/`.
    mutating func lexRegularExpressionLiteral() -> LexState? {
        if !hasPrefix("/") { return errorf("regular expression does not start with /") }
        let startPos = pos
        let startContext = context
        var escape = false
        while true {
            if next() == nil {
                return rawErrorf("unmatched regular expression delimiter / at position \(startPos), following \(GoQuote.quote(startContext))")
            }
            if !escape && hasPrefix("/") { break }
            escape = !escape && hasPrefix("\\")
        }
        next()
        do {
            _ = try GoRegexp(Lexer.sanitiseRegularExpression(value))
        } catch {
            return rawErrorf("invalid regular expression at position \(startPos), following \(GoQuote.quote(startContext)): \(error)")
        }
        emit(.filterRegularExpressionLiteral)
        return .filterExpr
    }

    /// The regular expression between the slashes, with `\/` unescaped.
    static func sanitiseRegularExpression(_ literal: String) -> String {
        let inner = literal.utf8.count >= 2 ? String(decoding: Array(literal.utf8).dropFirst().dropLast(), as: UTF8.self) : ""
        return inner.replacingOccurrences(of: "\\/", with: "/")
    }
}
