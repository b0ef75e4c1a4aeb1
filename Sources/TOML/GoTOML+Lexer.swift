import GoStd
import Values

/// The TOML lexer of BurntSushi/toml v1.6: a state machine over the bytes
/// of the document that hands the parser one item at a time.
///
/// It keeps the library's quirks that show in error messages: which line an
/// error is reported on (errors at a newline or at the end of the input are
/// moved to the previous line), what text follows "but got", and that only
/// the first error counts (the parser stops there).
struct TOMLLexer {
    enum ItemType: Equatable {
        case error, eof, text, string, stringEsc, rawString, multilineString, rawMultilineString
        case bool, integer, float, datetime
        case array, arrayEnd, tableStart, tableEnd, arrayTableStart, arrayTableEnd
        case keyStart, keyEnd, commentStart, inlineTableStart, inlineTableEnd
    }

    struct Item {
        var type: ItemType
        /// The item's bytes (an error item's message).
        var val: [UInt8]
        /// The line the item is reported on.
        var line: Int
        /// An error the library would raise as a Go panic, not a ParseError.
        var isBug = false
    }

    enum State {
        case top, topEnd, tableStart, tableEnd, arrayTableEnd, tableNameStart, tableNameEnd
        case bareName, quotedName, keyStart, keyNameStart, keyEnd
        case value, arrayValue, arrayValueEnd, arrayEnd
        case inlineTableValue, inlineTableValueEnd, inlineTableEnd
        case string, multilineString, rawString, multilineRawString, multilineStringEscape, stringEscape
        case hexEscape, shortUnicodeEscape, longUnicodeEscape
        case numberOrDateStart, numberOrDate, datetime, hexInteger, octalInteger, binaryInteger
        case decimalNumber, decimalNumberStart, baseNumberOrDate, float, bool, commentStart, comment
    }

    static let eof: UInt32 = 0

    let input: [UInt8]
    var start = 0
    var pos = 0
    var line = 1
    var state: State? = .top
    var items: [Item] = []
    var head = 0
    var esc = false
    /// Widths of the last four runes read, most recent first (for `backup`).
    var prevWidths = [0, 0, 0, 0]
    var nprev = 0
    var atEOF = false
    var stack: [State] = []
    /// Set once an error item is queued: nothing after it is ever read.
    var failed = false

    init(_ input: [UInt8]) {
        self.input = input
    }

    /// The next item, running the state machine until one is queued.
    mutating func nextItem() -> Item {
        while true {
            if head < items.count {
                head += 1
                return items[head - 1]
            }
            guard let current = state else {
                return Item(type: .error, val: Array("BUG in lexer: no more items".utf8), line: line, isBug: true)
            }
            state = step(current)
        }
    }

    // MARK: - Machinery

    mutating func push(_ s: State) { stack.append(s) }

    mutating func pop() -> State? {
        guard let last = stack.popLast() else { return bug("BUG in lexer: no states to pop") }
        return last
    }

    var current: [UInt8] {
        guard start <= pos, start >= 0, pos <= input.count else { return [] }
        return Array(input[start..<pos])
    }

    mutating func emit(_ type: ItemType) {
        if failed { return }
        if start > pos {
            _ = error("invalid UTF-8 byte: 0x" + GoQuote.hex(UInt32(byte(at: pos)), width: 2))
            return
        }
        items.append(Item(type: type, val: current, line: line))
        start = pos
    }

    mutating func emitTrim(_ type: ItemType) {
        if failed { return }
        var v = current[...]
        while let f = v.first, isSpaceByte(f) { v.removeFirst() }
        while let l = v.last, isSpaceByte(l) { v.removeLast() }
        items.append(Item(type: type, val: Array(v), line: line))
        start = pos
    }

    func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    func byte(at i: Int) -> UInt8 { i >= 0 && i < input.count ? input[i] : 0 }

    mutating func next() -> UInt32 {
        if failed { return Self.eof }
        if atEOF {
            _ = bug("BUG in lexer: next called after EOF")
            return Self.eof
        }
        if pos >= input.count {
            atEOF = true
            return Self.eof
        }
        if input[pos] == 0x0A { line += 1 }
        prevWidths[3] = prevWidths[2]
        prevWidths[2] = prevWidths[1]
        prevWidths[1] = prevWidths[0]
        if nprev < 4 { nprev += 1 }

        let (r, w) = GoUTF8.decodeRune(input[pos...])
        if r == GoUTF8.runeError && w == 1 {
            _ = error("invalid UTF-8 byte: 0x" + GoQuote.hex(UInt32(input[pos]), width: 2))
            return GoUTF8.runeError
        }
        if isControl(r) || (r == 0x0D && (input.count - 1 == pos || input[pos + 1] != 0x0A)) {
            _ = errorPos("TOML files cannot contain control characters: '0x" + GoQuote.hex(r, width: 2) + "'")
            return GoUTF8.runeError
        }
        prevWidths[0] = w
        pos += w
        return r
    }

    mutating func ignore() { start = pos }

    mutating func backup() {
        if failed { return }
        if atEOF {
            atEOF = false
            return
        }
        if nprev < 1 {
            _ = bug("BUG in lexer: backed up too far")
            return
        }
        let w = prevWidths[0]
        prevWidths[0] = prevWidths[1]
        prevWidths[1] = prevWidths[2]
        prevWidths[2] = prevWidths[3]
        nprev -= 1
        pos -= w
        if pos < input.count && byte(at: pos) == 0x0A { line -= 1 }
    }

    mutating func accept(_ valid: UInt32) -> Bool {
        if next() == valid { return true }
        backup()
        return false
    }

    mutating func peek() -> UInt32 {
        let r = next()
        backup()
        return r
    }

    mutating func skip(_ pred: (UInt32) -> Bool) {
        while true {
            let r = next()
            if pred(r) { continue }
            backup()
            ignore()
            return
        }
    }

    mutating func queueError(_ message: String, line: Int, isBug: Bool = false) -> State? {
        if !failed {
            items.append(Item(type: .error, val: Array(message.utf8), line: line, isBug: isBug))
            failed = true
        }
        return nil
    }

    mutating func bug(_ message: String) -> State? {
        queueError(message, line: line, isBug: true)
    }

    /// `lx.error`: at the end of the input the error moves to the previous line.
    mutating func error(_ message: String) -> State? {
        if atEOF { return errorPrevLine(message) }
        return queueError(message, line: line)
    }

    mutating func errorPrevLine(_ message: String) -> State? {
        queueError(message, line: line - 1)
    }

    mutating func errorPos(_ message: String) -> State? {
        queueError(message, line: line)
    }

    /// `lx.errorf`: at the end of the input after a newline, the previous line.
    mutating func errorf(_ message: String) -> State? {
        if atEOF {
            return queueError(message, line: pos >= 1 && byte(at: pos - 1) == 0x0A ? line - 1 : line)
        }
        return queueError(message, line: line)
    }

    // MARK: - Character classes and message helpers

    func isWhitespace(_ r: UInt32) -> Bool { r == 0x09 || r == 0x20 }
    func isNL(_ r: UInt32) -> Bool { r == 0x0A || r == 0x0D }
    func isControl(_ r: UInt32) -> Bool {
        if r == 0x09 || r == 0x0A || r == 0x0D { return false }
        return r <= 0x1F || r == 0x7F
    }
    static func isDigit(_ r: UInt32) -> Bool { r >= 0x30 && r <= 0x39 }
    func isDigit(_ r: UInt32) -> Bool { Self.isDigit(r) }
    func isBinary(_ r: UInt32) -> Bool { r == 0x30 || r == 0x31 }
    func isOctal(_ r: UInt32) -> Bool { r >= 0x30 && r <= 0x37 }
    static func isHex(_ r: UInt32) -> Bool { isDigit(r) || (r | 0x20 >= 0x61 && r | 0x20 <= 0x66) }
    func isHex(_ r: UInt32) -> Bool { Self.isHex(r) }
    static func isBareKeyChar(_ r: UInt32) -> Bool {
        (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A) || isDigit(r) || r == 0x5F || r == 0x2D
    }
    /// Go's `unicode.IsLetter`.
    func isLetter(_ r: UInt32) -> Bool {
        guard let s = Unicode.Scalar(r) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// The rune as text (`%c`).
    static func char(_ r: UInt32) -> String {
        String(Unicode.Scalar(r).map(Character.init) ?? "\u{FFFD}")
    }
    /// `%q` of a rune.
    func quoteRune(_ r: UInt32) -> String {
        GoQuote.quoteRune(Unicode.Scalar(r) ?? "\u{FFFD}")
    }
    /// `%q` of a string.
    public func quote(_ bytes: [UInt8]) -> String { GoQuote.quote(String(decoding: bytes, as: UTF8.self)) }
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
    func runeOrEOF(_ r: UInt32) -> String { r == Self.eof ? "end of file" : "'" + Self.char(r) + "'" }

}

