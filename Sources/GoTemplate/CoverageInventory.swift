import GoStd

/// Everything of one parsed file that template coverage counts, executed or
/// not: text and actions with the lines they cover, branch points with
/// their arms, and the `define`s the file declares. The points are the ones
/// ``CoverageRecorder`` counts (same source, same positions, same arms).
public struct CoverageInventory: Sendable {
    /// One coverable point.
    public enum Item: Sendable, Hashable {
        /// Text, an action or a `template` call at `pos`, covering `lines`
        /// (text: the lines holding more than white space).
        case lines(pos: Int, lines: [Int])
        /// A branch point at `pos` on `line` with one label per arm (arm
        /// `k` is `labels[k - 1]`): an `if`/`with`/`range` (`.control`) or a
        /// branching function call (`.call`).
        case branch(pos: Int, line: Int, kind: CoverageRecorder.Kind, labels: [String])
        /// A `define` (or `block`) whose body starts at `pos`.
        case define(name: String, pos: Int, line: Int)
    }

    /// The source the points belong to.
    public let source: TemplateSource
    /// The points in source order (defines last).
    public let items: [Item]

    /// The points of a parsed file (its own template and its `define`s).
    public init(_ file: ParsedFile) {
        self.init(templates: file.templates)
    }

    /// The points of templates parsed from one source.
    public init(templates: [Template]) {
        precondition(!templates.isEmpty, "a parsed file has at least its own template")
        let source = templates[0].source
        var walker = InventoryWalker(lineStarts: Self.lineStarts(source.bytes), text: source.bytes)
        var defines: [Item] = []
        for template in templates {
            walker.walk(template.root)
            if template.name != source.name {
                defines.append(.define(name: template.name, pos: template.root.pos, line: walker.line(of: template.root.pos)))
            }
        }
        self.source = source
        self.items = walker.items.sorted { $0.pos < $1.pos } + defines
    }

    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }
}

extension CoverageInventory.Item {
    var pos: Int {
        switch self {
        case .lines(let pos, _), .branch(let pos, _, _, _), .define(_, let pos, _): return pos
        }
    }
}

/// Walks a tree, listing its points.
private struct InventoryWalker {
    let lineStarts: [Int]
    let text: [UInt8]
    var items: [CoverageInventory.Item] = []

    /// The 1-based line of byte offset `pos`.
    func line(of pos: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= pos { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func walk(_ list: ListNode) {
        for node in list.nodes { walk(node) }
    }

    mutating func walk(_ node: Node) {
        switch node {
        case .text(let t):
            let lines = textLines(t)
            if !lines.isEmpty { items.append(.lines(pos: t.pos, lines: lines)) }
        case .action(let a):
            items.append(.lines(pos: a.pos, lines: [a.line]))
            walk(a.pipe)
        case .ifNode(let b):
            branch(b, ["if true", b.elseList == nil ? "if false (no else)" : "else"])
        case .withNode(let b):
            branch(b, ["with set", b.elseList == nil ? "with empty (no else)" : "else"])
        case .rangeNode(let b):
            branch(b, ["range body", b.elseList == nil ? "range empty" : "range else"])
        case .template(let t):
            items.append(.lines(pos: t.pos, lines: [t.line]))
            if let p = t.pipe { walk(p) }
        case .comment, .breakNode, .continueNode:
            break
        }
    }

    /// An `if`, `with` or `range`: its line, its condition, its arms, its bodies.
    mutating func branch(_ b: BranchNode, _ labels: [String]) {
        items.append(.lines(pos: b.pos, lines: [b.line]))
        walk(b.pipe)
        items.append(.branch(pos: b.pos, line: b.line, kind: .control, labels: labels))
        DeepStack.withRoom { walk(b.list) }
        if let e = b.elseList { DeepStack.withRoom { walk(e) } }
    }

    mutating func walk(_ pipe: PipeNode) {
        for (i, cmd) in pipe.cmds.enumerated() {
            let piped = i > 0
            if case .identifier(let id)? = cmd.args.first {
                let operands = cmd.args.count - 1 + (piped ? 1 : 0)
                if let fn = id.function {
                    if fn.builtin == .and || fn.builtin == .or, operands > 0 {
                        let word = fn.builtin == .and ? "and" : "or"
                        items.append(.branch(pos: id.pos, line: line(of: id.pos), kind: .call,
                                             labels: (1...operands).map { "\(word) returns operand \($0)" }))
                    } else if let branches = fn.branches {
                        items.append(.branch(pos: id.pos, line: line(of: id.pos), kind: .call, labels: branches.labels(operands)))
                    }
                }
            }
            for arg in cmd.args { walk(arg) }
        }
    }

    mutating func walk(_ arg: Arg) {
        switch arg {
        case .pipe(let p): DeepStack.withRoom { walk(p) }
        case .chain(let c): DeepStack.withRoom { walk(c.node) }
        default: break
        }
    }

    /// The lines of a text node holding more than white space.
    func textLines(_ t: TextNode) -> [Int] {
        var lines: [Int] = []
        var line = self.line(of: t.pos)
        var counted = false
        let end = min(text.count, t.pos + t.bytes.count)
        var i = t.pos
        while i < end {
            let b = text[i]
            if b == 0x0A {
                line += 1
                counted = false
            } else if !counted && b != 0x20 && b != 0x09 && b != 0x0D {
                lines.append(line)
                counted = true
            }
            i += 1
        }
        return lines
    }
}
