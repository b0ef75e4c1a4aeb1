import Diagnostics
import GoStd

/// Shared state of one parse: the lexer and the trees found so far.
final class ParseSession {
    // One parse runs on one thread and never overlaps its own accesses.
    @exclusivity(unchecked) var lexer: Lexer
    @exclusivity(unchecked) var trees: [String: ListNode] = [:]
    @exclusivity(unchecked) var order: [String] = []
    let functions: FunctionMap
    let parseName: String

    init(text: [UInt8], parseName: String, functions: FunctionMap, emitComments: Bool) {
        lexer = Lexer(text)
        self.functions = functions
        self.parseName = parseName
        lexer.emitComment = emitComments
        lexer.breakOK = functions.resolve("break") == nil
        lexer.continueOK = functions.resolve("continue") == nil
    }
}

/// Go's `parse.Tree` parser for one tree (the file or one `define`/`block`),
/// with the same three-token lookahead so error lines match Go's.
final class Parser {
    private let session: ParseSession
    @exclusivity(unchecked) private var name: String
    @exclusivity(unchecked) private var token: [Item] = Array(repeating: Item(type: .eof, pos: 0, val: "", line: 0), count: 3)
    @exclusivity(unchecked) private var peekCount = 0
    @exclusivity(unchecked) private var vars: [String] = ["$"]
    @exclusivity(unchecked) private var actionLine = 0
    @exclusivity(unchecked) private var rangeDepth = 0
    @exclusivity(unchecked) private var stackDepth = 0
    static let maxStackDepth = 10000

    init(session: ParseSession, name: String) {
        self.session = session
        self.name = name
    }

    /// Parses `text` as Go's `parse.Parse(name, text)`: the trees by name.
    static func parse(name: String, text: [UInt8], functions: FunctionMap, emitComments: Bool = false) throws -> (trees: [String: ListNode], order: [String]) {
        let session = ParseSession(text: text, parseName: name, functions: functions, emitComments: emitComments)
        let top = Parser(session: session, name: name)
        let root = try top.parseTop()
        try top.add(root)
        return (session.trees, session.order)
    }

    // MARK: tokens

    private func next() -> Item {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            token[0] = session.lexer.nextItem()
        }
        return token[peekCount]
    }

    private func backup() { peekCount += 1 }

    private func backup2(_ t1: Item) {
        token[1] = t1
        peekCount = 2
    }

    private func backup3(_ t2: Item, _ t1: Item) {
        token[1] = t1
        token[2] = t2
        peekCount = 3
    }

    private func peek() -> Item {
        if peekCount > 0 { return token[peekCount - 1] }
        peekCount = 1
        token[0] = session.lexer.nextItem()
        return token[0]
    }

    private func nextNonSpace() -> Item {
        while true {
            let t = next()
            if t.type != .space { return t }
        }
    }

    private func peekNonSpace() -> Item {
        let t = nextNonSpace()
        backup()
        return t
    }

    // MARK: errors

    /// Go's `t.errorf`: a parse error on the line of the current token;
    /// the location also has the token's column.
    private func errorf(_ message: String) -> LocatedError {
        let input = session.lexer.input
        let pos = min(max(token[0].pos, 0), input.count)
        var lineStart = pos
        while lineStart > 0 && input[lineStart - 1] != 0x0A { lineStart -= 1 }
        let location = SourceLocation(file: session.parseName, line: token[0].line, column: pos - lineStart + 1, offset: pos)
        return TemplateErrors.parse(session.parseName, location, message).quotingSource(input)
    }

    private func expect(_ expected: ItemType, _ context: String) throws -> Item {
        let t = nextNonSpace()
        if t.type != expected { throw unexpected(t, context) }
        return t
    }

    private func unexpected(_ t: Item, _ context: String) -> LocatedError {
        if t.type == .error {
            var extra = ""
            if actionLine != 0 && actionLine != t.line {
                extra = " in action started at \(session.parseName):\(actionLine)"
                if t.val.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return errorf(t.description + extra)
        }
        var described = t
        described.val = session.lexer.text(of: t)
        return errorf("unexpected \(described.description) in \(context)")
    }

    private func add(_ root: ListNode) throws {
        if let existing = session.trees[name], !existing.isEmptyTree {
            if !root.isEmptyTree { throw errorf("template: multiple definition of template \(GoQuote.quote(name))") }
            return
        }
        if session.trees[name] == nil { session.order.append(name) }
        session.trees[name] = root
    }

    // MARK: grammar

    /// parse:
    ///
    ///     (define | textOrAction)* EOF
    ///
    /// The top-level list, with each `{{define}}` parsed into its own tree by a
    /// sub-parser. `{{end}}` or `{{else}}` here is an error.
    private func parseTop() throws -> ListNode {
        var nodes: [Node] = []
        let rootPos = peek().pos
        while peek().type != .eof {
            if peek().type == .leftDelim {
                let delim = next()
                if nextNonSpace().type == .define {
                    let sub = Parser(session: session, name: "definition")
                    try sub.parseDefinition()
                    continue
                }
                backup2(delim)
            }
            switch try textOrAction() {
            case .end(let pos): _ = pos; throw errorf("unexpected {{end}}")
            case .elseItem: throw errorf("unexpected {{else}}")
            case .node(let n): nodes.append(n)
            }
        }
        return ListNode(pos: rootPos, nodes: nodes)
    }

    /// define (after `{{define`):
    ///
    ///     (string | rawString) '}}' itemList '{{end}}'
    ///
    /// Adds the list as the tree named by the unquoted string; `{{else}}` as the
    /// terminator is an error.
    private func parseDefinition() throws {
        let context = "define clause"
        let t = nextNonSpace()
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        do { name = try Literals.unquote(t.val).text } catch { throw errorf(goErrorText(error)) }
        _ = try expect(.rightDelim, context)
        let (list, end) = try itemList()
        if case .elseItem = end { throw errorf("unexpected {{else}} in \(context)") }
        try add(list)
    }

    private enum Parsed {
        case node(Node)
        case end(Int)
        case elseItem(pos: Int, line: Int)
    }

    /// itemList:
    ///
    ///     textOrAction* ('{{end}}' | '{{else' …)
    ///
    /// Returns the list and the terminator, for the caller to check; EOF before
    /// one is `unexpected EOF`.
    private func itemList() throws -> (ListNode, Parsed) {
        let pos = peekNonSpace().pos
        var nodes: [Node] = []
        while peekNonSpace().type != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseItem: return (ListNode(pos: pos, nodes: nodes), n)
            case .node(let node): nodes.append(node)
            }
        }
        throw errorf("unexpected EOF")
    }

    /// textOrAction:
    ///
    ///     text | comment | '{{' action
    private func textOrAction() throws -> Parsed {
        let t = nextNonSpace()
        switch t.type {
        case .text: return .node(.text(TextNode(pos: t.pos, bytes: session.lexer.input[t.pos..<t.end])))
        case .leftDelim:
            actionLine = t.line
            defer { actionLine = 0 }
            return try action()
        case .comment: return .node(.comment(CommentNode(pos: t.pos, text: t.val)))
        default: throw unexpected(t, "input")
        }
    }

    /// action (after `{{`):
    ///
    ///     control
    ///     pipeline '}}'
    ///     control: block | break | continue | else | end | if | range | template | with
    ///
    /// The first word picks the control; `{{end}}` and `{{else}}` come back as
    /// markers for the enclosing list. Variables declared here stay in scope
    /// until the enclosing `{{end}}`.
    private func action() throws -> Parsed {
        let t = nextNonSpace()
        switch t.type {
        case .block: return .node(try blockControl())
        case .breakKeyword: return .node(try breakOrContinue(t, isBreak: true))
        case .continueKeyword: return .node(try breakOrContinue(t, isBreak: false))
        case .elseKeyword: return try elseControl()
        case .end: return .end(try expect(.rightDelim, "end").pos)
        case .ifKeyword: return .node(.ifNode(try parseControl("if")))
        case .range: return .node(.rangeNode(try parseControl("range")))
        case .template: return .node(try templateControl())
        case .with: return .node(.withNode(try parseControl("with")))
        default: break
        }
        backup()
        let t2 = peek()
        let pipe = try pipeline("command", end: .rightDelim)
        return .node(.action(ActionNode(pos: t2.pos, line: t2.line, pipe: pipe)))
    }

    /// break / continue (after the keyword):
    ///
    ///     '}}'
    ///
    /// Only inside the first list of a `{{range}}`. The lexer makes the words
    /// keywords only when no function of that name is defined.
    private func breakOrContinue(_ t: Item, isBreak: Bool) throws -> Node {
        let word = isBreak ? "break" : "continue"
        let n = nextNonSpace()
        if n.type != .rightDelim { throw unexpected(n, "{{\(word)}}") }
        if rangeDepth == 0 { throw errorf("{{\(word)}} outside {{range}}") }
        return isBreak ? .breakNode(pos: t.pos) : .continueNode(pos: t.pos)
    }

    /// pipeline:
    ///
    ///     declarations? command ('|' command)* '|'? end
    ///     declarations:
    ///         variable (':=' | '=')
    ///         variable ',' variable (':=' | '=')     (range only)
    ///
    /// `end` is `}}` or `)`. A variable is a declaration only when `:=`, `=` or
    /// `,` follows it (spaces allowed); otherwise it is an operand (so in
    /// `{{range $x, $y}}` only `$x` is declared). Errors: `missing value for …`
    /// with no command, `non executable command in pipeline stage N` when a
    /// later command starts with a literal or `.`.
    private func pipeline(_ context: String, end: ItemType) throws -> PipeNode {
        let start = peekNonSpace()
        var decl: [VariableNode] = []
        var isAssign = false
        var cmds: [CommandNode] = []
        declLoop: while true {
            let v = peekNonSpace()
            guard v.type == .variable else { break }
            _ = next()
            let tokenAfterVariable = peek()
            let nxt = peekNonSpace()
            if nxt.type == .assign || nxt.type == .declare {
                isAssign = nxt.type == .assign
                _ = nextNonSpace()
                decl.append(VariableNode(pos: v.pos, ident: v.val.split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
                vars.append(v.val)
            } else if nxt.type == .char && nxt.val == "," {
                _ = nextNonSpace()
                decl.append(VariableNode(pos: v.pos, ident: v.val.split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
                vars.append(v.val)
                if context == "range" && decl.count < 2 {
                    switch peekNonSpace().type {
                    case .variable, .rightDelim, .rightParen: continue declLoop
                    default: throw errorf("range can only initialize variables")
                    }
                }
                throw errorf("too many declarations in \(context)")
            } else if tokenAfterVariable.type == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            break
        }
        while true {
            let t = nextNonSpace()
            switch t.type {
            case end:
                if cmds.isEmpty { throw errorf("missing value for \(context)") }
                for (i, c) in cmds.enumerated().dropFirst() {
                    switch c.args[0] {
                    case .bool, .dot, .nilValue, .number, .string:
                        throw errorf("non executable command in pipeline stage \(i + 1)")
                    default: break
                    }
                }
                return PipeNode(pos: start.pos, line: start.line, isAssign: isAssign, decl: decl, cmds: cmds)
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword,
                 .rawString, .string, .variable, .leftParen:
                backup()
                cmds.append(try command())
            default:
                throw unexpected(t, context)
            }
        }
    }

    /// if / range / with (after the keyword):
    ///
    ///     pipeline '}}' itemList '{{end}}'
    ///     pipeline '}}' itemList '{{else}}' itemList '{{end}}'
    ///     pipeline '}}' itemList '{{else' 'if' …       (if only)
    ///     pipeline '}}' itemList '{{else' 'with' …     (with only)
    ///
    /// `{{else if …}}` is read as `{{else}}{{if …}}…{{end}}`, the inner `if`'s
    /// `{{end}}` closing both. Runs ``parseControlBody(_:)`` on a fresh
    /// big-stack thread when this one's stack runs low.
    private func parseControl(_ context: String) throws -> BranchNode {
        try DeepStack.withRoom { try parseControlBody(context) }
    }

    /// The rule of ``parseControl(_:)``, after the keyword:
    ///
    ///     pipeline '}}' itemList ('{{else' …)? '{{end}}'
    ///
    /// Variables declared in the pipeline go out of scope at the end; a second
    /// `{{else}}` is `expected end; found {{else}}`.
    private func parseControlBody(_ context: String) throws -> BranchNode {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, next) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: ListNode?
        if case .elseItem(let pos, _) = next {
            if context == "if" && peek().type == .ifKeyword {
                _ = self.next()
                elseList = ListNode(pos: pos, nodes: [.ifNode(try parseControl("if"))])
            } else if context == "with" && peek().type == .with {
                _ = self.next()
                elseList = ListNode(pos: pos, nodes: [.withNode(try parseControl("with"))])
            } else {
                let (l, n2) = try itemList()
                if case .elseItem = n2 { throw errorf("expected end; found {{else}}") }
                elseList = l
            }
        }
        return BranchNode(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    /// else (after the keyword):
    ///
    ///     '}}'
    ///     ('if' | 'with') …          left pending for parseControlBody
    ///
    /// Returns the `.elseItem` marker.
    private func elseControl() throws -> Parsed {
        let p = peekNonSpace()
        if p.type == .ifKeyword || p.type == .with { return .elseItem(pos: p.pos, line: p.line) }
        let t = try expect(.rightDelim, "else")
        return .elseItem(pos: t.pos, line: t.line)
    }

    /// block (after the keyword):
    ///
    ///     (string | rawString) pipeline '}}' itemList '{{end}}'
    ///
    /// Defines the list as the named template (in a sub-parser with its own
    /// variables) and stands for `{{template "name" pipeline}}`; the pipeline
    /// is required. Blocks nest without limit, so the body is parsed with
    /// stack room (``DeepStack/withRoom(_:)``).
    private func blockControl() throws -> Node {
        let context = "block clause"
        let t = nextNonSpace()
        let blockName = try parseTemplateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let sub = Parser(session: session, name: blockName)
        let (list, end) = try DeepStack.withRoom { try sub.itemList() }
        if case .elseItem = end { throw errorf("unexpected {{else}} in \(context)") }
        try sub.add(list)
        return .template(TemplateNode(pos: t.pos, line: t.line, name: blockName, pipe: pipe))
    }

    /// template (after the keyword):
    ///
    ///     (string | rawString) pipeline? '}}'
    private func templateControl() throws -> Node {
        let context = "template clause"
        let t = nextNonSpace()
        let templateName = try parseTemplateName(t, context)
        var pipe: PipeNode?
        if nextNonSpace().type != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateNode(pos: t.pos, line: t.line, name: templateName, pipe: pipe))
    }

    /// templateName:
    ///
    ///     string | rawString        (unquoted)
    private func parseTemplateName(_ t: Item, _ context: String) throws -> String {
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        do { return try Literals.unquote(t.val).text } catch { throw errorf(goErrorText(error)) }
    }

    /// command:
    ///
    ///     operand (space operand)* ('|' | before '}}' or ')')
    ///
    /// Consumes the `|` that ends it but leaves `}}` and `)` for the pipeline;
    /// anything else after an operand is `unexpected … in operand`. No operand is
    /// `empty command`.
    private func command() throws -> CommandNode {
        let pos = peekNonSpace().pos
        var args: [Arg] = []
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { args.append(operand) }
            let t = next()
            switch t.type {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if args.isEmpty { throw errorf("empty command") }
        return CommandNode(pos: pos, args: args)
    }

    /// operand:
    ///
    ///     term field*
    ///
    /// Fields must follow the term directly. After a field or variable they
    /// lengthen it (`.a.b`, `$x.a`); after `(…)` or a function they make a chain;
    /// after a literal or `.` they are an error. nil if no term is next.
    private func operand() throws -> Arg? {
        guard let node = try term() else { return nil }
        guard peek().type == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peek().type == .field { fields.append(String(next().val.dropFirst())) }
        switch node {
        case .field(let f): return .field(FieldNode(pos: chainPos, ident: f.ident + fields))
        case .variable(let v): return .variable(VariableNode(pos: chainPos, ident: v.ident + fields))
        case .bool, .string, .number, .nilValue, .dot:
            throw errorf("unexpected . after term \(GoQuote.quote(node.description))")
        default: return .chain(ChainNode(pos: chainPos, node: node, fields: fields))
        }
    }

    /// term:
    ///
    ///     literal (number, character, complex, string, raw string, nil, boolean)
    ///     function (identifier; must be defined)
    ///     .
    ///     .Field
    ///     $variable (must be in scope)
    ///     '(' pipeline ')'
    ///
    /// nil, with the item put back, if none of these is next.
    private func term() throws -> Arg? {
        let t = nextNonSpace()
        switch t.type {
        case .identifier:
            guard let fn = session.functions.resolve(t.val) else {
                throw errorf("function \(GoQuote.quote(t.val)) not defined")
            }
            return .identifier(IdentifierNode(pos: t.pos, name: t.val, function: fn))
        case .dot: return .dot(pos: t.pos)
        case .nilKeyword: return .nilValue(pos: t.pos)
        case .variable: return try useVar(t.pos, t.val)
        case .field: return .field(FieldNode(pos: t.pos, ident: t.val.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
        case .bool: return .bool(pos: t.pos, value: t.val == "true")
        case .charConstant, .complex, .number:
            do { return .number(try NumberParser.number(pos: t.pos, text: t.val, type: t.type)) } catch { throw errorf(goErrorText(error)) }
        case .leftParen:
            if stackDepth >= Parser.maxStackDepth { throw errorf("max expression depth exceeded") }
            stackDepth += 1
            defer { stackDepth -= 1 }
            return .pipe(try DeepStack.withRoom { try pipeline("parenthesized pipeline", end: .rightParen) })
        case .rawString:
            // A raw string keeps its bytes (valid UTF-8 or not), less carriage returns.
            let raw = session.lexer.input[(t.pos + 1)..<(t.end - 1)].filter { $0 != 0x0D }
            return .string(StringNode(pos: t.pos, quoted: t.val, text: GoString(bytes: raw)))
        case .string:
            do {
                return .string(StringNode(pos: t.pos, quoted: t.val, text: try Literals.unquote(t.val)))
            } catch { throw errorf(goErrorText(error)) }
        default:
            backup()
            return nil
        }
    }

    /// variable:
    ///
    ///     '$' alphanumeric*
    ///
    /// The first part must be declared (`$` always is): `undefined variable "$x"`.
    private func useVar(_ pos: Int, _ text: String) throws -> Arg {
        let ident = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if vars.contains(ident[0]) { return .variable(VariableNode(pos: pos, ident: ident)) }
        throw errorf("undefined variable \(GoQuote.quote(ident[0]))")
    }
}
