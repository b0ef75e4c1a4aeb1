import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Math (the arithmetic in functions.go and numeric.go): int64 math
    /// through cast.ToInt64, float64 math, shopspring/decimal arithmetic.
    static var mathFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-math", library: "Sprig", title: "Sprig: math",
            [
                .init("add", "Sum of its arguments as int64 (floats are **truncated**: `add 1 2.9` → 3).",
                      goFunc([], variadic: .any, returns: .int64) { args in
                          .int(args.reduce(Int64(0)) { $0 &+ i64($1) }, .int64)
                      }),
                .init("add1", "x + 1 as int64.",
                      goFunc([.any], returns: .int64) { args in .int(i64(args[0]) &+ 1, .int64) }),
                .init("sub", "a - b as int64.",
                      goFunc([.any, .any], returns: .int64) { args in .int(i64(args[0]) &- i64(args[1]), .int64) }),
                .init("mul", "Product of its arguments as int64.",
                      goFunc([.any], variadic: .any, returns: .int64) { args in
                          .int(args.dropFirst().reduce(i64(args[0])) { $0 &* i64($1) }, .int64)
                      }),
                .init("div", "a / b as int64 (integer division; dividing by 0 is an error).",
                      goFunc([.any, .any], returns: .int64) { args in
                          let (a, b) = (i64(args[0]), i64(args[1]))
                          if b == 0 { throw GoError("runtime error: integer divide by zero") }
                          return .int(a.dividedReportingOverflow(by: b).partialValue, .int64)
                      }),
                .init("mod", "a % b as int64.",
                      goFunc([.any, .any], returns: .int64) { args in
                          let (a, b) = (i64(args[0]), i64(args[1]))
                          if b == 0 { throw GoError("runtime error: integer divide by zero") }
                          return .int(a.remainderReportingOverflow(dividingBy: b).partialValue, .int64)
                      }),
                .init("max", "Largest of its arguments as int64.",
                      goFunc([.any], variadic: .any, returns: .int64) { args in
                          .int(args.dropFirst().reduce(i64(args[0])) { Swift.max($0, i64($1)) }, .int64)
                      }),
                .alias("biggest", of: "max", "Alias of `max`."),
                .init("min", "Smallest of its arguments as int64.",
                      goFunc([.any], variadic: .any, returns: .int64) { args in
                          .int(args.dropFirst().reduce(i64(args[0])) { Swift.min($0, i64($1)) }, .int64)
                      }),
                .init("addf", "Sum as float64, computed with shopspring/decimal (`addf 1.1 2.2` → 3.3).",
                      goFunc([], variadic: .any, returns: .float64) { args in
                          try decimalOp(.float(0), args[...]) { $0.adding($1) }
                      }),
                .init("add1f", "x + 1 as float64 (decimal arithmetic).",
                      goFunc([.any], returns: .float64) { args in
                          try decimalOp(args[0], [.int(1)]) { $0.adding($1) }
                      }),
                .init("subf", "Difference as float64 (decimal arithmetic).",
                      goFunc([.any], variadic: .any, returns: .float64) { args in
                          try decimalOp(args[0], args.dropFirst()) { $0.subtracting($1) }
                      }),
                .init("mulf", "Product as float64 (decimal arithmetic).",
                      goFunc([.any], variadic: .any, returns: .float64) { args in
                          try decimalOp(args[0], args.dropFirst()) { $0.multiplied(by: $1) }
                      }),
                .init("divf", "Quotient as float64 (decimal arithmetic).",
                      goFunc([.any], variadic: .any, returns: .float64) { args in
                          try decimalOp(args[0], args.dropFirst()) { try $0.divided(by: $1) }
                      }),
                .init("maxf", "Largest argument as float64.",
                      goFunc([.any], variadic: .any, returns: .float64) { args in
                          .float(args.dropFirst().reduce(f64(args[0])) { goMax($0, f64($1)) })
                      }),
                .init("minf", "Smallest argument as float64.",
                      goFunc([.any], variadic: .any, returns: .float64) { args in
                          .float(args.dropFirst().reduce(f64(args[0])) { goMin($0, f64($1)) })
                      }),
                .init("ceil", "Ceiling, as float64.",
                      goFunc([.any], returns: .float64) { args in .float(f64(args[0]).rounded(.up)) }),
                .init("floor", "Floor, as float64.",
                      goFunc([.any], returns: .float64) { args in .float(f64(args[0]).rounded(.down)) }),
                .init("round", "`round x DIGITS [.5]`: rounds half away from zero to DIGITS places, as float64.",
                      goFunc([.any, .int], variadic: .float64, returns: .float64) { args in
                          var roundOn = 0.5
                          if args.count > 2, case .float(let r) = args[2] { roundOn = r }
                          return .float(round(f64(args[0]), places: Double(args[1].intArg), roundOn: roundOn))
                      }),
                .init("randInt", "`randInt MIN MAX`: a random int in [MIN, MAX).",
                      goFunc([.int, .int], returns: .int) { args in
                          let (lo, hi) = (args[0].intArg, args[1].intArg)
                          let n = hi &- lo
                          if n <= 0 { throw GoError("invalid argument to Intn") }
                          return .int(Int64.random(in: 0..<n) &+ lo, .int)
                      }.readingClockOrRandomness()),
            ]
        )
    }

    /// `cast.ToInt64`, as the math and conversion functions call it.
    static func i64(_ v: Value) -> Int64 { CoreConvert.toInt64(v) }

    /// `cast.ToFloat64`, as the math and conversion functions call it.
    static func f64(_ v: Value) -> Double { CoreConvert.toFloat64(v) }

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
