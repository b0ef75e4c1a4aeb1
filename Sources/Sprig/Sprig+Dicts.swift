import GoStd
import GoTemplate
import Values

extension Sprig {
    /// Dict functions (dict.go, and `deepCopy` from reflect.go). Maps are
    /// shared references, so `set`, `unset`, `merge` and `mergeOverwrite`
    /// change the map every holder sees, as in Go.
    static var dictFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-dicts", library: "Sprig", title: "Sprig: dicts",
            [
                .init("dict", #"`dict k1 v1 k2 v2…`: a new map; keys are stringified, a missing last value is `""`."#,
                      goFunc([], variadic: .any, returns: .map) { args in
                          let map = GoMap()
                          var i = 0
                          while i < args.count {
                              map[CoreConvert.strval(args[i])] = i + 1 < args.count ? args[i + 1] : .string("")
                              i += 2
                          }
                          return .map(map)
                      }),
                .init("get", #"`get MAP KEY`: the value, or `""` when absent."#,
                      goFunc([.map, .string]) { args in args[0].mapArg?[args[1].str] ?? .string("") }),
                .init("set", "`set MAP KEY VALUE`: **mutates** and returns the map.",
                      TemplateFunction([.map, .string, .any], returns: .map) { args, context in
                          guard let map = args[0].mapArg else { throw GoError("assignment to entry in nil map") }
                          context.environment.includeMemo.willChange(map, storing: args[2])
                          map[args[1].gostr] = args[2]
                          return .map(map)
                      }),
                .init("unset", "`unset MAP KEY`: **mutates** and returns the map.",
                      TemplateFunction([.map, .string], returns: .map) { args, context in
                          guard let map = args[0].mapArg else { return .map(GoMap()) }
                          context.environment.includeMemo.willChange(map, storing: nil)
                          map.entries.removeValue(forKey: args[1].gostr)
                          return .map(map)
                      }),
                .init("hasKey", "`hasKey MAP KEY`: whether the key is present.",
                      goFunc([.map, .string], returns: .bool) { args in
                          .bool(args[0].mapArg?[args[1].gostr] != nil)
                      }),
                .init("pluck", "`pluck KEY m1 m2…`: the list of KEY's values in the maps that have it.",
                      goFunc([.string], variadic: .map, returns: .list) { args in
                          .list(args.dropFirst().compactMap { $0.mapArg?[args[0].gostr] })
                      }),
                .init("dig", "`dig K1 K2… DEFAULT MAP`: nested lookup with a default (the map comes **last**); a non-map on the way is an error.",
                      goFunc([], variadic: .any) { args in try dig(args) }),
                .init("keys", "The keys of one or more maps, in **random order** (pipe to `sortAlpha`).",
                      goFunc([], variadic: .map, returns: .stringList) { args in
                          CoreConvert.stringList(args.flatMap { $0.mapArg?.sortedKeys ?? [] })
                      }),
                .init("values", "The values of a map, in random order.",
                      goFunc([.map], returns: .list) { args in
                          guard let map = args[0].mapArg else { return .list([]) }
                          return .list(map.sortedKeys.map { map.entries[$0] ?? .null })
                      }),
                .init("pick", "`pick MAP k…`: a new map with only those keys.",
                      goFunc([.map], variadic: .string, returns: .map) { args in
                          let result = GoMap()
                          if let map = args[0].mapArg {
                              for key in args.dropFirst().map(\.gostr) {
                                  if let v = map[key] { result[key] = v }
                              }
                          }
                          return .map(result)
                      }),
                .init("omit", "`omit MAP k…`: a new map without those keys.",
                      goFunc([.map], variadic: .string, returns: .map) { args in
                          let omitted = Set(args.dropFirst().map(\.gostr))
                          let result = GoMap()
                          for (k, v) in args[0].mapArg?.entries ?? [:] where !omitted.contains(k) { result[k] = v }
                          return .map(result)
                      }),
                .init("merge", "`merge DST SRC…`: deep merge into DST, DST's keys win; **mutates** DST.",
                      TemplateFunction([.map], variadic: .map) { args, context in merge(args, overwrite: false, memo: context.environment.includeMemo) }),
                .init("mustMerge", "Error-returning `merge`.",
                      TemplateFunction([.map], variadic: .map) { args, context in merge(args, overwrite: false, memo: context.environment.includeMemo) }),
                .init("mergeOverwrite", "`mergeOverwrite DST SRC…`: deep merge, later sources win even with empty values; **mutates** DST.",
                      TemplateFunction([.map], variadic: .map) { args, context in merge(args, overwrite: true, memo: context.environment.includeMemo) }),
                .init("mustMergeOverwrite", "Error-returning `mergeOverwrite`.",
                      TemplateFunction([.map], variadic: .map) { args, context in merge(args, overwrite: true, memo: context.environment.includeMemo) }),
                .init("deepCopy", "A deep copy of a value (maps and lists copied all the way down).",
                      goFunc([.any]) { args in try deepCopy(args[0], must: false) }),
                .init("mustDeepCopy", "Error-returning `deepCopy`.",
                      goFunc([.any]) { args in try deepCopy(args[0], must: true) }),
            ]
        )
    }

    /// `mergo.Merge(&dst, src)` (or `MergeWithOverwrite`) for each source
    /// in turn; a nil destination becomes a new map once a source is non-nil.
    static func merge(_ args: [Value], overwrite: Bool, memo: IncludeMemo) -> Value {
        var dst = args[0].mapArg
        for src in args.dropFirst() {
            guard let src = src.mapArg else { continue }
            let target = dst ?? GoMap()
            dst = target
            mergeMaps(target, src, overwrite: overwrite, memo: memo)
        }
        return dst.map { .map($0) } ?? .map(GoMap())
    }

    /// mergo's `deepMerge` for two `map[string]interface{}` values: nested
    /// maps merge in place, a nil source value is skipped (copied when
    /// overwriting), and a value is taken when the destination's is empty
    /// or when overwriting — except that without overwrite a non-empty
    /// destination list, or a non-empty destination map facing a source
    /// map, is kept.
    static func mergeMaps(_ dst: GoMap, _ src: GoMap, overwrite: Bool, memo: IncludeMemo) {
        memo.willChange(dst, storing: .map(src))
        for (key, s) in src.entries {
            let d = dst.entries[key]
            if case .null = s {
                if overwrite { dst[key] = .null }
                continue
            }
            if case .map(let sm, _) = s, case .map(let dm, _)? = d {
                DeepStack.withRoom { mergeMaps(dm, sm, overwrite: overwrite, memo: memo) }
            }
            if overwrite, CoreConvert.sliceElements(s) != nil { dst[key] = s }
            if let d, !CoreConvert.isEmpty(d) {
                if CoreConvert.sliceElements(s) != nil { continue }
                if case .map = s, case .map = d { continue }
            }
            if overwrite || d == nil || CoreConvert.isEmpty(d ?? .null) {
                dst[key] = s
            }
        }
    }

    /// Sprig's `dig keys... default dict`, with Go's type-assertion panics.
    static func dig(_ args: [Value]) throws -> Value {
        if args.count < 3 { throw GoError("dig needs at least three arguments") }
        var dict = try assertMap(args[args.count - 1])
        let fallback = args[args.count - 2]
        var keys: [GoString] = []
        for k in args[..<(args.count - 2)] {
            guard case .string(let s) = k else { throw GoError(assertionFailure(k, "string")) }
            keys.append(s)
        }
        for (i, key) in keys.enumerated() {
            guard let step = dict[key] else { return fallback }
            if i == keys.count - 1 { return step }
            dict = try assertMap(step)
        }
        return fallback
    }

    static func assertMap(_ v: Value) throws -> GoMap {
        if case .map(let m, .interfaces) = v { return m }
        throw GoError(assertionFailure(v, "map[string]interface {}"))
    }

    /// Go's `interface conversion` panic text for a failed type assertion.
    static func assertionFailure(_ v: Value, _ want: String) -> String {
        let have = v.isNull ? "nil" : v.goTypeName
        return "interface conversion: interface {} is \(have), not \(want)"
    }

    /// copystructure.Copy: a deep copy of maps and lists; a nil value
    /// fails inside reflection (`deepCopy` panics with the same text).
    static func deepCopy(_ v: Value, must: Bool) throws -> Value {
        if case .null = v { throw GoError("reflect: call of reflect.Value.Type on zero Value") }
        return v.deepCopy()
    }
}
