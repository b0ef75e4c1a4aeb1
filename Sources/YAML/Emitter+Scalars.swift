/// The five scalar writers of libyaml's emitter, with its folding at the
/// best width and its double-quoted escapes.
extension EmitterCore {
    mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
        // v3 writes nothing at all for an empty plain scalar.
        if (!isV3 || !value.isEmpty) && !whitespace { put(UInt8(ascii: " ")) }
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            if isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && !isSpace(value, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else if isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                writeWord(value, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        if !isV3 || !value.isEmpty { whitespace = false }
        indention = false
    }

    mutating func writeSingleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        var i = 0
        while i < value.count {
            if isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1
                    && !isSpace(value, i + 1) {
                    writeIndent()
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else if isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if value[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(value, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        var spaces = false
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        let bom = startsWithBOM(value)
        var i = 0
        while i < value.count {
            let c = value[i]
            if !isPrintable(value, i) || (!unicode && c > 0x7F) || bom || isBreak(value, i)
                || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                let (scalar, width) = decodeUTF8(value, i)
                i += width
                writeEscape(scalar)
                spaces = false
            } else if isSpace(value, i) {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.count - 1 {
                    writeIndent()
                    if isSpace(value, i + 1) { put(UInt8(ascii: "\\")) }
                    i += 1
                } else {
                    write(value, &i)
                }
                spaces = true
            } else {
                write(value, &i)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// Writes `\` and the escape for one character, the way go-yaml does:
    /// named escapes first, then `\xXX`, `\uXXXX` or `\UXXXXXXXX` in upper-case hex.
    mutating func writeEscape(_ v: UInt32) {
        put(UInt8(ascii: "\\"))
        let named: Character?
        switch v {
        case 0x00: named = "0"
        case 0x07: named = "a"
        case 0x08: named = "b"
        case 0x09: named = "t"
        case 0x0A: named = "n"
        case 0x0B: named = "v"
        case 0x0C: named = "f"
        case 0x0D: named = "r"
        case 0x1B: named = "e"
        case 0x22: named = "\""
        case 0x5C: named = "\\"
        case 0x85: named = "N"
        case 0xA0: named = "_"
        case 0x2028: named = "L"
        case 0x2029: named = "P"
        default: named = nil
        }
        if let named, let ascii = named.asciiValue {
            put(ascii)
            return
        }
        let digits: Int
        if v <= 0xFF {
            put(UInt8(ascii: "x"))
            digits = 2
        } else if v <= 0xFFFF {
            put(UInt8(ascii: "u"))
            digits = 4
        } else {
            put(UInt8(ascii: "U"))
            digits = 8
        }
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let digit = UInt8((v >> UInt32(shift)) & 0x0F)
            put(digit < 10 ? digit + UInt8(ascii: "0") : digit - 10 + UInt8(ascii: "A"))
            shift -= 4
        }
    }

    /// The block scalar header after `|`/`>`: an indentation indicator when
    /// the text starts with a space or a break, then the chomping indicator.
    mutating func writeBlockScalarHints(_ value: [UInt8]) {
        if isSpace(value, 0) || isBreak(value, 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String?
        if value.isEmpty {
            chomp = "-"
        } else {
            var i = value.count - 1
            while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
            if !isBreak(value, i) {
                chomp = "-"
            } else if i == 0 {
                chomp = "+"
            } else {
                i -= 1
                while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
                if isBreak(value, i) { chomp = "+" }
            }
        }
        if let chomp {
            writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }

    mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < value.count {
            if isBreak(value, i) {
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &i)
                indention = false
                breaks = false
            }
        }
    }

    mutating func writeFolded(_ value: [UInt8]) {
        writeIndicator(">", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var leadingSpaces = true
        var i = 0
        while i < value.count {
            if isBreak(value, i) {
                if !breaks && !leadingSpaces && value[i] == UInt8(ascii: "\n") {
                    // libyaml scans from the start of the text here, not from i.
                    var k = 0
                    while isBreak(value, k) { k += max(utf8Width(value[k]), 1) }
                    if !isBlankOrBreakOrNul(value, k) { putBreak() }
                }
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks {
                    writeIndent()
                    leadingSpaces = isBlank(value, i)
                }
                if !breaks && isSpace(value, i) && !isSpace(value, i + 1) && column > bestWidth {
                    writeIndent()
                    i += 1
                } else {
                    write(value, &i)
                }
                indention = false
                breaks = false
            }
        }
    }
}

/// Decodes the UTF-8 sequence at `i`: the scalar value and its byte width.
func decodeUTF8(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
    let c = b[i]
    var w = 1
    var v = UInt32(c)
    if c & 0x80 == 0 {
        return (v, 1)
    } else if c & 0xE0 == 0xC0 {
        w = 2; v = UInt32(c & 0x1F)
    } else if c & 0xF0 == 0xE0 {
        w = 3; v = UInt32(c & 0x0F)
    } else if c & 0xF8 == 0xF0 {
        w = 4; v = UInt32(c & 0x07)
    } else {
        return (UInt32(c), 1)
    }
    var k = 1
    while k < w && i + k < b.count {
        v = (v << 6) + UInt32(b[i + k] & 0x3F)
        k += 1
    }
    return (v, min(w, b.count - i))
}
