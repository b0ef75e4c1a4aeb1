import GoStd
import GoTemplate
import Values

extension Sprig {
    /// List functions (list.go). Every one that takes `interface{}` works on
    /// any slice kind and reports another kind as Sprig does; a nil list
    /// fails with Go's nil-dereference runtime error.
    static var coreListFunctions: [String: TemplateFunction] {
        var table: [String: TemplateFunction] = [
            "list": goFunc([], variadic: .any, returns: .list) { args in .list(args) },
            "push": goFunc([.any, .any], returns: .list) { args in
                .list(try elements(args[0], "Cannot push on type ") + [args[1]])
            },
            "prepend": goFunc([.any, .any], returns: .list) { args in
                .list([args[1]] + (try elements(args[0], "Cannot prepend on type ")))
            },
            "chunk": goFunc([.int, .any], returns: .named("[][]interface {}")) { args in
                try chunk(Int(args[0].intArg), try elements(args[1], "Cannot chunk type "))
            },
            "first": goFunc([.any]) { args in try elements(args[0], "Cannot find first on type ").first ?? .null },
            "last": goFunc([.any]) { args in try elements(args[0], "Cannot find last on type ").last ?? .null },
            "rest": goFunc([.any], returns: .list) { args in
                let items = try elements(args[0], "Cannot find rest on type ")
                return items.isEmpty ? .list([], GoSliceType.interfaces.asNil) : .list(Array(items.dropFirst()))
            },
            "initial": goFunc([.any], returns: .list) { args in
                let items = try elements(args[0], "Cannot find initial on type ")
                return items.isEmpty ? .list([], GoSliceType.interfaces.asNil) : .list(Array(items.dropLast()))
            },
            "reverse": goFunc([.any], returns: .list) { args in
                .list(try elements(args[0], "Cannot find reverse on type ").reversed())
            },
            "compact": goFunc([.any], returns: .list) { args in
                .list(try elements(args[0], "Cannot compact on type ").filter { !CoreConvert.isEmpty($0) })
            },
            "uniq": goFunc([.any], returns: .list) { args in
                var out: [Value] = []
                for item in try elements(args[0], "Cannot find uniq on type ")
                where !out.contains(where: { CoreConvert.deepEqual(item, $0) }) {
                    out.append(item)
                }
                return .list(out)
            },
            "without": goFunc([.any], variadic: .any, returns: .list) { args in
                let omit = args.dropFirst()
                return .list(try elements(args[0], "Cannot find without on type ").filter { item in
                    !omit.contains { CoreConvert.deepEqual(item, $0) }
                })
            },
            "has": goFunc([.any, .any], returns: .bool) { args in
                if case .null = args[1] { return .bool(false) }
                let items = try elements(args[1], "Cannot find has on type ")
                return .bool(items.contains { CoreConvert.deepEqual(args[0], $0) })
            },
            "slice": goFunc([.any], variadic: .any) { args in try slice(args[0], args.dropFirst()) },
            "concat": goFunc([], variadic: .any) { args in
                var out: [Value] = []
                for list in args {
                    guard let items = CoreConvert.sliceElements(list) else {
                        throw GoError("Cannot concat type \(try CoreConvert.kind(list)) as list")
                    }
                    out += items
                }
                return .list(out)
            },
            "sortAlpha": goFunc([.any], returns: .stringList) { args in
                // A nil `[]string` sorts to itself.
                if case .list(let items, let type) = args[0], type.element == .string, items.isEmpty { return args[0] }
                guard CoreConvert.sliceElements(args[0]) != nil else {
                    return CoreConvert.stringList([CoreConvert.strval(args[0])])
                }
                return CoreConvert.stringList(CoreConvert.strslice(args[0]).sorted(by: goLess))
            },
        ]
        table["tuple"] = table["list"]
        table["append"] = table["push"]
        table["mustAppend"] = table["push"]
        table["mustPush"] = table["push"]
        for name in ["prepend", "chunk", "first", "last", "rest", "initial", "reverse", "compact", "uniq", "without", "has", "slice"] {
            table["must" + name.prefix(1).uppercased() + name.dropFirst()] = table[name]
        }
        return table
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
}
