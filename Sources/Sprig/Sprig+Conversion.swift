import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Type conversion (numeric.go, strings.go) and reflection (reflect.go).
    static var conversionFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-conversion", library: "Sprig", title: "Sprig: conversion and type reflection",
            [
                .init("atoi", #"`strconv.Atoi`: string to int, 0 on any error (`atoi "12.5"` → 0)."#,
                      goFunc([.string], returns: .int) { args in .int(GoParse.atoi(args[0].str), .int) }),
                .init("int", #"To int via spf13/cast: `"010"` is octal 8, `"12.7"` is 0, 12.7 truncates to 12."#,
                      goFunc([.any], returns: .int) { args in .int(i64(args[0]), .int) }),
                .init("int64", #"To int64 via spf13/cast (same rules as `int`; `"0x10"` → 16)."#,
                      goFunc([.any], returns: .int64) { args in .int(i64(args[0]), .int64) }),
                .init("float64", "To float64 via spf13/cast; 0 when the string does not parse.",
                      goFunc([.any], returns: .float64) { args in .float(f64(args[0])) }),
                .init("toString", "`%v` of the value as a string; nil gives `<nil>`.",
                      goFunc([.any], returns: .string) { args in .string(CoreConvert.strval(args[0])) }),
                .init("toStrings", "A list of the elements as strings (nil elements dropped).",
                      goFunc([.any], returns: .stringList) { args in
                          // A `[]string` comes back as it is (a nil one stays nil).
                          if case .list(_, let type) = args[0], type.element == .string { return args[0] }
                          return CoreConvert.stringList(CoreConvert.strslice(args[0]))
                      }),
                .init("toDecimal", #"Reads a string as a Unix octal permission (`"0777"` → 511) as int64."#,
                      goFunc([.any], returns: .int64) { args in
                          .int(GoParse.parseInt(GoFmt.sprint([args[0]]).text, base: 8) ?? 0, .int64)
                      }),
                .init("typeOf", "The Go type name (`float64`, `[]interface {}`, `map[string]interface {}`, `[]string` from `splitList`, `common.Values` for `.Values` (Helm 3: `chartutil.Values`), `<nil>`).",
                      goFunc([.any], returns: .string) { args in .string(args[0].goTypeName) }),
                .init("typeIs", "`typeIs TYPE x`: whether `typeOf x` is TYPE.",
                      goFunc([.string, .any], returns: .bool) { args in
                          .bool(args[0].str == args[1].goTypeName)
                      }),
                .init("typeIsLike", "`typeIsLike TYPE x`: like `typeIs` but also matches the pointer type.",
                      goFunc([.string, .any], returns: .bool) { args in
                          let t = args[1].goTypeName
                          return .bool(args[0].str == t || "*" + args[0].str == t)
                      }),
                .init("kindOf", "The Go kind (`int`, `float64`, `slice`, `map`, `string`…).",
                      goFunc([.any], returns: .string) { args in .string(args[0].goKind) }),
                .init("kindIs", "`kindIs KIND x`: whether `kindOf x` is KIND.",
                      goFunc([.string, .any], returns: .bool) { args in .bool(args[0].str == args[1].goKind) }),
                .init("deepEqual", "`reflect.DeepEqual` (type-exact: int 1 and float64 1 differ).",
                      goFunc([.any, .any], returns: .bool) { args in
                          .bool(CoreConvert.deepEqual(args[0], args[1]))
                      }),
            ]
        )
    }
}
