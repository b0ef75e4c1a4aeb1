import GoStd
import Values

/// Go's `eq`/`lt`/`le` comparison rules over executor values.
enum Compare {
    enum Kind { case invalid, bool, complex, int, float, string, uint }

    static func basicKind(_ v: RV) -> Kind {
        guard case .val(let x) = v else { return .invalid }
        switch x {
        case .bool: return .bool
        case .int(_, let k): return k.isUnsigned ? .uint : .int
        case .float: return .float
        case .string: return .string
        case .object(let o) where o is GoComplex: return .complex
        case .object(let o) where o is GoTimeInteger: return .int
        default: return .invalid
        }
    }

    static func intValue(_ v: RV) -> Int64 {
        if case .val(.int(let n, _)) = v { return n }
        if case .val(.object(let o as GoTimeInteger)) = v { return o.value }
        return 0
    }

    static func uintValue(_ v: RV) -> UInt64 {
        if case .val(.int(let n, _)) = v { return UInt64(bitPattern: n) }
        return 0
    }

    static func floatValue(_ v: RV) -> Double {
        if case .val(.float(let f)) = v { return f }
        return 0
    }

    static func stringValue(_ v: RV) -> GoString {
        if case .val(.string(let s)) = v { return s }
        return .empty
    }

    static func boolValue(_ v: RV) -> Bool {
        if case .val(.bool(let b)) = v { return b }
        return false
    }

    static func complexValue(_ v: RV) -> GoComplex {
        if case .val(.object(let o)) = v, let c = o as? GoComplex { return c }
        return GoComplex(real: 0, imag: 0)
    }

    static func isNil(_ v: RV) -> Bool {
        switch v {
        case .invalid, .iface(.null), .val(.null): return true
        default: return false
        }
    }

    /// The `%s` text Go's comparison errors print for a value.
    static func percentS(_ v: RV) -> String {
        GoFmt.sprintf("%s", [v.value]).text
    }

    static func goKind(_ v: RV) -> String {
        switch v {
        case .invalid: return "invalid"
        case .iface: return "interface"
        case .val(let x): return x.goKind
        }
    }

    static func eq(_ first: RV, _ rest: ArraySlice<RV>) throws -> Bool {
        let arg1 = first.indirected
        if rest.isEmpty { throw GoError("missing argument for comparison") }
        let k1 = basicKind(arg1)
        for raw in rest {
            let arg = raw.indirected
            let k2 = basicKind(arg)
            var truth = false
            if k1 != k2 {
                switch (k1, k2) {
                case (.int, .uint): truth = intValue(arg1) >= 0 && UInt64(intValue(arg1)) == uintValue(arg)
                case (.uint, .int): truth = intValue(arg) >= 0 && uintValue(arg1) == UInt64(intValue(arg))
                default:
                    if arg1.isValid && arg.isValid {
                        throw GoError("incompatible types for comparison: \(arg1.typeName) and \(arg.typeName)")
                    }
                }
            } else {
                switch k1 {
                case .bool: truth = boolValue(arg1) == boolValue(arg)
                case .complex: truth = complexValue(arg1) == complexValue(arg)
                case .float: truth = floatValue(arg1) == floatValue(arg)
                case .int: truth = intValue(arg1) == intValue(arg)
                case .string: truth = stringValue(arg1) == stringValue(arg)
                case .uint: truth = uintValue(arg1) == uintValue(arg)
                case .invalid:
                    let kind1 = goKind(arg1), kind2 = goKind(arg)
                    if kind1 != kind2 && arg1.isValid && arg.isValid {
                        throw GoError("non-comparable types \(percentS(arg1)): \(arg1.typeName), \(arg.typeName): \(GoFmt.format(arg.value))")
                    }
                    if isNil(arg1) || isNil(arg) {
                        truth = isNil(arg) == isNil(arg1)
                    } else {
                        guard case .val(.object(let o2)) = arg, o2.goKind != "slice", let h2 = o2 as? any Hashable,
                              case .val(.object(let o1)) = arg1, o1.goKind != "slice", let h1 = o1 as? any Hashable else {
                            throw GoError("non-comparable type \(percentS(arg)): \(arg.typeName)")
                        }
                        truth = AnyHashable(h1) == AnyHashable(h2)
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ a: RV, _ b: RV) throws -> Bool {
        let arg1 = a.indirected
        let k1 = basicKind(arg1)
        if k1 == .invalid { throw GoError("invalid type for comparison") }
        let arg2 = b.indirected
        let k2 = basicKind(arg2)
        if k2 == .invalid { throw GoError("invalid type for comparison") }
        if k1 != k2 {
            switch (k1, k2) {
            case (.int, .uint): return intValue(arg1) < 0 || UInt64(intValue(arg1)) < uintValue(arg2)
            case (.uint, .int): return intValue(arg2) >= 0 && uintValue(arg1) < UInt64(intValue(arg2))
            default: throw GoError("incompatible types for comparison: \(arg1.typeName) and \(arg2.typeName)")
            }
        }
        switch k1 {
        case .bool, .complex, .invalid: throw GoError("invalid type for comparison")
        case .float: return floatValue(arg1) < floatValue(arg2)
        case .int: return intValue(arg1) < intValue(arg2)
        case .string: return stringValue(arg1) < stringValue(arg2)
        case .uint: return uintValue(arg1) < uintValue(arg2)
        }
    }

    static func le(_ a: RV, _ b: RV) throws -> Bool {
        if try lt(a, b) { return true }
        return try eq(a, [b])
    }
}
