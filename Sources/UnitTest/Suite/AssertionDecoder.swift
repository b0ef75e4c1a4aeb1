import Diagnostics
import Values
import YAML

extension SuiteFields {
    /// `asserts:` — each entry read as a free-form map (helm-unittest's
    /// `Assertion.UnmarshalYAML`), so strict mode does not apply inside it.
    static func decodeAsserts(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> [Assertion] {
        if NodeDecoder.isNull(node) { return [] }
        guard case .sequence(let items) = node.content else {
            d.typeError(node, into: "[]*unittest.Assertion")
            return []
        }
        var out: [Assertion] = []
        for item in items where !NodeDecoder.isNull(item) {
            guard case .mapping(let pairs) = item.content else {
                d.typeError(item, into: "map[string]interface {}")
                continue
            }
            guard d.checkUniqueKeys(pairs) else { continue }
            var entries: [AssertionEntry] = []
            for pair in d.mergedPairs(pairs) {
                entries.append(AssertionEntry(key: pair.key.scalarText ?? "", location: pair.key.location,
                                              value: try d.value(pair.value)))
            }
            out.append(try decodeAssertion(entries, at: item.location, placed: d.place(item)))
        }
        return out
    }

    /// One key of an assertion's map, with where the key is.
    struct AssertionEntry {
        var key: String
        var location: SourceLocation
        var value: Value
    }

    /// One assertion (at `location` in its part of the file, `placed` in
    /// the whole file) from its keys in source order; errors are
    /// helm-unittest's texts at the offending key.
    static func decodeAssertion(_ entries: [AssertionEntry], at location: SourceLocation,
                                placed: SourceLocation) throws(LocatedError) -> Assertion {
        var documentIndex = -1
        var not = false
        var template = ""
        var selector: DocumentSelectorSpec?
        for entry in entries {
            let (key, value) = (entry.key, entry.value)
            switch (key, value) {
            case ("documentIndex", .int(let n, .int)): documentIndex = Int(n)
            case ("not", .bool(let b)): not = b
            case ("template", .string(let s)): template = s.text
            case ("documentSelector", .map(let m, _)):
                guard case .string(let path)? = m.entries["path"] else {
                    throw LocatedError(.suiteFile, "empty 'documentSelector.path' not supported", at: entry.location)
                }
                let v = m.entries["value"]
                let matchMany: Bool
                if case .bool(true)? = m.entries["matchMany"] { matchMany = true } else { matchMany = false }
                let skipEmpty: Bool
                if case .bool(true)? = m.entries["skipEmptyTemplates"] { skipEmpty = true } else { skipEmpty = false }
                let selectorValue: Value?
                if case .null? = v { selectorValue = nil } else { selectorValue = v }
                selector = DocumentSelectorSpec(path: path.text, value: selectorValue, matchMany: matchMany, skipEmptyTemplates: skipEmpty)
            default: break
            }
        }
        var found: (type: String, kind: AssertionKind, params: Value, location: SourceLocation)?
        for entry in entries {
            guard let kind = AssertionKind.registry[entry.key] else { continue }
            if let first = found {
                throw LocatedError(.suiteFile, "assertion type `\(first.type)` and `\(entry.key)` is declared duplicately",
                                   at: entry.location)
            }
            found = (entry.key, kind, entry.value, entry.location)
        }
        guard let found else {
            for entry in entries where !["template", "documentIndex", "not"].contains(entry.key) {
                let hint = NearestName.suggestion(for: entry.key, among: Array(AssertionKind.registry.keys))
                throw LocatedError(.suiteFile, "Assertion type `\(entry.key)` is invalid", at: entry.location,
                                   notes: hint.map { [Note("did you mean `\($0)`?")] } ?? [])
            }
            throw LocatedError(.suiteFile, "no assertion type defined", at: location)
        }
        let check = try CheckDecoder.decode(found.kind.validator, found.params, at: found.location)
        return Assertion(type: found.type, not: not, template: template, documentIndex: documentIndex,
                         documentSelector: selector, check: check, kind: found.kind, location: placed)
    }
}
