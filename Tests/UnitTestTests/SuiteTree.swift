import Values

/// A suite document as a tree the mutation test edits and writes back as
/// flow YAML (JSON syntax), which both judges read.
indirect enum SuiteTree {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([SuiteTree])
    case map([(key: String, value: SuiteTree)])

    /// One step down a tree.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// A go-yaml v3 value (keys sorted, times as their text).
    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let n, _): self = .int(n)
        case .float(let f): self = .float(f)
        case .string(let s): self = .string(s.text)
        case .list(let items, _): self = .list(items.map(SuiteTree.init))
        case .map(let m, _): self = .map(m.sortedKeys.map { (key: $0.text, value: SuiteTree(m.entries[$0] ?? .null)) })
        case .object: self = .string(GoFmt.format(value))
        }
    }

    /// The tree as one line of flow YAML.
    var yaml: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .float(let f): return "\(f)"
        case .string(let s): return Self.quoted(s)
        case .list(let items): return "[" + items.map(\.yaml).joined(separator: ", ") + "]"
        case .map(let pairs): return "{" + pairs.map { Self.quoted($0.key) + ": " + $0.value.yaml }.joined(separator: ", ") + "}"
        }
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Every node with its path, the root first.
    func nodes(_ path: [Step] = []) -> [(path: [Step], node: SuiteTree)] {
        var out = [(path, self)]
        switch self {
        case .list(let items):
            for (i, item) in items.enumerated() { out += item.nodes(path + [.index(i)]) }
        case .map(let pairs):
            for pair in pairs { out += pair.value.nodes(path + [.key(pair.key)]) }
        default: break
        }
        return out
    }

    /// The node at `path`.
    func node(at path: [Step]) -> SuiteTree? {
        guard let first = path.first else { return self }
        switch (self, first) {
        case (.list(let items), .index(let i)) where items.indices.contains(i): return items[i].node(at: Array(path.dropFirst()))
        case (.map(let pairs), .key(let k)): return pairs.first { $0.key == k }?.value.node(at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// The tree with the node at `path` changed by `edit` (nil removes it
    /// from its list or map).
    func editing(_ path: [Step], _ edit: (SuiteTree) -> SuiteTree?) -> SuiteTree? {
        guard let first = path.first else { return edit(self) }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.list(var items), .index(let i)) where items.indices.contains(i):
            if let changed = items[i].editing(rest, edit) { items[i] = changed } else { items.remove(at: i) }
            return .list(items)
        case (.map(var pairs), .key(let k)):
            guard let i = pairs.firstIndex(where: { $0.key == k }) else { return self }
            if let changed = pairs[i].value.editing(rest, edit) { pairs[i].value = changed } else { pairs.remove(at: i) }
            return .map(pairs)
        default:
            return self
        }
    }

    /// The tree with `edit` applied to the node at `path`.
    func replacing(_ path: [Step], _ edit: (SuiteTree) -> SuiteTree?) -> SuiteTree {
        editing(path, edit) ?? .null
    }

    /// `tests[0].asserts[1].equal`, as the mutants are named.
    static func describe(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out.isEmpty ? "(root)" : out
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
