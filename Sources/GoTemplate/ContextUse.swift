import GoStd

/// What a host says about the data map it runs every template with (Helm's
/// per-chart context: `.Values`, `.Chart`, … and `.Template`).
public struct ContextKeys: Sendable, Hashable {
    /// The key the host replaces in that map before each template file
    /// runs (Helm's `Template`).
    public let replaced: String
    /// Keys whose values cannot lead back to a context map (Helm's
    /// `Values`, `Chart`, `Release`, `Files`, `Capabilities`; not
    /// `Subcharts`, which holds the subcharts' contexts).
    public let plain: Set<String>

    public init(replaced: String, plain: Set<String>) {
        self.replaced = replaced
        self.plain = plain
    }
}

/// How a template's body uses its data, found from its tree once when it is
/// parsed: what ``IncludeMemo`` needs to keep outputs across the host's
/// replacements of ``ContextKeys/replaced``.
///
/// The data is dot where the body starts (and inside `with` of the data), `$`,
/// and variables set to exactly the data. A context map reaches a template
/// only as data, or from a map or list it was stored into; storing it needs
/// a use of the whole data, so a body that reads only plain keys of its data
/// neither reads the replaced key nor lets another template read it.
public enum ContextUse: Sendable {
    /// Reads only plain keys of the data, and passes the whole data only as
    /// the data of another template (`include`, `tpl`, `{{template}}`).
    case plainKeys
    /// Also reads the replaced key.
    case replacedKey
    /// Uses the whole data otherwise (prints, ranges over it, hands it to
    /// a function), or reads a key that may lead to other contexts: from
    /// its run on, a replacement may change what any template reads.
    case whole

    /// The use of `root`, with the functions bound in its tree.
    init(_ root: ListNode, keys: ContextKeys?) {
        guard let keys else { self = .whole; return }
        var scan = ContextUseScan(keys: keys)
        // Aliases only grow; a pass that found new ones is repeated, so
        // every use is judged knowing every alias (loops reassign them).
        repeat {
            scan.restart()
            scan.list(root, dotIsData: true)
        } while scan.foundAliases
        self = scan.use
    }
}

/// One pass of ``ContextUse``'s analysis over a tree.
private struct ContextUseScan {
    let keys: ContextKeys
    /// Names of variables set to exactly the data somewhere in the tree.
    var aliases: Set<String> = ["$"]
    var foundAliases = false
    var use = ContextUse.plainKeys

    init(keys: ContextKeys) {
        self.keys = keys
    }

    mutating func restart() {
        foundAliases = false
        use = .plainKeys
    }

    mutating func list(_ list: ListNode, dotIsData: Bool) {
        for node in list.nodes {
            DeepStack.withRoom { self.node(node, dotIsData: dotIsData) }
        }
    }

    mutating func node(_ node: Node, dotIsData: Bool) {
        switch node {
        case .text, .comment, .breakNode, .continueNode:
            return
        case .action(let action):
            // `{{ $x := . }}` prints nothing; `{{ . }}` prints the data.
            pipe(action.pipe, dotIsData: dotIsData, valueUsed: action.pipe.decl.isEmpty)
        case .ifNode(let branch):
            // Truth of the data does not depend on one key's value.
            pipe(branch.pipe, dotIsData: dotIsData, valueUsed: false)
            list(branch.list, dotIsData: dotIsData)
            if let e = branch.elseList { list(e, dotIsData: dotIsData) }
        case .withNode(let branch):
            let keepsData = isData(branch.pipe, dotIsData: dotIsData)
            pipe(branch.pipe, dotIsData: dotIsData, valueUsed: false)
            list(branch.list, dotIsData: keepsData)
            if let e = branch.elseList { list(e, dotIsData: dotIsData) }
        case .rangeNode(let branch):
            // Ranging over the data reads every key.
            pipe(branch.pipe, dotIsData: dotIsData, valueUsed: true)
            list(branch.list, dotIsData: false)
            if let e = branch.elseList { list(e, dotIsData: dotIsData) }
        case .template(let call):
            // The callee's own use is judged when it runs.
            if let p = call.pipe { pipe(p, dotIsData: dotIsData, valueUsed: false) }
        }
    }

    /// A pipeline; `valueUsed` when its result goes anywhere but into a
    /// variable, a condition or another template's data.
    mutating func pipe(_ p: PipeNode, dotIsData: Bool, valueUsed: Bool) {
        if isData(p, dotIsData: dotIsData) {
            for variable in p.decl where variable.ident.count == 1 {
                if aliases.insert(variable.ident[0]).inserted { foundAliases = true }
            }
            if valueUsed { use = .whole }
            return
        }
        for command in p.cmds { self.command(command, dotIsData: dotIsData) }
    }

    mutating func command(_ command: CommandNode, dotIsData: Bool) {
        let args = command.args
        var dataIndex = -1
        if case .identifier(let head) = args.first, let index = head.function?.templateDataArgument {
            dataIndex = index + 1
        }
        for (i, arg) in args.enumerated() {
            if i == dataIndex && isData(arg, dotIsData: dotIsData) { continue }
            value(arg, dotIsData: dotIsData)
        }
    }

    /// An operand whose value is used in any way.
    mutating func value(_ arg: Arg, dotIsData: Bool) {
        switch arg {
        case .dot:
            if dotIsData { use = .whole }
        case .variable(let v):
            guard aliases.contains(v.ident[0]) else { return }
            if v.ident.count == 1 { use = .whole } else { key(v.ident[1]) }
        case .field(let f):
            if dotIsData, let first = f.ident.first { key(first) }
        case .chain(let c):
            if isData(c.node, dotIsData: dotIsData), let first = c.fields.first {
                key(first)
            } else {
                value(c.node, dotIsData: dotIsData)
            }
        case .pipe(let p):
            DeepStack.withRoom { pipe(p, dotIsData: dotIsData, valueUsed: true) }
        case .identifier, .bool, .nilValue, .number, .string:
            return
        }
    }

    /// A key read from the data.
    mutating func key(_ name: String) {
        if keys.plain.contains(name) { return }
        if name == keys.replaced {
            if case .plainKeys = use { use = .replacedKey }
        } else {
            use = .whole
        }
    }

    func isData(_ p: PipeNode, dotIsData: Bool) -> Bool {
        p.cmds.count == 1 && p.cmds[0].args.count == 1 && isData(p.cmds[0].args[0], dotIsData: dotIsData)
    }

    func isData(_ arg: Arg, dotIsData: Bool) -> Bool {
        switch arg {
        case .dot: return dotIsData
        case .variable(let v): return v.ident.count == 1 && aliases.contains(v.ident[0])
        case .pipe(let p): return p.decl.isEmpty && isData(p, dotIsData: dotIsData)
        default: return false
        }
    }
}
