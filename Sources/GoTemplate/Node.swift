import GoStd
import Values

/// A statement in a template body (Go's nodes that can appear in a `ListNode`).
public enum Node: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case comment(CommentNode)
    case ifNode(BranchNode)
    case rangeNode(BranchNode)
    case withNode(BranchNode)
    case template(TemplateNode)
    case breakNode(pos: Int)
    case continueNode(pos: Int)

    /// The byte offset of the node in its source.
    public var pos: Int {
        switch self {
        case .text(let n): return n.pos
        case .action(let n): return n.pos
        case .comment(let n): return n.pos
        case .ifNode(let n), .rangeNode(let n), .withNode(let n): return n.pos
        case .template(let n): return n.pos
        case .breakNode(let p), .continueNode(let p): return p
        }
    }

    /// Go's `Node.String()`: the node printed back as template source.
    public var description: String {
        var s = ""
        write(to: &s)
        return s
    }

    func write(to s: inout String) {
        DeepStack.withRoom { writeHere(to: &s) }
    }

    /// Whether the node holds statement lists (`if`, `range`, `with`).
    var hasBody: Bool {
        switch self {
        case .ifNode, .rangeNode, .withNode: return true
        default: return false
        }
    }

    /// Levels of statement lists and parenthesized pipelines below.
    var height: Int {
        switch self {
        case .ifNode(let b), .rangeNode(let b), .withNode(let b):
            return max(b.pipe.height, b.list.height, b.elseList?.height ?? 0)
        case .action(let n): return n.pipe.height
        case .template(let n): return n.pipe?.height ?? 0
        default: return 0
        }
    }

    private func writeHere(to s: inout String) {
        switch self {
        case .text(let n): s += n.text.text
        case .action(let n): s += "{{"; n.pipe.write(to: &s); s += "}}"
        case .comment(let n): s += "{{" + n.text + "}}"
        case .ifNode(let n): n.write(keyword: "if", to: &s)
        case .rangeNode(let n): n.write(keyword: "range", to: &s)
        case .withNode(let n): n.write(keyword: "with", to: &s)
        case .template(let n): n.write(to: &s)
        case .breakNode: s += "{{break}}"
        case .continueNode: s += "{{continue}}"
        }
    }
}

/// A sequence of statements.
public final class ListNode: @unchecked Sendable {
    public let pos: Int
    /// Set once; emptied only by `deinit`.
    @exclusivity(unchecked) public private(set) var nodes: [Node]

    init(pos: Int, nodes: [Node]) {
        self.pos = pos
        self.nodes = nodes
    }

    private static let teardown = ThreadLocal { DeferredRelease<[Node]>() }

    /// Swift frees a tree by recursion. A list dying with little stack left
    /// (deep in the parser, as an error unwinds past a deep finished body)
    /// hands its statements to a per-thread loop instead.
    deinit {
        if nodes.contains(where: \.hasBody) && !DeepStack.hasRoom() {
            Self.teardown.value.hold(taking: &nodes, leaving: [])
        }
    }

    /// Levels of statement lists and parenthesized pipelines in this tree
    /// (how deep walking or freeing it recurses).
    var height: Int {
        1 + (nodes.lazy.map { node in DeepStack.withRoom { node.height } }.max() ?? 0)
    }

    func write(to s: inout String) {
        for n in nodes { n.write(to: &s) }
    }

    /// Go's `ListNode.String()`: the statements printed back as source.
    public var description: String {
        var s = ""
        write(to: &s)
        return s
    }

    /// Go's `parse.IsEmptyTree`: only whitespace text and comments.
    var isEmptyTree: Bool {
        for n in nodes {
            switch n {
            case .comment: continue
            case .text(let t):
                if !t.isSpace { return false }
            default: return false
            }
        }
        return true
    }
}

/// Plain text: its bytes, a slice of the parsed source (not decoded, so
/// a large text costs no copy or UTF-8 check).
public final class TextNode: Sendable {
    public let pos: Int
    public let bytes: ArraySlice<UInt8>

    init(pos: Int, bytes: ArraySlice<UInt8>) {
        self.pos = pos
        self.bytes = bytes
    }

    /// The text as a Go string.
    public var text: GoString { GoString(bytes: bytes) }

    /// Whether every rune is white space (Go's `unicode.IsSpace`; an
    /// invalid byte is U+FFFD, which is not).
    var isSpace: Bool { text.runes.allSatisfy(GoUnicode.isSpace) }
}

/// A comment (kept only when parsing with comments).
public struct CommentNode: Sendable {
    public let pos: Int
    public let text: String
}

/// `{{ pipeline }}`.
public final class ActionNode: Sendable {
    public let pos: Int
    public let line: Int
    public let pipe: PipeNode

    init(pos: Int, line: Int, pipe: PipeNode) {
        self.pos = pos
        self.line = line
        self.pipe = pipe
    }
}

/// `if`, `range` or `with` with its body and optional else list.
public struct BranchNode: Sendable {
    public let pos: Int
    public let line: Int
    public let pipe: PipeNode
    public let list: ListNode
    public let elseList: ListNode?

    func write(keyword: String, to s: inout String) {
        s += "{{" + keyword + " "
        pipe.write(to: &s)
        s += "}}"
        list.write(to: &s)
        if let e = elseList {
            s += "{{else}}"
            e.write(to: &s)
        }
        s += "{{end}}"
    }
}

/// `{{template "name" pipeline}}`.
public final class TemplateNode: Sendable {
    public let pos: Int
    public let line: Int
    public let name: String
    public let pipe: PipeNode?
    /// `name` as a Go string (the key of remembered calls).
    let goName: GoString

    init(pos: Int, line: Int, name: String, pipe: PipeNode?) {
        self.pos = pos
        self.line = line
        self.name = name
        self.pipe = pipe
        goName = GoString(name)
    }

    func write(to s: inout String) {
        s += "{{template " + GoQuote.quote(name)
        if let p = pipe {
            s += " "
            p.write(to: &s)
        }
        s += "}}"
    }
}

/// A pipeline with optional variable declarations: `$x := a | b`.
public final class PipeNode: Sendable {
    public let pos: Int
    public let line: Int
    public let isAssign: Bool
    public let decl: [VariableNode]
    public let cmds: [CommandNode]

    init(pos: Int, line: Int, isAssign: Bool, decl: [VariableNode], cmds: [CommandNode]) {
        self.pos = pos
        self.line = line
        self.isAssign = isAssign
        self.decl = decl
        self.cmds = cmds
    }

    /// Levels of parenthesized pipelines, this one included.
    var height: Int {
        1 + (cmds.lazy.flatMap(\.args).map(\.height).max() ?? 0)
    }

    /// The pipeline printed back as source.
    public var description: String {
        var s = ""
        write(to: &s)
        return s
    }

    func write(to s: inout String) {
        if !decl.isEmpty {
            for (i, v) in decl.enumerated() {
                if i > 0 { s += ", " }
                v.write(to: &s)
            }
            s += isAssign ? " = " : " := "
        }
        for (i, c) in cmds.enumerated() {
            if i > 0 { s += " | " }
            c.write(to: &s)
        }
    }
}

/// One command of a pipeline: an operand or a function call with arguments.
public final class CommandNode: @unchecked Sendable {
    public let pos: Int
    /// Set once; emptied only by `deinit`.
    @exclusivity(unchecked) public private(set) var args: [Arg]

    init(pos: Int, args: [Arg]) {
        self.pos = pos
        self.args = args
    }

    private static let teardown = ThreadLocal { DeferredRelease<[Arg]>() }

    /// As ``ListNode``'s: 10000 nested parentheses freed with little stack
    /// left go through a per-thread loop.
    deinit {
        if args.contains(where: \.holdsPipe) && !DeepStack.hasRoom() {
            Self.teardown.value.hold(taking: &args, leaving: [])
        }
    }

    func write(to s: inout String) {
        for (i, a) in args.enumerated() {
            if i > 0 { s += " " }
            if case .pipe(let p) = a {
                s += "("
                DeepStack.withRoom { p.write(to: &s) }
                s += ")"
            } else {
                a.write(to: &s)
            }
        }
    }

    var description: String {
        var s = ""
        write(to: &s)
        return s
    }
}

/// An operand of a command.
public enum Arg: Sendable {
    case field(FieldNode)
    case chain(ChainNode)
    case identifier(IdentifierNode)
    case pipe(PipeNode)
    case variable(VariableNode)
    case bool(pos: Int, value: Bool)
    case dot(pos: Int)
    case nilValue(pos: Int)
    // Boxed: the two large payloads would make every operand as large as them.
    indirect case number(NumberNode)
    indirect case string(StringNode)

    /// Whether the operand holds a parenthesized pipeline.
    var holdsPipe: Bool {
        switch self {
        case .pipe, .chain: return true
        default: return false
        }
    }

    /// Levels of parenthesized pipelines in the operand.
    var height: Int {
        switch self {
        case .pipe(let p): return DeepStack.withRoom { p.height }
        case .chain(let n): return n.node.height
        default: return 0
        }
    }

    /// The byte offset of the operand.
    public var pos: Int {
        switch self {
        case .field(let n): return n.pos
        case .chain(let n): return n.pos
        case .identifier(let n): return n.pos
        case .pipe(let n): return n.pos
        case .variable(let n): return n.pos
        case .bool(let p, _), .dot(let p), .nilValue(let p): return p
        case .number(let n): return n.pos
        case .string(let n): return n.pos
        }
    }

    /// Go's `String()` of the operand.
    public var description: String {
        var s = ""
        write(to: &s)
        return s
    }

    func write(to s: inout String) {
        switch self {
        case .field(let n): for id in n.ident { s += "." + id }
        case .chain(let n):
            if case .pipe(let p) = n.node {
                s += "("
                DeepStack.withRoom { p.write(to: &s) }
                s += ")"
            } else {
                DeepStack.withRoom { n.node.write(to: &s) }
            }
            for f in n.fields { s += "." + f }
        case .identifier(let n): s += n.name
        case .pipe(let p): DeepStack.withRoom { p.write(to: &s) }
        case .variable(let n): n.write(to: &s)
        case .bool(_, let b): s += b ? "true" : "false"
        case .dot: s += "."
        case .nilValue: s += "nil"
        case .number(let n): s += n.text
        case .string(let n): s += n.quoted
        }
    }
}

/// `.a.b.c`: field or key chain starting at dot.
public final class FieldNode: Sendable {
    public let pos: Int
    public let ident: [String]

    init(pos: Int, ident: [String]) {
        self.pos = pos
        self.ident = ident
    }
}

/// `(pipeline).a.b` or `term.a.b` for a non-field, non-variable term.
public final class ChainNode: Sendable {
    public let pos: Int
    public let node: Arg
    public let fields: [String]

    init(pos: Int, node: Arg, fields: [String]) {
        self.pos = pos
        self.node = node
        self.fields = fields
    }
}

/// A function name, bound at parse time to its function.
public final class IdentifierNode: Sendable {
    public let pos: Int
    public let name: String
    let function: TemplateFunction?

    init(pos: Int, name: String, function: TemplateFunction?) {
        self.pos = pos
        self.name = name
        self.function = function
    }
}

/// `$x` or `$x.a.b`.
public final class VariableNode: Sendable {
    public let pos: Int
    public let ident: [String]

    init(pos: Int, ident: [String]) {
        self.pos = pos
        self.ident = ident
    }

    func write(to s: inout String) {
        for (i, id) in ident.enumerated() {
            if i > 0 { s += "." }
            s += id
        }
    }
}

/// A string literal.
public struct StringNode: Sendable {
    public let pos: Int
    /// The literal with its quotes, as written.
    public let quoted: String
    /// The unquoted value.
    public let text: GoString
}

/// A numeric literal with all the interpretations Go's parser computes.
public struct NumberNode: Sendable {
    public let pos: Int
    public var isInt = false
    public var isUint = false
    public var isFloat = false
    public var isComplex = false
    public var int64: Int64 = 0
    public var uint64: UInt64 = 0
    public var float64: Double = 0
    public var complex: (re: Double, im: Double) = (0, 0)
    /// The literal as written.
    public let text: String

    init(pos: Int, text: String) {
        self.pos = pos
        self.text = text
    }
}
