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
}

/// A validator's verdict for one template.
struct Verdict {
    var passed: Bool
    var lines: [FailureLine]
}

/// helm-unittest's `determineSuccess`: the first result, then AND.
@inline(__always)
func accumulate(_ index: Int, _ previous: Bool, _ current: Bool) -> Bool {
    index == 0 ? current : previous && current
}

/// Building failure lines the way helm-unittest's `splitInfof` lays them out.
enum FailInfo {
    /// `DocumentIndex:`/`ValuesIndex:` (when ≥ 0), then the body.
    static func indexed(_ body: [FailureLine], document: Int, value: Int) -> [FailureLine] {
        var out: [FailureLine] = []
        if document >= 0 { out.append(.field("DocumentIndex", String(document))) }
        if value >= 0 { out.append(.field("ValuesIndex", String(value))) }
        return out + body
    }

    /// `Error:` and the message as a block.
    static func error(_ message: String, document: Int = -1, value: Int = -1) -> [FailureLine] {
        indexed([.heading("Error:"), .block(message)], document: document, value: value)
    }

    /// helm-unittest's `setFailFormat` filled in: optional `Path:`, the
    /// `Expected[ NOT]<label>:` block, optional `Actual:` and `Diff:` blocks.
    static func expectation(not: Bool, label: String, path: String? = nil, expected: String, actual: String? = nil,
                            diff: String? = nil, document: Int = -1, value: Int = -1) -> [FailureLine] {
        var body: [FailureLine] = []
        if let path { body.append(.field("Path", trimGo(path))) }
        body.append(.heading("Expected" + (not ? " NOT" : "") + label + ":"))
        body.append(.block(expected))
        if let actual {
            body.append(.heading("Actual:"))
            body.append(.block(actual))
        }
        if let diff {
            body.append(.heading("Diff:"))
            body.append(.block(diff))
        }
        return indexed(body, document: document, value: value)
    }

    /// `strings.Trim(s, "\n\t ")`.
    static func trimGo(_ s: String) -> String {
        let set: Set<Character> = ["\n", "\t", " "]
        var sub = Substring(s)
        while let f = sub.first, set.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, set.contains(l) { sub = sub.dropLast() }
        return String(sub)
    }
}

extension ValidationContext {
    /// The loop every validator repeats in helm-unittest: over the selected
    /// documents, AND of the results, fail-fast stop, and the zero-document
    /// rule (fail with `emptyFailure`, pass when negated).
    func eachDocument(breakOnFailure: Bool = true, emptyFailure: () -> [FailureLine],
                      _ body: (Int, Value) -> Verdict) -> Verdict {
        var passed = false
        var lines: [FailureLine] = []
        for (index, document) in selected.enumerated() {
            let verdict = body(index, document)
            lines += verdict.lines
            passed = accumulate(index, passed, verdict.passed)
            if !passed && failFast && breakOnFailure { break }
        }
        if selected.isEmpty {
            if negative { passed = true } else { lines += emptyFailure() }
        }
        return Verdict(passed: passed, lines: lines)
    }

    /// The inner loop over a path's matches: a path error and an unknown
    /// path fail (unless negated), each match is judged by `body`; a nil
    /// verdict adds its lines without counting (operator type mismatches).
    func eachMatch(of path: String, in document: Value, documentIndex: Int, unknownPath: String,
                   _ body: (Int, Value) -> (passed: Bool?, lines: [FailureLine])) -> Verdict {
        let matches: [Value]
        do {
            matches = try findPath(path, in: document)
        } catch {
            return Verdict(passed: false, lines: FailInfo.error(error.message, document: documentIndex))
        }
        if matches.isEmpty && !negative {
            return Verdict(passed: false, lines: FailInfo.error(unknownPath, document: documentIndex))
        }
        var passed = matches.isEmpty && negative
        var lines: [FailureLine] = []
        for (index, match) in matches.enumerated() {
            let verdict = body(index, match)
            lines += verdict.lines
            guard let current = verdict.passed else { continue }
            passed = accumulate(index, passed, current)
            if !passed && failFast { break }
        }
        return Verdict(passed: passed, lines: lines)
    }
}
