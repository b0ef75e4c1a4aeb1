import GoStd

/// The raw formatter under the verbs: padding, integers, floats, strings
/// (Go's `fmt` type in format.go).
extension GoPrinter {
    static let lowerDigits = Array("0123456789abcdefx".utf8)
    static let upperDigits = Array("0123456789ABCDEFX".utf8)

    /// Number of runes in UTF-8 bytes.
    static func runeCount(_ b: some Collection<UInt8>) -> Int { GoUTF8.runeCount(b) }

    /// `n` bytes of padding: zeros with the `0` flag (left padding only),
    /// otherwise spaces.
    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        let byte = flags.zero && !flags.minus ? UInt8(ascii: "0") : UInt8(ascii: " ")
        buf += [UInt8](repeating: byte, count: n)
    }

    /// Appends `b` padded to the width, on the left unless `-`.
    mutating func pad(_ b: [UInt8]) {
        guard flags.widPresent && wid != 0 else {
            buf += b
            return
        }
        let width = wid - Self.runeCount(b)
        if !flags.minus {
            writePadding(width)
            buf += b
        } else {
            buf += b
            writePadding(width)
        }
    }

    mutating func padString(_ b: [UInt8]) { pad(b) }

    /// Formats an integer in `base` (2, 8, 10, 16) with sign, precision,
    /// zero padding and `#` prefixes.
    mutating func fmtInteger(_ value: UInt64, base: UInt64, signed: Bool, verb: Unicode.Scalar, upper: Bool) {
        let digits = upper ? Self.upperDigits : Self.lowerDigits
        var u = value
        let negative = signed && Int64(bitPattern: u) < 0
        if negative { u = 0 &- u }
        var prec = 0
        if flags.precPresent {
            prec = self.prec
            if prec == 0 && u == 0 {
                let oldZero = flags.zero
                flags.zero = false
                writePadding(wid)
                flags.zero = oldZero
                return
            }
        } else if flags.zero && !flags.minus && flags.widPresent {
            prec = wid
            if negative || flags.plus || flags.space { prec -= 1 }
        }
        // Built right to left.
        var out: [UInt8] = []
        repeat {
            out.append(digits[Int(u % base)])
            u /= base
        } while u > 0
        while out.count < prec { out.append(UInt8(ascii: "0")) }
        if flags.sharp {
            switch base {
            case 2: out += [UInt8(ascii: "b"), UInt8(ascii: "0")]
            case 8: if out.last != UInt8(ascii: "0") { out.append(UInt8(ascii: "0")) }
            case 16: out += [digits[16], UInt8(ascii: "0")]
            default: break
            }
        }
        if verb == "O" { out += [UInt8(ascii: "o"), UInt8(ascii: "0")] }
        if negative {
            out.append(UInt8(ascii: "-"))
        } else if flags.plus {
            out.append(UInt8(ascii: "+"))
        } else if flags.space {
            out.append(UInt8(ascii: " "))
        }
        let oldZero = flags.zero
        flags.zero = false
        pad(out.reversed())
        flags.zero = oldZero
    }

    /// `%U`: `U+0078`, with `#` also `U+0078 'x'` for printable runes.
    mutating func fmtUnicode(_ value: UInt64) {
        var out: [UInt8] = []
        var prec = 4
        if flags.precPresent && self.prec > 4 { prec = self.prec }
        var u = value
        repeat {
            out.append(Self.upperDigits[Int(u & 0xF)])
            u >>= 4
            prec -= 1
        } while u > 0
        while prec > 0 {
            out.append(UInt8(ascii: "0"))
            prec -= 1
        }
        out += [UInt8(ascii: "+"), UInt8(ascii: "U")]
        var text = Array(out.reversed())
        if flags.sharp, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)), GoQuote.isPrint(scalar) {
            text += Array(" '".utf8) + Array(String(scalar).utf8) + [UInt8(ascii: "'")]
        }
        let oldZero = flags.zero
        flags.zero = false
        pad(text)
        flags.zero = oldZero
    }

    /// The rune `%c` and `%q` show for an integer: U+FFFD when invalid.
    static func rune(_ c: UInt64) -> Unicode.Scalar {
        guard c <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(c)) else { return "\u{FFFD}" }
        return scalar
    }

    /// `%c`: the integer as a Unicode character.
    mutating func fmtC(_ c: UInt64) {
        pad(Array(String(Self.rune(c)).utf8))
    }

    /// `%q` of an integer: a quoted Go rune literal.
    mutating func fmtQc(_ c: UInt64) {
        pad(Array(GoQuote.quoteRune(Self.rune(c), asciiOnly: flags.plus).utf8))
    }

    /// Cuts `s` to the precision, counted in runes.
    func truncate(_ s: [UInt8]) -> [UInt8] {
        guard flags.precPresent else { return s }
        return Array(s[..<GoUTF8.prefixLength(s, runes: prec)])
    }

    /// `%s`: the string, cut to the precision, padded.
    mutating func fmtS(_ s: [UInt8]) {
        pad(truncate(s))
    }

    /// `%x` / `%X` of a string or byte slice: two hex digits a byte, with
    /// `#` a `0x` prefix, with space a space between bytes.
    mutating func fmtSbx(_ b: [UInt8], upper: Bool) {
        let digits = upper ? Self.upperDigits : Self.lowerDigits
        var length = b.count
        if flags.precPresent && prec < length { length = prec }
        var width = 2 * length
        if width > 0 {
            if flags.space {
                if flags.sharp { width *= 2 }
                width += length - 1
            } else if flags.sharp {
                width += 2
            }
        } else {
            if flags.widPresent { writePadding(wid) }
            return
        }
        if flags.widPresent && wid > width && !flags.minus { writePadding(wid - width) }
        if flags.sharp { buf += [UInt8(ascii: "0"), digits[16]] }
        for i in 0..<length {
            if flags.space && i > 0 {
                buf.append(UInt8(ascii: " "))
                if flags.sharp { buf += [UInt8(ascii: "0"), digits[16]] }
            }
            buf += [digits[Int(b[i] >> 4)], digits[Int(b[i] & 0xF)]]
        }
        if flags.widPresent && wid > width && flags.minus { writePadding(wid - width) }
    }

    /// `%q` of a string: a Go string literal; with `#` a raw literal when
    /// possible, with `+` ASCII only.
    mutating func fmtQ(_ s: [UInt8]) {
        guard let text = String(validating: truncate(s), as: UTF8.self) else {
            pad(Array(GoQuote.quote(bytes: truncate(s)[...], asciiOnly: flags.plus).utf8))
            return
        }
        if flags.sharp && GoQuote.canBackquote(text) {
            pad(Array(("`" + text + "`").utf8))
            return
        }
        pad(Array(GoQuote.quote(text, asciiOnly: flags.plus).utf8))
    }

    /// Go's `fmt.fmtFloat`: `strconv` text, then sign, `#` and padding rules.
    mutating func fmtFloat(_ v: Double, verb: UInt8, prec defaultPrec: Int) {
        let prec = flags.precPresent ? self.prec : defaultPrec
        var num = GoFloat.formatBytes(v, verb, precision: prec)
        if num.first == UInt8(ascii: "-") || num.first == UInt8(ascii: "+") {
            // already signed
        } else {
            num.insert(UInt8(ascii: "+"), at: 0)
        }
        if flags.space && num[0] == UInt8(ascii: "+") && !flags.plus { num[0] = UInt8(ascii: " ") }
        if num[1] == UInt8(ascii: "I") || num[1] == UInt8(ascii: "N") {
            let oldZero = flags.zero
            flags.zero = false
            if num[1] == UInt8(ascii: "N") && !flags.space && !flags.plus { num.removeFirst() }
            pad(num)
            flags.zero = oldZero
            return
        }
        if flags.sharp && verb != UInt8(ascii: "b") {
            num = sharpFloat(num, verb: verb, prec: prec)
        }
        if flags.plus || num[0] != UInt8(ascii: "+") {
            if flags.zero && !flags.minus && flags.widPresent && wid > num.count {
                buf.append(num[0])
                writePadding(wid - num.count)
                buf += num[1...]
                return
            }
            pad(num)
            return
        }
        pad(Array(num[1...]))
    }

    /// The `#` flag on floats: always a decimal point, and for `%g` / `%v`
    /// the trailing zeros kept up to the precision (6 by default).
    func sharpFloat(_ input: [UInt8], verb: UInt8, prec: Int) -> [UInt8] {
        var num = input
        var digits = 0
        switch verb {
        case UInt8(ascii: "v"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"):
            digits = prec == -1 ? 6 : prec
        default: break
        }
        var tail: [UInt8] = []
        var hasDecimalPoint = false
        var sawNonzeroDigit = false
        var i = 1
        scan: while i < num.count {
            let c = num[i]
            switch c {
            case UInt8(ascii: "."):
                hasDecimalPoint = true
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                tail = Array(num[i...])
                num.removeSubrange(i...)
                break scan
            case UInt8(ascii: "e") where verb != UInt8(ascii: "x") && verb != UInt8(ascii: "X"),
                 UInt8(ascii: "E") where verb != UInt8(ascii: "x") && verb != UInt8(ascii: "X"):
                tail = Array(num[i...])
                num.removeSubrange(i...)
                break scan
            default:
                if c != UInt8(ascii: "0") { sawNonzeroDigit = true }
                if sawNonzeroDigit { digits -= 1 }
            }
            i += 1
        }
        if !hasDecimalPoint {
            if num.count == 2 && num[1] == UInt8(ascii: "0") { digits -= 1 }
            num.append(UInt8(ascii: "."))
        }
        while digits > 0 {
            num.append(UInt8(ascii: "0"))
            digits -= 1
        }
        return num + tail
    }
}
