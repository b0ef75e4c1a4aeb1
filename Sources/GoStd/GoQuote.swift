/// Go's `strconv.Quote`, the text `%q` prints for a string.
public enum GoQuote {
    /// `strconv.Quote(s)`: a double-quoted Go string literal.
    /// With `asciiOnly` it is `strconv.QuoteToASCII(s)`: every non-ASCII
    /// rune is escaped too.
    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        // Text of printable ASCII other than the quote and backslash is
        // written as it is.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(s.utf8.count + 2)
        var scratch = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            // Printable ASCII other than the quote and backslash stands for itself.
            if v >= 0x20 && v < 0x7F && v != 0x22 && v != 0x5C {
                bytes.append(UInt8(v))
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            appendEscaped(scalar, quote: "\"", asciiOnly: asciiOnly, to: &scratch)
            bytes.append(contentsOf: scratch.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `strconv.Quote` of a Go string: a byte of an invalid UTF-8 sequence
    /// is written `\xff`.
    public static func quote(_ s: GoString, asciiOnly: Bool = false) -> String {
        if let text = s.validText { return quote(text, asciiOnly: asciiOnly) }
        return quote(bytes: s.bytes[...], asciiOnly: asciiOnly)
    }

    /// `strconv.Quote` of bytes that may not be valid UTF-8.
    public static func quote(bytes b: ArraySlice<UInt8>, asciiOnly: Bool = false) -> String {
        var out = "\""
        var rest = b
        while !rest.isEmpty {
            let (rune, width) = GoUTF8.decodeRune(rest)
            if rune == GoUTF8.runeError && width == 1 {
                out += "\\x" + hex(UInt32(rest[rest.startIndex]), width: 2)
            } else {
                appendEscaped(Unicode.Scalar(rune) ?? "\u{FFFD}", quote: "\"", asciiOnly: asciiOnly, to: &out)
            }
            rest = rest.dropFirst(width)
        }
        return out + "\""
    }

    /// `strconv.QuoteRune(r)`: a single-quoted Go rune literal; with
    /// `asciiOnly`, `strconv.QuoteRuneToASCII(r)`.
    public static func quoteRune(_ scalar: Unicode.Scalar, asciiOnly: Bool = false) -> String {
        var out = "'"
        appendEscaped(scalar, quote: "'", asciiOnly: asciiOnly, to: &out)
        return out + "'"
    }

    /// `strconv.CanBackquote(s)`: whether `s` can be written as a raw
    /// string literal (no control characters but tab, no backquote, no BOM).
    public static func canBackquote(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0xFEFF { return false }
            if (v < 0x20 && v != 0x09) || v == 0x60 || v == 0x7F { return false }
        }
        return true
    }

    static func appendEscaped(_ scalar: Unicode.Scalar, quote: Character, asciiOnly: Bool = false, to out: inout String) {
        let v = scalar.value
        if Character(scalar) == quote || scalar == "\\" {
            out += "\\"
            out.unicodeScalars.append(scalar)
            return
        }
        if asciiOnly ? (v < 0x80 && isPrint(scalar)) : isPrint(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch v {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        default:
            if v < 0x20 || v == 0x7F {
                out += "\\x" + hex(v, width: 2)
            } else if v < 0x10000 {
                out += "\\u" + hex(v, width: 4)
            } else {
                out += "\\U" + hex(v, width: 8)
            }
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    public static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    public static func hex(_ v: UInt32, width: Int) -> String {
        var s = String(v, radix: 16)
        while s.count < width { s = "0" + s }
        return s
    }
}
