import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Plain string helpers (strings.go and the `strings` package wrappers
    /// in functions.go). Lengths and slicing count bytes, as Go does.
    static var coreStringFunctions: [String: TemplateFunction] {
        var table: [String: TemplateFunction] = [
            "trim": goFunc([.string], returns: .string) { args in .string(GoStrings.trimSpace(args[0].str)) },
            "trimAll": goFunc([.string, .string], returns: .string) { args in
                .string(GoStrings.trim(args[1].str, cutset: args[0].str))
            },
            "trimPrefix": goFunc([.string, .string], returns: .string) { args in
                let (prefix, s) = (args[0].str, args[1].str)
                return .string(s.utf8.starts(with: prefix.utf8) ? GoStrings.bytes(s, from: prefix.utf8.count) : s)
            },
            "trimSuffix": goFunc([.string, .string], returns: .string) { args in
                let (suffix, s) = (args[0].str, args[1].str)
                guard GoStrings.hasSuffix(s, suffix) else { return .string(s) }
                return .string(GoStrings.bytes(s, to: s.utf8.count - suffix.utf8.count))
            },
            "nospace": goFunc([.string], returns: .string) { args in .string(TextStrings.deleteWhiteSpace(args[0].str)) },
            "upper": goFunc([.string], returns: .string) { args in .string(GoStrings.toUpper(args[0].str)) },
            "lower": goFunc([.string], returns: .string) { args in .string(GoStrings.toLower(args[0].str)) },
            "repeat": goFunc([.int, .string], returns: .string) { args in
                .string(try GoStrings.repeating(args[1].str, args[0].intArg))
            },
            "substr": goFunc([.int, .int, .string], returns: .string) { args in
                .string(try TextStrings.substring(Int(args[0].intArg), Int(args[1].intArg), args[2].str))
            },
            "trunc": goFunc([.int, .string], returns: .string) { args in
                let (c, s) = (Int(args[0].intArg), args[1].str)
                let n = s.utf8.count
                if c < 0 && n + c > 0 { return .string(GoStrings.bytes(s, from: n + c)) }
                if c >= 0 && n > c { return .string(GoStrings.bytes(s, to: c)) }
                return .string(s)
            },
            "contains": goFunc([.string, .string], returns: .bool) { args in
                .bool(GoStrings.index(args[1].str, args[0].str) != nil)
            },
            "hasPrefix": goFunc([.string, .string], returns: .bool) { args in
                .bool(args[1].str.utf8.starts(with: args[0].str.utf8))
            },
            "hasSuffix": goFunc([.string, .string], returns: .bool) { args in
                .bool(GoStrings.hasSuffix(args[1].str, args[0].str))
            },
            "quote": goFunc([], variadic: .any, returns: .string) { args in
                .string(args.filter { !$0.isNull }.map { GoQuote.quote(CoreConvert.strval($0)) }.joined(separator: " "))
            },
            "squote": goFunc([], variadic: .any, returns: .string) { args in
                .string(args.filter { !$0.isNull }.map { "'" + CoreConvert.formatV($0) + "'" }.joined(separator: " "))
            },
            "cat": goFunc([], variadic: .any, returns: .string) { args in
                .string(args.filter { !$0.isNull }.map(CoreConvert.formatV).joined(separator: " "))
            },
            "indent": goFunc([.int, .string], returns: .string) { args in
                .string(try indent(args[0].intArg, args[1].str))
            },
            "nindent": goFunc([.int, .string], returns: .string) { args in
                .string("\n" + (try indent(args[0].intArg, args[1].str)))
            },
            "replace": goFunc([.string, .string, .string], returns: .string) { args in
                .string(GoStrings.replaceAll(args[2].str, args[0].str, args[1].str))
            },
            "plural": goFunc([.string, .string, .int], returns: .string) { args in
                args[2].intArg == 1 ? args[0] : args[1]
            },
            "join": goFunc([.string, .any], returns: .string) { args in
                .string(CoreConvert.strslice(args[1]).joined(separator: args[0].str))
            },
            "split": goFunc([.string, .string], returns: .named("map[string]string")) { args in
                indexedMap(GoStrings.split(args[1].str, args[0].str, limit: -1))
            },
            "splitn": goFunc([.string, .int, .string], returns: .named("map[string]string")) { args in
                indexedMap(GoStrings.split(args[2].str, args[0].str, limit: Int(args[1].intArg)))
            },
            "splitList": goFunc([.string, .string], returns: .stringList) { args in
                CoreConvert.stringList(GoStrings.split(args[1].str, args[0].str, limit: -1))
            },
        ]
        table["trimall"] = table["trimAll"]
        return table
    }

    /// Sprig's `indent`: the pad before the text and after every newline.
    static func indent(_ spaces: Int64, _ s: String) throws -> String {
        let pad = try GoStrings.repeating(" ", spaces)
        return pad + GoStrings.replaceAll(s, "\n", "\n" + pad)
    }

    /// `split`'s result: `_0`, `_1`… → parts (a Go `map[string]string`).
    static func indexedMap(_ parts: [String]) -> Value {
        let map = GoMap()
        for (i, part) in parts.enumerated() { map["_\(i)"] = .string(part) }
        return .map(map, .strings)
    }
}
