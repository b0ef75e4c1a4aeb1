import Diagnostics
import GoStd
import Values

extension ErrorKind {
    /// A malformed path, `set:` key or selector, or a selector that finds no
    /// single document; the message is the Go library's text, byte for byte,
    /// and the location's column (when known) is the byte in the path text.
    public static let pathQuery = ErrorKind("unittest.path")
}

/// A compiled helm-unittest assertion path (yaml-jsonpath v0.4.0 as forked
/// by helm-unittest, applied the way `valueutils.GetValueOfSetPath` does).
///
/// Parse once, evaluate many times:
///
///     let path = try Path("spec.containers[?(@.name == 'app')].image")
///     let images = try path.find(in: manifest)
public struct Path: Sendable, CustomStringConvertible {
    /// The path text as written.
    public let text: String
    let step: Step

    /// Compiles `text`; throws the Go library's message as a ``LocatedError``.
    public init(_ text: String) throws(LocatedError) {
        self.text = text
        var parser = PathParser(lexemes: Lexer.lex(text))
        step = try parser.parse()
    }

    public var description: String { text }

    /// The values the path selects in `document`, in Go's order, decoded as
    /// helm-unittest decodes them. The empty path gives the document itself.
    public func find(in document: Value) throws(LocatedError) -> [Value] {
        find(in: QueryDocument(document))
    }

    /// The values the path selects in a prepared document.
    public func find(in document: QueryDocument) -> [Value] {
        if text.isEmpty { return [document.value] }
        return nodes(in: document.root).map(\.value)
    }

    func nodes(in root: QueryNode) -> [QueryNode] {
        var result: [QueryNode] = []
        step.evaluate(root, root: root, into: &result)
        return result
    }
}

/// A compiled path: each case applies itself, then hands each match to `next`.
indirect enum Step: Sendable {
    case identity
    case root(Step)
    case recursive(RecursiveChild, Step)
    case child(String, Step)
    case allChildren(Step)
    case bracketChildren([String], Step)
    case arraySubscript(String, Step)
    case filter(Filter, recursive: Bool, Step)
    case propertyName(String, Step)
    case bracketPropertyNames([String], Step)
    case arraySubscriptPropertyName(String, Step)

    enum RecursiveChild: Sendable {
        case all, none
        case named(String)
    }

    func evaluate(_ node: QueryNode, root: QueryNode, into out: inout [QueryNode]) {
        switch self {
        case .identity:
            out.append(node)
        case .root(let next):
            next.evaluate(node, root: root, into: &out)
        case .recursive(let child, let next):
            var all: [QueryNode] = []
            node.appendDescendantsPostOrder(to: &all)
            let step: Step
            switch child {
            case .all: step = .allChildren(next)
            case .none: step = next
            case .named(let name): step = .child(name, next)
            }
            for n in all { step.evaluate(n, root: root, into: &out) }
        case .child(let name, let next):
            guard node.kind == .mapping else { return }
            var i = 0
            while i + 1 < node.content.count {
                if node.content[i].text == name {
                    next.evaluate(node.content[i + 1], root: root, into: &out)
                    return
                }
                i += 2
            }
        case .allChildren(let next):
            switch node.kind {
            case .mapping:
                for (i, n) in node.content.enumerated() where i % 2 == 1 { next.evaluate(n, root: root, into: &out) }
            case .sequence:
                for n in node.content { next.evaluate(n, root: root, into: &out) }
            case .scalar:
                return
            }
        case .bracketChildren(let names, let next):
            guard node.kind == .mapping else { return }
            for name in names {
                for i in stride(from: 0, to: node.content.count - 1, by: 2) where node.content[i].text == name {
                    next.evaluate(node.content[i + 1], root: root, into: &out)
                }
            }
        case .arraySubscript(let sub, let next):
            if node.kind == .mapping && sub == "*" {
                for (i, n) in node.content.enumerated() where i % 2 == 1 { next.evaluate(n, root: root, into: &out) }
                return
            }
            guard node.kind == .sequence, case .success(let indices) = Slicer.slice(sub, length: node.content.count) else { return }
            for i in indices where i >= 0 && i < node.content.count {
                next.evaluate(node.content[i], root: root, into: &out)
            }
        case .filter(let filter, let recursive, let next):
            if node.kind == .sequence && !recursive {
                for c in node.content where filter.accepts(c, root: root) { next.evaluate(c, root: root, into: &out) }
            } else if filter.accepts(node, root: root) {
                next.evaluate(node, root: root, into: &out)
            }
        case .propertyName(let name, let next):
            guard node.kind == .mapping else { return }
            for i in stride(from: 0, to: node.content.count, by: 2) where node.content[i].text == name {
                next.evaluate(node.content[i], root: root, into: &out)
                return
            }
        case .bracketPropertyNames(let names, let next):
            guard node.kind == .mapping else { return }
            for name in names {
                for i in stride(from: 0, to: node.content.count, by: 2) where node.content[i].text == name {
                    next.evaluate(node.content[i], root: root, into: &out)
                }
            }
        case .arraySubscriptPropertyName(let sub, let next):
            guard node.kind == .mapping && sub == "*" else { return }
            for i in stride(from: 0, to: node.content.count, by: 2) { next.evaluate(node.content[i], root: root, into: &out) }
        }
    }
}

/// Builds a ``Step`` chain from the lexemes (Go's `newPath`).
struct PathParser {
    let lexemes: [Lexeme]
    var index = 0

    mutating func nextLexeme() -> Lexeme {
        guard index < lexemes.count else { return Lexeme(type: .eof, value: "") }
        defer { index += 1 }
        return lexemes[index]
    }

    /// path (over the lexemes):
    ///
    ///     (identity | EOF)                   the node itself
    ///     root path                          `$`, written or implied
    ///     recursiveDescent path              `..name`, `..*`, `..` before `[`
    ///     (dotChild | undottedChild) path    `.name`, `name`; `*` is all children
    ///     bracketChild path                  `['a', "b"]`
    ///     arraySubscript path                `[0]`, `[1:3]`, `[*]`, `[0,2]`
    ///     filterStart filter filterEnd path  `[?(…)]`, `..[?(…)]`
    ///     propertyNameStep path              `.a~`, `['a']~`, `[*]~`: keys, not values
    ///
    /// Built right to left: each step hands its matches to the rest. A filter's
    /// lexemes run to the `)]` that matches its `[?(`, counting nested `[?(` but
    /// not `..[?(` (as in Go), and go to ``FilterParser``. An error lexeme is
    /// thrown as is; any other lexeme is `invalid path syntax`. (filterStart is
    /// filterBegin or recursiveFilterBegin; propertyNameStep is propertyName,
    /// bracketPropertyName or arraySubscriptPropertyName.)
    mutating func parse() throws(LocatedError) -> Step {
        let lx = nextLexeme()
        switch lx.type {
        case .error:
            throw lx.error
        case .identity, .eof:
            return .identity
        case .root:
            return .root(try parse())
        case .recursiveDescent:
            let next = try parse()
            let name = GoStrings.trimPrefix(lx.value, "..")
            switch name {
            case "*": return .recursive(.all, next)
            case "": return .recursive(.none, next)
            default: return .recursive(.named(unescape(name)), next)
            }
        case .dotChild:
            return child(GoStrings.trimPrefix(lx.value, "."), try parse())
        case .undottedChild:
            return child(lx.value, try parse())
        case .bracketChild:
            let next = try parse()
            return .bracketChildren(bracketChildNames(bracketInner(lx.value)), next)
        case .arraySubscript:
            let next = try parse()
            return .arraySubscript(GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "["), "]"), next)
        case .filterBegin, .recursiveFilterBegin:
            var filterLexemes: [Lexeme] = []
            var nesting = 1
            scan: while true {
                let f = nextLexeme()
                switch f.type {
                case .filterBegin:
                    nesting += 1
                case .filterEnd:
                    nesting -= 1
                    if nesting == 0 { break scan }
                case .error:
                    throw f.error
                case .eof:
                    throw LocatedError(.pathQuery, "missing end of filter")
                default:
                    break
                }
                filterLexemes.append(f)
            }
            let next = try parse()
            var filterParser = FilterParser(filterLexemes)
            let filter = Filter(filterParser.parse())
            return .filter(filter, recursive: lx.type == .recursiveFilterBegin, next)
        case .propertyName:
            let next = try parse()
            let name = GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "."), "~")
            return .propertyName(unescape(name), next)
        case .bracketPropertyName:
            let next = try parse()
            let inner = GoStrings.trimSuffix(GoStrings.trimSpace(lx.value), "~")
            return .bracketPropertyNames(bracketChildNames(bracketInner(inner)), next)
        case .arraySubscriptPropertyName:
            let next = try parse()
            return .arraySubscriptPropertyName(GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "["), "]~"), next)
        default:
            throw LocatedError(.pathQuery, "invalid path syntax")
        }
    }

    func child(_ name: String, _ next: Step) -> Step {
        name == "*" ? .allChildren(next) : .child(unescape(name), next)
    }

    func bracketInner(_ raw: String) -> String {
        GoStrings.trimSpace(GoStrings.trimSuffix(GoStrings.trimPrefix(GoStrings.trimSpace(raw), "["), "]"))
    }
}

/// bracketNames: `quoted (',' quoted)*`, quoted: `ws* ("'" … "'" | '"' … '"') ws*`
///
/// Splits on the commas outside balanced quotes, then trims, unquotes and
/// unescapes each name (Go's `bracketChildNames`).
func bracketChildNames(_ names: String) -> [String] {
    var children: [String] = []
    var accum = ""
    for c in names.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
        if balanced(c, "'") && balanced(c, "\"") {
            if !accum.isEmpty {
                accum += "," + c
            } else {
                children.append(c)
                accum = ""
            }
        } else if accum.isEmpty {
            accum = c
        } else {
            accum += "," + c
            children.append(accum)
            accum = ""
        }
    }
    if !accum.isEmpty { children.append(accum) }
    return children.map { raw in
        var c = GoStrings.trimSpace(raw)
        if c.hasPrefix("'") {
            c = GoStrings.trimSuffix(String(c.dropFirst()), "'")
        } else {
            c = GoStrings.trimSuffix(GoStrings.trimPrefix(c, "\""), "\"")
        }
        return unescape(c)
    }
}

/// Whether `q` occurs an even number of times in `c`, not counting `\q`.
func balanced(_ c: String, _ q: Unicode.Scalar) -> Bool {
    var bal = true
    var prev: Unicode.Scalar?
    for r in c.unicodeScalars {
        if r == q {
            if prev == "\\" {
                prev = r
                continue
            }
            bal.toggle()
        }
        prev = r
    }
    return bal
}

/// Drops each unescaped backslash; `\\` becomes `\`.
func unescape(_ raw: String) -> String {
    var result = ""
    var escaped = false
    for r in raw.unicodeScalars {
        if r == "\\" {
            if escaped { result.unicodeScalars.append(r) }
            escaped.toggle()
            continue
        }
        escaped = false
        result.unicodeScalars.append(r)
    }
    return result
}
