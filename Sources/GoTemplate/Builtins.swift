import GoStd
import Values

/// Go's builtin template functions.
enum Builtin: Sendable, Hashable {
    case and, or, not, len, index, slice, eq, ne, lt, le, gt, ge
    case print, printf, println, html, js, urlquery, call
}

/// A complex128 constant (`1i`, `1+2i` literals).
public struct GoComplex: GoObject, Hashable {
    /// The real part.
    public var real: Double
    /// The imaginary part.
    public var imag: Double
    /// `complex128`.
    public var goTypeName: String { "complex128" }
    /// `complex128`.
    public var goKind: String { "complex128" }
    /// False only for `0+0i`.
    public var isTruthy: Bool { real != 0 || imag != 0 }
    /// `%v`: `(1+2i)`.
    public var goFormatted: String {
        let im = GoFloat.formatG(imag)
        let sign = imag.sign == .minus || imag.isNaN ? "" : "+"
        return "(\(GoFloat.formatG(real))\(sign)\(im)i)"
    }
}

enum Builtins {
    /// The builtins as a documented table (Go's `text/template/funcs.go`).
    static let family = FunctionFamily(
        id: "go-builtins", library: "Go", title: "Go text/template builtins",
        intro: "Go's own functions (`text/template/funcs.go`), in Sources/GoTemplate/Builtins.swift.",
        [
            .init("and", "Returns the first falsy argument, or the last one; stops evaluating at the first falsy argument.",
                  TemplateFunction(builtin: .and, [.reflectValue], variadic: .reflectValue, returns: .reflectValue)),
            .init("or", "Returns the first truthy argument, or the last one; stops evaluating at the first truthy argument.",
                  TemplateFunction(builtin: .or, [.reflectValue], variadic: .reflectValue, returns: .reflectValue)),
            .init("not", "Boolean negation of the truthiness of its single argument.",
                  TemplateFunction(builtin: .not, [.reflectValue], returns: .bool)),
            .init("len", "Length of a string (in **bytes**), list or map; an error for nil and numbers.",
                  TemplateFunction(builtin: .len, [.reflectValue], returns: .int)),
            .init("index", "`index x k1 k2…`: map lookup or list/string index; a missing map key gives the zero value, an out-of-range index is an error.",
                  TemplateFunction(builtin: .index, [.reflectValue], variadic: .reflectValue, returns: .reflectValue)),
            .init("slice", "Go's `x[i:j:k]`. Never reached in Helm: Helm's function map replaces it with Sprig's `slice` (see the Sprig lists table).",
                  TemplateFunction(builtin: .slice, [.reflectValue], variadic: .reflectValue, returns: .reflectValue)),
            .init("eq", "`eq a b c…`: true if `a` equals any of the others. Comparing int and float64 is an **error**, not false (YAML numbers are float64).",
                  TemplateFunction(builtin: .eq, [.reflectValue], variadic: .reflectValue, returns: .bool)),
            .init("ne", "`a != b`, with the same type rules as `eq`.",
                  TemplateFunction(builtin: .ne, [.reflectValue, .reflectValue], returns: .bool)),
            .init("lt", "`a < b` for numbers or strings of the same kind (int vs float64 is an error).",
                  TemplateFunction(builtin: .lt, [.reflectValue, .reflectValue], returns: .bool)),
            .init("le", "`a <= b`, same rules as `lt`.",
                  TemplateFunction(builtin: .le, [.reflectValue, .reflectValue], returns: .bool)),
            .init("gt", "`a > b`, same rules as `lt`.",
                  TemplateFunction(builtin: .gt, [.reflectValue, .reflectValue], returns: .bool)),
            .init("ge", "`a >= b`, same rules as `lt`.",
                  TemplateFunction(builtin: .ge, [.reflectValue, .reflectValue], returns: .bool)),
            .init("print", "`fmt.Sprint`: spaces only between operands when neither is a string.",
                  TemplateFunction(builtin: .print, [], variadic: .any, returns: .string)),
            .init("printf", "`fmt.Sprintf` with Go verbs (`%v %d %s %q %T %x %5.2f`…); float64 values print as `1e+06` with `%v`.",
                  TemplateFunction(builtin: .printf, [.string], variadic: .any, returns: .string)),
            .init("println", "`fmt.Sprintln`: operands separated by spaces, plus a trailing newline.",
                  TemplateFunction(builtin: .println, [], variadic: .any, returns: .string)),
            .init("html", "HTML-escapes the `fmt.Sprint` of its arguments (`<` → `&lt;`, `'` → `&#39;`…).",
                  TemplateFunction(builtin: .html, [], variadic: .any, returns: .string)),
            .init("js", #"JavaScript-escapes the `fmt.Sprint` of its arguments (`<` → `\u003C`, quotes backslashed)."#,
                  TemplateFunction(builtin: .js, [], variadic: .any, returns: .string)),
            .init("urlquery", "Query-escapes the `fmt.Sprint` of its arguments (`url.QueryEscape`: space → `+`).",
                  TemplateFunction(builtin: .urlquery, [], variadic: .any, returns: .string)),
            .init("call", "Calls a function value with arguments; chart data holds no function values, so in Helm it only ever fails.",
                  TemplateFunction(builtin: .call, [.reflectValue], variadic: .reflectValue, returns: .reflectValue)),
        ]
    )

    /// The builtins by name.
    static let table = family.functions

    static func invoke(_ b: Builtin, _ argv: [RV]) throws -> RV {
        switch b {
        case .not: return .val(.bool(!Executor.isTrue(argv[0].indirected)))
        case .len: return .val(.int(try length(argv[0])))
        case .index: return try index(argv[0], argv.dropFirst())
        case .slice: return try slice(argv[0], argv.dropFirst())
        case .eq: return .val(.bool(try Compare.eq(argv[0], argv.dropFirst())))
        case .ne: return .val(.bool(!(try Compare.eq(argv[0], argv[1...]))))
        case .lt: return .val(.bool(try Compare.lt(argv[0], argv[1])))
        case .le: return .val(.bool(try Compare.le(argv[0], argv[1])))
        case .gt: return .val(.bool(!(try Compare.le(argv[0], argv[1]))))
        case .ge: return .val(.bool(!(try Compare.lt(argv[0], argv[1]))))
        case .print: return .val(.string(GoFmt.sprint(argv.map(\.value))))
        case .printf:
            return .val(.string(GoFmt.sprintf(argv[0].value.goStringValue ?? .empty, argv.dropFirst().map(\.value))))
        case .println: return .val(.string(GoFmt.sprintln(argv.map(\.value))))
        case .html: return .val(.string(htmlEscape(evalArgs(argv))))
        case .js: return .val(.string(jsEscape(evalArgs(argv))))
        case .urlquery: return .val(.string(queryEscape(evalArgs(argv))))
        case .and, .or, .call: return .invalid
        }
    }

    /// Go's `length`.
    static func length(_ item: RV) throws -> Int {
        switch item {
        case .iface(.null): throw GoError("len of nil pointer")
        case .invalid: throw GoError("reflect: call of reflect.Value.Type on zero Value")
        case .iface(let v), .val(let v):
            switch v {
            case .string(let s): return s.count
            case .list(let l, _): return l.count
            case .map(let m, _): return m.count
            case .object(let o as any GoRangeable): return o.rangeEntries.count
            default: throw GoError("len of type \(v.goTypeName)")
            }
        }
    }

    /// Go's `indexArg`.
    static func indexArg(_ index: RV, cap: Int) throws -> Int {
        let x: Int64
        switch index {
        case .val(.int(let n, let kind)):
            x = n
            if kind.isUnsigned && n < 0 { throw GoError("index out of range: \(n)") }
        case .invalid: throw GoError("cannot index slice/array with nil")
        default: throw GoError("cannot index slice/array with type \(index.typeName)")
        }
        if x < 0 || x > Int64(cap) { throw GoError("index out of range: \(x)") }
        return Int(x)
    }

    /// Go's `index`.
    static func index(_ item: RV, _ indexes: ArraySlice<RV>) throws -> RV {
        var item = item.indirected
        if !item.isValid { throw GoError("index of untyped nil") }
        for raw in indexes {
            let index = raw.indirected
            if item.isNilInterface { throw GoError("index of nil pointer") }
            let value = item.value
            switch value {
            case .list(let l, let type):
                let x = try indexArg(index, cap: l.count)
                if x >= l.count { throw GoError("reflect: slice index out of range") }
                item = type.elementsAreInterfaces ? .iface(l[x]) : .val(l[x])
            case .string(let s):
                let x = try indexArg(index, cap: s.count)
                if x >= s.count { throw GoError("reflect: string index out of range") }
                item = .val(.int(Int64(s.withBytes { $0[x] }), .uint8))
            case .map(let m, let type):
                let key: GoString
                switch index {
                case .invalid: throw GoError("value is nil; should be of type string")
                case .val(.string(let k)): key = k
                default: throw GoError("value has type \(index.typeName); should be string")
                }
                if type.elementsAreInterfaces {
                    item = .iface(m.entries[key] ?? .null)
                } else {
                    item = .val(m.entries[key] ?? .string(GoString.empty))
                }
            case .object(let o):
                // A typed slice (`common.VersionSet`, `[]byte`): its elements are concrete values.
                let elements: [Value]
                switch o.goFmtForm {
                case .slice(_, let items): elements = items
                case .bytes(let bytes): elements = bytes.map { .int(Int64($0), .uint8) }
                default: throw GoError("can't index item of type \(value.goTypeName)")
                }
                let x = try indexArg(index, cap: elements.count)
                if x >= elements.count { throw GoError("reflect: slice index out of range") }
                item = .val(elements[x])
            default:
                throw GoError("can't index item of type \(value.goTypeName)")
            }
        }
        return item
    }

    /// Go's builtin `slice` (Helm replaces it with Sprig's).
    static func slice(_ item: RV, _ indexes: ArraySlice<RV>) throws -> RV {
        let item = item.indirected
        guard case .val(let value) = item else { throw GoError("slice of untyped nil") }
        if indexes.count > 3 { throw GoError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch value {
        case .string(let s):
            if indexes.count == 3 { throw GoError("cannot 3-index slice a string") }
            count = s.count
        case .list(let l, _): count = l.count
        default: throw GoError("can't slice item of type \(value.goTypeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArg(index.indirected, cap: count) }
        if idx[0] > idx[1] { throw GoError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw GoError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch value {
        case .string(let s): return .val(.string(s.slice(idx[0]..<idx[1])))
        case .list(let l, let type): return .val(.list(Array(l[idx[0]..<idx[1]]), GoSliceType(type.element)))
        default: return .invalid
        }
    }

    /// Go's `evalArgs` for `html`, `js`, `urlquery`.
    static func evalArgs(_ argv: [RV]) -> GoString {
        if argv.count == 1, case .string(let s) = argv[0].value { return s }
        return GoFmt.sprint(argv.map { a -> Value in
            if case .null = a.value { return .string("<no value>") }
            return a.value
        })
    }

    /// Go's `HTMLEscapeString`, byte by byte (other bytes, invalid UTF-8
    /// included, are kept).
    static func htmlEscape(_ s: GoString) -> GoString {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        s.withBytes { bytes in
            for b in bytes {
                switch b {
                case 0: out += "\u{FFFD}".utf8
                case UInt8(ascii: "\""): out += "&#34;".utf8
                case UInt8(ascii: "'"): out += "&#39;".utf8
                case UInt8(ascii: "&"): out += "&amp;".utf8
                case UInt8(ascii: "<"): out += "&lt;".utf8
                case UInt8(ascii: ">"): out += "&gt;".utf8
                default: out.append(b)
                }
            }
        }
        return GoString(bytes: out)
    }

    /// Go's `JSEscapeString`: runes decoded as `utf8.DecodeRune` does; a
    /// printable rune (U+FFFD of an invalid byte too) keeps its bytes.
    static func jsEscape(_ s: GoString) -> GoString {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        let bytes = s.bytes
        var i = 0
        while i < bytes.count {
            let (rune, width) = GoUTF8.decodeRune(bytes[i...])
            switch rune {
            case 0x5C: out += "\\\\".utf8
            case 0x27: out += "\\'".utf8
            case 0x22: out += "\\\"".utf8
            case 0x3C: out += "\\u003C".utf8
            case 0x3E: out += "\\u003E".utf8
            case 0x26: out += "\\u0026".utf8
            case 0x3D: out += "\\u003D".utf8
            default:
                if rune < 0x20 {
                    out += "\\u00".utf8
                    out.append(hex[Int(rune >> 4)])
                    out.append(hex[Int(rune & 0x0F)])
                } else if rune < 0x80 || GoQuote.isPrint(Unicode.Scalar(rune) ?? "\u{FFFD}") {
                    out += bytes[i..<(i + width)]
                } else {
                    var h = String(rune, radix: 16, uppercase: true)
                    while h.count < 4 { h = "0" + h }
                    out += ("\\u" + h).utf8
                }
            }
            i += width
        }
        return GoString(bytes: out)
    }

    /// Go's `url.QueryEscape`.
    static func queryEscape(_ s: GoString) -> GoString {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        s.withBytes { bytes in
            for b in bytes {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                    out.append(b)
                case UInt8(ascii: " "): out.append(UInt8(ascii: "+"))
                default:
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0x0F)])
                }
            }
        }
        return GoString(bytes: out)
    }
}

extension RV {
    var isNilInterface: Bool {
        if case .iface(.null) = self { return true }
        return false
    }
}
