import GoStd

/// Dispatch of one operand and one verb, Go's `printArg` and `printValue`.
extension GoPrinter {
    /// Go's `printArg`: a top-level operand.
    mutating func printArg(_ arg: Value, verb: Unicode.Scalar) {
        if case .null = arg {
            switch verb {
            case "T", "v": padString(Array("<nil>".utf8))
            default: badVerb(arg, verb: verb)
            }
            return
        }
        switch verb {
        case "T":
            fmtS(Array(arg.goTypeName.utf8))
            return
        case "p":
            fmtPointer(arg, verb: verb)
            return
        default: break
        }
        if case .object(let object) = arg {
            switch object.goFmtForm {
            case .bytes(let bytes):
                fmtBytes(bytes, verb: verb, typeName: "[]byte")
                return
            case .stringer, .opaque, .integer:
                printObject(object, verb: verb)
                return
            case .slice:
                if verb == "w" { badVerb(arg, verb: verb); return }
            }
        }
        if verb == "w", arg.isContainer {
            // `%w` outside Errorf: a composite operand is an error as a whole.
            badVerb(arg, verb: verb)
            return
        }
        printValue(arg, verb: verb, depth: 0)
    }

    /// Go's `printValue` for a concrete (non-nil) value; `depth` > 0 inside
    /// lists and maps.
    mutating func printValue(_ value: Value, verb: Unicode.Scalar, depth: Int) {
        switch value {
        case .null:
            // Only reached for a nil element (an empty interface).
            if flags.sharpV { write("interface {}(nil)") } else { write("<nil>") }
        case .bool(let b):
            switch verb {
            case "t", "v": padString(Array((b ? "true" : "false").utf8))
            default: badVerb(value, verb: verb)
            }
        case .int(let n, let kind):
            printInteger(value, UInt64(bitPattern: n), signed: !kind.isUnsigned, verb: verb)
        case .float(let f):
            printFloat(value, f, verb: verb)
        case .string(let s):
            printString(value, s.bytes, verb: verb)
        case .list(let items, let type):
            if type.isNil && flags.sharpV {
                write(type.goName)
                write("(nil)")
                return
            }
            printList(items, typeName: type.goName, elementsAreInterfaces: type.elementsAreInterfaces, verb: verb, depth: depth)
        case .map(let map, let type):
            if flags.sharpV {
                write(type.goName)
                buf.append(UInt8(ascii: "{"))
            } else {
                write("map[")
            }
            for (i, key) in map.sortedKeys.enumerated() {
                if i > 0 {
                    if flags.sharpV { write(", ") } else { buf.append(UInt8(ascii: " ")) }
                }
                printValue(.string(key), verb: verb, depth: depth + 1)
                buf.append(UInt8(ascii: ":"))
                printElement(map.entries[key] ?? .null, verb: verb, depth: depth + 1)
            }
            buf.append(flags.sharpV ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        case .object(let object):
            switch object.goFmtForm {
            case .bytes(let bytes):
                switch verb {
                case "s", "q", "x", "X": fmtBytes(bytes, verb: verb, typeName: "[]uint8")
                default: printList(bytes.map { .int(Int64($0), .uint8) }, typeName: "[]uint8",
                                   elementsAreInterfaces: false, verb: verb, depth: depth)
                }
            case .slice(_, let items):
                // A named slice type (`common.VersionSet`) keeps its name for `%#v`.
                printList(items, typeName: object.goTypeName, elementsAreInterfaces: false, verb: verb, depth: depth)
            case .stringer, .opaque, .integer:
                printObject(object, verb: verb)
            }
        }
    }

    /// An element of a `[]interface {}` or a value of a
    /// `map[string]interface {}`: an interface holding a value or nil.
    mutating func printElement(_ value: Value, verb: Unicode.Scalar, depth: Int) {
        if case .null = value {
            printValue(.null, verb: verb, depth: depth)
        } else {
            DeepStack.withRoom { printValue(value, verb: verb, depth: depth + 1) }
        }
    }

    mutating func printList(_ items: [Value], typeName: String, elementsAreInterfaces: Bool, verb: Unicode.Scalar, depth: Int) {
        if flags.sharpV {
            write(typeName)
            buf.append(UInt8(ascii: "{"))
        } else {
            buf.append(UInt8(ascii: "["))
        }
        for (i, item) in items.enumerated() {
            if i > 0 {
                if flags.sharpV { write(", ") } else { buf.append(UInt8(ascii: " ")) }
            }
            if elementsAreInterfaces {
                printElement(item, verb: verb, depth: depth + 1)
            } else {
                DeepStack.withRoom { printValue(item, verb: verb, depth: depth + 1) }
            }
        }
        buf.append(flags.sharpV ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// An object with a `String` method or a plain struct.
    mutating func printObject(_ object: any GoObject, verb: Unicode.Scalar) {
        let form = object.goFmtForm
        if case .integer(let n, let text) = form {
            if !erroring && !flags.sharpV && ["v", "s", "x", "X", "q"].contains(verb) {
                printString(.object(object), Array(text.utf8), verb: verb)
            } else {
                printInteger(.object(object), UInt64(bitPattern: n), signed: true, verb: verb)
            }
            return
        }
        if !erroring {
            if flags.sharpV {
                if case .stringer(_, let goSyntax?) = form {
                    fmtS(Array(goSyntax.utf8))
                    return
                }
            } else if case .stringer(let text, _) = form {
                switch verb {
                case "v", "s", "x", "X", "q":
                    printString(.object(object), Array(text.utf8), verb: verb)
                    return
                default: break
                }
            }
        }
        switch verb {
        case "v":
            let text = flags.plusV ? object.goFormattedWithFieldNames ?? object.goFormatted : object.goFormatted
            fmtS(Array(text.utf8))
        default:
            badVerb(.object(object), verb: verb)
        }
    }

    /// Go's `badVerb`: `%!verb(type=value)`, or `%!verb(<nil>)`.
    mutating func badVerb(_ arg: Value, verb: Unicode.Scalar) {
        erroring = true
        write("%!")
        writeRune(verb)
        buf.append(UInt8(ascii: "("))
        if case .null = arg {
            write("<nil>")
        } else {
            write(arg.goTypeName)
            buf.append(UInt8(ascii: "="))
            printArg(arg, verb: "v")
        }
        buf.append(UInt8(ascii: ")"))
        erroring = false
    }

    /// Go's `fmtPointer`: only maps and slices are pointers among template
    /// values; their address is ``placeholderAddress``.
    mutating func fmtPointer(_ arg: Value, verb: Unicode.Scalar) {
        var isPointer = false
        switch arg {
        case .list, .map: isPointer = true
        case .object(let object):
            switch object.goFmtForm {
            case .bytes, .slice: isPointer = true
            case .opaque, .stringer, .integer: break
            }
        default: break
        }
        guard isPointer else {
            badVerb(arg, verb: verb)
            return
        }
        fmt0x64(Self.placeholderAddress, leading0x: !flags.sharp)
    }

    // MARK: - Basic kinds

    /// Go's `pp.fmtInteger`.
    mutating func printInteger(_ value: Value, _ v: UInt64, signed: Bool, verb: Unicode.Scalar) {
        switch verb {
        case "v":
            if flags.sharpV && !signed {
                fmt0x64(v, leading0x: true)
            } else {
                fmtInteger(v, base: 10, signed: signed, verb: verb, upper: false)
            }
        case "d": fmtInteger(v, base: 10, signed: signed, verb: verb, upper: false)
        case "b": fmtInteger(v, base: 2, signed: signed, verb: verb, upper: false)
        case "o", "O": fmtInteger(v, base: 8, signed: signed, verb: verb, upper: false)
        case "x": fmtInteger(v, base: 16, signed: signed, verb: verb, upper: false)
        case "X": fmtInteger(v, base: 16, signed: signed, verb: verb, upper: true)
        case "c": fmtC(v)
        case "q": fmtQc(v)
        case "U": fmtUnicode(v)
        default: badVerb(value, verb: verb)
        }
    }

    /// Go's `pp.fmtFloat` for a float64.
    mutating func printFloat(_ value: Value, _ v: Double, verb: Unicode.Scalar) {
        switch verb {
        case "v": fmtFloat(v, verb: UInt8(ascii: "g"), prec: -1)
        case "b", "g", "G", "x", "X": fmtFloat(v, verb: UInt8(truncatingIfNeeded: verb.value), prec: -1)
        case "f", "e", "E": fmtFloat(v, verb: UInt8(truncatingIfNeeded: verb.value), prec: 6)
        case "F": fmtFloat(v, verb: UInt8(ascii: "f"), prec: 6)
        default: badVerb(value, verb: verb)
        }
    }

    /// Go's `pp.fmtString`.
    mutating func printString(_ value: Value, _ s: [UInt8], verb: Unicode.Scalar) {
        switch verb {
        case "v":
            if flags.sharpV { fmtQ(s) } else { fmtS(s) }
        case "s": fmtS(s)
        case "x": fmtSbx(s, upper: false)
        case "X": fmtSbx(s, upper: true)
        case "q": fmtQ(s)
        default: badVerb(value, verb: verb)
        }
    }

    /// Go's `pp.fmtBytes` for a top-level or nested `[]uint8`.
    mutating func fmtBytes(_ bytes: [UInt8], verb: Unicode.Scalar, typeName: String) {
        switch verb {
        case "v", "d":
            if flags.sharpV {
                write(typeName)
                buf.append(UInt8(ascii: "{"))
                for (i, c) in bytes.enumerated() {
                    if i > 0 { write(", ") }
                    fmt0x64(UInt64(c), leading0x: true)
                }
                buf.append(UInt8(ascii: "}"))
            } else {
                buf.append(UInt8(ascii: "["))
                for (i, c) in bytes.enumerated() {
                    if i > 0 { buf.append(UInt8(ascii: " ")) }
                    fmtInteger(UInt64(c), base: 10, signed: false, verb: verb, upper: false)
                }
                buf.append(UInt8(ascii: "]"))
            }
        case "s": fmtS(bytes)
        case "x": fmtSbx(bytes, upper: false)
        case "X": fmtSbx(bytes, upper: true)
        case "q": fmtQ(bytes)
        default:
            printList(bytes.map { .int(Int64($0), .uint8) }, typeName: "[]uint8",
                      elementsAreInterfaces: false, verb: verb, depth: 0)
        }
    }

    /// Go's `fmt0x64`: hexadecimal with or without a leading `0x`.
    mutating func fmt0x64(_ v: UInt64, leading0x: Bool) {
        let sharp = flags.sharp
        flags.sharp = leading0x
        fmtInteger(v, base: 16, signed: false, verb: "v", upper: false)
        flags.sharp = sharp
    }
}

extension Value {
    /// Whether the value is a list or map (printed element by element).
    var isContainer: Bool {
        switch self {
        case .list, .map: return true
        default: return false
        }
    }
}
