import GoStd
import GoTemplate
import Values

extension Sprig {
    /// List functions (list.go, and `until`, `untilStep`, `seq` from
    /// functions.go). Every one that takes `interface{}` works on any slice
    /// kind and reports another kind as Sprig does; a nil list fails with
    /// Go's nil-dereference runtime error.
    static var listFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-lists", library: "Sprig", title: "Sprig: lists",
            intro: "The `must…` variants return an error where Sprig's plain ones panic; Go turns both into `error calling …`, so chartunit registers the same function under both names.",
            [
                .init("list", "A new list of its arguments.",
                      goFunc([], variadic: .any, returns: .list) { args in .list(args) }),
                .alias("tuple", of: "list", "Alias of `list`."),
                .init("first", "First element; nil for an empty list.",
                      goFunc([.any]) { args in try elements(args[0], "Cannot find first on type ").first ?? .null }),
                .alias("mustFirst", of: "first", "Error-returning `first` (Sprig); the same behaviour in a template."),
                .init("last", "Last element; nil for an empty list.",
                      goFunc([.any]) { args in try elements(args[0], "Cannot find last on type ").last ?? .null }),
                .alias("mustLast", of: "last", "Error-returning `last` (Sprig); the same behaviour in a template."),
                .init("rest", "All but the first element.",
                      goFunc([.any], returns: .list) { args in
                          let items = try elements(args[0], "Cannot find rest on type ")
                          return items.isEmpty ? .list([], GoSliceType.interfaces.asNil) : .list(Array(items.dropFirst()))
                      }),
                .alias("mustRest", of: "rest", "Error-returning `rest` (Sprig); the same behaviour in a template."),
                .init("initial", "All but the last element.",
                      goFunc([.any], returns: .list) { args in
                          let items = try elements(args[0], "Cannot find initial on type ")
                          return items.isEmpty ? .list([], GoSliceType.interfaces.asNil) : .list(Array(items.dropLast()))
                      }),
                .alias("mustInitial", of: "initial", "Error-returning `initial` (Sprig); the same behaviour in a template."),
                .init("push", "`push LIST x`: a new list with x appended.",
                      goFunc([.any, .any], returns: .list) { args in
                          .list(try elements(args[0], "Cannot push on type ") + [args[1]])
                      }),
                .alias("append", of: "push", "Alias of `push`."),
                .alias("mustPush", of: "push", "Error-returning `push` (Sprig); the same behaviour in a template."),
                .alias("mustAppend", of: "push", "Error-returning `append` (Sprig); the same behaviour in a template."),
                .init("prepend", "`prepend LIST x`: a new list with x in front.",
                      goFunc([.any, .any], returns: .list) { args in
                          .list([args[1]] + (try elements(args[0], "Cannot prepend on type ")))
                      }),
                .alias("mustPrepend", of: "prepend", "Error-returning `prepend` (Sprig); the same behaviour in a template."),
                .init("concat", "Concatenates lists (flattens one level).",
                      goFunc([], variadic: .any) { args in
                          var out: [Value] = []
                          for list in args {
                              guard let items = CoreConvert.sliceElements(list) else {
                                  throw GoError("Cannot concat type \(try CoreConvert.kind(list)) as list")
                              }
                              out += items
                          }
                          return .list(out)
                      }),
                .init("reverse", "A reversed copy.",
                      goFunc([.any], returns: .list) { args in
                          .list(try elements(args[0], "Cannot find reverse on type ").reversed())
                      }),
                .alias("mustReverse", of: "reverse", "Error-returning `reverse` (Sprig); the same behaviour in a template."),
                .init("uniq", "Removes duplicates with Go equality (float64 `1` and int `1` differ).",
                      goFunc([.any], returns: .list) { args in
                          var out: [Value] = []
                          for item in try elements(args[0], "Cannot find uniq on type ")
                          where !out.contains(where: { CoreConvert.deepEqual(item, $0) }) {
                              out.append(item)
                          }
                          return .list(out)
                      }),
                .alias("mustUniq", of: "uniq", "Error-returning `uniq` (Sprig); the same behaviour in a template."),
                .init("without", "`without LIST x…`: the list minus the given values (type-exact comparison).",
                      goFunc([.any], variadic: .any, returns: .list) { args in
                          let omit = args.dropFirst()
                          return .list(try elements(args[0], "Cannot find without on type ").filter { item in
                              !omit.contains { CoreConvert.deepEqual(item, $0) }
                          })
                      }),
                .alias("mustWithout", of: "without", "Error-returning `without` (Sprig); the same behaviour in a template."),
                .init("has", "`has x LIST`: whether LIST contains x (type-exact: `has 1` is false on YAML numbers).",
                      goFunc([.any, .any], returns: .bool) { args in
                          if case .null = args[1] { return .bool(false) }
                          let items = try elements(args[1], "Cannot find has on type ")
                          return .bool(items.contains { CoreConvert.deepEqual(args[0], $0) })
                      }),
                .alias("mustHas", of: "has", "Error-returning `has` (Sprig); the same behaviour in a template."),
                .init("compact", #"Removes empty elements (`0`, `""`, nil, `false`, empty collections)."#,
                      goFunc([.any], returns: .list) { args in
                          .list(try elements(args[0], "Cannot compact on type ").filter { !CoreConvert.isEmpty($0) })
                      }),
                .alias("mustCompact", of: "compact", "Error-returning `compact` (Sprig); the same behaviour in a template."),
                .init("slice", "Sprig's `slice LIST [START [END]]` (replaces Go's builtin in Helm): lists only, a string is an error.",
                      goFunc([.any], variadic: .any) { args in try slice(args[0], args.dropFirst()) }),
                .alias("mustSlice", of: "slice", "Error-returning `slice` (Sprig); the same behaviour in a template."),
                .init("chunk", "`chunk N LIST`: a list of lists of N elements (the last may be shorter).",
                      goFunc([.int, .any], returns: .named("[][]interface {}")) { args in
                          try chunk(Int(args[0].intArg), try elements(args[1], "Cannot chunk type "))
                      }),
                .alias("mustChunk", of: "chunk", "Error-returning `chunk` (Sprig); the same behaviour in a template."),
                .init("until", "`until N`: the list `[0 … N-1]` (counts down for negative N).",
                      goFunc([.int], returns: .named("[]int")) { args in
                          let count = args[0].intArg
                          return intList(untilStep(0, count, count < 0 ? -1 : 1))
                      }),
                .init("untilStep", "`untilStep START STOP STEP`: the list of START, START+STEP… before STOP.",
                      goFunc([.int, .int, .int], returns: .named("[]int")) { args in
                          intList(untilStep(args[0].intArg, args[1].intArg, args[2].intArg))
                      }),
                .init("seq", #"Like the Unix `seq` (`seq 3`, `seq 5 2`, `seq 0 2 10`) but returns a **string** (`"1 2 3"`)."#,
                      goFunc([], variadic: .int, returns: .string) { args in .string(seq(args.map(\.intArg))) }),
            ]
        )
    }

    /// The elements of a slice-kind argument; other kinds fail with
    /// `message` followed by the kind, nil with the nil-dereference error.
    static func elements(_ v: Value, _ message: String) throws -> [Value] {
        let kind = try CoreConvert.kind(v)
        guard let items = CoreConvert.sliceElements(v) else { throw GoError(message + kind) }
        return items
    }

    /// Sprig's `slice`: `l[start:end]` with cast.ToInt indexes, of the
    /// list's own type; an empty list gives nil.
    static func slice(_ list: Value, _ indices: ArraySlice<Value>) throws -> Value {
        let items = try elements(list, "list should be type of slice or array but ")
        if items.isEmpty { return .null }
        let start = indices.first.map { Int(CoreConvert.toInt64($0)) } ?? 0
        let end = indices.count < 2 ? items.count : Int(CoreConvert.toInt64(indices[indices.startIndex + 1]))
        guard start >= 0, end >= start, end <= items.count else {
            throw GoError("reflect.Value.Slice: slice index out of bounds")
        }
        if case .list(_, let type) = list { return .list(Array(items[start..<end]), GoSliceType(type.element)) }
        if case .object(let bytes as GoBytes) = list { return .object(GoBytes(Array(bytes.bytes[start..<end]))) }
        return .list(Array(items[start..<end]))
    }

    /// Sprig's `chunk`, including its float arithmetic for the chunk count
    /// (a size of 0 or a negative size makes Go's `make` fail).
    static func chunk(_ size: Int, _ items: [Value]) throws -> Value {
        let l = items.count
        let countF = (Double(l - 1) / Double(size)).rounded(.down) + 1
        let count = CoreConvert.goFloatToInt64(countF)
        if count < 0 { throw GoError("runtime error: makeslice: len out of range") }
        var out: [Value] = []
        for i in 0..<Int(count) {
            var clen = size
            if i == Int(count) - 1 {
                let m = Double(l).truncatingRemainder(dividingBy: Double(size))
                clen = Int(CoreConvert.goFloatToInt64(m.rounded(.down)))
                if clen == 0 { clen = size }
            }
            if clen < 0 { throw GoError("runtime error: makeslice: len out of range") }
            var part: [Value] = []
            for j in 0..<clen {
                let ix = i * size + j
                guard ix < l else { throw GoError("reflect: slice index out of range") }
                part.append(items[ix])
            }
            out.append(.list(part))
        }
        return .list(out, .interfaceSlices)
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
