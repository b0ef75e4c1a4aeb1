import Diagnostics
import GoStd
import Values

/// A value as Go's executor holds it (a `reflect.Value`): invalid, held in
/// an `interface{}` slot (map and list elements; nil allowed), or concrete.
enum RV {
    case invalid
    case iface(Value)
    case val(Value)

    /// Go's `indirectInterface`: the concrete value, or invalid for nil.
    var indirected: RV {
        if case .iface(let v) = self {
            if case .null = v { return .invalid }
            return .val(v)
        }
        return self
    }

    /// The value a Swift function receives (nil → `.null`).
    var value: Value {
        switch self {
        case .invalid: return .null
        case .iface(let v), .val(let v): return v
        }
    }

    var isValid: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// A nil held as a concrete value (not the invalid value of no value).
    var isNullValue: Bool {
        if case .val(.null) = self { return true }
        return false
    }

    /// The static Go type name of the reflect.Value.
    var typeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .iface: return "interface {}"
        case .val(let v): return v.goTypeName
        }
    }

    static func concrete(_ v: Value) -> RV {
        if case .null = v { return .invalid }
        return .val(v)
    }
}

/// The node an error will point at (Go's `state.node`).
enum CurrentNode {
    case none
    case node(Node)
    case pipe(PipeNode)
    case command(CommandNode)
    case arg(Arg)

    var pos: Int {
        switch self {
        case .none: return 0
        case .node(let n): return n.pos
        case .pipe(let p): return p.pos
        case .command(let c): return c.pos
        case .arg(let a): return a.pos
        }
    }

    var text: String {
        switch self {
        case .none: return ""
        case .node(let n): return n.description
        case .pipe(let p): return p.description
        case .command(let c): return c.description
        case .arg(let a): return a.description
        }
    }
}

enum Control { case normal, breakLoop, continueLoop }

/// Go's maximum nesting of `{{template}}` calls.
let maxExecDepth = 100_000

/// Go's `state`: executes one template tree and the templates it calls.
final class Executor {
    let set: TemplateSet
    @exclusivity(unchecked) var template: Template
    let environment: ExecutionEnvironment
    /// Where coverage is counted, when it is.
    let coverage: CoverageRecorder?
    @exclusivity(unchecked) var vars: [(name: String, value: RV)] = []
    @exclusivity(unchecked) var depth = 0
    /// The deepest `depth` reached since the innermost remembered
    /// `{{template}}` call began (how many levels a call used).
    @exclusivity(unchecked) var deepestDepth = 0
    @exclusivity(unchecked) var node: CurrentNode = .none
    @exclusivity(unchecked) var output: [UInt8] = []
    let missingKey: ExecutionOptions.MissingKey
    let mapMethods: MapMethodLookup?
    /// What the functions this executor calls see of it (set once in `init`).
    @exclusivity(unchecked) private(set) var context: ExecutionContext!
    /// Spare argument arrays for function calls, reused across calls.
    @exclusivity(unchecked) var argumentPool: [[Value]] = []
    @exclusivity(unchecked) var reflectArgumentPool: [[RV]] = []

    init(set: TemplateSet, template: Template, environment: ExecutionEnvironment) {
        self.set = set
        self.template = template
        self.environment = environment
        self.coverage = environment.coverage
        self.missingKey = set.options.missingKey
        self.mapMethods = set.functions.mapMethods
        context = ExecutionContext(executor: self)
    }

    func run(data: Value) throws {
        let dot = RV.concrete(data)
        vars = [("$", dot)]
        environment.includeMemo.starting(template, data: data)
        _ = try nested { try walk(dot, list: template.root) }
    }

    /// ``run(data:)`` with any error that is not a ``LocatedError`` wrapped
    /// as an execution error of this template.
    func runCatching(data: Value) throws(LocatedError) {
        do {
            try run(data: data)
        } catch let e as LocatedError {
            throw e
        } catch {
            throw TemplateErrors.execution(template.name, nil, nodeText: nil, goErrorText(error))
        }
    }

    /// Go's `ExecuteTemplate` from inside a running execution (Helm's
    /// `include`): the template `name` of this set runs on this executor
    /// as on a fresh state (own `$`, depth 0) and its output is returned;
    /// the caller's state is restored afterwards.
    func executeNested(named name: String, data: Value) throws(LocatedError) -> GoString {
        guard let nestedTemplate = set.lookup(name) else { throw set.noTemplate(name) }
        coverage?.enter(nestedTemplate, from: template)
        let savedTemplate = template, savedDepth = depth, savedDeepest = deepestDepth, savedNode = node
        var savedVars: [(name: String, value: RV)] = []
        var result = environment.takeOutputBuffer()
        swap(&savedVars, &vars)
        swap(&result, &output)
        template = nestedTemplate
        depth = 0
        deepestDepth = 0
        defer {
            template = savedTemplate
            depth = savedDepth
            deepestDepth = savedDeepest
            node = savedNode
            swap(&savedVars, &vars)
            swap(&result, &output)
            environment.returnOutputBuffer(&result)
        }
        try runCatching(data: data)
        return GoString(bytes: output)
    }

    // MARK: errors

    @inline(__always) func at(_ n: CurrentNode) { node = n }

    /// Go's `s.errorf`: an execution error at the current node.
    func errorf(_ message: String, cause: (any Error)? = nil) -> LocatedError {
        if case .none = node {
            return TemplateErrors.execution(template.name, nil, nodeText: nil, message, cause: cause)
        }
        let (line, col) = template.source.lineAndColumn(of: node.pos)
        return TemplateErrors.execution(
            template.name, SourceLocation(file: template.source.name, line: line, column: col + 1, offset: node.pos),
            nodeText: node.text, message, cause: cause, source: template.source)
    }

    /// Runs a recursion step, on a fresh big-stack thread when this one's
    /// stack runs low (a level's frames vary with what the template calls).
    @inline(__always)
    func nested<T>(_ body: () throws -> T) throws -> T {
        try DeepStack.withRoom(body)
    }

    // MARK: variables

    func setVar(_ name: String, _ value: RV) throws {
        var i = vars.count - 1
        while i >= 0 {
            if vars[i].name == name {
                vars[i].value = value
                return
            }
            i -= 1
        }
        throw errorf("undefined variable: \(name)")
    }

    func varValue(_ name: String) throws -> RV {
        var i = vars.count - 1
        while i >= 0 {
            if vars[i].name == name { return vars[i].value }
            i -= 1
        }
        throw errorf("undefined variable: \(name)")
    }

    @inline(__always) func pop(_ mark: Int) {
        while vars.count > mark { vars.removeLast() }
    }

    // MARK: walking

    func walk(_ dot: RV, list: ListNode) throws -> Control {
        for n in list.nodes {
            let c = try walk(dot, n)
            if c != .normal { return c }
        }
        return .normal
    }

    func walk(_ dot: RV, _ n: Node) throws -> Control {
        // Go records every node here; only nodes that can be the context of
        // an error are recorded (range and template record themselves).
        switch n {
        case .text(let t):
            coverage?.hit(template.source, t.pos)
            output.append(contentsOf: t.bytes)
        case .action(let a):
            coverage?.hit(template.source, a.pos)
            let val = try evalPipeline(dot, a.pipe)
            if a.pipe.decl.isEmpty { printValue(val) }
        case .comment:
            break
        case .ifNode(let b):
            return try nested { try walkIfOrWith(isWith: false, dot, b) }
        case .withNode(let b):
            return try nested { try walkIfOrWith(isWith: true, dot, b) }
        case .rangeNode(let b):
            try nested { try walkRange(dot, n, b) }
        case .template(let t):
            try nested { try walkTemplate(dot, n, t) }
        case .breakNode:
            return .breakLoop
        case .continueNode:
            return .continueLoop
        }
        return .normal
    }

    func printValue(_ v: RV) {
        switch v {
        case .invalid: output += "<no value>".utf8
        case .iface(let x), .val(let x): GoFmt.write(x, to: &output)
        }
    }

    static func isTrue(_ v: RV) -> Bool {
        switch v {
        case .invalid: return false
        case .iface(let x), .val(let x): return x.isTruthy
        }
    }

    func walkIfOrWith(isWith: Bool, _ dot: RV, _ b: BranchNode) throws -> Control {
        let mark = vars.count
        defer { pop(mark) }
        coverage?.hit(template.source, b.pos)
        let val = try evalPipeline(dot, b.pipe)
        let taken = Executor.isTrue(val)
        coverage?.hit(template.source, b.pos, .control, arm: taken ? 1 : 2)
        if taken {
            return try walk(isWith ? val : dot, list: b.list)
        } else if let e = b.elseList {
            return try walk(dot, list: e)
        }
        return .normal
    }

    func walkRange(_ dot: RV, _ n: Node, _ r: BranchNode) throws {
        at(.node(n))
        let outer = vars.count
        defer { pop(outer) }
        coverage?.hit(template.source, r.pos)
        let val = try evalPipeline(dot, r.pipe).indirected
        let mark = vars.count
        let decl = r.pipe.decl
        // Coverage: arm 1 when the body ran at least once, arm 2 when not.
        var iterated = false
        defer { coverage?.hit(template.source, r.pos, .control, arm: iterated ? 1 : 2) }
        // Returns false on break.
        func oneIteration(_ index: RV, _ elem: RV) throws -> Bool {
            iterated = true
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVar(decl[0].ident[0], decl.count > 1 ? index : elem)
                } else {
                    vars[vars.count - 1].value = elem
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign {
                    try setVar(decl[1].ident[0], elem)
                } else {
                    vars[vars.count - 2].value = index
                }
            }
            defer { pop(mark) }
            return try walk(elem, list: r.list) != .breakLoop
        }
        switch val {
        case .val(.int(let n, let kind)):
            if decl.count > 1 {
                throw errorf("can't use \(GoFmt.format(.int(n, kind))) to iterate over more than one variable")
            }
            let count: UInt64 = kind.isUnsigned ? UInt64(bitPattern: n) : (n > 0 ? UInt64(n) : 0)
            if count > 0 {
                var i: UInt64 = 0
                while i < count {
                    if try !oneIteration(.invalid, .val(.int(Int64(bitPattern: i), kind))) { break }
                    i += 1
                }
                return
            }
        case .val(.list(let items, let type)):
            if !items.isEmpty {
                let interfaces = type.elementsAreInterfaces
                for (i, e) in items.enumerated() {
                    if try !oneIteration(.val(.int(i)), interfaces ? .iface(e) : .val(e)) { break }
                }
                return
            }
        case .val(.map(let m, let type)):
            if m.count > 0 {
                let entries = m.entries
                let interfaces = type.elementsAreInterfaces
                for k in m.sortedKeys {
                    let e = entries[k] ?? .null
                    if try !oneIteration(.val(.string(k)), interfaces ? .iface(e) : .val(e)) { break }
                }
                return
            }
        case .invalid:
            break
        case .val(.object(let o as any GoRangeable)):
            let entries = o.rangeEntries
            if !entries.isEmpty {
                for (i, e) in entries.enumerated() {
                    let key: RV = e.key.map { .val($0) } ?? .val(.int(i))
                    if try !oneIteration(key, .iface(e.value)) { break }
                }
                return
            }
        default:
            throw errorf("range can't iterate over \(GoFmt.format(val.value))")
        }
        if let e = r.elseList { _ = try walk(dot, list: e) }
    }

    func walkTemplate(_ dot: RV, _ n: Node, _ t: TemplateNode) throws {
        at(.node(n))
        guard let tmpl = set.lookup(t.name) else {
            throw errorf("template \(GoQuote.quote(t.name)) not defined")
        }
        if depth == maxExecDepth {
            throw errorf("exceeded maximum template depth (\(maxExecDepth))")
        }
        let newDot = try evalPipeline(dot, t.pipe)
        // Go runs the callee on a copy of the state: the caller's node stays.
        let callerNode = node
        defer { node = callerNode }
        if let coverage {
            coverage.hit(template.source, t.pos)
            coverage.enter(tmpl, from: template)
        }
        // Remembered as `include` is, in the set the render began with; a
        // nil held as a value is not the nil of no value, so it is not keyed.
        if coverage == nil && environment.tplDepth == 0, !newDot.isNullValue {
            let callerDepth = depth
            let (text, used) = try environment.includeMemo.templateOutput(
                of: t.goName, data: newDot.value, templateRoom: maxExecDepth - callerDepth
            ) { () throws -> (output: GoString, templateDepth: Int) in
                let outerDeepest = deepestDepth
                var callerOutput = environment.takeOutputBuffer()
                swap(&callerOutput, &output)
                defer {
                    swap(&callerOutput, &output)
                    environment.returnOutputBuffer(&callerOutput)
                    deepestDepth = max(outerDeepest, deepestDepth)
                }
                deepestDepth = callerDepth
                try walkCallee(tmpl, newDot)
                return (GoString(bytes: output), deepestDepth - callerDepth)
            }
            deepestDepth = max(deepestDepth, callerDepth + used)
            text.append(to: &output)
            return
        }
        try walkCallee(tmpl, newDot)
    }

    /// Runs `callee` one `{{template}}` level down with `dot` as `.` and `$`.
    private func walkCallee(_ callee: Template, _ dot: RV) throws {
        let savedTemplate = template
        let savedVars = vars
        template = callee
        vars = [("$", dot)]
        environment.includeMemo.starting(callee, data: dot.value)
        depth += 1
        deepestDepth = max(deepestDepth, depth)
        defer {
            template = savedTemplate
            vars = savedVars
            depth -= 1
        }
        _ = try walk(dot, list: callee.root)
    }

    // MARK: pipelines

    func evalPipeline(_ dot: RV, _ pipe: PipeNode?) throws -> RV {
        guard let pipe else { return .invalid }
        at(.pipe(pipe))
        var value: RV? = nil
        for cmd in pipe.cmds {
            var v = try evalCommand(dot, cmd, final: value)
            if case .iface(let x) = v { v = RV.concrete(x) }
            value = v
        }
        let result = value ?? .invalid
        for v in pipe.decl {
            if pipe.isAssign {
                try setVar(v.ident[0], result)
            } else {
                vars.append((v.ident[0], result))
            }
        }
        return result
    }

    func notAFunction(_ cmdArgs: ArraySlice<Arg>, _ first: Arg, final: RV?) throws {
        if !cmdArgs.isEmpty || final != nil {
            throw errorf("can't give argument to non-function \(first.description)")
        }
    }

    func evalCommand(_ dot: RV, _ cmd: CommandNode, final: RV?) throws -> RV {
        let first = cmd.args[0]
        let rest = cmd.args.dropFirst()
        switch first {
        case .field(let f): return try evalFieldNode(dot, f, first, rest, final: final)
        case .chain(let c): return try evalChainNode(dot, c, first, rest, final: final)
        case .identifier(let id): return try evalFunction(dot, id, node: .command(cmd), rest, final: final)
        case .pipe(let p):
            try notAFunction(rest, first, final: final)
            return try nested { try evalPipeline(dot, p) }
        case .variable(let v): return try evalVariableNode(dot, v, first, rest, final: final)
        default: break
        }
        at(.arg(first))
        try notAFunction(rest, first, final: final)
        switch first {
        case .bool(_, let b): return .val(.bool(b))
        case .dot: return dot
        case .nilValue: throw errorf("nil is not a command")
        case .number(let n): return try idealConstant(n, first)
        case .string(let s): return .val(.string(s.text))
        default: throw errorf("can't evaluate command \(GoQuote.quote(first.description))")
        }
    }

    func idealConstant(_ n: NumberNode, _ arg: Arg) throws -> RV {
        at(.arg(arg))
        if n.isComplex { return .val(.object(GoComplex(real: n.complex.re, imag: n.complex.im))) }
        let text = n.text
        let isHexInt = text.count > 2 && text.hasPrefix("0") && (text.dropFirst().first == "x" || text.dropFirst().first == "X") && !text.contains(where: { $0 == "p" || $0 == "P" })
        let isRuneInt = text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRuneInt && text.contains(where: { ".eEpP".contains($0) }) {
            return .val(.float(n.float64))
        }
        if n.isInt { return .val(.int(n.int64, .int)) }
        if n.isUint { throw errorf("\(text) overflows int") }
        return .invalid
    }
}
