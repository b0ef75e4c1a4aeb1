import Diagnostics
import Values

/// helm-unittest's `documentSelector` (`valueutils/documentselector.go`):
/// keeps the documents where `path` matches and, if a value is given, some
/// match equals it (`reflect.DeepEqual`).
public struct DocumentSelector: Sendable {
    /// The compiled selector path.
    public var path: Path
    /// The wanted value; nil (or `null`) accepts any match.
    public var value: Value?
    /// Allow more than one selected document across all templates.
    public var matchMany: Bool
    /// Drop templates with no selected document instead of failing.
    public var skipEmptyTemplates: Bool

    /// A selector; throws the path's syntax error.
    public init(path: String, value: Value? = nil, matchMany: Bool = false, skipEmptyTemplates: Bool = false) throws(LocatedError) {
        self.path = try Path(path)
        self.value = value
        self.matchMany = matchMany
        self.skipEmptyTemplates = skipEmptyTemplates
    }

    /// Whether `document` is selected (Go's `isMatchingSelector`).
    public func matches(_ document: Value) -> Bool {
        matches(QueryDocument(document))
    }

    /// Whether a prepared document is selected.
    public func matches(_ document: QueryDocument) -> Bool {
        for found in path.find(in: document) {
            if value == nil || isNull(value) { return true }
            if let value, goDeepEqual(value, found) { return true }
        }
        return false
    }

    private func isNull(_ v: Value?) -> Bool {
        if case .null? = v { return true }
        return false
    }

    /// The selected documents of one template (Go's `selectDocuments`):
    /// `multiple indexes found` when a second match appears without
    /// `matchMany`, `document not found` when none matched and
    /// `skipEmptyTemplates` is off.
    public func selectDocuments(_ documents: [Value]) throws(LocatedError) -> [Value] {
        var selected: [Value] = []
        for document in documents where matches(document) {
            if !matchMany && !selected.isEmpty { throw LocatedError(.pathQuery, "multiple indexes found") }
            selected.append(document)
        }
        if skipEmptyTemplates || !selected.isEmpty { return selected }
        throw LocatedError(.pathQuery, "document not found")
    }

    /// The selected documents per template (Go's `SelectDocuments`), in the
    /// order given; templates left empty are dropped when `skipEmptyTemplates`.
    /// Go walks a map here, so which error wins when several apply is random
    /// there; this walks `templates` in order.
    public func selectDocuments(byTemplate templates: [(template: String, documents: [Value])]) throws(LocatedError)
        -> [(template: String, documents: [Value])] {
        var result: [(template: String, documents: [Value])] = []
        var count = 0
        for (template, documents) in templates {
            let selected = try selectDocuments(documents)
            count += selected.count
            if !matchMany && count > 1 { throw LocatedError(.pathQuery, "multiple indexes found") }
            if !selected.isEmpty || !skipEmptyTemplates { result.append((template, selected)) }
        }
        return result
    }
}
