import GoRegexp
import GoStd
import Values

/// A filter parse tree (Go's `filterNode`): a lexeme, the sub-path lexemes
/// of `@`/`$` terms, and the operands.
final class FilterNode {
    let lexeme: Lexeme
    let subpath: [Lexeme]
    let children: [FilterNode?]

    init(_ lexeme: Lexeme, subpath: [Lexeme] = [], children: [FilterNode?] = []) {
        self.lexeme = lexeme
        self.subpath = subpath
        self.children = children
    }

    var isItemFilter: Bool { lexeme.type == .filterAt || lexeme.type == .root }

    var isLiteral: Bool {
        switch lexeme.type {
        case .filterStringLiteral, .filterBooleanLiteral, .filterNullLiteral, .filterFloatLiteral,
             .filterIntegerLiteral, .filterRegularExpressionLiteral:
            return true
        default:
            return false
        }
    }
}

/// The filter expression parser (precedence: `!` and comparisons, then
/// `&&`, then `||`), kept token-for-token with Go's so odd inputs parse alike.
struct FilterParser {
    let input: [Lexeme]
    var pos = 0
    var stack: [FilterNode?] = []
    var tree: FilterNode?

    init(_ input: [Lexeme]) {
        self.input = input
    }

    func peek() -> Lexeme {
        pos < input.count ? input[pos] : Lexeme(type: .eof, value: "")
    }

    mutating func nextLexeme() -> Lexeme {
        defer { pos += 1 }
        return peek()
    }

    mutating func pop() -> FilterNode? { stack.popLast() ?? nil }

    /// filter: `expression?` — nil for no lexemes. Lexemes left over after the
    /// expression are ignored, as in Go.
    mutating func parse() -> FilterNode? {
        if peek().type == .eof { return nil }
        expression()
        return tree
    }

    /// expression: `conjunction ('||' conjunction)*`, left-associative.
    mutating func expression() {
        conjunction()
        while peek().type == .filterOr {
            stack.append(tree)
            let n = nextLexeme()
            conjunction()
            tree = FilterNode(n, children: [pop(), tree])
        }
    }

    /// conjunction: `basicFilter ('&&' basicFilter)*`, left-associative.
    mutating func conjunction() {
        basicFilter()
        while peek().type == .filterAnd {
            stack.append(tree)
            let n = nextLexeme()
            basicFilter()
            tree = FilterNode(n, children: [pop(), tree])
        }
    }

    /// basicFilter:
    ///
    ///     '!' basicFilter
    ///     '(' expression ')'?
    ///     filterTerm (comparator filterTerm)?
    ///     comparator: '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~'
    ///
    /// `!` takes the whole comparison after it (`!@.a == 1` is `!(@.a == 1)`);
    /// a missing `)` is not an error.
    mutating func basicFilter() {
        let n = peek()
        switch n.type {
        case .filterNot:
            _ = nextLexeme()
            basicFilter()
            tree = FilterNode(n, children: [tree])
            return
        case .filterOpenBracket:
            _ = nextLexeme()
            expression()
            if peek().type == .filterCloseBracket { _ = nextLexeme() }
            return
        default:
            break
        }
        filterTerm()
        let op = peek()
        if op.type.isComparisonOrMatch {
            _ = nextLexeme()
            let lhs = tree
            filterTerm()
            tree = FilterNode(op, children: [lhs, tree])
        }
    }

    /// filterTerm:
    ///
    ///     ('@' | '$') subpath
    ///     literal (integer, float, string, boolean, null, regular expression)
    ///     subpath: (identity | dotChild | bracketChild | recursiveDescent
    ///               | arraySubscript | '[?(' any* ')]')*
    ///
    /// EOF or an error lexeme gives nil; anything else leaves the previous tree
    /// in place, as Go does.
    mutating func filterTerm() {
        let n = peek()
        switch n.type {
        case .eof, .error:
            tree = nil
        case .filterAt, .root:
            _ = nextLexeme()
            var subpath: [Lexeme] = []
            var nesting = 1
            scan: while true {
                let s = peek()
                switch s.type {
                case .identity, .dotChild, .bracketChild, .recursiveDescent, .arraySubscript:
                    break
                case .filterBegin:
                    nesting += 1
                case .filterEnd:
                    nesting -= 1
                    if nesting == 0 { break scan }
                case .eof:
                    break scan
                default:
                    if nesting == 1 { break scan }
                }
                subpath.append(s)
                _ = nextLexeme()
            }
            tree = FilterNode(n, subpath: subpath)
        case .filterIntegerLiteral, .filterFloatLiteral, .filterStringLiteral, .filterBooleanLiteral,
             .filterNullLiteral, .filterRegularExpressionLiteral:
            _ = nextLexeme()
            tree = FilterNode(n)
        default:
            // Go leaves the previous tree in place here.
            break
        }
    }
}

/// A value a filter compares: a scalar's text and its kind.
struct TypedValue: Sendable {
    enum Kind: Sendable, Equatable { case unknown, string, int, float, boolean, null, regularExpression }
    var kind: Kind
    var text: String

    var isNumeric: Bool { kind == .int || kind == .float }

    func compatible(with other: TypedValue) -> Bool {
        (isNumeric && other.isNumeric) || kind == other.kind || (kind == .string && other.kind == .regularExpression)
    }

    init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    init(_ node: QueryNode) {
        text = node.text
        guard node.kind == .scalar else {
            kind = .unknown
            return
        }
        switch node.tag {
        case .null: kind = .null
        case .bool: kind = .boolean
        case .str: kind = .string
        case .int: kind = .int
        case .float: kind = .float
        case .other: kind = .unknown
        }
    }

    init(literal l: Lexeme) {
        switch l.type {
        case .filterIntegerLiteral: self.init(kind: .int, text: l.value)
        case .filterFloatLiteral: self.init(kind: .float, text: l.value)
        case .filterStringLiteral:
            let bytes = Array(l.value.utf8)
            self.init(kind: .string, text: String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self))
        case .filterBooleanLiteral: self.init(kind: .boolean, text: l.value)
        case .filterNullLiteral: self.init(kind: .null, text: l.value)
        case .filterRegularExpressionLiteral:
            self.init(kind: .regularExpression, text: Lexer.sanitiseRegularExpression(l.value))
        default: self.init(kind: .unknown, text: l.value)
        }
    }

    /// The number a numeric text names (YAML's `.inf`/`.nan` included).
    var number: Double {
        switch text {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text) ?? .nan
        }
    }
}

/// Operands of a comparison: a path from `@` or `$`, or a literal.
enum Scanner: Sendable {
    case empty
    case path(Path, fromRoot: Bool)
    case literal(TypedValue)

    init(_ node: FilterNode?) {
        guard let node else {
            self = .empty
            return
        }
        if node.isItemFilter {
            let text = node.subpath.map(\.value).joined()
            guard let path = try? Path(text) else {
                self = .empty
                return
            }
            self = .path(path, fromRoot: node.lexeme.type == .root)
        } else if node.isLiteral {
            self = .literal(TypedValue(literal: node.lexeme))
        } else {
            self = .empty
        }
    }

    func values(_ node: QueryNode, root: QueryNode) -> [TypedValue] {
        switch self {
        case .empty: return []
        case .literal(let v): return [v]
        case .path(let path, let fromRoot):
            return path.nodes(in: fromRoot ? root : node).map(TypedValue.init)
        }
    }
}

/// A compiled filter predicate.
indirect enum Filter: Sendable {
    case never
    case constant(Bool)
    case exists(Scanner)
    case compare(LexemeType, Scanner, Scanner)
    case match(Scanner, Scanner, GoRegexp?)
    case not(Filter)
    case or(Filter, Filter)
    case and(Filter, Filter)

    init(_ node: FilterNode?) {
        guard let node else {
            self = .never
            return
        }
        let child = { (i: Int) -> FilterNode? in i < node.children.count ? node.children[i] : nil }
        switch node.lexeme.type {
        case .filterAt, .root:
            self = .exists(Scanner(node))
        case .filterEquality, .filterInequality, .filterGreaterThan, .filterGreaterThanOrEqual,
             .filterLessThan, .filterLessThanOrEqual:
            self = .compare(node.lexeme.type, Scanner(child(0)), Scanner(child(1)))
        case .filterMatchesRegularExpression:
            let rhs = Scanner(child(1))
            var regex: GoRegexp?
            if case .literal(let v) = rhs, v.kind == .regularExpression { regex = try? GoRegexp(v.text) }
            self = .match(Scanner(child(0)), rhs, regex)
        case .filterNot:
            self = .not(Filter(child(0)))
        case .filterOr:
            self = .or(Filter(child(0)), Filter(child(1)))
        case .filterAnd:
            self = .and(Filter(child(0)), Filter(child(1)))
        case .filterBooleanLiteral:
            self = .constant(node.lexeme.value == "true")
        default:
            self = .never
        }
    }

    func accepts(_ node: QueryNode, root: QueryNode) -> Bool {
        switch self {
        case .never: return false
        case .constant(let b): return b
        case .exists(let scanner): return !scanner.values(node, root: root).isEmpty
        case .not(let f): return !f.accepts(node, root: root)
        case .or(let a, let b): return a.accepts(node, root: root) || b.accepts(node, root: root)
        case .and(let a, let b): return a.accepts(node, root: root) && b.accepts(node, root: root)
        case .compare(let op, let lhs, let rhs):
            return Filter.setwise(lhs, rhs, node, root) { l, r in Filter.compare(op, l, r) }
        case .match(let lhs, let rhs, let regex):
            return Filter.setwise(lhs, rhs, node, root) { s, re in
                s.kind == .string && re.kind == .regularExpression && (regex?.matches(s.text) ?? false)
            }
        }
    }

    /// True if every pair of left and right values is accepted and there is at least one pair.
    static func setwise(_ lhs: Scanner, _ rhs: Scanner, _ node: QueryNode, _ root: QueryNode,
                        _ accept: (TypedValue, TypedValue) -> Bool) -> Bool {
        var match = false
        let rights = rhs.values(node, root: root)
        for l in lhs.values(node, root: root) {
            for r in rights {
                if !accept(l, r) { return false }
                match = true
            }
        }
        return match
    }

    enum Comparison { case less, equal, greater, incomparable }

    static func compare(_ op: LexemeType, _ l: TypedValue, _ r: TypedValue) -> Bool {
        let c: Comparison
        if !l.compatible(with: r) {
            c = .incomparable
        } else {
            switch l.kind {
            case .boolean: c = l.text.lowercased() == r.text.lowercased() ? .equal : .incomparable
            case .null: c = .equal
            default: c = compareValues(l, r)
            }
        }
        switch op {
        case .filterEquality: return c == .equal
        case .filterInequality: return c != .equal
        case .filterGreaterThan: return c == .greater
        case .filterGreaterThanOrEqual: return c == .greater || c == .equal
        case .filterLessThan: return c == .less
        case .filterLessThanOrEqual: return c == .less || c == .equal
        default: return false
        }
    }

    static func compareValues(_ l: TypedValue, _ r: TypedValue) -> Comparison {
        if l.isNumeric && r.isNumeric {
            let a = l.number, b = r.number
            return a < b ? .less : a > b ? .greater : .equal
        }
        if (l.kind != .string && !l.isNumeric) || (r.kind != .string && !r.isNumeric) { return .incomparable }
        if goLess(l.text, r.text) { return .less }
        if goLess(r.text, l.text) { return .greater }
        return .equal
    }
}
