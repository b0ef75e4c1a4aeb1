import Values
import YAML

extension SuiteFields {
    /// `asserts:` — each entry read as a free-form map (helm-unittest's
    /// `Assertion.UnmarshalYAML`), so strict mode does not apply inside it.
    static func decodeAsserts(_ node: YAMLNode, _ d: inout NodeDecoder) throws -> [Assertion] {
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
            var entries: [(String, Value)] = []
            for pair in d.mergedPairs(pairs) {
                entries.append((pair.key.scalarText ?? "", try d.value(pair.value)))
            }
            out.append(try decodeAssertion(entries))
        }
        return out
    }

    /// One assertion from its keys in source order.
    static func decodeAssertion(_ entries: [(String, Value)]) throws(FatalDecodeError) -> Assertion {
        var documentIndex = -1
        var not = false
        var template = ""
        var selector: DocumentSelectorSpec?
        for (key, value) in entries {
            switch (key, value) {
            case ("documentIndex", .int(let n, .int)): documentIndex = Int(n)
            case ("not", .bool(let b)): not = b
            case ("template", .string(let s)): template = s
            case ("documentSelector", .map(let m, _)):
                guard case .string(let path)? = m.entries["path"] else {
                    throw FatalDecodeError(message: "empty 'documentSelector.path' not supported")
                }
                let v = m.entries["value"]
                let matchMany: Bool
                if case .bool(true)? = m.entries["matchMany"] { matchMany = true } else { matchMany = false }
                let skipEmpty: Bool
                if case .bool(true)? = m.entries["skipEmptyTemplates"] { skipEmpty = true } else { skipEmpty = false }
                let selectorValue: Value?
                if case .null? = v { selectorValue = nil } else { selectorValue = v }
                selector = DocumentSelectorSpec(path: path, value: selectorValue, matchMany: matchMany, skipEmptyTemplates: skipEmpty)
            default: break
            }
        }
        var found: (type: String, kind: AssertionKind, params: Value)?
        for (key, value) in entries {
            guard let kind = AssertionKind.registry[key] else { continue }
            if let first = found {
                throw FatalDecodeError(message: "assertion type `\(first.type)` and `\(key)` is declared duplicately")
            }
            found = (key, kind, value)
        }
        guard let found else {
            for (key, _) in entries where !["template", "documentIndex", "not"].contains(key) {
                throw FatalDecodeError(message: "Assertion type `\(key)` is invalid")
            }
            throw FatalDecodeError(message: "no assertion type defined")
        }
        let check = try CheckDecoder.decode(found.kind.validator, found.params)
        return Assertion(type: found.type, not: not, template: template, documentIndex: documentIndex,
                         documentSelector: selector, check: check, kind: found.kind)
    }
}
