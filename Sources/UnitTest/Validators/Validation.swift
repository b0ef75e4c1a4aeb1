import Values

/// What a validator sees of one template: its documents, the documents the
/// assertion selected, and how to judge them.
struct ValidationContext {
    /// Every parsed document of the template.
    var docs: [Value]
    /// The documents selected by `documentIndex`/`documentSelector` (all by default).
    var selected: [Value]
    /// `not:` XOR the key's own negation.
    var negative: Bool
    /// The render error text, when the render failed (failedTemplate only).
    var renderError: String?
    var failFast: Bool
    /// The test's snapshot counter; nil where no snapshot store is attached.
    var snapshots: SnapshotComparer?
    /// The job's documents, prepared for path queries.
    var queries: DocumentQueries
}

/// A validator's verdict for one template.
struct Verdict {
    var passed: Bool
    var problems: [Problem]
}

/// helm-unittest's `determineSuccess`: the first result, then AND.
@inline(__always)
func accumulate(_ index: Int, _ previous: Bool, _ current: Bool) -> Bool {
    index == 0 ? current : previous && current
}

/// Building problems with helm-unittest's index rules: a document or value
/// index is shown only when it is 0 or more (its `splitInfof` callers pass
/// -1 for none).
enum FailInfo {
    /// The index when helm-unittest shows it.
    static func shown(_ index: Int) -> Int? { index >= 0 ? index : nil }

    /// An `Error:` problem.
    static func error(_ detail: ErrorDetail, document: Int = -1, value: Int = -1) -> [Problem] {
        [Problem(.error(detail), document: shown(document), value: shown(value))]
    }

    /// An `Error:` problem with a plain message.
    static func error(_ message: String, document: Int = -1, value: Int = -1) -> [Problem] {
        error(.message(message), document: document, value: value)
    }

    /// An `Expected…` problem.
    static func expectation(_ relation: FailedExpectation.Relation, not: Bool, path: String? = nil, expected: Operand,
                            actual: Operand? = nil, showsDiff: Bool = false, document: Int = -1,
                            value: Int = -1) -> [Problem] {
        let expectation = FailedExpectation(relation, negated: not, path: path, expected: expected, actual: actual,
                                      showsDiff: showsDiff)
        return [Problem(.expectation(expectation), document: shown(document), value: shown(value))]
    }
}

extension ValidationContext {
    /// The loop every validator repeats in helm-unittest: over the selected
    /// documents, AND of the results, fail-fast stop, and the zero-document
    /// rule (fail with `emptyFailure`, pass when negated).
    func eachDocument(breakOnFailure: Bool = true, emptyFailure: () -> [Problem],
                      _ body: (Int, Value) -> Verdict) -> Verdict {
        var passed = false
        var problems: [Problem] = []
        for (index, document) in selected.enumerated() {
            let verdict = body(index, document)
            problems += verdict.problems
            passed = accumulate(index, passed, verdict.passed)
            if !passed && failFast && breakOnFailure { break }
        }
        if selected.isEmpty {
            if negative { passed = true } else { problems += emptyFailure() }
        }
        return Verdict(passed: passed, problems: problems)
    }

    /// The inner loop over a path's matches: a path error and an unknown
    /// path fail (unless negated), each match is judged by `body`; a nil
    /// verdict adds its lines without counting (operator type mismatches).
    func eachMatch(of path: String, in document: Value, documentIndex: Int, unknownPath: String,
                   _ body: (Int, Value) -> (passed: Bool?, problems: [Problem])) -> Verdict {
        let matches: [Value]
        do {
            matches = try queries.find(path, in: document)
        } catch {
            return Verdict(passed: false, problems: FailInfo.error(error.message, document: documentIndex))
        }
        if matches.isEmpty && !negative {
            return Verdict(passed: false, problems: FailInfo.error(unknownPath, document: documentIndex))
        }
        var passed = matches.isEmpty && negative
        var problems: [Problem] = []
        for (index, match) in matches.enumerated() {
            let verdict = body(index, match)
            problems += verdict.problems
            guard let current = verdict.passed else { continue }
            passed = accumulate(index, passed, current)
            if !passed && failFast { break }
        }
        return Verdict(passed: passed, problems: problems)
    }
}
