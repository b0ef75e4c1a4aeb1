import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Conversions and math (numeric.go and the arithmetic in functions.go).
    static var coreNumberFunctions: [String: TemplateFunction] {
        let i64 = CoreConvert.toInt64
        let f64 = CoreConvert.toFloat64
        var table: [String: TemplateFunction] = [
            "toString": goFunc([.any], returns: .string) { args in .string(CoreConvert.strval(args[0])) },
            "toStrings": goFunc([.any], returns: .stringList) { args in
                // A `[]string` comes back as it is (a nil one stays nil).
                if case .list(_, let type) = args[0], type.element == .string { return args[0] }
                return CoreConvert.stringList(CoreConvert.strslice(args[0]))
            },
            "atoi": goFunc([.string], returns: .int) { args in .int(GoParse.atoi(args[0].str), .int) },
            "int": goFunc([.any], returns: .int) { args in .int(i64(args[0]), .int) },
            "int64": goFunc([.any], returns: .int64) { args in .int(i64(args[0]), .int64) },
            "float64": goFunc([.any], returns: .float64) { args in .float(f64(args[0])) },
            "toDecimal": goFunc([.any], returns: .int64) { args in
                .int(GoParse.parseInt(GoFmt.sprint([args[0]]), base: 8) ?? 0, .int64)
            },
            "seq": goFunc([], variadic: .int, returns: .string) { args in .string(seq(args.map(\.intArg))) },
            "until": goFunc([.int], returns: .named("[]int")) { args in
                let count = args[0].intArg
                return intList(untilStep(0, count, count < 0 ? -1 : 1))
            },
            "untilStep": goFunc([.int, .int, .int], returns: .named("[]int")) { args in
                intList(untilStep(args[0].intArg, args[1].intArg, args[2].intArg))
            },

            // int64 arithmetic: every operand goes through cast.ToInt64.
            "add1": goFunc([.any], returns: .int64) { args in .int(i64(args[0]) &+ 1, .int64) },
            "add": goFunc([], variadic: .any, returns: .int64) { args in
                .int(args.reduce(Int64(0)) { $0 &+ i64($1) }, .int64)
            },
            "sub": goFunc([.any, .any], returns: .int64) { args in .int(i64(args[0]) &- i64(args[1]), .int64) },
            "div": goFunc([.any, .any], returns: .int64) { args in
                let (a, b) = (i64(args[0]), i64(args[1]))
                if b == 0 { throw GoError("runtime error: integer divide by zero") }
                return .int(a.dividedReportingOverflow(by: b).partialValue, .int64)
            },
            "mod": goFunc([.any, .any], returns: .int64) { args in
                let (a, b) = (i64(args[0]), i64(args[1]))
                if b == 0 { throw GoError("runtime error: integer divide by zero") }
                return .int(a.remainderReportingOverflow(dividingBy: b).partialValue, .int64)
            },
            "mul": goFunc([.any], variadic: .any, returns: .int64) { args in
                .int(args.dropFirst().reduce(i64(args[0])) { $0 &* i64($1) }, .int64)
            },
            "randInt": goFunc([.int, .int], returns: .int) { args in
                let (lo, hi) = (args[0].intArg, args[1].intArg)
                let n = hi &- lo
                if n <= 0 { throw GoError("invalid argument to Intn") }
                return .int(Int64.random(in: 0..<n) &+ lo, .int)
            },
            "max": goFunc([.any], variadic: .any, returns: .int64) { args in
                .int(args.dropFirst().reduce(i64(args[0])) { Swift.max($0, i64($1)) }, .int64)
            },
            "min": goFunc([.any], variadic: .any, returns: .int64) { args in
                .int(args.dropFirst().reduce(i64(args[0])) { Swift.min($0, i64($1)) }, .int64)
            },

            // float64 math.
            "maxf": goFunc([.any], variadic: .any, returns: .float64) { args in
                .float(args.dropFirst().reduce(f64(args[0])) { goMax($0, f64($1)) })
            },
            "minf": goFunc([.any], variadic: .any, returns: .float64) { args in
                .float(args.dropFirst().reduce(f64(args[0])) { goMin($0, f64($1)) })
            },
            "ceil": goFunc([.any], returns: .float64) { args in .float(f64(args[0]).rounded(.up)) },
            "floor": goFunc([.any], returns: .float64) { args in .float(f64(args[0]).rounded(.down)) },
            "round": goFunc([.any, .int], variadic: .float64, returns: .float64) { args in
                var roundOn = 0.5
                if args.count > 2, case .float(let r) = args[2] { roundOn = r }
                return .float(round(f64(args[0]), places: Double(args[1].intArg), roundOn: roundOn))
            },

            // shopspring/decimal arithmetic.
            "addf": goFunc([], variadic: .any, returns: .float64) { args in
                try decimalOp(.float(0), args[...]) { $0.adding($1) }
            },
            "add1f": goFunc([.any], returns: .float64) { args in
                try decimalOp(args[0], [.int(1)]) { $0.adding($1) }
            },
            "subf": goFunc([.any], variadic: .any, returns: .float64) { args in
                try decimalOp(args[0], args.dropFirst()) { $0.subtracting($1) }
            },
            "mulf": goFunc([.any], variadic: .any, returns: .float64) { args in
                try decimalOp(args[0], args.dropFirst()) { $0.multiplied(by: $1) }
            },
            "divf": goFunc([.any], variadic: .any, returns: .float64) { args in
                try decimalOp(args[0], args.dropFirst()) { try $0.divided(by: $1) }
            },
        ]
        table["biggest"] = table["max"]
        return table
    }

    /// Sprig's `execDecimalOp`: folds `rest` into `first` with decimal math.
    static func decimalOp(
        _ first: Value, _ rest: ArraySlice<Value>, _ op: (GoDecimal, GoDecimal) throws -> GoDecimal
    ) throws -> Value {
        var acc = try GoDecimal(CoreConvert.toFloat64(first))
        for x in rest { acc = try op(acc, GoDecimal(CoreConvert.toFloat64(x))) }
        return .float(acc.float64)
    }

    /// Go's `math.Max`.
    static func goMax(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x > 0 || y.isInfinite && y > 0 { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's `math.Min`.
    static func goMin(_ x: Double, _ y: Double) -> Double {
        if x.isInfinite && x < 0 || y.isInfinite && y < 0 { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Sprig's `round`: scale, round up when the fraction reaches `roundOn`.
    static func round(_ value: Double, places: Double, roundOn: Double) -> Double {
        let pow = Double.pow10(places)
        let digit = pow * value
        let fraction = digit - digit.rounded(.towardZero)
        let rounded = fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)
        return rounded / pow
    }

    /// Sprig's `untilStep`.
    static func untilStep(_ start: Int64, _ stop: Int64, _ step: Int64) -> [Int64] {
        var out: [Int64] = []
        if stop < start {
            guard step < 0 else { return out }
            var i = start
            while i > stop {
                out.append(i)
                let (next, o) = i.addingReportingOverflow(step)
                if o { break }
                i = next
            }
            return out
        }
        guard step > 0 else { return out }
        var i = start
        while i < stop {
            out.append(i)
            let (next, o) = i.addingReportingOverflow(step)
            if o { break }
            i = next
        }
        return out
    }

    /// A Go `[]int`.
    static func intList(_ items: [Int64]) -> Value { .list(items.map { .int($0, .int) }, .ints) }

    /// Sprig's `seq`.
    static func seq(_ params: [Int64]) -> String {
        let numbers: [Int64]
        switch params.count {
        case 1:
            let end = params[0]
            let increment: Int64 = end < 1 ? -1 : 1
            numbers = untilStep(1, end &+ increment, increment)
        case 2:
            let (start, end) = (params[0], params[1])
            let step: Int64 = end < start ? -1 : 1
            numbers = untilStep(start, end &+ step, step)
        case 3:
            let (start, step, end) = (params[0], params[1], params[2])
            var increment: Int64 = 1
            if end < start {
                increment = -1
                if step > 0 { return "" }
            }
            numbers = untilStep(start, end &+ increment, step)
        default:
            return ""
        }
        return numbers.map(String.init).joined(separator: " ")
    }
}

extension Double {
    /// Go's `math.Pow(10, p)` for the whole-number exponents `round` uses.
    static func pow10(_ p: Double) -> Double {
        var result = 1.0
        var n = Int(p.magnitude)
        var base = 10.0
        while n > 0 {
            if n & 1 == 1 { result *= base }
            base *= base
            n >>= 1
        }
        return p < 0 ? 1 / result : result
    }
}
