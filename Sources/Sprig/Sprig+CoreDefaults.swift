import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Defaults, flow control, reflection and JSON (defaults.go, reflect.go).
    static var coreDefaultFunctions: [String: TemplateFunction] {
        [
            "default": goFunc([.any], variadic: .any) { args in
                let given = args.dropFirst()
                guard let first = given.first, !CoreConvert.isEmpty(first) else { return args[0] }
                return first
            },
            "empty": goFunc([.any], returns: .bool) { args in .bool(CoreConvert.isEmpty(args[0])) },
            "coalesce": goFunc([], variadic: .any) { args in
                args.first { !CoreConvert.isEmpty($0) } ?? .null
            },
            "all": goFunc([], variadic: .any, returns: .bool) { args in
                .bool(args.allSatisfy { !CoreConvert.isEmpty($0) })
            },
            "any": goFunc([], variadic: .any, returns: .bool) { args in
                .bool(args.contains { !CoreConvert.isEmpty($0) })
            },
            "ternary": goFunc([.any, .any, .bool]) { args in
                if case .bool(true) = args[2] { return args[0] }
                return args[1]
            },
            "fail": goFunc([.string], returns: .string) { args in throw GoError(args[0].str) },

            // Reflection.
            "typeOf": goFunc([.any], returns: .string) { args in .string(args[0].goTypeName) },
            "typeIs": goFunc([.string, .any], returns: .bool) { args in
                .bool(args[0].str == args[1].goTypeName)
            },
            "typeIsLike": goFunc([.string, .any], returns: .bool) { args in
                let t = args[1].goTypeName
                return .bool(args[0].str == t || "*" + args[0].str == t)
            },
            "kindOf": goFunc([.any], returns: .string) { args in .string(args[0].goKind) },
            "kindIs": goFunc([.string, .any], returns: .bool) { args in .bool(args[0].str == args[1].goKind) },
            "deepEqual": goFunc([.any, .any], returns: .bool) { args in
                .bool(CoreConvert.deepEqual(args[0], args[1]))
            },
            "deepCopy": goFunc([.any]) { args in try deepCopy(args[0], must: false) },
            "mustDeepCopy": goFunc([.any]) { args in try deepCopy(args[0], must: true) },

            // JSON.
            "fromJson": goFunc([.string]) { args in (try? GoJSON.decode(args[0].str)) ?? .null },
            "mustFromJson": goFunc([.string]) { args in try GoJSON.decode(args[0].str) },
            "toJson": goFunc([.any], returns: .string) { args in
                .string((try? GoJSON.encode(args[0])) ?? "")
            },
            "mustToJson": goFunc([.any], returns: .string) { args in .string(try GoJSON.encode(args[0])) },
            "toPrettyJson": goFunc([.any], returns: .string) { args in
                .string((try? GoJSON.encode(args[0], indent: "  ")) ?? "")
            },
            "mustToPrettyJson": goFunc([.any], returns: .string) { args in
                .string(try GoJSON.encode(args[0], indent: "  "))
            },
            "toRawJson": goFunc([.any], returns: .string) { args in
                .string(try GoJSON.encode(args[0], escapeHTML: false))
            },
            "mustToRawJson": goFunc([.any], returns: .string) { args in
                .string(try GoJSON.encode(args[0], escapeHTML: false))
            },
        ]
    }

    /// copystructure.Copy: a deep copy of maps and lists; a nil value
    /// fails inside reflection (`deepCopy` panics with the same text).
    static func deepCopy(_ v: Value, must: Bool) throws -> Value {
        if case .null = v { throw GoError("reflect: call of reflect.Value.Type on zero Value") }
        return v.deepCopy()
    }
}
