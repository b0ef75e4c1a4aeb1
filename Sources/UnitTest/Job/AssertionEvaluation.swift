import Diagnostics
import GoStd
import PathQuery
import Values

/// The state of one test job that every assertion reads.
struct AssertionEnvironment {
    /// Parsed documents per rendered file.
    var documents: [String: [Value]]
    var renderSucceeded: Bool
    /// An untranslated render error (failedTemplate compares with it).
    var renderError: String?
    var failFast: Bool
    /// The test-level `documentSelector.skipEmptyTemplates`.
    var skipEmptyTemplates: Bool
    var snapshots: SnapshotComparer?
    /// The documents' query trees, built once for all the chart's assertions.
    var queries: DocumentQueries
}

extension Assertion {
    /// helm-unittest's `Assertion.Assert` for this assertion, given the
    /// templates it applies to and the effective document filters.
    func evaluate(index: Int, templates: [String], documentIndex: Int, selector: DocumentSelectorSpec?,
                  in env: AssertionEnvironment) -> AssertionResult {
        var result = AssertionResult(index: index, assertType: type, isNegated: not, passed: false)
        result.location = location
        var byTemplate: [String: [Value]] = [:]
        for template in templates { byTemplate[template] = env.documents[template] ?? [] }

        let selected: [String: [Value]]
        do throws(LocatedError) {
            selected = try select(byTemplate, documentIndex: documentIndex, selector: selector, env: env)
        } catch {
            result.failures = [AssertionFailure(problems: [Problem(.selection(error.message))])]
            return result
        }
        let names = selected.keys.sorted(by: goLess)
        if env.skipEmptyTemplates && names.isEmpty {
            result.skipped = true
            result.skipReason = "skipped as 'documentSelector.skipEmptyTemplates: true' and 'selectedTemplates: empty'"
            result.passed = true
            return result
        }
        let negative = not != kind.antonym
        func context(docs: [Value], selected: [Value]) -> ValidationContext {
            ValidationContext(docs: docs, selected: selected, negative: negative, renderError: env.renderError,
                              failFast: env.failFast, snapshots: env.snapshots, queries: env.queries)
        }
        if names.isEmpty {
            if kind.expectRenderSuccess != env.renderSucceeded {
                result.failures = [AssertionFailure(problems: [Problem(.emptyManifest)])]
            } else {
                let verdict = context(docs: [], selected: []).validate(check)
                result.passed = verdict.passed
                if !verdict.problems.isEmpty { result.failures = [AssertionFailure(problems: verdict.problems)] }
            }
            return result
        }
        var passed = false
        var failures: [AssertionFailure] = []
        for (position, template) in names.enumerated() {
            var current: Bool
            var found: [Problem]
            var showTemplate = true
            let rendered = env.documents[template]
            if rendered == nil && kind.expectRenderSuccess {
                current = false
                showTemplate = false
                found = [Problem(.templateNotSelected(template))]
            } else if kind.expectRenderSuccess != env.renderSucceeded {
                current = false
                if let first = rendered?.first {
                    found = [Problem(.invalidRendering(raw: first.mapValue?.entries["raw"] ?? .null))]
                } else {
                    found = [Problem(.emptyManifest)]
                }
            } else {
                let verdict = context(docs: rendered ?? [], selected: selected[template] ?? []).validate(check)
                current = verdict.passed
                found = verdict.problems
            }
            if !current {
                failures.append(AssertionFailure(template: showTemplate ? template : nil, problems: found))
            }
            passed = accumulate(position, passed, current)
        }
        result.passed = passed
        result.failures = failures
        return result
    }

    private func select(_ docs: [String: [Value]], documentIndex: Int, selector: DocumentSelectorSpec?,
                        env: AssertionEnvironment) throws(LocatedError) -> [String: [Value]] {
        if let selector, !selector.path.isEmpty {
            return try selector.select(docs)
        }
        guard documentIndex != -1 else { return docs }
        var out: [String: [Value]] = [:]
        for (template, list) in docs {
            guard documentIndex >= 0, documentIndex < list.count else {
                throw LocatedError(.documentIndex, "document index \(documentIndex) is out of range")
            }
            out[template] = [list[documentIndex]]
        }
        return out
    }
}

extension DocumentSelectorSpec {
    /// `DocumentSelector.SelectDocuments` (PathQuery's), templates taken in path order.
    func select(_ docs: [String: [Value]]) throws(LocatedError) -> [String: [Value]] {
        let selector = try PathQuery.DocumentSelector(path: path, value: value, matchMany: matchMany,
                                                      skipEmptyTemplates: skipEmptyTemplates)
        let ordered = docs.keys.sorted(by: goLess).map { (template: $0, documents: docs[$0] ?? []) }
        var out: [String: [Value]] = [:]
        for (template, documents) in try selector.selectDocuments(byTemplate: ordered) { out[template] = documents }
        return out
    }
}
