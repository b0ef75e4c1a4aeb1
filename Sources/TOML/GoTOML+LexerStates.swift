import GoStd
import Values

/// The states of TOMLLexer: one function per state of the library's
/// lexer, each consuming input and naming the state that follows.

extension TOMLLexer {
    /// Runs one state. The states done inline here:
    ///
    ///     tableEnd               emits the `]` that closed a `[table]` name
    ///     arrayEnd               emits `arrayEnd` after the closing `]`
    ///     inlineTableEnd         emits `inlineTableEnd` after the closing `}`
    ///     commentStart           emits `commentStart` (after `#`), then lexComment
    ///     numberOrDateStart      `'0'` → baseNumberOrDate, other digit → numberOrDate
    ///     …Escape                `\x` hex{2}, `\u` hex{4}, `\U` hex{8} (lexFixedEscape)
    mutating func step(_ s: State) -> State? {
        switch s {
        case .top: return lexTop()
        case .topEnd: return lexTopEnd()
        case .tableStart: return lexTableStart()
        case .tableEnd: emit(.tableEnd); return .topEnd
        case .arrayTableEnd: return lexArrayTableEnd()
        case .tableNameStart: return lexTableNameStart()
        case .tableNameEnd: return lexTableNameEnd()
        case .bareName: return lexBareName()
        case .quotedName: return lexQuotedName()
        case .keyStart: return lexKeyStart()
        case .keyNameStart: return lexKeyNameStart()
        case .keyEnd: return lexKeyEnd()
        case .value: return lexValue()
        case .arrayValue: return lexArrayValue()
        case .arrayValueEnd: return lexArrayValueEnd()
        case .arrayEnd: ignore(); emit(.arrayEnd); return pop()
        case .inlineTableValue: return lexInlineTableValue()
        case .inlineTableValueEnd: return lexInlineTableValueEnd()
        case .inlineTableEnd: ignore(); emit(.inlineTableEnd); return pop()
        case .string: return lexString()
        case .multilineString: return lexMultilineString()
        case .rawString: return lexRawString()
        case .multilineRawString: return lexMultilineRawString()
        case .multilineStringEscape: return lexMultilineStringEscape()
        case .stringEscape: return lexStringEscape()
        case .hexEscape: return lexFixedEscape(2, "two", "x")
        case .shortUnicodeEscape: return lexFixedEscape(4, "four", "u")
        case .longUnicodeEscape: return lexFixedEscape(8, "eight", "U")
        case .numberOrDateStart: return next() == 0x30 ? .baseNumberOrDate : .numberOrDate
        case .numberOrDate: return lexNumberOrDate()
        case .datetime: return lexDatetime()
        case .hexInteger: return lexBasedInteger(isHex, .hexInteger)
        case .octalInteger: return lexBasedInteger(isOctal, .octalInteger)
        case .binaryInteger: return lexBasedInteger(isBinary, .binaryInteger)
        case .decimalNumber: return lexDecimalNumber()
        case .decimalNumberStart: return lexDecimalNumberStart()
        case .baseNumberOrDate: return lexBaseNumberOrDate()
        case .float: return lexFloat()
        case .bool: return lexBool()
        case .commentStart: ignore(); emit(.commentStart); return .comment
        case .comment: return lexComment()
        }
    }

    /// lexTop: `(ws | newline)* ('#' comment | '[' table | key | EOF)` — a
    /// top-level item; a table or key is followed by lexTopEnd, a comment by
    /// lexTop again.
    private mutating func lexTop() -> State? {
        let r = next()
        if isWhitespace(r) || isNL(r) { ignore(); return .top }
        switch r {
        case 0x23: push(.top); return .commentStart
        case 0x5B: return .tableStart
        case Self.eof:
            if pos > start { return errorf("unexpected EOF") }
            emit(.eof)
            return nil
        default: break
        }
        backup()
        push(.topEnd)
        return .keyStart
    }

    /// lexTopEnd: `ws* ('#' comment | newline | EOF)` after a top-level item;
    /// anything else is `expected a top-level item to end with a newline, …`.
    private mutating func lexTopEnd() -> State? {
        let r = next()
        if r == 0x23 { push(.top); return .commentStart }
        if isWhitespace(r) { return .topEnd }
        if isNL(r) { ignore(); return .top }
        if r == Self.eof { emit(.eof); return nil }
        return errorf("expected a top-level item to end with a newline, comment, or EOF, but got \(quoteRune(r)) instead")
    }

    /// lexTableStart (after `[`): `'['?` — `[[` starts an array-of-tables header;
    /// then the name (lexTableNameStart).
    private mutating func lexTableStart() -> State? {
        if peek() == 0x5B {
            _ = next()
            emit(.arrayTableStart)
            push(.arrayTableEnd)
        } else {
            emit(.tableStart)
            push(.tableEnd)
        }
        return .tableNameStart
    }

    /// lexArrayTableEnd: `']'`, the second `]` of `]]`.
    private mutating func lexArrayTableEnd() -> State? {
        let r = next()
        if r != 0x5D {
            return errorf("expected end of table array name delimiter ']', but got \(quoteRune(r)) instead")
        }
        emit(.arrayTableEnd)
        return .topEnd
    }

    /// lexTableNameStart: `ws* (quoted | bareName)` — one part of a table name;
    /// an empty part (`]`, `.`, EOF next) is an error.
    private mutating func lexTableNameStart() -> State? {
        skip(isWhitespace)
        let r = peek()
        switch r {
        case 0x5D, Self.eof: return errorf("unexpected end of table name (table names cannot be empty)")
        case 0x2E: return errorf("unexpected table separator (table names cannot be empty)")
        case 0x22, 0x27:
            ignore()
            push(.tableNameEnd)
            return .quotedName
        default:
            push(.tableNameEnd)
            return .bareName
        }
    }

    /// lexTableNameEnd: `ws* ('.' | ']')` — another part follows, or the name
    /// ends.
    private mutating func lexTableNameEnd() -> State? {
        skip(isWhitespace)
        let r = next()
        switch r {
        case 0x2E: ignore(); return .tableNameStart
        case 0x5D: return pop()
        default: return errorf("expected '.' or ']' to end table name, but got \(quoteRune(r)) instead")
        }
    }

    /// lexBareName: `[A-Za-z0-9_-]*` — emits it as `text` (possibly empty; the
    /// following state then reports the bad character).
    private mutating func lexBareName() -> State? {
        if Self.isBareKeyChar(next()) { return .bareName }
        backup()
        emit(.text)
        return pop()
    }

    /// lexQuotedName: `'"' string | "'" rawString` — a quoted part of a key or
    /// table name.
    private mutating func lexQuotedName() -> State? {
        let r = next()
        switch r {
        case 0x22: ignore(); return .string
        case 0x27: ignore(); return .rawString
        case _ where isWhitespace(r): ignore(); return .value
        case Self.eof: return errorf("unexpected EOF; expected value")
        default: return errorf("expected value but found \(quoteRune(r)) instead")
        }
    }

    /// lexKeyStart: `ws*` then a key, which must not start with `=`, `.` or EOF;
    /// emits `keyStart`.
    private mutating func lexKeyStart() -> State? {
        skip(isWhitespace)
        let r = peek()
        switch r {
        case 0x3D, Self.eof: return errorf("unexpected '=': key name appears blank")
        case 0x2E: return errorf("unexpected '.': keys cannot start with a '.'")
        case 0x22, 0x27: ignore()
        default: break
        }
        emit(.keyStart)
        return .keyNameStart
    }

    /// lexKeyNameStart: `ws* (quoted | bareName)` — one part of a key.
    private mutating func lexKeyNameStart() -> State? {
        skip(isWhitespace)
        let r = peek()
        switch r {
        case 0x22, 0x27:
            ignore()
            push(.keyEnd)
            return .quotedName
        case 0x3D, Self.eof: return errorf("unexpected '='")
        case 0x2E: return errorf("unexpected '.'")
        default:
            push(.keyEnd)
            return .bareName
        }
    }

    /// lexKeyEnd: `ws* ('.' | '=')` — `.` goes on to the next part
    /// (lexKeyNameStart); `=` emits `keyEnd` and goes on to the value.
    private mutating func lexKeyEnd() -> State? {
        skip(isWhitespace)
        let r = next()
        switch r {
        case _ where isWhitespace(r): ignore(); return .keyEnd
        case Self.eof: return errorf("unexpected EOF; expected key separator '='")
        case 0x2E: ignore(); return .keyNameStart
        case 0x3D:
            emit(.keyEnd)
            ignore()
            return .value
        default:
            let message = "expected '.' or '=', but got \(quoteRune(r)) instead"
            return r == 0x0A ? errorPrevLine(message) : errorf(message)
        }
    }

    /// lexValue: `ws* value`:
    ///
    ///     digit …                       number or datetime
    ///     '[' | '{'                     array, inline table
    ///     '"' | '"""' | "'" | "'''"     the four strings
    ///     'inf' | 'nan'                 float (also the odd `nnf`, `ian`: checked later)
    ///     [+-] …                        signed number, `+inf`, `-nan`
    ///     letter+                       `true` | `false`
    ///
    /// Newlines are not allowed before the value; `.` first is `floats must start
    /// with a digit`.
    private mutating func lexValue() -> State? {
        let r = next()
        if isWhitespace(r) { ignore(); return .value }
        if isDigit(r) { backup(); return .numberOrDateStart }
        switch r {
        case 0x5B: ignore(); emit(.array); return .arrayValue
        case 0x7B: ignore(); emit(.inlineTableStart); return .inlineTableValue
        case 0x22, 0x27:
            if accept(r) {
                if accept(r) { ignore(); return r == 0x22 ? .multilineString : .multilineRawString }
                backup()
            }
            ignore()
            return r == 0x22 ? .string : .rawString
        case 0x2E: return errorf("floats must start with a digit, not '.'")
        case 0x69, 0x6E:
            if (accept(0x6E) && accept(0x66)) || (accept(0x61) && accept(0x6E)) {
                emit(.float)
                return pop()
            }
        case 0x2D, 0x2B: return .decimalNumberStart
        default: break
        }
        if isLetter(r) { backup(); return .bool }
        if r == Self.eof { return errorf("unexpected EOF; expected value") }
        let message = "expected value but found \(quoteRune(r)) instead"
        return r == 0x0A ? errorPrevLine(message) : errorf(message)
    }

    /// lexArrayValue (after `[` or `,`): `(ws | newline | comment)* (']' | value)`;
    /// a `,` here is `unexpected comma`.
    private mutating func lexArrayValue() -> State? {
        let r = next()
        if isWhitespace(r) || isNL(r) { ignore(); return .arrayValue }
        switch r {
        case 0x23: push(.arrayValue); return .commentStart
        case 0x2C: return errorf("unexpected comma")
        case 0x5D: return .arrayEnd
        default: break
        }
        backup()
        push(.arrayValueEnd)
        return .value
    }

    /// lexArrayValueEnd: `(ws | newline | comment)* (',' | ']')`.
    private mutating func lexArrayValueEnd() -> State? {
        let r = next()
        if isWhitespace(r) || isNL(r) { ignore(); return .arrayValueEnd }
        switch r {
        case 0x23: push(.arrayValueEnd); return .commentStart
        case 0x2C: ignore(); return .arrayValue
        case 0x5D: return .arrayEnd
        default: return errorf("expected a comma (',') or array terminator (']'), but got \(runeOrEOF(r))")
        }
    }

    /// lexInlineTableValue (after `{` or `,`): `(ws | newline | comment)* ('}' |
    /// key '=' value)`; a `,` here is `unexpected comma`.
    private mutating func lexInlineTableValue() -> State? {
        let r = next()
        if isWhitespace(r) || isNL(r) { ignore(); return .inlineTableValue }
        switch r {
        case 0x23: push(.inlineTableValue); return .commentStart
        case 0x2C: return errorf("unexpected comma")
        case 0x7D: return .inlineTableEnd
        default: break
        }
        backup()
        push(.inlineTableValueEnd)
        return .keyStart
    }

    /// lexInlineTableValueEnd: `(ws | newline | comment)* (',' | '}')` — a
    /// trailing `,` before `}` is allowed (TOML 1.1).
    private mutating func lexInlineTableValueEnd() -> State? {
        let r = next()
        if isWhitespace(r) || isNL(r) { ignore(); return .inlineTableValueEnd }
        switch r {
        case 0x23: push(.inlineTableValueEnd); return .commentStart
        case 0x2C:
            ignore()
            skip(isWhitespace)
            return peek() == 0x7D ? .inlineTableValueEnd : .inlineTableValue
        case 0x7D: return .inlineTableEnd
        default:
            return errorf("expected a comma or an inline table terminator '}', but got \(runeOrEOF(r)) instead")
        }
    }

    /// lexString (after `"`): `(any - '"' - '\' - newline | '\' escape)* '"'` —
    /// emits `string`, or `stringEsc` when it had escapes.
    private mutating func lexString() -> State? {
        let r = next()
        if r == Self.eof { return errorf("unexpected EOF; expected '\"'") }
        if isNL(r) { return errorPrevLine("strings cannot contain newlines") }
        if r == 0x5C { push(.string); return .stringEscape }
        if r == 0x22 {
            backup()
            if esc {
                esc = false
                emit(.stringEsc)
            } else {
                emit(.string)
            }
            _ = next()
            ignore()
            return pop()
        }
        return .string
    }

    /// lexMultilineString (after `"""`): see ``lexMultiline(quote:raw:)``.
    private mutating func lexMultilineString() -> State? {
        lexMultiline(quote: 0x22, raw: false)
    }

    /// lexMultilineRawString (after `'''`): see ``lexMultiline(quote:raw:)``.
    private mutating func lexMultilineRawString() -> State? {
        lexMultiline(quote: 0x27, raw: true)
    }

    /// multiline: `(any - '\' | '\' (newline | escape))* q{3,5}` with `q` the
    /// quote (in `'''` a `\` is plain text) — up to two quotes may precede the
    /// closing three; six in a row is an error. Emits `multilineString` or
    /// `rawMultilineString`.
    ///
    /// Multi-line basic (`"""`) or literal (`'''`) string contents.
    private mutating func lexMultiline(quote q: UInt32, raw: Bool) -> State? {
        let here: State = raw ? .multilineRawString : .multilineString
        let r = next()
        if r == Self.eof { return errorf(raw ? "unexpected EOF; expected \"'''\"" : "unexpected EOF; expected '\"\"\"'") }
        if r == 0x5C && !raw { return .multilineStringEscape }
        guard r == q else { return here }
        if accept(q) {
            if accept(q) {
                if peek() == q {
                    let cur = current
                    let five = [UInt8](repeating: UInt8(q), count: 5)
                    if raw {
                        if cur.ends(with: five) { return errorf("unexpected \"''''''\"") }
                    } else if cur.ends(with: five) && !cur.ends(with: [0x5C] + five) {
                        return errorf("unexpected '\"\"\"\"\"\"'")
                    }
                    backup()
                    backup()
                    return here
                }
                backup()
                backup()
                backup()
                if raw {
                    emit(.rawMultilineString)
                } else {
                    esc = false
                    emit(.multilineString)
                }
                _ = next()
                _ = next()
                _ = next()
                ignore()
                return pop()
            }
            backup()
        }
        return here
    }

    /// lexRawString (after `'`): `(any - "'" - newline)* "'"`.
    private mutating func lexRawString() -> State? {
        let r = next()
        if r == Self.eof { return errorf("unexpected EOF; expected \"'\"") }
        if isNL(r) { return errorPrevLine("strings cannot contain newlines") }
        if r == 0x27 {
            backup()
            emit(.rawString)
            _ = next()
            ignore()
            return pop()
        }
        return .rawString
    }

    /// lexMultilineStringEscape (after `\`): `newline | escape` — an escaped
    /// newline (line-ending backslash) or an ordinary escape.
    private mutating func lexMultilineStringEscape() -> State? {
        if isNL(next()) { return .multilineString }
        backup()
        push(.multilineString)
        return lexStringEscape()
    }

    /// escape (after `\`): `[ebtnfr"\] | space | tab | 'x' hex{2} |
    /// 'u' hex{4} | 'U' hex{8}`; anything else is `invalid escape in string`.
    /// (Space and tab are for line-ending backslashes; the parser rejects them
    /// elsewhere.)
    private mutating func lexStringEscape() -> State? {
        esc = true
        let r = next()
        switch r {
        case 0x65, 0x62, 0x74, 0x6E, 0x66, 0x72, 0x22, 0x20, 0x09, 0x5C: return pop()
        case 0x78: return .hexEscape
        case 0x75: return .shortUnicodeEscape
        case 0x55: return .longUnicodeEscape
        default: return error("invalid escape in string '\\\(Self.char(r))'")
        }
    }

    /// hexEscape: exactly `count` hex digits (after `\x`, `\u` or `\U`).
    private mutating func lexFixedEscape(_ count: Int, _ word: String, _ letter: String) -> State? {
        for _ in 0..<count where !isHex(next()) {
            return errorf("expected \(word) hexadecimal digits after '\\\(letter)', but got \(quote(current)) instead")
        }
        return pop()
    }

    /// lexNumberOrDate: `digit*` then `-` or `:` (datetime), `_` (decimal
    /// number), `.`, `e`, `E` (float), or the end of an integer.
    private mutating func lexNumberOrDate() -> State? {
        let r = next()
        if isDigit(r) { return .numberOrDate }
        switch r {
        case 0x2D, 0x3A: return .datetime
        case 0x5F: return .decimalNumber
        case 0x2E, 0x65, 0x45: return .float
        default:
            backup()
            emit(.integer)
            return pop()
        }
    }

    /// lexDatetime: `[0-9\-:Tt .Zz+]*` — a first approximation, trimmed and
    /// checked by the parser.
    private mutating func lexDatetime() -> State? {
        let r = next()
        if isDigit(r) { return .datetime }
        switch r {
        case 0x2D, 0x3A, 0x54, 0x74, 0x20, 0x2E, 0x5A, 0x7A, 0x2B: return .datetime
        default:
            backup()
            emitTrim(.datetime)
            return pop()
        }
    }

    /// lexBasedInteger: `(digit of the base | '_')*` after `0x`, `0o` or `0b`.
    private mutating func lexBasedInteger(_ isDigitOfBase: (UInt32) -> Bool, _ here: State) -> State? {
        let r = next()
        if isDigitOfBase(r) || r == 0x5F { return here }
        backup()
        emit(.integer)
        return pop()
    }

    /// lexDecimalNumber: `[0-9_]*` then `.`, `e`, `E` (float) or the end of an
    /// integer.
    private mutating func lexDecimalNumber() -> State? {
        let r = next()
        if isDigit(r) || r == 0x5F { return .decimalNumber }
        if r == 0x2E || r == 0x65 || r == 0x45 { return .float }
        backup()
        emit(.integer)
        return pop()
    }

    /// lexDecimalNumberStart (after `+` or `-`): `'inf' | 'nan' | digit …` — a
    /// sign before `0b`, `0o`, `0x` or `.` is an error.
    private mutating func lexDecimalNumberStart() -> State? {
        let r = next()
        switch r {
        case 0x69:
            if !accept(0x6E) || !accept(0x66) { return errorf("invalid float: '\(text(current))'") }
            emit(.float)
            return pop()
        case 0x6E:
            if !accept(0x61) || !accept(0x6E) { return errorf("invalid float: '\(text(current))'") }
            emit(.float)
            return pop()
        case 0x30:
            let p = peek()
            if p == 0x62 || p == 0x6F || p == 0x78 {
                return errorf("cannot use sign with non-decimal numbers: '\(text(current))\(Self.char(p))'")
            }
        case 0x2E: return errorf("floats must start with a digit, not '.'")
        default: break
        }
        if isDigit(r) { return .decimalNumber }
        return errorf("expected a digit but got \(quoteRune(r))")
    }

    /// lexBaseNumberOrDate (after `0`): a digit (number or date), `_` (decimal),
    /// `.`, `e`, `E` (float), `b`/`o`/`x` and a digit of that base (based
    /// integer), or the end of the integer `0`. A bad digit after `b`/`o`/`x`
    /// queues an error but lexing goes on, as in Go.
    private mutating func lexBaseNumberOrDate() -> State? {
        let r = next()
        if isDigit(r) { return .numberOrDate }
        switch r {
        case 0x5F: return .decimalNumber
        case 0x2E, 0x65, 0x45: return .float
        case 0x62, 0x6F, 0x78:
            let p = peek()
            let (ok, name, state): (Bool, String, State) =
                r == 0x62 ? (isBinary(p), "binary", .binaryInteger)
                : r == 0x6F ? (isOctal(p), "octal", .octalInteger) : (isHex(p), "hexadecimal", .hexInteger)
            if !ok { _ = errorf("not \(r == 0x6F ? "an" : "a") \(name) number: '\(text(current))\(Self.char(p))'") }
            return state
        default:
            backup()
            emit(.integer)
            return pop()
        }
    }

    /// lexFloat: `[0-9_.+\-eE]*` — a first approximation checked by the parser.
    private mutating func lexFloat() -> State? {
        let r = next()
        if isDigit(r) { return .float }
        switch r {
        case 0x5F, 0x2E, 0x2D, 0x2B, 0x65, 0x45: return .float
        default:
            backup()
            emit(.float)
            return pop()
        }
    }

    /// lexBool: `letter*`, which must be `true` or `false` (`expected value but
    /// found "…" instead`).
    private mutating func lexBool() -> State? {
        var word = ""
        while true {
            let r = next()
            if !isLetter(r) {
                backup()
                break
            }
            word += Self.char(r)
        }
        if word == "true" || word == "false" {
            emit(.bool)
            return pop()
        }
        return errorf("expected value but found \(GoQuote.quote(word)) instead")
    }

    /// lexComment: `(any - newline)*` — emitted as `text`, the newline left.
    private mutating func lexComment() -> State? {
        let r = next()
        if isNL(r) || r == Self.eof {
            backup()
            emit(.text)
            return pop()
        }
        return .comment
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
