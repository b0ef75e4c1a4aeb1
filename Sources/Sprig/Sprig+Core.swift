import GoTemplate
import Values

extension Sprig {
    /// The core part of the library: defaults and flow control, type
    /// conversion, integer and decimal math, lists, dicts, plain string
    /// helpers, reflection and JSON — each with the Go signature Sprig
    /// v3.3.0 registers, so argument checks fail with Go's messages.
    static var coreFunctions: [String: TemplateFunction] {
        var all: [String: TemplateFunction] = [:]
        for part in [coreDefaultFunctions, coreNumberFunctions, coreListFunctions, coreDictFunctions, coreStringFunctions] {
            all.merge(part) { _, new in new }
        }
        return all
    }
}

/// Shorthand for a function with a Go signature.
func goFunc(
    _ parameters: [GoType], variadic: GoType? = nil, returns result: GoType = .any,
    _ body: @escaping @Sendable (_ args: [Value]) throws -> Value
) -> TemplateFunction {
    TemplateFunction(parameters, variadic: variadic, returns: result) { args, _ in try body(args) }
}

extension Value {
    /// The Go `string` argument (the engine has checked the type).
    var str: String { stringValue ?? "" }

    /// The Go `int` argument (the engine has checked the type).
    var intArg: Int64 {
        if case .int(let n, _) = self { return n }
        return 0
    }

    /// A Go `map[string]interface{}` argument; nil for a nil map.
    var mapArg: GoMap? { mapValue }
}
