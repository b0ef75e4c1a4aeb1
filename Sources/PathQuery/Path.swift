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
    /// The steps, applied left to right; none is the identity.
    let steps: [Step]

    /// Compiles `text`; throws the Go library's message as a ``LocatedError``.
    public init(_ text: String) throws(LocatedError) {
        self.text = text
        var parser = PathParser(lexemes: Lexer.lex(text))
        steps = try parser.parse()
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

    /// Go's chain of steps, each handing every match to the rest of the
    /// chain in turn: depth first, with a work stack rather than recursion,
    /// so a path of thousands of steps runs (Go's stack grows).
    func nodes(in root: QueryNode) -> [QueryNode] {
        var result: [QueryNode] = []
        var pending: [(step: Int, node: QueryNode)] = [(0, root)]
        var matches: [QueryNode] = []
        while let (i, node) = pending.popLast() {
            guard i < steps.count else {
                result.append(node)
                continue
            }
            matches.removeAll(keepingCapacity: true)
            steps[i].apply(node, root: root, into: &matches)
            for match in matches.reversed() { pending.append((i + 1, match)) }
        }
        return result
    }
}

/// One step of a compiled path: the nodes it selects from a node, which the
/// rest of the path then continues from.
enum Step: Sendable {
    case root
    case recursive(RecursiveChild)
    case child(String)
    case allChildren
    case bracketChildren([String])
    case arraySubscript(String)
    case filter(Filter, recursive: Bool)
    case propertyName(String)
    case bracketPropertyNames([String])
    case arraySubscriptPropertyName(String)

    enum RecursiveChild: Sendable {
        case all, none
        case named(String)
    }

    func apply(_ node: QueryNode, root: QueryNode, into out: inout [QueryNode]) {
        switch self {
        case .root:
            out.append(node)
        case .recursive(let child):
            var all: [QueryNode] = []
            node.appendDescendantsPostOrder(to: &all)
            for n in all {
                switch child {
                case .all: Step.allChildren.apply(n, root: root, into: &out)
                case .none: out.append(n)
                case .named(let name): Step.child(name).apply(n, root: root, into: &out)
                }
            }
        case .child(let name):
            guard node.kind == .mapping else { return }
            let content = node.content
            var i = 0
            while i + 1 < content.count {
                if content[i].text == name {
                    out.append(content[i + 1])
                    return
                }
                i += 2
            }
        case .allChildren:
            let content = node.content
            switch node.kind {
            case .mapping:
                for (i, n) in content.enumerated() where i % 2 == 1 { out.append(n) }
            case .sequence:
                out.append(contentsOf: content)
            case .scalar:
                return
            }
        case .bracketChildren(let names):
            guard node.kind == .mapping else { return }
            let content = node.content
            for name in names {
                for i in stride(from: 0, to: content.count - 1, by: 2) where content[i].text == name {
                    out.append(content[i + 1])
                }
            }
        case .arraySubscript(let sub):
            let content = node.content
            if node.kind == .mapping && sub == "*" {
                for (i, n) in content.enumerated() where i % 2 == 1 { out.append(n) }
                return
            }
            guard node.kind == .sequence, case .success(let indices) = Slicer.slice(sub, length: content.count) else { return }
            for i in indices where i >= 0 && i < content.count {
                out.append(content[i])
            }
        case .filter(let filter, let recursive):
            if node.kind == .sequence && !recursive {
                for c in node.content where filter.accepts(c, root: root) { out.append(c) }
            } else if filter.accepts(node, root: root) {
                out.append(node)
            }
        case .propertyName(let name):
            guard node.kind == .mapping else { return }
            let content = node.content
            for i in stride(from: 0, to: content.count, by: 2) where content[i].text == name {
                out.append(content[i])
                return
            }
        case .bracketPropertyNames(let names):
            guard node.kind == .mapping else { return }
            let content = node.content
            for name in names {
                for i in stride(from: 0, to: content.count, by: 2) where content[i].text == name {
                    out.append(content[i])
                }
            }
        case .arraySubscriptPropertyName(let sub):
            guard node.kind == .mapping && sub == "*" else { return }
            let content = node.content
            for i in stride(from: 0, to: content.count, by: 2) { out.append(content[i]) }
        }
    }
}

/// Builds the ``Step``s from the lexemes (Go's `newPath`).
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
    /// Each step hands its matches to the rest (``Path/nodes(in:)``). A filter's
    /// lexemes run to the `)]` that matches its `[?(`, counting nested `[?(` but
    /// not `..[?(` (as in Go), and go to ``FilterParser``. An error lexeme is
    /// thrown as is; any other lexeme is `invalid path syntax`. (filterStart is
    /// filterBegin or recursiveFilterBegin; propertyNameStep is propertyName,
    /// bracketPropertyName or arraySubscriptPropertyName.)
    ///
    /// The steps come out in a list, read in a loop: a path of thousands of
    /// steps does not recurse (Go's recursion runs on a stack that grows).
    mutating func parse() throws(LocatedError) -> [Step] {
        var steps: [Step] = []
        while true {
            let lx = nextLexeme()
            switch lx.type {
            case .error:
                throw lx.error
            case .identity, .eof:
                return steps
            case .root:
                steps.append(.root)
            case .recursiveDescent:
                let name = GoStrings.trimPrefix(lx.value, "..")
                switch name {
                case "*": steps.append(.recursive(.all))
                case "": steps.append(.recursive(.none))
                default: steps.append(.recursive(.named(unescape(name))))
                }
            case .dotChild:
                steps.append(child(GoStrings.trimPrefix(lx.value, ".")))
            case .undottedChild:
                steps.append(child(lx.value))
            case .bracketChild:
                steps.append(.bracketChildren(bracketChildNames(bracketInner(lx.value))))
            case .arraySubscript:
                steps.append(.arraySubscript(GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "["), "]")))
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
                var filterParser = FilterParser(filterLexemes)
                steps.append(.filter(Filter(filterParser.parse()), recursive: lx.type == .recursiveFilterBegin))
            case .propertyName:
                let name = GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "."), "~")
                steps.append(.propertyName(unescape(name)))
            case .bracketPropertyName:
                let inner = GoStrings.trimSuffix(GoStrings.trimSpace(lx.value), "~")
                steps.append(.bracketPropertyNames(bracketChildNames(bracketInner(inner))))
            case .arraySubscriptPropertyName:
                steps.append(.arraySubscriptPropertyName(GoStrings.trimSuffix(GoStrings.trimPrefix(lx.value, "["), "]~")))
            default:
                throw LocatedError(.pathQuery, "invalid path syntax")
            }
        }
    }

    func child(_ name: String) -> Step {
        name == "*" ? .allChildren : .child(unescape(name))
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
