import Diagnostics
import GoStd
import Values

extension Executor {
    // MARK: fields and variables

    func evalFieldNode(_ dot: RV, _ f: FieldNode, _ node: Arg, _ args: ArraySlice<Arg>, final: RV?) throws -> RV {
        at(.arg(node))
        return try evalFieldChain(dot, dot, node, f.ident[...], args, final: final)
    }

    func evalChainNode(_ dot: RV, _ c: ChainNode, _ node: Arg, _ args: ArraySlice<Arg>, final: RV?) throws -> RV {
        at(.arg(node))
        if case .nilValue = c.node { throw errorf("indirection through explicit nil in \(node.description)") }
        let receiver = try evalArgUntyped(dot, c.node)
        return try evalFieldChain(dot, receiver, node, c.fields[...], args, final: final)
    }

    func evalVariableNode(_ dot: RV, _ v: VariableNode, _ node: Arg, _ args: ArraySlice<Arg>, final: RV?) throws -> RV {
        at(.arg(node))
        let value = try varValue(v.ident[0])
        if v.ident.count == 1 {
            try notAFunction(args, node, final: final)
            return value
        }
        return try evalFieldChain(dot, value, node, v.ident.dropFirst(), args, final: final)
    }

    func evalFieldChain(_ dot: RV, _ receiver: RV, _ node: Arg, _ ident: ArraySlice<String>, _ args: ArraySlice<Arg>, final: RV?) throws -> RV {
        var receiver = receiver
        let last = ident.endIndex - 1
        var i = ident.startIndex
        while i < last {
            receiver = try evalField(dot, ident[i], node, [], final: nil, receiver)
            i += 1
        }
        return try evalField(dot, ident[last], node, args, final: final, receiver)
    }

    func evalField(_ dot: RV, _ fieldName: String, _ node: Arg, _ args: ArraySlice<Arg>, final: RV?, _ receiver: RV) throws -> RV {
        let value: Value
        switch receiver {
        case .invalid:
            if missingKey == .error { throw errorf("nil data; no entry for key \(GoQuote.quote(fieldName))") }
            return .invalid
        case .iface(.null):
            throw errorf("nil pointer evaluating interface {}.\(fieldName)")
        case .iface(let v), .val(let v):
            value = v
        }
        if case .object(let o) = value, let method = method(of: o, fieldName) {
            return try evalCall(dot, method, node: .arg(node), name: fieldName, args, final: final)
        }
        let hasArgs = !args.isEmpty || final != nil
        switch value {
        case .map(let m, let type):
            // Methods come first; they are exported, so upper case.
            if type.hasMethods, let f = fieldName.utf8.first, f >= UInt8(ascii: "A"), f <= UInt8(ascii: "Z"),
               let method = mapMethods?(m, type, fieldName) {
                return try evalCall(dot, method, node: .arg(node), name: fieldName, args, final: final)
            }
            if hasArgs { throw errorf("\(fieldName) is not a method but has arguments") }
            if let result = m.entries[GoString(fieldName)] {
                return type.elementsAreInterfaces ? .iface(result) : .val(result)
            }
            switch missingKey {
            case .invalid: return .invalid
            case .zero: return type.elementsAreInterfaces ? .iface(.null) : .val(.string(GoString.empty))
            case .error: throw errorf("map has no entry for key \(GoQuote.quote(fieldName))")
            }
        case .object(let o):
            if let result = o.member(fieldName) {
                if hasArgs { throw errorf("\(fieldName) has arguments but cannot be invoked as function") }
                if case .null = result { return .iface(.null) }
                return .val(result)
            }
        default:
            break
        }
        throw errorf("can't evaluate field \(fieldName) in type \(receiver.typeName)")
    }

    // MARK: calls

    func evalFunction(_ dot: RV, _ id: IdentifierNode, node: CurrentNode, _ args: ArraySlice<Arg>, final: RV?) throws -> RV {
        at(.arg(.identifier(id)))
        guard let function = id.function else {
            throw errorf("\(GoQuote.quote(id.name)) is not a defined function")
        }
        return try evalCall(dot, function, node: node, name: id.name, args, final: final, site: id.pos)
    }

    /// `site` is the position of the function's name in the source, where
    /// coverage counts the arm a branching function took (-1: none).
    func evalCall(_ dot: RV, _ fn: TemplateFunction, node: CurrentNode, name: String, _ args: ArraySlice<Arg>, final: RV?,
                  site: Int = -1) throws -> RV {
        let numIn = args.count + (final == nil ? 0 : 1)
        var numFixed = args.count
        if fn.variadic != nil {
            numFixed = fn.parameters.count
            if numIn < numFixed {
                throw errorf("wrong number of args for \(name): want at least \(fn.parameters.count) got \(args.count)")
            }
        } else if numIn != fn.parameters.count {
            throw errorf("wrong number of args for \(name): want \(fn.parameters.count) got \(numIn)")
        }
        if case .uncallable(let message) = fn.body { throw errorf(message) }
        let builtin = fn.builtin
        if builtin == .and || builtin == .or {
            let isOr = builtin == .or
            var v: RV = .invalid
            for (i, arg) in args.enumerated() {
                v = try evalArg(dot, .reflectValue, arg)
                if Executor.isTrue(v.indirected) == isOr {
                    coverage?.hit(template.source, site, .call, arm: i + 1)
                    return v
                }
            }
            if let final { v = final }
            coverage?.hit(template.source, site, .call, arm: numIn)
            return v
        }
        // Builtins take reflect values; Swift functions take plain values,
        // collected directly into an argument array reused across calls.
        var argv: [RV] = builtin != nil ? reflectArgumentPool.popLast() ?? [] : []
        var values: [Value] = builtin == nil ? argumentPool.popLast() ?? [] : []
        if builtin != nil { argv.reserveCapacity(numIn) } else { values.reserveCapacity(numIn) }
        var i = args.startIndex
        var k = 0
        while k < numFixed && i < args.endIndex {
            let v = try evalArg(dot, fn.parameters[k], args[i])
            if builtin != nil { argv.append(v) } else { values.append(v.value) }
            i += 1
            k += 1
        }
        if let variadic = fn.variadic {
            while i < args.endIndex {
                let v = try evalArg(dot, variadic, args[i])
                if builtin != nil { argv.append(v) } else { values.append(v.value) }
                i += 1
            }
        }
        if let final {
            var t = fn.parameters.last ?? .any
            if let variadic = fn.variadic {
                t = numIn - 1 < numFixed ? fn.parameters[numIn - 1] : variadic
            }
            let v = try validateType(final, t)
            if builtin != nil { argv.append(v) } else { values.append(v.value) }
        }
        if let builtin {
            defer {
                argv.removeAll(keepingCapacity: true)
                reflectArgumentPool.append(argv)
            }
            do {
                if builtin == .call {
                    let calleeName = args.first?.description ?? GoFmt.format(final?.value ?? .null)
                    return try callBuiltin(calleeName, argv)
                }
                return try Builtins.invoke(builtin, argv)
            } catch let e as LocatedError {
                if e.kind == .goFatal { throw e }
                at(node)
                throw errorf("error calling \(name): \(e.description)", cause: e)
            } catch {
                at(node)
                throw errorf("error calling \(name): \(goErrorText(error))", cause: error)
            }
        }
        guard case .swift(let body) = fn.body else { return .invalid }
        defer {
            values.removeAll(keepingCapacity: true)
            argumentPool.append(values)
        }
        if fn.dependence != .arguments {
            environment.includeMemo.nondeterministicCalls &+= 1
            if fn.dependence == .clockOrRandomness { environment.clockOrRandomnessCalls &+= 1 }
        }
        if let coverage, let branches = fn.branches, site >= 0 {
            coverage.hit(template.source, site, .call, arm: branches.choose(values))
        }
        let result: Value
        do {
            result = try body(values, context)
        } catch let e as LocatedError where e.kind == .goFatal {
            throw e
        } catch {
            at(node)
            throw errorf("error calling \(name): \(goErrorText(error))", cause: error)
        }
        if fn.result == .any { return .iface(result) }
        if case .null = result { return .iface(.null) }
        return .val(result)
    }

    /// Go's `call` builtin: `call fn args...`.
    func callBuiltin(_ name: String, _ argv: [RV]) throws -> RV {
        let fnValue = argv[0].indirected
        guard case .val(let v) = fnValue else { throw GoError("call of nil") }
        guard case .object(let o) = v, let callable = o as? any GoCallable else {
            throw GoError("non-function \(name) of type \(v.goTypeName)")
        }
        let fn = callable.function
        let args = argv.dropFirst()
        if fn.variadic != nil {
            if args.count < fn.parameters.count {
                throw GoError("wrong number of args for \(name): got \(args.count) want at least \(fn.parameters.count)")
            }
        } else if args.count != fn.parameters.count {
            throw GoError("wrong number of args for \(name): got \(args.count) want \(fn.parameters.count)")
        }
        var values: [Value] = []
        for (i, arg) in args.enumerated() {
            let t = i < fn.parameters.count ? fn.parameters[i] : (fn.variadic ?? .any)
            let a = arg.indirected
            if case .val(let x) = a, !(t == .any || t == .reflectValue || Executor.matches(x, t)) {
                throw GoError("arg \(i): value has type \(x.goTypeName); should be \(t.goName)")
            }
            if case .invalid = a, !t.canBeNil { throw GoError("arg \(i): value is nil; should be of type \(t.goName)") }
            values.append(a.value)
        }
        guard case .swift(let body) = fn.body else { return .invalid }
        let result = try body(values, context)
        return fn.result == .any ? .iface(result) : RV.concrete(result)
    }

    // MARK: arguments

    static func matches(_ v: Value, _ t: GoType) -> Bool {
        switch (t, v) {
        case (.any, _), (.reflectValue, _): return true
        case (.string, .string), (.bool, .bool), (.float64, .float): return true
        case (.list, .list(_, let type)): return type.element == .interface
        case (.map, .map(_, let type)): return type.isInterfaceMap
        case (.int, .int(_, let k)): return k == .int
        case (.int64, .int(_, let k)): return k == .int64
        case (.uint32, .int(_, let k)): return k == .uint32
        case (.stringList, .list(_, let type)): return type.element == .string
        case (.stringList, .object(let o)): return o.goTypeName == "[]string"
        case (.named(let n), _), (.namedInt(let n), _): return v.goTypeName == n
        default: return false
        }
    }

    /// The value as a parameter of type `t` receives it: a named map type
    /// (`chartutil.Values`) converted to `map[string]interface{}`.
    @inline(__always)
    static func converted(_ v: Value, _ t: GoType) -> Value {
        if case .map(let m, let type) = v, type != .interfaces, case .map = t { return .map(m) }
        return v
    }

    /// Go's `validateType`: checks an evaluated value against a parameter type.
    func validateType(_ value: RV, _ t: GoType) throws -> RV {
        switch value {
        case .invalid:
            if t.canBeNil { return .invalid }
            throw errorf("invalid value; expected \(t.goName)")
        case .iface(let x):
            if t == .any || t == .reflectValue { return value }
            if case .null = x { throw errorf("wrong type for value; expected \(t.goName); got interface {}") }
            if Executor.matches(x, t) { return .val(Executor.converted(x, t)) }
            throw errorf("wrong type for value; expected \(t.goName); got \(x.goTypeName)")
        case .val(let x):
            if Executor.matches(x, t) {
                if case .map(let m, let type) = x, type != .interfaces, case .map = t { return .val(.map(m)) }
                return value
            }
            throw errorf("wrong type for value; expected \(t.goName); got \(x.goTypeName)")
        }
    }

    /// Go's `evalArg` with a nil type (chain receivers).
    func evalArgUntyped(_ dot: RV, _ n: Arg) throws -> RV {
        at(.arg(n))
        switch n {
        case .dot: return dot
        case .field(let f): return try evalFieldNode(dot, f, n, [], final: nil)
        case .variable(let v): return try evalVariableNode(dot, v, n, [], final: nil)
        case .pipe(let p): return try nested { try evalPipeline(dot, p) }
        case .identifier(let id): return try evalFunction(dot, id, node: .arg(n), [], final: nil)
        case .chain(let c): return try evalChainNode(dot, c, n, [], final: nil)
        default: return try evalEmptyInterface(dot, n)
        }
    }

    func evalArg(_ dot: RV, _ t: GoType, _ n: Arg) throws -> RV {
        at(.arg(n))
        switch n {
        case .dot: return try validateType(dot, t)
        case .nilValue:
            if t.canBeNil { return .invalid }
            throw errorf("cannot assign nil to \(t.goName)")
        case .field(let f): return try validateType(evalFieldNode(dot, f, n, [], final: nil), t)
        case .variable(let v): return try validateType(evalVariableNode(dot, v, n, [], final: nil), t)
        case .pipe(let p): return try validateType(nested { try evalPipeline(dot, p) }, t)
        case .identifier(let id): return try validateType(evalFunction(dot, id, node: .arg(n), [], final: nil), t)
        case .chain(let c): return try validateType(evalChainNode(dot, c, n, [], final: nil), t)
        default: break
        }
        switch t {
        case .bool:
            if case .bool(_, let b) = n { return .val(.bool(b)) }
            throw errorf("expected bool; found \(n.description)")
        case .float64:
            if case .number(let num) = n, num.isFloat { return .val(.float(num.float64)) }
            throw errorf("expected float; found \(n.description)")
        case .int, .int64, .namedInt:
            if case .number(let num) = n, num.isInt { return .val(.int(num.int64, t == .int ? .int : .int64)) }
            throw errorf("expected integer; found \(n.description)")
        case .uint32:
            // Go's evalUnsignedInteger: SetUint keeps the low 32 bits.
            if case .number(let num) = n, num.isUint {
                return .val(.int(Int64(UInt32(truncatingIfNeeded: num.uint64)), .uint32))
            }
            throw errorf("expected unsigned integer; found \(n.description)")
        case .string:
            if case .string(let s) = n { return .val(.string(s.text)) }
            throw errorf("expected string; found \(n.description)")
        case .any, .reflectValue:
            return try evalEmptyInterface(dot, n)
        default:
            throw errorf("can't handle \(n.description) for arg of type \(t.goName)")
        }
    }

    func evalEmptyInterface(_ dot: RV, _ n: Arg) throws -> RV {
        at(.arg(n))
        switch n {
        case .bool(_, let b): return .val(.bool(b))
        case .number(let num): return try idealConstant(num, n)
        case .string(let s): return .val(.string(s.text))
        case .nilValue: throw errorf("evalEmptyInterface: nil (can't happen)")
        default: throw errorf("can't handle assignment of \(n.description) to empty interface argument")
        }
    }
}
