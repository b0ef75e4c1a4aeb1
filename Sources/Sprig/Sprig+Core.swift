import GoStd
import GoTemplate
import Values

/// Shorthand for a function with a Go signature.
func goFunc(
    _ parameters: [GoType], variadic: GoType? = nil, returns result: GoType = .any,
    _ body: @escaping @Sendable (_ args: [Value]) throws -> Value
) -> TemplateFunction {
    TemplateFunction(parameters, variadic: variadic, returns: result) { args, _ in try body(args) }
}

/// Shorthand for a Go `func(string) string`.
func stringToString(_ f: @escaping @Sendable (String) -> String) -> TemplateFunction {
    TemplateFunction([.string], returns: .string) { args, _ in .string(f(args[0].str)) }
}

/// Shorthand for a Go `func(string) string` that works on the bytes.
func bytesToString(_ f: @escaping @Sendable ([UInt8]) -> GoString) -> TemplateFunction {
    TemplateFunction([.string], returns: .string) { args, _ in .string(f(args[0].gostr.bytes)) }
}

extension Value {
    /// The Go `string` argument (the engine has checked the type).
    var str: String { stringValue ?? "" }

    /// The Go `string` argument, byte for byte.
    var gostr: GoString { goStringValue ?? .empty }

    /// The Go `int` argument (the engine has checked the type).
    var intArg: Int64 {
        if case .int(let n, _) = self { return n }
        return 0
    }

    /// A Go `map[string]interface{}` argument; nil for a nil map.
    var mapArg: GoMap? { mapValue }
}
