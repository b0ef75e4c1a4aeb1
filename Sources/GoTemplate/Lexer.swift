import GoStd
import Values

/// The kinds of token the template lexer produces (Go's `itemType`).
enum ItemType: Int, Sendable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof
    case field, identifier, leftDelim, leftParen, number, pipe, rawString
    case rightDelim, rightParen, space, string, text, variable
    case keyword // marks the start of keywords
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end
    case ifKeyword, nilKeyword, range, template, with

    var isKeyword: Bool { rawValue > ItemType.keyword.rawValue }
}

/// One token: its kind, byte offset, text and starting line; `end` is the
/// byte offset after it (its text's bytes are `input[pos..<end]`).
struct Item: Sendable {
    var type: ItemType
    var pos: Int
    /// The item's text; empty for `.text` items, whose bytes are the
    /// input's `pos..<end` (``Lexer/text(of:)``).
    var val: String
    var line: Int
    var end: Int = 0

    /// Go's `item.String()`, used in parse error messages.
    var description: String {
        switch type {
        case .eof: return "EOF"
        case .error: return val
        default:
            if type.isKeyword { return "<\(val)>" }
            let scalars = val.unicodeScalars
            if scalars.count > 10 {
                var head = String.UnicodeScalarView()
                head.append(contentsOf: scalars.prefix(10))
                return GoQuote.quote(String(head)) + "..."
            }
            return GoQuote.quote(val)
        }
    }
}

private let keywords: [String: ItemType] = [
    ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword,
    "define": .define, "else": .elseKeyword, "end": .end, "if": .ifKeyword,
    "range": .range, "nil": .nilKeyword, "template": .template, "with": .with,
]

private let leftComment: [UInt8] = Array("/*".utf8)
private let rightComment: [UInt8] = Array("*/".utf8)

/// Go's text/template lexer: a state machine producing one item per call.
struct Lexer {
    private enum State { case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable, char, number, quote, rawQuote }

    let input: [UInt8]
    private var limit: Int
    let leftDelim: [UInt8] = Array("{{".utf8)
    let rightDelim: [UInt8] = Array("}}".utf8)
    private var pos = 0
    private var start = 0
    private var atEOF = false
    private var parenDepth = 0
    private var line = 1
    private var startLine = 1
    private var item = Item(type: .eof, pos: 0, val: "", line: 1)
    private var insideAction = false
    var emitComment = false
    var breakOK = true
    var continueOK = true

    init(_ input: [UInt8]) {
        self.input = input
        limit = input.count
    }

    static let eofRune: UInt32 = 0xFFFF_FFFF

    // MARK: characters

    private func decode(at i: Int) -> (UInt32, Int) {
        let b0 = input[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        var need = 0
        var v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { need = 1; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { need = 2; v = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { need = 3; v = UInt32(b0 & 0x07) }
        else { return (0xFFFD, 1) }
        for k in 1...need {
            guard i + k < limit, input[i + k] & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            v = v << 6 | UInt32(input[i + k] & 0x3F)
        }
        return (v, need + 1)
    }

    private func decodeLast(before i: Int) -> (UInt32, Int) {
        var j = i - 1
        while j > 0 && i - j < 4 && input[j] & 0xC0 == 0x80 { j -= 1 }
        let (r, w) = decode(at: j)
        if j + w == i { return (r, w) }
        return (0xFFFD, 1)
    }

    private mutating func next() -> UInt32 {
        if pos >= limit { atEOF = true; return Lexer.eofRune }
        let (r, w) = decode(at: pos)
        pos += w
        if r == 0x0A { line += 1 }
        return r
    }

    private mutating func peek() -> UInt32 {
        let r = next()
        backup()
        return r
    }

    private mutating func backup() {
        if !atEOF && pos > 0 {
            let (r, w) = decodeLast(before: pos)
            pos -= w
            if r == 0x0A { line -= 1 }
        }
    }

    private func text(_ a: Int, _ b: Int) -> String { String(decoding: input[a..<b], as: UTF8.self) }

    /// The text of `item` (a `.text` item's is read from the input).
    func text(of item: Item) -> String {
        item.type == .text ? text(item.pos, item.end) : item.val
    }

    private mutating func thisItem(_ t: ItemType) -> Item {
        // Text is most of a template's bytes: its item carries no decoded
        // `val` (the parser reads `input[pos..<end]`; see `Item.val`).
        let i = Item(type: t, pos: start, val: t == .text ? "" : text(start, pos), line: startLine, end: pos)
        start = pos
        startLine = line
        return i
    }

    private mutating func emit(_ t: ItemType) -> State? {
        item = thisItem(t)
        return nil
    }

    private func countNewlines(_ a: Int, _ b: Int) -> Int {
        guard a < b else { return 0 }
        return input.withUnsafeBufferPointer { bytes in
            var n = 0
            for i in a..<b where bytes[i] == 0x0A { n += 1 }
            return n
        }
    }

    private mutating func ignore() {
        line += countNewlines(start, pos)
        start = pos
        startLine = line
    }

    private mutating func accept(_ valid: String) -> Bool {
        let r = next()
        if r < 0x80, valid.utf8.contains(UInt8(r)) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while true {
            let r = next()
            guard r < 0x80, valid.utf8.contains(UInt8(r)) else { break }
        }
        backup()
    }

    private mutating func errorf(_ message: String) -> State? {
        item = Item(type: .error, pos: start, val: message, line: startLine)
        start = 0
        pos = 0
        limit = 0
        return nil
    }

    private func hasPrefix(_ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= limit else { return false }
        for k in 0..<p.count where input[i + k] != p[k] { return false }
        return true
    }

    private func index(of p: [UInt8], from i: Int) -> Int? {
        guard i >= 0, i <= limit else { return nil }
        return GoStrings.index(input[i..<limit], p).map { $0 - i }
    }

    static func isSpace(_ r: UInt32) -> Bool { r == 0x20 || r == 0x09 || r == 0x0D || r == 0x0A }

    static func isAlphaNumeric(_ r: UInt32) -> Bool {
        if r == 0x5F { return true }
        if r < 0x80 {
            return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A)
        }
        guard r != Lexer.eofRune, let s = Unicode.Scalar(r) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default: return false
        }
    }

    private func hasLeftTrimMarker(at i: Int) -> Bool {
        i + 2 <= limit && input[i] == 0x2D && Lexer.isSpace(UInt32(input[i + 1]))
    }

    private func hasRightTrimMarker(at i: Int) -> Bool {
        i >= 0 && i + 2 <= limit && Lexer.isSpace(UInt32(input[i])) && input[i + 1] == 0x2D
    }

    private func rightTrimLength(_ a: Int, _ b: Int) -> Int {
        var j = b
        while j > a && Lexer.isSpace(UInt32(input[j - 1])) { j -= 1 }
        return b - j
    }

    private func leftTrimLength(from a: Int) -> Int {
        var j = a
        while j < limit && Lexer.isSpace(UInt32(input[j])) { j += 1 }
        return j - a
    }

    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    // MARK: driving

    /// The next item of the input.
    mutating func nextItem() -> Item {
        item = Item(type: .eof, pos: pos, val: "EOF", line: startLine)
        var state: State? = insideAction ? .insideAction : .text
        while let s = state { state = step(s) }
        return item
    }

    private mutating func step(_ s: State) -> State? {
        switch s {
        case .text: return lexText()
        case .leftDelim: return lexLeftDelim()
        case .comment: return lexComment()
        case .rightDelim: return lexRightDelim()
        case .insideAction: return lexInsideAction()
        case .space: return lexSpace()
        case .identifier: return lexIdentifier()
        case .field: return lexFieldOrVariable(.field)
        case .variable: return atTerminator() ? emit(.variable) : lexFieldOrVariable(.variable)
        case .char: return lexQuoted(quote: 0x27, message: "unterminated character constant", type: .charConstant)
        case .number: return lexNumber()
        case .quote: return lexQuoted(quote: 0x22, message: "unterminated quoted string", type: .string)
        case .rawQuote: return lexRawQuote()
        }
    }

    /// lexText: `(any - '{{')*` up to `{{` or EOF. Emits the text, less its
    /// trailing white space when `{{- ` follows, and goes on to lexLeftDelim;
    /// emits `eof` at the end.
    private mutating func lexText() -> State? {
        if let x = index(of: leftDelim, from: pos) {
            if x > 0 {
                pos += x
                var trimLength = 0
                let delimEnd = pos + leftDelim.count
                if hasLeftTrimMarker(at: delimEnd) { trimLength = rightTrimLength(start, pos) }
                pos -= trimLength
                line += countNewlines(start, pos)
                let i = thisItem(.text)
                pos += trimLength
                ignore()
                if i.end > i.pos { item = i; return nil }
            }
            return .leftDelim
        }
        pos = limit
        if pos > start {
            line += countNewlines(start, pos)
            return emit(.text)
        }
        return emit(.eof)
    }

    /// lexLeftDelim: `'{{' ('-' space)?` — emits `leftDelim` and enters the
    /// action; `{{/*` or `{{- /*` goes to lexComment instead.
    private mutating func lexLeftDelim() -> State? {
        pos += leftDelim.count
        let trimSpace = hasLeftTrimMarker(at: pos)
        let afterMarker = trimSpace ? 2 : 0
        if hasPrefix(leftComment, at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return .comment
        }
        let i = thisItem(.leftDelim)
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        item = i
        return nil
    }

    /// lexComment: `'/*' (any - '*/')* '*/' (space '-')? '}}'` — the comment
    /// must end right at the delimiter; ` -}}` also skips the white space after
    /// it. Emitted only with `emitComment`.
    private mutating func lexComment() -> State? {
        pos += 2
        guard let x = index(of: rightComment, from: pos) else { return errorf("unclosed comment") }
        pos += x + 2
        let (delim, trimSpace) = atRightDelim()
        if !delim { return errorf("comment ends before closing delimiter") }
        line += countNewlines(start, pos)
        let i = thisItem(.comment)
        if trimSpace { pos += 2 }
        pos += rightDelim.count
        if trimSpace { pos += leftTrimLength(from: pos) }
        ignore()
        if emitComment { item = i; return nil }
        return .text
    }

    /// lexRightDelim: `(space '-')? '}}'` — the trim marker also skips the white
    /// space after the delimiter; leaves the action.
    private mutating func lexRightDelim() -> State? {
        let (_, trimSpace) = atRightDelim()
        if trimSpace {
            pos += 2
            ignore()
        }
        pos += rightDelim.count
        let i = thisItem(.rightDelim)
        if trimSpace {
            pos += leftTrimLength(from: pos)
            ignore()
        }
        insideAction = false
        item = i
        return nil
    }

    /// lexInsideAction: one item inside an action — `}}` (at paren depth 0),
    /// space, `=`, `:=`, `|`, `"…"`, `` `…` ``, `$var`, `'c'`, `.field` or `.`,
    /// a number (`+ - . 0-9` start), an identifier or keyword, `(`, `)`, or any
    /// other printable ASCII character as `char`. EOF is `unclosed action`.
    private mutating func lexInsideAction() -> State? {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return .rightDelim }
            return errorf("unclosed left paren")
        }
        let r = next()
        switch r {
        case Lexer.eofRune: return errorf("unclosed action")
        case _ where Lexer.isSpace(r):
            backup()
            return .space
        case 0x3D: return emit(.assign)
        case 0x3A:
            if next() != 0x3D { return errorf("expected :=") }
            return emit(.declare)
        case 0x7C: return emit(.pipe)
        case 0x22: return .quote
        case 0x60: return .rawQuote
        case 0x24: return .variable
        case 0x27: return .char
        case 0x2E:
            if pos < limit {
                let c = input[pos]
                if c < 0x30 || c > 0x39 { return .field }
            }
            backup()
            return .number
        case 0x2B, 0x2D, 0x30...0x39:
            backup()
            return .number
        case _ where Lexer.isAlphaNumeric(r):
            backup()
            return .identifier
        case 0x28:
            parenDepth += 1
            return emit(.leftParen)
        case 0x29:
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right paren") }
            return emit(.rightParen)
        case 0x20...0x7E:
            return emit(.char)
        default:
            return errorf("unrecognized character in action: \(Lexer.formatU(r))")
        }
    }

    /// Go's `%#U`: `U+0001` or `U+00E9 'é'`.
    static func formatU(_ r: UInt32) -> String {
        var hex = String(r, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if let s = Unicode.Scalar(r), GoQuote.isPrint(s) { return "U+\(hex) '\(Character(s))'" }
        return "U+\(hex)"
    }

    /// lexSpace: `space+` — stops before a ` -}}` trim marker; when its single
    /// space is the marker's, goes straight to lexRightDelim.
    private mutating func lexSpace() -> State? {
        // Spaces are ASCII bytes, each its own rune: read them in place
        // (what peek-then-next does, rune by rune).
        var numSpaces = 0
        while pos < limit, Lexer.isSpace(UInt32(input[pos])) {
            if input[pos] == 0x0A { line += 1 }
            pos += 1
            numSpaces += 1
        }
        if pos >= limit { atEOF = true }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos - 1 + 2) {
            backup()
            if numSpaces == 1 { return .rightDelim }
        }
        return emit(.space)
    }

    /// lexIdentifier: `(letter | '_') alphanumeric*` then a terminator — a
    /// keyword, `true` or `false` (bool), or an identifier. `break` and
    /// `continue` are identifiers when a function of that name exists.
    private mutating func lexIdentifier() -> State? {
        skipASCIIAlphaNumerics()
        while true {
            let r = next()
            if Lexer.isAlphaNumeric(r) { continue }
            backup()
            let word = text(start, pos)
            if !atTerminator() { return errorf("bad character \(Lexer.formatU(r))") }
            if let k = keywords[word], k.isKeyword {
                if (k == .breakKeyword && !breakOK) || (k == .continueKeyword && !continueOK) { return emit(.identifier) }
                return emit(k)
            }
            if word.utf8.first == 0x2E { return emit(.field) }
            if word == "true" || word == "false" { return emit(.bool) }
            return emit(.identifier)
        }
    }

    /// lexFieldOrVariable: `('.' | '$') alphanumeric*` then a terminator (the
    /// `.` or `$` is already read). A bare `.` is `dot`; a bare `$` the variable `$`.
    private mutating func lexFieldOrVariable(_ type: ItemType) -> State? {
        if atTerminator() { return emit(type == .variable ? .variable : .dot) }
        var r: UInt32
        skipASCIIAlphaNumerics()
        repeat { r = next() } while Lexer.isAlphaNumeric(r)
        backup()
        if !atTerminator() { return errorf("bad character \(Lexer.formatU(r))") }
        return emit(type)
    }

    /// Reads ASCII letters, digits and `_` in place: the runes an
    /// identifier's `next()` loop takes first, none of them a newline.
    private mutating func skipASCIIAlphaNumerics() {
        while pos < limit {
            let c = input[pos]
            guard c == 0x5F || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) else { return }
            pos += 1
        }
    }

    /// terminator: `space | EOF | '.' | ',' | '|' | ':' | '(' | ')' | '}}'` (peeked,
    /// not consumed).
    private mutating func atTerminator() -> Bool {
        let r = peek()
        if Lexer.isSpace(r) { return true }
        switch r {
        case Lexer.eofRune, 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true
        default: return hasPrefix(rightDelim, at: pos)
        }
    }

    /// lexQuoted: `quote (any - quote - '\' - newline | '\' (any - newline))*
    /// quote` for `"…"` and `'…'` (the opening quote already read); escapes are
    /// checked later by ``Literals``.
    private mutating func lexQuoted(quote: UInt32, message: String, type: ItemType) -> State? {
        while true {
            var r = next()
            if r == 0x5C {
                r = next()
                if r != Lexer.eofRune && r != 0x0A { continue }
                return errorf(message)
            }
            if r == Lexer.eofRune || r == 0x0A { return errorf(message) }
            if r == quote { break }
        }
        return emit(type)
    }

    /// lexRawQuote: `` '`' (any - '`')* '`' `` — may span lines.
    private mutating func lexRawQuote() -> State? {
        while true {
            let r = next()
            if r == Lexer.eofRune { return errorf("unterminated raw quoted string") }
            if r == 0x60 { break }
        }
        return emit(.rawString)
    }

    /// lexNumber: `number ([+-] number)?` — with the second part the item is a
    /// complex constant, which must end in `i`.
    private mutating func lexNumber() -> State? {
        if !scanNumber() { return errorf("bad number syntax: \(GoQuote.quote(text(start, pos)))") }
        let sign = peek()
        if sign == 0x2B || sign == 0x2D {
            if !scanNumber() || input[pos - 1] != 0x69 {
                return errorf("bad number syntax: \(GoQuote.quote(text(start, pos)))")
            }
            return emit(.complex)
        }
        return emit(.number)
    }

    /// number: `[+-]? ('0' [xXoObB])? digit* ('.' digit*)? exponent? 'i'?`, not
    /// followed by an alphanumeric. Digits are those of the base plus `_`;
    /// the exponent is `[eE] [+-]? [0-9_]*` in decimal and `[pP] [+-]? [0-9_]*`
    /// in hex (none in octal or binary). Values are checked by ``NumberParser``.
    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.utf8.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Lexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }
}
