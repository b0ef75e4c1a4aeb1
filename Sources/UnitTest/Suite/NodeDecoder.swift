import Diagnostics
import GoStd
import Values
import YAML

/// Decodes typed fields from a node tree the way go-yaml v3 decodes into Go
/// structs: mismatches and (in strict mode) unknown fields are collected,
/// each at its node, and reported together (`yaml: unmarshal errors:` and a
/// `line N: …` per problem); null leaves the zero value. A fatal problem
/// (what an `UnmarshalYAML` method returns) is thrown at once.
struct NodeDecoder {
    let strict: Bool
    /// The problems so far, each at its node; `message` is go-yaml's line text.
    private(set) var errors: [LocatedError] = []
    /// go-yaml's fatal error for a merge value that is not a mapping.
    private(set) var mergeError: LocatedError?

    /// Lines before the part of the file being decoded (a suite after `---`).
    let lineOffset: Int

    init(strict: Bool, lineOffset: Int = 0) {
        self.strict = strict
        self.lineOffset = lineOffset
    }

    /// Where `node` is in the whole file.
    func place(_ node: YAMLNode) -> SourceLocation {
        node.location.shiftingLines(by: lineOffset)
    }

    /// The yaml.v3 error for everything collected, at the first problem, or nil.
    var combinedError: LocatedError? {
        guard let first = errors.first else { return nil }
        let text = "yaml: unmarshal errors:\n  " + errors.map(\.message).joined(separator: "\n  ")
        // Each problem's notes, placed at its line.
        let notes = errors.flatMap { e in e.notes.map { Note("line \(e.location?.line ?? 0): \($0.text)", at: e.location) } }
        return LocatedError(.yamlUnmarshal, text, at: first.location, notes: notes)
    }

    mutating func record(_ node: YAMLNode, _ message: String, notes: [Note] = []) {
        errors.append(LocatedError(.yamlUnmarshal, "line \(node.location.line): \(message)", at: node.location, notes: notes))
    }

    /// The node as go-yaml v3 decodes it into `interface{}`.
    func value(_ node: YAMLNode) throws(LocatedError) -> Value {
        try YAMLValues.v3Value(of: node)
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, let style) = node.content else { return false }
        if let tag = node.shortTag { return tag == "!!null" }
        return style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// go-yaml's short tag of a node, for `cannot unmarshal` texts.
    func tag(of node: YAMLNode) -> String {
        switch node.content {
        case .sequence: return "!!seq"
        case .mapping: return "!!map"
        case .scalar:
            if let tag = node.shortTag, tag != "!" { return tag }
            guard let v = try? value(node) else { return "!!str" }
            switch v {
            case .null: return "!!null"
            case .bool: return "!!bool"
            case .int: return "!!int"
            case .float: return "!!float"
            case .object: return "!!timestamp"
            default: return "!!str"
            }
        }
    }

    /// go-yaml's whole error when decoding `node` into `goType` fails at once
    /// (a document that is not a mapping).
    static func typeError(_ node: YAMLNode, into goType: String) -> LocatedError {
        var d = NodeDecoder(strict: false)
        d.typeError(node, into: goType)
        return d.combinedError ?? LocatedError(.yamlUnmarshal, "yaml: unmarshal errors", at: node.location)
    }

    /// Records go-yaml's `cannot unmarshal` error.
    mutating func typeError(_ node: YAMLNode, into goType: String) {
        let tag = tag(of: node)
        var shown = ""
        if tag != "!!seq" && tag != "!!map" {
            let text = node.scalarText ?? ""
            shown = text.count > 10 ? " `" + String(text.prefix(7)) + "...`" : " `" + text + "`"
        }
        record(node, "cannot unmarshal \(tag)\(shown) into \(goType)")
    }

    /// The key/value pairs of a mapping decoded into a struct named
    /// `goType`, duplicate keys reported; nil for null or a non-mapping.
    mutating func structPairs(_ node: YAMLNode, goType: String) -> [(key: String, node: YAMLNode, value: YAMLNode)]? {
        if Self.isNull(node) { return nil }
        guard case .mapping(let pairs) = node.content else {
            typeError(node, into: goType)
            return nil
        }
        guard checkUniqueKeys(pairs) else { return nil }
        return mergedPairs(pairs).map { (key: $0.key.scalarText ?? "", node: $0.key, value: $0.value) }
    }

    /// go-yaml v3's merge keys (`<<: *anchor`, `<<: [*a, *b]`) as its
    /// `mappingStruct` and `mapping` apply them: the mapping's own pairs, then
    /// the pairs of each merged mapping (depth first) whose key is not set
    /// yet, so the mapping's own keys and then the first merged one win.
    /// A merge value that is not a mapping (or list of mappings) is
    /// go-yaml's fatal `map merge requires …` error (``mergeError``).
    mutating func mergedPairs(_ pairs: [YAMLPair]) -> [YAMLPair] {
        guard pairs.contains(where: { Self.isMerge($0.key) }) else { return pairs }
        var seen = Set<String>()
        var out: [YAMLPair] = []
        collect(pairs, &seen, &out)
        return out
    }

    private mutating func collect(_ pairs: [YAMLPair], _ seen: inout Set<String>, _ out: inout [YAMLPair]) {
        var mergeNode: YAMLNode?
        for pair in pairs {
            if Self.isMerge(pair.key) { mergeNode = pair.value; continue }
            let key = pair.key.scalarText ?? ""
            if seen.contains(key) { continue }
            seen.insert(key)
            out.append(pair)
        }
        guard let mergeNode else { return }
        let merged: [YAMLNode]
        switch mergeNode.content {
        case .mapping: merged = [mergeNode]
        case .sequence(let items) where items.allSatisfy({ if case .mapping = $0.content { true } else { false } }):
            merged = items
        default:
            if mergeError == nil {
                mergeError = LocatedError(.yamlUnmarshal, "yaml: map merge requires map or sequence of maps as the value",
                                          at: mergeNode.location)
            }
            return
        }
        for node in merged {
            guard case .mapping(let inner) = node.content, checkUniqueKeys(inner) else { continue }
            DeepStack.withRoom { collect(inner, &seen, &out) }
        }
    }

    /// go-yaml's `isMerge`: a `<<` key, plain or tagged `!!merge` (or `!`).
    static func isMerge(_ node: YAMLNode) -> Bool {
        guard case .scalar("<<", let style) = node.content else { return false }
        let tag = node.shortTag
        return (style == .plain && tag == nil) || tag == "!!merge" || tag == "!"
    }

    /// go-yaml's duplicate-key check; false when duplicates were found.
    mutating func checkUniqueKeys(_ pairs: [YAMLPair]) -> Bool {
        let duplicates = YAMLDuplicateKey.find(in: pairs)
        for duplicate in duplicates {
            record(duplicate.key, "mapping key \(GoQuote.quote(duplicate.value)) already defined at line \(duplicate.firstLine)")
        }
        return duplicates.isEmpty
    }

    /// `--strict`'s error for a key the Go struct does not have; with the
    /// struct's `fields`, a note names the one the key most likely meant.
    mutating func unknownField(_ key: String, at node: YAMLNode, goType: String, fields: [String] = []) {
        guard strict else { return }
        let hint = NearestName.suggestion(for: key, among: fields)
        record(node, "field \(key) not found in type \(goType)", notes: hint.map { [Note("did you mean `\($0)`?")] } ?? [])
    }

    mutating func string(_ node: YAMLNode, into target: inout String) {
        if Self.isNull(node) { return }
        guard case .scalar(let text, _) = node.content else {
            typeError(node, into: "string")
            return
        }
        target = text
    }

    mutating func int(_ node: YAMLNode, into target: inout Int) {
        if Self.isNull(node) { return }
        switch try? value(node) {
        case .int(let n, let kind)? where !kind.isUnsigned || n >= 0: target = Int(n)
        case .float(let f)? where f.isFinite && f < 9.2e18 && f > -9.2e18: target = Int(f)
        default: typeError(node, into: "int")
        }
    }

    mutating func bool(_ node: YAMLNode, into target: inout Bool) {
        if Self.isNull(node) { return }
        switch try? value(node) {
        case .bool(let b)?: target = b
        case .string(let s)? where ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].contains(s): target = true
        case .string(let s)? where ["n", "N", "no", "No", "NO", "off", "Off", "OFF"].contains(s): target = false
        default: typeError(node, into: "bool")
        }
    }

    mutating func strings(_ node: YAMLNode, into target: inout [String]) {
        if Self.isNull(node) { target = []; return }
        guard case .sequence(let items) = node.content else {
            typeError(node, into: "[]string")
            return
        }
        var out: [String] = []
        for item in items {
            if Self.isNull(item) { out.append(""); continue }
            guard case .scalar(let text, _) = item.content else {
                typeError(item, into: "string")
                continue
            }
            out.append(text)
        }
        target = out
    }

    /// A `map[string]interface{}` field, entries in source order.
    mutating func anyMap(_ node: YAMLNode, into target: inout [SetEntry]) throws(LocatedError) {
        if Self.isNull(node) { target = []; return }
        guard case .mapping(let pairs) = node.content else {
            typeError(node, into: "map[string]interface {}")
            return
        }
        guard checkUniqueKeys(pairs) else { return }
        var out: [SetEntry] = []
        for pair in mergedPairs(pairs) {
            out.append(SetEntry(path: pair.key.scalarText ?? "", value: try value(pair.value)))
        }
        target = out
    }
}
