import GoStd

/// Go's `fmt.Sprint`, `Sprintf` and `Sprintln` over ``Value``s, as Go's
/// `fmt` package prints the Go values a Helm template holds: `bool`, the
/// integer kinds, `float64`, `string`, `[]interface {}`,
/// `map[string]interface {}`, a nil interface, and objects (``GoObject``).
///
/// Every verb, flag, width, precision and argument index of Go's format
/// strings is supported, with Go's error texts (`%!d(string=x)`,
/// `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`,
/// `%!(BADPREC)`, `%!d(BADINDEX)`).
///
/// Two things Go prints cannot be reproduced: `%p` of a map, list or byte
/// slice prints a memory address in Go; here it prints the fixed address
/// `0xc000010000` (formatted with the verb's flags, so `%#p` gives
/// `c000010000`); `%p` of any other value is Go's `%!p(int=1)` error form,
/// exactly as Go prints it. And where Go prints the fields of a struct
/// object (verbs other than `%v %s %q %x %X %T %p` on it, `%#v` of one
/// without a `GoString` method, or an object inside a `%!verb(...)` error),
/// chartunit prints the object's `%v` text (`%!d(time.Time=2020-01-02 …)`
/// for a verb that does not apply).
public enum GoFmt {
    /// `fmt.Sprint`: operands in `%v`, a space between two operands when
    /// neither is a string.
    public static func sprint(_ args: [Value]) -> GoString {
        var p = GoPrinter()
        var previousWasString = false
        for (i, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg { isString = true } else { isString = false }
            if i > 0 && !isString && !previousWasString { p.buf.append(UInt8(ascii: " ")) }
            p.printArg(arg, verb: "v")
            previousWasString = isString
        }
        return p.goString
    }

    /// `fmt.Sprintln`: operands in `%v` separated by spaces, then a newline.
    public static func sprintln(_ args: [Value]) -> GoString {
        var p = GoPrinter()
        for (i, arg) in args.enumerated() {
            if i > 0 { p.buf.append(UInt8(ascii: " ")) }
            p.printArg(arg, verb: "v")
        }
        p.buf.append(UInt8(ascii: "\n"))
        return p.goString
    }

    /// `fmt.Sprintf(format, args...)`.
    public static func sprintf(_ format: GoString, _ args: [Value]) -> GoString {
        var p = GoPrinter()
        p.doPrintf(format.bytes, args)
        return p.goString
    }
}

/// How `fmt` sees a ``GoObject``.
public enum GoFmtForm: Sendable {
    /// A Go value of struct kind without a `String` method: `%v` prints
    /// the object's `goFormatted` text.
    case opaque
    /// A type with a `String() string` method (like `time.Time`): `%v %s
    /// %q %x %X` format `text` as a string; `%#v` prints `goSyntax` (the
    /// `GoString()` text) when there is one, otherwise `text`.
    case stringer(String, goSyntax: String?)
    /// A `[]uint8`: `%s %q %x %X` treat the bytes as a string, `%v %d` print
    /// `[104 105]`, `%#v` prints `[]byte{0x68, 0x69}`.
    case bytes([UInt8])
    /// A typed slice of plain values (a `[]string` has element type
    /// `string`): formats like a list, but `%#v` names `[]elementType` and
    /// elements are concrete values, not interfaces.
    case slice(elementType: String, [Value])
    /// A named signed integer type with a `String` method (`time.Month`):
    /// `%v %s %q %x %X` format `text`, other verbs (and `%#v`) the integer.
    case integer(Int64, stringer: String)
}

/// The `fmt` formatter's flags, cleared for every verb.
struct GoFmtFlags {
    var widPresent = false
    var precPresent = false
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    /// `%+v`: the plus flag moved out of `plus` for the `v` verb.
    var plusV = false
    /// `%#v`: the sharp flag moved out of `sharp` for the `v` verb.
    var sharpV = false
}

/// One `Sprintf` run: the output buffer and the formatter state (Go's `pp`
/// and `fmt`).
struct GoPrinter {
    var buf: [UInt8] = []
    var flags = GoFmtFlags()
    var wid = 0
    var prec = 0
    /// Set while printing the operand of a `%!verb(type=value)` error.
    var erroring = false
    var reordered = false
    var goodArgNum = true

    /// The fixed stand-in for the addresses `%p` prints in Go.
    static let placeholderAddress: UInt64 = 0xc000010000

    var goString: GoString { GoString(bytes: buf) }

    mutating func clearFlags() {
        flags = GoFmtFlags()
        wid = 0
        prec = 0
    }

    mutating func write(_ s: String) { buf += Array(s.utf8) }

    // MARK: - The format string

    /// Go's `tooLarge`: widths and precisions are limited to ±1e6.
    static func tooLarge(_ x: Int) -> Bool { x > 1_000_000 || x < -1_000_000 }

    /// Go's `parsenum`: a decimal number in `s[start..<end]`. A number that
    /// grows too large consumes the rest of the format.
    static func parseNum(_ s: [UInt8], _ start: Int, _ end: Int) -> (num: Int, isNum: Bool, next: Int) {
        if start >= end { return (0, false, end) }
        var num = 0
        var isNum = false
        var i = start
        while i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
            if tooLarge(num) { return (0, false, end) }
            num = num * 10 + Int(s[i] - UInt8(ascii: "0"))
            isNum = true
            i += 1
        }
        return (num, isNum, i)
    }

    /// Go's `intFromArg`: an integer operand for `*` width or precision.
    static func intFromArg(_ args: [Value], _ argNum: Int) -> (num: Int, isInt: Bool, next: Int) {
        guard argNum < args.count else { return (0, false, argNum) }
        var num = 0
        var isInt = false
        if case .int(let n, let kind) = args[argNum] {
            if !kind.isUnsigned || n >= 0 {
                num = Int(n)
                isInt = true
            }
        }
        if tooLarge(num) { return (0, false, argNum + 1) }
        return (num, isInt, argNum + 1)
    }

    /// Go's `argNumber`: an optional `[n]` argument index at `i`.
    mutating func argNumber(_ argNum: Int, _ format: [UInt8], _ i: Int, _ numArgs: Int) -> (argNum: Int, i: Int, found: Bool) {
        guard i < format.count, format[i] == UInt8(ascii: "[") else { return (argNum, i, false) }
        reordered = true
        // parseArgNumber on format[i...]
        var index = 0
        var width = 1
        var ok = false
        if format.count - i >= 3 {
            var j = i + 1
            while j < format.count {
                if format[j] == UInt8(ascii: "]") {
                    let (n, isNum, next) = Self.parseNum(format, i + 1, j)
                    if !isNum || next != j {
                        width = j - i + 1
                    } else {
                        index = n - 1
                        width = j - i + 1
                        ok = true
                    }
                    break
                }
                j += 1
            }
        }
        if ok && index >= 0 && index < numArgs { return (index, i + width, true) }
        goodArgNum = false
        return (argNum, i + width, ok)
    }

    /// Go's `doPrintf`.
    mutating func doPrintf(_ format: [UInt8], _ args: [Value]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        reordered = false
        var i = 0
        formatLoop: while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > lasti { buf += format[lasti..<i] }
            if i >= end { break }
            i += 1  // skip %
            clearFlags()
            flagLoop: while i < end {
                switch format[i] {
                case UInt8(ascii: "#"): flags.sharp = true
                case UInt8(ascii: "0"): flags.zero = true
                case UInt8(ascii: "+"): flags.plus = true
                case UInt8(ascii: "-"): flags.minus = true
                case UInt8(ascii: " "): flags.space = true
                default: break flagLoop
                }
                i += 1
            }
            (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count)
            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                let r = Self.intFromArg(args, argNum)
                (wid, flags.widPresent, argNum) = (r.num, r.isInt, r.next)
                if !flags.widPresent { write("%!(BADWIDTH)") }
                if wid < 0 {
                    wid = -wid
                    flags.minus = true
                    flags.zero = false
                }
                afterIndex = false
            } else {
                let r = Self.parseNum(format, i, end)
                (wid, flags.widPresent, i) = (r.num, r.isNum, r.next)
                if afterIndex && flags.widPresent { goodArgNum = false }
            }
            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    let r = Self.intFromArg(args, argNum)
                    (prec, flags.precPresent, argNum) = (r.num, r.isInt, r.next)
                    if prec < 0 {
                        prec = 0
                        flags.precPresent = false
                    }
                    if !flags.precPresent { write("%!(BADPREC)") }
                    afterIndex = false
                } else {
                    let r = Self.parseNum(format, i, end)
                    (prec, flags.precPresent, i) = (r.num, r.isNum, r.next)
                    if !flags.precPresent {
                        prec = 0
                        flags.precPresent = true
                    }
                }
            }
            if !afterIndex {
                (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count)
            }
            if i >= end {
                write("%!(NOVERB)")
                break
            }
            let (verb, size) = Self.decodeRune(format, i)
            i += size
            if verb == "%" {
                buf.append(UInt8(ascii: "%"))
            } else if !goodArgNum {
                badArgNum(verb)
            } else if argNum >= args.count {
                missingArg(verb)
            } else {
                if verb == "v" || verb == "w" {
                    flags.sharpV = flags.sharp
                    flags.sharp = false
                    flags.plusV = flags.plus
                    flags.plus = false
                }
                printArg(args[argNum], verb: verb)
                argNum += 1
            }
            continue formatLoop
        }
        if !reordered && argNum < args.count {
            clearFlags()
            write("%!(EXTRA ")
            for (k, arg) in args[argNum...].enumerated() {
                if k > 0 { write(", ") }
                if case .null = arg {
                    write("<nil>")
                } else {
                    write(arg.goTypeName)
                    buf.append(UInt8(ascii: "="))
                    printArg(arg, verb: "v")
                }
            }
            buf.append(UInt8(ascii: ")"))
        }
    }

    /// Decodes the UTF-8 rune at `i` (U+FFFD for an invalid byte).
    static func decodeRune(_ s: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let (value, width) = GoUTF8.decodeRune(s[i...])
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    mutating func writeRune(_ r: Unicode.Scalar) { buf += Array(String(r).utf8) }

    mutating func badArgNum(_ verb: Unicode.Scalar) {
        write("%!")
        writeRune(verb)
        write("(BADINDEX)")
    }

    mutating func missingArg(_ verb: Unicode.Scalar) {
        write("%!")
        writeRune(verb)
        write("(MISSING)")
    }
}
